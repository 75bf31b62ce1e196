"""``kg build --store http://...``: the same graph in a real ``oxigraph serve`` as on disk."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
from helpers import store_quads

import kg
from kg.pipeline import open_store

KG = [sys.executable, "-m", "kg"]


def _remote_quads(url: str) -> list[str]:
    with open_store(Path("unused"), url) as store:
        return sorted(str(q) for q in store.oxigraph)


def _file_quads(path: Path) -> list[str]:
    fmt = ox.RdfFormat.TRIG if path.suffix == ".trig" else ox.RdfFormat.TURTLE
    return sorted(str(q) for q in ox.parse(path=str(path), format=fmt))


def test_a_remote_build_equals_the_local_build(
    remote_url: str, seeds_dir: Path, tmp_path: Path
) -> None:
    local = kg.build([seeds_dir], tmp_path / "local")
    remote = kg.build([seeds_dir], tmp_path / "remote", store_location=remote_url)
    assert (remote.articles, remote.claims, remote.people, remote.relations, remote.quads) == (
        local.articles, local.claims, local.people, local.relations, local.quads,
    )  # fmt: skip
    assert _remote_quads(remote_url) == store_quads(tmp_path / "local")
    assert not (tmp_path / "remote" / "store").exists()  # the files are local, the store is not
    for name in ("graph.trig", "graph.ttl"):
        assert _file_quads(tmp_path / "remote" / name) == _file_quads(tmp_path / "local" / name)
    again = kg.build([seeds_dir], tmp_path / "remote", store_location=remote_url)
    assert (again.articles, again.unchanged) == (0, local.articles)


def test_every_command_reads_the_store_named_by_kg_store(
    remote_url: str, seeds_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    env = {**os.environ, "KG_STORE": remote_url}

    def kg_cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*KG, *args, "-o", str(out)], capture_output=True, text=True, env=env)

    assert kg_cli("build", str(seeds_dir)).returncode == 0
    kids = 'SELECT ?k WHERE { ?m rdfs:label "Kris Jenner" ; ckg:parentOf/rdfs:label ?k }'
    done = kg_cli("query", kids, "--format", "csv")
    assert done.returncode == 0 and done.stdout.splitlines() == ["k", "Khloe Kardashian"]
    done = kg_cli("path", "Kris Jenner", "Lamar Odom")
    assert done.returncode == 0 and "spouseOf" in done.stdout
    listed = kg_cli("articles")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == len(
        list(seeds_dir.iterdir())
    )


def test_an_unreachable_store_is_one_line_and_exit_1(tmp_path: Path, seeds_dir: Path) -> None:
    done = subprocess.run(
        [*KG, "build", str(seeds_dir), "-o", str(tmp_path), "--store", "http://127.0.0.1:9"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("error: cannot reach the SPARQL store at http://127.0.0.1:9")
    assert "Traceback" not in done.stderr
