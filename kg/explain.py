"""Why does ``A relation B`` hold? The chain from a triple down to article sentences.

An inferred triple is explained by its rule and premises, read from the
inferences graph (``ckg:Inference`` nodes, ``prov:wasDerivedFrom``); a fact
by the asserted, stated claims that support it, each with its sentence,
offsets and article. Premises are explained the same way, recursively.

Examples:
    >>> from kg.model import Article, Claim, Evidence, Extraction
    >>> from kg.store import Store, entity_iri
    >>> text = "Margot Calloway is Sienna Calloway's mother. Sienna's daughter, Ivy, sang."
    >>> mom = Claim("Margot Calloway", "motherOf", "Sienna Calloway",
    ...             Evidence("a", text[:44], 0, 44), rule="r.v1")
    >>> kid = Claim("Sienna Calloway", "motherOf", "Ivy",
    ...             Evidence("a", text[45:], 45, len(text)), rule="r.v1")
    >>> with Store.open() as store:
    ...     store.add(Extraction(Article("a", text, title="Party"), claims=(mom, kid)))
    ...     step = explain(store, entity_iri("Margot Calloway", "a"), "grandparentOf",
    ...                    entity_iri("Ivy", "a"))
    >>> print(render(step))
    Margot Calloway grandparentOf Ivy  (inferred: grandparent.v1)
    ├─ Margot Calloway parentOf Sienna Calloway  (inferred: subproperty.v1)
    │  └─ Margot Calloway motherOf Sienna Calloway  (fact)
    │     └─ "Margot Calloway is Sienna Calloway's mother." (article a "Party", chars 0-44, r.v1)
    └─ Sienna Calloway parentOf Ivy  (inferred: subproperty.v1)
       └─ Sienna Calloway motherOf Ivy  (fact)
          └─ "Sienna's daughter, Ivy, sang." (article a "Party", chars 45-74, r.v1)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.ontology import CKG, load_vocabulary
from kg.rdf import GRAPH_FACTS, GRAPH_INFERENCES, relation_iri, statement_iri
from kg.sparql import IRI

__all__ = ["Source", "Step", "explain", "render", "as_dict"]

_CKG = str(CKG)

_INFERENCE = """
SELECT ?st ?rule ?ps ?pp ?po ?inf WHERE { GRAPH ?inf {
    ?st a ckg:Inference ; prov:wasGeneratedBy ?rule ; prov:wasDerivedFrom ?premise .
    ?premise rdf:subject ?ps ; rdf:predicate ?pp ; rdf:object ?po } }"""

_CLAIMS = """
SELECT ?s ?p ?o ?claim ?sentence ?id ?title ?url ?start ?end ?rule ?status ?g WHERE { GRAPH ?g {
    ?claim a ckg:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
        ckg:polarity "asserted" ; ckg:modality "stated" ; ckg:status ?status ;
        ckg:sentence ?sentence ; ckg:rule ?rule ; prov:wasDerivedFrom ?a ; oa:hasSelector ?sel .
    ?sel a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
    ?a dcterms:identifier ?id .
    OPTIONAL { ?a dcterms:title ?title } OPTIONAL { ?a schema:url ?url } } }"""

_IS_FACT = "SELECT ?fg ?s ?p ?o WHERE { GRAPH ?fg { ?s ?p ?o } }"


@dataclass(frozen=True, slots=True)
class Source:
    """One claim behind a fact: the sentence, where it is, and who read it."""

    sentence: str
    article_id: str
    title: str
    url: str
    start: int
    end: int
    rule: str
    former: bool
    claim: str


@dataclass(frozen=True, slots=True)
class Step:
    """One triple of the explanation, with what it rests on.

    ``kind`` is ``fact`` (its ``sources`` are claims), ``inferred`` (its
    ``premises`` are steps, ``rule`` the rule) or ``missing`` (a premise the
    graph does not hold; a stale build).
    """

    subject: str
    relation: str
    object: str
    subject_name: str
    object_name: str
    kind: str
    rule: str = ""
    premises: tuple[Step, ...] = ()
    sources: tuple[Source, ...] = field(default=())

    def sentences(self) -> list[str]:
        """Every evidence sentence under this step, in order."""
        own = [s.sentence for s in self.sources]
        return own + [s for p in self.premises for s in p.sentences()]


def explain(store: Any, subject: str, relation: str, obj: str) -> Step | None:
    """The explanation of ``subject relation obj`` (IRIs and a local name), or None.

    None means the graph holds the triple neither as a fact nor as an inference.
    """
    names = {p["iri"]: p["name"] for p in store.people()}
    return _Explainer(store, names).step(subject, relation, obj, depth=0)


class _Explainer:
    def __init__(self, store: Any, names: dict[str, str]) -> None:
        self.store, self.names = store, names
        self.vocab = load_vocabulary()

    def step(self, s: str, rel: str, o: str, depth: int) -> Step | None:
        names = (self.names.get(s, s), self.names.get(o, o))
        if self._is_fact(s, rel, o):
            return Step(s, rel, o, *names, kind="fact", sources=self._sources(s, rel, o))
        rows = self.store.query(
            _INFERENCE, {"st": IRI(statement_iri(s, rel, o)), "inf": IRI(GRAPH_INFERENCES)}
        ).rows
        if not rows or depth > 50:
            return None
        rule = str(rows[0][1]).rsplit("/", 1)[-1]
        premises = _chain(s, [(str(r[2]), _local(str(r[3])), str(r[4])) for r in rows])
        steps = tuple(
            self.step(*p, depth=depth + 1)
            or Step(
                p[0], p[1], p[2], self.names.get(p[0], p[0]), self.names.get(p[2], p[2]), "missing"
            )
            for p in premises
        )
        return Step(s, rel, o, *names, kind="inferred", rule=rule, premises=steps)

    def _is_fact(self, s: str, rel: str, o: str) -> bool:
        bind = {"fg": IRI(GRAPH_FACTS), "p": IRI(relation_iri(rel))}
        pairs = [(s, o)] + ([(o, s)] if self._symmetric(rel) else [])
        return any(
            self.store.query(_IS_FACT, {**bind, "s": IRI(a), "o": IRI(b)}).rows for a, b in pairs
        )

    def _symmetric(self, rel: str) -> bool:
        return rel in self.vocab and self.vocab[rel].symmetric

    def _sources(self, s: str, rel: str, o: str) -> tuple[Source, ...]:
        pairs = [(s, o)] + ([(o, s)] if self._symmetric(rel) else [])
        found: dict[str, Source] = {}
        for a, b in pairs:
            bind = {"s": IRI(a), "p": IRI(relation_iri(rel)), "o": IRI(b)}
            for row in self.store.query(_CLAIMS, bind).dicts():
                found[str(row["claim"])] = Source(
                    sentence=str(row["sentence"]),
                    article_id=str(row["id"]),
                    title=row["title"] or "",
                    url=row["url"] or "",
                    start=int(row["start"] or 0),
                    end=int(row["end"] or 0),
                    rule=str(row["rule"]),
                    former=row["status"] == "former",
                    claim=str(row["claim"]),
                )
        return tuple(sorted(found.values(), key=lambda x: (x.article_id, x.start, x.claim)))


def _local(iri: str) -> str:
    return iri[len(_CKG) :] if iri.startswith(_CKG) else iri


def _chain(start: str, premises: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The premises in reading order: each one starting where the previous one ended."""
    todo = sorted(set(premises))
    ordered: list[tuple[str, str, str]] = []
    at = start
    while todo:
        nxt = next((p for p in todo if p[0] == at), None) or next(
            (p for p in todo if at in (p[0], p[2])), todo[0]
        )
        todo.remove(nxt)
        ordered.append(nxt)
        at = nxt[2] if nxt[0] == at else nxt[0]
    return ordered


