"""The example queries of queries/*.rq: right answers on a known graph, taken by `kg query -f`."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.model import Article, Claim, Evidence, Extraction
from kg.ontology import load_vocabulary
from kg.pipeline import build
from kg.store import Store

QUERIES = Path(__file__).parent.parent / "queries"
ONE = (
    "Kris Jenner is Khloe Kardashian's mom. Kris Jenner is Kim Kardashian's mom. "
    "Khloe Kardashian is True Thompson's mom. Khloe divorced Lamar Odom in 2016. "
    "Kim Kardashian is reportedly dating Pete Davidson. Khloe Kardashian is dating French Montana."
)
TWO = "French Montana denied dating Khloe Kardashian. Kim Kardashian is dating Pete Davidson."


def _claim(text: str, article: str, s: str, rel: str, o: str, sentence: str, **kw: object) -> Claim:
    start = text.index(sentence)
    ev = Evidence(article, sentence, start, start + len(sentence))
    return Claim(s, rel, o, ev, rule="r.v1", **kw)  # type: ignore[arg-type]


def _one(*args: str, **kw: object) -> Claim:
    return _claim(ONE, "one", *args, **kw)


def _two(*args: str, **kw: object) -> Claim:
    return _claim(TWO, "two", *args, **kw)


EXTRACTIONS = (
    Extraction(
        Article("one", ONE, title="Family news"),
        claims=(
            _one(
                "Kris Jenner",
                "motherOf",
                "Khloe Kardashian",
                "Kris Jenner is Khloe Kardashian's mom.",
            ),
            _one(
                "Kris Jenner", "motherOf", "Kim Kardashian", "Kris Jenner is Kim Kardashian's mom."
            ),
            _one(
                "Khloe Kardashian",
                "motherOf",
                "True Thompson",
                "Khloe Kardashian is True Thompson's mom.",
            ),
            _one(
                "Lamar Odom",
                "spouseOf",
                "Khloe Kardashian",
                "Khloe divorced Lamar Odom in 2016.",
                former=True,
                end="2016",
            ),
            _one(
                "Kim Kardashian",
                "partnerOf",
                "Pete Davidson",
                "Kim Kardashian is reportedly dating Pete Davidson.",
                hedged=True,
            ),
            _one(
                "Khloe Kardashian",
                "partnerOf",
                "French Montana",
                "Khloe Kardashian is dating French Montana.",
            ),
        ),
    ),
    Extraction(
        Article("two", TWO, title="Denials"),
        claims=(
            _two(
                "French Montana",
                "partnerOf",
                "Khloe Kardashian",
                "French Montana denied dating Khloe Kardashian.",
                negated=True,
            ),
            _two(
                "Kim Kardashian",
                "partnerOf",
                "Pete Davidson",
                "Kim Kardashian is dating Pete Davidson.",
            ),
        ),
    ),
)


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with Store.open() as s:
        for ex in EXTRACTIONS:
            s.add(ex)
        s.recompute()
        yield s


def run(store: Store, name: str, **bindings: object) -> list[dict[str, str | None]]:
    return store.query((QUERIES / name).read_text(encoding="utf-8"), bindings or None).dicts()


def test_the_issue_queries_exist() -> None:
    names = {p.name for p in QUERIES.glob("*.rq")}
    assert names >= {
        "children.rq", "exes.rq", "grandparents.rq", "rumours.rq",
        "claims-by-source.rq", "contradictions.rq",
    }  # fmt: skip


def test_children(store: Store) -> None:
    rows = run(store, "children.rq", parent="Kris Jenner")
    assert [r["child"] for r in rows] == ["Khloe Kardashian", "Kim Kardashian"]
    everyone = run(store, "children.rq")
    assert [(r["parent"], r["child"]) for r in everyone] == [
        ("Khloe Kardashian", "True Thompson"),
        ("Kris Jenner", "Khloe Kardashian"),
        ("Kris Jenner", "Kim Kardashian"),
    ]


def test_exes(store: Store) -> None:
    rows = run(store, "exes.rq", person="Khloe Kardashian")
    assert [(r["ex"], r["relation"], r["ended"], r["article"]) for r in rows] == [
        ("Lamar Odom", "spouseOf", "2016", "one")
    ]
    assert [r["ex"] for r in run(store, "exes.rq", person="Lamar Odom")] == ["Khloe Kardashian"]
    assert run(store, "exes.rq", person="Kim Kardashian") == []


def test_grandparents(store: Store) -> None:
    assert [(r["grandparent"], r["grandchild"]) for r in run(store, "grandparents.rq")] == [
        ("Kris Jenner", "True Thompson")
    ]


def test_rumours(store: Store) -> None:
    rows = run(store, "rumours.rq")
    assert [(r["one"], r["other"], r["confirmed"], r["article"]) for r in rows] == [
        ("Kim Kardashian", "Pete Davidson", "true", "one")  # article two states it
    ]
    assert rows[0]["sentence"] == "Kim Kardashian is reportedly dating Pete Davidson."


def test_claims_by_source(store: Store) -> None:
    rows = run(store, "claims-by-source.rq", article="two")
    assert [(r["subject"], r["relation"], r["object"], r["polarity"]) for r in rows] == [
        ("French Montana", "partnerOf", "Khloe Kardashian", "negated"),
        ("Kim Kardashian", "partnerOf", "Pete Davidson", "asserted"),
    ]
    assert {r["title"] for r in rows} == {"Denials"}
    one = run(store, "claims-by-source.rq", article="one")
    assert len(one) == 6
    assert [r["sentence"] for r in one] == sorted((r["sentence"] for r in one), key=ONE.index)


def test_contradictions_match_across_articles_and_directions(store: Store) -> None:
    rows = run(store, "contradictions.rq")
    assert [
        (r["subject"], r["relation"], r["object"], r["saysArticle"], r["deniesArticle"])
        for r in rows
    ] == [("Khloe Kardashian", "partnerOf", "French Montana", "one", "two")]
    assert rows[0]["denies"] == "French Montana denied dating Khloe Kardashian."


def test_contradictions_lists_every_symmetric_relation() -> None:
    text = (QUERIES / "contradictions.rq").read_text(encoding="utf-8")
    listed = set(re.findall(r"ckg:(\w+)", re.search(r"VALUES \?p \{([^}]*)\}", text).group(1)))
    vocab = load_vocabulary()
    assert listed == {r.name for r in vocab.relations.values() if r.symmetric}


def test_a_name_binding_cannot_change_a_query(store: Store) -> None:
    evil = '" } ; DROP ALL ; SELECT * { "'
    assert run(store, "children.rq", parent=evil) == []
    assert run(store, "children.rq", parent="Kris Jenner")


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    out = tmp_path_factory.mktemp("queries") / "out"
    build([seeds_dir], out)
    return out


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.name)
def test_kg_query_takes_every_file(seeds_out: Path, path: Path) -> None:
    result = CliRunner().invoke(
        app, ["query", "-f", str(path), "-o", str(seeds_out), "--format", "csv"]
    )
    assert result.exit_code == 0, result.stderr
    header = next(csv.reader(io.StringIO(result.stdout)))
    select = re.search(
        r"SELECT (?:DISTINCT )?(.*?)\s*(?:WHERE|\n)", path.read_text(encoding="utf-8")
    )
    assert header == [v.lstrip("?") for v in select.group(1).split()]
    assert re.search(r"\d+ rows", result.stderr)
