"""Resolving pronouns and kinship nominals to the people of an article.

A small salience model in the spirit of Hobbs and of Lappin & Leass: walk
the tokens in order, keep the people mentioned recently, and send each
third-person pronoun ("she", "his") and each kinship nominal ("her
daughter", "Mom", "Khloe's mom") to the most salient person that agrees in
gender, preferring subjects, then recency, within the current and previous
two sentences. A possessive pronoun prefers its clause's subject; an object
pronoun never takes its own clause's subject.

Kinship nominals find their person in this order: an appositive name ("her
daughter, Khloe"), a copula ("Kris is Khloe's mom"), an appositive head
("Ray Stata, Stata's father"), then salience (weaker evidence).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kg.extract.genders import vote_genders
from kg.extract.lexicon import EVENT_NOUNS, PRONOUN_GENDER, ROLE_NOUNS, gender_of_word
from kg.extract.names import family_of, normalize
from kg.extract.people import People
from kg.extract.quotes import FIRST_PERSON, quotations, quoted_speakers
from kg.extract.syntax import (
    RELATIVE_PRONOUNS,
    RULER_TITLES,
    SUBJECT_DEPS,
    appositive_name,
    bracketed_name,
    clause_of,
    fronted_subject,
    is_bare_name,
    is_kin_noun,
    is_place,
    is_role_nominal,
    phrase_head,
    spouse_after_of,
    tokens_of,
)

__all__ = ["Reference", "Coreference", "resolve"]

_WINDOW = 2  # sentences before the current one
_COUPLE_WORDS = {
    "wife",
    "husband",
    "spouse",
    "partner",
    "girlfriend",
    "boyfriend",
    "fiancé",
    "fiancée",
    "fiance",
    "fiancee",
}
_PAIR_NOUNS = {"couple", "pair", "duo", "two", "newlyweds", "lovebirds", "exes"}
_GROUP_NOUNS = _PAIR_NOUNS | {
    "parents", "marriage", "union",  # "the marriage produced two sons": the last couple named
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Reference:
    """A token that refers to a person, and how sure we are."""

    person: int
    how: str  # "name", "pronoun", "appositive", "copula", "salience"
    confidence: float


@dataclass(slots=True)
class _Seen:
    token: int
    person: int
    subject: bool  # the clause's subject, or its owner ("His struggle ended")
    sent: int
    lead: bool = False  # the subject itself


class Coreference:
    """Token -> person references for one document."""

    def __init__(self, doc: Doc, people: People, triggers: set[str]) -> None:
        self.doc, self.people, self.triggers = doc, people, triggers
        self.tokens = tokens_of(doc)
        self.refs: dict[int, Reference] = {}
        self._sent_of: dict[int, int] = {}
        n = 0
        for sent in doc.sents:  # count only sentences with words, not a lone quote mark
            n += any(t.is_alpha for t in self.tokens[sent.start : sent.end])
            self._sent_of.update(dict.fromkeys(range(sent.start, sent.end), n))
        self._history: list[_Seen] = []
        self.groups: dict[int, tuple[int, ...]] = {}  # plural token -> the people it stands for
        self.partners: dict[int, int] = {}  # person -> whom a relation verb paired them with
        self._last_group: tuple[tuple[int, ...], int] | None = None  # (people, sentence)
        self._listed: list[tuple[tuple[int, ...], int]] = []  # groups named as "A and B"
        self._last_couple: tuple[tuple[int, ...], int] | None = None  # "A married B"
        self._titles: dict[str, int] = {}  # "queen" -> the person "the Queen" stands for
        self._surnames = {  # person -> surname, for "the Curies"
            p.id: normalize(p.name).split()[-1] for p in people.persons if len(p.words) > 1
        }
        self._surname_set = set(self._surnames.values())
        self._parents: dict[str, set[int]] = {}  # "father" -> the people named as fathers
        firsts = [(min(m.start for m in p.mentions), p.id) for p in people.persons if p.mentions]
        self._topic = min(firsts)[1] if firsts else -1
        self._speaker = self._named_speaker()
        self._quotations = quotations(doc)
        self._named_in_quotes: dict[int, set[int]] = {}  # speaker token -> people quoted by name
        for words, speaker in self._quotations:
            named = {people.token_person.get(i, -1) for i in range(words.start, words.end)}
            self._named_in_quotes.setdefault(speaker.i, set()).update(named - {-1})
        vote_genders(self.tokens, people, self._sent_of)
        self._run()
        self._fronted_appositions()
        self._quoted_first_person()

    # -- public ---------------------------------------------------------------
    def ref(self, tok: Token) -> Reference | None:
        """The person a name, pronoun or kinship noun refers to."""
        pid = self.people.token_person.get(tok.i)
        if pid is not None:
            return Reference(pid, "name", 1.0)
        return self.refs.get(tok.i)

    def group(self, tok: Token) -> tuple[int, ...]:
        """The people a plural word stands for ("they", "the couple"), or ()."""
        return self.groups.get(tok.i, ())

    # -- the walk -------------------------------------------------------------
    def _run(self) -> None:
        for tok in self.tokens:
            pid = self.people.token_person.get(tok.i)
            if pid is not None:
                if tok.i + 1 >= len(self.doc) or self.people.token_person.get(tok.i + 1) != pid:
                    self._see(tok, pid)  # once per mention, at its last token
                continue
            low = tok.lower_
            if low in FIRST_PERSON and tok.pos_ == "PRON" and self._speaker is not None:
                self.refs[tok.i] = Reference(self._speaker, "pronoun", 0.8)
            elif low == "whose":
                self._whose(tok)
            elif low in {"former", "latter"} and tok.pos_ in {"NOUN", "ADJ"}:
                self._former_or_latter(tok)
            elif low in PRONOUN_GENDER and tok.pos_ == "PRON":
                if PRONOUN_GENDER[low] == "p":
                    self._plural(tok)
                else:
                    self._pronoun(tok, PRONOUN_GENDER[low])
            elif (
                low in _GROUP_NOUNS
                and any(c.lower_ in {"the", "both"} for c in tok.children)
                or low == "both"
                and tok.dep_ in SUBJECT_DEPS
            ):
                self._plural(tok)
            elif low in _SIBLING_GROUPS and _bare_plural(tok):
                self._siblings(tok)
            elif tok.pos_ == "PROPN" and low.endswith("s"):
                self._family(tok)
            elif is_kin_noun(tok, self.triggers):
                self._kin_noun(tok)
            elif is_role_nominal(tok):
                self._role(tok)

    def _see(self, tok: Token, pid: int) -> None:
        head = phrase_head(tok)
        sent = self._sent_of[tok.i]
        owner = head.dep_ == "poss" and head.head.dep_ in SUBJECT_DEPS
        verb = head.head.head if head.dep_ == "pobj" else head.head
        lead = head.dep_ in SUBJECT_DEPS or (owner and tok.pos_ == "PRON")
        lead = lead or fronted_subject(verb) == head  # "In 2019 McIlwraith married"
        subject = lead or owner
        self._history.append(_Seen(tok.i, pid, subject, sent, lead))
        modifiers = [head, *(c for c in head.children if c.dep_ == "compound")]
        misparsed = [  # "[Mila Stone] and Jordan Vance": the first name hung as a modifier
            c
            for m in modifiers
            for c in m.children
            if c.dep_ == "nmod" and any(g.dep_ == "cc" for g in c.children)
        ]
        if head.dep_ in {"conj", "appos"} or misparsed:  # "A and B": a group "they" can mean
            first_tok = misparsed[0] if misparsed else head.head
            first = self._person_at(first_tok) if first_tok.i != head.i else None
            if first is not None and first != pid:
                people = (
                    self._last_group[0]
                    if self._last_group and first in self._last_group[0]
                    else (first,)
                )
                self._last_group = ((*people, pid) if pid not in people else people, sent)
                top = first_tok
                while top.dep_ in {"conj", "appos"} and top.head.i != top.i:
                    top = top.head
                if not (top.dep_ == "pobj" and top.head.lower_ in {"to", "of"}):
                    self._listed.append(self._last_group)  # not "born to A and B"
                if top.dep_ in SUBJECT_DEPS and self._relates(top.head):  # "A and B wed"
                    self.partners[first], self.partners[pid] = pid, first
        partner = self._partner_of(head)
        partner = self._gap_partner(head) if partner is None else partner
        if partner is not None and partner != pid:  # "A married B; their children ..."
            self._last_group = self._last_couple = ((partner, pid), sent)
            self.partners[partner], self.partners[pid] = pid, partner
        elif (  # "A met B in college; they ..." (not "A brought his mom, B")
            head.dep_ == "dobj"
            and head.head.pos_ == "VERB"
            and head.i == tok.i
            and tok.pos_ != "PRON"  # not "Selena has always treated her like her baby"
            and not is_kin_noun(head, self.triggers)
        ):
            met = _subject_person(head.head, self)
            if met is not None and met.person != pid:
                self._last_group = ((met.person, pid), sent)

    def _partner_of(self, obj: Token) -> int | None:
        """The subject of the relation verb whose object is ``obj``: "A married B",
        "A, who married architect B"."""
        if obj.dep_ in {"appos", "compound"} and obj.head.pos_ == "NOUN":
            obj = obj.head  # "married architect Paul Okoye"
        verb = obj.head
        if obj.dep_ == "pobj" and verb.lower_ in {"to", "with", "from"}:  # "split from Y"
            verb = verb.head
        elif obj.dep_ != "dobj":
            return None
        if verb.lower_ in ROLE_NOUNS and verb.dep_ == "xcomp":
            verb = verb.head  # "married to singer B", "singer" tagged a verb
        event = any(  # "filed for divorce from Y", "announced her engagement to Y"
            g.lemma_.lower() in EVENT_NOUNS
            for c in verb.children
            if c.dep_ in {"prep", "dobj"}
            for g in (c, *c.children)
        )
        if not (self._triggers_on(verb) or event):
            return None
        ref = _subject_person(verb, self)
        if ref is None and verb.dep_ in {"acomp", "xcomp", "conj"}:  # "A is married to B"
            ref = _subject_person(verb.head, self)
        if ref is None and verb.dep_ == "relcl":
            return self._person_at(verb.head)
        if ref is None and verb.pos_ == "NOUN":
            return self._owner(verb)  # "X's first marriage, to Y, ended; they have a son"
        return ref.person if ref else None

    def _gap_partner(self, subject: Token) -> int | None:
        """The person a relation verb's relative clause hangs on: "B, the producer she
        married in 2020" (she married B)."""
        verb, noun = subject.head, subject.head.head
        if subject.dep_ not in SUBJECT_DEPS or verb.dep_ != "relcl" or noun.dep_ != "appos":
            return None
        if any(c.dep_ == "dobj" for c in verb.children) or not self._triggers_on(verb):
            return None
        return self._person_at(noun.head)

    def _triggers_on(self, verb: Token) -> bool:
        return verb.lower_ in self.triggers or verb.lemma_.lower() in self.triggers

    def _relates(self, verb: Token) -> bool:
        """ "married", "are engaged": a verb, or its complement, that pairs its subjects."""
        complements = (c for c in verb.children if c.dep_ in {"acomp", "attr"})
        return self._triggers_on(verb) or any(self._triggers_on(c) for c in complements)

    def _plural(self, tok: Token) -> None:
        """ "they", "their", "the couple": the last group named in the window (twice as
        wide for "the couple", which names its people more plainly than "they")."""
        window = _WINDOW if tok.pos_ == "PRON" else 2 * _WINDOW
        group = self._last_group
        if tok.lower_ in {"marriage", "union"}:  # "A married B; the marriage produced two sons"
            window, group = 1, self._last_couple
        elif tok.lower_ in _PAIR_NOUNS and group and len(group[0]) != 2:
            group = None  # "the couple" is two people, not a guest list
        elif group and tok.dep_ == "poss" and _is_sibling(tok.head) and self._is_couple(group[0]):
            # "B is dating Adan, while their brother, Anwar, ...": the sisters' brother
            group = next(
                ((p, s) for p, s in reversed(self._listed) if not self._is_couple(p)), None
            )
        if group and self._sent_of[tok.i] - group[1] <= window:
            self.groups[tok.i] = group[0]
            sent = self._sent_of[tok.i]
            subject = tok.dep_ in SUBJECT_DEPS or any(c.dep_ == "relcl" for c in tok.children)
            if subject and tok.lower_ != "both":  # "They have a son. His", "the pair, who"
                self._history += [_Seen(tok.i, p, True, sent) for p in group[0]]

    def _is_couple(self, people: tuple[int, ...]) -> bool:
        return any(self.partners.get(a) == b for a in people for b in people)

    def _siblings(self, tok: Token) -> None:
        """ "the sisters' stepmother": the last people named together ("Noor and Yasmin")
        who are not a couple (siblings stay siblings all article long)."""
        gender = gender_of_word(tok.lemma_.lower())  # "the brothers" are no woman
        for people, _ in reversed(self._listed):
            if self._is_couple(people):
                continue
            if gender is None or all(self._agrees(p, gender) for p in people):
                self.groups[tok.i] = people
                return

    def _family(self, tok: Token) -> None:
        """ "The Curies had two daughters", "the Beckhams' son": the two people of that
        surname, or the one of them and their partner (not a whole family)."""
        surname = family_of(tok, self._surname_set)
        if surname is None:
            return
        ids = tuple(pid for pid, name in self._surnames.items() if name == surname)
        if len(ids) == 1 and ids[0] in self.partners:
            ids = (ids[0], self.partners[ids[0]])
        elif len(ids) > 2:  # the couple among the Jacksons
            ids = tuple(p for p in ids if self.partners.get(p) in ids)
        if len(ids) == 2:
            self.groups[tok.i] = ids
            self._last_group = (ids, self._sent_of[tok.i])

    def _set(self, tok: Token, pid: int, how: str, confidence: float) -> None:
        self.refs[tok.i] = Reference(pid, how, confidence)
        self._see(tok, pid)

    def _candidates(self, tok: Token, gender: str | None, exclude: set[int]) -> list[_Seen]:
        sent = self._sent_of[tok.i]
        best: dict[int, _Seen] = {}
        for seen in self._history:
            if seen.sent < sent - _WINDOW or seen.person in exclude:
                continue
            person_gender = self.gender_of(seen.person)
            if gender and person_gender and person_gender != gender:
                continue
            prev = best.get(seen.person)
            # keep the latest mention, but remember a subject role in the same sentence
            if prev is None or seen.token > prev.token:
                same = prev is not None and prev.sent == seen.sent
                subject = seen.subject or (same and prev.subject)  # type: ignore[union-attr]
                lead = seen.lead or (same and prev.lead)  # type: ignore[union-attr]
                best[seen.person] = _Seen(seen.token, seen.person, subject, seen.sent, lead)
        # The person the article is about (named first) stays salient a sentence longer.
        return sorted(
            best.values(),
            key=lambda s: (
                sent - s.sent - (s.person == self._topic and s.lead),
                not s.subject,
                -s.token,
            ),
        )

    def _pronoun(self, tok: Token, gender: str) -> None:
        exclude: set[int] = set()
        noun = tok.head
        parent = spouse_after_of(tok, self.people.token_person)
        if parent is not None and self._agrees(parent, gender):  # "son of A and his wife B"
            self._set(tok, parent, "pronoun", 0.85)
            return
        same = self._parallel_owner(tok)  # "her mother, X, and her brother Y": one "her"
        if same is None:
            same = self._owner_of_subject(tok)  # "His parents, A and B, thanked his fans"
        if same is not None:
            self._set(tok, same, "pronoun", 0.85)
            return
        if tok.dep_ == "poss" and noun.dep_ == "conj":  # "A and his wife B": his is A
            first = self._person_at(noun.head)
            if first is not None and self._agrees(first, gender):
                self._set(tok, first, "pronoun", 0.85)
                return
        owner = self._owner_of_phrase(tok)
        if owner is None:
            owner = self._parallel_clause_owner(tok)
        if owner is not None and self._agrees(owner, gender):
            self._set(tok, owner, "pronoun", 0.85)  # "X's son from his first marriage": X
            return
        clause = clause_of(tok)
        subject = _subject_person(clause, self)
        among = noun.dep_ == "pobj" and noun.head.lower_ == "among"
        if subject is not None and (noun.dep_ == "attr" or among) and clause.lemma_ == "be":
            exclude.add(subject.person)  # "Wole Soyinka was his cousin": his is not Wole
            subject = None
        if tok.dep_ == "poss" and subject is not None and self._agrees(subject.person, gender):
            self._resolve_gender(subject.person, gender)  # "Kris loves her daughter": her is Kris
            self._set(tok, subject.person, "pronoun", 0.85)
            return
        if tok.dep_ not in SUBJECT_DEPS and tok.dep_ != "poss" and subject is not None:
            exclude.add(subject.person)  # "Kris supports her": her is not Kris
        cands = self._candidates(tok, gender, exclude)
        if not cands:
            return
        chosen = cands[0]
        topic = next((c for c in cands if c.person == self._topic), None)
        if topic is not None and tok.is_sent_start and tok.dep_ == "poss" and _peer_noun(noun):
            chosen = topic  # a paragraph's "His younger brother, X" is the article subject's
        if len(cands) == 1:  # learn a gender only when nobody else was in reach
            self._resolve_gender(chosen.person, gender)
        self._set(tok, chosen.person, "pronoun", 0.8 if len(cands) == 1 else 0.7)

    def _owner_of_phrase(self, tok: Token) -> int | None:
        """The named owner of the noun a possessive's phrase hangs on: "Vito's son from
        his first marriage" (his is Vito)."""
        noun = tok.head
        if tok.dep_ != "poss" or noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return None
        target = noun.head.head
        if target.lemma_ == "be":  # "X is Y's son from his marriage": from hangs on "is";
            kids = list(target.children)  # "Y's son X is from his previous relationship"
            target = next((c for c in kids if c.dep_ == "attr"), None) or next(
                (c for c in kids if c.dep_ in SUBJECT_DEPS), target
            )
        named = [target, *(c for c in target.children if c.dep_ == "compound")]
        owners = [c for t in named for c in t.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
        return self._person_at(owners[0]) if owners else None  # "X's daughter Y is from her"

    def _parallel_clause_owner(self, tok: Token) -> int | None:
        """ "X's mother, M, was a nurse, and her father, F, a doctor": "her" owns the
        kinship noun of a clause joined to one whose subject is X's kinship noun."""
        noun = tok.head
        if (
            tok.dep_ != "poss"
            or noun.dep_ not in SUBJECT_DEPS
            or not is_kin_noun(noun, self.triggers)
        ):
            return None
        verb = noun.head
        if verb.dep_ != "conj":
            return None
        first = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)
        if first is None or not is_kin_noun(first, self.triggers):
            return None
        owner = next((c for c in first.children if c.dep_ == "poss"), None)
        return self._person_at(owner) if owner is not None else None

    def _parallel_owner(self, tok: Token) -> int | None:
        """Whom the same possessive before the first conjunct stands for (the parser
        hangs the second on the first, or makes both subjects of the verb)."""
        noun = tok.head
        if tok.dep_ != "poss":
            return None
        if noun.dep_ == "conj":
            first = noun.head
        elif noun.dep_ in SUBJECT_DEPS and self.tokens[tok.i - 1].lower_ == "and":
            subjects = [c for c in noun.head.children if c.dep_ in SUBJECT_DEPS and c.i < tok.i]
            if not subjects:
                return None
            first = subjects[0]
        else:
            return None
        if first.dep_ == "appos" and first.i in self.people.token_person:
            first = first.head  # "her mother, Larisa, and ...": the conjunct hangs on Larisa
        owner = next((c for c in first.children if c.dep_ == "poss"), None)
        ref = self.refs.get(owner.i) if owner is not None and owner.lower_ == tok.lower_ else None
        return ref.person if ref is not None else None

    def _owner_of_subject(self, tok: Token) -> int | None:
        """Whom the same possessive on the clause's plural subject stands for: in "His
        parents, A and B, led the mourners with his girlfriend" both are one "his"
        (but in "His dad, A, shares a son with his ex", the second is A)."""
        if tok.dep_ != "poss":
            return None
        clause = clause_of(tok)
        for subject in (c for c in clause.children if c.dep_ in SUBJECT_DEPS and c.i < tok.i):
            if subject.tag_ == "NNS" and is_kin_noun(subject, self.triggers):
                for owner in subject.children:
                    if owner.dep_ == "poss" and owner.lower_ == tok.lower_ and owner.i in self.refs:
                        return self.refs[owner.i].person
        return None

    def _kin_noun(self, tok: Token) -> None:
        gender = gender_of_word(tok.lower_) or gender_of_word(tok.lemma_)
        named = appositive_name(tok, self.people.token_person)
        if named is None:
            named = bracketed_name(tok, self.people.token_person)  # "Subhadra (Krishna's sister)"
        if named is None and tok.dep_ == "pobj" and tok.head.lower_ == "as":
            taken = [c for c in tok.head.head.children if c.dep_ == "dobj"]  # "took Y as his wife"
            named = self._person_at(taken[0]) if taken else None
        listed = tok.dep_ in {"conj", "appos"} and is_kin_noun(tok.head, self.triggers)
        owned = self._owner(tok) is not None or (listed and self._owner(tok.head) is not None)
        if named is None and owned and tok.tag_ == "NN":
            named = self._name_right_after(tok)  # "her sister Odile", "X's son A and daughter B"
        how, pid = "appositive", named
        if (
            pid is None
            and tok.dep_ == "conj"
            and not any(c.dep_ in {"poss", "appos"} for c in tok.children)
        ):
            # "son of A and brother of B": the same person as the head noun (the parser
            # may hang the second noun on A)
            first = tok.head
            if first.dep_ == "pobj" and first.head.lower_ == "of":
                first = first.head.head
            head_ref = self.refs.get(first.i)
            of = any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
            if head_ref is not None and is_kin_noun(first, self.triggers) and of:
                how, pid = head_ref.how, head_ref.person
            elif (  # "X, her manager and dad": the dad is X
                first.dep_ == "appos"
                and first.pos_ == "NOUN"
                and first.head.pos_ == "PROPN"
                and not is_kin_noun(first, self.triggers)
                and not of
            ):
                how, pid = "appositive", self._person_at(first.head)
        attr = (
            tok.head if tok.dep_ == "conj" and tok.head.dep_ == "attr" else tok
        )  # "father of A and grandfather of B"
        if pid is None and attr.dep_ == "attr" and attr.head.lemma_ == "be":
            how, pid = "copula", _person_of_subject(attr.head, self)
        if (
            pid is None and tok.dep_ in SUBJECT_DEPS and tok.head.lemma_ == "be"
        ):  # "His brother was Harry"
            attrs = [self._person_at(c) for c in tok.head.children if c.dep_ == "attr"]
            how, pid = "copula", next((p for p in attrs if p is not None), None)
        if pid is None and tok.dep_ == "appos":
            how, pid = "appositive", self._person_at(tok.head)
            if pid is None and is_place(tok.head):  # "He was born in Berthier, the son of Louis"
                how, pid = "copula", _person_of_subject(clause_of(tok.head), self)
            elif pid is None and tok.head.dep_ == "attr" and tok.head.head.lemma_ == "be":
                how, pid = "copula", _person_of_subject(tok.head.head, self)  # "a painter, son of"
        if any(c.dep_ == "appos" for c in tok.children):
            pass  # named, but not as a person we know: never guess
        elif pid is None and tok.dep_ == "poss" and tok.lemma_.lower() in _COUPLE_WORDS:
            owner = self._owner(tok)  # "her fiancé's sister": the one she is engaged to
            if owner in self.partners:
                self._set(tok, self.partners[owner], "partner", 0.8)
            return
        elif pid is None and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "dative"} | (
            {"ROOT"} if tok.is_title else set()
        ):
            owner = self._owner(tok)
            if owner is None and not is_bare_name(tok):
                return
            if tok.tag_ in {"NNS", "NNPS"}:
                return  # "all of X's sons": several people, never the one most in view
            if _named_after(tok):
                return  # "named after his grandfather": a namesake, not whoever is in view
            if owner in self.partners and tok.lemma_.lower() in _COUPLE_WORDS:
                # "Greta, who married Paul Okoye, says her husband ...": the one she married
                self._set(tok, self.partners[owner], "partner", 0.8)
                return
            known = self._parents.get(_PARENT_WORDS.get(tok.lower_, ""), set())
            if owner is None and len(known) == 1:  # "Dad was strict": the father named before
                self._set(tok, next(iter(known)), "salience", 0.7)
                return
            exclude = {owner} if owner is not None else set()
            if owner in self.partners and tok.lemma_.lower() not in _COUPLE_WORDS:
                exclude.add(self.partners[owner])  # "he married Ruth ... his daughter": not Ruth
            cands = self._candidates(tok, gender, exclude)
            if owner is not None:
                # A relation hangs on it: demand a known, agreeing gender, and someone
                # from an earlier sentence (in its own sentence the grammar would say who).
                here = self._sent_of[tok.i]
                cands = [
                    c
                    for c in cands
                    if gender and self.gender_of(c.person) == gender and c.sent < here
                ]
            if cands:
                how, pid = "salience", cands[0].person
        if pid is None:
            return
        if gender:
            self._resolve_gender(pid, gender)
        self._set(tok, pid, how, 1.0 if how != "salience" else 0.6)
        role = _PARENT_WORDS.get(tok.lemma_.lower())
        if how != "salience" and role:  # "his father, Leon": who "Dad" is later
            self._parents.setdefault(role, set()).add(pid)
        owner = self._owner(tok)
        if owner is not None and owner != pid and tok.lemma_.lower() in _COUPLE_WORDS:
            self._last_group = (
                (owner, pid),
                self._sent_of[tok.i],
            )  # "his wife, Shelby, and their kids"
            if how != "salience":  # "Valeria's husband, Kim, ... his wife": Valeria
                self.partners[owner], self.partners[pid] = pid, owner
        elif owner is not None and owner != pid and how != "salience" and _is_sibling(tok):
            self._listed.append(((owner, pid), self._sent_of[tok.i]))  # "the sisters'" later

    def _fronted_appositions(self) -> None:
        """ "The daughter of X, she was born ...": the kinship noun is the subject's
        apposition (the parser makes both subjects), read once the subject is resolved."""
        for tok in self.tokens:
            if (
                tok.i in self.refs
                or tok.dep_ not in SUBJECT_DEPS
                or not is_kin_noun(tok, self.triggers)
            ):
                continue
            later = [c for c in tok.head.children if c.dep_ in SUBJECT_DEPS and c.i > tok.i]
            ref = self.ref(later[0]) if later else None
            if ref is not None and any(t.text == "," for t in self.doc[tok.i : later[0].i]):
                self.refs[tok.i] = Reference(ref.person, "appositive", ref.confidence)
        for tok in self.tokens:  # "Born in X, the eldest son of Y, he joined": a fronted kinship
            # noun the parser hung as a preposition or on the place
            if (
                tok.i in self.refs
                or not (
                    tok.dep_ in {"prep", "npadvmod", "dep"}
                    or tok.dep_ == "appos"  # "Born in Cardiff, the son of Y, he": not Cardiff
                    and self.ref(tok.head) is None
                    and tok.head.dep_ == "pobj"
                )
                or not is_kin_noun(tok, self.triggers)
                or any(c.dep_ == "poss" for c in tok.children)
                or not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
            ):
                continue
            root = tok.sent.root
            later = [c for c in root.children if c.dep_ in SUBJECT_DEPS and c.i > tok.i]
            between = list(self.doc[tok.i : later[0].i]) if later else []
            ref = self.ref(later[0]) if later else None
            if (
                ref is not None
                and any(t.text == "," for t in between)
                and not any(t.pos_ in {"VERB", "AUX"} for t in between)
            ):
                self.refs[tok.i] = Reference(ref.person, "appositive", 0.8)

    def _role(self, tok: Token) -> None:
        """ "The singer", "the actress": the most salient person of earlier sentences."""
        gender = gender_of_word(tok.lower_)
        here = self._sent_of[tok.i]
        if tok.lower_ in self._titles:  # "the Queen" is the same queen all article long
            self._set(tok, self._titles[tok.lower_], "role", 0.7)
            return
        named = self._named_in_quotes.get(tok.i, set())  # '"Jonas and I," the singer said'
        cands = [c for c in self._candidates(tok, gender, named) if c.sent < here]
        if cands:
            self._set(tok, cands[0].person, "role", 0.7)
            if tok.lower_ in RULER_TITLES | {"bride", "groom"}:  # one bride all article long
                self._titles[tok.lower_] = cands[0].person

    # -- helpers --------------------------------------------------------------
    def _quoted_first_person(self) -> None:
        """'"I love my husband," Kim wrote': "I" and "my" are Kim."""
        for i, speaker in quoted_speakers(self.doc, self._quotations).items():
            pid = self._person_at(speaker)
            if pid is not None and i not in self.refs:
                self.refs[i] = Reference(pid, "quote", 0.75)

    def _named_speaker(self) -> int | None:
        """The writer of a first-person text who names themselves: "My name is X"."""
        for tok in self.tokens:
            if (
                tok.lower_ == "name"
                and tok.dep_ in SUBJECT_DEPS
                and tok.head.lemma_ == "be"
                and any(c.lower_ == "my" for c in tok.children)
            ):
                for attr in (c for c in tok.head.children if c.dep_ in {"attr", "nsubj"}):
                    pid = self.people.token_person.get(attr.i)  # nsubj when parsed badly
                    if pid is not None:
                        return pid
        return None

    def _name_right_after(self, tok: Token) -> int | None:
        """The person whose name follows the kinship noun ``tok``, past a duration and a
        role: "her sister Odile", "her husband of 12 years, producer Kasim Reid" (the
        parser may hang the name anywhere); not "Sister Mary"."""
        doc, token_person = self.doc, self.people.token_person
        if tok.i in token_person:
            return None
        i = tok.i + 1
        if i + 1 < len(doc) and doc[i].lower_ == "of" and doc[i + 1].ent_type_ == "DATE":
            i += 1
            while i < len(doc) and doc[i].ent_type_ == "DATE":
                i += 1
            i += i < len(doc) and doc[i].text == ","
            while i < len(doc) and (doc[i].lower_ in ROLE_NOUNS or doc[i].lower_ == "the"):
                i += 1
        elif i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in {"the", "a"}:
            j = i + 2  # "his partner, the photographer Ruth Kessler"
            while j < min(i + 5, len(doc)) and doc[j].is_lower and doc[j].tag_ in _ROLE_TAGS:
                j += 1
            i = j if j > i + 2 else i
        return token_person.get(i)

    def _former_or_latter(self, tok: Token) -> None:
        """ "X married Y. The latter was the daughter of Z": of the last two people
        named, the latter is the later one, the former the earlier."""
        if tok.dep_ not in {*SUBJECT_DEPS, "dobj", "pobj", "poss"} or not any(
            c.lower_ == "the" for c in tok.children
        ):
            return  # "the former couple", "her former husband": a qualifier
        last: list[int] = []
        for seen in reversed(self._history):
            if seen.person not in last:
                last.append(seen.person)
            if len(last) == 2:
                self._set(tok, last[0 if tok.lower_ == "latter" else 1], "pronoun", 0.8)
                return

    def _whose(self, tok: Token) -> None:
        """ "X, whose father was Y": the person the relative clause is about (also "an
        actress whose husband ...", the subject of the copula)."""
        clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
        if clause is None:
            return
        about = clause.head
        pid = self._person_at(about)
        if pid is None and about.dep_ == "attr" and about.head.lemma_ == "be":
            pid = _person_of_subject(about.head, self)
        if pid is not None:
            self._set(tok, pid, "pronoun", 0.9)

    def _person_at(self, tok: Token) -> int | None:
        ref = self.ref(tok)
        return ref.person if ref else None

    def _owner(self, tok: Token) -> int | None:
        """The person in "X's mom", "her mom", "his ex-wife" (the owner may hang on "ex")."""
        doc = tok.doc
        heads = [tok]
        if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "ex":
            heads.append(doc[tok.i - 2])
        for child in (c for head in heads for c in head.children):
            if child.dep_ == "poss":
                return self._person_at(child)
        return None

    def _agrees(self, pid: int, gender: str) -> bool:
        known = self.gender_of(pid)
        return known is None or known == gender

    def gender_of(self, pid: int) -> str | None:
        """What the article says about the person's gender, else what the first name suggests."""
        person = self.people.persons[pid]
        return person.gender or person.hint

    def _resolve_gender(self, pid: int, gender: str) -> None:
        person = self.people.persons[pid]
        if person.gender is None and gender in {"f", "m"}:
            person.gender = gender


