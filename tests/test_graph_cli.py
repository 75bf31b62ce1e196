"""The graph commands end to end on a build of the demo articles (real spaCy, real Oxigraph)."""

from __future__ import annotations

import csv
import gc
import io
import json
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from kg.cli import app
from kg.ingest import read_articles

COMMANDS = ["path", "neighbors", "family", "top", "communities", "stats"]
KRIS_TO_LAMAR = ["path", "Kris Jenner", "Lamar Odom"]


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def kg(*args: object) -> Run:
    result = CliRunner().invoke(app, [str(a) for a in args])
    run = Run(result.exit_code, result.stdout, result.stderr)
    del result
    gc.collect()  # the result holds the store's lock through its traceback
    return run


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    out = tmp_path_factory.mktemp("graph-cli") / "out"
    built = kg("build", seeds_dir, "-o", out)
    assert built.exit_code == 0, built.stderr
    return out


@pytest.fixture(scope="module")
def seed_text(seeds_dir: Path) -> str:
    [article] = list(read_articles([seeds_dir / "kris-jenner-khloe-lamar.txt"]))
    return article.text


def run_ok(*args: object) -> Run:
    result = kg(*args)
    assert result.exit_code == 0, result.stderr
    return result


def test_path_kris_to_lamar_json(out, seed_text):
    result = run_ok(*KRIS_TO_LAMAR, "-o", out, "--format", "json")
    data = json.loads(result.stdout)
    assert (data["from"], data["to"]) == ("Kris Jenner", "Lamar Odom")
    hops = data["hops"]
    assert [(h["from_name"], h["to_name"]) for h in hops] == [
        ("Kris Jenner", "Khloe Kardashian"),
        ("Khloe Kardashian", "Lamar Odom"),
    ]
    first = {x["relation"]: x for x in hops[0]["links"]}
    second = {x["relation"]: x for x in hops[1]["links"]}
    assert first["motherOf"]["subject_name"] == "Kris Jenner"
    assert first["motherOf"]["status"] == "current"
    assert second["spouseOf"]["subject_name"] == "Khloe Kardashian"
    assert second["spouseOf"]["status"] == "former"
    for link in (first["motherOf"], second["spouseOf"]):
        assert link["evidence"], link
        for ev in link["evidence"]:
            # the evidence is a sentence of the article, with its offsets and source
            assert ev["sentence"] and ev["sentence"] in seed_text
            assert seed_text[ev["start"] : ev["end"]] == ev["sentence"]
            assert ev["article_id"] and ev["title"]
    assert result.stderr.strip() == "2 hops"


def test_path_kris_to_lamar_table_reads_in_order(out):
    text = run_ok(*KRIS_TO_LAMAR, "-o", out).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    facts = [line for line in lines if line[:1].isdigit()]
    assert facts == [
        "1 Kris Jenner motherOf Khloe Kardashian",
        "2 Khloe Kardashian spouseOf (former) Lamar Odom",
    ]
    data = json.loads(run_ok(*KRIS_TO_LAMAR, "-o", out, "-f", "json").stdout)
    for hop in data["hops"]:
        for ev in hop["links"][0]["evidence"]:
            # each sentence follows its fact, whole, with its article
            at = lines.index(f"\u201c{' '.join(ev['sentence'].split())}\u201d")
            assert lines.index(facts[hop["step"] - 1]) < at
            assert f"[{ev['article_id']}]" in lines[at + 1]


def test_path_csv_has_one_row_per_evidence_sentence(out):
    rows = list(csv.DictReader(io.StringIO(run_ok(*KRIS_TO_LAMAR, "-o", out, "-f", "csv").stdout)))
    assert list(rows[0]) == [
        "step", "subject", "relation", "object", "status", "sentence", "article_id", "title", "url",
    ]  # fmt: skip
    summary = {(r["step"], r["subject"], r["relation"], r["object"], r["status"]) for r in rows}
    assert ("1", "Kris Jenner", "motherOf", "Khloe Kardashian", "current") in summary
    assert ("2", "Khloe Kardashian", "spouseOf", "Lamar Odom", "former") in summary
    assert all(r["sentence"] for r in rows)


@pytest.mark.parametrize(
    ("a", "b"), [("kris jenner", "LAMAR ODOM"), ("KRÏS JÉNNER", "lamar  odom")]
)
def test_names_resolve_whatever_the_case_and_accents(out, a, b):
    expected = run_ok(*KRIS_TO_LAMAR, "-o", out, "-f", "json").stdout
    assert run_ok("path", a, b, "-o", out, "-f", "json").stdout == expected


@pytest.mark.parametrize("command", [["path", "Kriss Jenner", "Lamar Odom"], ["family", "Kriss"]])
def test_unknown_name_is_one_line_with_a_suggestion(out, command):
    result = kg(*command, "-o", out)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert (
        "No person named 'Kriss" in result.stderr and "did you mean Kris Jenner?" in result.stderr
    )


def test_names_with_markup_are_printed_not_interpreted(out):
    result = kg("neighbors", "[/x] [bold]Kris", "-o", out)
    assert result.exit_code == 1, result.stderr
    assert "'[/x] [bold]Kris'" in result.stderr


def test_neighbors(out):
    one = json.loads(run_ok("neighbors", "Khloe Kardashian", "-o", out, "-f", "json").stdout)
    near = {n["name"]: n for n in one}
    assert {"Kris Jenner", "Lamar Odom"} <= set(near)
    assert {n["distance"] for n in one} == {1}
    assert near["Lamar Odom"]["links"][0]["relation"] == "spouseOf"
    two = json.loads(run_ok("neighbors", "Lamar Odom", "-d", "2", "-o", out, "-f", "json").stdout)
    assert {n["name"]: n["distance"] for n in two}["Kris Jenner"] == 2
    assert kg("neighbors", "Lamar Odom", "--depth", "0", "-o", out).exit_code == 2


