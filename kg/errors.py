"""The exceptions of celebrity-kg: one base class and a few precise kinds.

Every message names the input and says how to fix it; only ``kg.cli`` turns
them into a one-line error and an exit code.

Examples:
    >>> str(InputError("notes.pdf", "unsupported file type", "use .txt, .md or .html"))
    'notes.pdf: unsupported file type; use .txt, .md or .html'
"""

from __future__ import annotations

__all__ = [
    "KGError",
    "InputError",
    "QueryError",
    "StoreError",
    "OntologyError",
    "UnknownNameError",
]


class KGError(Exception):
    """Base class of every error the tool reports to a user."""

    exit_code = 1


class InputError(KGError):
    """An input file or record that cannot be read.

    Args:
        where: the file (and line) at fault.
        problem: what is wrong with it.
        fix: what the user can do about it.
    """

    def __init__(self, where: str, problem: str, fix: str = "") -> None:
        self.where, self.problem, self.fix = where, problem, fix
        super().__init__(f"{where}: {problem}" + (f"; {fix}" if fix else ""))


class QueryError(KGError):
    """A SPARQL query that does not parse or cannot run."""


class StoreError(KGError):
    """The store is missing, locked or unreadable."""


class OntologyError(KGError):
    """The ontology files are missing or inconsistent."""


class UnknownNameError(KGError, KeyError):
    """A name (format, rule, model) that is not one of the known ones.

    Examples:
        >>> str(UnknownNameError("format", "yaml", ["json", "table"]))
        "Unknown format 'yaml'. Available: json, table"
    """

    exit_code = 2

    def __init__(self, kind: str, name: str, available: list[str]) -> None:
        self.kind, self.name, self.available = kind, name, sorted(available)
        super().__init__(f"Unknown {kind} '{name}'. Available: {', '.join(self.available)}")

    def __str__(self) -> str:  # KeyError would add quotes
        return str(self.args[0])
