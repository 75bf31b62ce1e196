"""The ``kg`` command: a thin Typer wrapper over ``kg.pipeline`` and ``kg.store``.

Results go to stdout, messages and progress to stderr. A ``KGError`` becomes
one line on stderr and exit code 1 (2 for usage), never a traceback.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from kg.clean import printable
from kg.errors import KGError, UnknownNameError, disk_full_error

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    help="Turn articles about celebrities into a knowledge graph of who is related to whom.",
)
err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)

F = TypeVar("F", bound=Callable[..., Any])
OutDir = Annotated[Path, typer.Option("--out", "-o", help="Output folder holding the store.")]
Model = Annotated[str | None, typer.Option("--model", help="spaCy pipeline to load.")]
StoreAt = Annotated[
    str | None,
    typer.Option(
        "--store",
        envvar="KG_STORE",
        help="The store: a SPARQL server URL (http://HOST:PORT) or a folder. Default: OUT/store.",
    ),
]


def _friendly(func: F) -> F:
    """Turn a KGError (or a full disk) into one line on stderr and its exit code."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KGError as exc:
            # messages may quote names and paths from the input: print them as text, not markup
            err.print(
                f"[red]error:[/red] {escape(printable(str(exc)))}", markup=True, highlight=False
            )
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            err.print("interrupted; the previous output is intact")
            raise typer.Exit(130) from None
        except OSError as exc:  # a full disk is not a bug: one line, the previous output intact
            error = disk_full_error(exc)
            if error is None:
                raise
            err.print(f"[red]error:[/red] {escape(str(error))}", markup=True, highlight=False)
            raise typer.Exit(error.exit_code) from None

    return wrapper  # type: ignore[return-value]


def _choice(kind: str, value: str, choices: list[str]) -> str:
    if value not in choices:
        raise UnknownNameError(kind, value, choices)
    return value


def _warn(item: object) -> None:
    err.print(
        f"[yellow]skipped[/yellow] {escape(printable(str(item)))}", markup=True, highlight=False
    )


def _cell(value: object) -> Text:
    """A table cell shown as typed: article text is never read as rich markup or escapes."""
    return Text(printable("" if value is None else str(value)))


@app.command()
@_friendly
def build(
    inputs: Annotated[list[str] | None, typer.Argument(help="Files, folders or - (stdin).")] = None,
    out_dir: OutDir = Path("output"),
    model: Model = None,
    force: Annotated[
        bool, typer.Option("--force", help="Extract every article again, even unchanged ones.")
    ] = False,
    store: StoreAt = None,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="Local processes extracting at once.")
    ] = 1,
    dask: Annotated[
        str | None,
        typer.Option("--dask", help="Extract on Dask: local:N, or a scheduler tcp://HOST:8786."),
    ] = None,
) -> None:
    """Extract, store and draw: writes graph.trig, graph.ttl, graph.html and store/.

    Incremental: unchanged articles are skipped, edited ones replaced, and
    articles gone from a re-read file removed.

    Example: kg build seeds -o output
    """
    from kg.pipeline import build as run

    columns = (
        SpinnerColumn(),
        TextColumn("extracting"),
        BarColumn(),
        TextColumn("{task.completed} articles"),
    )
    with Progress(*columns, TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task("build", total=None)
        report = run(
            inputs or ["seeds"],
            out_dir,
            model,
            _warn,
            lambda n: bar.advance(task, n),
            force=force,
            store_location=store,
            workers=workers,
            dask=dask,
        )
    err.print(
        f"{report.articles} articles extracted ({report.unchanged} unchanged, "
        f"{report.removed} removed), {report.claims} claims; "
        f"the graph: {report.people} people, "
        f"{report.relations} relations, {report.quads} quads, "
        f"{report.violations} SHACL violations"
        + (f" (kg validate -o {out_dir} lists them)" if report.violations else "")
        + (f"; skipped {len(report.skipped)} bad items" if report.skipped else ""),
        highlight=False,
    )
    for path in report.paths:
        print(path)


@app.command()
@_friendly
def remove(
    article_ids: Annotated[list[str], typer.Argument(help="Ids of stored articles.")],
    out_dir: OutDir = Path("output"),
    store: StoreAt = None,
) -> None:
    """Forget articles and what only they supported; rewrites the graph files.

    Example: kg remove 1e9ba70b78a9 -o output   (ids: kg articles -o output)
    """
    from kg.pipeline import remove as run

    report = run(out_dir, article_ids, store)
    err.print(
        f"{report.removed} articles removed; the graph: {report.people} people, "
        f"{report.relations} relations, {report.quads} quads",
        highlight=False,
    )


@app.command()
@_friendly
def articles(out_dir: OutDir = Path("output"), store: StoreAt = None) -> None:
    """List the stored articles: id, title and number of claims (tab-separated).

    Example: kg articles -o output
    """
    from kg.pipeline import open_store

    with open_store(out_dir, store, read_only=True) as opened:
        result = opened.query(_ARTICLES)
    for row in result.rows:
        print("\t".join("" if v is None else v for v in row))
    err.print(f"{len(result.rows)} articles")


_ARTICLES = """SELECT ?id ?title (COUNT(?claim) AS ?claims) WHERE { GRAPH ?g {
    ?article a ckg:Article ; dcterms:identifier ?id .
    OPTIONAL { ?article dcterms:title ?title } OPTIONAL { ?claim a ckg:Claim } } }
GROUP BY ?id ?title ORDER BY ?id"""


@app.command()
@_friendly
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders or - (stdin).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl or table.")] = "jsonl",
    model: Model = None,
) -> None:
    """Print the relations and people of articles, without storing them.

    Example: kg extract seeds/kris-jenner-khloe-lamar.txt --format table
    """
    from kg.pipeline import extract as run
    from kg.records import extraction_records

    _choice("format", fmt, ["jsonl", "table"])
    table = Table("subject", "relation", "object", "status", "rule", "evidence")
    for ex in run(inputs, model, _warn):
        if fmt == "table":
            for c in ex.claims:
                flags = [c.status] + ["negated"] * c.negated + ["hedged"] * c.hedged
                cells = (c.subject, c.relation, c.object, " ".join(flags), c.rule)
                table.add_row(*map(_cell, cells), _cell(c.evidence.sentence))
            continue
        for record in extraction_records(ex):
            print(json.dumps(record, ensure_ascii=False))
    if fmt == "table":
        out.print(table)