def test_family(out):
    members = json.loads(run_ok("family", "Kris Jenner", "-o", out, "-f", "json").stdout)
    assert ("children", "Khloe Kardashian") in {(m["role"], m["name"]) for m in members}
    khloe = json.loads(run_ok("family", "khloe kardashian", "-o", out, "-f", "json").stdout)
    roles = {(m["role"], m["name"]) for m in khloe}
    assert {("parents", "Kris Jenner"), ("exes", "Lamar Odom")} <= roles
    table = run_ok("family", "Khloe Kardashian", "-o", out).stdout
    assert "parents" in table and "exes" in table


@pytest.mark.parametrize("by", ["degree", "betweenness", "pagerank"])
def test_top(out, by):
    ranked = json.loads(run_ok("top", "--by", by, "-n", "5", "-o", out, "-f", "json").stdout)
    assert [r["rank"] for r in ranked] == [1, 2, 3, 4, 5]
    scores = [r["score"] for r in ranked]
    assert scores == sorted(scores, reverse=True)
    rows = list(csv.reader(io.StringIO(run_ok("top", "--by", by, "-o", out, "-f", "csv").stdout)))
    assert rows[0][:2] == ["rank", "person"] and len(rows) == 11


def test_top_unknown_measure_is_a_usage_error(out):
    result = kg("top", "--by", "closeness", "-o", out)
    assert result.exit_code == 2
    assert "Available: betweenness, degree, pagerank" in result.stderr


def test_communities(out):
    groups = json.loads(run_ok("communities", "-o", out, "-f", "json").stdout)
    assert groups and all(g["size"] >= 2 for g in groups)
    family = next(g for g in groups if "Kris Jenner" in g["names"])
    assert "Khloe Kardashian" in family["names"]
    everyone = json.loads(run_ok("communities", "--min-size", "1", "-o", out, "-f", "json").stdout)
    stats = json.loads(run_ok("stats", "-o", out, "-f", "json").stdout)
    assert sum(g["size"] for g in everyone) == stats["people"]


def test_stats_match_the_store(out):
    from kg.store import Store

    with Store.open(out / "store") as store:
        people, relations = store.people(), store.relations()
    figures = json.loads(run_ok("stats", "-o", out, "-f", "json").stdout)
    assert figures["people"] == len(people)
    assert figures["relations"] == sum(r["fact"] for r in relations)
    claims = [r for r in relations if not r["fact"]]
    assert figures["hedged_claims"] + figures["negated_claims"] == len(claims)
    rows = dict(csv.reader(io.StringIO(run_ok("stats", "-o", out, "-f", "csv").stdout)))
    assert rows["people"] == str(len(people))


@pytest.mark.parametrize("command", COMMANDS)
def test_every_graph_command_rejects_an_unknown_format(out, command):
    args = {"path": KRIS_TO_LAMAR[1:], "neighbors": ["Kris"], "family": ["Kris"]}.get(command, [])
    result = kg(command, *args, "-o", out, "--format", "yaml")
    assert result.exit_code == 2
    assert "Unknown format 'yaml'. Available: csv, json, table" in result.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_every_graph_command_has_help_and_a_working_example(command):
    result = kg(command, "--help")
    assert result.exit_code == 0 and "--format" in result.stdout and "--out" in result.stdout
    sub = get_command(app).commands[command]  # type: ignore[attr-defined]
    [example] = re.findall(r"Example: (kg .+)", sub.help or "")
    argv = shlex.split(example)[1:]
    assert argv[0] == command
    sub.make_context(command, argv[1:])


def test_before_a_build_the_error_says_what_to_do(tmp_path):
    result = kg("stats", "-o", tmp_path / "nothing")
    assert result.exit_code == 1
    assert "run `kg build" in result.stderr and result.stdout == ""


def test_html_focus_writes_an_ego_page(out):
    result = run_ok("html", "-o", out, "--focus", "kris jenner", "--depth", "1")
    assert result.stdout.strip() == str(out / "focus.html")
    page = (out / "focus.html").read_text(encoding="utf-8")
    assert "<title>Kris Jenner and everyone within 1 step</title>" in page
    [nodes] = [line for line in page.splitlines() if "nodes = new vis.DataSet(" in line]
    near = json.loads(run_ok("neighbors", "Kris Jenner", "-o", out, "-f", "json").stdout)
    assert set(re.findall(r'"label":"([^"]+)"', nodes)) == {"Kris Jenner"} | {
        n["name"] for n in near
    }
    assert "Khloe Kardashian" in {n["name"] for n in near}
    full = (out / "graph.html").read_text(encoding="utf-8")
    assert '"label":"Lamar Odom"' in full  # the whole-graph page is left alone


def test_html_family_layout_and_its_errors(out, tmp_path):
    page = tmp_path / "family.html"
    assert run_ok("html", "-o", out, "--layout", "family", "--path", page).stdout.strip() == str(
        page
    )
    assert '"physics":{"barnesHut"' in page.read_text(encoding="utf-8")
    bad_layout = kg("html", "-o", out, "--layout", "tree")
    assert bad_layout.exit_code == 2 and "Available: family, force" in bad_layout.stderr
    unknown = kg("html", "-o", out, "--focus", "[/x] Kriss Jenner", "--path", tmp_path / "x.html")
    assert unknown.exit_code == 1 and unknown.stdout == ""
    assert "No person named '[/x] Kriss Jenner'" in unknown.stderr
    assert "did you mean Kris Jenner?" in unknown.stderr
    assert not (tmp_path / "x.html").exists()
