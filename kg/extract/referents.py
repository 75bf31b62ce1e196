"""Who a kinship word or a relation verb is about: owners, referents, objects.

The rules (``kg.extract.rules``, ``kg.extract.parentage``) read relations off
these: the owner of "X's mom" and "their son" (also "X and Y's son"), the
people a kinship noun names ("her daughter, Khloe", "two kids, Leo and Mia",
"a son called Leo"), the objects of "of"/"to"/"with", the subject of a verb
however the parser hangs it, and the parent behind "the son of A and his wife B".
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import Context, Ref
from kg.extract.lexicon import ROLE_NOUNS
from kg.extract.name_lists import list_start, listed_names
from kg.extract.syntax import (
    CHILD_NOUNS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    clause_of,
    fronted_subject,
    is_place,
    phrase_head,
)

__all__ = [
    "kin_conjuncts",
    "kin_preps",
    "listed_after",
    "listed_people",
    "lost_first_subject",
    "of_objects",
    "of_role_name",
    "owners",
    "partitive_owner",
    "people",
    "referents",
    "verb_subjects",
]


def people(ctx: Context, toks: list[Token]) -> list[Ref]:
    found: list[Ref] = []
    for tok in toks:
        found += ctx.persons_in(tok)
    return found


def owners(ctx: Context, noun: Token) -> list[Ref]:
    """The people in "X's mom", "their son"; a conjunct without its own owner
    shares its head's: "their son Stanley and daughter Soleil"."""
    doc, bare = noun.doc, noun
    ex_prefix = noun.i >= 2 and doc[noun.i - 1].text == "-" and doc[noun.i - 2].lower_ == "ex"
    if ex_prefix and not any(c.dep_ == "poss" for c in noun.children):
        noun = doc[noun.i - 2]  # "X's ex-husband": the owner hangs on "ex"
    if (noun.dep_ == "compound" or ex_prefix and noun.dep_ == "amod") and not _has_poss(noun):
        noun = noun.head  # "their son Stanley and daughter Soleil": "daughter" modifies "Soleil"
    kin = noun
    while (
        not any(c.dep_ == "poss" for c in noun.children)
        and noun.dep_ == "conj"
        and (ctx.is_kin(noun.head) or noun.pos_ == "PROPN")
    ):
        noun = noun.head
    # "his wife, Ingrid, and a son, Erik", "Owen's sister Ruby and brother Liam": the owner
    # of the first kinship noun owns the later ones
    if noun.dep_ == "conj" and noun.head.dep_ == "appos" and not _has_poss(noun):
        noun = noun.head
    listed = noun.dep_ == "appos" and doc[noun.i - 1].lower_ == "and"  # "son A, 20, and daughter B"
    if (noun is not kin or listed) and noun.dep_ == "appos" and ctx.is_kin(noun.head):
        noun = noun if _has_poss(noun) else noun.head
    found = people(ctx, [c for c in noun.children if c.dep_ == "poss"])
    seen = {r.person for r in found}
    found += [r for r in _listed_possessors(ctx, kin) if r.person not in seen]
    return found or _bare_kin_owner(ctx, bare)


