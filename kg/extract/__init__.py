"""Extraction: spaCy Doc -> people, coreference, relation rules -> Claims.

Examples:
    >>> from kg.model import Article
    >>> ex = Extractor()
    >>> result = ex.extract(Article("a1", "Kris Jenner is the mother of Khloe Kardashian."))
    >>> [(c.subject, c.relation, c.object) for c in result.claims]
    [('Kris Jenner', 'motherOf', 'Khloe Kardashian')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.chunks import MAX_CHARS, merge_extractions, piece_batches
from kg.extract import parentage as _parentage  # noqa: F401  (registers born-to.v1)
from kg.extract import rules as _rules  # noqa: F401  (registers the built-in rules)
from kg.extract import together as _together  # noqa: F401  (registers together.v1)
from kg.extract.context import Candidate, Context, rules
from kg.extract.coref import resolve
from kg.extract.headlines import sentence_case_headlines
from kg.extract.lexicon import FIGURATIVE_KIN
from kg.extract.nlp import DEFAULT_MODEL, load_nlp
from kg.extract.people import find_people
from kg.extract.qualifiers import qualify
from kg.model import Article, Claim, Entity, Evidence, Extraction
from kg.ontology import Vocabulary, load_vocabulary

__all__ = ["Extractor", "rules"]

# Relations stated from the other side are stored from the parent's side.
_FLIP = {"childOf": "parentOf", "grandchildOf": "grandparentOf"}
_BY_GENDER = {("parentOf", "f"): "motherOf", ("parentOf", "m"): "fatherOf"}
_ROMANTIC = {"partnerOf", "spouseOf", "engagedTo"}
_FAMILY = {"parentOf", "motherOf", "fatherOf", "siblingOf", "grandparentOf"}


class Extractor:
    """Reads claims and people from articles with a spaCy pipeline and the rule registry."""

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        rule_names: Iterable[str] | None = None,
        nlp: Language | None = None,
        vocab: Vocabulary | None = None,
    ) -> None:
        self.nlp = nlp or load_nlp(model)
        self.vocab = vocab or load_vocabulary()
        names = list(rule_names) if rule_names is not None else rules.names()
        self.rules = [(name, rules.get(name)) for name in names]
        self._triggers = self.vocab.triggers()

    def extract(self, article: Article) -> Extraction:
        """Everything one article says."""
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Extraction]:
        """Extract from many articles, batching the spaCy work.

        A long article is read in pieces (``kg.chunks``: spaCy refuses texts over
        ``nlp.max_length`` and its memory grows with the text), and its claims are
        put back together with offsets into the whole text.
        """
        size = min(MAX_CHARS, self.nlp.max_length)
        parts: list[tuple[int, Extraction]] = []
        for batch in piece_batches(articles, batch_size, size):
            texts = [sentence_case_headlines(piece.text) for _, _, piece, _ in batch]
            docs = self.nlp.pipe(texts, batch_size=len(batch))
            for doc, (article, offset, piece, last) in zip(docs, batch, strict=True):
                parts.append((offset, self.from_doc(piece, doc)))
                if last:
                    yield merge_extractions(article, parts)
                    parts = []

    def from_doc(self, article: Article, doc: Doc) -> Extraction:
        """Claims and entities of an already parsed article."""
        try:
            return self._read(article, doc)
        finally:
            doc.user_data.pop("kg.tokens", None)  # the token list tokens_of kept

    def _read(self, article: Article, doc: Doc) -> Extraction:
        people = find_people(doc, self._triggers)
        ctx = Context(doc, people, resolve(doc, people, self._triggers), self.vocab)
        claims: dict[tuple, Claim] = {}
        for _name, rule in self.rules:
            for cand in rule(ctx):
                claim = self._claim(ctx, article, cand)
                if claim is not None:
                    key = _key(claim)
                    claims[key] = _merged(claims[key], claim) if key in claims else claim
        aliases: dict[int, set[str]] = {p.id: set(p.aliases) for p in people.persons}
        for i, ref in ctx.coref.refs.items():
            if ref.how == "salience" and doc[i].is_title and doc[i].dep_ != "ROOT":
                aliases[ref.person].add(doc[i].text)  # "Mom"
        entities = tuple(
            Entity(p.name, "Person", tuple(sorted(aliases[p.id])), article.id)
            for p in people.persons
        )
        kept = _splits_of_marriages(_without_romance_in_family(list(claims.values())))
        return Extraction(article, entities, tuple(sorted(kept, key=_order)))

    def _claim(self, ctx: Context, article: Article, cand: Candidate) -> Claim | None:
        subj, obj = cand.subject, cand.object
        persons = ctx.people.persons
        if persons[subj.person].name == persons[obj.person].name:
            return None  # one person, or two of one name: no claim can tell them apart
        if _figurative(cand.trigger) or _in_a_role(cand.trigger):
            return None
        relation = cand.relation
        if relation in _FLIP:
            relation, subj, obj = _FLIP[relation], obj, subj
        relation = _BY_GENDER.get((relation, persons[subj.person].gender or ""), relation)
        if self.vocab[relation].symmetric and persons[obj.person].name < persons[subj.person].name:
            subj, obj = obj, subj
        q = qualify(
            cand.trigger, cand.former_word, cand.relation in _ROMANTIC, subj.token, obj.token
        )
        if q.negated and cand.former_word:
            return None  # "we are not splitting up" denies an ending, not the couple
        sent = _strip(cand.trigger.sent)
        confidence = round(cand.confidence * min(subj.confidence, obj.confidence), 3)
        return Claim(
            subject=persons[subj.person].name,
            relation=relation,
            object=persons[obj.person].name,
            evidence=Evidence(  # the article's own text: a headline was parsed recased
                article.id,
                article.text[sent.start_char : sent.end_char],
                sent.start_char,
                sent.end_char,
            ),
            rule=cand.rule,
            confidence=confidence,
            former=q.former and relation not in _FAMILY,  # "with ex X": X is no former father
            negated=q.negated,
            hedged=q.hedged,
            start=q.start,
            end=q.end,
        )


def _figurative(trigger: Token) -> bool:
    """ "He is my brother in every way but blood": no kinship is claimed."""
    after = trigger.doc[trigger.i : trigger.i + 8].text.lower()
    return any(phrase in after for phrase in FIGURATIVE_KIN)


_ROLE_VERBS = {"play", "portray", "voice"}


def _in_a_role(trigger: Token) -> bool:
    """The kinship is a film role's: "X, who played her murdered husband", "Y voices
    Kiara, the daughter of Simba and Nala"."""
    node = trigger
    while node.head.i != node.i:
        if node.dep_ == "dobj" and node.head.lemma_.lower() in _ROLE_VERBS:
            return True
        if node.dep_ in {"relcl", "ccomp", "advcl", "conj"} and node.pos_ in {"VERB", "AUX"}:
            return False  # another clause: "X plays golf, and her sister Y ..."
        node = node.head
    return False


