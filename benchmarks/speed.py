"""Extraction speed: the extractor's own work against spaCy alone, on the same texts.

The texts are the dev set (``../shared/eval/dev.jsonl``), the gossip set
(``tests/data/gossip.jsonl``) and the demo articles (``seeds/``), read as
``kg`` reads them. One run times, side by side and interleaved (the machine is
noisy):

- ``spaCy``: ``nlp.pipe`` over the texts with the extractor's own pipeline;
- ``extract``: ``Extractor.pipe`` over the same articles (spaCy + the extractor);
- ``rules only``: ``Extractor.from_doc`` on docs parsed beforehand.

The three are timed batch by batch, back to back in alternating order. A run
covers every text; runs are repeated (default 3) after one warm-up, and the medians
give ``extractor overhead = (extract - spaCy) / spaCy`` (target <= 15%). The
table goes to ``benchmarks/README.md`` between ``<!-- speed:start -->`` and
``<!-- speed:end -->`` and to stdout.

    python benchmarks/speed.py [--repeat 3] [--no-write]
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import gc
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from readme_section import revision, write_section

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
TARGET = 0.15
BATCH = 32


def _timed(work: Callable[[], object]) -> float:
    gc.collect()
    began = time.perf_counter()
    work()
    return time.perf_counter() - began


def _drain(items: object) -> None:
    collections.deque(items, maxlen=0)  # consume without keeping the results


def measure(inputs: list[Path], repeat: int) -> dict:
    """Seconds per run of each measure, and the size of the texts.

    Each run goes through the texts one batch (32 articles) at a time and times
    the three measures on that batch back to back, alternating their order, so
    a burst of load from other processes hits all of them alike.
    """
    from kg.extract import Extractor
    from kg.ingest import read_articles
    from kg.model import Article

    articles = [a for a in read_articles(inputs) if isinstance(a, Article)]
    texts = [a.text for a in articles]
    extractor = Extractor()
    nlp = extractor.nlp
    docs = list(nlp.pipe(texts, batch_size=BATCH))
    chunks = [slice(i, i + BATCH) for i in range(0, len(articles), BATCH)]
    measures: dict[str, Callable[[slice], object]] = {
        "spaCy": lambda part: _drain(nlp.pipe(texts[part], batch_size=BATCH)),
        "extract": lambda part: _drain(extractor.pipe(articles[part], batch_size=BATCH)),
        "rules only": lambda part: _drain(
            extractor.from_doc(a, d) for a, d in zip(articles[part], docs[part], strict=True)
        ),
    }
    for work in measures.values():  # warm-up: lazy loads, vocabulary growth, caches
        for part in chunks:
            work(part)
    runs: dict[str, list[float]] = {name: [] for name in measures}
    for i in range(repeat):
        spent = dict.fromkeys(measures, 0.0)
        for j, part in enumerate(chunks):
            order = list(measures) if (i + j) % 2 == 0 else list(reversed(measures))
            for name in order:
                spent[name] += _timed(lambda name=name, part=part: measures[name](part))
        for name, seconds in spent.items():
            runs[name].append(seconds)
        print(f"run {i + 1}: " + ", ".join(f"{n} {t:.2f} s" for n, t in spent.items()),
              file=sys.stderr)  # fmt: skip
    return {
        "runs": runs,
        "articles": len(articles),
        "words": sum(len(t.split()) for t in texts),
        "pipeline": ", ".join(nlp.pipe_names),
        "model": f"{nlp.meta.get('name', '?')} {nlp.meta.get('version', '')}".strip(),
    }


def table(m: dict) -> str:
    runs, words = m["runs"], m["words"]
    med = {name: statistics.median(times) for name, times in runs.items()}
    spacy, extract = med["spaCy"], med["extract"]
    overhead = (extract - spacy) / spacy
    per_run = [(e - s) / s for s, e in zip(runs["spaCy"], runs["extract"], strict=True)]
    repeat = len(runs["spaCy"])
    head = " | ".join(f"run {i + 1} (s)" for i in range(repeat))
    lines = [
        f"Measured {dt.date.today().isoformat()} at {revision()} (`python benchmarks/speed.py`): "
        f"{m['articles']} articles, {words:,} words split on spaces (dev + gossip + seeds), "
        f"model {m['model']}, pipeline [{m['pipeline']}], batch {BATCH}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end; {repeat} runs "
        "after a warm-up, the three measures interleaved batch by batch; medians.",
        "",
        f"| measure | {head} | median (s) | words/s |",
        "|---|" + "--:|" * (repeat + 2),
    ]
    for name, label in [
        ("spaCy", "spaCy `nlp.pipe`"),
        ("extract", "`Extractor.pipe` (spaCy + extractor)"),
        ("rules only", "`Extractor.from_doc` on parsed docs"),
    ]:
        cells = " | ".join(f"{t:.2f}" for t in runs[name])
        lines.append(f"| {label} | {cells} | {med[name]:.2f} | {words / med[name]:,.0f} |")
    verdict = "within" if overhead <= TARGET else "over"
    lines += [
        "",
        f"**Extractor overhead = (extract - spaCy) / spaCy = {overhead:+.1%}** "
        f"(per run: {', '.join(f'{r:+.1%}' for r in per_run)}); target <= {TARGET:.0%}: "
        f"{verdict}. The rules alone take {med['rules only'] / spacy:.1%} of spaCy's time.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of each measure")
    ap.add_argument("--no-write", action="store_true", help="print only; leave README.md alone")
    args = ap.parse_args(argv)
    inputs = [SHARED / "dev.jsonl", ROOT / "tests" / "data" / "gossip.jsonl", ROOT / "seeds"]
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        fix = "run from a checkout beside ../shared"
        print(f"error: missing input {', '.join(missing)}; {fix}", file=sys.stderr)
        return 1
    body = table(measure(inputs, max(1, args.repeat)))
    print(body, end="")
    if not args.no_write:
        print(f"written to {write_section('speed', body)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
