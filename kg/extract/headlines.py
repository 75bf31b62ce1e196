"""Headlines in Title Case, put into sentence case before parsing.

"Tasha Greene and Darnell Hayes Split After 11 Years of Marriage" makes the
small model read "Darnell Hayes Split" as a name. A line whose words are nearly
all capitalised keeps a capital only where the article's body writes the word
with one mid-sentence (a name), on its first word and on acronyms. Only letters'
case changes, so every character offset stays the same.

Examples:
    >>> text = "Kim Vane Splits From Husband\\n\\nKim Vane and Tom Cole split in May."
    >>> sentence_case_headlines(text).splitlines()[0]
    'Kim Vane splits from husband'
    >>> sentence_case_headlines("No headline here. Just text.")
    'No headline here. Just text.'
"""

from __future__ import annotations

import re

__all__ = ["sentence_case_headlines"]

_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_MID_SENTENCE = re.compile(r"(?<=[\w,;)] )[^\W\d_][\w'\u2019-]*")


def _is_headline(line: str) -> bool:
    words = _WORD.findall(line)
    if len(words) < 4 or len(line) > 200 or line.rstrip().endswith("."):
        return False
    long_words = [w for w in words if len(w) > 3]
    capitalised = sum(w[0].isupper() for w in long_words)
    return len(long_words) >= 3 and capitalised >= 0.8 * len(long_words)


def sentence_case_headlines(text: str) -> str:
    """``text`` with its Title Case lines in sentence case (same length)."""
    lines = text.split("\n")
    headlines = {i for i, line in enumerate(lines) if _is_headline(line)}
    if not headlines:
        return text
    body = "\n".join(line for i, line in enumerate(lines) if i not in headlines)
    names = {w for w in _MID_SENTENCE.findall(body) if w[0].isupper()}

    def recase(line: str) -> str:
        first = next((m.start() for m in _WORD.finditer(line)), -1)

        def word(m: re.Match[str]) -> str:
            w = m.group()
            if m.start() == first or w in names or w.isupper() or not w[0].isupper():
                return w  # the first word, a name, an acronym or "I"
            return w[0].lower() + w[1:]

        return _WORD.sub(word, line)

    return "\n".join(recase(line) if i in headlines else line for i, line in enumerate(lines))
