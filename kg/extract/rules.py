"""The relation rules: each reads one grammatical form of a relation.

Every rule is registered under a versioned name that goes into the claim's
provenance. Trigger words come from the ontology (``skos:altLabel``).

- ``possessive-kin.v1``: "Khloe's mom", "her daughter, Khloe", "X is Y's wife"
- ``prepositional-kin.v1``: "the daughter of X", "X, son of Y"
- ``plural-kin.v1``: "X and Y are sisters", "X and Y are just friends"
- ``verbal.v1``: "X married Y", "X and Y wed", "X is dating Y", "X split from Y",
  "X tied the knot with Y", "X is engaged to Y"
- ``event-noun.v1``: "her divorce with Y", "X's marriage to Y"
- ``offspring.v1``: "X and Y have two children, A and B", "welcomed a son, Z, with Y"
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from spacy.tokens import Token

from kg.extract.context import Candidate, Context, Ref, rules
from kg.extract.lexicon import (
    EVENT_NOUNS,
    NON_RELATION_VERBS,
    NON_ROMANTIC_MODIFIERS,
    ROLE_NOUNS,
)
from kg.extract.of_phrase import (
    named_after_and,
    named_after_of,
    of_kin_list,
    parent_spouses,
    stray_conjuncts,
)
from kg.extract.referents import (
    kin_conjuncts,
    kin_preps,
    listed_people,
    lost_first_subject,
    of_objects,
    of_role_name,
    owners,
    people,
    referents,
    verb_subjects,
)
from kg.extract.syntax import CHILD_NOUNS, SUBJECT_DEPS, in_title, phrase_head
from kg.ontology import Relation

__all__ = ["trigger_relations"]

_HAVE_RELATIONS = {  # "X has <noun>, A and B": X <relation> A
    **dict.fromkeys(
        ["child", "children", "son", "daughter", "kid", "baby", "twin", "triplet"], "parentOf"
    ),
    **dict.fromkeys(
        ["grandchild", "grandchildren", "grandson", "granddaughter", "grandkid"], "grandparentOf"
    ),
    **dict.fromkeys(["brother", "sister", "sibling", "half-brother", "half-sister"], "siblingOf"),
}
_BEAR_VERBS = {
    "have", "welcome", "adopt", "bear", "raise", "expect", "share", "give", "produce",
    "father", "mother", "sire",
}  # fmt: skip
_PARTNER_PREPS = {"to", "with", "from", "between"}
_ONLY = {"just", "only", "simply", "merely"}


def _keys(tok: Token) -> list[str]:
    """The trigger phrases a token can stand for: its form, lemma, phrasal forms."""
    lemma = tok.lemma_.lower()
    keys = [tok.lower_, lemma]
    if lemma.startswith("re") and tok.pos_ == "VERB":
        keys.append(lemma[2:])  # "remarried", "reunited"
    for child in tok.children:
        if child.dep_ == "compound" and child.i == tok.i - 1:
            keys.insert(0, f"{child.lower_} {tok.lower_}")  # "baby boy"
        if child.dep_ == "prt":
            keys.insert(0, f"{lemma} {child.lower_}")
        if child.dep_ == "dobj":
            keys.insert(0, f"{lemma} the {child.lemma_.lower()}")
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ == "ex":
        keys.insert(0, f"ex-{tok.lower_}")
    if _in_law(tok):
        return [f"{tok.lower_}-in-law", f"{lemma}-in-law", "in-law"]  # never the blood relation
    if _great(tok):
        return ["relative"]  # "great-grandson", "great-aunt": a relative, not a grandchild
    return keys


def _great(tok: Token) -> bool:
    return tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ == "great"


def _in_law(tok: Token) -> bool:
    """ "brother-in-law": the tokenizer leaves "brother" a word of its own."""
    doc = tok.doc
    if tok.i + 4 >= len(doc) or doc[tok.i + 1].text != "-":
        return False
    return [t.lower_ for t in doc[tok.i + 2 : tok.i + 5]] == ["in", "-", "law"]


def trigger_relations(ctx: Context, tok: Token) -> tuple[list[Relation], bool]:
    """The relations ``tok`` expresses, and whether it states them as ended."""
    for key in _keys(tok):
        found = ctx.vocab.by_trigger(key)
        if found:
            return found, ctx.vocab.is_former_trigger(key)
    return [], False


@rules.register("possessive-kin.v1")
def possessive_kin(ctx: Context) -> Iterator[Candidate]:
    """A kinship noun owned by a person: "Khloe's mom", "her daughter, Khloe"."""
    for noun in ctx.kin_nouns:
        if noun.tag_ in {"NNS", "NNPS"} and not referents(ctx, noun):
            continue
        relations, former = trigger_relations(ctx, noun)
        if noun.lemma_.lower() in {"twin", "triplet"} and noun.tag_ == "NNS":
            relations = [ctx.vocab["childOf"]]  # "their twins, A and B": their children
        owned_by, who = owners(ctx, noun), referents(ctx, noun)
        if owned_by and noun.lemma_.lower() in CHILD_NOUNS:  # "X's son from his marriage to Y"
            named = noun.head if noun.dep_ == "compound" else noun  # "X's daughter Y is ..."
            be = named.head if named.head.lemma_ == "be" else None
            copula = be is not None and (  # "X's son Y is from his marriage to Z"
                named.dep_ == "attr"
                or (named.dep_ == "nsubj" and not any(c.dep_ == "attr" for c in be.children))
            )
            verb = named.head if copula else noun
            others = _marriage_parents(ctx, verb, noun, []) + of_objects(ctx, noun, {"with", "by"})
            if noun.dep_ == "dobj" and noun.head.lemma_ in _BEAR_VERBS:
                others += of_objects(ctx, noun.head, {"with"})  # "welcomed her son with Y"
            taken = {r.person for r in owned_by + who}  # "children with Y, A and B": not A
            owned_by += [r for r in others if r.person not in taken]
        for rel in relations:
            for person in who:
                for owner in owned_by:
                    yield Candidate(person, rel.name, owner, noun, "possessive-kin.v1", 0.9, former)


@rules.register("prepositional-kin.v1")
def prepositional_kin(ctx: Context) -> Iterator[Candidate]:
    """A kinship noun with "of": "the daughter of Leonard Gorsuch"."""
    for noun in ctx.kin_nouns:
        relations, former = trigger_relations(ctx, noun)
        anchors, who = (
            of_objects(ctx, noun, kin_preps(noun))
            or named_after_of(ctx, noun)
            or of_role_name(ctx, noun)
            or of_kin_list(ctx, noun),
            referents(ctx, noun),
        )
        if noun.dep_ == "attr":
            if not anchors:  # "became stepmother to his sons": "to" hung on the verb
                anchors = of_objects(ctx, noun.head, kin_preps(noun) - {"of"})
            # "parents to daughter A, 3, and son B", "is dad to A", "a stepmother to A";
            # not "was a mother to X" (a figure of speech)
            nxt = noun.i + 1
            literal = noun.lower_.startswith("step") or not any(
                c.lower_ in {"a", "an"} for c in noun.children
            )
            if not anchors and literal and nxt < len(ctx.doc) and ctx.doc[nxt].lower_ == "to":
                anchors = listed_people(ctx, nxt + 1)
            subjects = [c for c in noun.head.children if c.dep_ in SUBJECT_DEPS]
            if not who:  # "X and Y are the children of Z"
                who = people(ctx, subjects)
            who += lost_first_subject(ctx, noun.head) if noun.tag_ == "NNS" else []
            who += kin_conjuncts(ctx, subjects, {r.person for r in who})
        if anchors and noun.lemma_.lower() in CHILD_NOUNS:
            anchors += parent_spouses(ctx, noun, {a.person for a in anchors})
            anchors += stray_conjuncts(ctx, noun, anchors)
            anchors += named_after_and(ctx, noun, anchors)
        for rel in relations:
            for person in who:
                for anchor in anchors:
                    yield Candidate(
                        person, rel.name, anchor, noun, "prepositional-kin.v1", 0.85, former
                    )


@rules.register("kin-list.v1")
def kin_list(ctx: Context) -> Iterator[Candidate]:
    """People named together as brothers, sisters or children are siblings:
    "twin brothers Jonathan and Drew Scott", "her children Ava, Ben and Cole"."""
    for noun in ctx.kin_nouns:
        if noun.tag_ not in {"NNS", "NNPS"}:
            continue
        relations, _ = trigger_relations(ctx, noun)
        if not any(r.name in {"siblingOf", "childOf"} for r in relations):
            continue
        named = [r for r in referents(ctx, noun) if r.token.i != noun.i]
        named = named or ctx.refs(noun)  # "the sisters'": the group coreference found
        for a, b in combinations(named, 2):
            yield Candidate(a, "siblingOf", b, noun, "kin-list.v1", 0.8)


@rules.register("plural-kin.v1")
def plural_kin(ctx: Context) -> Iterator[Candidate]:
    """Coordinated people and a plural symmetric noun: "X and Y are sisters"."""
    for noun in ctx.kin_nouns:
        if noun.dep_ != "attr" or noun.tag_ not in {"NNS", "NNPS"}:
            continue
        if any(c.dep_ in {"poss", "prep"} for c in noun.children):
            continue
        relations, former = trigger_relations(ctx, noun)
        subjects = people(ctx, [c for c in noun.head.children if c.dep_ in SUBJECT_DEPS])
        names = [r.name for r in relations if r.symmetric]
        if "friendOf" in names and any(
            c.lower_ in _ONLY for c in [*noun.children, *noun.head.children]
        ):
            names.append("partnerOf")  # "just friends" denies a romance
        for name in names:
            for a, b in combinations(subjects, 2):
                yield Candidate(a, name, b, noun, "plural-kin.v1", 0.85, former)


@rules.register("verbal.v1")
def verbal(ctx: Context) -> Iterator[Candidate]:
    """A verb or adjective of a symmetric relation: "married", "dating", "engaged to"."""
    for verb in ctx.tokens:
        if (
            verb.pos_ not in {"VERB", "ADJ", "AUX"}
            or verb.lemma_.lower() in NON_RELATION_VERBS
            or in_title(verb)
        ):
            continue
        relations, former = trigger_relations(ctx, verb)
        relations = [r for r in relations if r.symmetric]
        if not relations or (verb.dep_ == "amod" and ctx.is_kin(verb.head)):
            continue  # "twin sons": the noun's own kinship, not the subject's
        if verb.lower_ in {"twins", "sisters", "brothers", "siblings"}:
            continue  # a plural noun tagged a verb: "their children, twins A and B"
        if former and _ends_a_marriage(verb):  # "split after 11 years of marriage"
            relations = [ctx.vocab["spouseOf"] if r.name == "partnerOf" else r for r in relations]
        subjects = verb_subjects(ctx, verb) or _verbless_subject(ctx, verb)
        subject_words = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        # "X and her boyfriend, Y, have split"
        subjects += kin_conjuncts(ctx, subject_words, {s.person for s in subjects})
        objects = people(ctx, [c for c in verb.children if c.dep_ == "dobj"])
        if verb.dep_ == "amod" and subjects:
            objects += ctx.refs(verb.head)
        objects += people(ctx, _name_after_role(verb))
        if verb.dep_ == "relcl" and not any(
            c.dep_ == "dobj" or c.lower_ in _PARTNER_PREPS for c in verb.children
        ):
            head = verb.head  # "Y, the producer she married in 2020"
            objects += ctx.refs(head) or (ctx.refs(head.head) if head.dep_ == "appos" else [])
        objects += of_objects(ctx, verb, _PARTNER_PREPS)
        for dobj in (c for c in verb.children if c.dep_ == "dobj" and not ctx.is_person(c)):
            objects += of_objects(ctx, dobj, _PARTNER_PREPS)  # "popped the question to Y"
        if not objects:
            objects = _stolen_object(ctx, verb)
        pairs = [(s, o) for s in subjects for o in objects]
        if not objects and not any(_under_plural_noun(s.token) for s in subjects):
            pairs = list(
                combinations(subjects, 2)
            )  # "X and Y married" (not "both daughters married")
        for rel in relations:
            for a, b in pairs:
                yield Candidate(a, rel.name, b, verb, "verbal.v1", 0.85, former)


def _ends_a_marriage(verb: Token) -> bool:
    """A split that ends a marriage: "split from husband Y", "separated after 11 years
    of marriage"."""
    return any(
        t.lemma_.lower() in {"marriage", "husband", "wife", "spouse"}
        for c in verb.children
        if c.dep_ in {"prep", "dobj"}
        for t in c.subtree
    )


