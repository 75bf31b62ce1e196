"""``build()``: articles in; the store, the RDF files and the graph page out.

ingest -> extract -> store (claims, facts, inferences) -> files -> html.

Examples:
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> (out / "a.txt").write_text("Kris Jenner is the mother of Khloe Kardashian.")
    46
    >>> report = build([out / "a.txt"], out / "output")
    >>> report.articles, report.claims, sorted(p.name for p in report.paths)
    (1, 1, ['graph.html', 'graph.trig', 'graph.ttl'])
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.ingest import Skipped, read_articles
from kg.model import Article, Extraction

__all__ = ["BuildReport", "build", "render", "extract", "STORE_DIR"]

STORE_DIR = "store"
Progress = Callable[[int], None]


@dataclass(slots=True)
class BuildReport:
    """What a build did."""

    articles: int = 0
    claims: int = 0
    people: int = 0
    relations: int = 0
    quads: int = 0
    violations: int = 0  # SHACL violations (ontology/shapes.ttl); `kg validate` lists them
    skipped: list[Skipped] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)


def extract(
    inputs: Iterable[str | Path],
    model: str | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
) -> Iterator[Extraction]:
    """Extract claims and people from every readable article of ``inputs``."""
    from kg.extract import Extractor

    extractor = Extractor(model) if model else Extractor()
    yield from extractor.pipe(_articles(inputs, on_skip))


def _articles(
    inputs: Iterable[str | Path], on_skip: Callable[[Skipped], None] | None
) -> Iterator[Article]:
    for item in read_articles(list(inputs)):
        if isinstance(item, Skipped):
            if on_skip:
                on_skip(item)
        else:
            yield item


def build(
    inputs: Iterable[str | Path],
    out: Path,
    model: str | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    progress: Progress | None = None,
) -> BuildReport:
    """Extract ``inputs`` into the store under ``out`` and write graph.trig, graph.ttl, graph.html.

    Articles are replaced by id (a JSONL ``id`` or the text's hash), so
    building the same input twice changes nothing.
    """
    from kg.store import Store

    inputs = list(inputs)
    report = BuildReport()

    def skip(item: Skipped) -> None:
        report.skipped.append(item)
        if on_skip:
            on_skip(item)

    read_articles(inputs)  # fail on a missing input before the store is touched
    out.mkdir(parents=True, exist_ok=True)
    with Store.open(out / STORE_DIR) as store:
        for extraction in extract(inputs, model, skip):
            store.add(extraction)
            report.articles += 1
            report.claims += len(extraction.claims)
            if progress:
                progress(1)
        store.recompute()
        report.paths = [store.write_trig(out / "graph.trig"), store.write_turtle(out / "graph.ttl")]
        report.paths.append(_render(store, out / "graph.html"))
        report.people, report.relations = len(store.people()), _fact_count(store)
        report.quads = len(store)
        report.violations = _violations(store)
    return report


def render(out: Path, path: Path | None = None, **options: Any) -> Path:
    """Re-draw the graph page from the store under ``out``.

    ``options`` go to ``kg.visualize.render_html`` (``focus``, ``depth``, ``layout``).
    """
    from kg.store import Store

    with Store.open(_existing_store(out)) as store:
        return _render(store, path or out / "graph.html", **options)


def _render(store: object, path: Path, **options: Any) -> Path:
    from kg.graph import to_networkx
    from kg.visualize import render_html

    # claims too: the page shows hedged ones dotted and negated ones behind a toggle
    graph = to_networkx(store.people(), store.relations(), include_claims=True)  # type: ignore[attr-defined]
    return render_html(graph, path, **options)


def _violations(store: object) -> int:
    """Validate without failing the build: the count is reported, `kg validate` names them."""
    from kg.validate import validate

    return len(validate(store).violations)


def _fact_count(store: object) -> int:
    return sum(1 for r in store.relations() if r["fact"])  # type: ignore[attr-defined]


def _existing_store(out: Path) -> Path:
    from kg.errors import StoreError

    path = out / STORE_DIR
    if not path.is_dir():
        raise StoreError(f"{out}: no knowledge graph here; run `kg build -o {out}` first")
    return path
