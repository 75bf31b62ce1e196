"""Names that are not people: titles of works, buildings, bands, families, couple nicknames.

"The Netflix drama Finding Frankie", "their YouTube channel, Prescott Pranks",
"The Delaney Sisters" (a band), "no Delaneys" (a family) and "Jaxlyn" (Jax
and Brooklyn as a couple) name things that NER often takes for people.

Examples:
    >>> is_blend("brangelina", ["brad", "angelina"]), is_blend("tomkat", ["tom", "katie"])
    (True, True)
    >>> is_blend("stone", ["jaxon", "evelyn"]), is_blend("brad", ["brad", "angelina"])
    (False, False)
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from kg.extract.lexicon import GROUP_NAME_NOUNS, PLACE_HEADS, WORK_NOUNS

__all__ = ["is_blend", "names_a_thing"]

_CALLED = {"called", "named", "titled", "dubbed", "entitled"}
_CAST_VERBS = {"star", "appear", "feature", "cast", "costar", "co-star"}


def _work(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in WORK_NOUNS


def names_a_thing(span: Span) -> bool:
    """The name is a title or a group: after or appositive to a work noun ("the drama
    X", "their channel, X", "a collection called X"), the object of "stars in",
    followed by "Sisters"/"Brothers", or a plural surname."""
    doc, root = span.doc, span.root
    if span.start > 0 and _work(doc[span.start - 1]):
        return True
    if len(span) > 1 and span[-1].is_title and span[-1].lower_ in PLACE_HEADS:
        return True  # "the Rashid bin Saeed Mosque", "Brandt Hardware"
    if root.dep_ == "appos" and _work(root.head):
        return True
    head = root.head
    if head.lower_ in _CALLED and (_work(head.head) or (head.dep_ == "acl" and _work(head.head))):
        return True
    if root.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() in _CAST_VERBS:
        return True  # "stars in Finding Frankie"
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.is_title and after.lower_ in GROUP_NAME_NOUNS:
        return True  # "The Delaney Sisters"
    before = doc[span.start - 1] if span.start > 0 else None
    return (  # "no Delaneys", "the Kardashians" (not "Pharasmanes' son")
        len(span) == 1
        and span[0].tag_ == "NNPS"
        and span[0].text.endswith("s")
        and before is not None
        and before.pos_ in {"DET", "NUM"}
        and not (after is not None and after.tag_ == "POS")
    )


def is_blend(word: str, first_names: Iterable[str]) -> bool:
    """``word`` joins the start of one first name to the end (or start) of another:
    a couple nickname."""
    names = [n for n in set(first_names) if n and n != word]
    for a in names:
        for k in range(2, min(len(a), len(word) - 1) + 1):
            if word[:k] != a[:k]:
                break
            rest = word[k:]
            if len(rest) >= 2 and any(
                b != a and (b.endswith(rest) or b.startswith(rest)) for b in names
            ):
                return True
    return False