def _verbless_subject(ctx: Context, verb: Token) -> list[Ref]:
    """The name a sentence without a verb starts with, when the parser read the relation
    verb as an adjective of the object: "X, aka Eminem, [married] Kim Scott"."""
    root = verb.sent.root
    if verb.dep_ != "amod" or root.pos_ != "PROPN" or not ctx.is_person(verb.head):
        return []
    return ctx.refs(root) if root.i < verb.i else []


def _name_after_role(verb: Token) -> list[Token]:
    """The name the parser split from its verb: "married the architect [Jacques Blondel]",
    "married, secondly, [Anne Leroy]", "is married to actress [Priya Menon]" ("actress"
    tagged a verb)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    roles = {c.i for c in objects if c.pos_ == "NOUN"}
    return [
        c
        for c in verb.children
        if c.dep_ == "npadvmod"
        and c.pos_ == "PROPN"
        and (not objects or c.left_edge.i - 1 in roles)
    ] + [
        g
        for c in verb.children
        if c.lower_ in ROLE_NOUNS and c.pos_ == "VERB"
        for g in c.children
        if g.dep_ == "dobj"
    ]


def _stolen_object(ctx: Context, verb: Token) -> list[Ref]:
    """The name right after a verb that the parser gave to a later clause: "he married
    [Masako Owada], a diplomat; their only child ... was born" (Owada made its subject)."""
    nxt = verb.i + 1
    if verb.tag_ not in {"VBD", "VBN"} or nxt >= len(ctx.doc) or not ctx.is_person(ctx.doc[nxt]):
        return []
    head = phrase_head(ctx.doc[nxt])
    if head.dep_ == "poss" or any(c.dep_ == "dobj" for c in verb.children):
        return []  # "married Kanye's sister"
    return ctx.refs(head) if head.head.i != verb.i and head.head.i > verb.i else []


