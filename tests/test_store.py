"""The store on a real Oxigraph: claims, facts, inferences, queries, files, locking.

Every test that takes ``location`` (or ``store``) runs twice: on the embedded
store in a directory and on a real ``oxigraph serve`` (``kg.remote``).
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from kg.errors import QueryError, StoreError
from kg.ingest import read_articles
from kg.model import Article, Claim, Entity, Evidence, Extraction
from kg.ontology import load_vocabulary
from kg.rdf import GRAPH_FACTS, GRAPH_INFERENCES, article_graph_iri, claim_iri, statement_iri
from kg.reason import infer
from kg.remote import RemoteStore
from kg.store import IRI, PREFIXES, Store, entity_iri

CKG = PREFIXES["ckg"]
TEXT = (
    "Kris Jenner is Khloe Kardashian's mom. Khloe Kardashian is the mother of True Thompson. "
    "Khloe divorced Lamar Odom in 2016. Khloe denied dating French Montana. "
    "Kris Jenner is reportedly dating Corey Gamble."
)


def _ev(sentence: str, article_id: str = "art-1") -> Evidence:
    start = TEXT.find(sentence)
    assert start >= 0, sentence
    return Evidence(article_id, sentence, start, start + len(sentence))


MOM = Claim(
    "Kris Jenner",
    "motherOf",
    "Khloe Kardashian",
    _ev("Kris Jenner is Khloe Kardashian's mom."),
    rule="possessive-kin.v1",
    confidence=0.9,
)
MOM2 = Claim(
    "Khloe Kardashian",
    "motherOf",
    "True Thompson",
    _ev("Khloe Kardashian is the mother of True Thompson."),
    rule="copula-kin.v1",
)
SPOUSE = Claim(
    "Lamar Odom",
    "spouseOf",
    "Khloe Kardashian",
    _ev("Khloe divorced Lamar Odom in 2016."),
    rule="divorce.v1",
    former=True,
    end="2016",
)
NEGATED = Claim(
    "Khloe Kardashian",
    "partnerOf",
    "French Montana",
    _ev("Khloe denied dating French Montana."),
    rule="dating.v1",
    negated=True,
)
HEDGED = Claim(
    "Kris Jenner",
    "partnerOf",
    "Corey Gamble",
    _ev("Kris Jenner is reportedly dating Corey Gamble."),
    rule="dating.v1",
    hedged=True,
    confidence=0.5,
)
ARTICLE = Article(
    "art-1", TEXT, title="Family news", url="https://example.com/1", published="2024-05-01"
)
EXTRACTION = Extraction(
    ARTICLE,
    entities=(
        Entity("Kris Jenner", aliases=("Kris", "Momager"), article_id="art-1"),
        Entity("Khloe Kardashian", aliases=("Khloe", "Koko"), article_id="art-1"),
        Entity("True Thompson"),
        Entity("Lamar Odom"),
        Entity("French Montana"),
        Entity("Corey Gamble"),
    ),
    claims=(MOM, MOM2, SPOUSE, NEGATED, HEDGED),
)

KRIS, KHLOE, TRUE = (
    entity_iri(n, "art-1") for n in ("Kris Jenner", "Khloe Kardashian", "True Thompson")
)
LAMAR, FRENCH, COREY = (
    entity_iri(n, "art-1") for n in ("Lamar Odom", "French Montana", "Corey Gamble")
)


@pytest.fixture(params=["embedded", "remote"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a new, empty store opens: a directory, or the test ``oxigraph serve`` emptied."""
    if request.param == "remote":
        url: str = request.getfixturevalue("remote_url")
        return url
    return str(tmp_path / "store")


@pytest.fixture
def store(location: str) -> Iterator[Store]:
    with Store.open(location) as s:
        s.add(EXTRACTION)
        s.recompute()
        yield s


def _direct(store: Store, graph: str) -> set[tuple[str, str, str]]:
    rows = store.query(
        "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o FILTER(STRSTARTS(STR(?p), STR(ckg:))) } }",
        {"g": IRI(graph)},
    ).rows
    return {(str(s), str(p).removeprefix(CKG), str(o)) for _g, s, p, o in rows}


def _sym(s: str, rel: str, o: str) -> tuple[str, str, str]:
    """A symmetric relation as the store keeps it: smaller IRI first."""
    a, b = sorted((s, o))
    return a, rel, b