def _bare_kin_owner(ctx: Context, noun: Token) -> list[Ref]:
    """The subject owns a bare kinship title before a name in its "with" phrase,
    the first conjunct one in a list, the deceased the kin who survive them: "X shares
    four children with husband Y", "X and husband Y live in Paris", "X is survived by
    a son, Y"."""
    if _has_poss(noun):
        return []  # "survived by his sister Maria, his father's daughter": not his daughter
    top = noun
    while top.dep_ in {"appos", "conj"} and (ctx.is_kin(top.head) or ctx.is_person(top.head)):
        top = top.head  # "survived by a son, A; a sister, B", "by his parents, A and B, and a"
    by = top.head.head if top.dep_ == "pobj" and top.head.lower_ == "by" else None
    if by is not None and by.lemma_ in {"survive", "precede", "predecease"}:
        return verb_subjects(ctx, by)  # "he is survived by a son, Michael"
    if any(c.dep_ in {"det", "poss"} for c in noun.children):
        return []
    named = noun.head if noun.dep_ == "compound" else noun
    if named.dep_ == "conj" and named.i > noun.i and ctx.is_person(named):
        first = named.head.left_edge
        if any(c.dep_ == "compound" and ctx.is_kin(c) for c in named.head.children) or (
            first.i > 0 and noun.doc[first.i - 1].lower_ in CHILD_NOUNS  # "daughter" a verb
        ):
            return []  # "daughter Stormi and son Aire": a list of kin, not Stormi's son
        return ctx.refs(named.head)  # "X and husband Y live in Paris"
    if named.dep_ != "pobj" or named.head.lower_ not in {"with", "alongside", "beside", "from"}:
        return []
    verb = named.head.head
    for _ in range(5):  # "is pregnant with her first child with husband Y"
        if verb.pos_ in {"VERB", "AUX"}:
            return verb_subjects(ctx, verb)
        verb = verb.head
    return []


def _has_poss(tok: Token) -> bool:
    return any(c.dep_ == "poss" for c in tok.children)


_PREMODIFIER_TAGS = {"JJ", "JJR", "JJS", "CD", "HYPH", "RB", "VBN", "NN"}


def _listed_possessors(ctx: Context, noun: Token) -> list[Ref]:
    """Every person of a list that owns the noun together: "X and Y's son",
    "Krishna's and Balarama's sister" (the parser keeps at most the last one)."""
    doc, token_person = ctx.doc, ctx.people.token_person
    i = noun.i - 1
    while (
        i > noun.i - 4 and i >= 0 and doc[i].tag_ in _PREMODIFIER_TAGS and doc[i].head.i == noun.i
    ):
        i -= 1  # "their two younger sons", "his late wife"
    if i < 1 or doc[i].tag_ != "POS" or (i - 1) not in token_person:
        return []
    found: list[Ref] = []
    j = i - 1
    while j >= 0 and j in token_person:
        person, head = token_person[j], phrase_head(doc[j])
        if found and (
            (head.dep_ in {"appos", "compound"} and ctx.is_kin(head.head))
            or any(c.dep_ in {"compound", "nmod"} and ctx.is_kin(c) for c in head.children)
        ):
            break  # "his half-brother Philip and Alexander's son": Philip is named by "his"
        found.append(Ref(doc[j], person, 0.85))
        while j > 0 and token_person.get(j - 1) == person:
            j -= 1
        if j < 2 or doc[j - 1].lower_ not in {"and", "&"}:  # not "A, B, C and D's"
            break
        j -= 2
        if doc[j].tag_ == "POS":  # "Krishna's and Balarama's sister"
            j -= 1
    return found if len(found) > 1 else []


def of_objects(ctx: Context, noun: Token, preps: set[str]) -> list[Ref]:
    """The people after ``noun``'s prepositions ("married to Y", "popped the question to
    Y"); a role right before a name the parser hung elsewhere stands for that name
    ("her marriage to musician Y")."""
    objects = [
        g
        for c in noun.children
        if c.dep_ in {"prep", "dative"} and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]
    found = people(ctx, objects)
    found = found or [  # "parents to four kids: A, B and C", "a mother of three: A, B and C"
        r for g in objects if g.tag_ in {"NNS", "CD"} for r in listed_after(ctx, g)
    ]
    if found:
        return found
    token_person = ctx.people.token_person
    named = [  # the token after each role that starts a name
        g.doc[g.i + 1]
        for g in objects
        if g.lower_ in ROLE_NOUNS and not ctx.is_person(g) and g.i + 1 in token_person
    ]
    return [Ref(named[0], token_person[named[0].i], 0.8)] if named else []


