"""Wikidata QuickStatements (V1, tab-separated) for people that carry a Wikidata id.

Only relations that Wikidata has a property for, between two people with an
item id (``Store.wikidata_ids``), backed by an asserted, non-hedged claim of
an article with a usable URL, which becomes the reference (``S854``). A former
relation gets an end time (``P582``: the claim's end year, else
``somevalue``). Everything else is counted in ``omitted`` by reason.

Article text never reaches the output: the only strings written are item
ids, property ids, times and URLs that match a strict pattern (QuickStatements
has no escaping, so a quote or tab in a URL could add statements).

Examples:
    >>> rels = [{"subject": "ex:k", "relation": "motherOf", "object": "ex:c", "fact": True,
    ...          "evidence": [{"negated": False, "hedged": False, "former": False,
    ...                        "url": "https://example.com/a", "start_time": None,
    ...                        "end_time": None}]}]
    >>> lines, omitted = quickstatements(rels, {"ex:k": "Q1", "ex:c": "Q2"}, people=2)
    >>> lines
    ['Q2\\tP25\\tQ1\\tS854\\t"https://example.com/a"']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["WIKIDATA_PROPERTIES", "quickstatements", "usable_url"]

#: relation -> (Wikidata property, direction): "forward" is subject P object,
#: "backward" object P subject, "both" both ways (a symmetric relation)
WIKIDATA_PROPERTIES: dict[str, tuple[str, str]] = {
    "spouseOf": ("P26", "both"),
    "partnerOf": ("P451", "both"),
    "siblingOf": ("P3373", "both"),
    "relativeOf": ("P1038", "both"),
    "parentOf": ("P40", "forward"),
    "childOf": ("P40", "backward"),
    "motherOf": ("P25", "backward"),
    "fatherOf": ("P22", "backward"),
}
_URL = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+\Z")
_YEAR = re.compile(r"(-?)([0-9]{4})\Z")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")


def usable_url(url: str) -> bool:
    """True for an http(s) URL made only of URL characters (no quote, space, tab or newline).

    Examples:
        >>> usable_url("https://example.com/a?b=1"), usable_url('https://x.org/"\\tQ1')
        (True, False)
    """
    return bool(_URL.match(url)) and len(url) < 2000


def _time(value: str | None) -> str | None:
    """A QuickStatements time (``+2016-00-00T00:00:00Z/9``) or None."""
    if not value:
        return None
    m = _YEAR.match(value)
    if m:
        return f"{m.group(1) or '+'}{m.group(2)}-00-00T00:00:00Z/9"
    m = _DATE.match(value)
    if m:
        return f"+{m.group(1)}-{m.group(2)}-{m.group(3)}T00:00:00Z/11"
    return None


def quickstatements(
    relations: Iterable[Mapping[str, Any]], ids: Mapping[str, str], people: int
) -> tuple[list[str], Counter[str]]:
    """The QuickStatements lines for ``relations`` (``Store.relations()`` entries).

    Args:
        relations: every relation, with its evidence.
        ids: entity IRI -> Wikidata item id.
        people: how many people the graph has (those without an id are counted).

    Returns:
        The lines (sorted, without duplicates) and the omitted counts by reason:
        ``people without a Wikidata id``, ``relations negated or hedged``,
        ``relations without a Wikidata property``, ``relations between people
        without a Wikidata id``, ``relations without a usable article URL``.
    """
    omitted: Counter[str] = Counter()
    omitted["people without a Wikidata id"] = max(people - len(ids), 0)
    lines: set[str] = set()
    for rel in relations:
        support = [e for e in rel["evidence"] if not e["negated"] and not e["hedged"]]
        if not support:
            omitted["relations negated or hedged"] += 1
            continue
        if rel["relation"] not in WIKIDATA_PROPERTIES:
            omitted["relations without a Wikidata property"] += 1
            continue
        s, o = ids.get(rel["subject"]), ids.get(rel["object"])
        if not s or not o:
            omitted["relations between people without a Wikidata id"] += 1
            continue
        prop, direction = WIKIDATA_PROPERTIES[rel["relation"]]
        pairs = {"forward": [(s, o)], "backward": [(o, s)], "both": [(s, o), (o, s)]}[direction]
        referenced = [e for e in support if usable_url(e.get("url") or "")]
        if not referenced:
            omitted["relations without a usable article URL"] += 1
            continue
        for ev in referenced:
            qualifiers = []
            start = _time(ev.get("start_time"))
            if start:
                qualifiers += ["P580", start]
            if ev.get("former"):
                qualifiers += ["P582", _time(ev.get("end_time")) or "somevalue"]
            for a, b in pairs:
                lines.add("\t".join([a, prop, b, *qualifiers, "S854", f'"{ev["url"]}"']))
    return sorted(lines), omitted
