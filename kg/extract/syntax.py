"""Grammar helpers shared by coreference and the relation rules.

Clause heads and subjects, appositions the parser kept or lost, kinship and
role nouns, and capitalised titles ("The Delaney Sisters") that are not
relation words.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.lexicon import EVENT_NOUNS, HONORIFICS, ROLE_NOUNS

__all__ = [
    "SUBJECT_DEPS",
    "SUBJECTLESS",
    "appositive_name",
    "clause_of",
    "in_title",
    "is_bare_name",
    "is_kin_noun",
    "is_place",
    "is_role_nominal",
    "phrase_head",
]

SUBJECT_DEPS = {"nsubj", "nsubjpass"}

SUBJECTLESS = {
    "advcl",
    "xcomp",
    "conj",
    "pcomp",
    "acl",
}  # clauses that borrow their head's subject


def is_kin_noun(tok: Token, triggers: set[str]) -> bool:
    """True for a noun that names a person by kinship or role ("daughter", "Mom"),
    but not one narrowed by a noun ("business partners")."""
    return (
        tok.pos_ in {"NOUN", "PROPN"}
        and (tok.lower_ in triggers or tok.lemma_.lower() in triggers)
        and tok.lower_ not in EVENT_NOUNS
        and tok.lemma_.lower() not in EVENT_NOUNS
        and not any(
            c.i < tok.i
            and (
                (c.dep_ == "compound" and c.pos_ == "NOUN" and c.lower_ not in {"ex", "-"})
                or (c.dep_ == "amod" and c.tag_ == "VBG")
            )
            for c in tok.children
        )  # "business partners", "sparring partner"
        and not in_title(tok)
        and tok.ent_type_
        in {"", "PERSON", "NORP", "GPE"}  # not inside a title: "Mother of Pearl", "Aunt Hattie's"
        and not (tok.lower_ == "ex" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-")
    )


def is_place(tok: Token) -> bool:
    return tok.ent_type_ in {"GPE", "LOC", "FAC"} or (
        tok.dep_ == "pobj" and tok.head.lower_ in {"in", "at", "near"}
    )


def is_role_nominal(tok: Token) -> bool:
    """ "the singer", "The actress" as the subject or object of a clause."""
    return (
        tok.pos_ == "NOUN"
        and tok.lemma_.lower() in ROLE_NOUNS
        and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "poss"}
        and any(c.lower_ == "the" for c in tok.children)
        and not any(c.dep_ in {"compound", "amod"} and c.pos_ == "NOUN" for c in tok.children)
    )


def in_title(tok: Token) -> bool:
    """A capitalised word inside a run of capitalised words mid-sentence is part of
    a title or a name: "The Delaney Sisters", "Dear Abby's Brother", "Married to the Mob"."""
    if not tok.is_title or tok.is_sent_start:
        return False
    if tok.pos_ == "VERB" or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return True  # a capitalised verb or "Mother of Pearl" mid-sentence is a title
    doc = tok.doc
    before = tok.i > 0 and doc[tok.i - 1].is_title and not doc[tok.i - 1].is_sent_start
    before = before or (tok.i > 1 and doc[tok.i - 1].tag_ == "POS" and doc[tok.i - 2].is_title)
    after = tok.i + 1 < len(doc) and doc[tok.i + 1].is_title
    return before or after


def phrase_head(tok: Token) -> Token:
    while tok.dep_ in {"compound", "flat"} and tok.head.i != tok.i:
        tok = tok.head
    return tok


def clause_of(tok: Token) -> Token:
    """The verb (or root) that heads the clause of ``tok``; for a clause without
    a subject ("being succeeded by his son"), the verb it depends on."""
    node = tok
    while node.head.i != node.i and node.pos_ not in {"VERB", "AUX"}:
        node = node.head
    for _ in range(3):
        if any(c.dep_ in SUBJECT_DEPS for c in node.children) or node.dep_ not in SUBJECTLESS:
            break
        node = node.head
        while node.head.i != node.i and node.pos_ not in {"VERB", "AUX"}:
            node = node.head
    return node


def appositive_name(tok: Token, token_person: dict[int, int]) -> int | None:
    """The person named next to a kinship noun: "her daughter, Khloe", "his wife Donna"."""
    for child in tok.children:
        if child.dep_ in {"appos", "compound", "npadvmod"} and child.i > tok.i:
            if child.i in token_person:
                return token_person[child.i]
            for grand in child.children:  # "her husband, rugby player Finn Gallagher"
                if (
                    child.pos_ == "NOUN"
                    and grand.dep_ in {"appos", "compound"}
                    and grand.i in token_person
                ):
                    return token_person[grand.i]
    doc, nxt = tok.doc, tok.i + 1
    if (
        nxt < len(doc)
        and nxt in token_person
        and doc[nxt].head.i in {tok.i, *[c.i for c in tok.children]}
    ):
        return token_person[nxt]
    # The parser lost the apposition: "her husband, rugby player Finn Gallagher,"
    if nxt < len(doc) and doc[nxt].text == "," and tok.tag_ == "NN":
        j = nxt + 1
        while j < min(len(doc), nxt + 5) and j not in token_person and _role_word(doc[j]):
            j += 1
        if j in token_person:
            return token_person[j]
    return None


def _role_word(tok: Token) -> bool:
    """A word of a role before a name: "rugby player", "fashion editor", "K-pop singer", "Dr."."""
    return (
        tok.pos_ in {"NOUN", "ADJ"}
        or (tok.is_lower and tok.is_alpha and not tok.is_stop)  # "cinematographer" tagged a verb
        or tok.text == "-"
        or tok.lower_ in HONORIFICS  # "her son, Dr. Nelson"
    )


def is_bare_name(tok: Token) -> bool:
    """A capitalised kinship word used as a name: "Mom is speaking up"."""
    return (
        tok.is_title
        and not any(c.dep_ in {"det", "poss"} for c in tok.children)
        and tok.i > 0
        and (not tok.is_sent_start or tok.dep_ in SUBJECT_DEPS)
    )