def referents(ctx: Context, noun: Token) -> list[Ref]:
    """The people a kinship noun stands for: the names the grammar attaches to it
    ("her daughter, Khloe", "two children, Olivia and Daxten", "their children
    were A and B", "his children included A"), else the noun itself."""
    respective = _respectively(ctx, noun)
    if respective:
        return respective
    plural = noun.tag_ in {"NNS", "NNPS"}
    among = people(ctx, _among_subjects(noun)) if plural else []
    if among:
        return among
    doc, head, kids = noun.doc, noun.head, list(noun.children)
    of = next((c.i for c in kids if c.dep_ == "prep" and c.lower_ == "of"), len(noun.doc))
    role_of = bool(of_role_name(ctx, noun))  # "the son of a fisherman, X": X is the fisherman
    candidates = [
        [
            c
            for c in kids
            if c.dep_ in {"appos", "compound"}
            and c.i > noun.i
            and (c.i < of or (not role_of and any(t.text == "," for t in noun.doc[of : c.i])))
        ],
        [c for c in head.children if c.dep_ in SUBJECT_DEPS]
        if plural and noun.dep_ == "attr" and head.lemma_ == "be"
        else [],  # "X and Y are the children of Z"
        [c for c in kids if c.dep_ == "conj" and c.pos_ == "PROPN"] if plural else [],
        [  # "six children, including A and B"
            g
            for c in kids
            if plural and c.dep_ == "prep" and c.lower_ == "including"
            for g in c.children
            if g.dep_ == "pobj"
        ],
        [  # "a daughter named Mia", "a son called Leo"
            g
            for c in kids
            if c.dep_ == "acl" and c.lower_ in {"named", "called"}
            for g in c.children
            if g.dep_ in {"oprd", "dobj", "attr", "xcomp"}
        ],
        [  # "shares daughter Mila with X": the parser made the name a second object
            c
            for c in head.children
            if c.i == noun.i + 1 and c.dep_ == noun.dep_ == "dobj" and c.pos_ == "PROPN"
        ],
        [  # "have a daughter together, Mia": the name hung on the verb
            c
            for c in head.children
            if noun.dep_ == "dobj"
            and c.dep_ in {"npadvmod", "appos"}
            and c.pos_ == "PROPN"
            and c.i > noun.i
            and all(t.text == "," or t.dep_ == "advmod" for t in doc[noun.i + 1 : c.left_edge.i])
        ],
        [  # "two kids with him, River and Remington", "her son with Tom, Max": the names
            g  # hung on the partner
            for c in kids
            if c.dep_ == "prep" and c.lower_ in {"with", "by"}
            for p in c.children
            if p.dep_ == "pobj" and not ctx.is_kin(p)  # not "by his first wife, Eva"
            for g in p.children
            if g.dep_ in ({"conj", "appos"} if plural else {"appos"})
            and g.pos_ == "PROPN"
            and doc[g.left_edge.i - 1].text == ","
            and (plural or noun.lemma_.lower() in CHILD_NOUNS)
        ][:1],
        [head] if noun.dep_ == "compound" and head.pos_ == "PROPN" else [],  # "children - Alexis"
        [c for c in head.children if c.dep_ == "dobj"] if _subject_of(noun, "include") else [],
        _of_whom(noun) if plural else [],  # "four children, of whom only A and B survived"
        _among_them(ctx, noun) if plural else [],  # "five children, among them the novelist X"
        [c for c in head.children if c.dep_ == "attr"] if _subject_of(noun, "be") else [],
    ]
    listed = listed_after(ctx, noun) if plural else []
    for named in candidates:
        named = [c for c in named if ctx.persons_in(c)]
        if named:
            found = people(ctx, named[:1])
            return listed if len(listed) > len(found) else found  # ages broke the parse
    if plural and noun.dep_ == "appos" and head.tag_ == "NNS" and ctx.is_kin(head):
        return referents(ctx, head)  # "his half-siblings, A, B and C, Sue's three children"
    return listed or ctx.refs(noun) or (partitive_owner(ctx, noun) if plural else [])


