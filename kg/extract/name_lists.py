"""Lists of children's names, as celebrity news writes them: with ages, after a
dash, as the object of "shares".

The small model tags many such first names as places or firms ("North",
"Chicago", "Mason") and hangs the ages anywhere; these helpers read the list
from the text itself.

Examples:
    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("She shares Mason, 13, Penelope, 11, and Reign, 8, with Scott.")
    >>> [doc[a:b].text for a, b in listed_names(doc, 2)]
    ['Mason', 'Penelope', 'Reign']
    >>> [doc[a:b].text for a, b in child_name_lists(doc)]
    ['Mason', 'Penelope', 'Reign']
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.lexicon import PLURAL_TITLES
from kg.extract.syntax import tokens_of

__all__ = ["child_name_lists", "list_start", "listed_names"]

_CHILDREN = {
    "child", "children", "kid", "kids", "son", "sons", "daughter", "daughters",
    "grandchild", "grandchildren", "grandkid", "grandkids", "grandson", "grandsons",
    "granddaughter", "granddaughters", "twin", "twins", "brother", "brothers", "sister",
    "sisters", "sibling", "siblings", "stepchildren", "stepkids",
}  # fmt: skip
_SEPARATORS = {",", "and", "&"}
_CLAUSE = {"VERB", "AUX", "PRON", "PUNCT"}
_OPENERS = {",", ":", "-", "\u2013", "\u2014"}


_AGE_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
}  # fmt: skip


def _age(tok: Token) -> bool:
    """An age after a name: ", 13", ", nine" (as the Daily Mail writes it)."""
    return (tok.text.isdigit() and len(tok.text) <= 2) or tok.lower_ in _AGE_WORDS


def _name_word(tok: Token) -> bool:
    """A word of a name: "North", "D.", "III"."""
    return tok.pos_ == "PROPN" and tok.text[0].isupper() and tok.text.rstrip(".").isalpha()


def _hyphenated(doc: Doc, j: int) -> bool:
    """A hyphen, or the part after it, inside a name: "Lee Jae-yong"."""
    tok, before = doc[j], doc[j - 1]
    if tok.text == "-":
        return not before.whitespace_ and j + 1 < len(doc) and doc[j + 1].is_alpha
    return before.text == "-" and not doc[j - 2].whitespace_ and tok.is_alpha


def listed_names(doc: Doc, start: int, kin: bool = True) -> list[tuple[int, int]]:
    """The (start, end) of each name in a list that begins at token ``start``:
    "Mason, 13, Penelope, 11, and Reign, 8", "James, Inez and Betty", "son Leo,
    nine, and daughter Anya, seven" (only with ``kin``: a list of parents ends at
    "and sisters Ruth and Nicola")."""
    runs: list[tuple[int, int]] = []
    i, n = start, len(doc)
    while i < n:
        if doc[i].lower_ == "the" and i + 1 < n and doc[i + 1].lower_ in _CHILDREN:
            i += 1  # "... and the twins Maria and Vasily"
        if doc[i].lower_ in _CHILDREN and i + 1 < n and _name_word(doc[i + 1]):  # "son Leo"
            if not kin:
                break
            i += 1
        j = i
        while j < n and (_name_word(doc[j]) or (j > i and _hyphenated(doc, j))):
            j += 1
        if j == i:
            break
        if j < n and doc[j].tag_ == "POS":  # "A and B, Suzanne and Keith's four children"
            if runs and doc[i - 1].lower_ == "and" and doc[i - 2].text != ",":
                runs.pop()
            break
        runs.append((i, j))
        i = j
        if i + 1 < n and doc[i].text == "," and _age(doc[i + 1]):
            i += 2  # ", 13"
        i = _past_brackets(doc, i)  # "Lyubov (1881–1939)", 'Maureen ("Rebbie", born 1950)'
        if i < n and doc[i].text in _OPENERS - {","}:
            break  # the dash that closes "— North, 10, and Saint, 7 —"
        i = _past_description(doc, i)
        while i < n and doc[i].text in _SEPARATORS:
            i += 1
    return runs


def _past_brackets(doc: Doc, i: int) -> int:
    """Where a list goes on after a bracket that follows a name (else ``i``)."""
    if i >= len(doc) or doc[i].text != "(":
        return i
    end = min(doc[i].sent.end, i + 16)
    close = next((j for j in range(i + 1, end) if doc[j].text == ")"), None)
    return i if close is None else close + 1


def _past_description(doc: Doc, i: int) -> int:
    """Where a list goes on after a name's description, in a list whose items end at
    semicolons: "A, who succeeded his father; B, a painter; C; and D" (else ``i``)."""
    if i + 1 >= len(doc) or doc[i].text not in {",", ";"} or _name_word(doc[i + 1]):
        return i
    end = doc[i].sent.end
    semicolon = next((j for j in range(i, end) if doc[j].text == ";"), None)
    if semicolon is None:
        return _past_role(doc, i)
    if any(doc[j].text in {":", "(", ")"} for j in range(i, semicolon)):
        return i
    return semicolon + 1 + (semicolon + 1 < end and doc[semicolon + 1].lower_ == "and")


def _past_role(doc: Doc, i: int) -> int:
    """Where a list goes on after a short role between commas: "Robert (born 1951), a
    bioanthropologist, and Susan" (else ``i``)."""
    j = i + 1
    while j < min(i + 7, len(doc)) and doc[j].text != "," and doc[j].pos_ not in _CLAUSE:
        j += 1
    if j >= len(doc) or doc[j].text != "," or doc[i + 1].lower_ not in {"a", "an", "the"}:
        return i
    k = j + 1 + (j + 1 < len(doc) and doc[j + 1].lower_ == "and")
    return k if k < len(doc) and _name_word(doc[k]) else i


