"""The vocabulary: loads in rdflib, is documented, aligned, and consistent under OWL 2 RL."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef

from kg.model import Article, Claim, Entity, Evidence, Extraction
from kg.ontology import CKG, load_vocabulary, ontology_graph, owl_rl_closure
from kg.rdf import GRAPH_FACTS, GRAPH_INFERENCES
from kg.store import Store, entity_iri

WDT = Namespace("http://www.wikidata.org/prop/direct/")
SCHEMA = Namespace("https://schema.org/")
REL = Namespace("http://purl.org/vocab/relationship/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
EX = Namespace("http://example.org/")

DESIGN_RELATIONS = {
    "parentOf", "childOf", "motherOf", "fatherOf", "siblingOf", "grandparentOf",
    "grandchildOf", "spouseOf", "engagedTo", "partnerOf", "relativeOf", "friendOf",
}  # fmt: skip
SYMMETRIC = {"siblingOf", "spouseOf", "engagedTo", "partnerOf", "relativeOf", "friendOf"}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return ontology_graph()


def _ckg(graph: Graph, kind: URIRef) -> list[URIRef]:
    return sorted(s for s in graph.subjects(RDF.type, kind) if str(s).startswith(str(CKG)))


def test_the_design_relations_exist_with_their_symmetry_and_inverses(onto: Graph) -> None:
    vocab = load_vocabulary()
    assert set(vocab.names()) >= DESIGN_RELATIONS
    for name in DESIGN_RELATIONS:
        assert vocab[name].symmetric == (name in SYMMETRIC), name
    assert vocab["parentOf"].inverse == "childOf"
    assert vocab["grandchildOf"].inverse == "grandparentOf"
    assert vocab["stepParentOf"].inverse == "stepChildOf"


def test_the_classes_of_the_issue_exist_and_are_disjoint(onto: Graph) -> None:
    classes = {str(c).removeprefix(str(CKG)) for c in _ckg(onto, OWL.Class)}
    assert {"Person", "Organization", "MediaOutlet", "CreativeWork", "TVSeries", "Claim"} <= classes
    g = ontology_graph()
    g.add((EX.x, RDF.type, CKG.MediaOutlet))
    g.add((EX.x, RDF.type, CKG.Person))
    assert any("disjoint" in e.lower() for e in owl_rl_closure(g))


def test_every_class_and_property_has_a_label_and_a_comment(onto: Graph) -> None:
    terms = [
        *_ckg(onto, OWL.Class),
        *_ckg(onto, OWL.ObjectProperty),
        *_ckg(onto, OWL.DatatypeProperty),
    ]
    assert len(terms) > 30
    for term in terms:
        assert onto.value(term, RDFS.label), term
        assert onto.value(term, RDFS.comment), term
        assert onto.value(term, RDFS.label).language == "en"


def test_every_relation_has_person_domain_and_range(onto: Graph) -> None:
    for prop in _ckg(onto, OWL.ObjectProperty):
        assert (prop, RDFS.domain, CKG.Person) in onto, prop
        assert (prop, RDFS.range, CKG.Person) in onto, prop


@pytest.mark.parametrize(
    ("prop", "axiom", "target"),
    [
        ("parentOf", OWL.equivalentProperty, WDT.P40),
        ("parentOf", RDFS.subPropertyOf, SCHEMA.children),
        ("parentOf", OWL.equivalentProperty, REL.parentOf),
        ("childOf", RDFS.subPropertyOf, SCHEMA.parent),
        ("motherOf", OWL.inverseOf, WDT.P25),
        ("fatherOf", OWL.inverseOf, WDT.P22),
        ("siblingOf", OWL.equivalentProperty, WDT.P3373),
        ("siblingOf", RDFS.subPropertyOf, SCHEMA.sibling),
        ("spouseOf", OWL.equivalentProperty, WDT.P26),
        ("spouseOf", RDFS.subPropertyOf, SCHEMA.spouse),
        ("spouseOf", OWL.equivalentProperty, REL.spouseOf),
        ("partnerOf", OWL.equivalentProperty, WDT.P451),
        ("relativeOf", OWL.equivalentProperty, WDT.P1038),
        ("relativeOf", RDFS.subPropertyOf, SCHEMA.relatedTo),
        ("grandparentOf", OWL.equivalentProperty, REL.grandparentOf),
        ("engagedTo", OWL.equivalentProperty, REL.engagedTo),
        ("friendOf", OWL.equivalentProperty, REL.friendOf),
        ("friendOf", RDFS.subPropertyOf, FOAF.knows),
        ("friendOf", RDFS.subPropertyOf, SCHEMA.knows),
    ],
)
def test_alignments(onto: Graph, prop: str, axiom: URIRef, target: URIRef) -> None:
    assert (CKG[prop], axiom, target) in onto


def test_subproperty_chain_reaches_relative(onto: Graph) -> None:
    chain = set(onto.transitive_objects(CKG.motherOf, RDFS.subPropertyOf))
    assert {CKG.parentOf, CKG.relativeOf, CKG.ancestorOf, SCHEMA.relatedTo} <= chain
    for name in ("parentInLawOf", "siblingInLawOf", "stepParentOf", "grandchildOf", "spouseOf"):
        assert CKG.relativeOf in set(onto.transitive_objects(CKG[name], RDFS.subPropertyOf))


def test_trigger_words_are_still_the_extractors_lexicon() -> None:
    vocab = load_vocabulary()
    assert [r.name for r in vocab.by_trigger("mom")] == ["motherOf"]
    assert [r.name for r in vocab.by_trigger("stepmom")] == ["relativeOf"]
    assert vocab.is_former_trigger("ex-wife") and not vocab.is_former_trigger("wife")
    # relations inferred or loaded from elsewhere are never read from text
    for name in ("ancestorOf", "parentInLawOf", "stepParentOf", "feudsWith", "coStarOf"):
        assert vocab[name].triggers == () and vocab[name].former_triggers == ()
    assert SKOS.altLabel  # the lexicon lives in skos:altLabel


def test_the_ontology_alone_is_consistent_under_owl_rl(onto: Graph) -> None:
    g = ontology_graph()
    assert owl_rl_closure(g) == []
    assert len(g) > len(onto)


def _store_graph() -> Graph:
    """Facts and inferences of a small family, as one rdflib graph."""
    text = (
        "Kris is Khloe's mom. Khloe is True's mom. Khloe married Tristan. Khloe and Kim are pals."
    )
    ev = Evidence("fam", text, 0, len(text))
    claims = (
        Claim("Kris Jenner", "motherOf", "Khloe Kardashian", ev, rule="t.v1"),
        Claim("Khloe Kardashian", "motherOf", "True Thompson", ev, rule="t.v1"),
        Claim("Khloe Kardashian", "spouseOf", "Tristan Thompson", ev, rule="t.v1"),
        Claim("Khloe Kardashian", "friendOf", "Kim Kardashian", ev, rule="t.v1"),
    )
    names = {n for c in claims for n in (c.subject, c.object)}
    extraction = Extraction(Article("fam", text), tuple(Entity(n) for n in names), claims)
    g = ontology_graph()
    with Store.open() as store:
        store.add(extraction)
        store.recompute()
        for name in (GRAPH_FACTS, GRAPH_INFERENCES):
            for triple in store.dataset.graph(URIRef(name)):
                g.add(triple)
    return g


def test_facts_and_inferences_are_consistent_and_entail_the_aligned_vocabularies() -> None:
    g = _store_graph()
    assert owl_rl_closure(g) == []
    kris, khloe, true, kim = (
        URIRef(entity_iri(n, "fam"))
        for n in ("Kris Jenner", "Khloe Kardashian", "True Thompson", "Kim Kardashian")
    )
    assert (khloe, WDT.P25, kris) in g  # mother, from the child
    assert (kris, WDT.P40, khloe) in g
    assert (kris, SCHEMA.children, khloe) in g
    assert (khloe, SCHEMA.parent, kris) in g
    assert (kris, REL.grandparentOf, true) in g
    assert (kim, FOAF.knows, khloe) in g  # friendOf is symmetric
    assert (khloe, RDF.type, FOAF.Person) in g


@pytest.mark.parametrize(
    ("triples", "message"),
    [
        ([(EX.a, CKG.motherOf, EX.b), (EX.a, CKG.spouseOf, EX.b)], "disjoint properties"),
        ([(EX.a, CKG.fatherOf, EX.b), (EX.b, CKG.childOf, EX.b)], "irreflexive"),
        ([(EX.a, CKG.parentOf, EX.b), (EX.a, CKG.childOf, EX.b)], "asymmetric"),
        ([(EX.a, CKG.friendOf, EX.b), (EX.a, RDF.type, CKG.Organization)], "disjoint"),
    ],
)
def test_planted_contradictions_are_found(triples: list, message: str) -> None:
    g = _store_graph()
    for t in triples:
        g.add(t)
    errors = owl_rl_closure(g)
    assert errors and any(message in e.lower() for e in errors), errors


def test_ontology_parses_as_data_only() -> None:
    """Nothing in the vocabulary is followed as a path or URL (no owl:imports)."""
    g = ontology_graph()
    assert not list(g.objects(None, OWL.imports))
    assert isinstance(next(iter(g.objects(CKG.parentOf, RDFS.label))), Literal)
