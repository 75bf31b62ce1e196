"""RDF exports, written by Oxigraph's serializers: ttl, nt, xml (the graph), nq, trig, jsonld (all).

The triple formats (Turtle, N-Triples, RDF/XML) hold the default graph of
``kg query``: facts plus inferences. The quad formats (N-Quads, TriG,
JSON-LD) hold every named graph: each article's claims, the facts, the
inferences and any user graph (Wikidata links).

XML 1.0 cannot carry the C0 control characters (other than tab and line
feed; a carriage return would be read back as a line feed), so RDF/XML writes
each as its Unicode control picture (U+0001 -> U+2401, U+000D -> U+240D).
Every other format keeps every character.

Examples:
    >>> xml_safe("a\\x01b\\r\\nc\\td")
    'a\u2401b\u240d\\nc\\td'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import IO, Any

import pyoxigraph as ox

from kg.rdf import GRAPH_FACTS, GRAPH_INFERENCES, PREFIXES

__all__ = ["RDF_FORMATS", "write_rdf", "xml_safe", "rdf_counts"]

#: format name -> (Oxigraph format, dataset?)
RDF_FORMATS: dict[str, tuple[ox.RdfFormat, bool]] = {
    "ttl": (ox.RdfFormat.TURTLE, False),
    "nt": (ox.RdfFormat.N_TRIPLES, False),
    "xml": (ox.RdfFormat.RDF_XML, False),
    "nq": (ox.RdfFormat.N_QUADS, True),
    "trig": (ox.RdfFormat.TRIG, True),
    "jsonld": (ox.RdfFormat.JSON_LD, True),
}

_NOT_XML = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 cannot carry made visible (control pictures)."""

    def picture(m: re.Match[str]) -> str:
        ch = m.group()
        return chr(0x2400 + ord(ch)) if ord(ch) < 0x20 else "\ufffd"

    return _NOT_XML.sub(picture, text)


def _xml_term(term: Any) -> Any:
    if isinstance(term, ox.Literal) and _NOT_XML.search(term.value):
        if term.language:
            return ox.Literal(xml_safe(term.value), language=term.language)
        return ox.Literal(xml_safe(term.value), datatype=term.datatype)
    return term


def _triples(store: ox.Store) -> Iterator[ox.Triple]:
    for g in (GRAPH_FACTS, GRAPH_INFERENCES):
        for q in store.quads_for_pattern(None, None, None, ox.NamedNode(g)):
            yield q.triple


def _quads(store: ox.Store) -> Iterable[ox.Quad]:
    return store.quads_for_pattern(None, None, None, None)


def write_rdf(store: ox.Store, fmt: str, f: IO[bytes]) -> int:
    """Write ``store`` as ``fmt`` to the binary file ``f``; the number of triples or quads."""
    rdf_format, dataset = RDF_FORMATS[fmt]
    items: list[Any] = list(_quads(store)) if dataset else list(_triples(store))
    if not dataset:
        items = list(dict.fromkeys(items))  # facts and inferences never overlap; be sure
    if fmt == "xml":
        items = [ox.Triple(t.subject, t.predicate, _xml_term(t.object)) for t in items]
    prefixes = None if fmt in {"nt", "nq"} else PREFIXES
    ox.serialize(items, f, format=rdf_format, prefixes=prefixes)
    return len(items)


def rdf_counts(store: ox.Store) -> tuple[int, int]:
    """``(triples of facts + inferences, quads of every graph)``."""
    return len(set(_triples(store))), len(store)
