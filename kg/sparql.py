"""Running SPARQL against the Oxigraph store: bindings, plain results, clear errors.

Results come back as a plain ``QueryResult`` (python strings), so the CLI and
tests need no RDF library. Values are bound with Oxigraph's substitutions
(SEP-0007, what ``initBindings`` maps to in oxrdflib): they are never pasted
into the query text, so untrusted names cannot change the query.

Examples:
    >>> import pyoxigraph as ox
    >>> store = ox.Store()
    >>> run_query(store, "SELECT ?x WHERE {}", {"x": 'x" } ; DROP ALL ; {'}).rows
    [['x" } ; DROP ALL ; {']]
    >>> run_query(store, "DROP ALL")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: refusing to run a SPARQL update (DROP): queries are read-only; ...

Queries never reach the network: ``SERVICE`` (a federated query) and ``LOAD``
(a fetch) are refused unless the caller passes ``allow_network=True``, which
no ``kg`` command does. Oxigraph would otherwise make the HTTP request itself.

    >>> run_query(store, "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: refusing SERVICE: queries run on the local graph only and never reach ...
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.errors import QueryError
from kg.rdf import PREFIXES

if TYPE_CHECKING:
    from kg.remote import Backend

__all__ = ["IRI", "QueryResult", "run_query", "is_update", "uses_service", "to_term"]

_UPDATE_WORDS = {
    "INSERT",
    "DELETE",
    "DROP",
    "LOAD",
    "CLEAR",
    "CREATE",
    "ADD",
    "MOVE",
    "COPY",
    "WITH",
}
_TOKENS = re.compile(
    r'(?P<skip>\#[^\n]*|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
    r"|<[^<>\"{}|^`\\\s]*>|[?$]\w+)"  # comments, strings, IRIs, variables (?service)
    r"|(?P<word>[A-Za-z_][\w.-]*:?[\w.-]*)"
)
# Keywords that make Oxigraph open a network connection (or read a document).
_NETWORK_WORDS = {"SERVICE", "LOAD"}
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_VARIABLE_TOKENS = re.compile(r"[?$][A-Za-z0-9_]+")


class IRI(str):
    """A string meant as an IRI in query bindings (a plain ``str`` binds as a literal).

    Examples:
        >>> IRI("https://celebrity-kg.org/person/kris-jenner")
        IRI('https://celebrity-kg.org/person/kris-jenner')
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"IRI({str.__repr__(self)})"


@dataclass
class QueryResult:
    """The result of a query, as plain python values.

    ``kind`` is ``select``, ``ask``, ``graph`` (CONSTRUCT/DESCRIBE; ``rows`` are
    subject/predicate/object and ``graph_turtle`` the Turtle text) or ``update``.
    Cells are IRIs, literal values, ``_:id`` for blank nodes, or None if unbound.
    """

    kind: str
    columns: list[str] = field(default_factory=list)
    rows: list[list[str | None]] = field(default_factory=list)
    boolean: bool | None = None
    graph_turtle: str = ""

    def dicts(self) -> list[dict[str, str | None]]:
        """The rows as ``{column: value}`` dicts."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def _words(sparql: str) -> list[str]:
    return [m.group("word") for m in _TOKENS.finditer(sparql) if m.group("word")]


def _declared(words: list[str]) -> set[str]:
    return {words[i + 1].rstrip(":") for i, w in enumerate(words[:-1]) if w.upper() == "PREFIX"}


def _keyword(sparql: str) -> str:
    """The first keyword after the prologue (PREFIX/BASE declarations)."""
    words = _words(sparql)
    i = 0
    while i < len(words):
        if words[i].upper() == "PREFIX":
            i += 2
        elif words[i].upper() == "BASE":
            i += 1
        else:
            return words[i].upper()
    return ""


def is_update(sparql: str) -> bool:
    """True if the text is a SPARQL update (INSERT, DELETE, DROP, LOAD, CLEAR...).

    Examples:
        >>> is_update("PREFIX x: <http://x/> # a comment\\nDELETE WHERE { ?s ?p ?o }")
        True
        >>> is_update('SELECT * WHERE { ?s ?p "DROP ALL" }')
        False
    """
    return _keyword(sparql) in _UPDATE_WORDS


def uses_service(sparql: str) -> bool:
    """True if the text may call another endpoint (``SERVICE``); errs on the side of True.

    Stricter than ``is_update``, because Oxigraph reads ``?a ?b trueSERVICE <x> {}``
    as ``true SERVICE <x> {}``: any ``service`` outside a ``?variable`` counts,
    in any case. In a string or an IRI, escape a letter: ``"\\u0073ervice"``.

    Examples:
        >>> uses_service("SELECT * WHERE { sErViCe <http://example.org/sparql> { ?s ?p ?o } }")
        True
        >>> uses_service("SELECT * WHERE { ?a ?b trueSERVICE <http://example.org/sparql> {} }")
        True
        >>> uses_service("SELECT ?service WHERE { ?service ?p ?o }")
        False
    """
    return "service" in _VARIABLE_TOKENS.sub(" ", sparql).casefold()


def _refuse_network(sparql: str) -> None:
    if uses_service(sparql):
        raise QueryError(
            "refusing SERVICE: queries run on the local graph only and never reach the network; "
            "remove the SERVICE clause"
        )
    if is_update(sparql) and any(w.upper() in _NETWORK_WORDS for w in _words(sparql)):
        raise QueryError(
            "refusing LOAD: kg never fetches documents from a query; "
            "add articles with kg build instead"
        )


def to_term(name: str, value: object) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The RDF term a binding value stands for.

    ``IRI`` -> IRI; ``str``, ``bool``, ``int``, ``float`` -> typed literal;
    pyoxigraph terms pass through.
    """
    if isinstance(value, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return value
    if isinstance(value, IRI):
        try:
            return ox.NamedNode(str(value))
        except ValueError as exc:
            raise QueryError(
                f"binding ?{name}: {str(value)!r} is not a valid IRI ({exc})"
            ) from None
    if isinstance(value, (str, bool, int, float)):
        return ox.Literal(value)
    raise QueryError(
        f"binding ?{name}: cannot bind a {type(value).__name__}; "
        "pass a str, int, float, bool or kg.store.IRI"
    )


def _syntax_message(sparql: str, exc: Exception) -> str:
    text = str(exc)
    where, problem = "", " ".join(text.split())
    m = re.match(r"error at (\d+):(\d+): (.*)", text, re.S)
    if m:
        line, col = int(m.group(1)), int(m.group(2))
        lines = sparql.splitlines() or [""]
        src = lines[min(line, len(lines)) - 1]
        near = src[max(0, col - 25) : col + 15].strip()
        where = f" at line {line}, column {col}" + (f" near {near!r}" if near else "")
        problem = " ".join(m.group(3).split())
    predeclared = ", ".join(PREFIXES)
    if "Prefix not found" in text:
        words = _words(sparql)
        known = _declared(words) | set(PREFIXES)
        unknown = sorted({w.split(":")[0] for w in words if ":" in w} - known - {""})
        if unknown:
            p = unknown[0]
            return (
                f"unknown prefix '{p}:'{where}; declare it with PREFIX {p}: <...> "
                f"(predeclared: {predeclared})"
            )
    if len(problem) > 120:
        problem = problem[:117] + "..."
    return (
        f"malformed SPARQL{where}: {problem}; check brackets, dots and quotes "
        f"(predeclared prefixes: {predeclared})"
    )


def _text(term: Any) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.Triple):
        return str(term)
    return str(term.value)


