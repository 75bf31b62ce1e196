"""The ``kg`` command end to end: real spaCy model, real Oxigraph store, files on disk.

Typer's ``CliRunner`` (Click >= 8.2) keeps stdout and stderr apart, so every
test can check that results go to stdout and messages to stderr.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import rdflib
from helpers import store_quads
from typer.testing import CliRunner

from kg.cli import app
from kg.ingest import read_articles

SEED = "kris-jenner-khloe-lamar.txt"
KIDS = 'SELECT ?kid WHERE { ?mom rdfs:label "Kris Jenner" ; ckg:parentOf/rdfs:label ?kid }'
CONTRACT_KEYS = {
    "kind", "doc", "subject", "relation", "object", "former", "negated", "hedged",
    "confidence", "evidence", "start", "end", "rule",
}  # fmt: skip


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str
    output: str
    exception: str | None  # the type name: the object would keep the store alive


def kg(*args: object, input: str | None = None) -> Run:
    """Run ``kg ARGS`` in-process and keep only its text and exit code.

    The Click result also holds the exception and its traceback, which would keep
    the store (and its lock) alive in this process; a real ``kg`` process ends.
    """
    result = CliRunner().invoke(app, [str(a) for a in args], input=input)
    exc = result.exception
    run = Run(
        result.exit_code,
        result.stdout,
        result.stderr,
        result.output,
        None if exc is None else type(exc).__name__,
    )
    del result, exc
    gc.collect()
    return run


def trig_quads(path: Path) -> int:
    """Quads in a TriG file (``len(Dataset)`` would count distinct triples of all graphs)."""
    ds = rdflib.Dataset()
    ds.parse(path, format="trig")
    return sum(1 for _ in ds.quads((None, None, None, None)))


def summary_quads(stderr: str) -> int:
    m = re.search(r"(\d+) quads", stderr)
    assert m, f"no summary line in {stderr!r}"
    return int(m.group(1))


def kg_process(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m kg ARGS`` as a script or CI job would: pipes, no terminal, no COLUMNS."""
    env = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "LINES"}}
    return subprocess.run(
        [sys.executable, "-m", "kg", *map(str, args)],
        cwd=cwd, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def flat(text: str) -> str:
    """``text`` with the line breaks a narrow console inserted taken out again."""
    return text.replace("\n", "")


@dataclass
class Built:
    work: Path
    seeds: Path
    out: Path
    first: Run
    second: Run
    trig_first: int
    trig_second: int


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Built:
    """The demo articles built twice into the same folder."""
    work = tmp_path_factory.mktemp("cli")
    seeds = work / "seeds"
    shutil.copytree(seeds_dir, seeds)
    out = work / "out"
    first = kg("build", seeds, "-o", out)
    assert first.exit_code == 0, first.stderr
    trig_first = trig_quads(out / "graph.trig")
    second = kg("build", seeds, "-o", out)
    assert second.exit_code == 0, second.stderr
    return Built(work, seeds, out, first, second, trig_first, trig_quads(out / "graph.trig"))


# ---------------------------------------------------------------- help


@pytest.mark.parametrize("command", ["build", "extract", "query", "html"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = kg(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    assert re.search(rf"Example: kg {command}\b", result.stdout)


def test_no_arguments_shows_the_commands() -> None:
    result = kg()
    for command in ("build", "extract", "query", "html"):
        assert command in result.output
    assert "Traceback" not in result.output


# ---------------------------------------------------------------- build


def test_build_writes_the_page_and_the_rdf_files(built: Built) -> None:
    for name in ("graph.html", "graph.ttl", "graph.trig"):
        path = built.out / name
        assert path.is_file() and path.stat().st_size > 0, name
        assert str(path) in built.first.stdout.splitlines()  # the paths, on stdout
    assert (built.out / "store").is_dir()
    html = (built.out / "graph.html").read_text(encoding="utf-8")
    assert "Kris Jenner" in html and "Khloe Kardashian" in html
    ttl = rdflib.Graph().parse(built.out / "graph.ttl", format="turtle")
    assert len(ttl) > 0
    assert "articles" in built.first.stderr and "Traceback" not in built.first.output


def test_building_twice_gives_the_same_triple_count(built: Built) -> None:
    assert summary_quads(built.first.stderr) == summary_quads(built.second.stderr)
    assert built.trig_first == built.trig_second == summary_quads(built.second.stderr)
    assert len(store_quads(built.out)) == built.trig_second


def test_html_redraws_the_page_from_the_store(built: Built) -> None:
    page = built.work / "redrawn.html"
    result = kg("html", "-o", built.out, "--path", page)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == str(page)
    assert "Khloe Kardashian" in page.read_text(encoding="utf-8")


# ---------------------------------------------------------------- extract


@pytest.fixture(scope="module")
def seed_extraction(built: Built) -> tuple[list[dict], str]:
    result = kg("extract", built.seeds / SEED)
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    [article] = read_articles([built.seeds / SEED])
    return records, article.text


def test_extract_prints_one_json_object_per_line_with_the_contract_keys(
    seed_extraction: tuple[list[dict], str],
) -> None:
    records, _ = seed_extraction
    relations = [r for r in records if r["kind"] == "relation"]
    assert relations
    for r in relations:
        assert not CONTRACT_KEYS - r.keys(), CONTRACT_KEYS - r.keys()
        assert isinstance(r["former"], bool) and isinstance(r["negated"], bool)
        assert isinstance(r["hedged"], bool) and 0.0 <= r["confidence"] <= 1.0
        assert r["rule"].endswith(".v1")
    assert all(r["kind"] in {"relation", "entity"} for r in records)
    assert len({r["doc"] for r in records}) == 1


def test_extract_evidence_is_the_article_text_at_its_offsets(
    seed_extraction: tuple[list[dict], str],
) -> None:
    records, text = seed_extraction
    for r in records:
        if r["kind"] == "relation":
            assert r["evidence"] == text[r["start"] : r["end"]]


def test_extract_finds_exactly_the_three_people_of_the_seed_article(
    seed_extraction: tuple[list[dict], str],
) -> None:
    records, _ = seed_extraction
    entities = [r for r in records if r["kind"] == "entity"]
    names = sorted(e["name"] for e in entities)
    assert names == ["Khloe Kardashian", "Kris Jenner", "Lamar Odom"]  # no Mom, no KardashianTo
    assert all(e["type"] == "Person" for e in entities)
    people = set(names)
    for r in records:
        if r["kind"] == "relation":
            assert {r["subject"], r["object"]} <= people, r


def test_extract_finds_the_mother_and_the_former_marriage(
    seed_extraction: tuple[list[dict], str],
) -> None:
    records, _ = seed_extraction
    rels = [r for r in records if r["kind"] == "relation"]
    mother = [r for r in rels if (r["subject"], r["relation"], r["object"])
              == ("Kris Jenner", "motherOf", "Khloe Kardashian")]  # fmt: skip
    assert mother and not any(r["negated"] for r in mother)
    couple = {"Khloe Kardashian", "Lamar Odom"}
    marriage = [
        r for r in rels if r["relation"] == "spouseOf" and {r["subject"], r["object"]} == couple
    ]
    assert marriage and all(r["former"] for r in marriage)


def test_extract_table_shows_every_column_on_an_80_column_pipe(built: Built) -> None:
    proc = kg_process("extract", built.seeds / SEED, "--format", "table", cwd=built.work)
    assert proc.returncode == 0, proc.stderr
    for word in ("subject", "relation", "motherOf", "Kris Jenner", "spouseOf", "former"):
        assert word in proc.stdout, word


def test_extract_reads_stdin() -> None:
    piped = kg("extract", "-", input="Renata Obermaier is the mother of Dorian Obermaier.\n")
    assert piped.exit_code == 0, piped.stderr
    [rel] = [json.loads(line) for line in piped.stdout.splitlines() if '"relation"' in line]
    assert (rel["subject"], rel["object"]) == ("Renata Obermaier", "Dorian Obermaier")
    assert rel["relation"] in {"motherOf", "parentOf"}


# ---------------------------------------------------------------- query


def test_query_table(built: Built) -> None:
    result = kg("query", KIDS, "-o", built.out)
    assert result.exit_code == 0, result.stderr
    assert "Khloe Kardashian" in result.stdout
    assert "rows" in result.stderr and "rows" not in result.stdout


def test_query_csv(built: Built) -> None:
    result = kg("query", KIDS, "--format", "csv", "-o", built.out)
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["kid"]
    assert ["Khloe Kardashian"] in rows[1:]


def test_query_json(built: Built) -> None:
    result = kg("query", KIDS, "--format", "json", "-o", built.out)
    assert result.exit_code == 0, result.stderr
    assert {"kid": "Khloe Kardashian"} in json.loads(result.stdout)


def test_query_from_a_file_and_from_stdin(built: Built) -> None:
    rq = built.work / "kids.rq"
    rq.write_text(KIDS, encoding="utf-8")
    from_file = kg("query", "-f", rq, "--format", "json", "-o", built.out)
    assert from_file.exit_code == 0, from_file.stderr
    assert {"kid": "Khloe Kardashian"} in json.loads(from_file.stdout)
    from_stdin = kg("query", "-", "--format", "json", "-o", built.out, input=KIDS)
    assert from_stdin.exit_code == 0, from_stdin.stderr
    assert json.loads(from_stdin.stdout) == json.loads(from_file.stdout)


def test_query_reads_claims_in_the_article_graphs(built: Built) -> None:
    claims = """SELECT ?who ?whom ?status WHERE { GRAPH ?article {
        ?c a ckg:Claim ; rdf:subject/rdfs:label ?who ; rdf:predicate ckg:spouseOf ;
           rdf:object/rdfs:label ?whom ; ckg:status ?status } }"""
    result = kg("query", claims, "--format", "json", "-o", built.out)
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    couple = {"Khloe Kardashian", "Lamar Odom"}
    former = [r for r in rows if {r["who"], r["whom"]} == couple and r["status"].endswith("former")]
    assert former, rows


# ---------------------------------------------------------------- bad input


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("bad") / "inbox"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.png").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    )
    cp1252 = (
        "Ren\u00e9e Falkenrath is the mother of Bastien Falkenrath. "
        "\u201cWe are close,\u201d she said.\n"
    )
    (folder / "windows.txt").write_bytes(cp1252.encode("cp1252"))
    good = [
        {"id": "rec-1", "text": "Tobias Wexford and Ingrid Solberg tied the knot in 2019."},
        {"id": "rec-3", "text": "Pippa Lindqvist and Jasper Lindqvist are siblings."},
    ]
    broken = '{"id": "rec-2", "text": "Mira Castellane is the sister of'
    lines = [json.dumps(good[0]), broken, json.dumps(good[1])]
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = folder.parent / "out"
    return folder, out, kg("build", folder, "-o", out)


def test_build_skips_bad_items_with_one_warning_each(bad_build) -> None:
    folder, _, result = bad_build
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.output
    stderr = result.stderr
    assert len(re.findall(r"^skipped ", stderr, re.M)) == 3, stderr
    for name in ("empty.txt", "photo.png", "news.jsonl:2"):
        assert flat(stderr).count(name) == 1, (name, stderr)
    assert "windows.txt" not in stderr
    assert "skipped 3 bad items" in stderr
    assert "3 articles" in stderr
    assert "skipped" not in result.stdout


def test_build_keeps_the_good_articles_of_a_bad_folder(bad_build) -> None:
    _, out, result = bad_build
    assert result.exit_code == 0, result.stderr
    q = """SELECT ?a ?p ?b WHERE { ?x ?rel ?y . ?x rdfs:label ?a . ?y rdfs:label ?b .
                                   BIND(STRAFTER(STR(?rel), '#') AS ?p) }"""
    found = kg("query", q, "--format", "json", "-o", out)
    assert found.exit_code == 0, found.stderr
    triples = {(r["a"], r["p"], r["b"]) for r in json.loads(found.stdout)}
    assert ("Ren\u00e9e Falkenrath", "parentOf", "Bastien Falkenrath") in triples  # the CP1252 file
    assert ("Ingrid Solberg", "spouseOf", "Tobias Wexford") in triples
    assert ("Pippa Lindqvist", "siblingOf", "Jasper Lindqvist") in triples


# ---------------------------------------------------------------- user mistakes


def _errors(built: Built) -> dict[str, tuple[list[str], int, str]]:
    """name -> (arguments, exit code, a word the message must contain)."""
    out, missing = built.out, built.work / "no-such-folder" / "articles.txt"
    return {
        "missing input": (["build", missing, "-o", out], 1, "articles.txt"),
        "unknown query format": (["query", KIDS, "--format", "xml", "-o", out], 2, "xml"),
        "unknown extract format": (["extract", built.seeds / SEED, "--format", "yaml"], 2, "yaml"),
        "malformed sparql": (["query", "SELECT ?s WHERE { ?s ?p }", "-o", out], 1, "SPARQL"),
        "unknown prefix": (["query", "SELECT ?s WHERE { ?s foo:bar ?o }", "-o", out], 1, "foo"),
        "missing query file": (["query", "-f", built.work / "nope.rq", "-o", out], 1, "nope.rq"),
        "no build yet": (["query", KIDS, "-o", built.work / "never-built"], 1, "never-built"),
        "html before build": (["html", "-o", built.work / "never-built"], 1, "never-built"),
        "update refused": (["query", "DROP ALL", "-o", out], 1, "read-only"),
    }


ERRORS = [
    "missing input",
    "unknown query format",
    "unknown extract format",
    "malformed sparql",
    "unknown prefix",
    "missing query file",
    "no build yet",
    "html before build",
]


@pytest.mark.parametrize("case", ERRORS)
def test_a_user_mistake_is_a_clean_error_and_the_store_is_untouched(built: Built, case: str):
    args, code, word = _errors(built)[case]
    before = store_quads(built.out)
    result = kg(*args)
    assert result.exit_code == code, (result.exit_code, result.output)
    assert "Traceback" not in result.output
    assert result.exception in {None, "SystemExit"}
    assert result.stderr.strip().startswith("error:"), result.stderr
    assert word in flat(result.stderr)
    assert result.stdout == ""
    assert store_quads(built.out) == before
    assert not (built.work / "never-built").exists()


ONE_LINE_CASES = [
    "missing input",
    "unknown query format",
    "no build yet",
    "malformed sparql",
    "update refused",
]


@pytest.mark.parametrize("case", ONE_LINE_CASES)
def test_a_user_mistake_is_one_line_on_a_piped_stderr(built: Built, case: str) -> None:
    """As a script or CI log sees it: a real process, stderr a pipe, no terminal width."""
    args, code, _ = _errors(built)[case]
    args = [os.path.relpath(a, built.work) if isinstance(a, Path) else a for a in args]
    proc = kg_process(*args, cwd=built.work)
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr


@pytest.mark.parametrize(
    "update",
    [
        "DROP ALL",
        "drop all",
        "CLEAR DEFAULT",
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "PREFIX ex: <urn:ex:>\nDELETE WHERE { ?s ?p ?o }",
        "# tidy up\nDELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    ],
)
def test_an_update_query_is_refused_and_the_store_is_unchanged(built: Built, update: str) -> None:
    before = store_quads(built.out)
    result = kg("query", update, "-o", built.out)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.stderr.strip().startswith("error:")
    assert "read-only" in flat(result.stderr)
    assert store_quads(built.out) == before
