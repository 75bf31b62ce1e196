"""Bytes to text: UTF-8 first, then a Western legacy encoding, then detection.

Article files come from scrapers and old archives, so besides UTF-8 (with or
without a BOM) they are often Windows-1252 ("Beyonc\\xe9", curly quotes as
``\\x93``/``\\x94``). charset-normalizer guesses poorly on short, mostly-ASCII
English text (it picks cp1250 or even cp932), so mostly-ASCII bytes that are
valid Windows-1252 are read as Windows-1252; everything else goes to
charset-normalizer. Files that are not text raise :class:`Unreadable`.

Examples:
    >>> decode_bytes("Beyonc\\u00e9 said \\u201chi\\u201d".encode("cp1252"))
    'Beyoncé said “hi”'
    >>> decode_bytes(b"\\xef\\xbb\\xbfKim")
    'Kim'
    >>> decode_bytes(b"\\x89PNG\\r\\n\\x1a\\n...")
    Traceback (most recent call last):
    ...
    kg.decode.Unreadable: binary file, not text; remove it or convert it to .txt
"""

from __future__ import annotations

import codecs
from typing import IO

import charset_normalizer

__all__ = ["BINARY", "EMPTY", "Unreadable", "decode_bytes", "decode_line", "sniff_stream"]

BINARY = "binary file, not text; remove it or convert it to .txt"
EMPTY = "empty file; add the article text or remove the file"

# File signatures of common non-text files that may sit among articles.
_SIGNATURES = (
    b"\x89PNG\r\n\x1a\n",  # PNG
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"%PDF-",
    b"PK\x03\x04",  # zip, docx, epub
    b"\x1f\x8b",  # gzip
    b"BZh",
    b"7z\xbc\xaf\x27\x1c",
    b"\x7fELF",
    b"RIFF",  # webp, wav, avi
    b"OggS",
    b"ID3",  # mp3
    b"SQLite format 3\x00",
)
_BOMS = (  # UTF-32 before UTF-16: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ASCII = bytes(range(128))
_WESTERN_MAX_NON_ASCII = 0.1  # share of non-ASCII bytes up to which cp1252 is preferred
_CONTROL = bytes(c for c in range(32) if chr(c) not in "\t\n\r\f") + b"\x7f"
_SNIFF = 1 << 16


class Unreadable(Exception):  # noqa: N818 - internal signal, not a user-facing error
    """Raised for bytes that are not readable text; ``reason`` says why and what to do."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def decode_bytes(data: bytes) -> str:
    """Decode a whole file.

    Raises:
        Unreadable: the bytes are empty, whitespace only, or not text.

    Examples:
        >>> decode_bytes(b"  \\n")
        Traceback (most recent call last):
        ...
        kg.decode.Unreadable: empty file; add the article text or remove the file
    """
    if not data.strip():
        raise Unreadable(EMPTY)
    encoding = _bom_encoding(data)
    if encoding:
        text = data.decode(encoding, "replace")
    else:
        if _looks_binary(data):
            raise Unreadable(BINARY)
        text = _decode_unmarked(data)
    if not text.strip():
        raise Unreadable(EMPTY)
    return text


def sniff_stream(stream: IO[bytes]) -> str:
    """Choose the fallback encoding of a line-by-line stream from its first 64 KiB.

    The stream is rewound. Lines are then decoded by :func:`decode_line` with
    the returned encoding as the fallback for lines that are not UTF-8.

    Raises:
        Unreadable: the stream is binary, or UTF-16/32 (which cannot be read line by line
            as bytes; convert it to UTF-8).
    """
    head = stream.read(_SNIFF)
    stream.seek(0)
    if _bom_encoding(head) in ("utf-16", "utf-32"):
        raise Unreadable("UTF-16/UTF-32 file; convert it to UTF-8")
    if _looks_binary(head):
        raise Unreadable(BINARY)
    body = head[len(codecs.BOM_UTF8) :] if head.startswith(codecs.BOM_UTF8) else head
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start < len(body) - 4:  # not just a character cut at the end of the sample
            return _legacy_encoding(body) or "cp1252"
    return "cp1252"


def decode_line(raw: bytes, fallback: str) -> str:
    """Decode one line: UTF-8 if valid (a UTF-8 BOM is dropped), else ``fallback``.

    Examples:
        >>> decode_line("Beyonc\\u00e9\\n".encode("cp1252"), "cp1252")
        'Beyoncé\\n'
    """
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode(fallback, "replace")


def _bom_encoding(data: bytes) -> str:
    return next((name for bom, name in _BOMS if data.startswith(bom)), "")


def _looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF]
    if head.startswith(_SIGNATURES) or b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls > max(2, len(head) // 20)  # text has next to no control bytes


def _decode_unmarked(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    encoding = _legacy_encoding(data)
    if encoding is None:
        raise Unreadable(BINARY)
    return data.decode(encoding, "replace")


def _legacy_encoding(data: bytes) -> str | None:
    """cp1252 for mostly-ASCII bytes valid in it, else charset-normalizer's guess or None."""
    non_ascii = len(data.translate(None, _ASCII))
    if non_ascii <= _WESTERN_MAX_NON_ASCII * len(data):
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined
            pass
    best = charset_normalizer.from_bytes(data).best()
    return best.encoding if best is not None else None
