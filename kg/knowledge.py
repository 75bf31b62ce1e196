"""``KnowledgeGraph``: a built graph opened from Python, for notebooks.

Examples:
    >>> import tempfile, pathlib
    >>> from kg.pipeline import build
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> (out / "a.txt").write_text("Kris Jenner is the mother of Khloe Kardashian.")
    46
    >>> _ = build([out / "a.txt"], out)
    >>> with KnowledgeGraph.open(out) as g:
    ...     query = "SELECT ?name ?kid WHERE { ?m rdfs:label ?name ; ckg:parentOf/rdfs:label ?kid }"
    ...     g.query(query, name="Kris Jenner").rows
    [['Kris Jenner', 'Khloe Kardashian']]
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Any

from kg.pipeline import _render, open_store
from kg.store import QueryResult, Store

__all__ = ["KnowledgeGraph"]


class KnowledgeGraph:
    """The store of a build folder: query it, list its people, draw it."""

    def __init__(self, store: Store, out: Path) -> None:
        self.store, self.out = store, out

    @classmethod
    def open(cls, out: str | Path = "output", store: str | None = None) -> KnowledgeGraph:
        """Open the knowledge graph that ``kg build -o OUT`` wrote (``store``: a server URL)."""
        out = Path(out)
        return cls(open_store(out, store), out)

    def query(self, sparql: str, **bindings: Any) -> QueryResult:
        """Run SPARQL; keyword arguments are bound as values (``name="X"`` binds ``?name``)."""
        return self.store.query(sparql, bindings or None)

    def people(self) -> list[dict[str, Any]]:
        """Every person with name and aliases."""
        return self.store.people()

    def relations(self) -> list[dict[str, Any]]:
        """Every relation with its status and evidence."""
        return self.store.relations()

    def to_networkx(self, include_claims: bool = False) -> Any:
        """The graph as a networkx MultiDiGraph."""
        from kg.graph import to_networkx

        return to_networkx(self.people(), self.relations(), include_claims)

    def render(self, path: str | Path | None = None) -> Path:
        """Draw the interactive page (default ``OUT/graph.html``)."""
        return _render(self.store, Path(path) if path else self.out / "graph.html")

    def close(self) -> None:
        """Release the store."""
        self.store.close()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()
