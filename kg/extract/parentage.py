"""Parentage stated by birth: "X was born to A and B", "one of six children born to A".

- ``born-to.v1``: "X was born (in Oslo) to A and B", "born to A, a fisherman, and his
  wife B", "X, one of six children born to A and B", "Arjuna, born of Kunti".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.context import Candidate, Context, Ref, rules
from kg.extract.of_phrase import parent_spouses
from kg.extract.referents import of_objects, partitive_owner, people, verb_subjects

__all__ = ["born_to"]


def _children(ctx: Context, born: Token) -> list[Ref]:
    """Who was born: the subject, the person "born" describes, or one of a group."""
    subjects = [c for c in born.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subjects:
        return people(ctx, subjects)
    if born.dep_ in {"acl", "relcl", "advcl"}:
        head = born.head
        if ctx.is_person(head):
            return ctx.persons_in(head)  # "Arjuna ..., born of Kunti"
        if head.pos_ == "NOUN":
            return partitive_owner(ctx, head)  # "one of six children born to A and B"
    return verb_subjects(ctx, born)


@rules.register("born-to.v1")
def born_to(ctx: Context) -> Iterator[Candidate]:
    """ "X was born to A and B": A and B are X's parents."""
    for born in ctx.tokens:
        if born.lower_ != "born" or born.tag_ != "VBN":
            continue
        parents = of_objects(ctx, born, {"to", "of"})
        if not parents:
            continue
        parents += parent_spouses(ctx, born, {p.person for p in parents})
        for child in _children(ctx, born):
            for parent in parents:
                yield Candidate(parent, "parentOf", child, born, "born-to.v1", 0.85)
