"""Extraction quality: the referee's P/R/F1 on the dev set and on our own sets.

Runs the extractor on ``../shared/eval/dev.jsonl`` (Re-DocRED + KnowledgeNet)
and on our hand-annotated sets in ``tests/data/``: ``gossip.jsonl`` (short
gossip items), ``bios.jsonl`` (short biographies), ``news.jsonl`` (celebrity
news articles), ``wiki.jsonl`` (Wikipedia-style articles) and ``news2.jsonl`` /
``wiki2.jsonl`` (the same kinds, kept unread as final checks), ``realwiki.jsonl`` /
``realnews.jsonl`` (articles about real people, in the writer's own words) and
``realwiki2.jsonl`` / ``realnews2.jsonl`` (the same, kept unread) and ``realwiki3.jsonl``
/ ``realnews3.jsonl`` (the same, read); scores them with
the referee ``../shared/eval/score.py`` (or ``$KG_REFEREE``) and writes one table
(overall, per relation, per source) to ``benchmarks/README.md`` between
``<!-- quality:start -->`` and ``<!-- quality:end -->``. The table is printed too.

Dev is also scored in two halves, split by the parity of sha1(record id): the
rules were developed by reading errors on the even ("tune") half only, so the
odd ("held-out") half is the honest estimate for unseen articles.

    python benchmarks/quality.py [--referee PATH] [--dev PATH] [--gossip PATH]
                                 [--bios PATH] [--news PATH] [--wiki PATH]
                                 [--news2 PATH] [--wiki2 PATH] [--realwiki PATH]
                                 [--realnews PATH] [--realwiki2 PATH]
                                 [--realnews2 PATH] [--realwiki3 PATH]
                                 [--realnews3 PATH] [--no-write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from readme_section import revision, write_section

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
# tests/data/<name>.jsonl
OWN_SETS = (
    "gossip", "bios", "news", "wiki", "news2", "wiki2", "realwiki", "realnews", "realwiki2",
    "realnews2", "realwiki3", "realnews3",
)  # fmt: skip


def _row(name: str, scope: str, m: dict) -> str:
    return (
        f"| {name} | {scope} | {m['tp']} | {m['fp']} | {m['fn']} "
        f"| {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} |"
    )


def dev_halves(dev: Path, folder: Path) -> dict[str, Path]:
    """Dev split by the parity of sha1(id): the half errors were read on, and the other."""
    halves: dict[str, list[str]] = {"dev tune half": [], "dev held-out half": []}
    for line in dev.read_text(encoding="utf-8").splitlines():
        if line.strip():
            digest = int(hashlib.sha1(json.loads(line)["id"].encode()).hexdigest(), 16)
            halves["dev tune half" if digest % 2 == 0 else "dev held-out half"].append(line)
    paths = {}
    for name, lines in halves.items():
        paths[name] = folder / f"{name.replace(' ', '-')}.jsonl"
        paths[name].write_text("\n".join(lines) + "\n", encoding="utf-8")
    return paths


def table(results: dict[str, dict], seconds: float) -> str:
    """The markdown section: one block of rows per gold set, then the qualifier lines."""
    lines = [
        f"Referee scores, measured {dt.date.today().isoformat()} at {revision()} "
        f"(`python benchmarks/quality.py`, {seconds:.0f} s). Targets on dev: "
        "F1 >= 0.70 with P >= 0.85.",
        "",
        "| set | scope | tp | fp | fn | P | R | F1 |",
        "|---|---|--:|--:|--:|--:|--:|--:|",
    ]
    for name, res in results.items():
        lines.append(_row(f"**{name}**", "**overall**", res["overall"]))
        if "half" in name:
            continue
        lines += [_row(name, rel, m) for rel, m in res["by_relation"].items()]
        lines += [_row(name, f"source: {src}", m) for src, m in res["by_source"].items()]
    lines.append("")
    for name, res in results.items():
        if "half" in name:
            continue
        notes = [
            f"former status accuracy on matches {res['former_accuracy'] or 'n/a (not in gold)'}",
            f"negated gold relations reported as negated {res['negations_recognised']}",
        ]
        if "persons" in res:
            p = res["persons"]
            notes.append(
                f"persons found {p['found']}/{p['gold']}, "
                f"non-persons typed as Person {len(p['false_persons'])}"
            )
        if res["unknown_relations"]:
            notes.append(f"relations not scored {res['unknown_relations']}")
        lines.append(f"- {name}: " + "; ".join(notes) + ".")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--referee", default=os.environ.get("KG_REFEREE") or SHARED / "score.py")
    ap.add_argument("--dev", type=Path, default=SHARED / "dev.jsonl")
    for name in OWN_SETS:
        ap.add_argument(f"--{name}", type=Path, default=ROOT / "tests" / "data" / f"{name}.jsonl")
    ap.add_argument("--no-write", action="store_true", help="print only; leave README.md alone")
    args = ap.parse_args(argv)

    from kg.errors import KGError
    from kg.evaluate import evaluate
    from kg.extract import Extractor

    began = time.perf_counter()
    try:
        extractor = Extractor()
        results = {"dev": evaluate(args.dev, args.referee, extractor=extractor)}
        with tempfile.TemporaryDirectory() as folder:
            for name, half in dev_halves(args.dev, Path(folder)).items():
                results[name] = evaluate(half, args.referee, extractor=extractor)
        for name in OWN_SETS:
            results[name] = evaluate(getattr(args, name), args.referee, extractor=extractor)
    except KGError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    body = table(results, time.perf_counter() - began)
    print(body, end="")
    if not args.no_write:
        print(f"written to {write_section('quality', body)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
