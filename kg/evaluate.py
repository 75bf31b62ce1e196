"""Scoring the extractor against gold data with the referee script.

The referee is ``../shared/eval/score.py`` (DESIGN §6): the numbers the project
reports come from it, so this module never re-implements its logic. It writes
the extractor's records for the gold articles (exactly what
``kg extract GOLD --format jsonl`` prints) to a temporary JSONL file and runs
the referee on it in a separate Python process.

Examples:
    >>> find_referee("no/such/score.py")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.KGError: referee script not found at no/such/score.py; pass --referee ...
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.errors import InputError, KGError
from kg.ingest import Skipped, read_articles
from kg.model import Article

__all__ = [
    "DEFAULT_REFEREE",
    "find_referee",
    "check_gold",
    "write_predictions",
    "run_referee",
    "score",
    "evaluate",
]

DEFAULT_REFEREE = Path("../shared/eval/score.py")
_GOLD_FIX = "gold records are JSON objects with 'id' and 'text' (see ../shared/eval/README.md)"


def find_referee(path: str | Path | None = None) -> Path:
    """The referee script: ``path``, else ``$KG_REFEREE``, else ``../shared/eval/score.py``.

    Raises:
        KGError: the script is not there; the message names the fix.
    """
    chosen = Path(path or os.environ.get("KG_REFEREE") or DEFAULT_REFEREE)
    if not chosen.is_file():
        raise KGError(
            f"referee script not found at {chosen}; "
            "pass --referee PATH/TO/score.py or set KG_REFEREE"
        )
    return chosen


def check_gold(gold: str | Path) -> int:
    """Check that ``gold`` is JSONL the referee can read; return its number of records.

    Raises:
        InputError: the file is missing, or a line is not a gold record.
    """
    path = Path(gold)
    if path.suffix.lower() != ".jsonl":
        raise InputError(str(gold), "not a .jsonl file", _GOLD_FIX)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(str(gold), "no such file", "check the path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            str(gold), f"cannot be read ({exc.__class__.__name__})", _GOLD_FIX
        ) from None
    count = 0
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            raise InputError(f"{gold}:{n}", "not valid JSON", _GOLD_FIX) from None
        if not isinstance(record, dict) or "id" not in record:
            raise InputError(f"{gold}:{n}", "not a gold record (no 'id')", _GOLD_FIX)
        if not isinstance(record.get("text"), str) or not record["text"].strip():
            raise InputError(f"{gold}:{n}", "no 'text'", _GOLD_FIX)
        count += 1
    if not count:
        raise InputError(str(gold), "no gold records", _GOLD_FIX)
    return count


def write_predictions(
    gold: str | Path,
    path: Path,
    model: str | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    progress: Callable[[int], None] | None = None,
    extractor: Any = None,
) -> Path:
    """Run the extractor on the gold articles and write its JSONL records to ``path``.

    ``extractor`` (a :class:`kg.extract.Extractor`) is reused when given, so a
    script scoring several files loads spaCy once.
    """
    from kg.pipeline import extract as run
    from kg.records import extraction_records

    if extractor is not None:
        extractions: Iterable[Any] = extractor.pipe(_articles(gold, on_skip))
    else:
        extractions = run([gold], model, on_skip)
    with path.open("w", encoding="utf-8") as fh:
        for ex in extractions:
            for record in extraction_records(ex):
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            if progress:
                progress(1)
    return path


def _articles(gold: str | Path, on_skip: Callable[[Skipped], None] | None) -> Iterator[Article]:
    for item in read_articles([gold]):
        if isinstance(item, Article):
            yield item
        elif on_skip:
            on_skip(item)


def run_referee(referee: Path, gold: str | Path, pred: Path, *args: str) -> str:
    """The referee's stdout for ``score.py GOLD PRED ARGS``.

    Raises:
        KGError: the referee failed; the message carries its last error line.
    """
    cmd = [sys.executable, str(referee), str(gold), str(pred), *args]
    done = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", check=False)
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        last = lines[-1].strip() if lines else f"exit code {done.returncode}"
        raise KGError(f"{referee} failed on {gold}: {last}; check that {gold} is a gold file")
    return done.stdout


def score(
    gold: str | Path,
    *referee_args: str,
    referee: str | Path | None = None,
    model: str | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    progress: Callable[[int], None] | None = None,
    extractor: Any = None,
) -> str:
    """Extract from ``gold`` and run the referee on it; return the referee's stdout.

    ``referee_args`` go to the referee: ``--json``, ``--errors``.
    """
    script = find_referee(referee)
    check_gold(gold)
    with tempfile.TemporaryDirectory(prefix="kg-eval-") as tmp:
        pred = write_predictions(
            gold, Path(tmp) / "pred.jsonl", model, on_skip, progress, extractor
        )
        return run_referee(script, gold, pred, *referee_args)


def evaluate(
    gold: str | Path,
    referee: str | Path | None = None,
    model: str | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    progress: Callable[[int], None] | None = None,
    extractor: Any = None,
) -> dict[str, Any]:
    """Score the extractor on ``gold``: the referee's JSON result.

    Its keys are ``overall``, ``by_relation`` and ``by_source`` (each with tp,
    fp, fn, precision, recall, f1), ``former_accuracy``,
    ``negations_recognised``, ``unknown_relations``, ``errors`` and, when the
    gold lists persons, ``persons``.
    """
    out = score(
        gold, "--json", referee=referee, model=model, on_skip=on_skip, progress=progress,
        extractor=extractor,
    )  # fmt: skip
    result: dict[str, Any] = json.loads(out)
    return result
