"""``kg build --workers 2`` and ``--dask local:2`` store the same graph as one process."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import store_quads

import kg


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> list[str]:
    out = tmp_path_factory.mktemp("single")
    kg.build([seeds_dir], out)
    return store_quads(out)


@pytest.mark.parametrize(
    "how", [{"workers": 2}, {"dask": "local:2"}], ids=["2 processes", "Dask LocalCluster of 2"]
)
def test_a_distributed_build_equals_the_single_process_build(
    how: dict, single: list[str], seeds_dir: Path, tmp_path: Path
) -> None:
    report = kg.build([seeds_dir], tmp_path, **how)
    assert report.articles == len(list(seeds_dir.iterdir()))
    assert store_quads(tmp_path) == single
