"""Extract many articles: in this process, on N local processes, or on a Dask cluster.

::

    extract_parallel(articles)                         # this process
    extract_parallel(articles, workers=4)              # 4 local processes
    extract_parallel(articles, dask="local:4")         # a Dask LocalCluster of 4 processes
    extract_parallel(articles, dask="tcp://host:8786") # an existing Dask cluster

Articles go out in batches of ``batch_size`` (each parsed with spaCy's
``nlp.pipe``), and at most ``IN_FLIGHT`` batches per worker are out at a
time, so memory stays flat however long the input: the input is read only as
fast as the workers take it.

Order: one process yields in input order. Processes and Dask yield each
batch as it completes, so in no particular order (the store does not care);
every article's :class:`~kg.model.Extraction` equals the one-process result,
because the batches are the same.

An article the extractor fails on (spaCy raising on a weird text, such as one
longer than ``nlp.max_length``) never ends a run silently: with ``on_skip`` it
is reported as a :class:`~kg.ingest.Skipped` and the run goes on; without, it
raises :class:`~kg.errors.InputError` naming the article, with the worker's
traceback as the cause. The other articles of its batch are kept.

Local processes start with ``spawn``: forking a parent that already runs
spaCy's and numpy's threads is unsafe, and spawn behaves the same on every OS.
A script that starts them needs the ``if __name__ == "__main__":`` guard, as
each process imports it again. Each process loads the model once (the pool's
initializer, or the first batch on a Dask worker). Dask workers need
celebrity-kg installed; spaCy holds the GIL, so give them one thread each
(``dask worker ADDRESS --nthreads 1``).

Examples:
    >>> from kg.model import Article
    >>> [ex] = extract_parallel([Article("a1", "Kris Jenner is the mother of Khloe Kardashian.")])
    >>> [(c.subject, c.relation, c.object) for c in ex.claims]
    [('Kris Jenner', 'motherOf', 'Khloe Kardashian')]
"""

from __future__ import annotations

import itertools
import multiprocessing
import signal
import traceback
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent import futures
from contextlib import closing, contextmanager, suppress
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from kg.errors import InputError, KGError
from kg.model import Article, Extraction

if TYPE_CHECKING:
    from kg.extract import Extractor
    from kg.ingest import Skipped

__all__ = ["extract_parallel", "BATCH_SIZE", "IN_FLIGHT"]

BATCH_SIZE = 32  # articles per task and per nlp.pipe batch
IN_FLIGHT = 2  # batches out per worker: one running, one waiting, so no worker idles
CONNECT_TIMEOUT = 5  # seconds to reach a Dask scheduler
_NO_DASK = "Dask is not installed; run: pip install 'celebrity-kg[dask]'"
_USE = "use tcp://HOST:PORT for a running scheduler or local:N for N local processes"


class _Failure(NamedTuple):
    """An article a worker could not extract (sent back instead of raising)."""

    where: str
    article_id: str
    error: str
    trace: str


Batch = list[Article]
Result = list[Extraction | _Failure]
Results = Generator[Result, None, None]


def extract_parallel(
    articles: Iterable[Article],
    model: str | None = None,
    *,
    workers: int = 1,
    dask: str | None = None,
    batch_size: int = BATCH_SIZE,
    on_skip: Callable[[Skipped], None] | None = None,
) -> Iterator[Extraction]:
    """Extract every article, on ``workers`` local processes or the Dask cluster ``dask``.

    Args:
        articles: read lazily, ``IN_FLIGHT * workers`` batches ahead at most.
        model: the spaCy pipeline (default: ``kg.extract.nlp.DEFAULT_MODEL``).
        workers: local processes; 1 runs in this process.
        dask: ``local:N`` starts a LocalCluster of N processes for the run;
            any other value is a scheduler address such as ``tcp://host:8786``.
        batch_size: articles per task.
        on_skip: receives each article the extractor failed on; without it, such
            an article raises.

    Raises:
        InputError: ``workers`` or ``dask`` is invalid (at once); the scheduler
            cannot be reached, or an article fails without ``on_skip`` (while
            iterating).
        KGError: Dask is not installed, or a worker process died.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    if workers < 1:
        raise InputError(f"--workers {workers}", "needs at least 1 process")
    if dask is not None and workers > 1:
        raise InputError(
            f"--workers {workers} --dask {dask}",
            "choose one",
            "--workers runs local processes, --dask a Dask cluster",
        )
    from kg.extract.nlp import DEFAULT_MODEL

    model = model or DEFAULT_MODEL
    batches = _batches(articles, batch_size)
    if dask is not None:
        results = _on_dask(dask, _local_size(dask), model, batches)
    elif workers > 1:
        results = _on_processes(workers, model, batches)
    else:
        results = (_extract_batch(model, batch) for batch in batches)
    return _extractions(results, on_skip)


def _extractions(
    results: Results, on_skip: Callable[[Skipped], None] | None
) -> Iterator[Extraction]:
    with closing(results):  # a consumer that stops early stops the workers too
        for result in results:
            for item in result:
                if isinstance(item, Extraction):
                    yield item
                    continue
                reason = f"the extractor failed on article {item.article_id!r}: {item.error}"
                if on_skip is None:
                    error = InputError(item.where, reason, "remove it or report it as a bug")
                    raise error from _Traceback(item.trace)
                from kg.ingest import Skipped  # here: workers need not import ingest

                on_skip(Skipped(item.where, reason))


class _Traceback(Exception):
    """The traceback of a failure in a worker, shown as the cause of the error."""

    def __str__(self) -> str:
        return "\n" + str(self.args[0])


def _batches(articles: Iterable[Article], size: int) -> Iterator[Batch]:
    it = iter(articles)
    while batch := list(itertools.islice(it, size)):
        yield batch


# -- in a worker ---------------------------------------------------------------------------


@cache
def _extractor(model: str) -> Extractor:
    """This process's extractor for ``model``, so each worker loads a model once."""
    from kg.extract import Extractor

    return Extractor(model)