_SIBLING_GROUPS = {"sisters", "brothers", "siblings", "twins", "boys", "girls"}


def _is_sibling(noun: Token) -> bool:
    return noun.lemma_.lower() in {"sister", "brother", "half-sister", "half-brother", "sibling"}


def _peer_noun(noun: Token) -> bool:
    """A sibling, spouse or parent (not a child, whom the last parent named owns)."""
    return noun.lemma_.lower() in {
        "brother", "sister", "sibling", "half-brother", "half-sister", "wife", "husband",
        "father", "mother", "parent",
    }  # fmt: skip


def _named_after(tok: Token) -> bool:
    """ "named after his grandfather", "named in honour of his father"."""
    prep = tok.head
    while (prep.dep_ == "pobj" or prep.lower_ == "of") and prep.head.i != prep.i:
        prep = prep.head  # "in honour of": up to "in"
    return prep.lower_ in {"after", "for", "in"} and prep.head.lower_ in {"named", "renamed"}


def _bare_plural(tok: Token) -> bool:
    """ "the sisters'", "the boys": a plural noun with no names of its own."""
    return (
        any(c.lower_ == "the" for c in tok.children)
        and tok.dep_ in {"poss", "nsubj", "nsubjpass", "pobj", "dobj"}
        and not any(c.dep_ in {"appos", "compound"} for c in tok.children)
        and not (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ == "PROPN")
    )