def _source_line(src: Source) -> str:
    where = f"article {src.article_id}" + (f' "{src.title}"' if src.title else "")
    where += f" <{src.url}>" if src.url else ""
    flags = ", former" if src.former else ""
    sentence = " ".join(src.sentence.split())
    return f'"{sentence}" ({where}, chars {src.start}-{src.end}, {src.rule}{flags})'


def render(step: Step) -> str:
    """The explanation as an indented tree, one line per triple and per sentence."""
    lines: list[str] = []

    def head(st: Step) -> str:
        how = {"fact": "fact", "missing": "missing: rebuild"}.get(st.kind, f"inferred: {st.rule}")
        return f"{st.subject_name} {st.relation} {st.object_name}  ({how})"

    def walk(st: Step, prefix: str) -> None:
        children: list[tuple[str, Step | Source]] = [("p", p) for p in st.premises]
        children += [("s", s) for s in st.sources]
        for i, (_kind, child) in enumerate(children):
            last = i == len(children) - 1
            branch, more = ("└─ ", "   ") if last else ("├─ ", "│  ")
            if isinstance(child, Step):
                lines.append(prefix + branch + head(child))
                walk(child, prefix + more)
            else:
                lines.append(prefix + branch + _source_line(child))

    lines.append(head(step))
    walk(step, "")
    return "\n".join(lines)


def as_dict(step: Step) -> dict[str, Any]:
    """The explanation as JSON-ready nested dicts."""
    return {
        "subject": step.subject_name,
        "relation": step.relation,
        "object": step.object_name,
        "subject_iri": step.subject,
        "object_iri": step.object,
        "kind": step.kind,
        "rule": step.rule or None,
        "premises": [as_dict(p) for p in step.premises],
        "sources": [
            {
                "sentence": s.sentence, "article_id": s.article_id, "title": s.title,
                "url": s.url, "start": s.start, "end": s.end, "rule": s.rule,
                "former": s.former, "claim": s.claim,
            }
            for s in step.sources
        ],
    }  # fmt: skip
