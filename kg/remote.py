"""A SPARQL server as the store: ``Store.open("http://HOST:PORT")`` reads and writes over HTTP.

``RemoteStore`` implements, over the SPARQL 1.1 Protocol and the Graph Store
Protocol, the part of ``pyoxigraph.Store``'s API that ``kg.store.Store`` uses
(``query``, ``update``, ``extend``, ``add``, ``named_graphs``,
``contains_named_graph``, ``remove_graph``, ``quads_for_pattern``, ``dump``,
``len``), so ``Store`` runs the same code on an embedded Oxigraph store and on a
server. Answers are parsed back into pyoxigraph results and terms.

The endpoints hang off the base URL as in Oxigraph's layout (``oxigraph serve
--location DIR --bind 127.0.0.1:7878``); other layouts are keyword arguments
(Fuseki: ``RemoteStore("http://HOST:3030/ds", store="data")``):

- ``BASE/query``: queries, POSTed as a form (``query``, ``default-graph-uri``,
  ``named-graph-uri``), answered as ``application/sparql-results+json`` or N-Triples;
- ``BASE/update``: updates, POSTed as ``application/sparql-update``; one
  request is one transaction on Oxigraph, which keeps ``Store.add``'s
  scratch-graph-then-``MOVE`` atomic;
- ``BASE/store``: bulk loads, one N-Triples POST per graph (``?graph=IRI``).

Text is never pasted into SPARQL: IRIs and literals are written by
pyoxigraph's N-Triples serializer, and bindings travel as a trailing
``VALUES`` clause of such terms. That is a join, so it gives the answer of
Oxigraph's substitutions except where the variable occurs only inside
``OPTIONAL``, ``MINUS`` or a subquery, and a query with a ``VALUES`` clause of
its own at the end cannot take bindings. Every query is first checked by
Oxigraph on an empty local store, so a malformed query or a binding outside
the SELECT clause fails with the messages of the embedded store. Run the
server without ``--union-default-graph``: listing and counting quads read its
default graph as a graph of its own.

Failures are ``StoreError`` (unreachable, HTTP errors), one line naming the URL
and the fix; a query or update the server refuses (HTTP 400) is a
``SyntaxError`` at the caller's line, as pyoxigraph raises it, or a ``QueryError``.

Examples:
    >>> RemoteStore("http://127.0.0.1:7878/").query_url
    'http://127.0.0.1:7878/query'
    >>> is_url("https://sparql.example.org/ds"), is_url("output/store")
    (True, False)
    >>> RemoteStore("http://127.0.0.1:9").named_graphs()  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.StoreError: cannot reach the SPARQL store at http://127.0.0.1:9 (...): is the ...
"""

from __future__ import annotations

import http.client
import re
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any, TypeAlias
from urllib.parse import urlencode

import pyoxigraph as ox

from kg.errors import QueryError, StoreError

__all__ = ["Backend", "RemoteStore", "is_url"]

_JSON = "application/sparql-results+json"
_NT = "application/n-triples"
_SYNTAX = re.compile(r"error at (\d+):(\d+): ")  # how Oxigraph reports a parse error
_ALL_QUADS = "{ ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } }"

GraphName: TypeAlias = "ox.NamedNode | ox.BlankNode | ox.DefaultGraph"


def is_url(location: object) -> bool:
    """True if ``location`` is an http(s) URL string: the store is a server, not a directory."""
    return isinstance(location, str) and location.lower().startswith(("http://", "https://"))


def _one_line(text: object, limit: int = 200) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 3] + "..."


