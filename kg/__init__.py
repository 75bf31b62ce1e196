"""celebrity-kg: articles about celebrities in, a knowledge graph of who is related to whom out.

The public API, for notebooks and scripts::

    import kg
    report = kg.build(["seeds"], Path("output"))
    graph = kg.KnowledgeGraph.open("output")
    graph.query("SELECT ?kid WHERE { ?m rdfs:label 'Kris Jenner' ; ckg:parentOf/rdfs:label ?kid }")
    graph.render("output/graph.html")

Heavy modules (spaCy, rdflib) load on first use.
"""

from __future__ import annotations

from typing import Any

__all__ = ["build", "KnowledgeGraph", "Extractor", "read_articles", "__version__"]
__version__ = "0.1.0"

_LAZY = {
    "build": "kg.pipeline",
    "KnowledgeGraph": "kg.knowledge",
    "Extractor": "kg.extract",
    "read_articles": "kg.ingest",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
