"""Names that are not people: places, titles of works, buildings, bands, families,
couple nicknames.

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

from kg.extract.lexicon import CLUB_WORDS, GROUP_NAME_NOUNS, PLACE_HEADS, TITLES, WORK_NOUNS

__all__ = ["in_place", "is_blend", "names_a_thing"]

_CALLED = {"called", "named", "titled", "dubbed", "entitled"}
_INSTITUTIONS = {"university", "college", "academy", "institute", "foundation", "museum"}
_VENUE_OPENERS = {"chez", "casa", "café", "cafe", "hotel"}
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
    if len(span) > 1 and span[0].lower_ in _VENUE_OPENERS:
        return True  # "Chez Ivy", "Casa Albarrán": a restaurant named after a person
    if len(span) > 1 and any(t.lower_ in CLUB_WORDS | _INSTITUTIONS for t in span):
        return True  # "FC Vestby", "Atlético Juazeirense", "University College Cork"
    if span.start > 2 and doc[span.start - 1].lower_ in {"and", ","}:
        place = {"GPE", "LOC"}  # "Maria Amalia of Naples and Sicily": a place listed after one
        before = doc[span.start - 2]
        placed = before.ent_type_ in place and doc[before.left_edge.i - 1].lower_ == "of"
        of_somewhere = span.end < len(doc) and doc[span.end].lower_ == "of"  # "Maria of Austria"
        if placed and len(span) == 1 and span[0].ent_type_ in place and not of_somewhere:
            return True
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
    previous = doc[span.start - 1] if span.start > 0 else None
    return (  # "no Delaneys", "the Kardashians" (not "Pharasmanes' son")
        len(span) == 1
        and span[0].tag_ == "NNPS"
        and span[0].text.endswith("s")
        and previous is not None
        and previous.pos_ in {"DET", "NUM"}
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


# Offices held over a place: "X of Y" makes a one-word Y a place.
_SEATS = TITLES - {"consort"} | {
    "bishop",
    "archbishop",
    "abbot",
    "abbess",
    "governor",
    "mayor",
    "emir",
    "ruler",
}


# Posts held in an organisation or a place: "director of Y" makes any Y a thing.
_POSTS = {
    "director", "founder", "co-founder", "ceo", "chairman", "chairwoman", "chair", "president",
    "member", "leader", "head", "owner", "editor", "dean", "principal", "ruler", "emir",
}  # fmt: skip


def in_place(span: Span) -> bool:
    """The name is the object of a place preposition: "in Tuscany", "at Chez Ivy"."""
    root = span.root
    while root.dep_ == "compound" and root.head.i != root.i:  # "at [Chez] Ivy"
        root = root.head
    while (
        root.dep_ in {"conj", "appos"} and root.head.pos_ == "PROPN"
    ):  # "in Berthier, Canada East"
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        office = root.head.head.lower_
        if office in _POSTS:
            return True  # "the creative director of Marchenko London", "ruler of Ile-Orun"
        if office in _SEATS:
            return len(span) == 1  # "Queen of Mauritius", "Duke of Edinburgh", "Bishop of Ely"
    if any(t.like_num for t in span.doc[root.head.i + 1 : span.start]):
        return False  # "In 2019 McIlwraith married": the parser took the name for the year's
    return root.dep_ == "pobj" and root.head.lower_ in {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "across",
    }
