"""Inferred relations and why they hold, computed from the facts.

Pure Python over ``(subject IRI, relation name, object IRI)`` triples, so it
is easy to test; ``kg.store`` writes the result into the inferences graph.
Rules (versioned names, recorded with every inference):

- ``symmetric.v1``: ``a r b`` for a symmetric ``r`` gives ``b r a``;
- ``inverse.v1``: ``a parentOf b`` gives ``b childOf a`` (and back; any ``owl:inverseOf``);
- ``subproperty.v1``: ``a motherOf b`` gives ``a parentOf b`` (any ckg super-property
  except the catch-all ``relativeOf``, which would shadow every family edge);
- ``grandparent.v1``: ``a parentOf b`` and ``b parentOf c`` give ``a grandparentOf c``;
- ``sibling.v1``: ``p parentOf a`` and ``p parentOf b`` give ``a siblingOf b``;
- ``parent-in-law.v1``: ``p parentOf s`` and ``s spouseOf x`` give ``p parentInLawOf x``;
- ``sibling-in-law.v1``: ``a siblingOf s`` and ``s spouseOf x`` give ``a siblingInLawOf x``
  (symmetric, so the spouse of a sibling is one too);
- ``step-parent.v1``: ``p spouseOf s``, ``s parentOf c`` and ``q parentOf c`` give
  ``p stepParentOf c`` when ``p`` is neither of the two known parents;
- ``parent-spouse.v1``: ``p spouseOf s`` and ``s parentOf c``, with ``c``'s other parent
  unknown, give only ``p relativeOf c``: ``p`` may be the other parent, unnamed.

The in-law and step rules use only current marriages: a ``spouseOf`` listed
in ``ended`` (every claim says it is over) makes no in-laws.

Rules run to a fixpoint, so chains work (motherOf -> parentOf -> childOf,
grandparentOf -> grandchildOf); the in-law and step rules run once the
parent, sibling and spouse relations are complete, then their inverses and
symmetric closure follow. Each inferred triple keeps one derivation: the
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
    >>> facts |= {("kanye", "spouseOf", "kim")}
    >>> infer(facts, load_vocabulary())[("kris", "parentInLawOf", "kanye")].premises
    (('kris', 'parentOf', 'kim'), ('kim', 'spouseOf', 'kanye'))
    >>> ("kris", "parentInLawOf", "kanye") in infer(facts, load_vocabulary(), ended=facts)
    False
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from kg.ontology import Vocabulary

__all__ = ["Triple", "Derivation", "RULES", "infer"]

Triple = tuple[str, str, str]

RULES = (
    "symmetric.v1",
    "inverse.v1",
    "subproperty.v1",
    "grandparent.v1",
    "sibling.v1",
    "parent-in-law.v1",
    "sibling-in-law.v1",
    "step-parent.v1",
    "parent-spouse.v1",
)
# relativeOf is the catch-all of every family edge, ancestorOf/descendantOf the
# transitive closure of parentOf: materialising them would only repeat the graph
_NOT_MATERIALISED = frozenset({"relativeOf", "ancestorOf", "descendantOf"})
Offer = Callable[[Triple, str, tuple[Triple, ...]], None]


@dataclass(frozen=True, slots=True)
class Derivation:
    """How an inferred triple follows: the rule and the premise triples it used."""

    rule: str
    premises: tuple[Triple, ...]


def infer(
    facts: Iterable[Triple], vocab: Vocabulary, ended: Collection[Triple] = ()
) -> dict[Triple, Derivation]:
    """Every triple the rules derive from ``facts`` (and not in them), with its derivation.

    Args:
        facts: ``(subject, relation local name, object)`` triples.
        vocab: the relation vocabulary (inverses, symmetry, super-properties).
        ended: facts that every claim states as over (a divorce); a ``spouseOf``
            here (in either direction) gives no in-laws and no step-parents.

    Returns:
        Inferred triple -> its derivation. Relations unknown to ``vocab`` take part
        in no rule.
    """
    known: set[Triple] = set(facts)
    over = {t for t in ended} | {(o, r, s) for s, r, o in ended}
    derived: dict[Triple, Derivation] = {}
    family_done = False
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

        _basic_rules(known, vocab, offer)
        if not new and not family_done:
            family_done = True  # parents, siblings and spouses are complete now
            _in_law_rules(known, vocab, over, offer)
        if not new:
            return derived
        known.update(new)
        derived.update(new)


def _basic_rules(known: set[Triple], vocab: Vocabulary, offer: Offer) -> None:
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

    children = _index(known, "parentOf")
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


def _in_law_rules(known: set[Triple], vocab: Vocabulary, over: set[Triple], offer: Offer) -> None:
    """In-laws and step-parents, from current marriages only."""
    spouses = _index({t for t in known if t not in over}, "spouseOf")
    children = _index(known, "parentOf")
    siblings = _index(known, "siblingOf")
    parents: dict[str, list[str]] = {}
    for p, kids in children.items():
        for c in kids:
            parents.setdefault(c, []).append(p)
    for kid_parents in parents.values():
        kid_parents.sort()

    if "parentInLawOf" in vocab:
        for p in sorted(children):
            for s in children[p]:
                for x in spouses.get(s, ()):
                    if x != p and x not in children[p]:
                        premises = ((p, "parentOf", s), (s, "spouseOf", x))
                        offer((p, "parentInLawOf", x), "parent-in-law.v1", premises)
    if "siblingInLawOf" in vocab:
        for a in sorted(siblings):
            for s in siblings[a]:
                for x in spouses.get(s, ()):
                    if x != a and x not in spouses.get(a, ()) and x not in siblings[a]:
                        premises = ((a, "siblingOf", s), (s, "spouseOf", x))
                        offer((a, "siblingInLawOf", x), "sibling-in-law.v1", premises)
    for p in sorted(spouses):
        for s in spouses[p]:
            for c in children.get(s, ()):
                if p in parents[c]:
                    continue
                others = [q for q in parents[c] if q not in (s, p)]
                married, parent = (p, "spouseOf", s), (s, "parentOf", c)
                if others and "stepParentOf" in vocab:
                    other = (others[0], "parentOf", c)
                    offer((p, "stepParentOf", c), "step-parent.v1", (married, parent, other))
                elif not others and "relativeOf" in vocab:
                    offer((p, "relativeOf", c), "parent-spouse.v1", (married, parent))


def _index(triples: Iterable[Triple], relation: str) -> dict[str, list[str]]:
    """subject -> sorted objects of ``relation``."""
    out: dict[str, list[str]] = {}
    for s, r, o in triples:
        if r == relation:
            out.setdefault(s, []).append(o)
    for objects in out.values():
        objects.sort()
    return out
