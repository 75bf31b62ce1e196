"""Whether the grammar ties a name to a relation word.

A name NER mislabels or misses still counts as a person's when the sentence
relates it to someone: "her brother, Jasper Calloway", "X's mother", "X is Y's
mother", "the daughter of X", "his wife X", "X married Y", "married to X".
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.lexicon import EVENT_NOUNS

__all__ = ["kin_attached"]

_PLACE_PREPS = {"in", "at", "near", "from", "to", "on"}


def _my_name(tok: Token) -> bool:
    return tok.lower_ == "name" and any(c.lower_ == "my" for c in tok.children)


def kin_attached(root: Token, kin_words: set[str]) -> bool:
    """The grammar ties this name to a relation word: "her brother, X", "X's mother",
    "X is Y's mother", "the daughter of X", "his wife X", "X married Y", "married to X",
    "born to X"."""

    def kin(tok: Token) -> bool:
        lemma = tok.lemma_.lower()
        objects = [f"{lemma} the {c.lower_}" for c in tok.children if c.dep_ == "dobj"]
        again = [lemma[2:]] if lemma.startswith("re") and tok.pos_ == "VERB" else []  # remarry
        return any(w in kin_words for w in [tok.lower_, lemma, *objects, *again])

    while root.dep_ == "conj" and root.head.i != root.i:
        if kin(root.head):  # "two children, Olivia and Daxten"
            return True
        root = root.head
    if root.dep_ == "appos" and root.pos_ == "NOUN" and root.head.pos_ == "PROPN":
        root = root.head  # "the son of A, a machinist, and B": B is listed with A
    head = root.head
    if root.dep_ in {"appos", "poss", "compound"} and kin(head):
        return True
    if root.dep_ == "appos" and head.pos_ == "NOUN" and head.i < root.i:
        root, head = head, head.head  # "married to the painter Diego Rivera": as "the painter"
        if root.dep_ == "appos" and kin(head) and head.lemma_.lower() not in EVENT_NOUNS:
            return True  # "her husband, the lawyer Femi Cole"
    if any(c.dep_ == "compound" and kin(c) for c in root.children):  # "three children - Alexis"
        return True
    modifiers = [root, *(c for c in root.children if c.dep_ == "compound")]
    if any(g.dep_ == "amod" and g.pos_ == "VERB" and kin(g) for m in modifiers for g in m.children):
        return True  # "X married Princess Y" with "married" parsed as Y's adjective
    if root.dep_ == "dobj" and head.lemma_ == "include":  # "His children included A, B and C"
        return any(c.dep_ in {"nsubj", "nsubjpass"} and kin(c) for c in head.children)
    if root.dep_ == "pobj" and head.lower_ == "of" and kin(head.head):
        return True
    if root.dep_ in {"oprd", "dobj", "xcomp"} and head.lower_ in {"named", "called"}:
        return head.dep_ == "acl" and kin(head.head)  # "a son called Leo"
    if root.dep_ in {"nsubj", "nsubjpass"}:  # "X is Y's mother", "X married Y", "X is married to Y"
        return kin(head) or any(c.dep_ in {"attr", "acomp"} and kin(c) for c in head.children)
    if root.dep_ in {"dobj", "npadvmod"} and head.pos_ == "VERB":
        return kin(head)  # "married the architect Jacques Blondel" (npadvmod when parsed badly)
    if root.dep_ == "pobj" and head.lower_ in {"to", "with", "from"}:
        verb = head.head  # "finalized her divorce from X": the event is the verb's object
        return (
            kin(verb)
            or (head.lower_ == "to" and verb.lower_ == "born")
            or any(c.dep_ == "dobj" and c.lemma_.lower() in EVENT_NOUNS for c in verb.children)
        )
    if root.dep_ == "attr" and head.lemma_ == "be":  # "His brother was X", "My name is X"
        return any(
            c.dep_ in {"nsubj", "nsubjpass"} and (kin(c) or _my_name(c)) for c in head.children
        )
    # "X, the daughter of Y" -- but not a place: "born in Munich, the third child of Y",
    # "born in Berthier, Canada East, the son of Louis"
    place = root
    while place.dep_ in {"appos", "conj"} and place.head.i != place.i:
        place = place.head
    in_place = place.dep_ == "pobj" and place.head.lower_ in _PLACE_PREPS
    return not in_place and any(c.dep_ == "appos" and kin(c) for c in root.children)
