"""Finding the spans of text that name people.

spaCy's small model misses or mislabels many names ("Margot Calloway" as a
facility, "Lamar" as a place). A name counts as a person's when NER says
PERSON, or when the grammar ties it to a relation word ("her brother, Jasper
Calloway", "X married Y"), or when it shares a word with a person's name.
Honorifics, roles ("Rapper", "Dr."), post-nominal letters and titles alone are
never part of a name; a place ("a ceremony in Tuscany") is never a person.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from importlib.resources import files

from spacy.tokens import Doc, Span, Token

from kg.extract.identities import identity_after
from kg.extract.leads import NAME_PARTICLES, lead_names, owns_kin_pronoun
from kg.extract.lexicon import (
    CLUB_WORDS,
    GROUP_NAME_NOUNS,
    HONORIFICS,
    MEDIA_OUTLETS,
    NAME_SUFFIXES,
    PLACE_HEADS,
    ROLE_NOUNS,
    TITLES,
    WORK_NOUNS,
    gender_of_word,
)
from kg.extract.name_lists import child_name_lists
from kg.extract.syntax import tokens_of
from kg.extract.things import in_place, is_blend, names_a_thing
from kg.extract.ties import kin_attached

__all__ = [
    "OTHER_NAME_LABELS",
    "family_of",
    "first_name_genders",
    "is_name",
    "name_words",
    "normalize",
    "person_spans",
]

OTHER_NAME_LABELS = {"", "GPE", "NORP", "ORG", "LOC", "PRODUCT", "WORK_OF_ART", "FAC"}
_NOUNS = {"NOUN", "PROPN"}
_NOT_SURNAMES = CLUB_WORDS | GROUP_NAME_NOUNS | PLACE_HEADS | ROLE_NOUNS | TITLES | WORK_NOUNS


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


@lru_cache(maxsize=16384)
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


_PATRONYMIC = {"bin", "ibn", "bint", "binti", "ben"}  # lowercase: "Ben" is a first name


def name_words(span: Span) -> tuple[list[str], str]:
    """The words of a name and its suffix; a hyphenated name is one word, so
    "Joseph Mousseau" is not "Joseph-Alfred Mousseau"; a father's name after "bin"
    or "ibn" is a suffix, so "Saeed" is not "Rashid bin Saeed".

    Examples:
        >>> from spacy.lang.en import English
        >>> name_words(English()("Joseph-Alfred Mousseau Jr.")[:])
        (['joseph-alfred', 'mousseau'], 'jr')
    """
    words: list[str] = []
    suffix = father = ""
    for tok in span:
        low = tok.lower_
        if father and tok.is_alpha:  # "Rashid bin Saeed": Saeed alone is the father,
            suffix, father = f"{father} {normalize(tok.text)}", ""  # and tells Rashids apart
            continue
        if tok.text in _PATRONYMIC:
            father = tok.text
        elif low in NAME_SUFFIXES:
            suffix = low.rstrip(".")
        elif tok.text == "-" and words and not tok.nbor(-1).whitespace_ and tok.i + 1 < span.end:
            words[-1] += "-"
        elif tok.is_alpha or "-" in tok.text or "." in tok.text or "'" in tok.text:
            word = normalize(tok.text)
            if words and words[-1].endswith("-"):
                words[-1] += word
            else:
                words.append(word)
    return [w.strip("-") for w in words if w.strip("-")], suffix


def _trim(span: Span) -> tuple[Span | None, str | None]:
    """Cut honorifics, kinship words and punctuation off a name span; return its gender hint."""
    doc, start, end, gender = span.doc, span.start, span.end, None
    toks = tokens_of(doc)
    while start < end and (
        toks[start].lower_ in HONORIFICS
        or toks[start].is_punct
        or toks[start].pos_ in {"DET", "PRON", "AUX", "ADP", "CCONJ", "SCONJ"}  # "[Are] Mila"
        or (toks[start].lower_.removesuffix("s") in ROLE_NOUNS and end - start > 1)
        or (
            gender_of_word(toks[start].lower_)
            and toks[start].is_title
            and end - start > 1
            and not _hyphenated_given_name(toks, start + 1, end)  # the surname "Son Ye-jin"
        )
        or (end - start > 2 and _demonym_before_given_name(toks[start], toks[start + 1]))
    ):
        gender = gender or HONORIFICS.get(toks[start].lower_) or gender_of_word(toks[start].lower_)
        start += 1
    if span.start < start < end and toks[start].is_lower and toks[start].is_alpha:
        start -= 1  # "Sultan bin Rashid": the title was a first name
    while end > start and (
        toks[end - 1].is_punct or toks[end - 1].tag_ == "POS" or toks[end - 1].is_space
    ):
        end -= 1
    while (
        end - start > 2
        and toks[end - 1].is_upper
        and toks[end - 1].is_alpha
        and len(toks[end - 1]) <= 4
        and not _regnal(toks[end - 1])
    ):
        end -= 1  # post-nominal letters: "Geraldine Jebb CBE"
    for i in range(start, end - 1):  # "Dominic Reyes Jr. Lena": the name ends at its suffix
        if toks[i].lower_ in NAME_SUFFIXES:
            end = i + 1
            break
    if start >= end:
        return None, None
    return doc[start:end], gender


_DEMONYM_ENDINGS = ("an", "ese", "ish", "ch", "woman", "man", "ist")


def _demonym_before_given_name(word: Token, nxt: Token) -> bool:
    """ "[American] Ronna Keitt", "[Frenchwoman] Suzanne Brière", "[Decembrist] Nikolai
    Basargin": a nationality or group before a known given name (not "Christian Bale")."""
    names = first_name_genders()
    lower = word.lower_
    return (
        (word.ent_type_ == "NORP" or lower.endswith(_DEMONYM_ENDINGS))
        and lower not in names
        and nxt.lower_ in names
    )


