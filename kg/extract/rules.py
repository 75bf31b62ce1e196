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
from kg.extract.lexicon import EVENT_NOUNS, NON_RELATION_VERBS
from kg.extract.syntax import SUBJECT_DEPS, in_title
from kg.ontology import Relation

__all__ = ["trigger_relations"]

_HAVE_RELATIONS = {  # "X has <noun>, A and B": X <relation> A
    **dict.fromkeys(["child", "children", "son", "daughter", "kid", "baby"], "parentOf"),
    **dict.fromkeys(
        ["grandchild", "grandchildren", "grandson", "granddaughter", "grandkid"], "grandparentOf"
    ),
    **dict.fromkeys(["brother", "sister", "sibling", "half-brother", "half-sister"], "siblingOf"),
}
_BEAR_VERBS = {"have", "welcome", "adopt", "bear", "raise", "expect", "share", "give", "produce"}
_PARTNER_PREPS = {"to", "with", "from", "between"}
_ONLY = {"just", "only", "simply", "merely"}
_RELATIVE = {"who", "whom", "that", "which"}


def _keys(tok: Token) -> list[str]:
    """The trigger phrases a token can stand for: its form, lemma, phrasal forms."""
    lemma = tok.lemma_.lower()
    keys = [tok.lower_, lemma]
    for child in tok.children:
        if child.dep_ == "prt":
            keys.insert(0, f"{lemma} {child.lower_}")
        if child.dep_ == "dobj":
            keys.insert(0, f"{lemma} the {child.lemma_.lower()}")
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ == "ex":
        keys.insert(0, f"ex-{tok.lower_}")
    return keys


def trigger_relations(ctx: Context, tok: Token) -> tuple[list[Relation], bool]:
    """The relations ``tok`` expresses, and whether it states them as ended."""
    for key in _keys(tok):
        found = ctx.vocab.by_trigger(key)
        if found:
            return found, ctx.vocab.is_former_trigger(key)
    return [], False


def _people(ctx: Context, toks: list[Token]) -> list[Ref]:
    found: list[Ref] = []
    for tok in toks:
        found += ctx.persons_in(tok)
    return found


def _owners(ctx: Context, noun: Token) -> list[Ref]:
    """The people in "X's mom", "their son"; a conjunct without its own owner
    shares its head's: "their son Stanley and daughter Soleil"."""
    doc = noun.doc
    ex_prefix = noun.i >= 2 and doc[noun.i - 1].text == "-" and doc[noun.i - 2].lower_ == "ex"
    if ex_prefix and not any(c.dep_ == "poss" for c in noun.children):
        noun = doc[noun.i - 2]  # "X's ex-husband": the owner hangs on "ex"
    if noun.dep_ == "compound" and not any(c.dep_ == "poss" for c in noun.children):
        noun = noun.head  # "their son Stanley and daughter Soleil": "daughter" modifies "Soleil"
    while (
        not any(c.dep_ == "poss" for c in noun.children)
        and noun.dep_ == "conj"
        and (ctx.is_kin(noun.head) or noun.pos_ == "PROPN")
    ):
        noun = noun.head
    return _people(ctx, [c for c in noun.children if c.dep_ == "poss"])


def _of_objects(ctx: Context, noun: Token, preps: set[str]) -> list[Ref]:
    return _people(
        ctx,
        [
            g
            for c in noun.children
            if c.dep_ in {"prep", "dative"} and c.lower_ in preps  # "popped the question to Y"
            for g in c.children
            if g.dep_ == "pobj"
        ],
    )


def _referents(ctx: Context, noun: Token) -> list[Ref]:
    """The people a kinship noun stands for: the names the grammar attaches to it
    ("her daughter, Khloe", "two children, Olivia and Daxten", "their children
    were A and B", "his children included A"), else the noun itself."""
    plural = noun.tag_ in {"NNS", "NNPS"}
    head, kids = noun.head, list(noun.children)
    candidates = [
        [c for c in kids if c.dep_ in {"appos", "compound"} and c.i > noun.i],
        [c for c in kids if c.dep_ == "conj" and c.pos_ == "PROPN"] if plural else [],
        [head] if noun.dep_ == "compound" and head.pos_ == "PROPN" else [],  # "children - Alexis"
        [c for c in head.children if c.dep_ == "dobj"] if _subject_of(noun, "include") else [],
        [c for c in head.children if c.dep_ == "attr"] if _subject_of(noun, "be") else [],
    ]
    for named in candidates:
        named = [c for c in named if ctx.persons_in(c)]
        if named:
            return _people(ctx, named[:1])
    listed = _listed_after(ctx, noun) if plural else []
    return listed or ctx.refs(noun)


