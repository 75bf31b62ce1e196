"""Claims to RDF: the IRIs of the graph and the quads of one article's named graph.

Everything here is deterministic: the same ``Extraction`` always gives the same
quads, so storing an article twice changes nothing. Terms are pyoxigraph terms
(the store writes them straight into Oxigraph); ``kg.store`` reads them back.

Examples:
    >>> entity_iri("Kris Jenner", "a1")
    'https://celebrity-kg.org/person/kris-jenner'
    >>> article_graph_iri("seeds/kris.txt")
    'https://celebrity-kg.org/graph/article/seeds%2Fkris.txt'
    >>> article_id_of_graph(article_graph_iri("seeds/kris.txt"))
    'seeds/kris.txt'
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from decimal import Decimal
from urllib.parse import quote, unquote

import pyoxigraph as ox

from kg.model import Claim, Entity, Extraction
from kg.ontology import CKG, Vocabulary
from kg.reason import Derivation, Triple

__all__ = [
    "BASE",
    "GRAPH_FACTS",
    "GRAPH_INFERENCES",
    "GRAPH_LINKS",
    "GRAPH_STATE",
    "ARTICLE_GRAPH_PREFIX",
    "STAGING_GRAPH_PREFIX",
    "PREFIXES",
    "entity_iri",
    "slug",
    "article_iri",
    "article_graph_iri",
    "staging_graph_iri",
    "article_id_of_graph",
    "claim_iri",
    "statement_iri",
    "rule_iri",
    "class_iri",
    "relation_iri",
    "extraction_quads",
    "input_key",
    "facts_quads",
    "inference_quads",
    "normalise",
    "lexical_decimal",
]

BASE = "https://celebrity-kg.org/"
GRAPH_FACTS = BASE + "graph/facts"
GRAPH_INFERENCES = BASE + "graph/inferences"
#: the user's links (``skos:exactMatch wd:Q...``); never recomputed
GRAPH_LINKS = BASE + "graph/links"
#: holds one "facts are stale" marker between ``add``/``remove`` and ``recompute``
GRAPH_STATE = BASE + "graph/state"
ARTICLE_GRAPH_PREFIX = BASE + "graph/article/"
#: where ``add`` writes an article before moving it into place in one transaction
STAGING_GRAPH_PREFIX = BASE + "graph/staging/"

PREFIXES: dict[str, str] = {
    "ckg": str(CKG),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "wdt": "http://www.wikidata.org/prop/direct/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "oa": "http://www.w3.org/ns/oa#",
    "dcterms": "http://purl.org/dc/terms/",
}

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")  # a safe local name for ckg:<name>
_YEAR = re.compile(r"-?[0-9]{4}\Z")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def _n(prefix: str, local: str) -> ox.NamedNode:
    return ox.NamedNode(PREFIXES[prefix] + local)


def _hash(*parts: object, size: int = 24) -> str:
    data = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha1(data.encode("utf-8")).hexdigest()[:size]


def slug(name: str) -> str:
    """The IRI-safe, accent- and case-insensitive key of a name.

    Examples:
        >>> slug("Beyoncé Knowles-Carter")
        'beyonce-knowles-carter'
        >>> slug("  KHLOÉ  ")
        'khloe'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[\W_]+", "-", text).strip("-")
    return quote(text, safe="-")


def entity_iri(name: str, article_id: str, type: str = "Person") -> str:  # noqa: A002
    """The deterministic IRI of a named entity.

    Names of two or more words merge across articles. A single word ("Khloe")
    is ambiguous, so it stays local to its article: the slug gets the first 8
    hex digits of the SHA-1 of the article id.

    Examples:
        >>> entity_iri("Khloé Kardashian", "a1") == entity_iri("khloe kardashian", "a2")
        True
        >>> entity_iri("Khloe", "a1")
        'https://celebrity-kg.org/person/khloe--f29bc91b'
        >>> entity_iri("Vogue Magazine", "a1", type="MediaOutlet")
        'https://celebrity-kg.org/entity/vogue-magazine'
    """
    if not name.strip():
        raise ValueError("an entity needs a non-empty name")
    key = slug(name)
    if not key:  # no letters or digits at all: key on the exact name
        key = "x" + _hash(name, size=12)
    if len(key.split("-")) < 2:
        key += "--" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:8]
    kind = "person" if type == "Person" else "entity"
    return f"{BASE}{kind}/{key}"


def article_iri(article_id: str) -> str:
    """The IRI of the article node (``ckg:Article``)."""
    return BASE + "article/" + quote(article_id, safe="")


