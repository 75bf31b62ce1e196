"""``kg export``: the knowledge graph in the format another tool reads.

===============  ==================================================  ==========
format           what                                                  -o
===============  ==================================================  ==========
ttl, nt, xml     facts + inferences (Turtle, N-Triples, RDF/XML)      file
nq, trig, jsonld every graph: claims, facts, inferences, links        file
graphml, gexf    people and facts as a property graph (yEd, Gephi)    file
cyjs             Cytoscape JSON (Cytoscape, cytoscape.js)             file
neo4j            people.csv, relations.csv, import.cypher             directory
quickstatements  Wikidata QuickStatements V1 (people with a Q id)     file
===============  ==================================================  ==========

Files are written atomically (a temporary file beside the target, then
``os.replace``); without ``-o`` a single-file format goes to stdout.

Examples:
    >>> sorted(FORMATS)[:4]
    ['cyjs', 'gexf', 'graphml', 'jsonld']
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from kg.errors import KGError, UnknownNameError, disk_full_error
from kg.export_graph import graph_data, write_cyjs, write_gexf, write_graphml, write_neo4j
from kg.export_rdf import RDF_FORMATS, write_rdf
from kg.export_wikidata import quickstatements

__all__ = ["FORMATS", "ExportReport", "export"]

FORMATS: dict[str, str] = {
    **{name: "rdf" for name in RDF_FORMATS},
    "graphml": "graph",
    "gexf": "graph",
    "cyjs": "graph",
    "neo4j": "directory",
    "quickstatements": "wikidata",
}


@dataclass(slots=True)
class ExportReport:
    """What an export wrote: counts, paths, and what it left out (by reason)."""

    format: str
    paths: list[Path] = field(default_factory=list)
    people: int = 0
    relations: int = 0
    items: int = 0  # triples, quads, or QuickStatements lines
    omitted: Counter[str] = field(default_factory=Counter)


def export(
    store: Any, fmt: str, out: Path | None = None, stdout: IO[bytes] | None = None
) -> ExportReport:
    """Write the graph of ``store`` (a ``kg.store.Store``) as ``fmt`` to ``out``.

    Args:
        store: the store.
        fmt: one of ``FORMATS``.
        out: the file (the directory for ``neo4j``); None writes to ``stdout``.
        stdout: where to write without ``out`` (default: the process's stdout).

    Raises:
        UnknownNameError: an unknown format.
        KGError: ``neo4j`` without a directory, or an output path that is a directory.
        OutputError: the disk is full (the previous file is left as it was).
    """
    try:
        return _export(store, fmt, out, stdout)
    except OSError as exc:
        error = disk_full_error(exc, str(out) if out is not None else "stdout")
        if error is None:
            raise
        raise error from None


def _export(store: Any, fmt: str, out: Path | None, stdout: IO[bytes] | None) -> ExportReport:
    from kg.store import _atomic_write

    if fmt not in FORMATS:
        raise UnknownNameError("export format", fmt, list(FORMATS))
    report = ExportReport(fmt)
    kind = FORMATS[fmt]
    if kind == "directory":
        if out is None:
            raise KGError("neo4j writes several files; give a directory with -o, e.g. -o neo4j/")
        if out.exists() and not out.is_dir():
            raise KGError(f"{out}: is a file; neo4j writes a directory, give a directory path")
        nodes, edges = graph_data(store)
        report.paths = write_neo4j(nodes, edges, out)
        report.people, report.relations = len(nodes), len(edges)
        return report
    if out is not None and out.is_dir():
        raise KGError(f"{out}: is a directory; give a file path for -o (or none for stdout)")

    def write(f: IO[bytes]) -> None:
        if kind == "rdf":
            report.items = write_rdf(store.oxigraph, fmt, f)
        elif kind == "graph":
            nodes, edges = graph_data(store)
            report.people, report.relations = len(nodes), len(edges)
            {"graphml": write_graphml, "gexf": write_gexf, "cyjs": write_cyjs}[fmt](nodes, edges, f)
        else:
            people = store.people()
            lines, omitted = quickstatements(store.relations(), store.wikidata_ids(), len(people))
            report.people, report.items, report.omitted = len(people), len(lines), omitted
            f.write("".join(line + "\n" for line in lines).encode("utf-8"))

    if out is None:
        target = stdout or sys.stdout.buffer
        write(target)
        target.flush()
    else:
        report.paths = [_atomic_write(out, write)]
    if kind == "rdf":
        report.people = len(store.people())
        report.relations = sum(1 for r in store.relations() if r["fact"])
    return report