def _subject_of(noun: Token, lemma: str) -> bool:
    return noun.dep_ in SUBJECT_DEPS and noun.head.lemma_ == lemma


def _listed_after(ctx: Context, noun: Token) -> list[Ref]:
    """Names listed right after a plural noun when the parser lost the list:
    "Hannah and her children, Jacob, Mia and Leo, live ..."."""
    doc, token_person = ctx.doc, ctx.people.token_person
    i, found = noun.i + 1, []
    while i + 1 < len(doc) and doc[i].text in {",", "and", ":", "-", "\u2013"}:
        i += 1
        if i in token_person:
            found.append(Ref(doc[i], token_person[i], 0.8))
            while i + 1 < len(doc) and token_person.get(i + 1) == token_person[i]:
                i += 1
            i += 1
    return found


@rules.register("possessive-kin.v1")
def possessive_kin(ctx: Context) -> Iterator[Candidate]:
    """A kinship noun owned by a person: "Khloe's mom", "her daughter, Khloe"."""
    for noun in ctx.kin_nouns:
        if noun.tag_ in {"NNS", "NNPS"} and not _referents(ctx, noun):
            continue
        relations, former = trigger_relations(ctx, noun)
        owners, who = _owners(ctx, noun), _referents(ctx, noun)
        for rel in relations:
            for person in who:
                for owner in owners:
                    yield Candidate(person, rel.name, owner, noun, "possessive-kin.v1", 0.9, former)


@rules.register("prepositional-kin.v1")
def prepositional_kin(ctx: Context) -> Iterator[Candidate]:
    """A kinship noun with "of": "the daughter of Leonard Gorsuch"."""
    for noun in ctx.kin_nouns:
        relations, former = trigger_relations(ctx, noun)
        anchors, who = (
            _of_objects(ctx, noun, {"of"}) or _named_after_of(ctx, noun),
            _referents(ctx, noun),
        )
        if not who and noun.dep_ == "attr":  # "X and Y are the children of Z"
            who = _people(ctx, [c for c in noun.head.children if c.dep_ in SUBJECT_DEPS])
        for rel in relations:
            for person in who:
                for anchor in anchors:
                    yield Candidate(
                        person, rel.name, anchor, noun, "prepositional-kin.v1", 0.85, former
                    )


def _named_after_of(ctx: Context, noun: Token) -> list[Ref]:
    """The first person named after "of" when the parser lost the phrase:
    "the son of Hall of Fame running back Marcus Bell Sr." (no comma crossed)."""
    of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    if not of:
        return []
    doc, token_person = ctx.doc, ctx.people.token_person
    for tok in doc[of[0].i + 1 : min(of[0].i + 9, noun.sent.end)]:
        if tok.i in token_person:
            return [Ref(tok, token_person[tok.i], 0.8)]
        if tok.is_punct and tok.text != "-" or tok.pos_ in {"AUX", "PRON"} or tok.lower_ == "and":
            return []
    return []


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
        named = _referents(ctx, noun)
        for a, b in combinations([r for r in named if r.token.i != noun.i], 2):
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
        subjects = _people(ctx, [c for c in noun.head.children if c.dep_ in SUBJECT_DEPS])
        names = [r.name for r in relations if r.symmetric]
        if "friendOf" in names and any(
            c.lower_ in _ONLY for c in [*noun.children, *noun.head.children]
        ):
            names.append("partnerOf")  # "just friends" denies a romance
        for name in names:
            for a, b in combinations(subjects, 2):
                yield Candidate(a, name, b, noun, "plural-kin.v1", 0.85, former)


def _verb_subjects(ctx: Context, verb: Token) -> list[Ref]:
    """Who does ``verb``: its subject, the subject it borrows ("began dating",
    "has no plans to marry"), or the person a relative clause hangs on."""
    node = verb
    for _ in range(5):
        aux = [a for a in node.children if a.dep_ in {"aux", "auxpass"}]
        subjects = [c for n in [node, *aux] for c in n.children if c.dep_ in SUBJECT_DEPS]
        if subjects and node.dep_ == "relcl" and all(s.lower_ in _RELATIVE for s in subjects):
            return _people(ctx, [node.head])  # "X, who was married to Y"
        if subjects:  # "X and Y got engaged": the parser may hang them on "got"
            return _people(ctx, subjects)
        if node.dep_ in {"relcl", "acl", "appos"} and ctx.persons_in(
            node.head
        ):  # "X (married to Y)"
            return _people(ctx, [node.head])  # "X, who married Y", "The couple, X and Y, married"
        if node.pos_ == "NOUN" and node.dep_ in {"dobj", "attr"}:
            node = node.head  # "has no plans to marry": from "plans" to "has"
            continue
        if (
            node.dep_ not in {"xcomp", "acomp", "conj", "advcl", "ccomp", "pcomp", "acl"}
            or node.head.i == node.i
        ):
            break
        node = node.head
    return []