def _hyphenated_given_name(toks: list[Token], start: int, end: int) -> bool:
    """ "Ye-jin", "Heung-min": a Korean given name, written after the surname."""
    return end - start == 3 and toks[start + 1].text == "-" and not toks[start].whitespace_


def is_name(span: Span) -> bool:
    text = span.text
    head = span.root.head
    if span.root.dep_ in {"compound", "amod"} and head.pos_ == "NOUN" and head.lower_ != "shares":
        return False  # "the Oscar winner", "the Kardashian clan" (not "Kim shares a son")
    if normalize(text) in MEDIA_OUTLETS or any(c.isdigit() or c in "/@#|" for c in text):
        return False
    if span.end < len(span.doc) and span.doc[span.end].text in {"/", "@"}:
        return False  # a photo credit such as "KrisJenner/Instagram"
    words = tokens_of(span.doc)[span.start : span.end]
    if all(
        gender_of_word(t.lower_) or t.pos_ == "PRON" or t.lower_ in {"mom", "dad"} for t in words
    ):
        return False  # "Mom" is a kinship word used as a name: coreference handles it
    if len(words) == 1 and (
        words[0].lower_ in TITLES or words[0].lower_ in ROLE_NOUNS or words[0].text == "I"
    ):
        return False  # "the first Baron's father", "the Queen"
    return any(t.text[:1].isupper() for t in words)


