"""Long articles in pieces: spaCy reads at most ``MAX_CHARS`` characters at a time.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) and its
parser needs memory in proportion to the text, so a 5 MB article would fail
(or exhaust memory) in one piece. :func:`split_article` cuts it into pieces of
at most ``MAX_CHARS`` characters, at a paragraph break where there is one,
else at a line break, a sentence end or a space; :func:`merge_extractions` puts
the pieces' claims and people back together with offsets into the whole
article. Coreference does not cross a cut ("She" at the start of a piece does
not reach a name in the piece before); the cuts fall at paragraph breaks, where
that matters least.

spaCy's memory grows with the characters of the documents it holds at once,
so :func:`piece_batches` groups pieces by count and by characters
(``BATCH_CHARS``): memory stays flat whatever the length of the articles.

Examples:
    >>> from kg.model import Article
    >>> text = "Kris is a mom.\\n\\nKhloe is her daughter.\\n\\nLamar is Khloe's ex."
    >>> for offset, piece in split_article(Article("a1", text), 30):
    ...     print(offset, repr(piece.text))
    0 'Kris is a mom.\\n\\n'
    16 'Khloe is her daughter.\\n\\n'
    40 "Lamar is Khloe's ex."
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from kg.model import Article, Claim, Entity, Extraction

__all__ = [
    "MAX_CHARS",
    "BATCH_CHARS",
    "Piece",
    "chunk_spans",
    "split_article",
    "piece_batches",
    "merge_extractions",
]

#: the longest piece spaCy is given (its own limit is 1,000,000)
MAX_CHARS = 100_000
#: the most characters handed to spaCy in one batch (unless one piece is longer)
BATCH_CHARS = 200_000

#: ``(article, offset, piece, last)``: a piece of ``article`` starting at ``offset``;
#: ``last`` is True for its final piece
Piece = tuple[Article, int, Article, bool]

# Where to cut, best first: after a blank line, a line break, a sentence end, a space.
_CUTS = (
    re.compile(r"\n[ \t]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?…][\"'”’)\]]*\s+"),
    re.compile(r"\s+"),
)


def chunk_spans(text: str, size: int = MAX_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` spans that cover ``text`` end to end, each at most ``size`` long.

    A cut is made at the last paragraph break of the second half of the window,
    else the last line break, sentence end or space there; text with no such
    place is cut hard at ``size``. The whitespace at a cut stays with the piece
    before it, so each piece after the first starts with a word.

    Examples:
        >>> chunk_spans("aaaa bbbb cccc", 10)
        [(0, 10), (10, 14)]
        >>> chunk_spans("x" * 25, 10)
        [(0, 10), (10, 20), (20, 25)]
        >>> chunk_spans("", 10)
        [(0, 0)]
    """
    if size < 2:
        raise ValueError(f"chunk size {size} is too small")
    spans: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > size:
        end = start + size
        window_start = start + size // 2
        cut = end
        for pattern in _CUTS:
            last = None
            for m in pattern.finditer(text, window_start, end):
                last = m
            if last is not None and last.end() > start:
                cut = last.end()
                break
        spans.append((start, cut))
        start = cut
    spans.append((start, n))
    return spans


def split_article(article: Article, size: int = MAX_CHARS) -> list[tuple[int, Article]]:
    """The pieces of ``article`` as ``(offset, article)``; a short article is its own one piece.

    Each piece keeps the article's id, title and source, so claims read from
    it name the right article; ``offset`` is where its text starts in the whole.
    """
    if len(article.text) <= size:
        return [(0, article)]
    return [
        (start, replace(article, text=article.text[start:end]))
        for start, end in chunk_spans(article.text, size)
    ]


def piece_batches(
    articles: Iterable[Article],
    batch_size: int = 32,
    size: int = MAX_CHARS,
    batch_chars: int = BATCH_CHARS,
) -> Iterator[list[Piece]]:
    """The pieces of ``articles``, lazily, in lists of at most ``batch_size`` pieces and
    ``batch_chars`` characters (a list holds at least one piece).

    Examples:
        >>> arts = [Article("a", "One. " * 5), Article("b", "Two."), Article("c", "Four.")]
        >>> [[(p[0].id, p[1], p[3]) for p in batch] for batch in piece_batches(arts, 2, 10, 15)]
        [[('a', 0, False)], [('a', 10, False), ('a', 20, True)], [('b', 0, True), ('c', 0, True)]]
    """
    batch: list[Piece] = []
    chars = 0
    for article in articles:
        pieces = split_article(article, size)
        for i, (offset, piece) in enumerate(pieces):
            if batch and (len(batch) >= batch_size or chars + len(piece.text) > batch_chars):
                yield batch
                batch, chars = [], 0
            batch.append((article, offset, piece, i == len(pieces) - 1))
            chars += len(piece.text)
    if batch:
        yield batch


def _shift(claim: Claim, offset: int) -> Claim:
    ev = claim.evidence
    return replace(claim, evidence=replace(ev, start=ev.start + offset, end=ev.end + offset))


def merge_extractions(article: Article, parts: Iterable[tuple[int, Extraction]]) -> Extraction:
    """One extraction of ``article`` from the extractions of its pieces (``(offset, extraction)``).

    Claims get offsets into the whole article; a person found in several pieces
    is one entity with the union of the aliases.

    Examples:
        >>> from kg.model import Claim, Evidence
        >>> whole = Article("a1", "Ann Lee is Bo Lee's mom.\\n\\nBo Lee is Ann Lee's son.")
        >>> ev = Evidence("a1", "Bo Lee is Ann Lee's son.", 0, 24)
        >>> people = (Entity("Ann Lee", aliases=("Ann",)),)
        >>> claims = (Claim("Ann Lee", "motherOf", "Bo Lee", ev, rule="r.v1"),)
        >>> part = Extraction(Article("a1", whole.text[26:]), people, claims)
        >>> merged = merge_extractions(whole, [(26, part)])
        >>> (merged.claims[0].evidence.start, merged.claims[0].evidence.end)
        (26, 50)
        >>> whole.text[26:50] == ev.sentence
        True
    """
    parts = list(parts)
    if len(parts) == 1 and parts[0][0] == 0 and parts[0][1].article == article:
        return parts[0][1]
    entities: dict[tuple[str, str], Entity] = {}
    claims: list[Claim] = []
    for offset, part in parts:
        for entity in part.entities:
            key = (entity.name, entity.type)
            seen = entities.get(key)
            if seen is None:
                entities[key] = replace(entity, article_id=entity.article_id or article.id)
            else:
                aliases = tuple(sorted(set(seen.aliases) | set(entity.aliases)))
                entities[key] = replace(seen, aliases=aliases)
        claims += [_shift(claim, offset) for claim in part.claims]
    return Extraction(article, tuple(entities.values()), tuple(claims))
