"""Read articles from files, folders, JSON/JSONL and stdin into clean :class:`Article` records.

Each input yields :class:`~kg.model.Article` records with cleaned text (see
:mod:`kg.clean`) and a stable id, or a :class:`Skipped` record for an item that
cannot be read (a broken JSONL line, an image in a folder, an empty file); the
caller warns once per skipped item and goes on. A path named on the command
line that does not exist, or that is a file of an unsupported type, is a user
mistake: :func:`read_articles` raises :class:`~kg.errors.InputError` before
reading anything.

Formats, by extension (case-insensitive):

- ``.txt`` / ``.md``: a short first line followed by a blank line is the title
  (see :func:`split_title`); Markdown syntax is stripped.
- ``.html`` / ``.htm``: the main text by trafilatura; if it finds none, the
  visible text outside ``script``/``style``/``nav``/``header``/``footer``.
- ``.jsonl``: one object per line with ``text`` and optional ``id``, ``title``,
  ``url``, ``published``; read line by line, so files of any size stream.
- ``.json``: one such object, or a list of them.
- ``-``: stdin; JSONL when its first non-empty line is a JSON object, else plain text.

Examples:
    >>> import io
    >>> stdin = io.StringIO("Kim Weds\\n\\nKim married Kanye.")
    >>> [a.title for a in read_articles(["-"], stdin=stdin)]
    ['Kim Weds']
    >>> article_id("Kim married Kanye.") == article_id("  Kim married\\n Kanye. ")
    True
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any, TextIO

from kg.clean import clean_line, clean_text, normalise_newlines, valid_unicode
from kg.decode import EMPTY, Unreadable, decode_bytes, decode_line, sniff_stream
from kg.errors import InputError
from kg.markup import html_article, markdown_article
from kg.model import Article

__all__ = ["Skipped", "read_articles", "clean_text", "article_id", "split_title", "SUFFIXES"]

SUFFIXES = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html"}
SUFFIXES |= {".json": "json", ".jsonl": "jsonl"}
_USE = "use .txt, .md, .html, .json or .jsonl"
_STDIN = "<stdin>"
_EMPTY_STDIN = "empty input; pipe an article (or JSONL lines) into kg"
_NO_TEXT = "no article text left after removing links, credits and other page debris"
_TITLE_MAX = 150


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input item that was not read; the caller warns once and goes on.

    Examples:
        >>> str(Skipped("news/a.jsonl:3", "no 'text' field; add one or remove the line"))
        "news/a.jsonl:3: no 'text' field; add one or remove the line"
    """

    where: str  # "folder/file.jsonl:3" or "folder/img.png"
    reason: str  # what is wrong and how to fix it
    # the absolute path of the input file ("" for stdin or a folder): a build keeps the
    # stored articles of a file with an unreadable item rather than forget them
    origin: str = field(default="", compare=False)

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


def read_articles(
    inputs: Iterable[str | Path], stdin: TextIO | None = None
) -> Iterator[Article | Skipped]:
    """Read every article of files, folders and ``-`` (stdin).

    Every explicit input is checked first, so a mistyped path fails before
    anything is read. Folders are walked recursively in sorted order, skipping
    hidden files and folders.

    Args:
        inputs: paths of files or folders; ``"-"`` reads ``stdin``.
        stdin: the stream for ``"-"`` (default ``sys.stdin``).

    Returns:
        An iterator of articles and of :class:`Skipped` items, in input order.

    Raises:
        InputError: an explicit path is missing, unreadable or of an unsupported type.

    Examples:
        >>> list(read_articles(["no/such/file.txt"]))
        Traceback (most recent call last):
        ...
        kg.errors.InputError: no/such/file.txt: no such file or folder; check the path
    """
    if isinstance(inputs, (str, Path)):  # one path, not an iterable of characters
        inputs = [inputs]
    checked = [_check_input(item) for item in inputs]
    return _read_inputs(checked, stdin)


def article_id(text: str) -> str:
    """A stable id for an article: SHA-1 of its NFC, whitespace-collapsed text, 12 hex digits.

    Examples:
        >>> article_id("Kris Jenner is Khloe's mom.")
        'b444e40ed90c'
        >>> article_id(" Kris  Jenner\\n is mom.") == article_id("Kris Jenner is mom.")
        True
    """
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    data = normal.encode("utf-8", "surrogatepass")
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()[:12]


