"""The exceptions of celebrity-kg: one base class and a few precise kinds.

Every message names the input and says how to fix it; only ``kg.cli`` turns
them into a one-line error and an exit code.

Examples:
    >>> str(InputError("notes.pdf", "unsupported file type", "use .txt, .md or .html"))
    'notes.pdf: unsupported file type; use .txt, .md or .html'
"""

from __future__ import annotations

import errno
import os
import re

__all__ = [
    "KGError",
    "InputError",
    "QueryError",
    "StoreError",
    "OutputError",
    "OntologyError",
    "UnknownNameError",
    "disk_full_error",
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


class OutputError(KGError):
    """An output (a file, the store) that cannot be written, e.g. on a full disk."""


_DISK_FULL = {
    errno.ENOSPC: "no space left on device",
    errno.EFBIG: "file too large for the file system or the file size limit",
    errno.EDQUOT: "disk quota exceeded",
}
# Oxigraph/RocksDB report I/O errors as text: "IO error: While appending to file: DIR/000035.log:
# File too large"
_DISK_FULL_TEXT = re.compile(r"no space left on device|file too large|disk quota exceeded", re.I)
_FILE_IN_TEXT = re.compile(r"file: (.+?): [A-Z]")


def disk_full_error(exc: BaseException, where: str = "output") -> OutputError | None:
    """The one-line error for a write that failed on a full disk, else None.

    ``where`` names the output when the error does not (a write to an open file).

    Examples:
        >>> import errno
        >>> print(disk_full_error(OSError(errno.ENOSPC, "No space left on device", "out/.g.tmp")))
        ... # doctest: +NORMALIZE_WHITESPACE
        out: disk full (no space left on device); free some space and run again
        (the previous output is intact)
        >>> rocksdb = "IO error: While appending to file: out/store/9.log: File too large"
        >>> print(disk_full_error(OSError(rocksdb)))  # doctest: +ELLIPSIS
        out/store: disk full (file too large for the file system or the file size limit); ...
        >>> disk_full_error(OSError(errno.ENOENT, "No such file")) is None
        True
    """
    if not isinstance(exc, OSError):
        return None
    text = str(exc)
    reason = _DISK_FULL.get(exc.errno or 0)
    if reason is None:
        m = _DISK_FULL_TEXT.search(text)
        if m is None:
            return None
        reason = _DISK_FULL.get(
            {"n": errno.ENOSPC, "f": errno.EFBIG, "d": errno.EDQUOT}[m.group().lower()[0]], ""
        )
    filename = exc.filename if isinstance(exc.filename, str) else None
    if filename is None and (found := _FILE_IN_TEXT.findall(text)):
        filename = found[-1]  # "Options file: IO error: ... While appending to file: PATH: ..."
    if filename:
        where = os.path.dirname(filename) or "."
    return OutputError(
        f"{where}: disk full ({reason}); free some space and run again "
        "(the previous output is intact)"
    )


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
