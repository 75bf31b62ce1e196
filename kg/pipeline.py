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

import hashlib
import itertools
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.ingest import Skipped, read_articles
from kg.model import Article, Extraction
from kg.rdf import input_key

__all__ = [
    "BuildReport",
    "Plan",
    "build",
    "remove",
    "render",
    "extract",
    "open_store",
    "STORE_DIR",
    "SUMMARY",
]

STORE_DIR = "store"
STORE_ENV = "KG_STORE"  # a default for --store: a SPARQL server URL or a store folder
SUMMARY = "build.json"  # what the last build wrote: counts, and a fingerprint of the store
Progress = Callable[[int], None]


@dataclass(slots=True)
class BuildReport:
    """What a build did."""

    articles: int = 0  # articles extracted (new or changed)
    unchanged: int = 0  # articles skipped: same content, same extractor
    removed: int = 0  # articles forgotten: no longer in a re-read file
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
    *,
    force: bool = False,
    store_location: str | None = None,
    workers: int = 1,
    dask: str | None = None,
) -> BuildReport:
    """Extract ``inputs`` into the store under ``out`` and write graph.trig, graph.ttl, graph.html.

    Incremental: an article already stored with the same content and the same
    extractor is skipped, an edited one replaces its claims, and an article
    that a re-read input file no longer holds is removed. ``force`` extracts
    everything again. When nothing changed the output files are left as they are.
    The store is OUT/store unless ``store_location`` (or ``$KG_STORE``) names a
    SPARQL server URL or another folder. ``workers`` local processes or the Dask
    cluster ``dask`` (``local:N`` or ``tcp://HOST:PORT``) share the extraction.
    """

    inputs = list(inputs)
    report = BuildReport()

    def skip(item: Skipped) -> None:
        report.skipped.append(item)
        plan.hold(item.origin)  # a broken line is no reason to forget the stored article
        if on_skip:
            on_skip(item)

    read_articles(inputs)  # fail on a missing input before the store is touched
    out.mkdir(parents=True, exist_ok=True)
    with open_store(out, store_location, create=True) as store:
        plan = Plan(store.article_digests(), _extractor_tag(model), force=force)
        articles = plan.todo(_articles(inputs, skip))
        how = {"workers": workers, "dask": dask, "on_skip": skip}
        for extraction in _extract_lazily(articles, model, **how):
            store.add(extraction, plan.digest(extraction.article))
            report.articles += 1
            report.claims += len(extraction.claims)
            if progress:
                progress(1)
        for article_id in plan.forgotten():
            store.remove(article_id)
            report.removed += 1
        report.unchanged = plan.unchanged
        _publish(store, out, plan.fingerprint(), report, changed=bool(report.articles))
    return report


class Plan:
    """Which articles a build must extract, and which it must forget.

    ``stored`` maps article id -> (digest, input key), as ``Store.article_digests``.

    Examples:
        >>> a = Article("a1", "Kim married Kanye.", origin="/in/a.txt")
        >>> plan = Plan({}, "tag")
        >>> [x.id for x in plan.todo([a])]
        ['a1']
        >>> again = Plan({"a1": (plan.digest(a), "k")}, "tag")
        >>> list(again.todo([a])), again.unchanged
        ([], 1)
    """

    def __init__(self, stored: dict[str, tuple[str, str]], tag: str, force: bool = False) -> None:
        self.stored = dict(stored)
        self.tag = tag
        self.force = force
        self.unchanged = 0
        self._seen: set[str] = set()
        self._read_inputs: set[str] = set()
        self._held: set[str] = set()

    def digest(self, article: Article) -> str:
        """A hash of what the extractor sees of ``article``, and of the extractor itself."""
        parts = (self.tag, article.text, article.title, article.url, article.published)
        return hashlib.sha1(json.dumps(parts).encode(), usedforsecurity=False).hexdigest()[:20]

    def todo(self, articles: Iterable[Article]) -> Iterator[Article]:
        """The articles that are new or changed; counts the unchanged ones."""
        for article in articles:
            self._seen.add(article.id)
            if article.origin:
                self._read_inputs.add(input_key(article.origin))
            digest = self.digest(article)
            if not self.force and self.stored.get(article.id, ("",))[0] == digest:
                self.unchanged += 1
                continue
            self.stored[article.id] = (digest, input_key(article.origin) if article.origin else "")
            yield article

    def hold(self, origin: str) -> None:
        """Forget nothing of the input file ``origin``: one of its items could not be read."""
        if origin:
            self._held.add(input_key(origin))

    def forgotten(self) -> list[str]:
        """Stored articles of a re-read input file that this build did not see (call last).

        A file with an item that could not be read (a broken JSONL line) keeps its
        stored articles: the broken line may be one of them.
        """
        gone = [
            article_id
            for article_id, (_, key) in self.stored.items()
            if key in self._read_inputs and key not in self._held and article_id not in self._seen
        ]
        for article_id in gone:
            del self.stored[article_id]
        return sorted(gone)

    def fingerprint(self) -> str:
        """A hash of every stored article's id and digest: equal means the same store."""
        items = sorted((i, d) for i, (d, _) in self.stored.items())
        return hashlib.sha1(json.dumps(items).encode(), usedforsecurity=False).hexdigest()


