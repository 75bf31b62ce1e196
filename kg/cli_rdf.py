"""RDF commands of ``kg`` (validate, why, export).

Registered on ``kg.cli.app`` when ``kg.cli`` is imported.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from kg.clean import printable
from kg.cli import OutDir, _choice, _friendly, app, err
from kg.errors import KGError


def _open(out_dir: Path):  # type: ignore[no-untyped-def]
    from kg.pipeline import open_store

    return open_store(out_dir, read_only=True)


@app.command()
@_friendly
def validate(
    out_dir: OutDir = Path("output"),
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """Check the graph against ontology/shapes.ttl (SHACL); exit code 1 if anything is violated.

    Each violation names its check, the people and the articles at fault.

    Example: kg validate -o output
    """
    from kg.validate import validate as run

    _choice("format", fmt, ["text", "json"])
    with _open(out_dir) as store:
        report = run(store)
    if fmt == "json":
        data = {"conforms": report.conforms, "violations": [v.as_dict() for v in report.violations]}
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        for violation in report.violations:
            print(printable(str(violation)))
    if report.conforms:
        err.print("conforms: no SHACL violation", highlight=False)
        return
    err.print(f"{len(report.violations)} SHACL violations", highlight=False)
    raise typer.Exit(1)


@app.command()
@_friendly
def why(
    subject: Annotated[str, typer.Argument(help="A person's name or alias.")],
    relation: Annotated[str, typer.Argument(help="A relation, e.g. grandparentOf.")],
    obj: Annotated[str, typer.Argument(metavar="OBJECT", help="A person's name or alias.")],
    out_dir: OutDir = Path("output"),
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """Explain a relation: the rules and premises, down to the evidence sentences and articles.

    Example: kg why "Margot Calloway" grandparentOf Ivy -o output
    """
    from kg.explain import as_dict, explain, render
    from kg.names import NameIndex
    from kg.ontology import load_vocabulary

    _choice("format", fmt, ["text", "json"])
    relation = load_vocabulary()[relation].name  # an unknown relation lists the known ones
    with _open(out_dir) as store:
        people = store.people()
        index = NameIndex((p["iri"], p["name"], p["aliases"]) for p in people)
        subjects, objects = _candidates(index, people, subject), _candidates(index, people, obj)
        steps = [
            step
            for s in subjects
            for o in objects
            if s != o and (step := explain(store, s, relation, o)) is not None
        ]
        if not steps:
            s, o = subjects[0], objects[0]
            held = _held(store, s, o)
            raise KGError(
                f"{index.display(s)} {relation} {index.display(o)} is neither a fact nor an "
                "inference of this graph"
                + (f"; what holds between them: {', '.join(held)}" if held else "")
            )
    if fmt == "json":
        data = [as_dict(step) for step in steps]
        print(json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=1))
    else:
        print(printable("\n\n".join(render(step) for step in steps)))


def _candidates(index: Any, people: list[dict[str, Any]], name: str) -> list[str]:
    """The IRIs ``name`` may mean: one, or every namesake when it is ambiguous."""
    from kg.names import AmbiguousNameError, normalize

    try:
        return [index.resolve(name)]
    except AmbiguousNameError:
        key = normalize(name)
        same = [p["iri"] for p in people if normalize(p["name"]) == key]
        return same or [p["iri"] for p in people if key in {normalize(a) for a in p["aliases"]}]


def _held(store: object, s: str, o: str) -> list[str]:
    from kg.sparql import IRI

    rows = store.query(  # type: ignore[attr-defined]
        "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?p), STR(ckg:))) }",
        {"s": IRI(s), "o": IRI(o)},
    ).rows
    return sorted(str(r[1]).rsplit("#", 1)[-1] for r in rows)


@app.command("export")
@_friendly
def export_(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="ttl, nt, nq, trig, jsonld, xml, graphml, gexf, cyjs, neo4j or quickstatements.",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="File to write (a directory for neo4j); default stdout."
        ),
    ] = None,
    source: Annotated[
        Path,
        typer.Option("--from", help="Build folder holding the store (what kg build -o wrote)."),
    ] = Path("output"),
) -> None:
    """Write the graph for another tool: RDF, GraphML, GEXF, Cytoscape, Neo4j, Wikidata.

    -o is the file to write (kg build's -o folder is --from here).

    Example: kg export --format graphml -o graph.graphml --from output
    """
    from kg.export import FORMATS, export

    _choice("export format", fmt, list(FORMATS))
    with _open(source) as store:
        report = export(store, fmt, output)
    summary = f"{fmt}: {report.people} people, {report.relations} relations"
    if report.items:
        summary += f", {report.items} " + ("lines" if fmt == "quickstatements" else "triples/quads")
    if fmt == "quickstatements":
        left = [f"{n} {reason}" for reason, n in sorted(report.omitted.items()) if n]
        summary += "; omitted: " + (", ".join(left) if left else "nothing")
    err.print(summary, highlight=False)
    for path in report.paths:
        print(path)
