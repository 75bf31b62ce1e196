"""Who says "I" in a quotation: the subject of the reporting verb next to it.

'"Happy birthday to my husband!" Kourtney wrote' and 'She captioned the post:
"My baby girl"' put the words in someone's mouth; "my" then stands for that
someone, so "my husband" is hers.

Examples:
    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()('"I love my husband," Kim Vane wrote on Instagram.')
    >>> {doc[i].text: speaker.text for i, speaker in quoted_speakers(doc).items()}
    {'I': 'Vane', 'my': 'Vane'}
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.syntax import SUBJECT_DEPS, tokens_of

__all__ = ["FIRST_PERSON", "quotations", "quoted_speakers"]

FIRST_PERSON = {"i", "me", "my", "myself", "mine"}
_REPORTING = {
    "say", "write", "tell", "add", "caption", "post", "share", "gush", "reveal", "explain",
    "continue", "joke", "tweet", "comment", "insist", "admit", "recall", "declare",
    "announce", "confirm", "note", "quip", "laugh", "reply", "respond", "sign", "begin",
}  # fmt: skip
_REACH = 12  # tokens between a quotation and its reporting verb


def _quote_mark(tok: Token) -> bool:
    return tok.is_quote and tok.tag_ != "POS" and tok.text not in {"'s", "’s"}


def _regions(doc: Doc) -> list[tuple[int, int]]:
    """(open, close) token indices of each quotation."""
    regions, opened = [], None
    for tok in tokens_of(doc):
        if not _quote_mark(tok):
            continue
        if opened is None:
            opened = tok.i
        elif _double(tok) == _double(doc[opened]):  # 'living separate lives' inside "..."
            regions.append((opened, tok.i))
            opened = None
    return regions


def _double(tok: Token) -> bool:
    return tok.text in {'"', "“", "”", "``", "''"}


def _reporter(tokens: list[Token]) -> Token | None:
    """The subject of the first reporting verb among ``tokens``."""
    for tok in tokens:
        if tok.lemma_.lower() in _REPORTING and tok.pos_ == "VERB":
            subject = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None:
                return subject
    return None


def quotations(doc: Doc) -> list[tuple[Span, Token]]:
    """Each attributed quotation (its words inside the marks) and the token naming who
    says it (a name, a pronoun or "the actress", for coreference to resolve)."""
    found = []
    for open_, close in _regions(doc):
        if close + 1 >= len(doc):
            after = doc[close:close]
        else:  # '"...!" Kim wrote': the reporting verb may open the next sentence
            after = doc[close + 1 : min(close + 1 + _REACH, doc[close + 1].sent.end)]
        before = doc[max(doc[open_].sent.start, open_ - _REACH) : open_]
        speaker = _reporter(list(after)) or _reporter(list(before)[::-1])
        if speaker is not None:
            found.append((doc[open_ + 1 : close], speaker))
    return found


def quoted_speakers(doc: Doc, quotes: list[tuple[Span, Token]] | None = None) -> dict[int, Token]:
    """First-person pronoun index -> the token naming who says it (``quotes``: the
    quotations of ``doc``, when already found)."""
    return {
        tok.i: speaker
        for words, speaker in (quotations(doc) if quotes is None else quotes)
        for tok in words
        if tok.lower_ in FIRST_PERSON and tok.pos_ == "PRON"
    }