def _strip(sent: Span) -> Span:
    """The sentence without surrounding whitespace and stray quote marks."""
    start, end = sent.start, sent.end
    while start < end - 1 and (
        sent.doc[start].is_space or sent.doc[start].is_quote and start == sent.start
    ):
        start += 1
    while end > start + 1 and sent.doc[end - 1].is_space:
        end -= 1
    return sent.doc[start:end]


def _merged(a: Claim, b: Claim) -> Claim:
    """One claim read twice in a sentence: the surer reading, with the time and the
    ending either gives ("married in 1929; they divorced in 1939")."""
    best, other = (a, b) if a.confidence >= b.confidence else (b, a)
    return replace(
        best,
        former=best.former or other.former,
        start=best.start or other.start,
        end=best.end or other.end,
    )


def _without_romance_in_family(claims: list[Claim]) -> list[Claim]:
    """Drop a romance between two people the same article calls parent and child or
    siblings: "both daughters, Wanda and Helen, were married" is not a marriage."""
    family = {
        frozenset((c.subject, c.object)) for c in claims if c.relation in _FAMILY and not c.negated
    }
    return [
        c
        for c in claims
        if not (c.relation in _ROMANTIC and frozenset((c.subject, c.object)) in family)
    ]


def _splits_of_marriages(claims: list[Claim]) -> list[Claim]:
    """A couple that married earlier in the article and then split ended a marriage:
    "A married B in 1996; the couple separated in 2009" (not a dating couple's split)."""
    married: dict[frozenset, int] = {}
    for c in claims:
        if c.relation == "spouseOf" and not c.negated:
            pair = frozenset((c.subject, c.object))
            married[pair] = min(married.get(pair, c.evidence.start), c.evidence.start)
    kept: dict[tuple, Claim] = {}
    for c in claims:
        wed = married.get(frozenset((c.subject, c.object)))
        if c.relation == "partnerOf" and c.former and wed is not None and wed <= c.evidence.start:
            c = replace(c, relation="spouseOf")
        key = _key(c)
        kept[key] = _merged(kept[key], c) if key in kept else c
    return list(kept.values())


def _key(claim: Claim) -> tuple:
    """One claim per relation, pair and sentence."""
    return (claim.subject, claim.relation, claim.object, claim.evidence.start)


def _order(claim: Claim) -> tuple:
    return (claim.evidence.start, claim.subject, claim.relation, claim.object)