def _extractor_tag(model: str | None) -> str:
    from kg import __version__

    return f"celebrity-kg {__version__} {model or 'default'}"


def _extract_lazily(
    articles: Iterator[Article], model: str | None, **how: Any
) -> Iterator[Extraction]:
    """Extract ``articles`` (``how``: see ``kg.parallel``), loading spaCy only if there is one."""
    first = next(articles, None)
    if first is None:
        return
    from kg.parallel import extract_parallel

    yield from extract_parallel(itertools.chain([first], articles), model, **how)


def _publish(store: Any, out: Path, fingerprint: str, report: BuildReport, changed: bool) -> None:
    """Recompute and write the files, unless nothing changed since ``out/build.json``."""
    summary_path = out / SUMMARY
    paths = [out / "graph.trig", out / "graph.ttl", out / "graph.html"]
    summary = _read_summary(summary_path)
    current = summary.get("fingerprint") == fingerprint and all(p.is_file() for p in paths)
    if current and not changed:
        report.people, report.relations = summary["people"], summary["relations"]
        report.quads, report.violations = summary["quads"], summary["violations"]
        report.paths = paths
        return
    store.recompute()
    report.paths = [store.write_trig(paths[0]), store.write_turtle(paths[1])]
    people, relations = store.people(), store.relations()
    report.paths.append(_draw(people, relations, paths[2]))
    report.people, report.relations = len(people), sum(1 for r in relations if r["fact"])
    report.quads = len(store)
    report.violations = _violations(store)
    summary = {"fingerprint": fingerprint, "people": report.people}
    summary |= {"relations": report.relations, "quads": report.quads}
    summary["violations"] = report.violations
    _write_summary(summary_path, summary)


def _read_summary(path: Path) -> dict[str, Any]:
    try:
        summary = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return summary if isinstance(summary, dict) else {}


def _write_summary(path: Path, summary: dict[str, Any]) -> None:
    from kg.store import _atomic_write

    _atomic_write(path, lambda f: f.write(json.dumps(summary, indent=2).encode() + b"\n"))


def remove(out: Path, article_ids: Iterable[str], store_location: str | None = None) -> BuildReport:
    """Forget articles, and what only they supported, then rewrite the files.

    Raises:
        InputError: an id is not stored (nothing is removed then).
    """
    from kg.errors import InputError

    report = BuildReport()
    with open_store(out, store_location) as store:
        stored = store.article_digests()
        ids = list(dict.fromkeys(article_ids))
        unknown = [i for i in ids if i not in stored]
        if unknown:
            raise InputError(
                unknown[0], "no such article in the store", f"list them with `kg articles -o {out}`"
            )
        for article_id in ids:
            store.remove(article_id)
            del stored[article_id]
        report.removed = len(ids)
        _publish(store, out, Plan(stored, "").fingerprint(), report, changed=True)
    return report


def render(out: Path, path: Path | None = None, store: str | None = None, **options: Any) -> Path:
    """Re-draw the graph page from the store of ``out`` (``store``: see ``open_store``).

    ``options`` go to ``kg.visualize.render_html`` (``focus``, ``depth``, ``layout``).
    """
    with open_store(out, store, read_only=True) as opened:
        return _render(opened, path or out / "graph.html", **options)


def _render(store: Any, path: Path, **options: Any) -> Path:
    return _draw(store.people(), store.relations(), path, **options)


def _draw(people: list[Any], relations: list[Any], path: Path, **options: Any) -> Path:
    from kg.graph import to_networkx
    from kg.visualize import render_html

    # claims too: the page shows hedged ones dotted and negated ones behind a toggle
    return render_html(to_networkx(people, relations, include_claims=True), path, **options)


def _violations(store: object) -> int:
    """Validate without failing the build: the count is reported, `kg validate` names them."""
    from kg.validate import validate

    return len(validate(store).violations)


def open_store(
    out: Path, store: str | None = None, *, create: bool = False, read_only: bool = False
) -> Any:
    """Open the store of the build folder ``out``: ``store``, else ``$KG_STORE``, else OUT/store.

    ``store`` is a SPARQL server URL (``http://HOST:PORT``, see ``kg.remote``) or
    a store folder. Without ``create``, a missing store folder is an error.
    ``read_only``: for commands that only read (``Store.open``: they keep working
    while a build holds the folder).
    """
    from kg.remote import is_url
    from kg.store import Store

    location = store or os.environ.get(STORE_ENV) or ""
    if is_url(location):
        return Store.open(location)
    if not location:
        return Store.open(out / STORE_DIR if create else _existing_store(out), read_only=read_only)
    if not create and not Path(location).is_dir():
        from kg.errors import StoreError

        raise StoreError(f"{location}: no store here; check --store or ${STORE_ENV}")
    return Store.open(location, read_only=read_only)


def _existing_store(out: Path) -> Path:
    from kg.errors import StoreError

    path = out / STORE_DIR
    if not path.is_dir():
        raise StoreError(f"{out}: no knowledge graph here; run `kg build -o {out}` first")
    return path