# ---------------------------------------------------------------- IRIs


def test_entity_iri_merges_full_names_and_keeps_single_words_local() -> None:
    assert entity_iri("Khloé Kardashian", "a") == entity_iri("KHLOE  kardashian", "b")
    assert entity_iri("Khloe", "a") != entity_iri("Khloe", "b")
    assert entity_iri("Khloe", "a").startswith("https://celebrity-kg.org/person/khloe--")
    assert (
        entity_iri("E! News Daily", "a", type="MediaOutlet")
        == "https://celebrity-kg.org/entity/e-news-daily"
    )
    with pytest.raises(ValueError, match="non-empty"):
        entity_iri("  ", "a")


# ---------------------------------------------------------------- claims, facts, inferences


def test_claim_graph_keeps_every_claim_with_qualifiers_and_evidence(store: Store) -> None:
    rows = store.query(
        """SELECT ?g ?c ?status ?polarity ?modality ?exact ?start WHERE { GRAPH ?g {
             ?c a ckg:Claim, rdf:Statement ; ckg:status ?status ; ckg:polarity ?polarity ;
                ckg:modality ?modality ; prov:wasDerivedFrom/dcterms:title "Family news" ;
                oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact ?exact ] ,
                               [ a oa:TextPositionSelector ; oa:start ?start ] } }"""
    ).dicts()
    assert len(rows) == 5
    assert {r["g"] for r in rows} == {article_graph_iri("art-1")}
    by_claim = {r["c"]: r for r in rows}
    assert by_claim[claim_iri("art-1", SPOUSE)]["status"] == "former"
    assert by_claim[claim_iri("art-1", NEGATED)]["polarity"] == "negated"
    assert by_claim[claim_iri("art-1", HEDGED)]["modality"] == "hedged"
    assert by_claim[claim_iri("art-1", MOM)]["exact"] == MOM.evidence.sentence
    assert by_claim[claim_iri("art-1", MOM2)]["start"] == str(MOM2.evidence.start)


def test_facts_hold_only_asserted_stated_claims(store: Store) -> None:
    assert _direct(store, GRAPH_FACTS) == {
        (KRIS, "motherOf", KHLOE),
        (KHLOE, "motherOf", TRUE),
        _sym(LAMAR, "spouseOf", KHLOE),  # symmetric: stored once, smaller IRI first
    }


def test_inferences_cover_inverse_superproperty_symmetry_and_grandparents(store: Store) -> None:
    inferred = _direct(store, GRAPH_INFERENCES)
    expected = {
        (KRIS, "parentOf", KHLOE),
        (KHLOE, "childOf", KRIS),
        (KHLOE, "parentOf", TRUE),
        (TRUE, "childOf", KHLOE),
        (KRIS, "grandparentOf", TRUE),
        (TRUE, "grandchildOf", KRIS),
        _sym(LAMAR, "spouseOf", KHLOE)[::-1],  # the other direction of the symmetric fact
    }
    assert inferred == expected
    assert not inferred & _direct(store, GRAPH_FACTS)
    assert not any(rel == "partnerOf" for _, rel, _ in inferred)


def test_grandparent_inference_explains_itself_down_to_claims(store: Store) -> None:
    rows = store.query(
        """SELECT ?s ?o ?rule ?premise WHERE {
             ?i a ckg:Inference ; rdf:subject ?s ; rdf:predicate ckg:grandparentOf ; rdf:object ?o ;
                prov:wasGeneratedBy ?rule ; prov:wasDerivedFrom ?premise }""",
        {"s": IRI(KRIS), "o": IRI(TRUE)},
    )
    assert {r[2] for r in rows.rows} == {"https://celebrity-kg.org/rule/grandparent.v1"}
    assert {r[3] for r in rows.rows} == {
        statement_iri(KRIS, "parentOf", KHLOE),
        statement_iri(KHLOE, "parentOf", TRUE),
    }
    # follow the premises (parentOf <- motherOf fact <- claims) to the article's sentences
    reached = store.query(
        """SELECT DISTINCT ?s ?o ?claim ?sentence WHERE {
             ?i rdf:subject ?s ; rdf:predicate ckg:grandparentOf ; rdf:object ?o ;
                prov:wasDerivedFrom+ ?claim .
             GRAPH ?g { ?claim a ckg:Claim ; ckg:sentence ?sentence } }""",
        {"s": IRI(KRIS), "o": IRI(TRUE)},
    ).rows
    assert {r[3] for r in reached} == {MOM.evidence.sentence, MOM2.evidence.sentence}