def list_start(doc: Doc, noun: Token) -> int:
    """Where a list of names after a plural noun begins: "children: A", "sisters are
    A, B", "sisters are Princesses A, B and C", "children with the singer, A, B"."""
    start = noun.i + 1 + (noun.i + 1 < len(doc) and doc[noun.i + 1].text in _OPENERS)
    if start < len(doc) and doc[start].lower_ in {"with", "by"}:  # "children with him, A, B"
        comma = next((j for j in range(start, min(start + 7, len(doc))) if doc[j].text == ","), 0)
        start = comma + 1 if comma else start
    if start + 1 < len(doc) and doc[start].lemma_ == "be":
        start += 1 + (doc[start + 1].lower_ in PLURAL_TITLES)
    return start


def child_name_lists(doc: Doc) -> list[tuple[int, int]]:
    """Names listed after a plural kinship noun or as what someone "shares" with
    someone: "four children — North, 10, Saint, 7, and Psalm, 4 —", "who shares
    Mason, 13, and Reign, 8, with ex Scott". A list needs two names, or ages."""
    found: list[tuple[int, int]] = []
    for tok in tokens_of(doc):
        start = None
        if tok.lower_ in _CHILDREN and tok.tag_ == "NNS":
            start = list_start(doc, tok)
            if not _name_word(doc[min(start, len(doc) - 1)]):  # "the five children of P: A, B"
                colon = next((j for j in range(tok.i, tok.sent.end) if doc[j].text == ":"), None)
                start = colon + 1 if colon is not None else start
        elif tok.lower_ in {"share", "shares", "shared"}:  # a verb, or (misparsed) a noun
            start = tok.i + 1  # "shares A, 13, and B, 8, with Y"
        if start is None or start >= len(doc):
            continue
        runs = listed_names(doc, start)
        aged = any(end + 1 < len(doc) and _age(doc[end + 1]) for _, end in runs)
        if len(runs) >= 2 or aged:
            found += runs
    return found
