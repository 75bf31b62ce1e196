"""Every export format parses back, through an independent reader, with the same counts.

The labels hold quotes, commas, newlines, control characters, emoji and
right-to-left text. XML 1.0 cannot carry most control characters, so the XML
formats (RDF/XML, GraphML, GEXF) are compared after ``xml_safe``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from helpers import plain, rdf_graph
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.cli import app
from kg.export import FORMATS, export
from kg.export_graph import ARRAY_DELIMITER
from kg.export_rdf import xml_safe
from kg.model import Article, Claim, Entity, Evidence, Extraction
from kg.ontology import CKG
from kg.pipeline import build
from kg.rdf import GRAPH_FACTS
from kg.store import Store

NASTY = {
    "quote": 'Ann "The Voice" O\'Neil',
    "comma": "Bo Reyes, Jr.",
    "newline": "Cy\nNewline Smith",
    "control": "Dee\x01\x07\x1b\r\x7f Ctrl",
    "emoji": "Eve 😀🎉 Star",
    "rtl": "פרח כהן",
    "arabic": "ليلى \u202eعلي",
    "xml": "<b>Fay</b> & </script> Roe",
}
N = list(NASTY.values())
SENTENCE = 'She said: "a, b;\nc"\t\x02 😀 שלום <end>'


def _claim(s: str, rel: str, o: str, start: int, **kw: object) -> Claim:
    return Claim(s, rel, o, Evidence("x", SENTENCE, start, start + 5), rule="r.v1", **kw)  # type: ignore[arg-type]


CLAIMS = (
    _claim(N[0], "motherOf", N[1], 0),
    _claim(N[1], "fatherOf", N[2], 1),
    _claim(N[2], "spouseOf", N[3], 2, former=True, end="2016"),
    _claim(N[4], "siblingOf", N[5], 3),
    _claim(N[5], "friendOf", N[6], 4),
    _claim(N[6], "partnerOf", N[7], 5, hedged=True),
    _claim(N[7], "spouseOf", N[0], 6, negated=True),
    _claim(N[3], "childOf", N[4], 7),
)
ARTICLE = Article("x", SENTENCE, title='Title, "quoted"\n😀', url="https://example.com/a?b=1&c=2")
ENTITIES = tuple(Entity(n, aliases=(n.split()[0] + ',\n"x"', "\x03alias")) for n in N)


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with Store.open() as s:
        s.add(Extraction(ARTICLE, ENTITIES, CLAIMS))
        s.recompute()
        ids = {p["name"]: p["iri"] for p in s.people()}
        for i, name in enumerate(N[:6]):  # the last two have no Wikidata id
            s.link_wikidata(ids[name], f"Q{100 + i}")
        yield s


@pytest.fixture(scope="module")
def expected(store: Store) -> dict[str, object]:
    people = store.people()
    facts = [r for r in store.relations() if r["fact"]]
    return {
        "people": len(people),
        "names": sorted(p["name"] for p in people),
        "aliases": sorted(a for p in people for a in p["aliases"]),
        "relations": len(facts),
        "graph": store.merged_graph(claims=False),
        "quads": len(store),
    }


def _write(store: Store, fmt: str, tmp_path: Path) -> Path:
    path = tmp_path / ("neo4j" if fmt == "neo4j" else f"graph.{fmt}")
    report = export(store, fmt, path)
    assert report.paths and not list(tmp_path.glob(".*.tmp"))
    return path


@pytest.mark.parametrize(("fmt", "reader"), [("ttl", "turtle"), ("nt", "nt"), ("xml", "xml")])
def test_triple_formats_round_trip(store, expected, tmp_path, fmt: str, reader: str) -> None:
    path = _write(store, fmt, tmp_path)
    parsed = rdflib.Graph().parse(path, format=reader)
    want = rdf_graph(expected["graph"], xml=fmt == "xml")
    assert len(parsed) == len(want) > 50
    assert isomorphic(rdf_graph(parsed), want)
    assert len(set(parsed.subjects(rdflib.RDF.type, CKG.Person))) == expected["people"]
    if fmt != "xml":
        labels = {str(o) for o in parsed.objects(None, rdflib.RDFS.label)}
        assert set(N) <= labels  # every character kept


@pytest.mark.parametrize(
    ("fmt", "reader"), [("nq", "nquads"), ("trig", "trig"), ("jsonld", "json-ld")]
)
def test_dataset_formats_round_trip(store, expected, tmp_path, fmt: str, reader: str) -> None:
    path = _write(store, fmt, tmp_path)
    parsed = rdflib.Dataset()
    parsed.parse(path, format=reader)
    got = {(s, p, plain(o), g) for s, p, o, g in parsed.quads((None, None, None, None))}
    want = {
        (s, p, plain(o), g.identifier if hasattr(g, "identifier") else g)
        for s, p, o, g in store.dataset.quads((None, None, None, None))
    }
    assert len(got) == expected["quads"] == len(want)
    assert got == want
    facts = parsed.graph(rdflib.URIRef(GRAPH_FACTS))
    assert len(set(facts.subjects(rdflib.RDF.type, CKG.Person))) == expected["people"]
    relations = [t for t in facts if str(t[1]).startswith(str(CKG)) and t[1] != rdflib.RDF.type]
    assert len(relations) == expected["relations"]


def _check_names(names: list[str], aliases: list[str], expected, xml: bool) -> None:
    fix = xml_safe if xml else str
    assert sorted(names) == sorted(fix(n) for n in expected["names"])
    assert sorted(aliases) == sorted(expected["aliases"])  # JSON arrays escape every character


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_graph_formats_round_trip_through_networkx(store, expected, tmp_path, fmt: str) -> None:
    path = _write(store, fmt, tmp_path)
    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert g.number_of_nodes() == expected["people"]
    assert g.number_of_edges() == expected["relations"]
    nodes = list(g.nodes(data=True))
    _check_names(
        [d["label"] for _, d in nodes],
        [a for _, d in nodes for a in json.loads(d["aliases"])],
        expected,
        xml=True,
    )
    relations = sorted(d["relation"] for _, _, d in g.edges(data=True))
    assert relations == sorted(r["relation"] for r in store.relations() if r["fact"])
    former = [d for _, _, d in g.edges(data=True) if d["former"] in (True, "true")]
    assert [d["relation"] for d in former] == ["spouseOf"]
    assert all(xml_safe(SENTENCE) == d["evidence"] for _, _, d in g.edges(data=True))


def test_cytoscape_json_round_trips(store, expected, tmp_path) -> None:
    path = _write(store, "cyjs", tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    nodes, edges = data["elements"]["nodes"], data["elements"]["edges"]
    assert (len(nodes), len(edges)) == (expected["people"], expected["relations"])
    _check_names(
        [n["data"]["name"] for n in nodes],
        [a for n in nodes for a in n["data"]["aliases"]],
        expected,
        xml=False,
    )
    g = nx.cytoscape_graph(data)  # networkx reads it too
    assert (g.number_of_nodes(), g.number_of_edges()) == (expected["people"], expected["relations"])
    assert {e["data"]["evidence"] for e in edges} == {SENTENCE}


def test_neo4j_csv_round_trips(store, expected, tmp_path) -> None:
    path = _write(store, "neo4j", tmp_path)
    assert sorted(p.name for p in path.iterdir()) == [
        "import.cypher",
        "people.csv",
        "relations.csv",
    ]
    with open(path / "people.csv", encoding="utf-8", newline="") as f:
        people = list(csv.DictReader(f))
    with open(path / "relations.csv", encoding="utf-8", newline="") as f:
        relations = list(csv.DictReader(f))
    assert list(people[0]) == ["id:ID", "name", "type", "aliases:string[]", "wikidata", ":LABEL"]
    assert list(relations[0])[:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert (len(people), len(relations)) == (expected["people"], expected["relations"])
    _check_names(
        [p["name"] for p in people],
        [a for p in people for a in p["aliases:string[]"].split(ARRAY_DELIMITER) if a],
        expected,
        xml=False,  # CSV keeps every character
    )
    ids = {p["id:ID"] for p in people}
    assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in relations)
    assert {r[":TYPE"] for r in relations} >= {"MOTHER_OF", "SIBLING_OF", "SPOUSE_OF"}
    assert {r["evidence"] for r in relations} == {SENTENCE}
    script = (path / "import.cypher").read_text(encoding="utf-8")
    assert "LOAD CSV WITH HEADERS FROM 'file:///people.csv'" in script
    assert "MERGE (a)-[r:MOTHER_OF]->(b)" in script
    for name in N:  # no article text in the script: every value comes from the CSV files
        assert name not in script


def test_quickstatements_hold_only_asserted_stated_claims_with_ids(store, tmp_path) -> None:
    path = tmp_path / "qs.tsv"
    report = export(store, "quickstatements", path)
    rows = list(
        csv.reader(
            io.StringIO(path.read_text(encoding="utf-8")), delimiter="\t", quoting=csv.QUOTE_NONE
        )
    )
    ref = ["S854", '"https://example.com/a?b=1&c=2"']
    ids = {
        p["name"]: store.wikidata_ids()[p["iri"]]
        for p in store.people()
        if p["iri"] in store.wikidata_ids()
    }
    q = [ids[n] for n in N[:6]]
    assert rows == sorted([
        [q[1], "P25", q[0], *ref],                       # N0 motherOf N1: the child's mother
        [q[2], "P22", q[1], *ref],                       # N1 fatherOf N2
        [q[2], "P26", q[3], "P582", "+2016-00-00T00:00:00Z/9", *ref],  # former, ended 2016
        [q[3], "P26", q[2], "P582", "+2016-00-00T00:00:00Z/9", *ref],
        [q[4], "P3373", q[5], *ref],                     # symmetric: both ways
        [q[5], "P3373", q[4], *ref],
        [q[4], "P40", q[3], *ref],                       # N3 childOf N4
    ])  # fmt: skip
    assert report.omitted == {
        "people without a Wikidata id": 2,
        "relations negated or hedged": 2,  # the hedged partner, the negated spouse
        "relations without a Wikidata property": 1,  # friendOf
    }


def test_a_failed_export_keeps_the_previous_file(store, tmp_path, monkeypatch) -> None:
    target = tmp_path / "graph.graphml"
    target.write_text("previous")

    def boom(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("kg.export.write_graphml", boom)
    with pytest.raises(KeyboardInterrupt):
        export(store, "graphml", target)
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.graphml"]


# ---------------------------------------------------------------- CLI on the seeds


def kg(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    out = tmp_path_factory.mktemp("export") / "out"
    build([seeds_dir], out)
    return out


def test_every_format_exports_the_seeds_with_the_same_counts(
    seeds_out: Path, tmp_path: Path
) -> None:
    with Store.open(seeds_out / "store") as s:
        people, facts = len(s.people()), sum(1 for r in s.relations() if r["fact"])
    for fmt in FORMATS:
        target = tmp_path / fmt
        result = kg("export", "--format", fmt, "-o", target, "--from", seeds_out)
        assert result.exit_code == 0, (fmt, result.stderr)
        assert f"{fmt}: {people} people" in result.stderr
        if fmt not in {"quickstatements"}:
            assert f"{facts} relations" in result.stderr
    g = nx.read_graphml(tmp_path / "graphml")
    assert (g.number_of_nodes(), g.number_of_edges()) == (people, facts)
    qs = kg("export", "--format", "quickstatements", "--from", seeds_out)
    assert f"{people} people without a Wikidata id" in qs.stderr and qs.stdout == ""


def test_export_to_stdout_parses(seeds_out: Path) -> None:
    result = kg("export", "--format", "nt", "--from", seeds_out)
    assert result.exit_code == 0
    g = rdflib.Graph().parse(data=result.stdout, format="nt")
    with Store.open(seeds_out / "store") as s:
        assert len(g) == len(s.merged_graph(claims=False))


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--format", "yaml"), 2, "Unknown export format 'yaml'. Available: cyjs, gexf"),
        (("--format", "neo4j"), 1, "neo4j writes several files; give a directory with -o"),
    ],
)
def test_export_errors_are_one_clear_line(seeds_out: Path, args, code: int, message: str) -> None:
    result = kg("export", *args, "--from", seeds_out)
    assert result.exit_code == code and result.stdout == ""
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
