"""``kg.parallel``: one process, a real process pool and a real Dask cluster agree.

Every test runs the real spaCy model. The Dask tests start real
``distributed.LocalCluster`` processes: one for ``--dask local:2`` (it starts
and stops its own), and one module-scoped cluster reached by its address.
"""

from __future__ import annotations

import itertools
import socket
import sys
import time
from pathlib import Path

import pytest

from kg.errors import InputError, KGError
from kg.ingest import read_articles
from kg.model import Article, Extraction
from kg.parallel import CONNECT_TIMEOUT, IN_FLIGHT, extract_parallel

SENTENCES = [
    "Kris Jenner is the mother of Khloe Kardashian.",
    "Nadia Fairbanks married Anders Lindqvist in 2019.",
    "Jasper Calloway and his sister Margot Calloway opened a bistro.",
    "Lena Park is reportedly dating Dominic Reyes Jr.",
    "Theo Marchetti and Sienna Calloway divorced last year.",
]
BATCH = 3  # small batches, so a handful of articles makes several tasks


@pytest.fixture(scope="module")
def articles(seeds_dir: Path) -> list[Article]:
    """The demo articles and a few sentences: several batches of ``BATCH``."""
    seeds = [a for a in read_articles([seeds_dir]) if isinstance(a, Article)]
    return seeds + [Article(f"s{i}", text) for i, text in enumerate(SENTENCES)]


@pytest.fixture(scope="module")
def expected(articles: list[Article]) -> dict[str, Extraction]:
    """The one-process extractions, by article id."""
    from kg.extract import Extractor

    one = list(extract_parallel(articles, batch_size=BATCH))
    assert one == list(Extractor().pipe(articles))  # in input order, as Extractor.pipe gives
    assert sum(len(ex.claims) for ex in one) >= 10  # the comparisons below are not vacuous
    return {ex.article.id: ex for ex in one}


@pytest.fixture(scope="module")
def cluster():
    """A real Dask cluster of 2 worker processes, reached by its scheduler address."""
    import distributed

    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster


def by_id(extractions) -> dict[str, Extraction]:
    out: dict[str, Extraction] = {}
    for ex in extractions:
        assert ex.article.id not in out, f"{ex.article.id} extracted twice"
        out[ex.article.id] = ex
    return out


def test_processes_give_the_same_extractions(articles, expected) -> None:
    assert by_id(extract_parallel(articles, workers=2, batch_size=BATCH)) == expected


def test_dask_local_cluster_gives_the_same_extractions(articles, expected) -> None:
    assert by_id(extract_parallel(articles, dask="local:2", batch_size=BATCH)) == expected


def test_dask_scheduler_address_gives_the_same_extractions(articles, expected, cluster) -> None:
    address = cluster.scheduler_address
    assert address.startswith("tcp://")
    assert by_id(extract_parallel(articles, dask=address, batch_size=BATCH)) == expected


def endless(limit: int, read: list[int]):
    """Articles without end; fails the test if more than ``limit`` are read."""
    for i in itertools.count():
        if i >= limit:
            raise AssertionError(f"read {i} articles: the input is not read lazily")
        read[0] = i + 1
        yield Article(f"lazy{i}", SENTENCES[i % len(SENTENCES)])


@pytest.mark.parametrize("where", ["processes", "dask"])
def test_input_is_read_only_a_few_batches_ahead(where, request) -> None:
    size, workers = 2, 2
    ahead = IN_FLIGHT * workers * size
    options = {"workers": workers} if where == "processes" else {}
    if where == "dask":
        options["dask"] = request.getfixturevalue("cluster").scheduler_address
    read = [0]
    results = extract_parallel(endless(ahead + 25, read), batch_size=size, **options)
    assert read == [0]  # nothing is read before the first result is asked for
    for got in range(1, 13):
        assert next(results).article.id.startswith("lazy")
        assert read[0] <= got + ahead
    results.close()  # stops the workers


def broken() -> Article:
    """An article the extractor fails on: its text is not a string (no reader makes one)."""
    return Article("huge", b"Kim married Kanye.", source="news/huge.txt")  # type: ignore[arg-type]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_article_is_skipped_and_the_rest_kept(articles, expected, workers) -> None:
    skipped: list = []
    mixed = [*articles[:4], broken(), *articles[4:]]
    got = extract_parallel(mixed, workers=workers, batch_size=BATCH, on_skip=skipped.append)
    assert by_id(got) == expected
    [skip] = skipped
    assert skip.where == "news/huge.txt"
    assert "the extractor failed on article 'huge'" in skip.reason


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_article_raises_without_on_skip(articles, workers) -> None:
    mixed = [*articles[:2], broken()]
    message = r"^news/huge.txt: the extractor failed on article 'huge': \w+: "
    with pytest.raises(InputError, match=message) as caught:
        list(extract_parallel(mixed, workers=workers, batch_size=BATCH))
    assert "\n" not in str(caught.value)  # one line; the worker's traceback is the cause
    assert "Traceback" in str(caught.value.__cause__)


def test_unreachable_scheduler_fails_fast_with_a_fix() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{sock.getsockname()[1]}"
    began = time.monotonic()
    with pytest.raises(InputError, match="cannot reach a Dask scheduler there") as caught:
        list(extract_parallel([Article("a", SENTENCES[0])], dask=address))
    assert time.monotonic() - began < CONNECT_TIMEOUT + 10
    message = str(caught.value)
    assert message.startswith(address) and "dask scheduler" in message and "local:2" in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("dask", "match"),
    [
        ("local:0", "local:0: not a number of Dask workers; use local:N"),
        ("local:x", "local:x: not a number of Dask workers"),
        ("local", "local: not a number of Dask workers"),
        ("", "--dask '': no scheduler address; use tcp://HOST:PORT"),
    ],
)
def test_bad_local_cluster_size_fails_at_once(dask, match) -> None:
    with pytest.raises(InputError, match=match):
        extract_parallel([], dask=dask)  # no iteration needed


def test_address_without_port_is_named() -> None:
    with pytest.raises(InputError, match=r"^nonsense: not a Dask scheduler address \(missing port"):
        list(extract_parallel([Article("a", SENTENCES[0])], dask="nonsense"))


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"workers": 0}, "--workers 0: needs at least 1 process"),
        ({"workers": 2, "dask": "local:2"}, "choose one"),
    ],
)
def test_bad_worker_options_fail_at_once(options, match) -> None:
    with pytest.raises(InputError, match=match):
        extract_parallel([], **options)


def test_a_model_that_is_not_installed_is_named_by_the_workers() -> None:
    with pytest.raises(KGError, match="spaCy model 'no_such_model' is not installed"):
        list(extract_parallel([Article("a", SENTENCES[0])], "no_such_model", workers=2))


def test_missing_dask_says_how_to_install_it(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # what `import` sees without the extra
    with pytest.raises(KGError, match=r"pip install 'celebrity-kg\[dask\]'"):
        list(extract_parallel([Article("a", SENTENCES[0])], dask="local:2"))