@app.command()
@_friendly
def query(
    sparql: Annotated[
        str | None, typer.Argument(help="The query text, or - to read stdin.")
    ] = None,
    file: Annotated[
        Path | None, typer.Option("--file", "-f", help="Read the query from a file.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    out_dir: OutDir = Path("output"),
    store: StoreAt = None,
    update: Annotated[
        bool,
        typer.Option(
            "--update", help="Allow a SPARQL update (edit claims; the facts are rebuilt from them)."
        ),
    ] = False,
) -> None:
    """Run SPARQL on the store; prefixes ckg, rdf, rdfs, skos, prov, schema, wdt are predeclared.

    Read-only unless --update is given; SERVICE and LOAD are always refused.

    Example: kg query 'SELECT ?k WHERE { ?m rdfs:label "Kris Jenner" ; ckg:parentOf/rdfs:label ?k }'
    """
    from kg.pipeline import open_store

    _choice("format", fmt, ["table", "csv", "json"])
    text = _query_text(sparql, file)
    with open_store(out_dir, store, read_only=not update) as opened:
        result = opened.query(text, allow_update=update)
        if result.kind == "update":
            opened.recompute()
    if result.kind == "update":
        err.print("update done; facts and inferences rebuilt from the claims", highlight=False)
        return
    _print_result(result, fmt)


def _query_text(sparql: str | None, file: Path | None) -> str:
    if file is not None:
        try:
            return file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise KGError(
                f"{file}: cannot read the query ({exc.__class__.__name__}); check the path"
            ) from None
    if sparql == "-":
        return sys.stdin.read()
    if not sparql:
        raise UnknownNameError(
            "query source", "(none)", ["a query argument", "-f FILE", "- for stdin"]
        )
    return sparql


def _print_result(result: Any, fmt: str) -> None:
    if result.kind == "ask":
        print(
            json.dumps({"boolean": result.boolean})
            if fmt == "json"
            else str(result.boolean).lower()
        )
        return
    if result.kind == "graph" and fmt != "json":
        print(result.graph_turtle)
        return
    if fmt == "json":
        print(json.dumps(result.dicts(), ensure_ascii=False, indent=1))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([["" if v is None else v for v in row] for row in result.rows])
    else:
        table = Table(*result.columns)
        for row in result.rows:
            table.add_row(*map(_cell, row))
        out.print(table)
    err.print(f"{len(result.rows)} rows")


@app.command()
@_friendly
def html(
    out_dir: OutDir = Path("output"),
    path: Annotated[
        Path | None,
        typer.Option("--path", help="Page to write (default OUT/graph.html, OUT/focus.html)."),
    ] = None,
    focus: Annotated[
        str | None, typer.Option("--focus", help="Draw only this person and their circle.")
    ] = None,
    depth: Annotated[
        int, typer.Option("--depth", "-d", help="How many steps from --focus.", min=0)
    ] = 2,
    layout: Annotated[
        str, typer.Option("--layout", help="force, or family (parents above children).")
    ] = "force",
    store: StoreAt = None,
) -> None:
    """Re-draw the interactive graph page from the store.

    Example: kg html -o output --focus "Kris Jenner" --depth 2 --layout family
    """
    from kg.pipeline import render
    from kg.visualize import LAYOUTS

    _choice("layout", layout, list(LAYOUTS))
    if path is None and focus is not None:
        path = out_dir / "focus.html"  # a fixed name: article text never becomes a path
    print(render(out_dir, path, store, focus=focus, depth=depth, layout=layout))


def main() -> None:  # pragma: no cover
    """Entry point for ``python -m kg``."""
    app()


# Commands that live in their own modules register themselves on ``app``.
from kg import cli_eval, cli_graph, cli_rdf, cli_serve  # noqa: E402,F401
