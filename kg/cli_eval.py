"""``kg eval``: score the extractor on a gold JSONL file with the referee script.

Registered on ``kg.cli.app`` when ``kg.cli`` is imported. The scoring is the
referee's (``../shared/eval/score.py``); see :mod:`kg.evaluate`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from kg.cli import Model, _choice, _friendly, _warn, app, err

__all__ = ["eval_command"]


@app.command("eval")
@_friendly
def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL: records with id, text, relations.")],
    errors: Annotated[
        bool, typer.Option("--errors", help="Also list every false positive and negative.")
    ] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    referee: Annotated[
        Path | None,
        typer.Option(
            "--referee",
            help="The referee script (default: $KG_REFEREE, else ../shared/eval/score.py).",
        ),
    ] = None,
    model: Model = None,
) -> None:
    """Run the extractor on gold records and score it with the referee: P/R/F1 per relation.

    Example: kg eval ../shared/eval/dev.jsonl --errors
    """
    from kg.evaluate import check_gold, find_referee, score

    _choice("format", fmt, ["table", "json"])
    script = find_referee(referee)  # fail before spaCy loads
    total = check_gold(gold)
    columns = (SpinnerColumn(), TextColumn("extracting {task.completed}/{task.total} records"))
    with Progress(*columns, TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task("eval", total=total)
        args = ["--json"] if fmt == "json" else ["--errors"] if errors else []
        output = score(
            gold,
            *args,
            referee=script,
            model=model,
            on_skip=_warn,
            progress=lambda n: bar.advance(task, n),
        )
    if fmt == "json":
        result = json.loads(output)
        if not errors:
            result.pop("errors", None)
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print(output, end="")
