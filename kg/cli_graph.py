"""Graph commands of ``kg`` (path, neighbors, family, top, communities, stats).

Registered on ``kg.cli.app`` when ``kg.cli`` is imported. Each is a thin
wrapper over :mod:`kg.graph` / :mod:`kg.analysis`: load the store's people and
relations, resolve the names, print a table (default), JSON or CSV on stdout;
counts and hints go to stderr.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from kg.cli import OutDir, _choice, _friendly, app, err, out

FORMATS = ["table", "json", "csv"]
Format = Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")]
Name = Annotated[str, typer.Argument(help="A person's name, alias or id (any case or accents).")]
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _load(out_dir: Path, include_claims: bool = False) -> Any:
    from kg.graph import to_networkx
    from kg.pipeline import open_store

    with open_store(out_dir, read_only=True) as store:
        return to_networkx(store.people(), store.relations(), include_claims)


def _text(value: object) -> Text:
    """A table cell shown as typed: article text is never read as rich markup or escapes."""
    return Text(_CONTROL.sub("\ufffd", "" if value is None else str(value)))


def _emit(fmt: str, columns: list[str], rows: list[list[object]], data: object) -> None:
    if fmt == "json":
        print(json.dumps(data, ensure_ascii=False, indent=1))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([["" if v is None else v for v in row] for row in rows])
    else:
        table = Table(*columns)
        for row in rows:
            table.add_row(*(_text(v) for v in row))
        out.print(table)


def _relation(link: dict[str, Any]) -> str:
    return link["relation"] + (" (former)" if link["status"] == "former" else "")


def _statement(link: dict[str, Any]) -> str:
    return f"{link['subject_name']} {_relation(link)} {link['object_name']}"


def _source(ev: dict[str, Any]) -> str:
    return " ".join(
        p for p in (ev.get("title") or "", f"[{ev.get('article_id')}]", ev.get("url") or "") if p
    )


def _evidence(links: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"\u201c{ev.get('sentence', '')}\u201d \u2014 {_source(ev)}"
        for link in links
        for ev in link["evidence"]
    )


def _print_hops(hops: list[dict[str, Any]]) -> None:
    """One line per fact on the path, its evidence sentences indented below (never wrapped)."""
    links = [(h["step"], x) for h in hops for x in h["links"]]
    width = max([len(x["subject_name"]) for _, x in links] + [0])
    rel_width = max([len(_relation(x)) for _, x in links] + [0])
    for step, x in links:
        line = f"{step:>2}  {x['subject_name']:<{width}}  {_relation(x):<{rel_width}}  "
        out.print(_text(line + x["object_name"]))
        for ev in x["evidence"]:
            out.print(_text(f"    \u201c{ev.get('sentence', '')}\u201d"))
            out.print(_text(f"      \u2014 {_source(ev)}"))


@app.command()
@_friendly
def path(
    source: Name, target: Name, fmt: Format = "table", out_dir: OutDir = Path("output")
) -> None:
    """The shortest chain of facts between two people, each hop with its evidence.

    Example: kg path "Kris Jenner" "Lamar Odom"
    """
    from kg.graph import resolve, shortest_path

    _choice("format", fmt, FORMATS)
    graph = _load(out_dir)
    a, b = resolve(graph, source), resolve(graph, target)
    hops = shortest_path(graph, a, b)
    names = graph.nodes
    data = {"from": names[a]["name"], "to": names[b]["name"], "hops": hops}
    if fmt == "table":
        _print_hops(hops)
    else:
        columns = ["step", "subject", "relation", "object", "status", "sentence", "article_id"]
        columns += ["title", "url"]
        rows = [
            [h["step"], x["subject_name"], x["relation"], x["object_name"], x["status"],
             ev.get("sentence"), ev.get("article_id"), ev.get("title"), ev.get("url")]
            for h in hops for x in h["links"] for ev in x["evidence"] or [{}]
        ]  # fmt: skip
        _emit(fmt, columns, rows, data)
    err.print(f"{len(hops)} hop{'s' * (len(hops) != 1)}", highlight=False)


@app.command()
@_friendly
def neighbors(
    person: Name,
    depth: Annotated[int, typer.Option("--depth", "-d", help="How many steps out.", min=1)] = 1,
    fmt: Format = "table",
    out_dir: OutDir = Path("output"),
) -> None:
    """Everyone within N facts of a person, nearest first, with the fact that links them.

    Example: kg neighbors "Khloe Kardashian" --depth 2
    """
    from kg.graph import neighbors as run
    from kg.graph import resolve

    _choice("format", fmt, FORMATS)
    graph = _load(out_dir)
    found = run(graph, resolve(graph, person), depth)
    rows = [
        [n["distance"], n["name"], n["via_name"], "; ".join(_statement(x) for x in n["links"]),
         " ".join(sorted({str(ev.get("article_id")) for x in n["links"] for ev in x["evidence"]}))]
        for n in found
    ]  # fmt: skip
    _emit(fmt, ["distance", "person", "via", "relation", "articles"], rows, found)
    err.print(f"{len(found)} people within {depth} step{'s' * (depth != 1)}", highlight=False)


@app.command()
@_friendly
def family(person: Name, fmt: Format = "table", out_dir: OutDir = Path("output")) -> None:
    """Parents, children, siblings, spouses and exes, partners, grandparents, grandchildren.

    Example: kg family "Kris Jenner"
    """
    from kg.analysis import family as run
    from kg.graph import resolve

    _choice("format", fmt, FORMATS)
    graph = _load(out_dir)
    members = run(graph, resolve(graph, person))
    rows = [
        [m["role"], m["name"], "; ".join(_statement(x) for x in m["links"]),
         f"through {m['via_name']}" if m["via"] else "stated", _evidence(m["links"])]
        for m in members
    ]  # fmt: skip
    _emit(fmt, ["role", "person", "facts", "how", "evidence"], rows, members)
    err.print(f"{len(members)} relatives", highlight=False)


@app.command()
@_friendly
def top(
    by: Annotated[str, typer.Option("--by", help="degree, betweenness or pagerank.")] = "degree",
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many people.", min=1)] = 10,
    fmt: Format = "table",
    out_dir: OutDir = Path("output"),
) -> None:
    """The best-connected people, by degree (relatives), betweenness or pagerank.

    Example: kg top --by pagerank --limit 5
    """
    from kg.analysis import CENTRALITY_MEASURES, centrality

    _choice("format", fmt, FORMATS)
    _choice("centrality measure", by, list(CENTRALITY_MEASURES))
    ranked = centrality(_load(out_dir), by, limit)
    if by == "degree":
        rows = [[r["rank"], r["name"], r["degree"]] for r in ranked]
        _emit(fmt, ["rank", "person", "relatives"], rows, ranked)
    else:
        rows = [[r["rank"], r["name"], r["score"], r["degree"]] for r in ranked]
        _emit(fmt, ["rank", "person", by, "relatives"], rows, ranked)


@app.command()
@_friendly
def communities(
    min_size: Annotated[
        int, typer.Option("--min-size", help="Leave out smaller groups (1 lists everyone).", min=1)
    ] = 2,
    fmt: Format = "table",
    out_dir: OutDir = Path("output"),
) -> None:
    """Groups of people more related to each other than to the rest (Louvain, seeded).

    Example: kg communities --format json
    """
    from kg.analysis import communities as run

    _choice("format", fmt, FORMATS)
    groups = run(_load(out_dir), min_size=min_size)
    rows = [[c["community"], c["size"], ", ".join(c["names"])] for c in groups]
    _emit(fmt, ["community", "size", "members (best-connected first)"], rows, groups)
    err.print(f"{len(groups)} communities of {min_size} or more people", highlight=False)


@app.command()
@_friendly
def stats(fmt: Format = "table", out_dir: OutDir = Path("output")) -> None:
    """Headline figures: people, relations, claims, articles, components, relation types.

    Example: kg stats --format json
    """
    from kg.analysis import stats as run

    _choice("format", fmt, FORMATS)
    figures = run(_load(out_dir, include_claims=True))
    rows: list[list[object]] = [[k, v] for k, v in figures.items() if k != "relation_types"]
    rows += [[f"relations: {rel}", n] for rel, n in figures["relation_types"].items()]
    _emit(fmt, ["metric", "value"], rows, figures)
