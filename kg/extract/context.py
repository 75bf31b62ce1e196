"""What every relation rule sees: the parsed document, its people and their references."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from kg.extract.coref import Coreference
from kg.extract.people import People
from kg.extract.syntax import is_kin_noun
from kg.ontology import Vocabulary
from kg.registry import Registry

__all__ = ["Candidate", "Context", "Ref", "Rule", "rules"]


@dataclass(frozen=True, slots=True)
class Ref:
    """A token (name, pronoun, kinship noun, "the couple") standing for one person."""

    token: Token
    person: int
    confidence: float


@dataclass(frozen=True, slots=True)
class Candidate:
    """A relation a rule found, before qualifiers and names are attached.

    ``trigger`` is the word that expresses the relation.
    """

    subject: Ref
    relation: str
    object: Ref
    trigger: Token
    rule: str
    confidence: float
    former_word: bool = False


@dataclass
class Context:
    """The parsed article as the rules see it."""

    doc: Doc
    people: People
    coref: Coreference
    vocab: Vocabulary
    kin_nouns: list[Token] = field(default_factory=list)  # found once, read by every rule

    def __post_init__(self) -> None:
        triggers = self.coref.triggers
        self.kin_nouns = [t for t in self.tokens if is_kin_noun(t, triggers)]
        self._kin = {t.i for t in self.kin_nouns}

    @property
    def tokens(self) -> list[Token]:
        """The doc's tokens, made once (iterating a Doc builds new Token objects)."""
        return self.coref.tokens

    def is_person(self, tok: Token) -> bool:
        """True if ``tok`` refers to a person or a group of people."""
        return self.coref.ref(tok) is not None or bool(self.coref.group(tok))

    def refs(self, tok: Token) -> list[Ref]:
        """The people ``tok`` stands for: one, or several for "they"."""
        ref = self.coref.ref(tok)
        if ref is not None:
            return [Ref(tok, ref.person, ref.confidence)]
        return [Ref(tok, pid, 0.7) for pid in self.coref.group(tok)]

    def is_kin(self, tok: Token) -> bool:
        """True for a kinship noun ("mom", "daughter")."""
        return tok.i in self._kin

    def persons_in(self, tok: Token) -> list[Ref]:
        """The people ``tok`` and its coordinated siblings ("A, B and C") stand for."""
        if tok.lower_ == "whom":  # "Ingrid, whom he married", "with whom he had"
            clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
            if clause is not None:
                head = clause.head  # "Y, a social worker ..., with whom he had": Y
                return self.refs(head) or (self.refs(head.head) if head.dep_ == "appos" else [])
            before = [t for t in self.doc[max(tok.i - 4, 0) : tok.i] if self.is_person(t)]
            return self.refs(before[-1]) if before else []  # the clause hung elsewhere
        if tok.pos_ == "NOUN" and (  # "architect Paul Okoye", "two kids, Leo and Mia"
            not self.is_person(tok) or tok.tag_ == "NNS"
        ):
            named = [
                c for c in tok.children if c.dep_ in {"appos", "compound"} and self.is_person(c)
            ]
            tok = named[0] if named else tok
        found = self.refs(tok)
        modifiers = [tok, *(c for c in tok.children if c.dep_ == "compound")]
        for first in (c for m in modifiers for c in m.children):
            # "[Mila Stone] and Jordan Vance", "actress [X] and Swedish DJ Y": a modifier
            if first.dep_ == "nmod" and any(c.dep_ == "cc" for c in first.children):
                found = self.refs(first) + found
        others: set[int] = set()  # kinship nouns with an owner of their own, and their lists
        kin_named = any(c.dep_ in {"compound", "appos"} and self.is_kin(c) for c in tok.children)
        for conj in _conjuncts(tok):
            if conj.head.i in others:
                others.add(conj.i)  # "her father, E, and her grandparents, V and G": not V, G
                continue
            if _possessor(conj) or any(_possessor(c) for c in conj.children if c.dep_ == "conj"):
                continue  # "A, B, C and D, Suzanne and Keith's four children"
            owned = any(c.dep_ == "poss" for c in conj.children)
            if owned and (self.is_kin(conj) or kin_named):
                others.add(conj.i)  # "his wife, M, and his sister, G", "her husband R and
                continue  # her publicist L": another relation
            if self._other_kin(conj, tok):
                continue  # "his wife, Ingrid, and a son, Erik"; "his son A and grandson B"
            if self.is_person(conj):
                found += self.refs(conj)
            elif (conj.lemma_ == tok.head.lemma_ or not self.is_kin(conj)) and conj.pos_ == "NOUN":
                # "a daughter, Tamara, and daughter, Kirsten"; "X and his mistress, Nan Britton"
                # -- not "his wife, M, and his sister, G"
                found += [r for c in conj.children if c.dep_ == "appos" for r in self.refs(c)]
        return found

    def _other_kin(self, conj: Token, first: Token) -> bool:
        """A conjunct named by a kinship noun of another kind than the list's first one
        ("his son A and grandson B"; not "daughter A and son B")."""
        named_by = [c for c in first.children if c.dep_ in {"compound", "appos"} and self.is_kin(c)]
        kind = _kind(named_by[0] if named_by else first.head)
        if self.is_kin(conj):
            return _kind(conj) != kind
        return any(
            c.dep_ in {"compound", "appos"} and self.is_kin(c) and _kind(c) != kind
            for c in conj.children
        )


_KINDS = {
    **dict.fromkeys(["son", "daughter", "child", "kid"], "child"),
    **dict.fromkeys(["brother", "sister", "sibling"], "sibling"),
}


def _kind(tok: Token) -> str:
    """What kind of relative a kinship noun names: "son" and "daughter" are both children."""
    lemma = tok.lemma_.lower()
    return _KINDS.get(lemma, lemma)


def _possessor(tok: Token) -> bool:
    """ "Keith" in "Suzanne and Keith's children" (which the parser made a conjunct)."""
    return any(c.tag_ == "POS" for c in tok.children)


def _conjuncts(tok: Token) -> Iterator[Token]:
    for child in tok.children:
        if child.dep_ == "conj":
            yield child
            yield from _conjuncts(child)


Rule = Callable[[Context], Iterable[Candidate]]
rules: Registry[Rule] = Registry("rules")