def person_spans(doc: Doc, kin_words: set[str]) -> list[tuple[Span, str | None]]:
    """PERSON entities, plus names the small model mislabels (FAC, ORG, GPE...)
    when the grammar says they are people ("her brother, Jasper Calloway") or
    they share a word with a person's name."""
    people: list[tuple[Span, str | None]] = []
    others: list[tuple[Span, str | None]] = []
    places: set[str] = set()  # one-word names the article also uses as places
    dates = [e for e in doc.ents if e.label_ in {"DATE", "TIME"}]
    for named in filter(None, map(_after_date, dates)):
        others.append((named, None))  # "On July 31st, 2005 Memo and his son"
    for ent in (part for e in _joined_by_particles(doc) for part in _split_list(e)):
        span, gender = _trim(_with_first_names(ent))
        if span is None or not is_name(span):
            continue
        if len(span) == 1 and in_place(span):
            places.add(normalize(span.text))
        if ent.label_ == "PERSON":
            if in_place(span):
                continue  # "a ceremony in Tuscany": a person is never a place
            people.append((span, gender))
        elif ent.label_ in OTHER_NAME_LABELS and _looks_like_name(span):
            others.append((span, gender))
        elif len(span) == 1 and span.root.dep_ == "conj" and span[0].lower_ in _MONTH_NAMES:
            others.append((span, gender))  # "their kids, Wyatt, June and Colter"
    # "Queen of Mauritius ... visited Mauritius": the one word names a place all article long
    people = [(sp, g) for sp, g in people if len(sp) > 1 or normalize(sp.text) not in places]
    covered = {i for span, _ in people + others for i in range(span.start, span.end)}
    for tok in tokens_of(doc):  # names NER missed entirely ("Sienna's daughter, Ivy")
        if tok.i not in covered and _proper(tok) and _capitalised(tok) and tok.ent_iob_ == "O":
            start = min(
                [c.i for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok.i]
            )
            trimmed, gender = _trim(doc[start : tok.i + 1])  # "Rev. Dr. Ayorinde"
            after_and = start > 0 and doc[start - 1].lower_ in {"and", ","}
            listed = tok.dep_ == "conj" and tok.head.i in covered and after_and  # "Nia and Noor"
            listed = listed or (  # "Semon and Joan Frelich"
                tok.i + 1 < len(doc)
                and doc[tok.i + 1].lower_ in {"and", ","}
                and any(c.dep_ == "conj" and c.i in covered for c in tok.children)
            )
            titled = (  # "Emperor Gaozu had three sons"
                trimmed is not None
                and trimmed.start > start
                and doc[start].is_title
                and doc[start].lower_ in HONORIFICS.keys() | TITLES
            )
            first_named = (  # "Jae Lin married ...": a known first name and a surname
                trimmed is not None
                and len(trimmed) > 1
                and all(t.pos_ == "PROPN" and t.is_title for t in trimmed)
                and normalize(trimmed[0].text) in first_name_genders()
            )
            tied = (
                listed
                or titled
                or first_named
                or kin_attached(tok, kin_words)
                or owns_kin_pronoun(doc[start : tok.i + 1], kin_words)  # "Beto and his son"
            )
            if trimmed is not None and is_name(trimmed) and tied and not in_place(trimmed):
                people.append((trimmed, gender))  # not "born in Berthier, Canada East"
    for start, end in child_name_lists(doc):  # "four children: North, 10, Saint, 7 ..."
        span, gender = _trim(doc[start:end])
        if span is not None and is_name(span) and not any(_overlap(span, p) for p, _ in people):
            others = [o for o in others if not _overlap(o[0], span)]
            people.append((span, gender))
    nicknamed = [
        n
        for n in _nicknamed(doc)
        if _any_person(n, people)
        or kin_attached(n.root, kin_words)
        or normalize(n[0].text) in first_name_genders()
    ]
    for lead in [*lead_names(doc, kin_words), *nicknamed]:  # "Hélé Béji (born 1948) is ..."
        span, gender = _trim(lead)
        if span is None or not is_name(span):
            continue
        people = [p for p in people if not _overlap(p[0], span)]
        others = [o for o in others if not _overlap(o[0], span)]
        people.append((span, gender))
    people += _given_names_alone(doc, people, others)
    words = {w for span, _ in people for w in name_words(span)[0]}
    taken = {i for span, _ in people for i in range(span.start, span.end)}
    changed = True
    while changed and others:
        changed = False
        for item in list(others):
            span = item[0]
            if (
                kin_attached(span.root, kin_words)
                or owns_kin_pronoun(span, kin_words)
                or (len(span) > 1 and _shares_a_name(span, words))
                or (len(span) == 1 and _part_of_a_name(span, people, True) and not in_place(span))
                or _listed_with(span, taken, kin_words)
                or _also_known_as_a_person(span, taken)
            ):
                people.append(item)
                others.remove(item)
                words |= set(name_words(span)[0])
                taken |= set(range(span.start, span.end))
                changed = True
    return sorted(_without_things(people), key=lambda sg: sg[0].start)


