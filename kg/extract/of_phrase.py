"""Who a kinship noun's of-phrase names, however the parser hung it.

"the son of Hall of Fame running back Marcus Bell Sr." (the first name after
"of"), "the son of actors A and B" and "the son of A, who founded the firm, and
B" (the second parent after "and"), "was the daughter of A, Duke of P, and B"
(a conjunct hung on the verb), "the son of A and his wife B", "the father of
three children: A, B and C".
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import Context, Ref
from kg.extract.lexicon import ROLE_NOUNS
from kg.extract.referents import listed_after
from kg.extract.syntax import RELATIVE_PRONOUNS, SUBJECT_DEPS, phrase_head, spouse_after_of

__all__ = [
    "named_after_and",
    "named_after_of",
    "of_kin_list",
    "parent_spouses",
    "stray_conjuncts",
]


def of_kin_list(ctx: Context, noun: Token) -> list[Ref]:
    """The names listed after a plural kin noun in the of-phrase:
    "the father of three children: Erik, Sofie and Anna"."""
    objs = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return [
        r
        for g in objs
        if g.dep_ == "pobj" and g.tag_ == "NNS" and ctx.is_kin(g)
        for r in listed_after(ctx, g)
    ]


def parent_spouses(ctx: Context, noun: Token, parents: set[int]) -> list[Ref]:
    """The other parent in "the son of A and his wife B" (however the parser hangs "wife")."""
    found: list[Ref] = []
    for tok in ctx.doc[noun.i + 1 : noun.sent.end]:
        if tok.pos_ in {"VERB", "AUX"} and "relcl" not in {tok.dep_, tok.head.dep_}:
            break  # not "the son of A, who had played ..., and his wife B"
        ref = ctx.coref.ref(tok)
        if (
            ref is not None
            and ref.person in parents
            and tok.lower_ in {"his", "her"}
            and spouse_after_of(tok, ctx.people.token_person) is not None
        ):
            found += [r for r in ctx.refs(tok.head) if r.person not in parents]
    return found


def stray_conjuncts(ctx: Context, noun: Token, anchors: list[Ref]) -> list[Ref]:
    """A name after "and" that the parser hung on the verb before the kinship noun, or
    on a preposition: "was the daughter of A, Duke of P, and B" (B a conjunct of "was")."""
    doc, token_person = ctx.doc, ctx.people.token_person
    found: list[Ref] = []
    last = max(a.token.i for a in anchors)
    for tok in doc[last + 1 : noun.sent.end]:
        if tok.pos_ in {"VERB", "AUX"}:
            break
        pid = token_person.get(tok.i)
        if (
            pid is not None
            and tok.dep_ == "conj"
            and (
                (tok.head.pos_ in {"VERB", "AUX"} and tok.head.i < noun.i)
                or (tok.head.pos_ == "ADP" and noun.i < tok.head.i < tok.i)  # "Duke [of] P, and B"
                or (  # "A, [Duke] of P, and B": a conjunct of the anchor's title
                    tok.head.dep_ == "appos"
                    and tok.head.head.i in {a.token.i for a in anchors}
                    and tok.head.i not in token_person
                )
            )
            and not any(c.dep_ in SUBJECT_DEPS for c in tok.children)
        ):
            start = min(m.start for m in ctx.people.persons[pid].mentions if m.end > tok.i)
            if start > 0 and doc[start - 1].lower_ == "and":
                found.append(Ref(tok, pid, 0.8))
    return [r for r in found if r.person not in {a.person for a in anchors}]


_DESCRIBERS = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PUNCT"}


def named_after_and(ctx: Context, noun: Token, anchors: list[Ref]) -> list[Ref]:
    """The next person after "and" in the of-phrase, however the parser hung it:
    "the son of actors A and B", "the daughter of the philosopher A and the writer B"
    (a kinship noun, a verb, a pronoun or a new subject ends the phrase)."""
    doc, token_person = ctx.doc, ctx.people.token_person
    taken = {a.person for a in anchors}
    i = max(a.token.i for a in anchors if a.token.i > noun.i) if anchors else noun.i
    while token_person.get(i + 1) in taken:
        i += 1
    i += 1
    i += i < len(doc) and doc[i].text == "." and doc[i - 1].lower_ in {"sr", "jr"}  # "Sr ."
    if i + 1 < len(doc) and doc[i].lower_ == "of" and doc[i + 1].pos_ == "PROPN":
        i += 1  # "King Ferdinand IV of Naples and B": the realm
        while i < len(doc) and doc[i].pos_ == "PROPN" and i not in token_person:
            i += 1
    clause = doc[i + 1] if i + 1 < len(doc) and doc[i].text == "," else None
    if clause is not None and clause.lower_ in RELATIVE_PRONOUNS and clause.head.dep_ == "relcl":
        i = clause.head.right_edge.i + 1  # "the son of A, who founded the firm, and B"
    elif clause is not None and clause.pos_ == "DET" and clause.head.dep_ == "appos":
        i = clause.head.right_edge.i + 1  # "born to A, a machinist, and B"
    elif clause is not None and (clause.pos_ == "DET" or clause.tag_ == "NN"):
        i = next(  # "the son of A, a cutler, and B" ("a cutler" parsed as a conjunct),
            # "the son of A, master of a tramp steamer, and B"
            (t.i for t in doc[clause.i : min(clause.i + 20, noun.sent.end)] if t.text == ","),
            i,
        )
    i += i < len(doc) and doc[i].text == ","
    if i >= noun.sent.end or doc[i].lower_ != "and":
        return []
    for tok in doc[i + 1 : min(i + 6, noun.sent.end)]:
        if tok.i in token_person:
            found = _named_object(ctx, tok)
            return [] if found is None or found.person in taken else [found]
        role = tok.lower_ in ROLE_NOUNS  # "actress" is sometimes tagged a verb
        if not (role or tok.pos_ in _DESCRIBERS) or ctx.is_kin(tok) or tok.text in {",", ";", "("}:
            return []
    return []


def _named_object(ctx: Context, tok: Token, after_and: bool = True) -> Ref | None:
    """The person whose name starts at ``tok``, unless the name owns the next noun or,
    after "and", opens a clause: not "B's cousin", "... and B was her teacher"."""
    doc, token_person = ctx.doc, ctx.people.token_person
    end = tok.i
    while token_person.get(end + 1) == token_person[tok.i]:
        end += 1
    after = doc[end + 1] if end + 1 < len(doc) else None
    if after is not None and after.tag_ == "POS":
        return None
    if after_and and (
        phrase_head(doc[end]).dep_ in SUBJECT_DEPS
        or (after is not None and after.pos_ in {"VERB", "AUX"})
    ):
        return None
    return Ref(tok, token_person[tok.i], 0.8)


def named_after_of(ctx: Context, noun: Token) -> list[Ref]:
    """The first person named after "of" when the parser lost the phrase:
    "the son of Hall of Fame running back Marcus Bell Sr." (no comma crossed)."""
    of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    if not of:
        return []
    doc, token_person = ctx.doc, ctx.people.token_person
    after_and = False  # "and" may join two roles: "of attorney and Commissioner F. Watriss"
    for tok in doc[of[0].i + 1 : min(of[0].i + 9, noun.sent.end)]:
        if tok.i in token_person:  # not "the father of Kayla's children"
            found = _named_object(ctx, tok, after_and)
            return [found] if found is not None else []
        if tok.is_punct and tok.text != "-" or tok.pos_ in {"AUX", "PRON"}:
            return []
        if tok.pos_ == "VERB" and (after_and or tok.tag_ in {"VBN", "VBD"}):
            return []  # "the daughter of a farmer and went on to marry X", "of a diplomat
            # played by X" (but "of Hall of Fame running back X")
        after_and = after_and or tok.lower_ == "and"
    return []
