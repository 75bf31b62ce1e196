"""The relation vocabulary, read from ``ontology/celebrity.ttl``.

The ontology is the one source of truth for relation names, their inverses,
symmetry, super-properties and English trigger words; the extractor reads its
lexicon from here.

Examples:
    >>> vocab = load_vocabulary()
    >>> vocab["spouseOf"].symmetric
    True
    >>> [r.name for r in vocab.by_trigger("mom")]
    ['motherOf']
    >>> vocab["parentOf"].inverse
    'childOf'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Namespace

from kg.errors import InputError, OntologyError, UnknownNameError
from kg.rdf_input import read_rdf

__all__ = [
    "CKG",
    "ONTOLOGY_DIR",
    "Relation",
    "Vocabulary",
    "load_vocabulary",
    "ontology_graph",
    "owl_rl_closure",
]

CKG = Namespace("https://celebrity-kg.org/ontology#")
ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"


@dataclass(frozen=True, slots=True)
class Relation:
    """One relation property: its local name, label, inverse and trigger words."""

    name: str
    label: str
    inverse: str | None
    symmetric: bool
    parents: tuple[str, ...]
    triggers: tuple[str, ...]
    former_triggers: tuple[str, ...]

    @property
    def iri(self) -> str:
        """The full IRI of the property."""
        return str(CKG[self.name])


class Vocabulary:
    """The relation properties of the ontology, looked up by name or trigger word."""

    def __init__(self, relations: dict[str, Relation]) -> None:
        self.relations = relations
        self._triggers: dict[str, list[Relation]] = {}
        for rel in relations.values():
            for word in rel.triggers + rel.former_triggers:
                self._triggers.setdefault(word, []).append(rel)

    def __getitem__(self, name: str) -> Relation:
        try:
            return self.relations[name]
        except KeyError:
            raise UnknownNameError("relation", name, list(self.relations)) from None

    def __contains__(self, name: object) -> bool:
        return name in self.relations

    def names(self) -> list[str]:
        """Every relation's local name, sorted."""
        return sorted(self.relations)

    def by_trigger(self, word: str) -> list[Relation]:
        """The relations a (lower-case) trigger word expresses."""
        return list(self._triggers.get(word.lower(), ()))

    def is_former_trigger(self, word: str) -> bool:
        """True if ``word`` states a relation as ended ("ex-wife", "divorced")."""
        return any(word.lower() in r.former_triggers for r in self._triggers.get(word.lower(), ()))

    def triggers(self) -> set[str]:
        """Every trigger word of every relation."""
        return set(self._triggers)


def _local(iri: object) -> str:
    return str(iri).rsplit("#", 1)[-1]


def _read(path: Path) -> Graph:
    """The Turtle file ``path`` as an rdflib graph, read safely (``kg.rdf_input``).

    Oxigraph parses the text (no DOCTYPE/ENTITY, a time limit, nothing fetched);
    rdflib then reads Oxigraph's N-Triples, which hold nothing to expand or follow.
    """
    try:
        doc = read_rdf(path.read_bytes(), "turtle", str(path))
    except OSError as exc:
        raise OntologyError(
            f"{path}: cannot read the ontology ({exc.strerror or exc}); reinstall celebrity-kg"
        ) from None
    except InputError as exc:
        raise OntologyError(f"{exc.where}: {exc.problem}; reinstall celebrity-kg") from None
    graph = Graph()
    for prefix, iri in doc.prefixes.items():
        graph.bind(prefix, iri)
    triples = [t for t in doc.items if isinstance(t, ox.Triple)]  # Turtle: triples only
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    graph.parse(data=data.decode("utf-8"), format="nt")
    return graph


def ontology_graph(name: str = "celebrity.ttl") -> Graph:
    """A fresh rdflib graph of one file of ``ontology/`` (the vocabulary by default).

    Examples:
        >>> g = ontology_graph()
        >>> (CKG.motherOf, RDFS.subPropertyOf, CKG.parentOf) in g
        True
    """
    return _read(ONTOLOGY_DIR / name)


def owl_rl_closure(graph: Graph) -> list[str]:
    """Expand ``graph`` in place with its OWL 2 RL closure (owlrl); the inconsistencies found.

    Give it the ontology plus data: the closure adds what the alignments imply
    (``wdt:P25``, ``schema:children``...), and an empty list means no
    contradiction (an irreflexive, asymmetric or disjoint axiom broken).

    Examples:
        >>> from rdflib import URIRef
        >>> g = ontology_graph()
        >>> a, b = URIRef("http://example.org/a"), URIRef("http://example.org/b")
        >>> _ = g.add((a, CKG.parentOf, b)), g.add((b, CKG.parentOf, a))
        >>> owl_rl_closure(g)  # doctest: +ELLIPSIS
        ['...asymmetric...']
    """
    import owlrl

    error = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")
    before = set(graph.subjects(RDF.type, error.ErrorMessage))
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    found = set(graph.subjects(RDF.type, error.ErrorMessage)) - before
    return sorted(str(m) for node in found for m in graph.objects(node, error.error))


@cache
def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """Read the relation properties and their trigger words from the ontology."""
    path = path or ONTOLOGY_DIR / "celebrity.ttl"
    graph = _read(path)
    relations: dict[str, Relation] = {}
    for prop in set(graph.subjects(RDF.type, OWL.ObjectProperty)):
        if not str(prop).startswith(str(CKG)):
            continue
        name = _local(prop)
        inverse = next(
            (
                _local(o)
                for o in [*graph.objects(prop, OWL.inverseOf), *graph.subjects(OWL.inverseOf, prop)]
                if str(o).startswith(str(CKG))
            ),
            None,
        )
        relations[name] = Relation(
            name=name,
            label=str(graph.value(prop, RDFS.label) or name),
            inverse=inverse,
            symmetric=(prop, RDF.type, OWL.SymmetricProperty) in graph,
            parents=tuple(
                sorted(
                    _local(o)
                    for o in graph.objects(prop, RDFS.subPropertyOf)
                    if str(o).startswith(str(CKG))
                )
            ),
            triggers=tuple(sorted(str(o).lower() for o in graph.objects(prop, SKOS.altLabel))),
            former_triggers=tuple(
                sorted(str(o).lower() for o in graph.objects(prop, CKG.formerTrigger))
            ),
        )
    if not relations:
        raise OntologyError(f"{path}: no ckg relation properties found; reinstall celebrity-kg")
    return Vocabulary(relations)