def test_binding_outside_select_is_a_clear_error(store: Store) -> None:
    with pytest.raises(QueryError, match=r"binding \?s is not in the SELECT clause.*SELECT \*"):
        store.query("SELECT ?o WHERE { ?s ckg:motherOf ?o }", {"s": IRI(KRIS)})


def test_reason_rules_siblings_no_self_loops_no_refacts() -> None:
    vocab = load_vocabulary()
    facts = {
        ("p", "fatherOf", "a"),
        ("p", "parentOf", "b"),
        ("a", "childOf", "p"),
        ("a", "siblingOf", "b"),
    }
    inferred = infer(facts, vocab)
    assert inferred[("b", "siblingOf", "a")].rule in {"symmetric.v1", "sibling.v1"}
    assert ("a", "childOf", "p") not in inferred  # already a fact
    assert ("p", "parentOf", "a") in inferred
    assert all(s != o for s, _, o in inferred)
    assert not any(r == "relativeOf" for _, r, _ in inferred)


# ---------------------------------------------------------------- reading API


def test_people_lists_entities_with_union_of_aliases(store: Store) -> None:
    other = Extraction(
        Article("art-2", "Koko Kardashian and Khloe."),
        entities=(Entity("Khloe Kardashian", aliases=("KoKo K",)), Entity("Khloe")),
        claims=(),
    )
    store.add(other)
    people = store.people()
    assert [p["name"] for p in people] == sorted(p["name"] for p in people)
    khloe = next(p for p in people if p["iri"] == KHLOE)
    assert khloe == {
        "iri": KHLOE,
        "name": "Khloe Kardashian",
        "type": "Person",
        "aliases": ["Khloe", "KoKo K", "Koko"],
    }
    single = [p for p in people if p["name"] == "Khloe"]
    assert len(single) == 1 and single[0]["iri"] == entity_iri("Khloe", "art-2")


def test_relations_flags_and_evidence(store: Store) -> None:
    rels = {(r["subject"], r["relation"], r["object"]): r for r in store.relations()}
    assert len(rels) == 5
    mom = rels[(KRIS, "motherOf", KHLOE)]
    assert (mom["fact"], mom["former"], mom["hedged"], mom["negated"]) == (
        True,
        False,
        False,
        False,
    )
    assert mom["subject_name"] == "Kris Jenner"
    assert mom["evidence"] == [
        {
            "sentence": MOM.evidence.sentence,
            "article_id": "art-1",
            "title": "Family news",
            "url": "https://example.com/1",
            "start": MOM.evidence.start,
            "end": MOM.evidence.end,
            "rule": "possessive-kin.v1",
            "confidence": 0.9,
            "former": False,
            "negated": False,
            "hedged": False,
            "start_time": None,
            "end_time": None,
            "claim": claim_iri("art-1", MOM),
        }
    ]
    spouse = rels[_sym(LAMAR, "spouseOf", KHLOE)]
    assert spouse["fact"] and spouse["former"] and spouse["evidence"][0]["end_time"] == "2016"
    neg = rels[_sym(KHLOE, "partnerOf", FRENCH)]
    assert (neg["fact"], neg["negated"], neg["hedged"]) == (False, True, False)
    hedged = rels[_sym(KRIS, "partnerOf", COREY)]
    assert (hedged["fact"], hedged["negated"], hedged["hedged"]) == (False, False, True)


