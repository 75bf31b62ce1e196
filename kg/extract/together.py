"""Couples said to be together: "X and Y have been together since 2017".

- ``together.v1``: "X and Y have been together since 2017", "X has been together
  with Y for six years", "X and Y were together for five years" (ended); not "X
  and Y were together at the party" (no time span) or "together on stage since 2017".
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from spacy.tokens import Token

from kg.extract.context import Candidate, Context, rules
from kg.extract.referents import of_objects, verb_subjects

__all__ = ["together"]


def _for_a_time(verb: Token) -> bool:
    """ "have been together", "together since 2017", "together for six years"."""
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    doc = verb.doc
    spans = any(
        c.dep_ == "prep"
        and c.lower_ in {"since", "for"}
        and c.i + 1 < len(doc)
        and doc[c.i + 1].ent_type_ == "DATE"
        for c in verb.children
    )
    return perfect or spans


def _somewhere(word: Token, verb: Token) -> bool:
    """Together in some place or work: "together on stage", "together in the band"."""
    preps = [c for n in (word, verb) for c in n.children if c.dep_ == "prep"]
    return any(p.lower_ not in {"since", "for", "with", "from", "until", "till"} for p in preps)


@rules.register("together.v1")
def together(ctx: Context) -> Iterator[Candidate]:
    """People together for a time are partners; "were together" (past) has ended."""
    for word in ctx.tokens:
        if word.lower_ != "together" or word.dep_ != "advmod" or word.head.lemma_ != "be":
            continue
        verb = word.head
        if not _for_a_time(verb) or _somewhere(word, verb):
            continue
        subjects = verb_subjects(ctx, verb)
        others = of_objects(ctx, verb, {"with"})
        pairs = [(s, o) for s in subjects for o in others] or list(combinations(subjects, 2))
        ended = verb.tag_ == "VBD"
        for a, b in pairs:
            yield Candidate(a, "partnerOf", b, word, "together.v1", 0.8, ended)
