"""SHACL validation of a built graph: ``ontology/shapes.ttl`` checked by pyshacl.

The data graph is the union of every article's claims, the facts and the
inferences, with the ontology mixed in. pyshacl finds the violations; this
module names them for people: each ``Violation`` carries the check (the
shape's local name), the people involved (for a cycle, the whole chain) and
the articles whose claims are at fault.

Examples:
    >>> from kg.model import Article, Claim, Evidence, Extraction
    >>> from kg.store import Store
    >>> text = "Ann Lee is the mother of Bo Lee. Bo Lee is the mother of Ann Lee."
    >>> ev = Evidence("loop", text, 0, len(text))
    >>> claims = (Claim("Ann Lee", "motherOf", "Bo Lee", ev, rule="r.v1"),
    ...           Claim("Bo Lee", "motherOf", "Ann Lee", ev, rule="r.v1"))
    >>> with Store.open() as store:
    ...     store.add(Extraction(Article("loop", text, title="Loop"), claims=claims))
    ...     report = validate(store)
    >>> report.conforms
    False
    >>> v = report.violations[0]
    >>> v.check, v.people, v.articles
    ('own-ancestor', ('Ann Lee', 'Bo Lee', 'Ann Lee'), ('loop "Loop"',))
    >>> v.message
    'someone is their own parent or ancestor'
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from rdflib import RDF, RDFS, Graph, Literal, Namespace
from rdflib.term import Node

from kg.ontology import CKG, ontology_graph

__all__ = ["Violation", "ValidationReport", "validate", "SHAPES_FILE"]

SHAPES_FILE = "shapes.ttl"
SH = Namespace("http://www.w3.org/ns/shacl#")
SHAPES = "https://celebrity-kg.org/shapes#"
_DCT = Namespace("http://purl.org/dc/terms/")
_SCHEMA = Namespace("https://schema.org/")
_PARENT = (CKG.parentOf, CKG.motherOf, CKG.fatherOf)


@dataclass(frozen=True, slots=True)
class Violation:
    """One broken rule, named for people.

    Attributes:
        check: the shape's local name (``claim``, ``own-ancestor``, ``parent-spouse``...).
        message: what is wrong.
        people: the names involved; for a cycle, the chain from someone back to them.
        articles: the articles at fault, as ``id "title"`` (and the URL when known).
        statement: for a claim, ``subject relation object`` by name.
        focus: the IRI pyshacl reported.
        severity: ``Violation``, ``Warning`` or ``Info``.
    """

    check: str
    message: str
    people: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    statement: str = ""
    focus: str = ""
    severity: str = "Violation"

    def __str__(self) -> str:
        sep = " -> " if self.check == "own-ancestor" else ", "
        who = self.statement or sep.join(self.people) or self.focus
        where = "; ".join(f"article {a}" for a in self.articles)
        return f"{self.check}: {self.message}: {who}" + (f" [{where}]" if where else "")

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        data = asdict(self)
        data["people"], data["articles"] = list(self.people), list(self.articles)
        return data


@dataclass(slots=True)
class ValidationReport:
    """What validation found: ``conforms`` is True when there is no violation."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    results_text: str = ""


def validate(store: Any, shapes: Graph | None = None) -> ValidationReport:
    """Check the claims, facts and inferences of ``store`` against the shapes.

    Args:
        store: a ``kg.store.Store``.
        shapes: a shapes graph; by default ``ontology/shapes.ttl``.

    Returns:
        The report, one ``Violation`` per broken rule (a cycle counts once,
        however many people are on it), sorted.
    """
    import pyshacl

    data = store.merged_graph()
    shapes = shapes if shapes is not None else ontology_graph(SHAPES_FILE)
    conforms, results, text = pyshacl.validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology_graph(),
        inference="none",
        advanced=True,  # SPARQL targets: one query per family check, not one per person
        inplace=True,  # the merged graph is ours: no copy
        allow_warnings=True,
    )
    assert isinstance(results, Graph)
    found: dict[tuple[Any, ...], Violation] = {}
    problems = list(results.subjects(RDF.type, SH.ValidationResult))
    namer = _Namer(data, store, shapes) if problems else None
    for result in problems:
        assert namer is not None
        violation = namer.describe(results, result)
        key = (
            (violation.check, frozenset(violation.people))
            if violation.check in {"own-ancestor", "parent-spouse"}
            else (violation.check, violation.focus, violation.message)
        )
        if key not in found or str(violation) < str(found[key]):
            found[key] = violation
    violations = sorted(found.values(), key=lambda v: (v.check, str(v)))
    return ValidationReport(bool(conforms) and not violations, violations, str(text))


