"""Names the text says belong to one person: nicknames, stage, maiden and birth names.

"Jennifer Castellano (Jenny)", "Andre Whitman, aka Slim Royale", "Emma
Castillo (née Emma Reyes)", "Grace Whitfield, born Grace Hayes", "Lisa Halaby, who
took the name Queen Noor".
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.mentions import Mention, Person

__all__ = ["identity_after", "link_identities"]

_IDENTITY_MARKERS = [
    ("aka",), ("a.k.a.",), ("a.k.a",), ("also", "known", "as"), ("better", "known", "as"),
    ("professionally", "known", "as"), ("known", "as"), ("née",), ("nee",), ("born",),
    ("formerly",), ("who", "took", "the", "name"), ("who", "became", "known", "as"),
]  # fmt: skip


_MARKER_STARTS = {marker[0] for marker in _IDENTITY_MARKERS}
_MARKER_ENDS = {marker[-1] for marker in _IDENTITY_MARKERS}


def identity_after(doc: Doc, end: int) -> tuple[int, int] | None:
    """The span of a second name the text gives right after a name ending at
    ``end``: "X (Jenny)", "X, aka Slim Royale", "X (née Emma Reyes)", "X, born Grace Hayes"."""
    i = end
    if i < len(doc) and doc[i].text in {",", "("}:
        i += 1
    starts = i < len(doc) and doc[i].lower_ in _MARKER_STARTS
    for marker in _IDENTITY_MARKERS if starts else ():
        if [t.lower_ for t in doc[i : i + len(marker)]] == list(marker):
            i += len(marker)
            break
    else:
        if not (end < len(doc) and doc[end].text == "("):
            return None  # a bare comma is an apposition, not a second name
    start = i
    while i < len(doc) and i - start < 4 and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
        i += 1
    closes = {")", ";", ","} if i > start and doc[start - 1].lower_ in _MARKER_ENDS else {")"}
    if i == start or (doc[end].text == "(" and (i >= len(doc) or doc[i].text not in closes)):
        return None  # "X (born Jatin Khanna; 29 December 1942 - ...)" ends at ";"
    return start, i


def link_identities(
    doc: Doc, persons: list[Person], mentions: list[Mention]
) -> tuple[list[Person], list[Mention]]:
    """Merge the names the text says belong to one person (nicknames, stage,
    maiden and birth names); renumber the people."""
    owner = {i: m.person for m in mentions for i in range(m.start, m.end)}
    merged: dict[int, int] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        span = identity_after(doc, m.end)
        if span is None:
            continue
        first = merged.get(m.person, m.person)
        other = next((owner[i] for i in range(*span) if i in owner), None)
        if other is not None and other != first and span[1] - span[0] < len(persons[other].words):
            _take(persons, mentions, span, other, first)  # "X (née Fairweather)": not the
            continue  # father Arthur Fairweather, only his surname
        if other is not None and doc[span[0] : span[1]].text not in {
            x.text for x in persons[other].mentions
        }:
            extra = Mention(
                span[0], span[1], doc[span[0] : span[1]].text, other
            )  # "King Kash", not just "Kash"
            persons[other].mentions.append(extra)
            mentions.append(extra)
        if other is not None and merged.get(other, other) != first:
            merged[other] = first
            for key, val in merged.items():
                merged[key] = first if val == other else val
        elif other is None:
            extra = Mention(span[0], span[1], doc[span[0] : span[1]].text, first)
            persons[first].mentions.append(extra)
            mentions.append(extra)
    if not merged:
        return persons, mentions
    for m in mentions:
        m.person = merged.get(m.person, m.person)
    keep = [p for p in persons if p.id not in merged]
    renumber = {p.id: n for n, p in enumerate(keep)}
    for p in persons:
        if p.id in merged:
            target = persons[merged[p.id]]
            target.words |= p.words
            target.gender = target.gender or p.gender
    for n, p in enumerate(keep):
        p.id = n
        p.mentions = [m for m in mentions if renumber[m.person] == n]
    for m in mentions:
        m.person = renumber[m.person]
    return keep, mentions


def _take(
    persons: list[Person], mentions: list[Mention], span: tuple[int, int], other: int, first: int
) -> None:
    """Give the mentions inside ``span`` from person ``other`` to person ``first``."""
    for m in mentions:
        if m.person == other and span[0] <= m.start and m.end <= span[1]:
            persons[other].mentions.remove(m)
            m.person = first
            persons[first].mentions.append(m)
