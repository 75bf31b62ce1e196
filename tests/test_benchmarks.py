"""The scale benchmark and its corpus still run (tiny sizes), so they do not rot."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import corpus  # noqa: E402


def test_corpus_is_deterministic_and_edits_only_the_chosen_articles():
    first = list(corpus.articles(40))
    assert first == list(corpus.articles(40))
    assert len({row["id"] for row in first}) == 40
    assert sum(row["id"].startswith("dev-") for row in first) == 40 // corpus.DEV_SHARE
    words = [len(r["text"].split()) for r in first if r["id"].startswith("syn-")]
    assert min(words) >= 150
    assert max(words) <= 450
    edits = corpus.edit_ids(200)
    assert len(edits) == 2
    edited = list(corpus.articles(200, edited=edits))
    changed = {a["id"] for a, b in zip(corpus.articles(200), edited, strict=True) if a != b}
    assert changed == edits


@pytest.mark.skipif(not (corpus.DEV.exists()), reason="needs ../shared/eval/dev.jsonl")
def test_scale_runs_on_tiny_sizes(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    import scale

    figures = tmp_path / "scale.json"
    args = ["--quick", "--sizes", "12", "--triples", "2000", "--repeat", "1", "--sample", "3"]
    args += ["--workers", "1", "--keep", str(tmp_path / "work"), "--json", str(figures)]
    assert scale.main([*args, "--no-write"]) == 0
    out = capsys.readouterr().out
    assert "**Build**" in out and "**SPARQL**" in out and "| 12 |" in out
    data = json.loads(figures.read_text())
    first, unchanged, edited = data["builds"]
    assert (first["articles"], unchanged["articles"], edited["articles"]) == (12, 0, 1)
    assert unchanged["unchanged"] == 12 and edited["unchanged"] == 11
    assert [r["query"] for r in data["sparql"]] == list(scale.QUERIES)
    assert all(r["agree"] and r["rows"] > 0 for r in data["sparql"])


def test_quality_halves_split_dev_once_and_always_the_same_way(tmp_path: Path):
    import quality

    gold = tmp_path / "gold.jsonl"
    rows = [{"id": f"doc-{i}", "text": f"Text {i}."} for i in range(40)]
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    first = {n: p.read_text() for n, p in quality.dev_halves(gold, tmp_path).items()}
    again = {n: p.read_text() for n, p in quality.dev_halves(gold, tmp_path).items()}
    assert first == again
    ids = [json.loads(line)["id"] for text in first.values() for line in text.splitlines()]
    assert sorted(ids) == sorted(r["id"] for r in rows)
    assert all(0 < len(text.splitlines()) < 40 for text in first.values())