def _joined_by_particles(doc: Doc) -> list[Span]:
    """Entities, with two person names that a lowercase particle joins made one:
    "[Rosemeri] dos [Reis Cholbi]" is "Rosemeri dos Reis Cholbi"."""
    ents: list[Span] = []
    for ent in doc.ents:
        last = ents[-1] if ents else None
        if (
            last is not None
            and ent.label_ == last.label_ == "PERSON"
            and ent.start == last.end + 1
            and doc[last.end].lower_ in NAME_PARTICLES
            and doc[last.end].is_lower
        ):
            ents[-1] = Span(doc, last.start, ent.end, label="PERSON")
        else:
            ents.append(ent)
    return ents


def _given_names_alone(
    doc: Doc, people: list[tuple[Span, str | None]], others: list[tuple[Span, str | None]]
) -> list[tuple[Span, str | None]]:
    """Given names the tagger took for common nouns and NER left out: "[Teresa] shares
    daughters Gia, 23, ..." after "Teresa Giudice"."""
    covered = {i for span, _ in people + others for i in range(span.start, span.end)}
    found = []
    for tok in tokens_of(doc):
        if tok.i in covered or not tok.is_title or tok.ent_iob_ != "O" or tok.pos_ not in _NOUNS:
            continue
        span = doc[tok.i : tok.i + 1]
        if is_name(span) and _part_of_a_name(span, people, False):
            found.append((span, None))
    return found


def _part_of_a_name(span: Span, people: list[tuple[Span, str | None]], last: bool) -> bool:
    """A one-word name mislabelled (ORG, not a place) that is the given name (or, with
    ``last``, the surname) of a person named in full before: "[Kourtney] shares Mason
    ..." after "Kourtney Kardashian", "while [Affleck] shares" after "Ben Affleck"."""
    word = normalize(span.text)
    return span.root.ent_type_ not in {"GPE", "LOC", "FAC"} and any(
        len(words) > 1 and (words[0] == word or (last and words[-1] == word))
        for words in (name_words(p)[0] for p, _ in people if p.start < span.start)
    )


def _shares_a_name(span: Span, words: set[str]) -> bool:
    """A mislabelled name sharing a word with a person's: "Margot Calloway" (a surname),
    "Maria Carolina" (a first name); not a firm named after its owner, "Brandt Tools"."""
    names = name_words(span)[0]
    if not names or not words & set(names):
        return False
    return names[-1] in words or names[0] in first_name_genders()


def _also_known_as_a_person(span: Span, taken: set[int]) -> bool:
    """ "Marshall Mathers, aka Eminem": a name the text gives a person's other name."""
    if span.end >= len(span.doc) or span.doc[span.end].text not in {",", "("}:
        return False
    other = identity_after(span.doc, span.end)
    return other is not None and any(i in taken for i in range(*other))


def _listed_with(span: Span, taken: set[int], kin_words: set[str]) -> bool:
    """A name in a list of people after a kinship noun or before "their son", or a
    known first name in a list of people: "the brothers: A, Nelson, [Winthrop] and David"."""
    doc, root = span.doc, span.root
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    listed = (root.dep_ == "conj" and root.head.i in taken and before in {",", "and"}) or (
        after in {",", "and"} and any(c.dep_ == "conj" and c.i in taken for c in root.children)
    )
    if not listed:
        return False
    if normalize(span[0].text) in first_name_genders():
        return True
    j = span.end  # "Semon and Joan Frelich and their three sons"
    while j < len(doc) - 1 and (doc[j].lower_ in {",", "and"} or j in taken):
        j += 1
    if doc[j].lower_ in {"their", "his", "her"} and any(
        t.lemma_.lower() in kin_words for t in doc[j + 1 : j + 4]
    ):
        return True
    i = span.start - 1
    while i > 0 and (doc[i].lower_ in {",", "and"} or i in taken):
        i -= 1
    i -= doc[i].text in {":", "-", "\u2013", ","}
    return i >= 0 and doc[i].tag_ == "NNS" and doc[i].lemma_.lower() in kin_words


def _without_things(people: list[tuple[Span, str | None]]) -> list[tuple[Span, str | None]]:
    """Drop titles, bands, families ("the Beckhams") and couple nicknames ("Jaxlyn" for
    Jax and Brooklyn)."""
    full = [words for words, _ in (name_words(span) for span, _ in people) if len(words) > 1]
    firsts = [words[0] for words in full]
    surnames = {words[-1] for words in full}
    known = first_name_genders()
    return [
        (span, gender)
        for span, gender in people
        if not names_a_thing(span)
        and not (
            len(span) == 1
            and normalize(span.text) not in known
            and is_blend(normalize(span.text), firsts)
        )
        and not (len(span) == 1 and family_of(span[0], surnames))
    ]


