"""Incremental builds: unchanged articles skipped, edited ones replaced, removed ones forgotten.

Real builds on real stores; the kill tests run ``kg build`` as a real process.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import store_quads

import kg
from kg.errors import InputError
from kg.pipeline import remove

KG = [sys.executable, "-m", "kg"]


@pytest.fixture
def corpus(tmp_path: Path, seeds_dir: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(seeds_dir, folder)
    return folder


def _mtimes(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in out.glob("graph.*")}


def _labels(out: Path) -> set[str]:
    with kg.KnowledgeGraph.open(out) as graph:
        return {p["name"] for p in graph.people()}


def test_an_unchanged_corpus_is_not_extracted_again(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = kg.build([corpus], out)
    before, files = store_quads(out), _mtimes(out)
    again = kg.build([corpus], out)
    assert (again.articles, again.unchanged, again.removed) == (0, first.articles, 0)
    assert (again.people, again.relations, again.quads) == (
        first.people, first.relations, first.quads,
    )  # fmt: skip
    assert store_quads(out) == before
    assert _mtimes(out) == files  # nothing changed, nothing rewritten
    assert json.loads((out / "build.json").read_text())["quads"] == first.quads


def test_an_edited_article_replaces_its_claims(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = kg.build([corpus], out)
    article = corpus / "kris-jenner-khloe-lamar.txt"
    article.write_text(article.read_text().replace("Lamar Odom", "Lamar Odum"))
    again = kg.build([corpus], out)
    assert (again.articles, again.unchanged, again.removed) == (1, first.articles - 1, 1)
    assert "Lamar Odum" in _labels(out) and "Lamar Odom" not in _labels(out)


def test_a_jsonl_line_removed_is_forgotten_and_an_edited_id_replaced(tmp_path: Path) -> None:
    records = [
        {"id": "a", "text": "Maya Lin is the sister of Tom Lin."},
        {"id": "b", "text": "Ava Stone married Ben Cole in 2010."},
        {"text": "Ruth Hale is the mother of Ivy Hale."},
    ]
    feed, out = tmp_path / "feed.jsonl", tmp_path / "out"
    feed.write_text("\n".join(json.dumps(r) for r in records))
    assert kg.build([feed], out).articles == 3
    records[1]["text"] = "Ava Stone married Ben Crane in 2010."
    feed.write_text("\n".join(json.dumps(r) for r in records[:2]))
    report = kg.build([feed], out)
    assert (report.articles, report.unchanged, report.removed) == (1, 1, 1)
    assert _labels(out) >= {"Ben Crane", "Maya Lin"}
    assert not _labels(out) & {"Ben Cole", "Ruth Hale", "Ivy Hale"}


def test_an_input_not_given_again_is_kept(corpus: Path, tmp_path: Path) -> None:
    out, extra = tmp_path / "out", tmp_path / "extra.txt"
    extra.write_text("Maya Lin is the sister of Tom Lin.")
    kg.build([corpus], out)
    assert kg.build([extra], out).articles == 1
    assert kg.build([corpus], out).removed == 0
    assert "Maya Lin" in _labels(out)


def test_force_extracts_everything_again(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = kg.build([corpus], out)
    before = store_quads(out)
    forced = kg.build([corpus], out, force=True)
    assert (forced.articles, forced.unchanged) == (first.articles, 0)
    assert store_quads(out) == before


def test_remove_forgets_an_article_and_what_only_it_supported(tmp_path: Path) -> None:
    a, b, out = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "out"
    a.write_text("Maya Lin is the sister of Tom Lin.")
    b.write_text("Ava Stone married Ben Cole in 2010.")
    kg.build([a, b], out)
    with kg.KnowledgeGraph.open(out) as graph:
        ids = {
            ev["article_id"]
            for r in graph.relations()
            if r["subject_name"] == "Ava Stone"
            for ev in r["evidence"]
        }
    report = remove(out, ids)
    assert report.removed == 1
    assert _labels(out) == {"Maya Lin", "Tom Lin"}
    assert "Ava Stone" not in (out / "graph.ttl").read_text()
    with pytest.raises(InputError, match="no such article"):
        remove(out, ["nope"])


def test_kg_remove_of_an_unknown_id_is_one_line_and_exit_1(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Maya Lin is the sister of Tom Lin.")
    out = tmp_path / "out"
    kg.build([text], out)
    done = subprocess.run([*KG, "remove", "nope", "-o", str(out)], capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"error: nope: no such article in the store; list them with `kg articles -o {out}`"
    ]
    listed = subprocess.run([*KG, "articles", "-o", str(out)], capture_output=True, text=True)
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 1


def _corpus_of(n: int, folder: Path) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:03}.txt").write_text(
            f"Person{i} Alpha is the mother of Child{i} Alpha. "
            f"Person{i} Alpha married Partner{i} Beta in 2001. They later divorced."
        )
    return folder


def _kill_during_build(inputs: Path, out: Path, sig: int, after_articles: int) -> int:
    """Start ``kg build``, send ``sig`` once the store holds some articles; the exit code."""
    proc = subprocess.Popen(
        [*KG, "build", str(inputs), "-o", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "80"},
    )
    deadline = time.monotonic() + 120
    store = out / "store"
    while proc.poll() is None and time.monotonic() < deadline:
        # the store's write-ahead log grows with every article added
        if store.is_dir() and sum(f.stat().st_size for f in store.glob("*.log")) > after_articles:
            break
        time.sleep(0.05)
    proc.send_signal(sig)
    proc.wait(60)
    return proc.returncode


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_a_killed_build_leaves_a_consistent_store_and_the_next_build_finishes(
    tmp_path: Path, sig: int
) -> None:
    corpus = _corpus_of(60, tmp_path / "corpus")
    clean = tmp_path / "clean"
    kg.build([corpus], clean)
    out = tmp_path / "out"
    code = _kill_during_build(corpus, out, sig, after_articles=20_000)
    assert code == (-signal.SIGKILL if sig == signal.SIGKILL else 130)
    report = kg.build([corpus], out)
    assert report.articles + report.unchanged == 60
    assert report.unchanged > 0  # the killed build's articles were kept, not redone
    assert store_quads(out) == store_quads(clean)
