"""Extraction throughput on 1 process, 2 local processes and a Dask LocalCluster of 2.

The texts are the dev set (``../shared/eval/dev.jsonl``) repeated to about
``--articles`` articles (each copy with its own id). Every measure runs
``kg.parallel.extract_parallel`` end to end, start-up included (spawning the
processes or the cluster, loading the model in each), on N and on 2N
articles; the difference gives what start-up hides:

- ``throughput = N / (T(2N) - T(N))`` articles/s once running,
- ``start-up = 2 T(N) - T(2N)``.

The one-process measure reloads the model for each run (spaCy itself stays
imported). Runs are repeated (default 3) in rotating order, as the machine is
noisy; the table gives the medians over runs and the speed-ups over one
process. It goes to ``benchmarks/README.md`` between
``<!-- workers:start -->`` and ``<!-- workers:end -->`` and to stdout.

    python benchmarks/workers.py [--articles 400] [--repeat 3] [--no-write]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import itertools
import os
import resource
import statistics
import sys
import time
from pathlib import Path

from readme_section import revision, write_section

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
TARGET = 1.7  # 2 processes against 1, on 2 CPUs
MEASURES = {
    "1 process": {},
    "2 processes (`--workers 2`)": {"workers": 2},
    "Dask LocalCluster (`--dask local:2`)": {"dask": "local:2"},
}


def corpus(size: int) -> list:
    """The dev articles repeated to ``size``, each copy with its own id."""
    from kg.ingest import read_articles
    from kg.model import Article

    dev = [a for a in read_articles([DEV]) if isinstance(a, Article)]
    copies = itertools.chain.from_iterable(
        (dataclasses.replace(a, id=f"{a.id}#{k}") for a in dev) for k in itertools.count()
    )
    return list(itertools.islice(copies, size))


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (pool and cluster workers)."""
    me, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(articles: list, options: dict) -> tuple[float, float]:
    """Wall and CPU seconds of one end-to-end run."""
    from kg.extract.nlp import load_nlp
    from kg.parallel import _extractor, extract_parallel

    _extractor.cache_clear()  # the one-process run loads its model, as the workers do
    load_nlp.cache_clear()
    gc.collect()
    wall, cpu = time.perf_counter(), _cpu()
    count = sum(1 for _ in extract_parallel(articles, **options))
    wall, cpu = time.perf_counter() - wall, _cpu() - cpu
    assert count == len(articles), f"{count} extractions for {len(articles)} articles"
    return wall, cpu


def measure(size: int, repeat: int) -> dict:
    """Wall and CPU seconds per run, on N and 2N articles, of each measure."""
    load = os.getloadavg()[0]
    small, large = corpus(size), corpus(2 * size)
    runs: dict[str, dict[int, list[tuple[float, float]]]] = {
        name: {size: [], 2 * size: []} for name in MEASURES
    }
    names = list(MEASURES)
    for i in range(repeat):
        order = names[i % len(names) :] + names[: i % len(names)]
        for name in order:
            for articles in (small, large):
                runs[name][len(articles)].append(timed(articles, MEASURES[name]))
        last = (f"{n} {runs[n][size][-1][0]:.1f}/{runs[n][2 * size][-1][0]:.1f} s" for n in names)
        print(f"run {i + 1} (N/2N): " + ", ".join(last), file=sys.stderr)
    return {
        "runs": runs,
        "size": size,
        "load": load,
        "words": sum(len(a.text.split()) for a in small),
    }


def table(m: dict, seconds: float) -> str:
    size, base = m["size"], "1 process"
    stats = {}  # per measure: the medians over runs of what each run gives
    for name, by in m["runs"].items():
        pairs = list(zip(by[size], by[2 * size], strict=True))  # ((wall, cpu) at N, at 2N)
        stats[name] = {
            "t1": statistics.median(a[0] for a, _ in pairs),
            "t2": statistics.median(b[0] for _, b in pairs),
            "startup": statistics.median(2 * a[0] - b[0] for a, b in pairs),
            "rate": statistics.median(size / (b[0] - a[0]) for a, b in pairs),
            "cpu": statistics.median((b[1] - a[1]) / size for a, b in pairs),
            "rates": [size / (b[0] - a[0]) for a, b in pairs],
        }
    one = stats[base]
    per_run = "; ".join(
        f"{name.split(' (')[0]}: {', '.join(f'{r:.1f}' for r in st['rates'])}"
        for name, st in stats.items()
    )
    lines = [
        f"Measured {dt.date.today().isoformat()} at {revision()} "
        f"(`python benchmarks/workers.py`, {seconds:.0f} s): the dev texts repeated to "
        f"N = {size} articles ({m['words']:,} words split on spaces) and to 2N, batches of 32, "
        f"{os.cpu_count()} CPUs, load average {m['load']:.1f} at the start and "
        f"{os.getloadavg()[0]:.1f} at the end; {len(one['rates'])} runs in rotating order, "
        "medians. Times include start-up (processes or cluster, model loads).",
        "",
        "| measure | T(N) s | T(2N) s | start-up s | articles/s | speed-up | "
        f"end-to-end speed-up at N = {size} | CPU ms per article |",
        "|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for name, st in stats.items():
        lines.append(
            f"| {name} | {st['t1']:.2f} | {st['t2']:.2f} | {st['startup']:.2f} | "
            f"{st['rate']:.1f} | {st['rate'] / one['rate']:.2f}x | {one['t1'] / st['t1']:.2f}x | "
            f"{1000 * st['cpu']:.1f} |"
        )
    two = stats["2 processes (`--workers 2`)"]["rate"] / one["rate"]
    lines += [
        "",
        f"**2 processes: {two:.2f}x the throughput of one** (target >= {TARGET}x: "
        f"{'met' if two >= TARGET else 'not met'}). Each run gives *articles/s* = "
        "N / (T(2N) - T(N)) and *start-up* = 2 T(N) - T(2N); *CPU ms per article* is the same "
        "difference in CPU time of this process and its workers (what the parallel work costs, "
        f"whatever else loads the machine). Articles/s run by run: {per_run}. Other programs "
        "on the machine take CPU from the workers, so measure on an otherwise idle machine.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=400, help="N: articles per short run")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of each measure")
    ap.add_argument("--no-write", action="store_true", help="print only; leave README.md alone")
    args = ap.parse_args(argv)
    if not DEV.exists():
        print(f"error: missing input {DEV}; run from a checkout beside ../shared", file=sys.stderr)
        return 1
    began = time.perf_counter()
    m = measure(max(1, args.articles), max(1, args.repeat))
    body = table(m, time.perf_counter() - began)
    print(body, end="")
    if not args.no_write:
        print(f"written to {write_section('workers', body)}", file=sys.stderr)
    return 0


if __name__ == "__main__":  # the spawned worker processes import this file: keep the guard
    sys.exit(main())