def family_of(tok: Token, surnames: set[str]) -> str | None:
    """The surname "the Beckhams" or "the Curies'" is the plural of, if it is one of
    ``surnames``."""
    if tok.i == 0 or tok.doc[tok.i - 1].lower_ != "the" or not tok.text.endswith("s"):
        return None
    word = normalize(tok.text)
    return next((stem for stem in (word[:-1], word[:-2]) if stem in surnames), None)


def _nicknamed(doc: Doc) -> list[Span]:
    """Names with a quoted nickname inside: 'Virginia "Cricket" Jones',
    'Dwayne "The Rock" Johnson'."""
    found = []
    for tok in tokens_of(doc):
        if not (tok.is_quote and tok.i > 0 and _proper(doc[tok.i - 1]) and doc[tok.i - 1].is_title):
            continue
        close = next((t for t in doc[tok.i + 1 : tok.i + 5] if t.is_quote), None)
        if (
            close is None
            or close.i == tok.i + 1
            or not all(t.is_title or t.lower_ in NAME_PARTICLES for t in doc[tok.i + 1 : close.i])
        ):  # "Antonio "Niño de Jerez" Heredia"
            continue
        end = close.i + 1
        while end < len(doc) and _proper(doc[end]) and doc[end].is_title and end - close.i <= 3:
            end += 1
        start = tok.i - 1
        while start > 0 and _proper(doc[start - 1]) and doc[start - 1].is_title:
            start -= 1
        if end > close.i + 1:
            found.append(doc[start:end])
    return found


def _any_person(span: Span, people: list[tuple[Span, str | None]]) -> bool:
    return any(_overlap(span, p) for p, _ in people) or any(t.ent_type_ == "PERSON" for t in span)


_MONTHS = "january february march april may june july august september october november december"
_MONTH_NAMES = frozenset(["april", "may", "june", "august"])  # also first names
_CALENDAR = frozenset(f"{_MONTHS} monday tuesday wednesday thursday friday saturday sunday".split())


def _after_date(ent: Span) -> Span | None:
    """The proper nouns NER swallowed into a date after its year: "2005 [Memo]"."""
    end, start = ent.end, ent.end
    while (
        start > ent.start
        and ent.doc[start - 1].pos_ == "PROPN"
        and ent.doc[start - 1].is_title
        and ent.doc[start - 1].lower_ not in _CALENDAR
    ):
        start -= 1
    if start == end or start == ent.start or not ent.doc[start - 1].like_num:
        return None
    span = ent.doc[start:end]
    return span if _looks_like_name(span) and is_name(span) else None


def _split_list(ent: Span) -> list[Span]:
    """An entity NER made of a list, "Milo and Anselm", or of a clause, "Mohammad Reza
    married Princess Fawzia", as one span per name."""
    parts, start = [], ent.start
    for tok in ent:
        verb = tok.is_lower and tok.pos_ == "VERB" and tok.lower_ not in NAME_PARTICLES
        if tok.pos_ == "CCONJ" or tok.text == "," or verb:
            if tok.i > start:
                parts.append(ent.doc[start : tok.i])
            start = tok.i + 1
    if start < ent.end:
        parts.append(ent.doc[start : ent.end])
    return parts if len(parts) > 1 else [ent]


