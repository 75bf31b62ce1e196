"""The frozen records that flow between the stages of the pipeline.

``Article`` (ingest) -> ``Extraction`` holding ``Entity`` and ``Claim``
(extract) -> RDF (store).

Examples:
    >>> ev = Evidence("a1", "Kris is Khloe's mom.", 0, 20)
    >>> c = Claim("Kris Jenner", "motherOf", "Khloe Kardashian", ev, rule="possessive-kin.v1")
    >>> c.status
    'current'
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Article", "Evidence", "Entity", "Claim", "Extraction"]


@dataclass(frozen=True, slots=True)
class Article:
    """One input article: clean text plus where it came from.

    ``id`` is stable: the JSONL record's ``id``, else a hash of the text.
    ``source`` names the file (and line) for messages; it is never opened again.
    ``origin`` is the absolute path of the input file (empty for stdin): an
    incremental build forgets the articles that a re-read file no longer holds.
    """

    id: str
    text: str
    title: str = ""
    url: str = ""
    published: str = ""
    source: str = ""
    origin: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("an article needs an id")


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a claim was read: the sentence and its character offsets in the article text."""

    article_id: str
    sentence: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad offsets {self.start}..{self.end}")


@dataclass(frozen=True, slots=True)
class Entity:
    """A resolved person (or other named thing) of one article."""

    name: str
    type: str = "Person"
    aliases: tuple[str, ...] = ()
    article_id: str = ""


@dataclass(frozen=True, slots=True)
class Claim:
    """One subject-relation-object statement read from an article.

    ``relation`` is a local name of the ontology (``motherOf``, ``spouseOf``...).
    Qualifiers: ``former`` (divorced, ex-, late), ``negated`` (denied, not),
    ``hedged`` (reportedly, rumoured), and optional ``start``/``end`` years.
    ``rule`` is the versioned name of the extractor rule, kept as provenance.
    """

    subject: str
    relation: str
    object: str
    evidence: Evidence
    rule: str
    confidence: float = 0.9
    former: bool = False
    negated: bool = False
    hedged: bool = False
    start: str | None = None
    end: str | None = None

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} is outside 0..1")
        if self.subject == self.object:
            raise ValueError(f"a claim needs two different people, got {self.subject!r} twice")

    @property
    def status(self) -> str:
        """``former`` or ``current``."""
        return "former" if self.former else "current"


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything read from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    claims: tuple[Claim, ...] = field(default=())