def test_query_kinds_and_bindings(store: Store) -> None:
    res = store.query(
        "SELECT ?name ?kid WHERE { ?m rdfs:label ?name ; ckg:parentOf/rdfs:label ?kid }",
        {"?name": "Kris Jenner"},
    )
    assert (res.kind, res.columns, res.rows) == (
        "select",
        ["name", "kid"],
        [["Kris Jenner", "Khloe Kardashian"]],
    )
    assert store.query("ASK { ?a ckg:grandchildOf ?b }").boolean is True
    assert store.query("ASK { ?a ckg:partnerOf ?b }").boolean is False
    # the query's own PREFIX wins over a predeclared one
    own = store.query("PREFIX ckg: <http://example.org/> ASK { ?a ckg:motherOf ?b }")
    assert own.boolean is False
    graph = store.query("CONSTRUCT { ?a ckg:grandparentOf ?b } WHERE { ?a ckg:grandparentOf ?b }")
    assert graph.kind == "graph" and graph.rows == [[KRIS, CKG + "grandparentOf", TRUE]]
    parsed = rdflib.Graph().parse(data=graph.graph_turtle, format="turtle")
    assert set(parsed) == {
        (rdflib.URIRef(KRIS), rdflib.URIRef(CKG + "grandparentOf"), rdflib.URIRef(TRUE))
    }
    # rdflib terms bind as what they are: a URIRef is an IRI, not a string
    by_term = store.query("SELECT ?m ?c WHERE { ?m ckg:motherOf ?c }", {"m": rdflib.URIRef(KRIS)})
    assert by_term.rows == [[KRIS, KHLOE]]
    by_str = store.query("SELECT ?m ?c WHERE { ?m ckg:motherOf ?c }", {"m": KRIS})
    assert by_str.rows == []


def test_untrusted_name_is_stored_and_bound_harmlessly(location: str) -> None:
    evil = 'x" } ; DROP ALL ; {'
    sentence = f"{evil} is the father of Kris Jenner."
    ext = Extraction(
        Article("evil", sentence),
        claims=(
            Claim(
                evil,
                "fatherOf",
                "Kris Jenner",
                Evidence("evil", sentence, 0, len(sentence)),
                rule="r.v1",
            ),
        ),
    )
    with Store.open(location) as store:
        store.add(EXTRACTION)
        store.add(ext)
        before = len(store)
        res = store.query(
            "SELECT ?name ?kid WHERE { ?e rdfs:label ?name ; ckg:fatherOf/rdfs:label ?kid }",
            {"name": evil},
        )
        assert res.rows == [[evil, "Kris Jenner"]]
        assert len(store) == before
        assert store.article_ids() == {"art-1", "evil"}
        assert any(r["subject_name"] == evil for r in store.relations())


# ---------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("sparql", "message"),
    [
        ("SELECT * WHERE { ?s ?p ?o ", r"malformed SPARQL at line 1, column \d+"),
        (
            "SELECT * WHERE {\n  ?s foo:bar ?o }",
            r"unknown prefix 'foo:' at line 2.*PREFIX foo: <\.\.\.>",
        ),
        ("SELEC * WHERE { }", "malformed SPARQL"),
    ],
)
def test_malformed_query_is_one_clear_line(store: Store, sparql: str, message: str) -> None:
    with pytest.raises(QueryError, match=message) as info:
        store.query(sparql)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    "update",
    [
        "DROP ALL",
        "CLEAR DEFAULT",
        "PREFIX x: <http://x/>\n# comment with SELECT\nINSERT DATA { x:a x:b x:c }",
        'DELETE WHERE { GRAPH ?g { ?s ?p "SELECT" } }',
        "LOAD <http://example.org/data.ttl>",
    ],
)
def test_updates_are_refused(store: Store, update: str) -> None:
    before = len(store)
    with pytest.raises(QueryError, match="refusing to run a SPARQL update"):
        store.query(update)
    assert len(store) == before


def test_update_allowed_explicitly_and_facts_follow(store: Store) -> None:
    store.query(f"DROP GRAPH <{article_graph_iri('art-1')}>", allow_update=True)
    assert store.query("ASK { ?a ckg:motherOf ?b }").boolean is False


def test_bad_bindings(store: Store) -> None:
    with pytest.raises(QueryError, match="not a valid IRI"):
        store.query("SELECT ?x WHERE {}", {"x": IRI("not an iri")})
    with pytest.raises(QueryError, match="cannot bind a list"):
        store.query("SELECT ?x WHERE {}", {"x": [1]})
    with pytest.raises(QueryError, match="not a variable name"):
        store.query("SELECT ?x WHERE {}", {"x y": "1"})


# ---------------------------------------------------------------- lifecycle


