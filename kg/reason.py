"""Inferred relations and why they hold, computed from the facts.

Pure Python over ``(subject IRI, relation name, object IRI)`` triples, so it
is easy to test; ``kg.store`` writes the result into the inferences graph.
Rules (versioned names, recorded with every inference):

- ``symmetric.v1``: ``a r b`` for a symmetric ``r`` gives ``b r a``;
- ``inverse.v1``: ``a parentOf b`` gives ``b childOf a`` (and back; any ``owl:inverseOf``);
- ``subproperty.v1``: ``a motherOf b`` gives ``a parentOf b`` (any ckg super-property
  except the catch-all ``relativeOf``, which would shadow every family edge);
- ``grandparent.v1``: ``a parentOf b`` and ``b parentOf c`` give ``a grandparentOf c``;
- ``sibling.v1``: ``p parentOf a`` and ``p parentOf b`` give ``a siblingOf b``.

Rules run to a fixpoint, so chains work (motherOf -> parentOf -> childOf,
grandparentOf -> grandchildOf). Each inferred triple keeps one derivation: the
first found, breadth-first in sorted order, hence the shortest and always the
same. A triple that is already a fact, or links an entity to itself, is never
inferred.

Examples:
    >>> from kg.ontology import load_vocabulary
    >>> facts = {("kris", "motherOf", "kim"), ("kim", "motherOf", "north")}
    >>> inferred = infer(facts, load_vocabulary())
    >>> inferred[("kris", "grandparentOf", "north")].rule
    'grandparent.v1'
    >>> inferred[("kris", "grandparentOf", "north")].premises
    (('kris', 'parentOf', 'kim'), ('kim', 'parentOf', 'north'))
    >>> inferred[("north", "grandchildOf", "kris")].rule
    'inverse.v1'
    >>> ("kris", "motherOf", "kim") in inferred  # a fact is not inferred again
    False
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kg.ontology import Vocabulary

__all__ = ["Triple", "Derivation", "RULES", "infer"]

Triple = tuple[str, str, str]

RULES = ("symmetric.v1", "inverse.v1", "subproperty.v1", "grandparent.v1", "sibling.v1")
_NOT_MATERIALISED = frozenset({"relativeOf"})


@dataclass(frozen=True, slots=True)
class Derivation:
    """How an inferred triple follows: the rule and the premise triples it used."""

    rule: str
    premises: tuple[Triple, ...]


def infer(facts: Iterable[Triple], vocab: Vocabulary) -> dict[Triple, Derivation]:
    """Every triple the rules derive from ``facts`` (and not in them), with its derivation.

    Args:
        facts: ``(subject, relation local name, object)`` triples.
        vocab: the relation vocabulary (inverses, symmetry, super-properties).

    Returns:
        Inferred triple -> its derivation. Relations unknown to ``vocab`` take part
        in no rule.
    """
    known: set[Triple] = set(facts)
    derived: dict[Triple, Derivation] = {}
    while True:
        new: dict[Triple, Derivation] = {}

        def offer(
            triple: Triple,
            rule: str,
            premises: tuple[Triple, ...],
            new: dict[Triple, Derivation] = new,
        ) -> None:
            if triple[0] != triple[2] and triple not in known and triple not in new:
                new[triple] = Derivation(rule, premises)

        for triple in sorted(known):
            s, r, o = triple
            rel = vocab.relations.get(r)
            if rel is None:
                continue
            if rel.symmetric:
                offer((o, r, s), "symmetric.v1", (triple,))
            if rel.inverse and rel.inverse in vocab:
                offer((o, rel.inverse, s), "inverse.v1", (triple,))
            for parent in rel.parents:
                if parent not in _NOT_MATERIALISED and parent in vocab:
                    offer((s, parent, o), "subproperty.v1", (triple,))

        children: dict[str, list[str]] = {}
        for s, r, o in known:
            if r == "parentOf":
                children.setdefault(s, []).append(o)
        for kids in children.values():
            kids.sort()
        if "grandparentOf" in vocab:
            for a in sorted(children):
                for b in children[a]:
                    for c in children.get(b, ()):
                        premises = ((a, "parentOf", b), (b, "parentOf", c))
                        offer((a, "grandparentOf", c), "grandparent.v1", premises)
        if "siblingOf" in vocab:
            for p in sorted(children):
                for a in children[p]:
                    for b in children[p]:
                        if a != b:
                            premises = ((p, "parentOf", a), (p, "parentOf", b))
                            offer((a, "siblingOf", b), "sibling.v1", premises)

        if not new:
            return derived
        known.update(new)
        derived.update(new)