def _under_plural_noun(tok: Token) -> bool:
    """``tok`` is listed under a plural noun: "both daughters, Wanda and Helen"."""
    while tok.dep_ in {"conj", "appos"} and tok.head.i != tok.i:
        tok = tok.head
        if tok.tag_ in {"NNS", "NNPS"}:
            return True
    return False


@rules.register("event-noun.v1")
def event_noun(ctx: Context) -> Iterator[Candidate]:
    """A noun naming a relation: "her divorce with Lamar", "the marriage of X and Y"."""
    for noun in ctx.tokens:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in EVENT_NOUNS:
            continue
        if any(c.lower_ in NON_ROMANTIC_MODIFIERS for c in noun.children):
            continue  # "a business relationship", "their working relationship"
        relations, former = trigger_relations(ctx, noun)
        if noun.dep_ == "dobj" and noun.head.lemma_ in {"call", "cancel", "postpone", "scrap"}:
            relations, former = [ctx.vocab["engagedTo"]], True  # "called off their wedding"
        owned_by = owners(ctx, noun) + of_objects(ctx, noun, {"of"})
        if not owned_by and noun.dep_ == "pobj" and noun.head.lower_ in {"in", "for"}:
            # "X has been in a relationship with Y", "X filed for divorce from Y"
            owned_by = verb_subjects(ctx, noun.head.head)
        elif not owned_by and noun.dep_ == "pobj" and noun.head.lower_ == "of":
            span = noun.head.head  # "X and Y celebrated 20 years of marriage"
            if span.dep_ == "dobj" and span.ent_type_ == "DATE":
                owned_by = verb_subjects(ctx, span.head)
        partners = event_partners(ctx, noun)
        pairs = [(a, b) for a in owned_by for b in partners] or list(combinations(owned_by, 2))
        for rel in relations:
            if rel.symmetric:
                for a, b in pairs:
                    yield Candidate(a, rel.name, b, noun, "event-noun.v1", 0.8, former)