class _Namer:
    """Turns pyshacl results into violations with names and articles."""

    def __init__(self, data: Graph, store: Any, shapes: Graph) -> None:
        self.data, self.shapes = data, shapes
        self.names = {p["iri"]: p["name"] for p in store.people()}
        self.claim_article = store.claim_articles()
        self.articles: dict[str, str] = {}
        for node in data.subjects(RDF.type, CKG.Article):
            ident = str(data.value(node, _DCT.identifier) or node)
            title, url = data.value(node, _DCT.title), data.value(node, _SCHEMA.url)
            self.articles[ident] = (
                ident + (f' "{title}"' if title else "") + (f" <{url}>" if url else "")
            )
        self.up: dict[Node, set[Node]] = {}  # parent -> children, from the direct triples
        for p in _PARENT:
            for s, o in data.subject_objects(p):
                self.up.setdefault(s, set()).add(o)
        for s, o in data.subject_objects(CKG.childOf):
            self.up.setdefault(o, set()).add(s)
        self.claims: dict[tuple[str, str, str], list[str]] = {}  # asserted, stated claims
        for claim in data.subjects(RDF.type, CKG.Claim):
            if data.value(claim, CKG.polarity) == Literal("negated"):
                continue
            if data.value(claim, CKG.modality) == Literal("hedged"):
                continue
            key = tuple(str(data.value(claim, t)) for t in (RDF.subject, RDF.predicate, RDF.object))
            self.claims.setdefault(key, []).append(str(claim))  # type: ignore[arg-type]

    def name(self, node: Node | None) -> str:
        if node is None:
            return ""
        if str(node) in self.names:
            return self.names[str(node)]
        label = self.data.value(node, RDFS.label)
        return str(label) if isinstance(label, Literal) else str(node)

    def article(self, article_id: str) -> str:
        return self.articles.get(article_id, article_id)

    def describe(self, results: Graph, result: Node) -> Violation:
        focus = results.value(result, SH.focusNode)
        value = results.value(result, SH.value)
        message = str(results.value(result, SH.resultMessage) or "constraint violated")
        severity = str(results.value(result, SH.resultSeverity) or SH.Violation)
        check = self._check(results, result)
        base: dict[str, Any] = {"check": check, "message": message, "focus": str(focus)}
        base["severity"] = severity.removeprefix(str(SH))
        if check == "claim":
            return self._claim(focus, base)
        if check == "own-ancestor":
            chain = self._cycle(focus, value)
            return Violation(
                people=tuple(self.name(n) for n in chain),
                articles=self._edge_articles(zip(chain, chain[1:], strict=False), parent=True),
                **base,
            )
        if check == "parent-spouse":
            pair = [focus, value]
            articles = self._edge_articles([(focus, value)], parent=True)
            articles += self._edge_articles([(focus, value)], parent=False)
            return Violation(
                people=tuple(self.name(n) for n in pair),
                articles=tuple(sorted(set(articles))),
                **base,
            )
        if check == "inference":
            s, p, o = (self.data.value(focus, t) for t in (RDF.subject, RDF.predicate, RDF.object))
            rel = str(p).removeprefix(str(CKG)) if p else "?"
            return Violation(statement=f"{self.name(s)} {rel} {self.name(o)}", **base)
        if check == "article":
            ident = self.data.value(focus, _DCT.identifier)
            return Violation(articles=(self.article(str(ident or focus)),), **base)
        return Violation(people=(self.name(focus),), **base)

    def _check(self, results: Graph, result: Node) -> str:
        shape = results.value(result, SH.sourceShape)
        if shape is not None and not str(shape).startswith(SHAPES):
            owner = self.shapes.value(None, SH.property, shape)  # a property shape: its node shape
            shape = owner if owner is not None else shape
        return str(shape).removeprefix(SHAPES) if shape is not None else "shape"

    def _claim(self, claim: Node | None, base: dict[str, str]) -> Violation:
        s, p, o = (self.data.value(claim, t) for t in (RDF.subject, RDF.predicate, RDF.object))
        rel = str(p).removeprefix(str(CKG)) if p is not None else "?"
        article = self.claim_article.get(str(claim), "")
        return Violation(
            people=tuple(self.name(n) for n in (s, o) if n is not None),
            articles=(self.article(article),) if article else (),
            statement=f"{self.name(s) or '?'} {rel} {self.name(o) or '?'}",
            **base,
        )

    def _cycle(self, start: Node | None, first: Node | None) -> list[Node]:
        """The shortest chain of parent edges from ``start`` through ``first`` back to ``start``."""
        if start is None or first is None:
            return [n for n in (start,) if n is not None]
        before: dict[Node, Node | None] = {first: None}
        todo = deque([first])
        while todo:
            node = todo.popleft()
            if node == start:
                break
            for nxt in sorted(self.up.get(node, ()), key=str):
                if nxt not in before:
                    before[nxt] = node
                    todo.append(nxt)
        path: list[Node] = []
        at: Node | None = start if start in before else None
        while at is not None:
            path.append(at)
            at = before[at]
        return [start, *reversed(path)] if path else [start, first]

    def _edge_articles(
        self, edges: Iterable[tuple[Node | None, Node | None]], parent: bool
    ) -> tuple[str, ...]:
        """The articles of the asserted, stated claims behind parent (or spouse) edges."""
        wanted: set[tuple[str, str, str]] = set()
        for a, b in edges:
            if parent:
                wanted |= {(str(a), str(p), str(b)) for p in _PARENT}
                wanted.add((str(b), str(CKG.childOf), str(a)))
            else:
                wanted |= {(str(a), str(CKG.spouseOf), str(b)), (str(b), str(CKG.spouseOf), str(a))}
        found = {
            self.article(self.claim_article[claim])
            for key in wanted
            for claim in self.claims.get(key, ())
            if self.claim_article.get(claim)
        }
        return tuple(sorted(found))
