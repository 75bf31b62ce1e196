"""Finding the people of one article and clustering their name mentions.

"Khloé Kardashian", "Khloe" and "Khloe's" become one person; "Kim
Kardashian" and "Khloe Kardashian" stay two; "Ken Griffey Jr." and "Ken
Griffey Sr." stay two. A short name joins the one longer name that contains
all its words; when several do, it joins the one mentioned last before it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from spacy.tokens import Doc, Span, Token

from kg.extract.lexicon import (
    HONORIFICS,
    MEDIA_OUTLETS,
    NAME_SUFFIXES,
    ROLE_NOUNS,
    TITLES,
    gender_of_word,
)

__all__ = ["Mention", "Person", "People", "find_people", "normalize"]

_OTHER_NAME_LABELS = {"", "GPE", "NORP", "ORG", "LOC", "PRODUCT", "WORK_OF_ART", "FAC"}


@cache
def first_name_genders() -> dict[str, str]:
    """Common first names and the gender most people with the name have
    (``first_names.tsv``, derived from nomquamgender; see its LICENSE file).

    Examples:
        >>> first_name_genders()["khloe"], "jordan" in first_name_genders()
        ('f', False)
    """
    text = (files("kg.extract") / "first_names.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t") for line in text.splitlines() if "\t" in line)


def normalize(text: str) -> str:
    """Accent-free, case-folded form of a name, for matching.

    Examples:
        >>> normalize("Khloé  Kardashian's")
        'khloe kardashian'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("\u2019", "'").removesuffix("'s").replace(".", "")
    return " ".join(text.split())


@dataclass(slots=True)
class Mention:
    """A name in the text: token span ``start:end`` and the person it names."""

    start: int
    end: int
    text: str
    person: int = -1


@dataclass(slots=True)
class Person:
    """One person of an article: a cluster of name mentions."""

    id: int
    name: str
    words: frozenset[str]
    suffix: str = ""
    gender: str | None = None  # what the article says: "Mr.", "his wife X", she
    hint: str | None = None  # what the first name suggests; weaker than ``gender``
    mentions: list[Mention] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)


@dataclass(slots=True)
class People:
    """The people of a document and the token -> person map of their mentions."""

    persons: list[Person]
    token_person: dict[int, int]

    def of_token(self, token: Token) -> Person | None:
        """The person a name token belongs to, if any."""
        pid = self.token_person.get(token.i)
        return self.persons[pid] if pid is not None else None


def _name_words(span: Span) -> tuple[list[str], str]:
    words, suffix = [], ""
    for tok in span:
        low = tok.lower_
        if low in NAME_SUFFIXES:
            suffix = low.rstrip(".")
        elif tok.is_alpha or "-" in tok.text or "." in tok.text or "'" in tok.text:
            words.append(normalize(tok.text))
    return [w for w in words if w], suffix


def _trim(span: Span) -> tuple[Span | None, str | None]:
    """Cut honorifics, kinship words and punctuation off a name span; return its gender hint."""
    doc, start, end, gender = span.doc, span.start, span.end, None
    while start < end and (
        doc[start].lower_ in HONORIFICS
        or doc[start].is_punct
        or doc[start].pos_ in {"DET", "PRON"}
        or (doc[start].lower_.removesuffix("s") in ROLE_NOUNS and end - start > 1)
        or (gender_of_word(doc[start].lower_) and doc[start].is_title and end - start > 1)
    ):
        gender = gender or HONORIFICS.get(doc[start].lower_) or gender_of_word(doc[start].lower_)
        start += 1
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].tag_ == "POS" or doc[end - 1].is_space
    ):
        end -= 1
    while end - start > 2 and doc[end - 1].is_upper and doc[end - 1].is_alpha and len(doc[end - 1]) <= 4:
        end -= 1  # post-nominal letters: "Geraldine Jebb CBE"
    for i in range(start, end - 1):  # "Dominic Reyes Jr. Lena": the name ends at its suffix
        if doc[i].lower_ in NAME_SUFFIXES:
            end = i + 1
            break
    if start >= end:
        return None, None
    return doc[start:end], gender


def _is_name(span: Span) -> bool:
    text = span.text
    if span.root.dep_ == "compound" and span.root.head.pos_ == "NOUN":
        return False  # "the Oscar winner", "the Kardashian clan"
    if normalize(text) in MEDIA_OUTLETS or any(c.isdigit() or c in "/@#|" for c in text):
        return False
    if span.end < len(span.doc) and span.doc[span.end].text in {"/", "@"}:
        return False  # a photo credit such as "KrisJenner/Instagram"
    if all(
        gender_of_word(t.lower_) or t.pos_ == "PRON" or t.lower_ in {"mom", "dad"} for t in span
    ):
        return False  # "Mom" is a kinship word used as a name: coreference handles it
    if len(span) == 1 and (span[0].lower_ in TITLES or span[0].lower_ in ROLE_NOUNS):
        return False  # "the first Baron's father", "the Queen"
    return any(t.text[:1].isupper() for t in span)


