"""Parentage stated by birth or adoption: "X was born to A and B", "one of six
children born to A", "X was adopted by A".

- ``born-to.v1``: "X was born (in Oslo) to A and B", "born to A, a fisherman, and his
  wife B", "X, one of six children born to A and B", "Arjuna, born of Kunti", "X was
  adopted by A and B".
- ``fathered.v1``: "A fathered X with B", "A sired X", "A gave birth to X".
- ``shared-children.v1``: "A shares X, 13, and Y, 8, with B": A and B are the parents of
  X and Y, who are siblings.
- ``same-parents.v1``: "their son, X, ... while their daughter Y": X and Y are siblings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations

from spacy.tokens import Token

from kg.extract.context import Candidate, Context, Ref, rules
from kg.extract.of_phrase import named_after_and, parent_spouses
from kg.extract.referents import (
    kin_conjuncts,
    listed_people,
    of_objects,
    owners,
    partitive_owner,
    people,
    referents,
    verb_subjects,
)
from kg.extract.syntax import CHILD_NOUNS

__all__ = ["born_to", "fathered", "same_parents", "shared_children"]


def _children(ctx: Context, born: Token) -> list[Ref]:
    """Who was born: the subject, the person "born" describes, or one of a group."""
    subjects = [c for c in born.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subjects:  # "X and his twin brother, Y, were born to A and B"
        found = people(ctx, subjects)
        return found + kin_conjuncts(ctx, subjects, {r.person for r in found})
    if born.dep_ in {"acl", "relcl", "advcl"}:
        head = born.head
        if ctx.is_person(head):
            return ctx.persons_in(head)  # "Arjuna ..., born of Kunti"
        if head.pos_ == "NOUN":
            return partitive_owner(ctx, head)  # "one of six children born to A and B"
    return verb_subjects(ctx, born)


def _adopters(ctx: Context, adopted: Token) -> list[Ref]:
    """The people in "adopted by A and B" (the passive's agent)."""
    verbs = [adopted, *(c for c in adopted.children if c.dep_ == "conj")]  # "adopted and raised by"
    by = [g for v in verbs for c in v.children if c.dep_ == "agent" for g in c.children]
    return people(ctx, [g for g in by if g.dep_ == "pobj"])


@rules.register("born-to.v1")
def born_to(ctx: Context) -> Iterator[Candidate]:
    """ "X was born to A and B", "X was adopted by A and B": A and B are X's parents."""
    for born in ctx.tokens:
        adopted = born.lemma_ == "adopt" and born.tag_ == "VBN"
        if not adopted and (born.lower_ != "born" or born.tag_ != "VBN"):
            continue
        parents = _adopters(ctx, born) if adopted else of_objects(ctx, born, {"to", "of"})
        if not parents:
            continue
        parents += parent_spouses(ctx, born, {p.person for p in parents})
        parents += named_after_and(ctx, born, parents)  # "to A, a machinist, and the former B"
        for child in _children(ctx, born):
            for parent in parents:
                yield Candidate(parent, "parentOf", child, born, "born-to.v1", 0.85)


def _shared(ctx: Context, verb: Token) -> tuple[list[Ref], list[Ref]]:
    """The children two people share, and the two: "X shares A, 13, and B, 8, with
    Y", "son A, whom she shares with Y", "X and his wife Y, who share daughters A and
    B" (a name, not "a mother": "X shares a mother with Y" makes them siblings)."""
    parents = verb_subjects(ctx, verb) + of_objects(ctx, verb, {"with"})
    if verb.dep_ == "relcl" and any(c.lower_ == "who" for c in verb.children):
        first = verb.head.head if verb.head.dep_ == "appos" else verb.head
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head  # "X and his wife Y, who share": X, and "his wife"
        parents += [r for t in (first, *first.conjuncts) for r in ctx.refs(t)]
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return [], []
    if obj.lower_ == "whom" and verb.dep_ == "relcl":
        children = ctx.persons_in(verb.head)  # "daughter A and son B, whom she shares with Y"
    elif obj.pos_ != "PROPN" or not ctx.is_person(obj):
        return [], []
    else:
        children = listed_people(ctx, obj.left_edge.i)
        children = children if len(children) > 1 else people(ctx, [obj])
        # "with Y" may hang on the last child: "shares A, 13, and B, 8, with Y"
        parents += [r for c in children for r in of_objects(ctx, c.token, {"with"})]
    return (children, parents) if len({p.person for p in parents}) > 1 else ([], [])


@rules.register("fathered.v1")
def fathered(ctx: Context) -> Iterator[Candidate]:
    """ "A fathered X (with B)", "A gave birth to X": A (and B) are X's parents."""
    for verb in ctx.tokens:
        birth = verb.lemma_ == "give" and any(c.lemma_ == "birth" for c in verb.children)
        if verb.pos_ != "VERB" or not (birth or verb.lemma_ in {"father", "mother", "sire"}):
            continue
        if birth:  # "A gave birth to X", "A gave birth to their daughter, X"
            to = [c for c in verb.children if c.lower_ == "to"]
            to += [g for c in verb.children if c.lemma_ == "birth" for g in c.children]
            children = people(ctx, [g for p in to if p.lower_ == "to" for g in p.children])
        else:
            children = people(ctx, [c for c in verb.children if c.dep_ == "dobj"])
        parents = verb_subjects(ctx, verb) + of_objects(ctx, verb, {"with", "by"})
        for parent in parents:
            for child in children:
                yield Candidate(parent, "parentOf", child, verb, "fathered.v1", 0.85)


@rules.register("shared-children.v1")
def shared_children(ctx: Context) -> Iterator[Candidate]:
    """ "A shares X, 13, and Y, 8, with B", "son X, whom she shares with B", "The pair
    ... share son X and daughter Y": A and B are X's and Y's parents; X and Y are siblings."""
    for share in ctx.tokens:
        if share.lower_ not in {"share", "shares", "shared"}:
            continue
        children, parents = (
            _shared(ctx, share) if share.pos_ == "VERB" else _shared_misparsed(ctx, share)
        )
        for parent in parents:
            for child in children:
                yield Candidate(parent, "parentOf", child, share, "shared-children.v1", 0.85)
        for a, b in combinations(children, 2):
            yield Candidate(a, "siblingOf", b, share, "shared-children.v1", 0.8)


def _shared_misparsed(ctx: Context, share: Token) -> tuple[list[Ref], list[Ref]]:
    """The children listed after "share" tagged a noun, and who shares them: the
    sentence's group ("The pair, who divorced in 2021, share son Leo, nine, and daughter
    Anya"), else the one or two people named before it and the one after "with"
    ("Kourtney shares Mason, 13, and Reign, 8, with her ex Scott Disick")."""
    sent = share.sent
    children = listed_people(ctx, share.i + 1)
    if not children:
        return [], []
    group = next((ctx.refs(t) for t in ctx.tokens[sent.start : share.i] if ctx.coref.group(t)), [])
    if len(group) > 1:
        return children, group
    named = {  # "X and his wife, actress Y, share daughter Z": the two people before (not
        r.person: r  # "His" in "His dad, X, shares A with his ex Y")
        for t in ctx.tokens[sent.start : share.i]
        if t.dep_ != "poss"
        for r in ctx.refs(t)
    }
    before = list(named.values()) if len(named) <= 2 else ctx.refs(ctx.doc[share.i - 1])
    parents = before + _with_after(ctx, children[-1].token)
    return (children, parents) if len({p.person for p in parents}) > 1 else ([], [])


def _with_after(ctx: Context, last: Token) -> list[Ref]:
    """The person of the "with" phrase right after a list's last name and its age:
    "..., and Reign, 8, with her ex Scott Disick" (the name, not "her")."""
    doc, j = ctx.doc, last.i + 1
    while j < len(doc) and (doc[j].text == "," or doc[j].like_num):
        j += 1
    if j >= len(doc) or doc[j].lower_ != "with":
        return []
    window = doc[j + 1 : min(j + 6, last.sent.end)]
    named = [t for t in window if t.pos_ == "PROPN" and ctx.is_person(t)]
    return ctx.refs(named[0]) if named else ctx.refs(window[0]) if len(window) else []


@rules.register("same-parents.v1")
def same_parents(ctx: Context) -> Iterator[Candidate]:
    """Children one sentence gives the same parents through different nouns: "their
    son, X, continued his work, while their daughter Y ...": X and Y are siblings."""
    children: dict[tuple[int, frozenset[int]], dict[int, tuple[Ref, Token]]] = defaultdict(dict)
    for noun in ctx.kin_nouns:
        if noun.lemma_.lower() not in CHILD_NOUNS:
            continue
        parents = frozenset(r.person for r in owners(ctx, noun))
        for child in referents(ctx, noun) if parents else []:
            if child.person not in parents:
                children[(noun.sent.start, parents)].setdefault(child.person, (child, noun))
    for found in children.values():
        for (a, noun), (b, _) in combinations(found.values(), 2):
            yield Candidate(a, "siblingOf", b, noun, "same-parents.v1", 0.75)