def run_query(
    store: Backend,
    sparql: str,
    bindings: dict[str, object] | None = None,
    *,
    allow_update: bool = False,
    default_graph: Sequence[ox.NamedNode] | None = None,
    allow_network: bool = False,
) -> QueryResult:
    """Run a query (or, with ``allow_update``, an update) with ``PREFIXES`` predeclared.

    A query's own ``PREFIX`` declarations win over the predeclared ones.

    Args:
        store: the Oxigraph store, or a ``kg.remote.RemoteStore``.
        sparql: the SPARQL text.
        bindings: variable name (with or without ``?``) -> value; see ``to_term``.
            Oxigraph binds only variables the SELECT clause returns.
        allow_update: run INSERT/DELETE/DROP/LOAD/CLEAR... instead of refusing them.
        default_graph: the graphs that patterns outside ``GRAPH`` match
            (None: the store's default graph).
        allow_network: let ``SERVICE`` and ``LOAD`` reach other servers (no
            ``kg`` command does).

    Raises:
        QueryError: malformed text, an unusable binding, a refused update, or
            a refused ``SERVICE``/``LOAD``.
    """
    if is_update(sparql) and not allow_update:
        raise QueryError(
            f"refusing to run a SPARQL update ({_keyword(sparql)}): queries are read-only; "
            "use SELECT, ASK, CONSTRUCT or DESCRIBE, or allow updates explicitly"
        )
    if not allow_network:
        _refuse_network(sparql)
    if is_update(sparql):
        if bindings:
            raise QueryError("bindings work only in queries, not in updates; drop them")
        try:
            store.update(sparql, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QueryError(_syntax_message(sparql, exc)) from None
        except (OSError, RuntimeError, ValueError) as exc:
            raise QueryError(f"SPARQL update failed: {' '.join(str(exc).split())}") from None
        return QueryResult("update")

    substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {}
    for raw, value in (bindings or {}).items():
        name = raw.lstrip("?$")
        if not _VARIABLE.match(name):
            raise QueryError(f"binding {raw!r} is not a variable name; use letters, digits and _")
        substitutions[ox.Variable(name)] = to_term(name, value)
    try:
        result = store.query(
            sparql,
            prefixes=PREFIXES,
            default_graph=list(default_graph) if default_graph else None,
            substitutions=substitutions,
        )
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            columns = [v.value for v in result.variables]
            rows = [[_text(solution[i]) for i in range(len(columns))] for solution in result]
            return QueryResult("select", columns, rows)
        triples = list(result)
        turtle = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""
        rows = [[_text(t.subject), _text(t.predicate), _text(t.object)] for t in triples]
        return QueryResult(
            "graph", ["subject", "predicate", "object"], rows, graph_turtle=turtle.decode()
        )
    except SyntaxError as exc:
        raise QueryError(_syntax_message(sparql, exc)) from None
    except RuntimeError as exc:
        m = re.search(r"does not contains? variable \?(\w+) in its SELECT projection", str(exc))
        if m:
            v = m.group(1)
            raise QueryError(
                f"binding ?{v} is not in the SELECT clause; Oxigraph binds only selected "
                f"variables: add ?{v} after SELECT, or use SELECT *"
            ) from None
        raise QueryError(f"SPARQL query failed: {' '.join(str(exc).split())}") from None
    except (OSError, ValueError) as exc:
        raise QueryError(f"SPARQL query failed: {' '.join(str(exc).split())}") from None