@rules.register("verbal.v1")
def verbal(ctx: Context) -> Iterator[Candidate]:
    """A verb or adjective of a symmetric relation: "married", "dating", "engaged to"."""
    for verb in ctx.doc:
        if (
            verb.pos_ not in {"VERB", "ADJ", "AUX"}
            or verb.lemma_.lower() in NON_RELATION_VERBS
            or in_title(verb)
        ):
            continue
        relations, former = trigger_relations(ctx, verb)
        relations = [r for r in relations if r.symmetric]
        if not relations:
            continue
        subjects = _verb_subjects(ctx, verb)
        objects = _people(ctx, [c for c in verb.children if c.dep_ == "dobj"])
        objects += _of_objects(ctx, verb, _PARTNER_PREPS)
        for dobj in (c for c in verb.children if c.dep_ == "dobj" and not ctx.is_person(c)):
            objects += _of_objects(ctx, dobj, _PARTNER_PREPS)  # "popped the question to Y"
        pairs = [(s, o) for s in subjects for o in objects]
        if not objects and not any(_under_plural_noun(s.token) for s in subjects):
            pairs = list(
                combinations(subjects, 2)
            )  # "X and Y married" (not "both daughters married")
        for rel in relations:
            for a, b in pairs:
                yield Candidate(a, rel.name, b, verb, "verbal.v1", 0.85, former)


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
    for noun in ctx.doc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in EVENT_NOUNS:
            continue
        relations, former = trigger_relations(ctx, noun)
        owners = _owners(ctx, noun) + _of_objects(ctx, noun, {"of"})
        partners = _of_objects(ctx, noun, _PARTNER_PREPS)
        if (
            not partners and noun.dep_ == "dobj"
        ):  # "confirmed her engagement to Y": "to" hangs on the verb
            partners = _of_objects(ctx, noun.head, _PARTNER_PREPS)
        pairs = [(a, b) for a in owners for b in partners] or list(combinations(owners, 2))
        for rel in relations:
            if rel.symmetric:
                for a, b in pairs:
                    yield Candidate(a, rel.name, b, noun, "event-noun.v1", 0.8, former)


@rules.register("no-relation.v1")
def no_relation(ctx: Context) -> Iterator[Candidate]:
    """People said to be unrelated: "Harriet Cole and Dexter Cole (no relation)"."""
    for noun in ctx.doc:
        if noun.lower_ != "relation" or not any(c.lower_ == "no" for c in noun.children):
            continue
        named = [t for t in noun.sent if t.i < noun.i and ctx.is_person(t) and t.dep_ != "compound"]
        group = _people(ctx, named[:1])  # the first person named and those coordinated with them
        group += _of_objects(ctx, noun, {"to"})  # "X is no relation to Y"
        for a, b in combinations(group, 2):
            yield Candidate(a, "relativeOf", b, noun, "no-relation.v1", 0.8)


@rules.register("offspring.v1")
def offspring(ctx: Context) -> Iterator[Candidate]:
    """People who have, welcome or adopt named children ("they had a daughter,
    Tamara"), grandchildren ("he has four grandchildren: A, B, C and D") or
    siblings ("she has two brothers, A and B")."""
    for noun in ctx.doc:
        relation = _HAVE_RELATIONS.get(noun.lemma_.lower()) or _HAVE_RELATIONS.get(noun.lower_)
        if relation is None or any(c.dep_ == "poss" for c in noun.children):
            continue
        verb = _having_verb(noun)
        if verb is None or (relation != "parentOf" and verb.lemma_ != "have"):
            continue
        relatives = [r for r in _referents(ctx, noun) if r.token.i != noun.i]
        holders = _verb_subjects(ctx, verb)
        if relation == "parentOf":  # "welcomed a son, Z, with Y"
            holders += _of_objects(ctx, verb, {"with"})
        for holder in holders:
            for relative in relatives:
                yield Candidate(holder, relation, relative, noun, "offspring.v1", 0.85)


def _having_verb(noun: Token) -> Token | None:
    """The verb of "have / welcome / adopt / give birth to / is married with" over ``noun``."""
    verb = noun.head
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
