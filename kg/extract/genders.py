"""Genders people get from the pronouns used of them.

A person whose name says nothing ("Jordan", "Taylor") gets the gender of the
he/she of sentences where they are the only person named.

Examples:
    >>> from kg.extract.coref import resolve
    >>> from kg.extract.nlp import load_nlp
    >>> from kg.extract.people import find_people
    >>> doc = load_nlp()("Jordan Vale won. She thanked her fans. She cried.")
    >>> people = find_people(doc)
    >>> _ = resolve(doc, people, set())
    >>> people.persons[0].gender
    'f'
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.lexicon import PRONOUN_GENDER
from kg.extract.mentions import People
from kg.extract.syntax import SUBJECT_DEPS, phrase_head

__all__ = ["vote_genders"]


def vote_genders(tokens: list[Token], people: People, sent_of: dict[int, int]) -> None:
    """Give a person the gender of the he/she pronouns of sentences where
    they are the only person named (in that sentence or the one before)."""
    named: dict[int, set[int]] = {}
    subjects: dict[int, set[int]] = {}  # the people a sentence names as its subject
    for person in people.persons:
        for m in person.mentions:
            named.setdefault(sent_of[m.start], set()).add(person.id)
            if phrase_head(tokens[m.end - 1]).dep_ in SUBJECT_DEPS:
                subjects.setdefault(sent_of[m.start], set()).add(person.id)
    votes: dict[int, dict[str, int]] = {}
    for tok in tokens:
        gender = PRONOUN_GENDER.get(tok.lower_) if tok.pos_ == "PRON" else None
        if gender not in {"f", "m"}:
            continue
        sent = sent_of[tok.i]
        near = named.get(sent, set()) | named.get(sent - 1, set())
        if len(near) == 1 and not named.get(sent) and not subjects.get(sent - 1):
            continue  # "... politician Mondher Ben Ammar. She later joined UNESCO"
        if len(near) == 1:
            pid = next(iter(near))
            if not any(m.start < tok.i for m in people.persons[pid].mentions):
                continue  # "She is the sister of Tarak": the pronoun is someone else
            if people.persons[pid].hint not in {None, gender}:
                continue  # "... actress Ingrid Solberg, with whom he has": he is not Ingrid
            votes.setdefault(pid, {"f": 0, "m": 0})[gender] += 1  # type: ignore[index]
    for pid, vote in votes.items():
        person = people.persons[pid]
        if person.gender is None and max(vote.values()) >= 2 * min(vote.values()) + 1:
            person.gender = max(vote, key=vote.__getitem__)