def test_adding_twice_changes_nothing_and_readding_replaces(store: Store) -> None:
    before = len(store)
    store.add(EXTRACTION)
    store.recompute()
    assert len(store) == before
    smaller = Extraction(ARTICLE, EXTRACTION.entities, claims=(MOM,))
    store.add(smaller)
    assert _direct(store, GRAPH_FACTS) == {(KRIS, "motherOf", KHLOE)}
    assert len(store.relations()) == 1
    assert store.article_ids() == {"art-1"}


def test_remove(store: Store) -> None:
    assert store.remove("art-1") is True
    assert store.remove("art-1") is False
    assert store.article_ids() == set()
    assert store.people() == [] and store.relations() == []
    assert len(store) == 0


def test_persists_across_close_and_open_even_before_recompute(location: str) -> None:
    with Store.open(location) as store:
        store.add(EXTRACTION)  # no recompute: the stale mark is stored with the claims
    with Store.open(location) as store:
        assert store.article_ids() == {"art-1"}
        assert (KRIS, "motherOf", KHLOE) in _direct(store, GRAPH_FACTS)
        size, rels = len(store), store.relations()
    with Store.open(location) as store:
        assert (len(store), store.relations()) == (size, rels)


def test_closed_store_refuses_work(location: str) -> None:
    store = Store.open(location)
    store.close()
    store.close()
    with pytest.raises(StoreError, match="store is closed"):
        store.article_ids()


# Embedded only: a directory lock and a directory's other files have no
# counterpart on a server, so these tests open directories themselves and run once.


def test_locked_store_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with Store.open(path):
        with pytest.raises(StoreError, match="store locked by another kg process; wait for it"):
            Store.open(path)
        code = (
            "import sys\nfrom kg.errors import StoreError\nfrom kg.store import Store\n"
            "try:\n    Store.open(sys.argv[1])\nexcept StoreError as e:\n    print(e)\n"
        )
        out = subprocess.run(
            [sys.executable, "-c", code, str(path)],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=Path(__file__).resolve().parent.parent,
        )
        assert out.stdout.strip() == (
            f"{path}: store locked by another kg process; "
            "wait for it to finish or use another -o directory"
        )
    with Store.open(path):  # released on close
        pass


def test_refuses_foreign_directories_and_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="not a kg store"):
        Store.open(tmp_path)
    with pytest.raises(StoreError, match="is a file"):
        Store.open(tmp_path / "notes.txt")
    assert (tmp_path / "notes.txt").read_text() == "mine"


# ---------------------------------------------------------------- files


def _plain(term: rdflib.term.Node) -> rdflib.term.Node:
    """RDF 1.1 makes "x" and "x"^^xsd:string one literal; rdflib keeps them apart."""
    if isinstance(term, rdflib.Literal) and term.datatype == rdflib.XSD.string:
        return rdflib.Literal(str(term))
    return term


def _quads(ds: rdflib.Dataset) -> set[tuple[rdflib.term.Node, ...]]:
    return {
        (s, p, _plain(o), getattr(g, "identifier", g))
        for s, p, o, g in ds.quads((None, None, None, None))
    }


def test_write_trig_round_trips_every_quad(store: Store, tmp_path: Path) -> None:
    out = store.write_trig(tmp_path / "out" / "kg.trig")
    parsed = rdflib.Dataset()
    parsed.parse(out, format="trig")
    got, expected = _quads(parsed), _quads(store.dataset)
    assert len(got) == len(store) > 50
    assert got == expected
    assert {str(q[3]) for q in got} == {article_graph_iri("art-1"), GRAPH_FACTS, GRAPH_INFERENCES}
    assert not list(out.parent.glob(".*.tmp"))


def test_write_turtle_is_facts_plus_inferences(store: Store, tmp_path: Path) -> None:
    out = store.write_turtle(tmp_path / "kg.ttl")
    parsed, expected = rdflib.Graph(), rdflib.Graph()
    for s, p, o in rdflib.Graph().parse(out, format="turtle"):
        parsed.add((s, p, _plain(o)))
    for graph in (GRAPH_FACTS, GRAPH_INFERENCES):
        for s, p, o in store.dataset.graph(rdflib.URIRef(graph)):
            expected.add((s, p, _plain(o)))
    assert len(parsed) > 20 and isomorphic(parsed, expected)
    assert "@prefix ckg:" in out.read_text()


