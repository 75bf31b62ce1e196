"""Reading RDF safely: text in, triples out, nothing fetched, nothing expanded, time-limited.

kg reads no RDF from users: the only RDF it parses are its own ontology files
(``ontology/*.ttl``, through :func:`kg.ontology.ontology_graph`) and what its own
serializers wrote. Every such read goes through :func:`read_rdf`, so a hostile
or broken file costs at most ``timeout`` seconds and can do no more than fail:

- the content is parsed as data, never handed to a parser as a path or a URL
  (rdflib's ``Graph.parse(source)`` would open either);
- a ``<!DOCTYPE`` or ``<!ENTITY`` declaration is refused before parsing, in
  every format (RDF/XML would expand nested entities: the "billion laughs");
- JSON-LD remote contexts are never loaded (Oxigraph has no document loader
  unless given one);
- parsing streams and stops with an error after ``timeout`` seconds.

Examples:
    >>> doc = read_rdf('@prefix ex: <http://ex/> . ex:a ex:b "c" .', "turtle", "a.ttl")
    >>> [str(t) for t in doc.items], doc.prefixes
    (['<http://ex/a> <http://ex/b> "c"'], {'ex': 'http://ex/'})
    >>> read_rdf('<!DOCTYPE x [<!ENTITY a "a">]><x/>', "xml", "laughs.rdf")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.InputError: laughs.rdf: holds a DOCTYPE or ENTITY declaration, which kg refuses ...
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.errors import InputError

__all__ = ["RDF_INPUT_FORMATS", "RdfDocument", "read_rdf"]

#: format name -> Oxigraph format
RDF_INPUT_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "xml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_DECLARATION = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DEFAULT_TIMEOUT = 30.0


@dataclass(frozen=True, slots=True)
class RdfDocument:
    """What :func:`read_rdf` read: triples (or quads) and the declared prefixes."""

    items: list[ox.Triple | ox.Quad]
    prefixes: dict[str, str] = field(default_factory=dict)


def read_rdf(
    data: bytes | str, fmt: str, where: str, *, timeout: float = _DEFAULT_TIMEOUT
) -> RdfDocument:
    """Parse RDF ``data`` (the content, not a path) into Oxigraph triples or quads.

    Args:
        data: the document itself, as bytes (UTF-8) or text.
        fmt: one of ``RDF_INPUT_FORMATS`` (``turtle``, ``nt``, ``nq``, ``trig``,
            ``xml``, ``jsonld``).
        where: the name of the document, for messages.
        timeout: seconds after which parsing stops with an error.

    Returns:
        Triples for the graph formats, quads for the dataset formats, and the
        prefixes the document declares.

    Raises:
        InputError: a DOCTYPE/ENTITY declaration, malformed RDF, or too slow.
        TypeError: ``data`` is not bytes or text (a path is never opened).
    """
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError(f"read_rdf reads content (bytes or str), not {type(data).__name__}")
    rdf_format = RDF_INPUT_FORMATS.get(fmt)
    if rdf_format is None:
        known = ", ".join(RDF_INPUT_FORMATS)
        raise InputError(where, f"unknown RDF format {fmt!r}", f"use {known}")
    if _DECLARATION.search(data):
        raise InputError(
            where,
            "holds a DOCTYPE or ENTITY declaration, which kg refuses "
            "(entity expansion can exhaust memory)",
            "remove the declaration",
        )
    deadline = time.monotonic() + timeout
    items: list[ox.Triple | ox.Quad] = []
    try:
        parser = ox.parse(bytes(data), format=rdf_format)
        for quad in parser:
            items.append(quad if rdf_format.supports_datasets else quad.triple)
            if time.monotonic() > deadline:
                raise InputError(
                    where,
                    f"parsing took longer than {timeout:g} seconds",
                    "check the file; kg stops rather than hang on it",
                )
    except (SyntaxError, ValueError) as exc:
        problem = " ".join(str(exc).split())[:200]
        problem = f"not valid {rdf_format.name} ({problem})"
        raise InputError(where, problem, "fix the file") from None
    return RdfDocument(items, dict(parser.prefixes))
