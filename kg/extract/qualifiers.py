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

from spacy.tokens import Token

from kg.extract.lexicon import (
    FRIENDS_ONLY,
    HEDGE_LEMMAS,
    HEDGE_WORDS,
    NEGATION_LEMMAS,
    NEGATION_PHRASAL,
)

__all__ = ["Qualifiers", "qualify"]

_FORMER_MODIFIERS = {
    "ex",
    "ex-",
    "former",
    "late",
    "estranged",
    "erstwhile",
    "then",
    "first",
    "previous",
    "previously",
    "once",
}
_ENDING_VERBS = {
    "call",
    "break",
    "end",
    "cancel",
    "annul",
    "dissolve",
}  # "called off their engagement"
_TIME_PREPS = {"in", "since", "from", "until", "till", "to", "during", "on", "after", "before"}
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
    # A negation does not reach into a prepositional phrase: "no relation to her ex-husband".
    cut = next((i for i, t in enumerate(chain[:-1]) if t.dep_ in {"pobj", "pcomp"}), len(chain))
    # Nor into the subject of another verb: "Kwame's sister, X, didn't stay quiet".
    cut = next(
        (
            i
            for i, t in enumerate(chain[:cut])
            if t.dep_ in {"nsubj", "nsubjpass"}
            and t.pos_ in {"NOUN", "PROPN"}
            and t.head.lemma_ != "be"
        ),
        cut,
    )
    chain = chain[: cut + 1]
    for node in chain[:4]:
        if any(c.dep_ == "neg" or c.lower_ in {"never", "no"} for c in node.children):
            return True
    if any(_denies(node) for node in chain[1:]):
        return True
    sent = trigger.sent.text.lower()
    return romantic and any(phrase in sent for phrase in FRIENDS_ONLY)


def _denies(verb: Token) -> bool:
    """ "denied", "dismissed", "shot down" or "shut down" (not "shut the door")."""
    lemma = verb.lemma_.lower()
    return lemma in NEGATION_LEMMAS or (
        lemma in NEGATION_PHRASAL
        and any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)
    )


_REPORTING = {
    "say",
    "tell",
    "claim",
    "report",
    "reveal",
    "add",
    "insist",
    "confirm",
    "dish",
    "spill",
}
_SOURCES = {
    "source",
    "sources",
    "insider",
    "insiders",
    "pal",
    "friend",
    "tipster",
    "onlooker",
    "eyewitness",
}


def is_hedged(trigger: Token) -> bool:
    """Hearsay around the relation: "reportedly dating", "rumored boyfriend",
    "sources say", "according to an insider", "rumors that they are dating".

    A relation noun inside a clause about something else ("was reportedly
    introduced by her best friend") is not hedged by that clause's adverb.
    """
    if trigger.lemma_.lower() == "link":
        return True  # "linked to Y" is gossip's word for a rumoured romance
    chain = _ancestors_in_clause(trigger)
    nominal = trigger.pos_ in {"NOUN", "PROPN"} and trigger.dep_ != "attr"
    scope = (
        chain[:1]
        if nominal
        else chain[: next((i + 1 for i, t in enumerate(chain) if t.dep_ == "ROOT"), None)]
    )
    if any(c.lower_ in HEDGE_WORDS for node in scope for c in [node, *node.children]):
        return True
    for node in chain[1:]:
        if node.lemma_.lower() in HEDGE_LEMMAS - {"report"}:
            return True  # "rumored to be dating", "speculation that ..."
        if node.lemma_.lower() in _REPORTING and any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in _SOURCES for c in node.children
        ):
            return True  # "sources say", "an insider told"
    sent = trigger.sent.text.lower()
    return "according to" in sent and any(w in sent for w in ("source", "insider", "report"))


def is_former(trigger: Token, former_word: bool, *people: Token) -> bool:
    """An ended relation: a former-trigger, "ex-"/"late"/"former", or "was married to"."""
    if former_word or trigger.lower_.startswith("ex-"):
        return True
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in _ENDING_VERBS:
        return True
    for tok in (trigger, *people):
        if any(
            c.lower_ in _FORMER_MODIFIERS
            and not any(t.tag_ in {"NN", "NNS"} for t in tok.doc[c.i + 1 : tok.i])
            and not _maiden_name(c)
            and not (c.lower_ == "first" and tok.pos_ == "VERB")  # "first linked in 2019"
            for c in tok.children
            if c.dep_ in {"amod", "compound", "advmod"}
        ):  # not "former MLB pitcher Jae-hyun Kim": a former pitcher
            return True
        if tok.i > 0 and tok.doc[tok.i - 1].lower_ in {"ex", "ex-"}:
            return True
    if trigger.lemma_ in {"marry", "married"} and trigger.tag_ in {"VBN", "JJ"}:
        aux = [c for c in trigger.children if c.dep_ in {"auxpass", "aux"} and c.lemma_ == "be"]
        head = trigger.head if trigger.dep_ == "acomp" else None
        if any(a.tag_ == "VBD" for a in aux) or (head is not None and head.tag_ == "VBD"):
            return not any(c.lower_ == "still" for c in trigger.children) and not _wedding(trigger)
    return False


def _wedding(married: Token) -> bool:
    """ "They were married in 1996 in Bucharest": the wedding, not a marriage now over
    (but "was married to Y for 20 years", "until her death")."""
    preps = {c.lower_: c for c in married.children if c.dep_ == "prep"}
    if preps.keys() & {"for", "until", "till", "from"}:
        return False
    return any(
        g.ent_type_ in {"DATE", "GPE", "LOC", "FAC"} or g.like_num
        for p in preps.values()
        if p.lower_ in {"in", "on", "at"}
        for g in p.children
        if g.dep_ == "pobj"
    )


def _maiden_name(former: Token) -> bool:
    """ "married the former Ruth Kaplan": a name before marriage, not an ended relation."""
    doc = former.doc
    return (
        former.lower_ == "former"
        and former.i > 0
        and doc[former.i - 1].lower_ == "the"
        and former.i + 1 < len(doc)
        and doc[former.i + 1].pos_ == "PROPN"
    )


def years(trigger: Token) -> list[str]:
    """Years in the trigger's own time phrases ("married in 2009", "from 2012 to 2018"),
    not in clauses about something else ("daughter of X, who turned 50 in 2020")."""
    found = []
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in _TIME_PREPS:
            found += _prep_years(child)
        elif child.ent_type_ == "DATE" and child.dep_ in {"npadvmod", "nummod", "pobj"}:
            found += _YEAR.findall(child.text)
    return found


def _prep_years(prep: Token) -> list[str]:
    """Years of a time phrase and of the phrases chained to it ("from 2012 to 2018")."""
    found = []
    for obj in prep.children:
        if obj.dep_ == "pobj":
            found += _YEAR.findall(obj.text)
            found += [
                y
                for p in obj.children
                if p.dep_ == "prep" and p.lower_ in _TIME_PREPS
                for y in _prep_years(p)
            ]
        elif obj.dep_ == "prep" and obj.lower_ in _TIME_PREPS:
            found += _prep_years(obj)
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