_ROLE_TAGS = {"NN", "JJ", "VBG", "NNS"}  # "the music composer", "the photographer" (JJ)
# Parent words used as names ("Dad was strict") and the kinship noun they stand for.
_PARENT_WORDS = {
    "dad": "father", "daddy": "father", "papa": "father", "pop": "father", "father": "father",
    "mom": "mother", "mum": "mother", "mommy": "mother", "mama": "mother", "mother": "mother",
}  # fmt: skip


def _subject_person(verb: Token, coref: Coreference) -> Reference | None:
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]  # "X [is] engaged"
    for child in (c for node in [verb, *aux] for c in node.children):
        if child.dep_ not in SUBJECT_DEPS:
            continue
        if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return coref.ref(verb.head)  # "Louis, who was the son of Alexis"
        ref = coref.ref(child)
        if ref:
            return ref
    fronted = fronted_subject(verb)  # "Ramaswamy married Y", the surname tagged an adverb
    return coref.ref(fronted) if fronted is not None else None


def _person_of_subject(verb: Token, coref: Coreference) -> int | None:
    ref = _subject_person(verb, coref)
    return ref.person if ref else None


def resolve(doc: Doc, people: People, triggers: set[str]) -> Coreference:
    """Resolve the pronouns and kinship nominals of ``doc``."""
    return Coreference(doc, people, triggers)
