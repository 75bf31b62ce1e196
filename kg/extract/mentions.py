"""The records of people found in one article: mentions, people, and the token map."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Mention", "Person", "People"]


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
