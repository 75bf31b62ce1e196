"""Regenerate kg/extract/first_names.tsv from the nomquamgender package (MIT).

The extractor uses the table only as a weak hint for pronoun agreement, after
what the article itself says (he/she, "his wife", "Mr.") has been read.

    pip install nomquamgender && python scripts/build_first_names.py
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

MIN_COUNT = 1000  # people in the sources that carry the name
MAX_DOUBT = 0.05  # keep names at least 95% one gender

data = json.loads((files("nomquamgender") / "name_data.json").read_text(encoding="utf-8"))
rows = sorted(
    f"{name}\t{'f' if p >= 0.5 else 'm'}"
    for name, (_sources, count, p, *_rest) in data.items()
    if name.isalpha() and count >= MIN_COUNT and min(p, 1 - p) <= MAX_DOUBT
)
out = Path(__file__).resolve().parent.parent / "kg" / "extract" / "first_names.tsv"
out.write_text("\n".join(rows) + "\n", encoding="utf-8")
print(f"{len(rows)} names -> {out}")