def _among_subjects(noun: Token) -> list[Token]:
    """The subjects of "Among his siblings were A; B, a painter; and the novelist C"."""
    among, verb = noun.head, noun.head.head
    if noun.dep_ != "pobj" or among.lower_ != "among" or verb.lemma_ != "be":
        return []
    return [c for c in verb.children if c.dep_ in {"nsubj", "attr"} and c.i > noun.i]


def _of_whom(noun: Token) -> list[Token]:
    """The subjects of "of whom ..." after a plural noun: "children, of whom A and B survived"."""
    return [
        c
        for clause in noun.children
        if clause.dep_ == "relcl"
        and any(
            p.lower_ == "of" and any(g.lower_ == "whom" for g in p.children)
            for p in clause.children
        )
        for c in clause.children
        if c.dep_ in SUBJECT_DEPS
    ]


def _among_them(ctx: Context, noun: Token) -> list[Token]:
    """The first name after ", among them" / ", including" past a role: "five children,
    among them the novelist X"."""
    doc, i = ctx.doc, noun.i + 1
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ != "among":
        return []
    if doc[i + 2].lower_ != "them":
        return []
    named = [  # not the owner in "among them Gina's son, X"
        t for t in doc[i + 3 : min(i + 9, noun.sent.end)] if ctx.is_person(t) and t.dep_ != "poss"
    ]
    return named[:1]


def _respectively(ctx: Context, noun: Token) -> list[Ref]:
    """ "her mother and stepfather, A and B": as many names as kinship nouns, in order
    (A is the mother, B the stepfather)."""
    first = noun.head if noun.dep_ == "conj" and ctx.is_kin(noun.head) else noun
    kins = sorted((t for t in (first, *first.conjuncts) if ctx.is_kin(t)), key=lambda t: t.i)
    if len(kins) < 2:
        return []
    between = range(kins[0].i, kins[-1].i)
    if (
        noun not in kins
        or any(k.tag_ != "NN" for k in kins)  # "their twins, A and B" takes both
        or any(i in ctx.people.token_person for i in between)  # "his wife, B, and their kids"
    ):
        return []
    names = listed_after(ctx, kins[-1])
    return [names[kins.index(noun)]] if len(names) == len(kins) else []


def partitive_owner(ctx: Context, noun: Token) -> list[Ref]:
    """The person said to be one of a group: "X was the eldest of three children",
    "X, one of six children born to ...", "X was one of the sons of Y"."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return []
    part = noun.head.head
    if part.pos_ not in {"NUM", "ADJ", "NOUN", "PRON"} or ctx.is_kin(part):
        return []
    if part.dep_ == "attr" and part.head.lemma_ == "be":
        found = people(ctx, [c for c in part.head.children if c.dep_ in SUBJECT_DEPS])
        return found + _the_others(ctx, noun) if found else []
    if part.dep_ == "appos":
        place = part.head  # "born in Skibbereen, County Cork, the youngest of five children"
        while place.dep_ == "conj" and place.head.i != place.i:
            place = place.head
        if place.dep_ == "pobj" and place.head.lower_ == "to" and place.head.head.lemma_ == "bear":
            return verb_subjects(ctx, place.head.head)  # "born to A and B, the youngest of"
        found = ctx.persons_in(part.head)
        return found or (verb_subjects(ctx, clause_of(place)) if is_place(place) else [])
    return []


def _the_others(ctx: Context, noun: Token) -> list[Ref]:
    """The rest of a group one of whom was named: "He was the second of five children;
    the others were A, B, C and D", "She was the youngest of the five children of P and
    Q: A, B, C, D and Eva"."""
    doc = ctx.doc
    for i in range(noun.i + 1, min(noun.i + 40, len(doc) - 2)):
        if doc[i].text in {".", "!", "?"}:
            return []
        if doc[i].text == ":":
            return listed_people(ctx, i + 1)
        if doc[i].lower_ == "others" and doc[i - 1].lower_ == "the" and doc[i + 1].lemma_ == "be":
            return listed_people(ctx, i + 2)
    return []


