"""Clustering the name mentions of one article into people.

"Khloé Kardashian", "Khloe" and "Khloe's" become one person; "Kim
Kardashian" and "Khloe Kardashian" stay two; "Ken Griffey Jr." and "Ken
Griffey Sr." stay two. A short name joins the one longer name that contains
all its words; when several do, the one introduced first (usually the
article's subject). A surname or shorter name before the full name is someone else.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.identities import link_identities
from kg.extract.leads import NAME_PARTICLES
from kg.extract.lexicon import MEDIA_OUTLETS
from kg.extract.mentions import Mention, People, Person
from kg.extract.names import (
    OTHER_NAME_LABELS,
    first_name_genders,
    name_words,
    normalize,
    person_spans,
)
from kg.extract.syntax import CHILD_NOUNS, tokens_of

__all__ = ["Mention", "Person", "People", "find_people", "normalize"]

_PLACE_PREPS = {"in", "at", "to", "from", "near", "across", "outside", "inside"}


def _surname(person: Person) -> str:
    return normalize(person.name).split()[-1]


def _join(
    persons: list[Person], words: set[str], suffix: str, before: int, first_seen: dict[int, int]
) -> Person | None:
    hits = [p for p in persons if words <= p.words and (not suffix or suffix == p.suffix)]
    # A surname, or a shorter full name, said before the longer name names someone else:
    # "Michie is the son of Donald Michie", "Luis Roche ... their son Luis Armando Roche".
    hits = [
        p
        for p in hits
        if not (before < first_seen.get(p.id, before) and (len(words) > 1 or _surname(p) in words))
    ]
    if len(hits) > 1:  # "Carter" with Rufus and William Carter around: the one introduced first,
        seen = [
            p for p in hits if first_seen.get(p.id, -1) < before
        ]  # usually the article's subject
        hits = sorted(seen or hits, key=lambda p: first_seen.get(p.id, -1))
    return hits[0] if hits else None


def find_people(doc: Doc, kin_words: set[str] = frozenset()) -> People:  # type: ignore[assignment]
    """Cluster the person mentions of ``doc`` into people.

    ``kin_words`` (the ontology's trigger words) let names that NER mislabels
    count as people when the grammar ties them to a kinship word.
    """
    spans = person_spans(doc, set(kin_words))
    persons: list[Person] = []
    mentions: list[Mention] = []
    # Longest names first, so "Khloe" can join "Khloe Kardashian" wherever it stands.
    order = sorted(spans, key=lambda sg: (-len(name_words(sg[0])[0]), sg[0].start))
    first = min(spans, key=lambda sg: sg[0].start)[0] if spans else None
    subject = set(name_words(first)[0]) if first is not None else set()  # the article's
    family = normalize(first.text).split()[-1] if first is not None else ""
    first_pos: dict[int, int] = {}
    for span, gender in order:
        words, suffix = name_words(span)
        if not words:
            continue
        suffix = suffix or _seniority(span)
        alone = len(words) == 1 and _named_as_parent(span)  # "X Y is the son of Y": not X Y
        person = None if alone else _join(persons, set(words), suffix, span.start, first_pos)
        if (
            person is not None
            and _named_by_kin(span, kin_words)
            and (
                (len(span) > 1 and person.words != set(words))
                or (len(words) == 1 and _named_earlier_in_sentence(person, span))
                or (len(words) == 1 and _child_named_like_elder(span, person, doc))
            )
        ):  # "Ahmad Shah Massoud ... one son, Ahmad Massoud", "Rory X married Y; their
            person = None  # son, Rory, was born in 2022": someone else
        if person is not None and len(words) == 1 and _list_surname(span) - person.words:
            person = None  # "Javier, Inés and Álvaro Ortega Villalba": not Javier Ortega Salcedo
        if (
            person is not None
            and len(words) == 1
            and len(person.words) > 1
            and (_surname(person) != family or person.words == subject)
            and (_listed_as_kin(span, kin_words) or _named_by_kin(span, kin_words))
        ):  # "thirteen children, among them Sergei, Tatyana": not Sergei Yesenin; "Carlos
            person = None  # Slim ... six children: Carlos, Marco Antonio": not the father
        if person is None:
            person = Person(len(persons), span.text, frozenset(words), suffix)
            persons.append(person)
        person.gender = person.gender or gender
        first_pos[person.id] = min(first_pos.get(person.id, span.start), span.start)
        mention = Mention(span.start, span.end, span.text, person.id)
        person.mentions.append(mention)
        mentions.append(mention)
    _add_mislabelled(doc, persons, mentions)
    persons, mentions = link_identities(doc, persons, mentions)
    token_person: dict[int, int] = {}
    for m in mentions:
        for i in range(m.start, m.end):
            token_person[i] = m.person
        after = doc[m.end] if m.end < len(doc) else None
        if (  # post-nominal letters the name left out carry its grammar: "Jebb CBE (...) was"
            after is not None
            and after.is_upper
            and after.is_alpha
            and len(after) <= 4
            and doc[m.end - 1].head.i == after.i
        ):
            token_person.setdefault(after.i, m.person)
    names = first_name_genders()
    for person in persons:
        person.mentions.sort(key=lambda m: m.start)
        person.aliases = {m.text for m in person.mentions} - {person.name}
        person.hint = names.get(normalize(person.name).split()[0])
    return People(persons, token_person)


def _named_earlier_in_sentence(person: Person, span: Span) -> bool:
    sent = span.sent
    return any(sent.start <= m.start < span.start for m in person.mentions)


def _list_surname(span: Span) -> set[str]:
    """The surname a list of first names shares, written on its last name:
    "Javier, Inés and Álvaro Ortega Villalba" gives {"ortega", "villalba"}."""
    doc, runs, i = span.doc, [[span.root]], span.end
    while i < len(doc) and (doc[i].text in {",", "and"} or _capitalised_name(doc[i])):
        if doc[i].text in {",", "and"}:
            runs.append([])
        else:
            runs[-1].append(doc[i])
        i += 1
    runs = [run for run in runs if run]
    if len(runs) < 2 or any(len(run) > 1 for run in runs[:-1]) or len(runs[-1]) < 2:
        return set()
    if doc[runs[-1][0].i - 1].lower_ != "and":
        return set()
    return {normalize(t.text) for t in runs[-1][1:]}


def _listed_as_kin(span: Span, kin_words: set[str]) -> bool:
    """The name is an item of a list of kin: "her children, Sergei, Tatyana and Lev",
    "sons, among them Sergei, a composer; Ilya"."""
    doc = span.doc
    if not (
        (span.start > 0 and doc[span.start - 1].text in {",", ";", "and"})
        or (span.end < len(doc) and doc[span.end].text in {",", ";", "and"})
    ):
        return False
    for t in reversed(doc[max(0, span.start - 20) : span.start]):
        if t.text in {".", "!", "?"}:
            return False  # (the parser may end a sentence at the colon before a list)
        if t.tag_ == "NNS" and t.lemma_.lower() in kin_words:
            return True
    return False


def _capitalised_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.is_title


_ELDERS = {"father", "mother", "grandfather", "grandmother", "dad", "mom", "parent"}


def _child_named_like_elder(span: Span, person: Person, doc: Doc) -> bool:
    """A child's first name that an elder of the article bears: "the son of Nikolaos
    X ... bore him two sons, Nikolaos and Petros" (the grandson, not the grandfather)."""
    if span.root.head.lemma_.lower() not in CHILD_NOUNS | {"child", "children"}:
        return False
    for m in person.mentions:
        top = doc[m.start : m.end].root
        while top.dep_ == "conj" and top.head.i != top.i:
            top = top.head  # "the son of A and B": B as A
        head = top.head
        if (top.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in CHILD_NOUNS) or (
            top.dep_ in {"appos", "compound"} and head.lemma_.lower() in _ELDERS
        ):
            return True
    return False


def _named_by_kin(span: Span, kin_words: set[str]) -> bool:
    """A name given to a kinship noun ("one son, Ahmad Massoud") introduces a person."""
    root = span.root
    return (
        root.dep_ in {"appos", "compound"}
        and root.head.pos_ == "NOUN"
        and root.head.lemma_.lower() in kin_words
    )


def _named_as_parent(span: Span) -> bool:
    """The name is the parent in "the son of (the actor) Y"."""
    root = span.root
    if root.dep_ in {"appos", "compound"} and root.head.pos_ == "NOUN":
        root = root.head  # "the son of the actor and screenwriter Sreenivasan"
    while root.dep_ == "conj" and root.head.pos_ == "NOUN":
        root = root.head
    of = root.head
    return root.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in CHILD_NOUNS


def _seniority(span: Span) -> str:
    """ "the elder Bell" is Bell Sr., "the younger Bell" Bell Jr."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 2].lower_ != "the":
        return ""
    return {"elder": "sr", "younger": "jr"}.get(doc[span.start - 1].lower_, "")


def _surname_at_start(tok: Token, persons: list[Person]) -> bool:
    """A sentence starts with one person's surname, whatever its tag: "Ramaswamy married";
    of several people's, the surname of the person named first (the article's subject)."""
    if not tok.is_sent_start or len(tok) <= 3:
        return False
    word = normalize(tok.text)
    owners = [p for p in persons if _surname(p) == word and p.mentions]
    if not owners:
        return False
    first = min(persons, key=lambda p: min((m.start for m in p.mentions), default=len(tok.doc)))
    return bool(
        (len(owners) == 1 or first in owners)
        and not any(t.lower_ == tok.lower_ and t.is_lower for t in tokens_of(tok.doc))
    )


def _particle(tok: Token) -> bool:
    return tok.lower_ in NAME_PARTICLES


def _add_mislabelled(doc: Doc, persons: list[Person], mentions: list[Mention]) -> None:
    """Take proper nouns that NER labelled a place or group ("Lamar" as GPE) when
    they repeat a word of exactly one person's name (of several: the one introduced
    first, before this word, as for names NER found)."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for tok in tokens_of(doc):
        if (
            tok.i in taken
            or not (tok.pos_ == "PROPN" or tok.dep_ == "poss" or _surname_at_start(tok, persons))
            or not tok.is_title
            or tok.ent_type_ not in OTHER_NAME_LABELS
        ):
            continue  # "Sloane's aunt" tagged a noun, "Ramaswamy married" an adverb
        particles = [c for c in tok.children if c.dep_ == "compound" and _particle(c)]
        if _particle(tok) or any(
            c.dep_ == "compound" and c.pos_ == "PROPN" and c not in particles for c in tok.children
        ):
            continue  # part of a longer name: "Ivy Marchetti" is not "Theo Marchetti"
        if tok.dep_ == "compound" and tok.head.pos_ != "PROPN":
            continue  # "the Kardashian clan"
        if (
            tok.ent_type_ in {"GPE", "LOC", "FAC"}
            and tok.dep_ == "pobj"
            and tok.head.lower_ in _PLACE_PREPS
        ):
            continue  # "Georgia Lane moved to Georgia": the place, not the person
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
        senior = _seniority(doc[tok.i : tok.i + 1])
        if len(hits) > 1 and senior:  # "the elder Bell" among Bell Sr. and Bell Jr.
            hits = [p for p in hits if p.suffix == senior]
        elif len(hits) > 1:  # "Hollis" after Luke Hollis and before Cody Hollis: Luke
            first = {p.id: min(m.start for m in p.mentions) for p in hits}
            hits = sorted((p for p in hits if first[p.id] < tok.i), key=lambda p: first[p.id])[:1]
        if len(hits) == 1 and word not in MEDIA_OUTLETS:
            start = min([tok.i, *(c.i for c in particles)])  # "De Vaucourt was born"
            mention = Mention(start, tok.i + 1, doc[start : tok.i + 1].text, hits[0].id)
            hits[0].mentions.append(mention)
            mentions.append(mention)
