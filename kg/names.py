"""Find a person by name, alias or id: case-, accent- and punctuation-insensitive.

Pure Python (no networkx): the index is built from ``(key, name, aliases)``
triples, so the graph commands and the page resolve names the same way.

Examples:
    >>> index = NameIndex([
    ...     ("ex:kris", "Kris Jenner", ["Kris", "Mom"]),
    ...     ("ex:margot", "Margot Calloway", ["Margot", "Mom"]),
    ...     ("ex:beyonce", "Beyoncé Knowles", ["Beyoncé"]),
    ... ])
    >>> index.resolve("kris jenner"), index.resolve("KRIS"), index.resolve("beyonce")
    ('ex:kris', 'ex:kris', 'ex:beyonce')
    >>> for typed in ("Mom", "Kriss Jener"):
    ...     try:
    ...         index.resolve(typed)
    ...     except UnknownPersonError as exc:
    ...         print(type(exc).__name__, "-", exc)
    AmbiguousNameError - 'Mom' could be Kris Jenner or Margot Calloway; did you mean one of them? \
Use the full name
    UnknownPersonError - No person named 'Kriss Jener' in the graph; did you mean Kris Jenner?
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

from kg.errors import KGError

__all__ = ["normalize", "NameIndex", "UnknownPersonError", "AmbiguousNameError"]

_APOSTROPHES = re.compile(r"['\u2019\u2018`\u00b4]")
_NON_WORD = re.compile(r"[\W_]+")


class UnknownPersonError(KGError, LookupError):
    """A name that matches nobody in the graph (exit code 1).

    Args:
        name: what the user typed.
        suggestions: display names of close matches, best first.
    """

    def __init__(self, name: str, suggestions: list[str]) -> None:
        self.name, self.suggestions = name, suggestions
        hint = (
            f"did you mean {_or(suggestions)}?"
            if suggestions
            else "check the spelling; `kg top` lists the best-connected people"
        )
        super().__init__(f"No person named {name!r} in the graph; {hint}")


class AmbiguousNameError(UnknownPersonError):
    """A name or alias shared by several people (exit code 1)."""

    def __init__(self, name: str, candidates: list[str]) -> None:
        self.name, self.suggestions = name, candidates
        KGError.__init__(
            self,
            f"{name!r} could be {_or(candidates)}; did you mean one of them? Use the full name"
            + (" or the id" if any(" (id " in c for c in candidates) else ""),
        )


def _or(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def normalize(text: str) -> str:
    """The comparison key of a name: no accents, no case, no punctuation, single spaces.

    Examples:
        >>> normalize("  Beyoncé  KNOWLES-Carter "), normalize("Dominic Reyes Jr.")
        ('beyonce knowles carter', 'dominic reyes jr')
        >>> normalize("O’Neal") == normalize("oneal")
        True
    """
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _APOSTROPHES.sub("", plain.casefold())
    return " ".join(_NON_WORD.sub(" ", plain).split())


def local_id(key: str) -> str:
    """The last segment of an IRI (``.../person/kris-jenner`` -> ``kris-jenner``).

    Examples:
        >>> local_id("https://celebrity-kg.org/person/ivy--71d5b0b6"), local_id("a")
        ('ivy--71d5b0b6', 'a')
    """
    return key.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1] or key


class NameIndex:
    """Look people up by full name, alias, IRI or IRI local name.

    Args:
        people: ``(key, name, aliases)`` for every person; ``key`` is the IRI.
    """

    def __init__(self, people: Iterable[tuple[str, str, Iterable[str]]]) -> None:
        self.names: dict[str, str] = {}
        self._by_key: dict[str, str] = {}
        self._by_name: dict[str, list[str]] = {}
        self._by_alias: dict[str, list[str]] = {}
        for key, name, aliases in people:
            self.names[key] = name
            self._by_key[key] = key
            self._by_key.setdefault(local_id(key).casefold(), key)
            _add(self._by_name, normalize(name), key)
            for alias in aliases:
                _add(self._by_alias, normalize(alias), key)
        repeated = {n for n, keys in self._by_name.items() if len(keys) > 1}
        self._repeated = repeated

    def display(self, key: str) -> str:
        """The person's name, with its id when another person has the same name.

        (Parentheses, not brackets: messages go through rich, which reads brackets as markup.)
        """
        name = self.names[key]
        return f"{name} (id {local_id(key)})" if normalize(name) in self._repeated else name

    def resolve(self, query: str) -> str:
        """The key of the one person ``query`` names.

        A full name beats an alias ("Kris Jenner" is Kris Jenner even if
        someone's alias is also "Kris Jenner"); an id always wins.

        Raises:
            AmbiguousNameError: several people have that name (or, without a
                name match, that alias).
            UnknownPersonError: nobody matches; the message suggests close names.
        """
        exact = self._by_key.get(query.strip()) or self._by_key.get(query.strip().casefold())
        if exact:
            return exact
        key = normalize(query)
        for table in (self._by_name, self._by_alias):
            found = table.get(key, [])
            if len(found) == 1:
                return found[0]
            if found:
                raise AmbiguousNameError(query, [self.display(k) for k in found])
        raise UnknownPersonError(query, self.suggest(query))

    def suggest(self, query: str, limit: int = 3) -> list[str]:
        """Display names of the people whose name or alias is closest to ``query``.

        Examples:
            >>> NameIndex([("a", "Lamar Odom", ["Lamar"]), ("b", "Khloe Kardashian", [])]
            ...           ).suggest("kardashian")
            ['Khloe Kardashian']
        """
        key = normalize(query)
        if not key:
            return []
        ranked: dict[str, float] = {}
        for table in (self._by_name, self._by_alias):
            for text, keys in table.items():
                score = difflib.SequenceMatcher(None, key, text).ratio()
                if key in text.split() or (len(key) > 2 and text.startswith(key)):
                    score = max(score, 0.9)
                if score >= 0.6:
                    for k in keys:
                        ranked[k] = max(ranked.get(k, 0.0), score)
        best = sorted(ranked, key=lambda k: (-ranked[k], self.names[k].casefold(), k))
        # only the clear favourites: "Kriss Jener" is Kris Jenner, not every Jenner
        close = [k for k in best if ranked[k] >= ranked[best[0]] - 0.1] if best else []
        return [self.display(k) for k in close[:limit]]


def _add(table: dict[str, list[str]], key: str, value: str) -> None:
    if key:
        bucket = table.setdefault(key, [])
        if value not in bucket:
            bucket.append(value)