def article_graph_iri(article_id: str) -> str:
    """The IRI of the named graph holding one article's claims."""
    return ARTICLE_GRAPH_PREFIX + quote(article_id, safe="")


def staging_graph_iri(article_id: str) -> str:
    """The scratch graph ``add`` fills before moving it over the article graph."""
    return STAGING_GRAPH_PREFIX + quote(article_id, safe="")


def article_id_of_graph(graph: str) -> str | None:
    """The article id of an article graph IRI, or None for any other graph."""
    if not graph.startswith(ARTICLE_GRAPH_PREFIX):
        return None
    return unquote(graph[len(ARTICLE_GRAPH_PREFIX) :])


def claim_iri(article_id: str, claim: Claim) -> str:
    """The deterministic IRI of a claim node: a hash of everything the claim says."""
    ev = claim.evidence
    return (
        BASE
        + "claim/"
        + _hash(
            article_id,
            claim.subject,
            claim.relation,
            claim.object,
            ev.start,
            ev.end,
            ev.sentence,
            claim.rule,
            claim.former,
            claim.negated,
            claim.hedged,
            claim.start,
            claim.end,
            lexical_decimal(claim.confidence),
        )
    )


def statement_iri(subject: str, relation: str, obj: str) -> str:
    """The IRI of the reified statement ``subject ckg:relation obj`` (a premise or an inference)."""
    return BASE + "statement/" + _hash(subject, relation, obj)


def rule_iri(rule: str) -> str:
    """The IRI naming an inference rule, e.g. ``.../rule/grandparent.v1``."""
    return BASE + "rule/" + quote(rule, safe="")


def class_iri(type_name: str) -> str:
    """``ckg:<type>`` for an ``Entity.type`` such as ``Person``."""
    if not _NAME.match(type_name):
        raise ValueError(f"entity type {type_name!r} is not a class name such as Person")
    return str(CKG) + type_name


def relation_iri(relation: str) -> str:
    """``ckg:<relation>`` for a relation local name such as ``motherOf``."""
    if not _NAME.match(relation):
        raise ValueError(f"relation {relation!r} is not a local name such as motherOf")
    return str(CKG) + relation


