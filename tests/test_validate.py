"""SHACL validation (ontology/shapes.ttl, pyshacl) on real builds and hand-made stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.model import Article, Claim, Entity, Evidence, Extraction
from kg.pipeline import build
from kg.rdf import claim_iri
from kg.store import Store
from kg.validate import validate

CYCLE = (
    "A Family Loop\n\n"
    "Anna Berg is the mother of Beth Berg. Beth Berg is the mother of Cora Berg. "
    "Cora Berg is the mother of Anna Berg.\n"
)


def kg(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def seeds_build(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path):
    out = tmp_path_factory.mktemp("seeds") / "out"
    return out, build([seeds_dir], out)


@pytest.fixture(scope="module")
def cycle_build(tmp_path_factory: pytest.TempPathFactory):
    work = tmp_path_factory.mktemp("cycle")
    (work / "loop.txt").write_text(CYCLE, encoding="utf-8")
    return work / "out", build([work / "loop.txt"], work / "out")


def test_the_seeds_build_conforms(seeds_build) -> None:
    out, report = seeds_build
    assert report.violations == 0
    code, stdout, stderr = kg("validate", "-o", out)
    assert code == 0, stdout + stderr
    assert stdout == "" and "conforms" in stderr


def test_a_planted_cycle_is_reported_with_the_people_and_the_article(cycle_build) -> None:
    out, report = cycle_build
    assert report.claims == 3
    assert report.violations >= 1  # the build reports it and still succeeds
    assert (out / "graph.ttl").exists()
    code, stdout, stderr = kg("validate", "-o", out)
    assert code == 1
    line = next(s for s in stdout.splitlines() if s.startswith("own-ancestor"))
    for name in ("Anna Berg", "Beth Berg", "Cora Berg"):
        assert name in line
    assert '"A Family Loop"' in line  # the article, by id and title
    assert stdout.count("own-ancestor") == 1  # one cycle, reported once
    assert "SHACL violations" in stderr


def test_the_build_line_counts_the_violations(tmp_path: Path) -> None:
    (tmp_path / "loop.txt").write_text(CYCLE, encoding="utf-8")
    code, _stdout, stderr = kg("build", tmp_path / "loop.txt", "-o", tmp_path / "out")
    assert code == 0
    assert "1 SHACL violations (kg validate -o" in stderr


def test_validate_json(cycle_build) -> None:
    out, _ = cycle_build
    code, stdout, _ = kg("validate", "-o", out, "--format", "json")
    data = json.loads(stdout)
    assert code == 1 and data["conforms"] is False
    [cycle] = [v for v in data["violations"] if v["check"] == "own-ancestor"]
    assert cycle["people"][0] == cycle["people"][-1]
    assert set(cycle["people"]) == {"Anna Berg", "Beth Berg", "Cora Berg"}
    assert len(cycle["articles"]) == 1


def _ev(text: str, sentence: str, article: str = "a1") -> Evidence:
    start = text.index(sentence)
    return Evidence(article, sentence, start, start + len(sentence))


def _store(*extractions: Extraction) -> Store:
    store = Store.open()
    for ex in extractions:
        store.add(ex)
    store.recompute()
    return store


def test_a_parent_who_is_also_a_spouse_is_named() -> None:
    text = "Mae Quill is Tom Quill's mother. Mae Quill married Tom Quill in 2001."
    claims = (
        Claim("Mae Quill", "motherOf", "Tom Quill", _ev(text, text[:32]), rule="r.v1"),
        Claim("Mae Quill", "spouseOf", "Tom Quill", _ev(text, text[33:]), rule="r.v1"),
    )
    with _store(Extraction(Article("a1", text, title="Odd"), claims=claims)) as store:
        report = validate(store)
    [v] = report.violations
    assert (v.check, v.people, v.articles) == (
        "parent-spouse",
        ("Mae Quill", "Tom Quill"),
        ('a1 "Odd"',),
    )
    assert "spouse of their child" in str(v)


def test_negated_and_hedged_claims_make_no_cycle() -> None:
    text = (
        "Ann Lee is Bo Lee's mother. Bo Lee is not Ann Lee's mother. "
        "Bo Lee is reportedly Ann Lee's mom."
    )
    claims = (
        Claim("Ann Lee", "motherOf", "Bo Lee", _ev(text, "Ann Lee is Bo Lee's mother."),
              rule="r.v1"),
        Claim("Bo Lee", "motherOf", "Ann Lee", _ev(text, "Bo Lee is not Ann Lee's mother."),
              rule="r.v1", negated=True),
        Claim("Bo Lee", "motherOf", "Ann Lee", _ev(text, "Bo Lee is reportedly Ann Lee's mom."),
              rule="r.v1", hedged=True),
    )  # fmt: skip
    with _store(Extraction(Article("a1", text), claims=claims)) as store:
        assert validate(store).conforms


def test_a_cycle_across_articles_names_both_articles() -> None:
    one, two = "Ann Lee is Bo Lee's mother.", "Bo Lee is Ann Lee's father."
    with _store(
        Extraction(
            Article("one", one, title="First"),
            claims=(Claim("Ann Lee", "motherOf", "Bo Lee", _ev(one, one, "one"), rule="r.v1"),),
        ),
        Extraction(
            Article("two", two, url="https://example.com/2"),
            claims=(Claim("Bo Lee", "fatherOf", "Ann Lee", _ev(two, two, "two"), rule="r.v1"),),
        ),
    ) as store:
        [v] = validate(store).violations
    assert v.check == "own-ancestor"
    assert v.articles == ('one "First"', "two <https://example.com/2>")


def test_a_claim_without_source_or_evidence_is_named() -> None:
    text = "Kris Jenner is Khloe Kardashian's mom."
    claim = Claim("Kris Jenner", "motherOf", "Khloe Kardashian", _ev(text, text), rule="r.v1")
    with _store(Extraction(Article("a1", text, title="T"), claims=(claim,))) as store:
        assert validate(store).conforms
        c = claim_iri("a1", claim)
        store.query(
            f"DELETE WHERE {{ GRAPH ?g {{ <{c}> ckg:sentence ?s }} }} ; "
            f"DELETE WHERE {{ GRAPH ?g {{ <{c}> prov:wasDerivedFrom ?a }} }}",
            allow_update=True,
        )
        report = validate(store)
    assert not report.conforms
    messages = {v.message for v in report.violations}
    assert messages == {"a claim needs its evidence sentence", "a claim needs its source article"}
    for v in report.violations:
        assert v.check == "claim"
        assert v.statement == "Kris Jenner motherOf Khloe Kardashian"
        assert v.articles == ('a1 "T"',)  # found through the claim's graph


def test_a_claim_linking_someone_to_themself_is_named() -> None:
    """Two spellings of one name are one person: the claim links them to themself."""
    text = "Khloé Kardashian is Khloe Kardashian's sister."
    claim = Claim("Khloé Kardashian", "siblingOf", "Khloe Kardashian", _ev(text, text), rule="r.v1")
    entities = (Entity("Khloé Kardashian"), Entity("Khloe Kardashian"))
    with _store(Extraction(Article("a1", text), entities, (claim,))) as store:
        [v] = validate(store).violations
    assert v.check == "claim" and "other than its object" in v.message
    assert v.articles == ("a1",)


def test_an_unknown_relation_in_a_claim_is_named() -> None:
    text = "Ann Lee is Bo Lee's nemesis."
    claim = Claim("Ann Lee", "nemesisOf", "Bo Lee", _ev(text, text), rule="r.v1")
    with _store(Extraction(Article("a1", text), claims=(claim,))) as store:
        [v] = validate(store).violations
    assert v.message == "a claim's property is not a relation of the ontology"
    assert v.statement == "Ann Lee nemesisOf Bo Lee"


def test_validate_before_any_build_is_a_clean_error(tmp_path: Path) -> None:
    code, stdout, stderr = kg("validate", "-o", tmp_path / "nothing")
    assert code == 1 and stdout == ""
    assert "no knowledge graph here" in stderr and "Traceback" not in stderr


def test_the_seeds_facts_are_consistent_under_owl_rl(seeds_build) -> None:
    from kg.ontology import ontology_graph, owl_rl_closure

    out, _ = seeds_build
    with Store.open(out / "store") as store:
        data = store.merged_graph(claims=False)
    graph = ontology_graph()
    for triple in data:
        graph.add(triple)
    assert owl_rl_closure(graph) == []


@pytest.mark.parametrize("command", ["validate", "why", "export"])
def test_the_help_example_of_every_rdf_command_parses(command: str) -> None:
    import re
    import shlex

    from typer.main import get_command

    sub = get_command(app).commands[command]  # type: ignore[attr-defined]
    [example] = re.findall(r"Example: (kg .+)", sub.help or "")
    argv = shlex.split(example)[1:]
    assert argv[0] == command
    sub.make_context(command, argv[1:])
