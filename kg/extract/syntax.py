"""Grammar helpers shared by coreference and the relation rules.

Clause heads and subjects, appositions the parser kept or lost, kinship and
role nouns, and capitalised titles ("The Delaney Sisters") that are not
relation words.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.lexicon import EVENT_NOUNS, HONORIFICS, ROLE_NOUNS

__all__ = [
    "RELATIVE_PRONOUNS",
    "SUBJECT_DEPS",
    "SUBJECTLESS",
    "appositive_name",
    "bracketed_name",
    "clause_of",
    "fronted_subject",
    "in_title",
    "is_bare_name",
    "is_kin_noun",
    "is_place",
    "is_role_nominal",
    "phrase_head",
    "spouse_after_of",
    "tokens_of",
]

SPOUSE_NOUNS = {"wife", "husband", "spouse", "consort"}
CHILD_NOUNS = {"son", "daughter", "child", "stepson", "stepdaughter"}

_TOKENS = "kg.tokens"


def tokens_of(doc: Doc) -> list[Token]:
    """The doc's tokens, made once per extraction (each pass over a Doc builds new
    Token objects); ``Extractor.from_doc`` drops the list when it is done."""
    tokens = doc.user_data.get(_TOKENS)
    if tokens is None:
        tokens = doc.user_data[_TOKENS] = list(doc)
    return tokens


SUBJECT_DEPS = {"nsubj", "nsubjpass"}
RELATIVE_PRONOUNS = {"who", "whom", "that", "which"}

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
    if tok.lower_ in {"boy", "girl"} and tok.i > 0:  # "the couple's baby boy"
        before = tok.doc[tok.i - 1]
        return before.head == tok and f"{before.lower_} {tok.lower_}" in triggers
    return (
        tok.pos_ in {"NOUN", "PROPN"}
        and (tok.lower_ in triggers or tok.lemma_.lower() in triggers)
        and tok.lower_ not in EVENT_NOUNS
        and tok.lemma_.lower() not in EVENT_NOUNS
        and not any(
            c.i < tok.i
            and (
                (
                    c.dep_ == "compound"
                    and c.pos_ == "NOUN"
                    and c.lower_ not in {"ex", "-", "baby", *RULER_TITLES}  # "queen consort"
                    and not (c.i > 0 and c.doc[c.i - 1].text == "-")  # "real-life husband"
                )
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
    """ "Oslo", "in Bergen", "born on Chios"."""
    return tok.ent_type_ in {"GPE", "LOC", "FAC"} or (
        tok.dep_ == "pobj"
        and (
            tok.head.lower_ in {"in", "at", "near"}
            or (tok.head.lower_ == "on" and tok.head.head.lower_ == "born")
        )
    )


RULER_TITLES = {"king", "queen", "emperor", "empress", "pharaoh", "sultan", "tsar", "czar"}


def _age_noun(tok: Token) -> bool:
    """ "the 36-year-old": an age used as a noun."""
    doc = tok.doc
    return (
        tok.lower_ == "old"
        and tok.i >= 2
        and doc[tok.i - 1].text == "-"
        and (doc[tok.i - 2].lower_ in {"year", "years"})
    )


def is_role_nominal(tok: Token) -> bool:
    """ "the singer", "The actress", "the 36-year-old" as the subject or object of a clause."""
    return (
        (
            (tok.pos_ == "NOUN" and tok.lemma_.lower() in ROLE_NOUNS)
            or (tok.pos_ in {"NOUN", "PROPN"} and tok.lower_ in RULER_TITLES)  # "the Queen"
            or _age_noun(tok)
        )
        and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "poss"}
        and any(c.lower_ == "the" for c in tok.children)
        and not any(c.dep_ in {"compound", "amod"} and c.pos_ == "NOUN" for c in tok.children)
        and not (  # "married the architect Jacques Blondel": the name says who
            tok.i + 1 < len(tok.doc)
            and tok.doc[tok.i + 1].pos_ == "PROPN"
            and tok.doc[tok.i + 1].is_title
        )
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


def fronted_subject(verb: Token) -> Token | None:
    """The word before a verb the parser hung elsewhere, though it is the subject:
    "Ramaswamy married Y" (the surname tagged an adverb), "In 2019 McIlwraith married Y"
    (the name taken for the year's)."""
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    fronted = [c for c in verb.children if c.dep_ in {"advmod", "npadvmod"} and c.i < verb.i]
    if fronted and (fronted[0].is_sent_start or fronted[0].dep_ == "npadvmod"):
        return fronted[0]
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if (
        before is not None
        and before.pos_ == "PROPN"
        and before.dep_ == "pobj"
        and before.head.head == verb
        and any(c.like_num for c in before.children)
    ):
        return before
    return None


def appositive_name(tok: Token, token_person: dict[int, int]) -> int | None:
    """The person named next to a kinship noun: "her daughter, Khloe", "his wife Donna"."""
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    role = of is not None and any(  # "the son of a fisherman, Olaf Dahl": Olaf is the fisherman
        g.dep_ == "pobj"
        and g.pos_ == "NOUN"
        and g.i not in token_person
        and g.ent_type_ != "DATE"  # not "her husband of ten years, X"
        and any(c.lower_ in {"a", "an", "the"} for c in g.children)
        for g in of.children
    )
    named = named_by_acl(tok, token_person)
    if named is not None:
        return named  # "a daughter named Mia"
    for child in tok.children:
        if child.dep_ in {"appos", "compound", "npadvmod"} and child.i > tok.i:
            if (
                of is not None
                and of.i < child.i
                and (role or not any(t.text == "," for t in tok.doc[of.i : child.i]))
            ):
                continue  # the parser lost "of": "the daughter of politician Mondher Ben Ammar"
            if child.i in token_person:
                return token_person[child.i]
            for grand in child.children:  # "her husband, rugby player Finn Gallagher"
                if (
                    child.pos_ in {"NOUN", "ADJ"}  # "the pediatrician" is sometimes an adjective
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


def bracketed_name(tok: Token, token_person: dict[int, int]) -> int | None:
    """The person a bracketed kinship phrase describes: "Subhadra (Krishna's sister)"."""
    doc = tok.doc
    ends = {tok.i + 1, tok.right_edge.i, tok.right_edge.i + 1}
    if not any(e < len(doc) and doc[e].text == ")" and e > tok.i for e in ends):
        return None
    i = tok.i - 1
    while i > 0 and tok.i - i < 12 and doc[i].text != "(":
        if doc[i].text in {")", ".", ";", ":"}:
            return None
        i -= 1
    return token_person.get(i - 1) if doc[i].text == "(" else None


def _role_word(tok: Token) -> bool:
    """A word of a role before a name: "rugby player", "fashion editor", "K-pop singer",
    "Dr.", "Nollywood actress"."""
    if tok.lower_ in ROLE_NOUNS:
        return True  # "his father, Coroner Donald W. Stith", "girlfriend, model X" (a verb)
    if tok.dep_ in {"ROOT", "dobj"}:
        return False  # "X, Beatrice's sister, shares sons August ...": a clause, not a role
    return (
        tok.pos_ in {"NOUN", "ADJ"}
        or (tok.is_lower and tok.is_alpha and not tok.is_stop)  # "cinematographer" tagged a verb
        or tok.text == "-"
        or tok.lower_ in HONORIFICS  # "her son, Dr. Nelson"
        or (tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.i > tok.i)
    )  # "Nollywood actress", "NFL running back"


def is_bare_name(tok: Token) -> bool:
    """A capitalised kinship word used as a name: "Mom is speaking up"."""
    return (
        tok.is_title
        and not any(c.dep_ in {"det", "poss"} for c in tok.children)
        and tok.i > 0
        and (not tok.is_sent_start or tok.dep_ in SUBJECT_DEPS)
    )


def spouse_after_of(tok: Token, token_person: dict[int, int]) -> int | None:
    """The parent a possessive names in "the son of A (of Exeter) and his wife B":
    the first person after the outermost "of" of a child noun, in the same clause."""
    doc = tok.doc
    if (
        tok.dep_ != "poss"
        or tok.head.lemma_.lower() not in SPOUSE_NOUNS
        or tok.i < 2
        or doc[tok.i - 1].lower_ not in {"and", "by"}  # "the son of A by his second wife B"
    ):
        return None
    found = None
    for j in range(tok.i - 2, tok.sent.start - 1, -1):
        t = doc[j]
        in_relative = "relcl" in {t.dep_, t.head.dep_}  # "A, who had played ..., and his wife"
        if (t.pos_ in {"VERB", "AUX"} and not in_relative) or t.text in {";", ":"}:
            break
        if (t.lower_ == "of" and t.head.lemma_.lower() in CHILD_NOUNS) or (
            t.lower_ in {"to", "of"} and t.head.lower_ == "born"  # "born to A and his wife B"
        ):
            found = next((token_person[k] for k in range(j + 1, tok.i) if k in token_person), found)
    return found


def named_by_acl(tok: Token, token_person: dict[int, int]) -> int | None:
    """The person a noun is said to be called: "a daughter named Mia", "a son called Leo"."""
    for acl in tok.children:
        if acl.dep_ == "acl" and acl.lower_ in {"named", "called"}:
            for obj in acl.children:
                if obj.dep_ in {"oprd", "dobj", "attr", "xcomp"} and obj.i in token_person:
                    return token_person[obj.i]
    return None