def test_failed_write_keeps_the_previous_file(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "kg.ttl"
    target.write_text("previous")

    def boom(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("kg.store.ox.serialize", boom)
    with pytest.raises(KeyboardInterrupt):
        store.write_turtle(target)
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


# ------------------------------------------------- property: claims -> RDF -> relations()

VOCAB = load_vocabulary()
NAMES = [
    "Kris Jenner",
    "Khloe Kardashian",
    "Lamar Odom",
    "Beyoncé Knowles",
    "Jay Z",
    "Cher",
    "Prince",
]
_times = st.one_of(
    st.none(), st.sampled_from(["2014", "-0044", "2020-05-01", "2020-02-30"]), st.text(max_size=8)
)


@st.composite
def claims(draw: st.DrawFn, article_id: str) -> Claim:
    subject, obj = draw(st.lists(st.sampled_from(NAMES), min_size=2, max_size=2, unique=True))
    start = draw(st.integers(0, 10_000))
    return Claim(
        subject,
        draw(st.sampled_from(VOCAB.names())),
        obj,
        Evidence(article_id, draw(st.text(max_size=40)), start, start + draw(st.integers(0, 300))),
        rule=draw(st.text(min_size=1, max_size=12)),
        confidence=draw(st.floats(0, 1)),
        former=draw(st.booleans()),
        negated=draw(st.booleans()),
        hedged=draw(st.booleans()),
        start=draw(_times),
        end=draw(_times),
    )


@st.composite
def extractions(draw: st.DrawFn) -> Extraction:
    article_id = draw(st.text(min_size=1, max_size=15))
    article = Article(
        article_id, "text", title=draw(st.text(max_size=10)), url=draw(st.text(max_size=10))
    )
    return Extraction(article, claims=tuple(draw(st.lists(claims(article_id), max_size=6))))


def _empty_store(backend: str, server: str) -> Store:
    """A new empty store: in memory, or the test server emptied (for one hypothesis example)."""
    if backend == "embedded":
        return Store.open()
    RemoteStore(server).update("DROP ALL")
    return Store.open(server)


@pytest.mark.parametrize("backend", ["embedded", "remote"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extractions())
def test_claims_round_trip_through_rdf(
    backend: str, oxigraph_server: str, extraction: Extraction
) -> None:
    aid = extraction.article.id
    with _empty_store(backend, oxigraph_server) as store:
        store.add(extraction)
        rels = {(r["subject"], r["relation"], r["object"]): r for r in store.relations()}
        assert store.article_ids() == {aid}
    seen = 0
    for claim in set(extraction.claims):
        s, o = entity_iri(claim.subject, aid), entity_iri(claim.object, aid)
        if VOCAB[claim.relation].symmetric:
            s, o = sorted((s, o))
        entry = rels[(s, claim.relation, o)]
        matches = [e for e in entry["evidence"] if e["claim"] == claim_iri(aid, claim)]
        assert len(matches) == 1
        ev = matches[0]
        assert (ev["sentence"], ev["start"], ev["end"], ev["rule"], ev["article_id"]) == (
            claim.evidence.sentence,
            claim.evidence.start,
            claim.evidence.end,
            claim.rule,
            aid,
        )
        assert (ev["former"], ev["negated"], ev["hedged"]) == (
            claim.former,
            claim.negated,
            claim.hedged,
        )
        assert (ev["start_time"], ev["end_time"], ev["confidence"]) == (
            claim.start,
            claim.end,
            claim.confidence,
        )
        assert (ev["title"], ev["url"]) == (extraction.article.title, extraction.article.url)
        seen += 1
    assert sum(len(r["evidence"]) for r in rels.values()) == seen
    for r in rels.values():
        assert r["fact"] == any(not e["negated"] and not e["hedged"] for e in r["evidence"])


# ---------------------------------------------------------------- links, files, layers


def test_wikidata_links_survive_recompute_and_rebuilds(store: Store) -> None:
    store.link_wikidata(KRIS, "Q186304")
    store.add(EXTRACTION)
    store.recompute()
    assert store.wikidata_ids() == {KRIS: "Q186304"}
    with pytest.raises(ValueError, match="not a Wikidata item id such as Q42"):
        store.link_wikidata(KRIS, 'Q1" . <x> <y> <z')


def test_written_files_get_the_usual_permissions(store: Store, tmp_path: Path) -> None:
    import os
    import stat

    old = os.umask(0o022)
    try:
        fresh = store.write_turtle(tmp_path / "new.ttl")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644  # not mkstemp's 0600
        kept = tmp_path / "kept.ttl"
        kept.write_text("x")
        kept.chmod(0o640)
        store.write_turtle(kept)
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    finally:
        os.umask(old)


def test_merged_graph_layers_and_claim_articles(store: Store) -> None:
    everything = store.merged_graph()
    facts_only = store.merged_graph(claims=False, inferences=False)
    assert len(facts_only) < len(everything)
    mother = (rdflib.URIRef(KRIS), rdflib.URIRef(CKG + "motherOf"), rdflib.URIRef(KHLOE))
    assert mother in facts_only
    assert store.claim_articles() == {claim_iri("art-1", c): "art-1" for c in EXTRACTION.claims}


# ---------------------------------------------------------------- remote store


def _everything(store: Store) -> dict[str, object]:
    """What a build reads from the store, and every quad."""
    import io

    from kg.export import export
    from kg.validate import validate

    name = store.people()[0]["name"]
    facts = "SELECT * WHERE { ?s ?p ?o FILTER(isIRI(?o)) } ORDER BY ?s ?p ?o"
    nq = io.BytesIO()
    export(store, "nq", stdout=nq)  # through ``store.oxigraph``: a copy, when remote
    return {
        "articles": store.article_ids(),
        "people": store.people(),
        "relations": store.relations(),
        "claims": store.claim_articles(),
        "wikidata": store.wikidata_ids(),
        "facts": store.query(facts).rows,
        "bound": store.query("SELECT ?name ?e WHERE { ?e rdfs:label ?name }", {"name": name}).rows,
        "violations": validate(store).violations,
        "len": len(store),
        "quads": sorted(str(q) for q in store.oxigraph),
        "nq": sorted(nq.getvalue().splitlines()),
    }


def test_a_build_stores_the_same_graph_embedded_and_remote(
    extractor, seeds_dir: Path, remote_url: str, tmp_path: Path
) -> None:
    articles = [a for a in read_articles([seeds_dir]) if isinstance(a, Article)]
    extractions = list(extractor.pipe(articles))
    assert len(extractions) == len(articles) >= 5 and sum(len(e.claims) for e in extractions) > 10
    seen = []
    for location in (str(tmp_path / "store"), remote_url):
        with Store.open(location) as store:
            for extraction in extractions:  # as kg.pipeline.build does, and some more
                store.add(extraction)
            store.add(extractions[0])
            assert store.remove(extractions[-1].article.id)
            store.add(extractions[-1])
            store.link_wikidata(KRIS, "Q186304")
            store.recompute()
            store.write_trig(tmp_path / f"{len(seen)}.trig")
            seen.append(_everything(store))
    embedded, remote = seen
    assert remote == embedded
    assert len(embedded["relations"]) > 10 and len(embedded["people"]) > 10
    files = [rdflib.Dataset().parse(tmp_path / f"{i}.trig", format="trig") for i in (0, 1)]
    assert _quads(files[0]) == _quads(files[1]) and len(_quads(files[0])) == embedded["len"]


def test_malformed_update_is_reported_at_the_callers_line(store: Store) -> None:
    with pytest.raises(QueryError, match="malformed SPARQL at line 2"):
        store.query("PREFIX x: <http://x/>\nINSERT DATA { x:a x:b }", allow_update=True)


def test_unreachable_server_is_one_clear_line() -> None:
    with socket.socket() as probe:  # a free port: nothing listens there once closed
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    message = rf"^cannot reach the SPARQL store at {re.escape(url)} \(.+\): is the server running\?"
    with pytest.raises(StoreError, match=message) as info:
        Store.open(url)
    assert "\n" not in str(info.value) and info.value.__suppress_context__


def test_a_url_that_is_no_sparql_store_is_one_clear_line(oxigraph_server: str) -> None:
    url = oxigraph_server + "/nothing"
    message = rf"^{re.escape(url)}/query: the SPARQL store answered HTTP 404 .*check the store URL"
    with pytest.raises(StoreError, match=message) as info:
        Store.open(url)
    assert "\n" not in str(info.value)