class RemoteStore:
    """A SPARQL 1.1 Protocol + Graph Store Protocol server, with ``pyoxigraph.Store``'s methods.

    Args:
        url: the base URL of the server, e.g. ``http://127.0.0.1:7878``.
        query, update, store: the paths of the query, update and graph store
            endpoints under ``url`` (Oxigraph's by default).
        timeout: seconds to wait for the server at each step of a request.
    """

    def __init__(
        self,
        url: str,
        *,
        query: str = "query",
        update: str = "update",
        store: str = "store",
        timeout: float = 300.0,
    ) -> None:
        self.url = url.rstrip("/")
        self.query_url, self.update_url, self.store_url = (
            f"{self.url}/{path.strip('/')}" for path in (query, update, store)
        )
        self.timeout = timeout
        self._checker = ox.Store()  # empty: Oxigraph's own parser checks each query first

    # ------------------------------------------------------------------ SPARQL

    def query(
        self,
        query: str,
        *,
        prefixes: dict[str, str] | None = None,
        default_graph: ox.NamedNode | Sequence[ox.NamedNode] | None = None,
        named_graphs: Sequence[ox.NamedNode | ox.BlankNode] | None = None,
        substitutions: dict[ox.Variable, Any] | None = None,
    ) -> ox.QuerySolutions | ox.QueryBoolean | Iterator[ox.Triple]:
        """Run a query on the server; arguments and results as ``pyoxigraph.Store.query``.

        Raises:
            SyntaxError: the query does not parse (as pyoxigraph raises it).
            RuntimeError: a binding of a variable the SELECT clause does not return.
            QueryError: a blank node binding, or the server rejects the query.
            StoreError: the server cannot be reached or fails.
        """
        shape = self._checker.query(query, prefixes=prefixes, substitutions=substitutions)
        text = _prologue(prefixes) + query + _values(substitutions or {})
        if isinstance(default_graph, ox.NamedNode):
            default_graph = [default_graph]
        if default_graph and named_graphs is None:
            # the protocol hides every graph not named; pyoxigraph keeps them all visible
            named_graphs = [g for g in self.named_graphs() if isinstance(g, ox.NamedNode)]
        form = [("query", text)]
        form += [("default-graph-uri", g.value) for g in default_graph or []]
        names = [g.value for g in named_graphs or [] if isinstance(g, ox.NamedNode)]  # not blank
        form += [("named-graph-uri", name) for name in names]
        data = urlencode(form).encode("utf-8")
        kind = "application/x-www-form-urlencoded"
        if isinstance(shape, (ox.QuerySolutions, ox.QueryBoolean)):
            body = self._post(self.query_url, data, kind, _JSON, len(prefixes or {}))
            return ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
        body = self._post(self.query_url, data, kind, _NT, len(prefixes or {}))
        return (q.triple for q in ox.parse(body, ox.RdfFormat.N_TRIPLES))

    def update(self, update: str, *, prefixes: dict[str, str] | None = None) -> None:
        """Run a SPARQL update on the server, in one request (one transaction on Oxigraph)."""
        text = _prologue(prefixes) + update
        kind = "application/sparql-update"
        self._post(self.update_url, text.encode("utf-8"), kind, prologue=len(prefixes or {}))

    def _select(self, query: str) -> ox.QuerySolutions:
        result = self.query(query)
        assert isinstance(result, ox.QuerySolutions)
        return result

    # ------------------------------------------------------------------ quads and graphs

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        """Add ``quads``: one Graph Store Protocol POST of N-Triples per graph."""
        graphs: dict[GraphName, list[ox.Triple]] = {}
        for quad in quads:
            graphs.setdefault(quad.graph_name, []).append(quad.triple)
        for graph, triples in graphs.items():
            if isinstance(graph, ox.BlankNode):
                raise ValueError(f"{graph}: a blank-node graph has no IRI to load into; name it")
            target = (
                "default"
                if isinstance(graph, ox.DefaultGraph)
                else urlencode({"graph": graph.value})
            )
            data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
            self._post(f"{self.store_url}?{target}", data, _NT)

    def add(self, quad: ox.Quad) -> None:
        """Add one quad."""
        self.extend([quad])

    def named_graphs(self) -> Iterator[ox.NamedNode | ox.BlankNode]:
        """The names of the graphs that hold quads."""
        rows = self._select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        return iter([row[0] for row in rows])

    def contains_named_graph(self, graph_name: ox.NamedNode) -> bool:
        """True if the graph ``graph_name`` holds quads."""
        return bool(self.query(f"ASK {{ GRAPH {graph_name} {{ }} }}"))

    def remove_graph(self, graph_name: ox.NamedNode | ox.DefaultGraph) -> None:
        """Drop a graph (nothing happens if it does not exist)."""
        target = "DEFAULT" if isinstance(graph_name, ox.DefaultGraph) else f"GRAPH {graph_name}"
        self.update(f"DROP SILENT {target}")

    def quads_for_pattern(
        self,
        subject: ox.NamedNode | ox.BlankNode | None = None,
        predicate: ox.NamedNode | None = None,
        object: Any = None,  # noqa: A002 - pyoxigraph's name
        graph_name: GraphName | None = None,
    ) -> Iterator[ox.Quad]:
        """The quads matching the pattern (None matches anything), grouped by graph."""
        fixed = (subject, predicate, object)
        s, p, o = (f"?{v}" if t is None else str(t) for t, v in zip(fixed, "spo", strict=True))
        if graph_name is None:
            where = _ALL_QUADS.replace("?s ?p ?o", f"{s} {p} {o}")
        elif isinstance(graph_name, ox.DefaultGraph):
            where = f"{s} {p} {o}"
        else:
            where = f"GRAPH {graph_name} {{ {s} {p} {o} }}"
        rows = self._select(f"SELECT ?s ?p ?o ?g WHERE {{ {where} }} ORDER BY ?g")
        return (_quad(row, fixed, graph_name) for row in rows)  # requested now, not when read

    def __iter__(self) -> Iterator[ox.Quad]:
        return self.quads_for_pattern()

    def __len__(self) -> int:
        (row,) = self._select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {_ALL_QUADS} }}")
        return int(row[0].value)

    def dump(
        self,
        output: IO[bytes],
        format: ox.RdfFormat,
        *,
        prefixes: dict[str, str] | None = None,  # noqa: A002
    ) -> None:
        """Write every quad to ``output`` with pyoxigraph's serializer."""
        ox.serialize(self.quads_for_pattern(), output, format=format, prefixes=prefixes)

    def flush(self) -> None:
        """Nothing to flush: the server persists each request."""

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r})"

    # ------------------------------------------------------------------ HTTP

    def _post(
        self, url: str, data: bytes, content_type: str, accept: str | None = None, prologue: int = 0
    ) -> bytes:
        """POST ``data``; ``prologue`` lines of PREFIX declarations precede the caller's text."""
        headers = {"Content-Type": content_type} | ({"Accept": accept} if accept else {})
        request = urllib.request.Request(url, data=data, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body: bytes = response.read()
                return body
        except urllib.error.HTTPError as exc:
            raise self._refused(url, exc, prologue) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", None) or exc
            if isinstance(reason, TimeoutError):
                raise StoreError(
                    f"{url}: the SPARQL store did not answer within {self.timeout:g} s; "
                    "check the server is not overloaded, or try again"
                ) from None
            raise StoreError(
                f"cannot reach the SPARQL store at {self.url} ({_one_line(reason)}): is the server "
                "running? start it (oxigraph serve --location DIR --bind HOST:PORT) or fix the URL"
            ) from None

    def _refused(self, url: str, exc: urllib.error.HTTPError, prologue: int) -> Exception:
        try:
            text = exc.read().decode("utf-8", "replace")
        except OSError:
            text = ""
        detail = _one_line(text) or str(exc.reason)
        if exc.code == 400 and url in (self.query_url, self.update_url):
            m = _SYNTAX.match(text)
            if m and int(m.group(1)) > prologue:  # as pyoxigraph raises it, at the caller's line
                line = int(m.group(1)) - prologue
                return SyntaxError(f"error at {line}:{m.group(2)}: {text[m.end() :]}")
            what = "query" if url == self.query_url else "update"
            return QueryError(
                f"SPARQL {what} failed: {detail} (the store at {self.url} refused it)"
            )
        return StoreError(
            f"{url}: the SPARQL store answered HTTP {exc.code} ({detail}); check the store URL "
            "(its /query, /update and /store endpoints) and the server's log"
        )


Backend: TypeAlias = "ox.Store | RemoteStore"  # what ``kg.store.Store`` reads and writes


def _prologue(prefixes: dict[str, str] | None) -> str:
    """PREFIX declarations; a query's own declarations come later, so they win."""
    return "".join(
        f"PREFIX {name}: {ox.NamedNode(iri)}\n" for name, iri in (prefixes or {}).items()
    )


def _values(substitutions: dict[ox.Variable, Any]) -> str:
    """The bindings as a trailing VALUES clause of N-Triples terms (data, not query text)."""
    if not substitutions:
        return ""
    if any(isinstance(term, ox.BlankNode) for term in substitutions.values()):
        raise QueryError(
            "cannot bind a blank node on a remote store (its label means nothing to the server); "
            "bind an IRI or a literal"
        )
    names = " ".join(str(v) for v in substitutions)
    terms = " ".join(str(t) for t in substitutions.values())
    return f"\nVALUES ({names}) {{ ({terms}) }}"


def _quad(row: ox.QuerySolution, fixed: tuple[Any, Any, Any], graph: GraphName | None) -> ox.Quad:
    s, p, o = (row[i] if fixed[i] is None else fixed[i] for i in range(3))
    g = row[3] if row[3] is not None else graph if graph is not None else ox.DefaultGraph()
    return ox.Quad(s, p, o, g)