def split_title(text: str) -> tuple[str, str]:
    """Split a title off plain text: ``(title, body)``, title ``""`` when there is none.

    The first line is a title when it is at most 150 characters, has a letter,
    is followed by a blank line and more text, and does not end like a sentence
    or clause (``.``, ``,``, ``;``, ``:``, ``…``, also before closing quotes).
    Headlines may end in ``?`` or ``!``.

    Examples:
        >>> split_title("Is Kim Dating Pete?\\n\\nKim was seen with Pete.")
        ('Is Kim Dating Pete?', 'Kim was seen with Pete.')
        >>> split_title("Kim was seen with Pete.\\n\\nThey left together.")
        ('', 'Kim was seen with Pete.\\n\\nThey left together.')
    """
    stripped = text.lstrip()
    first, sep, rest = stripped.partition("\n")
    line = first.strip()
    if not sep or rest.split("\n", 1)[0].strip() or not rest.strip():
        return "", text
    if len(line) > _TITLE_MAX or not any(c.isalpha() for c in line):
        return "", text
    if line.rstrip("\"'”’»)]*_ ")[-1:] in (".", ",", ";", ":", "…"):
        return "", text
    return line, rest.lstrip()


# --- inputs -------------------------------------------------------------------------


def _check_input(item: str | Path) -> tuple[str, Path | None]:
    if str(item) == "-":
        return "stdin", None
    if str(item) == "":
        raise InputError('""', "empty path", "name a file, a folder or - for stdin")
    path = Path(item)
    try:
        is_dir = path.is_dir()
        path.stat()
    except FileNotFoundError:
        raise InputError(str(item), "no such file or folder", "check the path") from None
    except OSError as e:  # permission denied, name too long, a file used as a folder...
        problem = f"cannot be opened ({e.strerror or e})".lower()
        raise InputError(str(item), problem, "check the path and its permissions") from None
    if is_dir:
        return "dir", path
    if path.suffix.lower() not in SUFFIXES:
        raise InputError(str(item), "unsupported file type", _USE)
    return "file", path


def _read_inputs(
    checked: list[tuple[str, Path | None]], stdin: TextIO | None
) -> Iterator[Article | Skipped]:
    for kind, path in checked:
        if path is None:
            yield from _read_stdin(stdin if stdin is not None else sys.stdin)
        elif kind == "dir":
            yield from _read_folder(path)
        else:
            yield from _read_file(path)


def _read_file(path: Path) -> Iterator[Article | Skipped]:
    origin = os.path.abspath(path)
    for item in _read_file_items(path):
        yield replace(item, origin=origin)


def _read_folder(folder: Path) -> Iterator[Article | Skipped]:
    errors: list[OSError] = []
    files: list[tuple[tuple[str, ...], Path]] = []
    for root, dirs, names in os.walk(folder, onerror=errors.append):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if not name.startswith("."):
                path = Path(root, name)
                files.append((path.relative_to(folder).parts, path))
    for error in errors:
        reason = f"folder cannot be read ({error.strerror or error}); check its permissions"
        yield Skipped(str(error.filename or folder), reason)
    if not files and not errors:
        yield Skipped(str(folder), f"no files in this folder; {_USE}")
    for _, path in sorted(files):
        if path.suffix.lower() not in SUFFIXES:
            yield Skipped(str(path), f"unsupported file type; {_USE}")
        elif not path.is_file():  # a FIFO would block, a broken link cannot be read
            yield Skipped(str(path), "not a regular file (a broken link?); remove it")
        else:
            yield from _read_file(path)


def _read_file_items(path: Path) -> Iterator[Article | Skipped]:
    where, kind = str(path), SUFFIXES[path.suffix.lower()]
    try:
        if kind == "jsonl":
            with path.open("rb") as stream:
                yield from _read_jsonl_bytes(stream, where)
            return
        text = decode_bytes(path.read_bytes())
        if kind == "json":
            yield from _read_json(text, where)
        elif kind == "html":
            yield _finish(html_article(text), where)
        else:
            yield _text_article(text, where, markdown=kind == "markdown")
    except Unreadable as e:
        yield Skipped(where, e.reason)
    except OSError as e:
        yield Skipped(where, f"cannot be read ({e.strerror or e}); check its permissions")