def _person_spans(doc: Doc, kin_words: set[str]) -> list[tuple[Span, str | None]]:
    """PERSON entities, plus names the small model mislabels (FAC, ORG, GPE...)
    when the grammar says they are people ("her brother, Jasper Calloway") or
    they share a word with a person's name."""
    people, others = [], []
    for ent in doc.ents:
        span, gender = _trim(_with_first_names(ent))
        if span is None or not _is_name(span):
            continue
        if ent.label_ == "PERSON":
            if _in_place(span):
                continue  # "a ceremony in Tuscany": a person is never a place
            people.append((span, gender))
        elif ent.label_ in _OTHER_NAME_LABELS and _looks_like_name(span):
            others.append((span, gender))
    covered = {i for span, _ in people + others for i in range(span.start, span.end)}
    for tok in doc:  # names NER missed entirely ("Sienna's daughter, Ivy")
        if tok.i not in covered and tok.pos_ == "PROPN" and tok.is_title and tok.ent_iob_ == "O":
            start = min([c.i for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok.i])
            span = doc[start : tok.i + 1]
            if _is_name(span) and _kin_attached(tok, kin_words):
                people.append((span, None))
    words = {w for span, _ in people for w in _name_words(span)[0]}
    changed = True
    while changed and others:
        changed = False
        for item in list(others):
            span = item[0]
            if _kin_attached(span.root, kin_words) or (words & set(_name_words(span)[0]) and len(span) > 1):
                people.append(item)
                others.remove(item)
                words |= set(_name_words(span)[0])
                changed = True
    return sorted(people, key=lambda sg: sg[0].start)


def _with_first_names(ent: Span) -> Span:
    """Widen an entity to the proper nouns NER left out before it: "Ivy [Marchetti]"."""
    start, doc = ent.start, ent.doc
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and (
        doc[start - 1].dep_ == "compound" and ent.start <= doc[start - 1].head.i < ent.end
    ):
        start -= 1
    return doc[start : ent.end]


def _in_place(span: Span) -> bool:
    """The name is the object of a place preposition: "in Tuscany", "at Chez Ivy"."""
    root = span.root
    while root.dep_ == "compound" and root.head.i != root.i:  # "at [Chez] Ivy"
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in {"in", "at", "near", "outside", "inside", "across"}


def _looks_like_name(span: Span) -> bool:
    """A short run of capitalised proper nouns, not preceded by "the"."""
    if len(span) > 4 or (span.start > 0 and span.doc[span.start - 1].lower_ == "the"):
        return False
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span)


def _kin_attached(root: Token, kin_words: set[str]) -> bool:
    """The grammar ties this name to a relation word: "her brother, X", "X's mother",
    "X is Y's mother", "the daughter of X", "his wife X", "X married Y", "married to X"."""

    def kin(tok: Token) -> bool:
        return tok.lower_ in kin_words or tok.lemma_.lower() in kin_words

    while root.dep_ == "conj" and root.head.i != root.i:
        if kin(root.head):  # "two children, Olivia and Daxten"
            return True
        root = root.head
    head = root.head
    if root.dep_ in {"appos", "poss", "compound"} and kin(head):
        return True
    if any(c.dep_ == "compound" and kin(c) for c in root.children):  # "three children - Alexis"
        return True
    if root.dep_ == "dobj" and head.lemma_ == "include":  # "His children included A, B and C"
        return any(c.dep_ in {"nsubj", "nsubjpass"} and kin(c) for c in head.children)
    if root.dep_ == "pobj" and head.lower_ == "of" and kin(head.head):
        return True
    if root.dep_ in {"nsubj", "nsubjpass"}:  # "X is Y's mother", "X married Y", "X is married to Y"
        return kin(head) or any(c.dep_ in {"attr", "acomp"} and kin(c) for c in head.children)
    if root.dep_ == "dobj" and head.pos_ == "VERB":
        return kin(head)
    if root.dep_ == "pobj" and head.lower_ in {"to", "with", "from"}:
        return kin(head.head)
    if root.dep_ == "attr" and head.lemma_ == "be":  # "His brother was X"
        return any(c.dep_ in {"nsubj", "nsubjpass"} and kin(c) for c in head.children)
    # "X, the daughter of Y" -- but not a place: "born in Munich, the third child of Y"
    in_place = root.dep_ == "pobj" and root.head.lower_ in {"in", "at", "near", "from", "to"}
    return not in_place and any(c.dep_ == "appos" and kin(c) for c in root.children)


def _surname(person: Person) -> str:
    return normalize(person.name).split()[-1]


def _join(
    persons: list[Person], words: set[str], suffix: str, before: int, first_seen: dict[int, int]
) -> Person | None:
    hits = [p for p in persons if words <= p.words and (not suffix or suffix == p.suffix)]
    # A bare surname before the full name names someone else: "Michie is the son of Donald Michie".
    hits = [p for p in hits if not (len(words) == 1 and before < first_seen.get(p.id, before) and _surname(p) in words)]
    if len(hits) > 1:  # "Carter" with Rufus and William Carter around: the one introduced first,
        seen = [p for p in hits if first_seen.get(p.id, -1) < before]  # usually the article's subject
        hits = sorted(seen or hits, key=lambda p: first_seen.get(p.id, -1))
    return hits[0] if hits else None