def _with_first_names(ent: Span) -> Span:
    """Widen an entity to the proper nouns NER left out before it, "Ivy [Marchetti]",
    "Moza bint [Nasser]", to a regnal number after it, "[Sultan Abdulmejid] I", and
    to the place a first name is "of", "[Dorothea] of Saxe-Lauenburg"."""
    start, end, doc = ent.start, ent.end, ent.doc
    toks = tokens_of(doc)
    while start > 0:
        if (
            toks[start - 1].pos_ == "PROPN"
            and toks[start - 1].is_title
            and toks[start - 1].dep_ == "compound"
            and (
                ent.start <= toks[start - 1].head.i < end
                or toks[start - 1].head.text in _PATRONYMIC
            )
        ):
            start -= 1
        elif start > 1 and toks[start - 1].text in _PATRONYMIC and toks[start - 2].is_title:
            start -= 2  # "[Moza bint] Nasser"
        elif (
            start > 2
            and toks[start - 1].dep_ == "compound"
            and toks[start - 2].text == "-"
            and not toks[start - 3].whitespace_
            and not toks[start - 2].whitespace_
            and toks[start - 3].is_title
        ):
            start -= 3  # "[Jae-hyun] Kim"
        else:
            break
    while ent.label_ == "PERSON" and end < len(doc) and _surname_after(toks[end - 1], toks[end]):
        end += 1  # "[Carmen Villalba] Prieto": NER stopped before the head of the name
    if end < len(doc) and _regnal(toks[end]):
        end += 1
    if toks[end - 1].text == "-" and end < len(doc) and toks[end].is_alpha:
        end += 1  # "[Sun Yat-]sen"
    if (
        ent.label_ == "PERSON"
        and end - start == 1
        and end + 1 < len(doc)
        and toks[end].lower_ == "of"
        and toks[end + 1].is_title
        and normalize(toks[start].text) in first_name_genders()
    ):  # "[Dorothea] of Saxe-Lauenburg", "[Anne] of Austria"
        end += 2
        while end + 1 < len(doc) and toks[end].text == "-" and not toks[end - 1].whitespace_:
            end += 2
    return doc[start:end]


def _surname_after(last: Token, tok: Token) -> bool:
    """The proper noun `last` is a compound of: a second surname, not a thing's head word
    ("Kim Kardashian Show", "Villa Hospital")."""
    return (
        last.dep_ == "compound"
        and last.head == tok
        and tok.pos_ == "PROPN"
        and tok.is_title
        and tok.ent_iob_ == "O"
        and tok.lower_ not in _NOT_SURNAMES
    )


def _regnal(tok: Token) -> bool:
    """A regnal number after a name: "Elizabeth II", "Abdulmejid I" (not the pronoun)."""
    if not (set(tok.text) <= set("IVX") and tok.i > 0 and tok.nbor(-1).is_title):
        return False
    before = tok.nbor(-1)  # "I" alone: when the parser made the name a part of it
    after = tok.nbor(1).text if tok.i + 1 < len(tok.doc) else ""
    return (
        len(tok) > 1
        or tok.tag_ == "NNP"
        or (before.dep_ == "compound" and before.head == tok)
        or after in {"of", "("}  # "Georg Wilhelm I of Hallerstein", "Charles I (1600-1649)"
    )


def _looks_like_name(span: Span) -> bool:
    """A short run of capitalised proper nouns, not preceded by "the"; particles
    may stand inside: "Alphonse Pyrame de Candolle"."""
    if len(span) > 5 or (span.start > 0 and span.doc[span.start - 1].lower_ == "the"):
        return False
    return all(
        (_proper(t) and t.text[:1].isupper())
        or (t.lower_ in NAME_PARTICLES and span.start < t.i < span.end - 1 and _particle_ok(t))
        or (t.text == "-" and span.start < t.i < span.end - 1 and not t.whitespace_)
        or (t.i > span.start and t.nbor(-1).text == "-" and not t.nbor(-1).whitespace_)
        for t in span
    )


def _proper(tok: Token) -> bool:
    """A proper noun; an unknown name opening a sentence is often tagged a noun
    ("Merewalh married Saint Ermenburga", "Alvares is married to ...")."""
    return tok.pos_ == "PROPN" or (
        tok.pos_ == "NOUN"
        and bool(tok.is_sent_start)
        and tok.is_title
        and not tok.is_stop
        and tok.lower_ not in ROLE_NOUNS | TITLES
        and tok.lemma_.lower() not in ROLE_NOUNS | TITLES
        and not gender_of_word(tok.lower_)
    )


def _capitalised(tok: Token) -> bool:
    return tok.is_title or _regnal(tok)


def _particle_ok(tok: Token) -> bool:
    """ "of" joins a first name to a place ("Marguerite of Enghien"), not words ("Hall of Fame")."""
    if tok.lower_ != "of":
        return True
    return normalize(tok.doc[tok.i - 1].text) in first_name_genders()


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end
