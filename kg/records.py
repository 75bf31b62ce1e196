"""The JSON Lines records of DESIGN §6: what ``kg extract --format jsonl`` prints.

One ``relation`` record per claim, then one ``entity`` record per person of the
article. ``kg extract`` prints them and ``kg eval`` hands them to the referee,
so both read the same records.

Examples:
    >>> from kg.model import Article, Claim, Entity, Evidence, Extraction
    >>> ev = Evidence("a1", "Kris Jenner is the mother of Khloe Kardashian.", 0, 46)
    >>> claim = Claim("Kris Jenner", "motherOf", "Khloe Kardashian", ev, "prepositional-kin.v1")
    >>> kris = Entity("Kris Jenner", aliases=("Kris",))
    >>> ex = Extraction(Article("a1", ev.sentence), (kris,), (claim,))
    >>> [(r["kind"], r.get("relation"), r.get("name")) for r in extraction_records(ex)]
    [('relation', 'motherOf', None), ('entity', None, 'Kris Jenner')]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kg.model import Claim, Entity, Extraction

__all__ = ["relation_record", "entity_record", "extraction_records"]


def relation_record(doc: str, c: Claim) -> dict[str, Any]:
    """The record of one claim read from article ``doc``."""
    return {
        "kind": "relation",
        "doc": doc,
        "subject": c.subject,
        "relation": c.relation,
        "object": c.object,
        "former": c.former,
        "negated": c.negated,
        "hedged": c.hedged,
        "confidence": c.confidence,
        "evidence": c.evidence.sentence,
        "start": c.evidence.start,
        "end": c.evidence.end,
        "rule": c.rule,
        "start_time": c.start,
        "end_time": c.end,
    }


def entity_record(doc: str, e: Entity) -> dict[str, Any]:
    """The record of one person (or other entity) of article ``doc``."""
    return {
        "kind": "entity",
        "doc": doc,
        "name": e.name,
        "type": e.type,
        "aliases": list(e.aliases),
    }


def extraction_records(ex: Extraction) -> Iterator[dict[str, Any]]:
    """Every record of one article: its relations, then its entities."""
    for c in ex.claims:
        yield relation_record(ex.article.id, c)
    for e in ex.entities:
        yield entity_record(ex.article.id, e)
