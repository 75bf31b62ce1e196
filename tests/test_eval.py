"""``kg eval``: the extractor scored by the referee script, real spaCy model, real files.

The referee is ``../shared/eval/score.py`` (or ``$KG_REFEREE``); the tests that
need it are skipped when it is not there. Error paths use a stand-in script.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

ROOT = Path(__file__).parent.parent
GOSSIP = ROOT / "tests" / "data" / "gossip.jsonl"
OVERALL = re.compile(r"^overall P=\d\.\d{3} R=\d\.\d{3} F1=\d\.\d{3}$")


def _referee() -> Path | None:
    for candidate in (os.environ.get("KG_REFEREE"), ROOT.parent / "shared" / "eval" / "score.py"):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


REFEREE = _referee()
needs_referee = pytest.mark.skipif(REFEREE is None, reason="the referee score.py is not found")


def kg(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def gossip_slice(tmp_path: Path) -> Path:
    """The first three records of the hand-annotated gossip set."""
    lines = [line for line in GOSSIP.read_text(encoding="utf-8").splitlines() if line.strip()]
    path = tmp_path / "slice.jsonl"
    path.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    return path


@needs_referee
def test_eval_scores_a_gossip_slice_and_prints_the_overall_line(gossip_slice: Path) -> None:
    result = kg("eval", gossip_slice, "--referee", REFEREE)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0].split() == ["relation", "tp", "fp", "fn", "P", "R", "F1"]
    assert OVERALL.match(lines[-1]), lines[-1]
    assert "src:gossip" in result.stdout
    assert "Traceback" not in result.stderr


@needs_referee
def test_eval_gives_the_numbers_of_extract_plus_referee(gossip_slice: Path, tmp_path: Path) -> None:
    extracted = kg("extract", gossip_slice, "--format", "jsonl")
    assert extracted.exit_code == 0, extracted.stderr
    pred = tmp_path / "pred.jsonl"
    pred.write_text(extracted.stdout, encoding="utf-8")
    referee = subprocess.run(
        [sys.executable, str(REFEREE), str(gossip_slice), str(pred), "--json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    expected = json.loads(referee.stdout)

    result = kg("eval", gossip_slice, "--referee", REFEREE, "--format", "json", "--errors")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == expected
    assert expected["overall"]["tp"] + expected["overall"]["fn"] > 0  # the slice has gold


@needs_referee
def test_eval_lists_errors_only_when_asked(gossip_slice: Path) -> None:
    plain = json.loads(kg("eval", gossip_slice, "--referee", REFEREE, "-f", "json").stdout)
    assert "errors" not in plain and set(plain["overall"]) >= {"precision", "recall", "f1"}
    table = kg("eval", gossip_slice, "--referee", REFEREE, "--errors").stdout
    full = kg("eval", gossip_slice, "--referee", REFEREE, "-f", "json", "--errors").stdout
    listed = [line for line in table.splitlines() if line.startswith(("FN ", "FP "))]
    assert listed == json.loads(full)["errors"]
    assert OVERALL.match(table.strip().splitlines()[-1])


@needs_referee
def test_eval_finds_the_referee_through_kg_referee(
    gossip_slice: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # ../shared/eval/score.py is not there
    monkeypatch.setenv("KG_REFEREE", str(REFEREE))
    result = kg("eval", gossip_slice)
    assert result.exit_code == 0, result.stderr
    assert OVERALL.match(result.stdout.strip().splitlines()[-1])


def test_eval_without_the_referee_is_a_one_line_error_naming_the_fix(
    gossip_slice: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KG_REFEREE", raising=False)
    result = kg("eval", gossip_slice)
    assert result.exit_code == 1
    assert result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert "../shared/eval/score.py" in line and "--referee" in line and "KG_REFEREE" in line

    result = kg("eval", gossip_slice, "--referee", tmp_path / "nope.py")
    assert result.exit_code == 1
    assert "nope.py" in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("content", "name", "where"),
    [
        ('{"text": "Kris Jenner is the mother of Khloe Kardashian."}\n', "g.jsonl", "g.jsonl:1"),
        ('{"id": "a", "text": "Kris Jenner is her mother."}\n{"id": \n', "g.jsonl", "g.jsonl:2"),
        ("", "g.jsonl", "no gold records"),
        ('{"id": "a", "text": "Kris Jenner is her mother."}\n', "g.txt", "not a .jsonl file"),
    ],
)
def test_eval_rejects_a_bad_gold_file_in_one_line(
    tmp_path: Path, content: str, name: str, where: str
) -> None:
    stand_in = tmp_path / "score.py"
    stand_in.write_text("raise SystemExit('the stand-in referee must not run')\n")
    gold = tmp_path / name
    gold.write_text(content, encoding="utf-8")
    result = kg("eval", gold, "--referee", stand_in)
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert where in line and "'id' and 'text'" in line


def test_eval_reports_a_failing_referee_in_one_line(gossip_slice: Path, tmp_path: Path) -> None:
    broken = tmp_path / "score.py"
    broken.write_text("import sys\nsys.exit('score.py: cannot read the gold file')\n")
    result = kg("eval", gossip_slice, "--referee", broken)
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert "cannot read the gold file" in line and str(gossip_slice) in line


def test_eval_rejects_an_unknown_format(gossip_slice: Path) -> None:
    result = kg("eval", gossip_slice, "--format", "yaml")
    assert result.exit_code == 2
    assert "Unknown format 'yaml'. Available: json, table" in result.stderr
