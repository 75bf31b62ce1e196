"""Replace one marked section of ``benchmarks/README.md``, keeping everything else.

A section sits between ``<!-- NAME:start -->`` and ``<!-- NAME:end -->``. A
missing section is appended; a missing README is created with a short header.
The file is replaced atomically (temp file + ``os.replace``).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

README = Path(__file__).with_name("README.md")
HEADER = """# Benchmarks

Measurements of celebrity-kg, written by the scripts in this folder. Run them
from the repository root; each rewrites only its own marked section below.

- `python benchmarks/quality.py`: the referee (`../shared/eval/score.py`) on
  `../shared/eval/dev.jsonl` and on `tests/data/gossip.jsonl`.
- `python benchmarks/speed.py`: the extractor's own work against spaCy alone,
  on the same texts, in one run.
"""


def write_section(name: str, body: str, path: Path = README) -> Path:
    """Put ``body`` between the ``name`` markers of ``path`` and return the path."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{body.strip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    if start in text and end in text and text.index(start) < text.index(end):
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1]
        text = before + block + after
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".README.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def revision() -> str:
    """The git commit of the working tree, with ``+changes`` when it has edits."""
    import subprocess

    root = Path(__file__).parent.parent
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "--", "kg"],
            cwd=root, capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip
    except OSError:
        return "unknown"
    return (head or "unknown") + (" + uncommitted changes in kg/" if dirty else "")