def _extract_batch(model: str, batch: Batch) -> Result:
    """One batch through this process's extractor; a failing article becomes a ``_Failure``."""
    extractor = _extractor(model)
    try:
        return list(extractor.pipe(batch, batch_size=len(batch)))
    except Exception:
        return [_extract_one(extractor, article) for article in batch]  # find the culprit


def _extract_one(extractor: Extractor, article: Article) -> Extraction | _Failure:
    try:
        return extractor.extract(article)
    except Exception as exc:
        message = (str(exc).splitlines() or [""])[0]
        if len(message) > 160:
            message = message[:159] + "…"  # the whole of it is in the traceback
        error = f"{type(exc).__name__}: {message}"
        trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__, chain=False))
        return _Failure(article.source or article.id, article.id, error, trace)


def _start_worker(model: str) -> None:
    """Pool initializer: Ctrl-C is the parent's to handle; load the model now."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with suppress(Exception):  # a model that does not load fails the first batch, with its message
        _extractor(model)


# -- the two pools -------------------------------------------------------------------------


def _stream(
    submit: Callable[[Batch], Any],
    batches: Iterable[Batch],
    limit: Callable[[], int],
    wait_first: Callable[[set[Any]], tuple[set[Any], set[Any]]],
) -> Results:
    """Keep at most ``limit()`` batches in flight; yield each result as it completes."""
    pending: set[Any] = set()
    for batch in batches:
        pending.add(submit(batch))
        if len(pending) >= limit():
            done, pending = wait_first(pending)
            yield from (future.result() for future in done)
    while pending:
        done, pending = wait_first(pending)
        yield from (future.result() for future in done)


def _on_processes(workers: int, model: str, batches: Iterable[Batch]) -> Results:
    pool = futures.ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(model,),
    )
    try:
        yield from _stream(
            lambda batch: pool.submit(_extract_batch, model, batch),
            batches,
            lambda: IN_FLIGHT * workers,
            lambda pending: futures.wait(pending, return_when=futures.FIRST_COMPLETED),
        )
    except futures.BrokenExecutor:
        raise KGError(
            "a worker process died (out of memory?); try fewer --workers or a smaller batch"
        ) from None
    finally:
        pool.shutdown(cancel_futures=True)


def _on_dask(address: str, local: int | None, model: str, batches: Iterable[Batch]) -> Results:
    try:
        import distributed
    except ImportError:
        raise KGError(_NO_DASK) from None
    with _client(distributed, address, local) as client:
        try:
            yield from _stream(
                lambda batch: client.submit(_extract_batch, model, batch, pure=False),
                batches,
                lambda: IN_FLIGHT * max(1, sum(client.nthreads().values())),  # follows scaling
                lambda pending: distributed.wait(pending, return_when="FIRST_COMPLETED"),
            )
        except distributed.KilledWorker:
            raise KGError(
                "Dask workers died on the same batch again and again (out of memory?); "
                "give them more memory or use a smaller batch"
            ) from None


@contextmanager
def _client(distributed: Any, address: str, local: int | None) -> Iterator[Any]:
    if local is not None:
        with (
            distributed.LocalCluster(
                n_workers=local, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = distributed.Client(address, timeout=CONNECT_TIMEOUT)
    except ValueError as exc:  # "missing port number", "unknown address scheme"
        raise InputError(address, f"not a Dask scheduler address ({exc})", _USE) from None
    except Exception:  # OSError on a timeout; whatever a non-Dask server's answer raises
        raise InputError(
            address,
            f"cannot reach a Dask scheduler there within {CONNECT_TIMEOUT} s",
            "start one with `dask scheduler` (and workers with `dask worker ADDRESS "
            "--nthreads 1`) or use --dask local:2",
        ) from None
    with client:
        yield client


def _local_size(spec: str) -> int | None:
    """N of ``local:N``, None for a scheduler address.

    Examples:
        >>> _local_size("local:2"), _local_size("tcp://127.0.0.1:8786")
        (2, None)
        >>> _local_size("local:0")
        Traceback (most recent call last):
        kg.errors.InputError: local:0: not a number of Dask workers; use local:N with N >= 1
    """
    scheme, _, size = spec.partition(":")
    if not spec.strip():  # distributed.Client("") would quietly start a cluster of its own
        raise InputError("--dask ''", "no scheduler address", _USE)
    if scheme != "local":
        return None
    if not size.isdigit() or int(size) < 1:
        raise InputError(spec, "not a number of Dask workers", "use local:N with N >= 1")
    return int(size)