def event_partners(ctx: Context, noun: Token) -> list[Ref]:
    """Who a relation noun pairs its owner with: "her marriage to Y"; "to" may hang
    on the verb ("confirmed her engagement to Y") or the preposition ("from her
    marriage to Y")."""
    partners = of_objects(ctx, noun, _PARTNER_PREPS)
    if not partners and noun.dep_ in {"dobj", "pobj"}:
        partners = of_objects(ctx, noun.head, _PARTNER_PREPS)
    if not partners and noun.dep_ == "pobj" and noun.head.lower_ == "for":
        partners = of_objects(ctx, noun.head.head, _PARTNER_PREPS)  # "filed for divorce from Y"
    if not partners and noun.dep_ == "pobj" and noun.head.head.lemma_ == "be":
        partners = of_objects(ctx, noun.head.head, _PARTNER_PREPS)  # "is from her marriage, to Y"
    span = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if not partners and span is not None and span.ent_type_ == "DATE" and span.dep_ == "dobj":
        partners = of_objects(ctx, span.head, _PARTNER_PREPS)  # "25 years of marriage to Y"
    return partners


@rules.register("no-relation.v1")
def no_relation(ctx: Context) -> Iterator[Candidate]:
    """People said to be unrelated: "Harriet Cole and Dexter Cole (no relation)"."""
    for noun in ctx.tokens:
        if noun.lower_ != "relation" or not any(c.lower_ == "no" for c in noun.children):
            continue
        named = [t for t in noun.sent if t.i < noun.i and ctx.is_person(t) and t.dep_ != "compound"]
        group = people(ctx, named[:1])  # the first person named and those coordinated with them
        group += of_objects(ctx, noun, {"to"})  # "X is no relation to Y"
        for a, b in combinations(group, 2):
            yield Candidate(a, "relativeOf", b, noun, "no-relation.v1", 0.8)


