"""A small typed registry of named, versioned components (extractor rules).

Follows rdflib's plugin lookup and spaCy's versioned factory names: the name
(``"possessive-kin.v1"``) is recorded in each claim's provenance.

Examples:
    >>> rules: Registry[int] = Registry("demo")
    >>> @rules.register("one.v1")
    ... def one() -> int:
    ...     return 1
    >>> rules.names()
    ['one.v1']
    >>> rules.get("two.v1")
    Traceback (most recent call last):
    ...
    kg.errors.UnknownNameError: Unknown demo 'two.v1'. Available: one.v1
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Generic, TypeVar

from kg.errors import UnknownNameError

__all__ = ["Registry"]

T = TypeVar("T")


class Registry(Generic[T]):
    """Name -> component; plugins can add entries through the entry point group ``kg.<group>``."""

    def __init__(self, group: str) -> None:
        self.group = group
        self._items: dict[str, T] = {}

    def register(self, name: str) -> Callable[[T], T]:
        """Decorator that registers ``obj`` under ``name``."""

        def deco(obj: T) -> T:
            self._items[name] = obj
            return obj

        return deco

    def names(self) -> list[str]:
        """Every registered name, plugins included, sorted."""
        return sorted({*self._items, *entry_points(group=f"kg.{self.group}").names})

    def get(self, name: str) -> T:
        """The component called ``name``."""
        if name not in self._items:
            for ep in entry_points(group=f"kg.{self.group}", name=name):
                self._items[name] = ep.load()
        if name not in self._items:
            raise UnknownNameError(self.group, name, self.names())
        return self._items[name]

    def items(self) -> list[tuple[str, T]]:
        """(name, component) pairs of the built-in entries, sorted by name."""
        return sorted(self._items.items())
