"""Small builders shared by several test modules (plain functions, not fixtures)."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pyoxigraph as ox

EX = "http://example.org/person/"


def relation(
    s: str,
    relation: str,
    o: str,
    sentence: str = "They are family.",
    *,
    title: str | None = None,
    url: str | None = None,
    **flags: Any,
) -> dict[str, Any]:
    """A relation record as ``Store.relations()`` returns it, between ``EX + s`` and ``EX + o``."""
    evidence = {
        "sentence": sentence,
        "article_id": f"art-{s}",
        "title": title or f"News about {s}",
        "url": url or f"https://news.example/{s}",
        "start": 0,
        "end": len(sentence),
        "rule": "test.v1",
    }
    record = {"subject": EX + s, "relation": relation, "object": EX + o, "evidence": [evidence]}
    status = {"fact": True, "former": False, "hedged": False, "negated": False}
    return {**record, **status, **flags}


def store_quads(out: Path) -> list[str]:
    """Every quad of the store under ``out``, as sorted strings (opens it exclusively)."""
    store = ox.Store(str(out / "store"))
    quads = sorted(str(q) for q in store)
    del store
    gc.collect()
    return quads


def plain(term: Any) -> Any:
    """RDF 1.1 makes "x" and "x"^^xsd:string one literal; rdflib keeps them apart."""
    import rdflib

    if isinstance(term, rdflib.Literal) and term.datatype in (None, rdflib.XSD.string):
        return rdflib.Literal(str(term), lang=term.language)
    return term


def rdf_graph(triples: Any, xml: bool = False) -> Any:
    """An rdflib graph of ``triples``, literals plain (``xml``: as an XML export writes them)."""
    import rdflib

    from kg.export_rdf import xml_safe

    g = rdflib.Graph()
    for s, p, o in triples:
        o = plain(o)
        if xml and isinstance(o, rdflib.Literal):
            o = rdflib.Literal(xml_safe(str(o)), lang=o.language, datatype=o.datatype)
        g.add((s, p, o))
    return g