@rules.register("offspring.v1")
def offspring(ctx: Context) -> Iterator[Candidate]:
    """People who have, welcome or adopt named children ("they had a daughter,
    Tamara"), grandchildren ("he has four grandchildren: A, B, C and D") or
    siblings ("she has two brothers, A and B")."""
    for noun in ctx.tokens:
        relation = _HAVE_RELATIONS.get(noun.lemma_.lower()) or _HAVE_RELATIONS.get(noun.lower_)
        if noun.lower_ in {"boy", "girl"} and noun.i > 0 and noun.nbor(-1).lower_ == "baby":
            relation = "parentOf"  # "welcomed a baby girl, Luna"
        if relation is None or any(c.dep_ == "poss" for c in noun.children):
            continue
        if _in_law(noun) or _great(noun):
            continue
        verb = _having_verb(noun)
        if verb is None or (relation != "parentOf" and verb.lemma_ != "have"):
            continue
        relatives = [r for r in referents(ctx, noun) if r.token.i != noun.i]
        holders = verb_subjects(ctx, verb)
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        holders += _marriage_parents(ctx, verb, noun, subjects)
        holders += _spouse_before(ctx, verb)
        if verb.lemma_ in {"bear", "give"}:  # "she bore him two sons"
            holders += people(ctx, [c for c in verb.children if c.dep_ == "dative"])
        holders += kin_conjuncts(ctx, subjects, {r.person for r in holders})  # "X and his wife Y"
        if relation == "parentOf":  # "welcomed a son, Z, with Y", "a son named Z with Y"
            named = [
                c for c in noun.children if c.dep_ == "acl" and c.lower_ in {"named", "called"}
            ]
            holders += people(
                ctx,
                [
                    g
                    for v in [verb, noun, *named, *(r.token for r in relatives)]
                    # "a son, Max, with her ex-husband", "— A, 10, and B, 7 — with her ex"
                    for c in v.children
                    if c.dep_ == "prep" and c.lower_ in {"with", "by"}  # "a son by his first wife"
                    for g in c.children
                    if g.dep_ == "pobj"
                ],
            )
        children = {r.person for r in relatives}
        for holder in (h for h in holders if h.person not in children):
            for relative in relatives:
                yield Candidate(holder, relation, relative, noun, "offspring.v1", 0.85)