def lexical_decimal(value: float) -> str:
    """An ``xsd:decimal`` lexical form (never an exponent).

    Examples:
        >>> lexical_decimal(0.9), lexical_decimal(1e-7), lexical_decimal(1)
        ('0.9', '0.0000001', '1')
    """
    text = format(Decimal(repr(float(value))), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _string(value: str) -> ox.Literal:
    return ox.Literal(value)


def _time(value: str) -> ox.Literal:
    """A year as ``xsd:gYear``, an ISO date as ``xsd:date``, anything else as a string."""
    if _YEAR.match(value):
        return ox.Literal(value, datatype=_n("xsd", "gYear"))
    if _DATE.match(value):
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return ox.Literal(value)
        return ox.Literal(value, datatype=_n("xsd", "date"))
    return ox.Literal(value)


def _entities(extraction: Extraction) -> list[Entity]:
    """The article's entities plus any claim participant the extractor did not list."""
    entities = {e.name: e for e in extraction.entities}
    for claim in extraction.claims:
        for name in (claim.subject, claim.object):
            entities.setdefault(name, Entity(name))
    return [entities[name] for name in sorted(entities)]


def input_key(origin: str) -> str:
    """The key of an input file in the store: a hash, so no local path leaks into exports.

    Examples:
        >>> input_key("/home/me/seeds/a.txt") == input_key("/home/me/seeds/a.txt")
        True
        >>> len(input_key("/home/me/seeds/a.txt"))
        16
    """
    return _hash(ascii(origin), size=16)  # ascii(): a path may hold undecodable bytes


def extraction_quads(
    extraction: Extraction, graph: str | None = None, digest: str = ""
) -> list[ox.Quad]:
    """Every quad of one article's claims graph.

    Args:
        extraction: what was read from the article.
        graph: the graph to put the quads in; by default the article graph.
        digest: the article's ``ckg:digest`` (see ``kg.pipeline``), if any.

    Examples:
        >>> from kg.model import Article, Claim, Evidence, Extraction
        >>> ev = Evidence("a1", "Kris is Khloe's mom.", 0, 20)
        >>> c = Claim("Kris Jenner", "motherOf", "Khloe Kardashian", ev, rule="possessive-kin.v1")
        >>> quads = extraction_quads(Extraction(Article("a1", ev.sentence), claims=(c,)))
        >>> len(quads), {q.graph_name.value for q in quads} == {article_graph_iri("a1")}
        (27, True)
    """
    art = extraction.article
    g = ox.NamedNode(graph or article_graph_iri(art.id))
    a = ox.NamedNode(article_iri(art.id))
    rdf_type = _n("rdf", "type")
    quads: list[ox.Quad] = [
        ox.Quad(a, rdf_type, _n("ckg", "Article"), g),
        ox.Quad(a, _n("dcterms", "identifier"), _string(art.id), g),
    ]
    if art.title:
        quads.append(ox.Quad(a, _n("dcterms", "title"), _string(art.title), g))
    if art.url:
        quads.append(ox.Quad(a, _n("schema", "url"), _string(art.url), g))
    if art.published:
        quads.append(ox.Quad(a, _n("dcterms", "date"), _time(art.published), g))
    if digest:
        quads.append(ox.Quad(a, _n("ckg", "digest"), _string(digest), g))
    if art.origin:
        quads.append(ox.Quad(a, _n("ckg", "inputKey"), _string(input_key(art.origin)), g))

    iris: dict[str, ox.NamedNode] = {}
    for entity in _entities(extraction):
        e = ox.NamedNode(entity_iri(entity.name, art.id, entity.type))
        iris[entity.name] = e
        quads += [
            ox.Quad(a, _n("schema", "mentions"), e, g),
            ox.Quad(e, rdf_type, ox.NamedNode(class_iri(entity.type)), g),
            ox.Quad(e, _n("rdfs", "label"), _string(entity.name), g),
        ]
        for alias in sorted(set(entity.aliases) - {entity.name, ""}):
            quads.append(ox.Quad(e, _n("skos", "altLabel"), _string(alias), g))

    for claim in dict.fromkeys(extraction.claims):  # drop exact duplicates, keep order
        quads += _claim_quads(claim, art.id, iris, a, g)
    return quads


def _claim_quads(
    claim: Claim, article_id: str, iris: dict[str, ox.NamedNode], a: ox.NamedNode, g: ox.NamedNode
) -> Iterable[ox.Quad]:
    c_iri = claim_iri(article_id, claim)
    c = ox.NamedNode(c_iri)
    pos, quote_ = ox.NamedNode(c_iri + "#position"), ox.NamedNode(c_iri + "#quote")
    ev = claim.evidence
    xsd_int = _n("xsd", "integer")
    triples = [
        (c, _n("rdf", "type"), _n("ckg", "Claim")),
        (c, _n("rdf", "type"), _n("rdf", "Statement")),
        (c, _n("rdf", "subject"), iris[claim.subject]),
        (c, _n("rdf", "predicate"), ox.NamedNode(relation_iri(claim.relation))),
        (c, _n("rdf", "object"), iris[claim.object]),
        (c, _n("ckg", "status"), _string(claim.status)),
        (c, _n("ckg", "polarity"), _string("negated" if claim.negated else "asserted")),
        (c, _n("ckg", "modality"), _string("hedged" if claim.hedged else "stated")),
        (
            c,
            _n("ckg", "confidence"),
            ox.Literal(lexical_decimal(claim.confidence), datatype=_n("xsd", "decimal")),
        ),
        (c, _n("ckg", "rule"), _string(claim.rule)),
        (c, _n("ckg", "sentence"), _string(ev.sentence)),
        (c, _n("prov", "wasDerivedFrom"), a),
        (c, _n("oa", "hasSelector"), pos),
        (c, _n("oa", "hasSelector"), quote_),
        (pos, _n("rdf", "type"), _n("oa", "TextPositionSelector")),
        (pos, _n("oa", "start"), ox.Literal(str(ev.start), datatype=xsd_int)),
        (pos, _n("oa", "end"), ox.Literal(str(ev.end), datatype=xsd_int)),
        (quote_, _n("rdf", "type"), _n("oa", "TextQuoteSelector")),
        (quote_, _n("oa", "exact"), _string(ev.sentence)),
    ]
    if claim.start is not None:
        triples.append((c, _n("ckg", "startTime"), _time(claim.start)))
    if claim.end is not None:
        triples.append((c, _n("ckg", "endTime"), _time(claim.end)))
    return [ox.Quad(s, p, o, g) for s, p, o in triples]  # type: ignore[arg-type]


def normalise(s: str, relation: str, o: str, vocab: Vocabulary) -> Triple | None:
    """A relation triple as the facts graph keeps it, or None for a self-loop.

    A symmetric relation is kept in one direction only, the smaller IRI first
    (the inferences graph adds the other).

    Examples:
        >>> from kg.ontology import load_vocabulary
        >>> normalise("b", "spouseOf", "a", load_vocabulary())
        ('a', 'spouseOf', 'b')
        >>> normalise("b", "motherOf", "a", load_vocabulary())
        ('b', 'motherOf', 'a')
    """
    if s == o:
        return None
    rel = vocab.relations.get(relation)
    if rel is not None and rel.symmetric and o < s:
        s, o = o, s
    return s, relation, o


def facts_quads(
    labels: Mapping[str, Mapping[str, int]],
    types: Mapping[str, Collection[str]],
    aliases: Mapping[str, Collection[str]],
    support: Mapping[Triple, Collection[str]],
) -> list[ox.Quad]:
    """The facts graph: entities, then one direct triple per supported relation.

    Args:
        labels: entity IRI -> label -> in how many articles it is the label. The
            most used label wins (ties: the first in sort order); the others
            become aliases.
        types: entity IRI -> class IRIs.
        aliases: entity IRI -> aliases from every article.
        support: normalised ``(subject, relation, object)`` -> supporting claim IRIs.
    """
    g = ox.NamedNode(GRAPH_FACTS)
    quads: list[ox.Quad] = []
    for e, counts in sorted(labels.items()):
        name = min(counts, key=lambda lab: (-counts[lab], lab))
        node = ox.NamedNode(e)
        quads.append(ox.Quad(node, _n("rdfs", "label"), ox.Literal(name), g))
        for t in sorted(types.get(e, ())):
            quads.append(ox.Quad(node, _n("rdf", "type"), ox.NamedNode(t), g))
        for alias in sorted((set(aliases.get(e, ())) | set(counts)) - {name}):
            quads.append(ox.Quad(node, _n("skos", "altLabel"), ox.Literal(alias), g))
    for s, rel, o in sorted(support):
        quads.append(ox.Quad(ox.NamedNode(s), ox.NamedNode(relation_iri(rel)), ox.NamedNode(o), g))
    return quads


def _statement(triple: Triple, g: ox.NamedNode) -> tuple[ox.NamedNode, list[ox.Quad]]:
    s, rel, o = triple
    node = ox.NamedNode(statement_iri(s, rel, o))
    return node, [
        ox.Quad(node, _n("rdf", "type"), _n("rdf", "Statement"), g),
        ox.Quad(node, _n("rdf", "subject"), ox.NamedNode(s), g),
        ox.Quad(node, _n("rdf", "predicate"), ox.NamedNode(relation_iri(rel)), g),
        ox.Quad(node, _n("rdf", "object"), ox.NamedNode(o), g),
    ]


def inference_quads(
    derived: Mapping[Triple, Derivation], support: Mapping[Triple, Collection[str]]
) -> list[ox.Quad]:
    """The inferences graph: each inferred triple, directly and explained.

    The explanation of ``s p o`` is its statement node (``statement_iri``), a
    ``ckg:Inference`` with ``prov:wasGeneratedBy`` the rule and
    ``prov:wasDerivedFrom`` the statement node of each premise. A premise that
    is itself inferred is explained the same way; a premise that is a fact gets
    a plain ``rdf:Statement`` node with ``prov:wasDerivedFrom`` its claims.
    """
    g = ox.NamedNode(GRAPH_INFERENCES)
    derived_from = _n("prov", "wasDerivedFrom")
    quads: list[ox.Quad] = []
    explained: set[Triple] = set()
    for triple, derivation in sorted(derived.items()):
        s, rel, o = triple
        quads.append(ox.Quad(ox.NamedNode(s), ox.NamedNode(relation_iri(rel)), ox.NamedNode(o), g))
        node, reified = _statement(triple, g)
        quads += reified
        quads.append(ox.Quad(node, _n("rdf", "type"), _n("ckg", "Inference"), g))
        rule = ox.NamedNode(rule_iri(derivation.rule))
        quads.append(ox.Quad(node, _n("prov", "wasGeneratedBy"), rule, g))
        for premise in derivation.premises:
            premise_node, reified = _statement(premise, g)
            quads.append(ox.Quad(node, derived_from, premise_node, g))
            if premise in support and premise not in explained:
                explained.add(premise)
                quads += reified
                for claim in sorted(support[premise]):
                    quads.append(ox.Quad(premise_node, derived_from, ox.NamedNode(claim), g))
    return quads
