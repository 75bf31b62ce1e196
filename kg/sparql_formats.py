"""SPARQL results on the wire: content negotiation and the result formats of ``kg serve``.

SELECT and ASK answer in the SPARQL 1.1 results formats (JSON, XML, CSV, TSV);
CONSTRUCT and DESCRIBE in Turtle, N-Triples, RDF/XML or JSON-LD (Oxigraph's
serializers). The solution formats are written here rather than by Oxigraph
because a result cut at ``--max-rows`` is a list of rows, not a ``QuerySolutions``.

Examples:
    >>> import pyoxigraph as ox
    >>> result = ox.Store().query('SELECT ?who WHERE { BIND("Kris"@en AS ?who) }')
    >>> columns, rows = [v.value for v in result.variables], [list(s) for s in result]
    >>> print(solutions("tsv", columns, rows).decode(), end="")
    ?who
    "Kris"@en
    >>> choose("graph", preferences("text/csv, text/turtle;q=0.5", None))
    'turtle'
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

__all__ = ["MEDIA_TYPES", "preferences", "choose", "solutions", "boolean", "graph"]

MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
}
_RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}
# what a client may ask for (Accept media type or format= name) -> (solutions, graph) format
_ASKED: dict[str, tuple[str | None, str | None]] = {
    "application/sparql-results+json": ("json", "jsonld"),
    "application/json": ("json", "jsonld"),
    "json": ("json", "jsonld"),
    "application/ld+json": ("json", "jsonld"),
    "jsonld": ("json", "jsonld"),
    "json-ld": ("json", "jsonld"),
    "application/sparql-results+xml": ("xml", "rdfxml"),
    "application/xml": ("xml", "rdfxml"),
    "text/xml": ("xml", "rdfxml"),
    "xml": ("xml", "rdfxml"),
    "application/rdf+xml": ("xml", "rdfxml"),
    "rdfxml": ("xml", "rdfxml"),
    "rdf+xml": ("xml", "rdfxml"),
    "text/csv": ("csv", None),
    "csv": ("csv", None),
    "text/tab-separated-values": ("tsv", None),
    "tsv": ("tsv", None),
    "text/turtle": (None, "turtle"),
    "application/turtle": (None, "turtle"),
    "application/x-turtle": (None, "turtle"),
    "turtle": (None, "turtle"),
    "ttl": (None, "turtle"),
    "application/n-triples": (None, "ntriples"),
    "text/plain": (None, "ntriples"),
    "ntriples": (None, "ntriples"),
    "n-triples": (None, "ntriples"),
    "nt": (None, "ntriples"),
}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_XML_HEAD = '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'

Term = Any  # a pyoxigraph NamedNode, BlankNode, Literal or Triple


def preferences(accept: str | None, fmt: str | None) -> list[str]:
    """What the client asked for, most wanted first: ``format=`` then the Accept header.

    Examples:
        >>> preferences("text/turtle;q=0.5, application/sparql-results+xml", None)
        ['application/sparql-results+xml', 'text/turtle']
        >>> preferences("*/*", "CSV")
        ['csv', '*/*']
    """
    ranked: list[tuple[float, int, str]] = []
    for i, item in enumerate((accept or "").split(",")):
        media, *params = [p.strip() for p in item.split(";")]
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, i, media.lower()))
    asked = [media for _, _, media in sorted(ranked)]
    return ([fmt.strip().lower()] if fmt else []) + asked


def choose(kind: str, asked: Sequence[str]) -> str:
    """The format for a result of ``kind`` (``solutions``, ``boolean`` or ``graph``).

    The first asked format that fits; JSON or Turtle if none does (rather than 406).

    Examples:
        >>> choose("solutions", ["text/turtle", "text/csv"])
        'csv'
        >>> choose("graph", ["application/sparql-results+json"])
        'jsonld'
        >>> choose("boolean", [])
        'json'
    """
    column = 1 if kind == "graph" else 0
    for name in asked:
        found = _ASKED.get(name, (None, None))[column]
        if found:
            return found
    return "turtle" if kind == "graph" else "json"


def solutions(fmt: str, columns: Sequence[str], rows: Iterable[Sequence[Term | None]]) -> bytes:
    """SELECT results in ``fmt`` (``json``, ``xml``, ``csv`` or ``tsv``); None is unbound."""
    if fmt == "json":
        bindings = [
            {c: _json_term(t) for c, t in zip(columns, row, strict=True) if t is not None}
            for row in rows
        ]
        data = {"head": {"vars": list(columns)}, "results": {"bindings": bindings}}
        return json.dumps(data, ensure_ascii=False).encode()
    if fmt == "xml":
        out = [_XML_HEAD, "<head>"]
        out += [f"<variable name={quoteattr(c)}/>" for c in columns]
        out.append("</head><results>")
        for row in rows:
            out.append("<result>")
            for c, t in zip(columns, row, strict=True):
                if t is not None:
                    out.append(f"<binding name={quoteattr(c)}>{_xml_term(t)}</binding>")
            out.append("</result>\n")
        out.append("</results></sparql>\n")
        return "".join(out).encode()
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(columns)
        writer.writerows([["" if t is None else _csv_term(t) for t in row] for row in rows])
        return buffer.getvalue().encode()
    if fmt == "tsv":
        lines = ["\t".join("?" + c for c in columns)]
        lines += ["\t".join("" if t is None else _nt(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode()
    raise ValueError(f"unknown solutions format {fmt!r}")


def boolean(fmt: str, value: bool) -> bytes:
    """An ASK result in ``fmt``; CSV and TSV (no standard form) say ``true`` or ``false``.

    Examples:
        >>> boolean("json", True)
        b'{"head": {}, "boolean": true}'
    """
    word = "true" if value else "false"
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    if fmt == "xml":
        return f"{_XML_HEAD}<head/><boolean>{word}</boolean></sparql>\n".encode()
    return (word + "\n").encode()


def graph(fmt: str, triples: Iterable[ox.Triple], prefixes: dict[str, str]) -> bytes:
    """CONSTRUCT/DESCRIBE results in ``fmt`` (``turtle``, ``ntriples``, ``rdfxml``, ``jsonld``)."""
    return ox.serialize(triples, format=_RDF_FORMATS[fmt], prefixes=prefixes) or b""


def _json_term(term: Term) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        parts = ("subject", "predicate", "object")
        return {"type": "triple", "value": {p: _json_term(getattr(term, p)) for p in parts}}
    found: dict[str, Any] = {"type": "literal", "value": term.value}
    if term.language:
        found["xml:lang"] = term.language
    elif term.datatype.value != _XSD_STRING:
        found["datatype"] = term.datatype.value
    return found


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{_xml_text(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{_xml_text(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        parts = ("subject", "predicate", "object")
        inner = "".join(f"<{p}>{_xml_term(getattr(term, p))}</{p}>" for p in parts)
        return f"<triple>{inner}</triple>"
    if term.language:
        attribute = f" xml:lang={quoteattr(term.language)}"
    elif term.datatype.value not in (_XSD_STRING, _RDF_LANG_STRING):
        attribute = f" datatype={quoteattr(_xml_text(term.datatype.value))}"
    else:
        attribute = ""
    return f"<literal{attribute}>{_xml_text(term.value)}</literal>"


def _xml_text(text: str) -> str:
    """Escaped (CR too: XML parsers turn a raw one into LF); U+0001 and such as U+FFFD."""
    return escape(_NOT_XML.sub("\ufffd", text), {"\r": "&#13;"})


def _csv_term(term: Term) -> str:
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.Triple):
        return _nt(term)
    return str(term.value)


def _nt(term: Term) -> str:
    """The N-Triples form of a term (a triple term as ``<<( s p o )>>``)."""
    if isinstance(term, ox.Triple):
        return f"<<( {_nt(term.subject)} {_nt(term.predicate)} {_nt(term.object)} )>>"
    return str(term)