def _marriage_parents(ctx: Context, verb: Token, noun: Token, subjects: list[Token]) -> list[Ref]:
    """The couple of a marriage the children come from: "has two children from her
    marriage to Y", "the marriage produced two sons" (owner and partner)."""
    events = [s for s in subjects if s.lemma_.lower() in EVENT_NOUNS]
    events += [
        g
        for v in (verb, noun)
        for c in v.children
        if c.dep_ == "prep" and c.lower_ in {"from", "by", "of"}
        for g in c.children
        if g.dep_ == "pobj" and g.lemma_.lower() in {"marriage", "relationship", "union"}
    ]
    return [r for e in events for r in owners(ctx, e) + event_partners(ctx, e) or ctx.refs(e)]


def _spouse_before(ctx: Context, verb: Token) -> list[Ref]:
    """The spouse of a marriage the having verb is joined to: "X married Y in 1950 and
    had two children", "X was married to Y and had a son"."""
    wed = verb.head if verb.dep_ == "conj" else None
    if wed is not None and wed.lemma_ == "be":
        wed = next((c for c in wed.children if c.dep_ in {"acomp", "attr"}), None)
    if wed is None or wed.lemma_ not in {"marry", "married", "wed", "remarry"}:
        return []
    return people(ctx, [c for c in wed.children if c.dep_ == "dobj"]) + of_objects(ctx, wed, {"to"})


def _having_verb(noun: Token) -> Token | None:
    """The verb of "have / welcome / adopt / give birth to / is married with" over ``noun``."""
    verb = noun.head
    if noun.dep_ in SUBJECT_DEPS:
        return None  # "The daughter of X, she was born ...": the noun is not what is had
    if noun.dep_ == "pobj" and verb.lower_ == "with":  # "is married with two children, A and B"
        return verb.head if verb.head.lemma_ in _BEAR_VERBS | {"marry"} else None
    if noun.dep_ == "pobj":  # "gave birth to a son": "to" hangs on "birth" or on "gave"
        verb = verb.head.head if verb.head.lemma_ == "birth" else verb.head
        if not any(c.lemma_ == "birth" for c in verb.children):
            return None
    elif noun.dep_ == "conj":  # "a daughter, Tamara, and daughter, Kirsten"
        while verb.dep_ in {"conj", "appos"} and verb.head.i != verb.i:
            verb = verb.head
        verb = verb.head
    return verb if verb.lemma_ in _BEAR_VERBS else None
