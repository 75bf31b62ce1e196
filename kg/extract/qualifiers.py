"""The qualifiers of a claim, read around its trigger word.

- former: "ex-wife", "divorced", "split", "estranged", "late", "former",
  "was married to";
- negated: a negation on the trigger's clause ("not dating", "never
  married"), a denial governing it ("denied dating"), "just friends";
- hedged: "reportedly", "rumoured", "allegedly", "sources say", "a source told";
- time: years attached to the trigger ("married in 2009").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.extract.lexicon import FRIENDS_ONLY, HEDGE_LEMMAS, HEDGE_WORDS, NEGATION_LEMMAS

__all__ = ["Qualifiers", "qualify"]

_FORMER_MODIFIERS = {"ex", "ex-", "former", "late", "estranged", "erstwhile", "then"}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass(frozen=True, slots=True)
class Qualifiers:
    """Status of one claim."""

    former: bool = False
    negated: bool = False
    hedged: bool = False
    start: str | None = None
    end: str | None = None


def _ancestors_in_clause(tok: Token) -> list[Token]:
    """``tok`` and its heads up to (and including) the sentence root."""
    chain = [tok]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def is_negated(trigger: Token, romantic: bool) -> bool:
    """A negation or a denial governs the trigger, or "just friends" denies a romance."""
    chain = _ancestors_in_clause(trigger)
    for node in chain[:4]:
        if any(c.dep_ == "neg" or c.lower_ in {"never", "no"} for c in node.children):
            return True
    if any(node.lemma_.lower() in NEGATION_LEMMAS for node in chain[1:]):
        return True
    sent = trigger.sent.text.lower()
    return romantic and any(phrase in sent for phrase in FRIENDS_ONLY)


def is_hedged(trigger: Token) -> bool:
    """Hearsay words in the sentence, or a hedging verb governing the trigger."""
    if any(t.lower_ in HEDGE_WORDS for t in trigger.sent):
        return True
    return any(node.lemma_.lower() in HEDGE_LEMMAS for node in _ancestors_in_clause(trigger)[1:])


def is_former(trigger: Token, former_word: bool, *people: Token) -> bool:
    """An ended relation: a former-trigger, "ex-"/"late"/"former", or "was married to"."""
    if former_word or trigger.lower_.startswith("ex-"):
        return True
    for tok in (trigger, *people):
        if any(c.lower_ in _FORMER_MODIFIERS for c in tok.children if c.dep_ in {"amod", "compound", "advmod"}):
            return True
        if tok.i > 0 and tok.doc[tok.i - 1].lower_ in {"ex", "ex-"}:
            return True
    if trigger.lemma_ in {"marry", "married"} and trigger.tag_ in {"VBN", "JJ"}:
        aux = [c for c in trigger.children if c.dep_ in {"auxpass", "aux"} and c.lemma_ == "be"]
        head = trigger.head if trigger.dep_ == "acomp" else None
        if any(a.tag_ == "VBD" for a in aux) or (head is not None and head.tag_ == "VBD"):
            return not any(c.lower_ == "still" for c in trigger.children)
    return False


def years(trigger: Token) -> list[str]:
    """Years in the trigger's own prepositional phrases ("married in 2009")."""
    found = []
    for child in trigger.children:
        if child.dep_ == "prep" or child.ent_type_ == "DATE":
            found += _YEAR.findall(" ".join(t.text for t in child.subtree))
    return found


def qualify(trigger: Token, former_word: bool, romantic: bool, *people: Token) -> Qualifiers:
    """All qualifiers of the claim triggered by ``trigger``."""
    former = is_former(trigger, former_word, *people)
    found = years(trigger)
    start = end = None
    if found:
        if former_word and trigger.pos_ == "VERB":
            end = found[0]
        else:
            start = found[0]
            end = found[1] if len(found) > 1 else None
    return Qualifiers(former, is_negated(trigger, romantic), is_hedged(trigger), start, end)


def sentence_of(tok: Token) -> Span:
    """The sentence holding ``tok``."""
    return tok.sent