def _is_role(tok: Token) -> bool:
    """ "a fisherman", "the painter": a person described, not "ten years"."""
    return tok.ent_type_ != "DATE" and any(c.lower_ in {"a", "an", "the"} for c in tok.children)


def kin_preps(noun: Token) -> set[str]:
    """ "the mother of X"; also "mom to X", "parents to two kids", "sister to the king",
    but not "a mother to him" or "like a brother to me"."""
    if any(c.lower_ in {"a", "an"} for c in noun.children) or any(
        a.lower_ == "like" for a in noun.ancestors
    ):
        return {"of"}
    return {"of", "to"}


def of_role_name(ctx: Context, noun: Token) -> list[Ref]:
    """The name after a role in the of-phrase: "the son of a fisherman, Olaf Dahl"."""
    objs = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    objs = [g for g in objs if g.dep_ == "pobj" and g.pos_ == "NOUN" and not ctx.is_person(g)]
    if not objs or ctx.is_kin(objs[0]) or not _is_role(objs[0]):
        return []
    named = [
        c
        for c in [*noun.children, *objs[0].children]
        if c.dep_ == "appos" and c.i > objs[0].i and ctx.is_person(c)
    ]
    return ctx.refs(named[0]) if named else []


def _subject_of(noun: Token, lemma: str) -> bool:
    return noun.dep_ in SUBJECT_DEPS and noun.head.lemma_ == lemma


def listed_after(ctx: Context, noun: Token) -> list[Ref]:
    """Names listed right after a plural noun when the parser lost the list:
    "Hannah and her children, Jacob, Mia and Leo, live ...", "four children — North,
    10, and Saint, 7 —", "the brothers Paul and Karl Berg" (a list of two or more
    without a comma after the noun)."""
    start = list_start(ctx.doc, noun)
    kin = not noun.lemma_.lower().endswith("parent")  # "parents, A and B, and sisters C"
    found = listed_people(ctx, _among_them_end(ctx, noun) or start, kin)
    return found if start > noun.i + 1 or len(found) > 1 else []


def _among_them_end(ctx: Context, noun: Token) -> int | None:
    """Where the names begin after "..., among them" or "..., including" a few words
    after a plural noun: "thirteen children, eight of whom survived, among them A; B"."""
    doc = ctx.doc
    for i in range(noun.i + 1, min(noun.i + 10, noun.sent.end - 1)):
        if doc[i].text in {";", ":"} or ctx.is_person(doc[i]):
            return None
        if doc[i].text == "," and doc[i + 1].lower_ == "including":
            return i + 2
        if doc[i].text == "," and doc[i + 1].lower_ == "among" and doc[i + 2].lower_ == "them":
            return i + 3
    return None


def listed_people(ctx: Context, start: int, kin: bool = True) -> list[Ref]:
    """The people of a list of names that begins at token ``start`` (``listed_names``;
    a name that is no one's, such as "Saint", is skipped)."""
    token_person = ctx.people.token_person
    return [
        Ref(ctx.doc[end - 1], token_person[end - 1], 0.8)
        for _, end in listed_names(ctx.doc, start, kin)
        if end - 1 in token_person
    ]


def _relative_antecedent(ctx: Context, clause: Token) -> list[Ref]:
    """Whom "who ..." is about: the list it follows ("X and Y, who married in 2010",
    "X and Y, who share a son"), or its last name when the clause has an object of
    its own ("X and Anne, who married James": Anne)."""
    head = clause.head
    couple_verb = clause.lemma_ in {"share", "have", "welcome", "adopt", "raise"}
    if couple_verb or not any(c.dep_ == "dobj" for c in clause.children):
        while head.dep_ == "conj" and ctx.is_person(head.head):
            head = head.head  # the whole list: "X and Y, who married in 2010"
        return people(ctx, [head])
    before = [t for t in (head, *head.conjuncts) if t.i < clause.i and ctx.is_person(t)]
    return ctx.refs(max(before, key=lambda t: t.i)) if before else people(ctx, [head])