def _read_stdin(stream: TextIO | None) -> Iterator[Article | Skipped]:
    if stream is None:  # no standard input at all (a closed or detached stdin)
        yield Skipped(_STDIN, _EMPTY_STDIN)
        return
    # Work on bytes, so the real stdin's encoding is detected as a file's would be;
    # a text stream (a StringIO in tests) is encoded back to UTF-8.
    buffer: IO[bytes] | None = getattr(stream, "buffer", None)
    lines: Iterator[bytes] = (
        iter(buffer)
        if buffer is not None
        else (line.encode("utf-8", "surrogatepass") for line in stream)
    )
    head: list[bytes] = []
    for line in lines:  # the first non-empty line chooses the format
        head.append(line)
        if line.strip():
            break
    first = decode_line(head[-1], "cp1252") if head else ""
    if not first.strip():
        yield Skipped(_STDIN, _EMPTY_STDIN)
    elif _json_object(first):
        numbered = enumerate(itertools.chain(head, lines), start=1)
        yield from _read_jsonl_lines(((n, decode_line(b, "cp1252")) for n, b in numbered), _STDIN)
    else:
        try:
            text = decode_bytes(b"".join(itertools.chain(head, lines)))
        except Unreadable as e:
            yield Skipped(_STDIN, e.reason)
            return
        yield _text_article(text, _STDIN, markdown=False)


# --- formats ----------------------------------------------------------------------


def _text_article(text: str, where: str, *, markdown: bool) -> Article | Skipped:
    fields = markdown_article(text) if markdown else {"text": normalise_newlines(text)}
    if not fields.get("title"):
        fields["title"], fields["text"] = split_title(fields["text"])
    return _finish(fields, where)


def _finish(fields: dict[str, str], where: str, record_id: str = "") -> Article | Skipped:
    body = clean_text(fields.get("text", ""))
    if not body:
        return Skipped(where, _NO_TEXT)
    return Article(
        id=record_id or article_id(body),
        text=body,
        title=clean_line(fields.get("title", "")),
        url=clean_line(fields.get("url", "")),
        published=clean_line(fields.get("published", "")),
        source=where,
    )


def _read_json(text: str, where: str) -> Iterator[Article | Skipped]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as e:
        yield Skipped(where, f"not valid JSON ({_json_problem(e)}); fix the file")
        return
    if isinstance(data, dict):
        yield _record(data, where)
    elif isinstance(data, list) and data:
        for i, item in enumerate(data):
            yield _record(item, f"{where}[{i}]", fix="fix the item or remove it")
    elif isinstance(data, list):
        yield Skipped(where, "no articles (an empty list)")
    else:
        yield Skipped(where, "not an object or a list of objects; each article needs a 'text'")


def _read_jsonl_bytes(stream: IO[bytes], where: str) -> Iterator[Article | Skipped]:
    fallback = sniff_stream(stream)  # raises Unreadable for binary files
    numbered = ((n, decode_line(raw, fallback)) for n, raw in enumerate(stream, start=1))
    yield from _read_jsonl_lines(numbered, where)


def _read_jsonl_lines(lines: Iterable[tuple[int, str]], where: str) -> Iterator[Article | Skipped]:
    empty = True
    for lineno, line in lines:
        if lineno == 1:
            line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        empty = False
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as e:
            reason = (
                f"not valid JSON ({_json_problem(e, one_line=True)}); fix the line or remove it"
            )
            yield Skipped(f"{where}:{lineno}", reason)
            continue
        yield _record(obj, f"{where}:{lineno}")
    if empty:
        yield Skipped(where, EMPTY)


def _record(obj: Any, where: str, fix: str = "fix the line or remove it") -> Article | Skipped:
    if not isinstance(obj, dict):
        return Skipped(where, f"not a JSON object (got {_json_kind(obj)}); {fix}")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        problem = "no 'text' field" if text is None else "'text' is not a non-empty string"
        return Skipped(where, f"{problem}; {fix}")
    fields = {"text": text}
    for key in ("id", "title", "url", "published"):
        value = obj.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return Skipped(where, f"'{key}' must be a string or a number; {fix}")
        fields[key] = str(value)
    return _finish(fields, where, record_id=valid_unicode(fields.get("id", "").strip()))


def _json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False


def _json_kind(value: Any) -> str:
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, (int, float)):
        return "a number"
    return "a string" if isinstance(value, str) else "a list"


def _json_problem(error: Exception, *, one_line: bool = False) -> str:
    if isinstance(error, json.JSONDecodeError):
        at = f"column {error.colno}" if one_line else f"line {error.lineno} column {error.colno}"
        return f"{error.msg} at {at}"
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return str(error)
