"""Names that the way a text is written marks as people, whatever NER says.

- The opening of a biography: "Hélé Béji (born 1948) is a Tunisian writer",
  "Anthony Maitland Steel (21 May 1920 – 21 March 2001) was an English actor":
  a run of capitalised words, a bracket with a life's dates, and a copula.
- The owner of a kinship noun's possessive pronoun: "Swiney is managed by his
  wife", "Gleb's passion led him and his wife to ...": a name that is the
  subject of a clause in which "his wife" or "her son" follows, with no other
  person named in between.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.lexicon import PRONOUN_GENDER, ROLE_NOUNS, TITLES, gender_of_word

__all__ = ["NAME_PARTICLES", "lead_names", "owns_kin_pronoun"]

# Lower-case words inside names: "Alphonse Pyrame de Candolle", "Marguerite of Enghien".
NAME_PARTICLES = {
    "de", "da", "di", "del", "della", "van", "von", "der", "den", "du", "la", "le", "of",
    "bin", "ibn", "al", "el", "ben", "zu", "dos", "das", "y", "ter", "ten",
}  # fmt: skip
_LIFE_WORDS = {"born", "died", "b.", "d.", "c.", "née", "nee", "fl."}
_DASHES = {"-", "–", "—", "--"}


def _name_word(tok: Token) -> bool:
    return tok.text[:1].isupper() and (tok.is_alpha or "." in tok.text or "'" in tok.text)


def _lead_span(sent: Span) -> tuple[int, int] | None:
    """The run of name words a sentence opens with, up to a bracket."""
    doc, start = sent.doc, sent.start
    while start < sent.end and (doc[start].is_quote or doc[start].is_space):
        start += 1
    i = start
    while i < sent.end and i - start < 8:
        tok = doc[i]
        inner = i > start and i + 1 < sent.end and _name_word(doc[i + 1])
        glued = (  # "Seo Min-jae": a lowercase part of a hyphenated name
            i > start + 1 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_
        ) or (tok.text == "-" and not tok.whitespace_ and i + 1 < sent.end and doc[i + 1].is_alpha)
        if (
            _name_word(tok)
            or (inner and (tok.lower_ in NAME_PARTICLES or tok.text == "-"))
            or (glued and (tok.is_alpha or tok.text == "-"))
        ):
            i += 1
        else:
            break
    if i == start or i >= sent.end or not doc[i].text.startswith("("):
        return None
    return start, i


def _life_dates(doc: Doc, open_: int, end: int) -> int | None:
    """The end of a bracket with dates of a life, "(1740 – 1776)", "(born 1948)",
    after at most one other bracket ("John of Islay (or John MacDonald) (1434 – 1503)")."""
    for _ in range(2):
        close = next(
            (k for k in range(open_ + 1, min(open_ + 30, end)) if ")" in doc[k].text), None
        )
        if close is None:
            return None
        inside = doc[open_ + 1 : close]
        years = any(t.like_num for t in inside)
        if years and any(t.lower_ in _LIFE_WORDS or t.text in _DASHES for t in inside):
            return close
        if close + 1 >= end or not doc[close + 1].text.startswith("("):
            return None
        open_ = close + 1
    return None


def _about_a_person(sent: Span, doc: Doc, kin_words: set[str]) -> bool:
    """The sentence describes a person (a role, a title, kin), or a he/she follows."""
    root = sent.root
    attrs = [c for c in root.children if c.dep_ in {"attr", "acomp"}]
    words = {w.lower_ for a in attrs for w in [a, *a.conjuncts]}
    if words & (ROLE_NOUNS | TITLES) or any(gender_of_word(w) for w in words):
        return True
    if any(t.lower_ in kin_words for t in sent):
        return True
    after = doc[sent.start : min(len(doc), sent.end + 120)]
    return any(PRONOUN_GENDER.get(t.lower_) in {"f", "m"} and t.pos_ == "PRON" for t in after)


def lead_names(doc: Doc, kin_words: set[str]) -> list[Span]:
    """The people whose biography a sentence opens: "Hélé Béji (born 1948) is a writer"."""
    found = []
    for sent in doc.sents:
        run = _lead_span(sent)
        if run is None:
            continue
        close = _life_dates(doc, run[1], sent.end)
        if close is None or sent.root.lemma_ != "be":
            continue
        subjects = [c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
        if sent.root.i < close or any(not run[0] <= s.i <= close for s in subjects):
            continue  # the name is what the sentence is about
        if _about_a_person(sent, doc, kin_words):
            found.append(doc[run[0] : run[1]])
    return found


def owns_kin_pronoun(span: Span, kin_words: set[str]) -> bool:
    """The name is the subject (or the subject's owner) of a clause in which a
    possessive pronoun owns a kinship noun, no other name in between:
    "Swiney is managed by his wife", "Gleb's passion led him and his wife"."""
    root = span.root
    if root.dep_ == "poss" and root.head.dep_ in {"nsubj", "nsubjpass"}:
        root = root.head
    if root.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    doc, sent = span.doc, span.sent
    for tok in doc[span.end : sent.end]:
        if tok.ent_type_ == "PERSON":
            return False
        if (
            tok.dep_ == "poss"
            and PRONOUN_GENDER.get(tok.lower_) in {"f", "m"}
            and (tok.head.lower_ in kin_words or tok.head.lemma_.lower() in kin_words)
        ):
            return True
    return False