def kin_conjuncts(ctx: Context, subjects: list[Token], owners: set[int]) -> list[Ref]:
    """The named relative in "X and his brother Y were the sons of Z": Y, when "his" is X."""
    found: list[Ref] = []
    for conj in (c for s in subjects for c in s.conjuncts if ctx.is_kin(c)):
        poss = [c for c in conj.children if c.dep_ == "poss"]
        if poss and any(r.person in owners for r in ctx.refs(poss[0])):
            named = [r for c in conj.children if c.dep_ == "appos" for r in ctx.persons_in(c)]
            ref = ctx.coref.ref(conj)  # the name hung elsewhere: "her boyfriend, footballer Y"
            if not named and ref is not None and ref.how == "appositive":
                named = ctx.refs(conj)
            found += named
    return [r for r in found if r.person not in owners]


def lost_first_subject(ctx: Context, verb: Token) -> list[Ref]:
    """The first of two coordinated subjects when the parser made it the sentence's root
    and the verb its conjunct: "[Tyson Fury], 36, and his wife, Paris, are parents to"."""
    head = verb.head
    if verb.dep_ == "conj" and head.dep_ == "ROOT" and head.pos_ == "PROPN" and head.i < verb.i:
        return ctx.refs(head) if ctx.is_person(head) else []
    return []


def verb_subjects(ctx: Context, verb: Token) -> list[Ref]:
    """Who does ``verb``: its subject, the subject it borrows ("began dating",
    "has no plans to marry"), or the person a relative clause hangs on."""
    fronted = fronted_subject(verb)  # "Ramaswamy married Y", the surname tagged an adverb
    if fronted is not None and ctx.is_person(fronted):
        return ctx.refs(fronted)
    node = verb
    for _ in range(5):
        aux = [a for a in node.children if a.dep_ in {"aux", "auxpass"}]
        subjects = [c for n in [node, *aux] for c in n.children if c.dep_ in SUBJECT_DEPS]
        relative = all(s.lower_ in RELATIVE_PRONOUNS for s in subjects)
        if subjects and node.dep_ == "relcl" and relative:
            return _relative_antecedent(ctx, node)  # "X, who was married to Y"
        if subjects:  # "X and Y got engaged": the parser may hang them on "got"
            found = people(ctx, subjects) + lost_first_subject(ctx, node)
            if not found and node.i != verb.i and any(s.lower_ == "it" for s in subjects):
                # "It appears that X had divorced Y, and had married Z": "married" hung on
                # "appears" by the parser, its subject is the one of the clause before
                inner = [c for c in node.children if c.dep_ == "ccomp" and c.i < verb.i]
                if inner:
                    found = verb_subjects(ctx, inner[-1])
            return found
        if node.dep_ in {"relcl", "acl", "appos"} and ctx.persons_in(
            node.head
        ):  # "X (married to Y)"
            return people(ctx, [node.head])  # "X, who married Y", "The couple, X and Y, married"
        if node.pos_ == "NOUN" and node.dep_ in {"dobj", "attr"}:
            node = node.head  # "has no plans to marry": from "plans" to "has"
            continue
        climbs = {"xcomp", "acomp", "conj", "advcl", "ccomp", "pcomp", "acl"}
        if node.pos_ == "ADP" and node.dep_ == "prep":
            climbs.add("prep")  # "After divorcing Y, X married Z": from "After" to "married"
        if node.dep_ not in climbs or node.head.i == node.i:
            break
        node = node.head
    return []