def find_people(doc: Doc, kin_words: set[str] = frozenset()) -> People:  # type: ignore[assignment]
    """Cluster the person mentions of ``doc`` into people.

    ``kin_words`` (the ontology's trigger words) let names that NER mislabels
    count as people when the grammar ties them to a kinship word.
    """
    spans = _person_spans(doc, set(kin_words))
    persons: list[Person] = []
    mentions: list[Mention] = []
    # Longest names first, so "Khloe" can join "Khloe Kardashian" wherever it stands.
    order = sorted(spans, key=lambda sg: (-len(_name_words(sg[0])[0]), sg[0].start))
    first_pos: dict[int, int] = {}
    for span, gender in order:
        words, suffix = _name_words(span)
        if not words:
            continue
        person = _join(persons, set(words), suffix, span.start, first_pos)
        if person is None:
            person = Person(len(persons), span.text, frozenset(words), suffix)
            persons.append(person)
        person.gender = person.gender or gender
        first_pos[person.id] = min(first_pos.get(person.id, span.start), span.start)
        mention = Mention(span.start, span.end, span.text, person.id)
        person.mentions.append(mention)
        mentions.append(mention)
    _add_mislabelled(doc, persons, mentions)
    persons, mentions = _link_identities(doc, persons, mentions)
    token_person: dict[int, int] = {}
    for m in mentions:
        for i in range(m.start, m.end):
            token_person[i] = m.person
    names = first_name_genders()
    for person in persons:
        person.mentions.sort(key=lambda m: m.start)
        person.aliases = {m.text for m in person.mentions} - {person.name}
        person.hint = names.get(normalize(person.name).split()[0])
    return People(persons, token_person)


_IDENTITY_MARKERS = [
    ("aka",), ("a.k.a.",), ("a.k.a",), ("also", "known", "as"), ("better", "known", "as"),
    ("known", "as"), ("née",), ("nee",), ("born",), ("formerly",), ("professionally", "known", "as"),
]  # fmt: skip


def _identity_after(doc: Doc, end: int) -> tuple[int, int] | None:
    """The span of a second name the text gives right after a name ending at
    ``end``: "X (Jenny)", "X, aka Slim Royale", "X (née Emma Reyes)", "X, born Grace Hayes"."""
    i = end
    if i < len(doc) and doc[i].text in {",", "("}:
        i += 1
    for marker in _IDENTITY_MARKERS:
        if [t.lower_ for t in doc[i : i + len(marker)]] == list(marker):
            i += len(marker)
            break
    else:
        if not (end < len(doc) and doc[end].text == "("):
            return None  # a bare comma is an apposition, not a second name
    start = i
    while i < len(doc) and i - start < 4 and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
        i += 1
    if i == start or (doc[end].text == "(" and (i >= len(doc) or doc[i].text != ")")):
        return None
    return start, i


def _link_identities(
    doc: Doc, persons: list[Person], mentions: list[Mention]
) -> tuple[list[Person], list[Mention]]:
    """Merge the names the text says belong to one person (nicknames, stage,
    maiden and birth names); renumber the people."""
    owner = {i: m.person for m in mentions for i in range(m.start, m.end)}
    merged: dict[int, int] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        span = _identity_after(doc, m.end)
        if span is None:
            continue
        first = merged.get(m.person, m.person)
        other = next((owner[i] for i in range(*span) if i in owner), None)
        if other is not None and doc[span[0] : span[1]].text not in {x.text for x in persons[other].mentions}:
            extra = Mention(span[0], span[1], doc[span[0] : span[1]].text, other)  # "King Kash", not just "Kash"
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


def _add_mislabelled(doc: Doc, persons: list[Person], mentions: list[Mention]) -> None:
    """Take proper nouns that NER labelled a place or group ("Lamar" as GPE) when
    they repeat a word of exactly one person's name."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for tok in doc:
        if (
            tok.i in taken
            or tok.pos_ != "PROPN"
            or not tok.is_title
            or tok.ent_type_ not in _OTHER_NAME_LABELS
        ):
            continue
        if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children):
            continue  # part of a longer name: "Ivy Marchetti" is not "Theo Marchetti"
        if tok.dep_ == "compound" and tok.head.pos_ != "PROPN":
            continue  # "the Kardashian clan"
        if any(t.text in {"/", "@"} for t in doc[max(tok.i - 1, 0) : tok.i + 2]):
            continue  # "the Kardashian/Jenner clan", a credit line
        if tok.ent_type_ and any(
            t.i != tok.i
            and t.ent_iob_ != "O"
            and t.ent_type_ == tok.ent_type_
            and abs(t.i - tok.i) == 1
            for t in doc[max(tok.i - 1, 0) : tok.i + 2]
        ):
            continue  # part of a longer place or organisation name
        word = normalize(tok.text)
        hits = [p for p in persons if word in p.words]
        if len(hits) == 1 and word not in MEDIA_OUTLETS:
            mention = Mention(tok.i, tok.i + 1, tok.text, hits[0].id)
            hits[0].mentions.append(mention)
            mentions.append(mention)
