"""The knowledge graph store: claims, facts and inferences in one Oxigraph dataset.

Three layers (DESIGN §5), each in named graphs of one rdflib ``Dataset``
backed by Oxigraph through oxrdflib (on disk when given a directory):

1. claims: one graph per article (``.../graph/article/<id>``, see ``kg.rdf``);
2. facts (``.../graph/facts``): every entity with its type, label and aliases,
   and one direct triple per relation that an asserted, stated claim supports;
3. inferences (``.../graph/inferences``): inverses, symmetric closure,
   super-properties, grandparents, siblings, in-laws and step-parents
   (``kg.reason``; in-laws only from marriages some claim states as current). Each inferred
   triple ``s p o`` has a node ``.../statement/<hash(s, p, o)>`` typed
   ``ckg:Inference`` and ``rdf:Statement`` with ``rdf:subject/predicate/object``,
   ``prov:wasGeneratedBy`` the rule and ``prov:wasDerivedFrom`` the statement
   nodes of its premises. A premise that is a fact gets the same kind of node
   (``rdf:Statement``) with ``prov:wasDerivedFrom`` the claims that support it,
   so "why?" can be followed down to article sentences (``kg.explain``).

A fourth kind of graph, ``.../graph/links``, holds the user's links to other
datasets (``link_wikidata``: ``skos:exactMatch wd:Q...``); it is never
recomputed.

What is atomic: ``add`` writes the article into a scratch graph (one
transaction), then replaces the article graph with it in one SPARQL update
(one transaction), so a reader or a crash sees the old article or the new one,
never a mix or nothing. ``add``/``remove`` also mark the facts stale in the same
transaction; ``recompute`` clears the mark only after the new facts are
written, so a crash in between is repaired by the next read (every read
recomputes stale facts first). Files are written to a temporary file beside
the target and moved into place with ``os.replace``.

The same store can live on a SPARQL server: ``Store.open("http://HOST:PORT")``
reads and writes it over HTTP (``kg.remote``, Oxigraph's endpoint layout), with
the same atomic ``add`` (each update request is one transaction on the server).
One writer at a time, as with a directory, but nothing locks a server.

Examples:
    >>> from kg.model import Article, Claim, Evidence, Extraction
    >>> ev = Evidence("a1", "Kris is Khloe's mom.", 0, 20)
    >>> claim = Claim("Kris Jenner", "motherOf", "Khloe Kardashian", ev, rule="possessive-kin.v1")
    >>> with Store.open() as store:
    ...     store.add(Extraction(Article("a1", ev.sentence), claims=(claim,)))
    ...     store.query(
    ...         "SELECT ?name ?kid WHERE { ?mom rdfs:label ?name ; ckg:parentOf/rdfs:label ?kid }",
    ...         {"name": "Kris Jenner"},
    ...     ).rows
    [['Kris Jenner', 'Khloe Kardashian']]
"""

from __future__ import annotations

import gc
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import BNode, Dataset, Graph, Literal, URIRef

from kg.errors import QueryError, StoreError, disk_full_error
from kg.model import Extraction
from kg.ontology import CKG, load_vocabulary
from kg.rdf import (
    GRAPH_FACTS,
    GRAPH_INFERENCES,
    GRAPH_LINKS,
    GRAPH_STATE,
    PREFIXES,
    STAGING_GRAPH_PREFIX,
    article_graph_iri,
    article_id_of_graph,
    entity_iri,
    extraction_quads,
    facts_quads,
    inference_quads,
    normalise,
    staging_graph_iri,
)
from kg.reason import infer
from kg.remote import Backend, RemoteStore, is_url
from kg.sparql import IRI, QueryResult, run_query

__all__ = ["PREFIXES", "IRI", "QueryResult", "Store", "entity_iri"]

_CKG = str(CKG)
_WIKIDATA_ITEM = re.compile(r"https?://www\.wikidata\.org/entity/(Q[1-9][0-9]*)")


def _local(iri: str) -> str:
    return iri[len(_CKG) :] if iri.startswith(_CKG) else iri


_LOCKED = (
    "{path}: store locked by another kg process; wait for it to finish or use another -o directory"
)


_CLAIMS_QUERY = """
SELECT ?s ?p ?o ?sentence ?article_id ?title ?url ?start ?end ?rule ?confidence
       ?status ?polarity ?modality ?start_time ?end_time ?claim
WHERE { GRAPH ?g {
    ?claim a ckg:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
       ckg:status ?status ; ckg:polarity ?polarity ; ckg:modality ?modality ;
       ckg:confidence ?confidence ; ckg:rule ?rule ; ckg:sentence ?sentence ;
       prov:wasDerivedFrom ?a ; oa:hasSelector ?sel .
    ?sel oa:start ?start ; oa:end ?end .
    ?a dcterms:identifier ?article_id .
    OPTIONAL { ?claim ckg:startTime ?start_time } OPTIONAL { ?claim ckg:endTime ?end_time }
    OPTIONAL { ?a dcterms:title ?title } OPTIONAL { ?a schema:url ?url } } }"""


class Store:
    """Claims, facts and inferences of the knowledge graph; use ``Store.open``."""

    def __init__(self, inner: Backend, path: Path | None = None) -> None:
        self.path = path
        self.url = inner.url if isinstance(inner, RemoteStore) else None
        self._ox: Backend | None = inner
        self._ds: Dataset | None = None  # a remote store has no live rdflib view: see ``dataset``
        if isinstance(inner, ox.Store):
            self._ds = Dataset(store=OxigraphStore(store=inner))
        for name in [g for g in inner.named_graphs() if isinstance(g, ox.NamedNode)]:
            if name.value.startswith(STAGING_GRAPH_PREFIX):  # left over from a crash in ``add``
                inner.remove_graph(name)
        self._dirty = inner.contains_named_graph(ox.NamedNode(GRAPH_STATE))

    @classmethod
    def open(cls, path: Path | str | None = None, *, read_only: bool = False) -> Store:
        """Open the store in directory ``path`` (created if missing), in memory if None, or remote.

        An http(s) URL string is the base URL of a SPARQL server (``kg.remote``),
        e.g. ``http://127.0.0.1:7878``, with Oxigraph's endpoints: ``/query``
        (SPARQL queries), ``/update`` (SPARQL updates) and ``/store`` (Graph
        Store Protocol loads).

        ``read_only=True`` is for commands that only read. When another kg process
        holds the directory (a build), or the disk is too full to open it for
        writing, they then read a copy, in memory, of what was committed when they
        opened it (facts recomputed from its claims), instead of failing; the copy
        is never written back.

        Raises:
            StoreError: the directory is locked by another process (and
                ``read_only`` is False), holds other files, or is not readable;
                or the server cannot be reached.
            OutputError: the disk is full.
        """
        if path is None:
            return cls(ox.Store())
        if is_url(path):
            assert isinstance(path, str)
            return cls(RemoteStore(path))
        path = Path(path)
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path}: is a file, not a store directory; pass a directory path")
        if path.is_dir() and any(path.iterdir()) and not (path / "CURRENT").exists():
            raise StoreError(
                f"{path}: not a kg store (the directory holds other files); "
                "use an empty or new directory"
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            inner = ox.Store(str(path))
        except OSError as exc:
            if "lock" in str(exc).lower():
                if read_only:
                    return cls._snapshot(path)
                raise StoreError(_LOCKED.format(path=path)) from None
            full = disk_full_error(exc)
            if full is not None:
                if read_only:  # nothing to write: read it where it is
                    return cls._snapshot(path)
                raise full from None
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise StoreError(
                f"{path}: cannot open the store ({reason}); check the directory is a kg store "
                "and readable, or use another -o directory"
            ) from None
        return cls(inner, path)

    @classmethod
    def _snapshot(cls, path: Path) -> Store:
        """An in-memory copy of a store that cannot be opened for writing (read-only, copied).

        Copied at once: Oxigraph calls a read-only store that another process writes
        undefined behaviour, so it is read in one go and let go.
        """
        copy = ox.Store()
        source: ox.Store | None = None
        try:
            source = ox.Store.read_only(str(path))
            copy.bulk_extend(source.quads_for_pattern(None, None, None, None))
        except OSError as exc:
            reason = " ".join(str(exc).split())[:160]
            raise StoreError(
                f"{path}: cannot open the store for writing, nor read it ({reason}); wait for "
                "the other kg process to finish, or free some space"
            ) from None
        finally:
            source = None
            gc.collect()
        store = cls(copy)
        store.path = path
        return store

    # ------------------------------------------------------------------ plumbing

    @property
    def _store(self) -> Backend:
        if self._ox is None:
            where = self.url or self.path or "in-memory store"
            raise StoreError(f"{where}: store is closed; open it again")
        return self._ox

    @property
    def dataset(self) -> Dataset:
        """The rdflib view of the same data (for rdflib-based tools such as pyshacl).

        On a remote store, a view of an in-memory copy (``oxigraph``): each access
        loads the whole dataset, and changes to it stay local.
        """
        if isinstance(self._store, RemoteStore):
            return Dataset(store=OxigraphStore(store=self.oxigraph))
        assert self._ds is not None
        return self._ds

    @property
    def oxigraph(self) -> ox.Store:
        """The pyoxigraph store itself, facts fresh (fast serializers; write through ``add``).

        On a remote store, an in-memory copy: each access loads every quad from the server.
        """
        self._ensure_fresh()
        store = self._store
        if isinstance(store, RemoteStore):
            copy = ox.Store()
            copy.bulk_extend(store.quads_for_pattern())
            return copy
        return store

    def wikidata_ids(self) -> dict[str, str]:
        """Entity IRI -> Wikidata item id (``Q42``), from ``skos:exactMatch``/``owl:sameAs`` links.

        Links may sit in any graph: an article's, or the links graph ``link_wikidata``
        writes. An entity with several ids gets the smallest number.
        """
        q = """SELECT ?e ?wd WHERE { GRAPH ?g { ?e skos:exactMatch|owl:sameAs ?wd }
               FILTER(isIRI(?wd) && CONTAINS(STR(?wd), "wikidata.org/entity/Q")) }"""
        graphs = [g for g in self._store.named_graphs() if isinstance(g, ox.NamedNode)]
        found: dict[str, str] = {}
        for e, wd in self._select(q, named_graphs=graphs) if graphs else []:
            m = _WIKIDATA_ITEM.fullmatch(str(wd))
            if not m:
                continue
            qid = m.group(1)
            if e and (e not in found or int(qid[1:]) < int(found[e][1:])):
                found[e] = qid
        return found

    def link_wikidata(self, entity: str, qid: str) -> None:
        """Record that ``entity`` (an IRI) is the Wikidata item ``qid``, in the links graph.

        The links graph is the user's: recomputing facts or rebuilding articles
        keeps it.

        Raises:
            ValueError: ``qid`` is not a Wikidata item id such as ``Q42``.
        """
        if not re.fullmatch(r"Q[1-9][0-9]*", qid):
            raise ValueError(f"{qid!r} is not a Wikidata item id such as Q42")
        self._store.add(
            ox.Quad(
                ox.NamedNode(entity),
                ox.NamedNode(PREFIXES["skos"] + "exactMatch"),
                ox.NamedNode("http://www.wikidata.org/entity/" + qid),
                ox.NamedNode(GRAPH_LINKS),
            )
        )

    def _mark_stale(self) -> str:
        self._dirty = True
        return f"INSERT DATA {{ GRAPH <{GRAPH_STATE}> {{ <{GRAPH_STATE}> <{_CKG}stale> true }} }}"

    def _ensure_fresh(self) -> None:
        if self._dirty:
            self.recompute()

    def _select(self, sparql: str, **kwargs: Any) -> list[list[str | None]]:
        result = self._store.query(sparql, prefixes=PREFIXES, **kwargs)
        assert isinstance(result, ox.QuerySolutions)
        return [[None if t is None else t.value for t in row] for row in result]

    def _article_graphs(self) -> list[ox.NamedNode | ox.BlankNode]:
        return [
            g
            for g in self._store.named_graphs()
            if isinstance(g, ox.NamedNode) and article_id_of_graph(g.value) is not None
        ]

    # ------------------------------------------------------------------ claims

    def add(self, extraction: Extraction, digest: str = "") -> None:
        """Store one article's claims, replacing whatever was stored for that article.

        Idempotent: adding the same extraction again changes nothing. Facts are
        recomputed by ``recompute`` (or the next read). ``digest`` is kept for
        incremental builds (``article_digests``).
        """
        store = self._store
        article_id = extraction.article.id
        staging = staging_graph_iri(article_id)
        quads = extraction_quads(extraction, staging, digest)
        if store.contains_named_graph(ox.NamedNode(staging)):
            store.remove_graph(ox.NamedNode(staging))
        store.extend(quads)
        # one update = one transaction: the old graph is replaced by the new one, never lost
        store.update(
            f"MOVE GRAPH <{staging}> TO GRAPH <{article_graph_iri(article_id)}> ; "
            + self._mark_stale()
        )

    def remove(self, article_id: str) -> bool:
        """Forget one article's claims; False if it was not stored."""
        graph = article_graph_iri(article_id)
        if not self._store.contains_named_graph(ox.NamedNode(graph)):
            return False
        self._store.update(f"DROP GRAPH <{graph}> ; " + self._mark_stale())
        return True

    def article_ids(self) -> set[str]:
        """The ids of the stored articles."""
        return {article_id_of_graph(g.value) or "" for g in self._article_graphs()}

    def article_digests(self) -> dict[str, tuple[str, str]]:
        """Article id -> (``ckg:digest``, ``ckg:inputKey``), ``""`` where not recorded."""
        graphs = self._article_graphs()
        q = """SELECT ?id ?digest ?input WHERE { GRAPH ?g { ?a a ckg:Article ;
                 dcterms:identifier ?id . OPTIONAL { ?a ckg:digest ?digest }
                 OPTIONAL { ?a ckg:inputKey ?input } } }"""
        rows = self._select(q, named_graphs=graphs) if graphs else []
        return {i or "": (d or "", k or "") for i, d, k in rows}

    # ------------------------------------------------------------------ facts and inferences

    def recompute(self) -> None:
        """Rebuild the facts and inferences graphs from every article's claims."""
        store = self._store
        graphs = self._article_graphs()
        vocab = load_vocabulary()

        labels: dict[str, dict[str, int]] = {}
        types: dict[str, set[str]] = {}
        aliases: dict[str, set[str]] = {}
        if graphs:
            q = "SELECT ?g ?e ?label WHERE { GRAPH ?g { ?e rdfs:label ?label } }"
            for _g, e, label in self._select(q, named_graphs=graphs):
                assert e is not None and label is not None
                labels.setdefault(e, {}).setdefault(label, 0)
                labels[e][label] += 1
            q = "SELECT DISTINCT ?e ?t WHERE { GRAPH ?g { ?e rdfs:label [] ; a ?t } }"
            for e, t in self._select(q, named_graphs=graphs):
                types.setdefault(e or "", set()).add(t or "")
            q = "SELECT DISTINCT ?e ?a WHERE { GRAPH ?g { ?e rdfs:label [] ; skos:altLabel ?a } }"
            for e, a in self._select(q, named_graphs=graphs):
                aliases.setdefault(e or "", set()).add(a or "")

        support: dict[tuple[str, str, str], set[str]] = {}
        current: set[tuple[str, str, str]] = set()  # facts some claim states as ongoing
        if graphs:
            q = """SELECT ?c ?s ?p ?o ?status WHERE { GRAPH ?g {
                ?c a ckg:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
                   ckg:polarity "asserted" ; ckg:modality "stated" ; ckg:status ?status } }"""
            for c, s, p, o, status in self._select(q, named_graphs=graphs):
                assert c and s and p and o
                key = normalise(s, _local(p), o, vocab)
                if key is not None:
                    support.setdefault(key, set()).add(c)
                    if status != "former":
                        current.add(key)

        quads = facts_quads(labels, types, aliases, support)
        ended = set(support) - current
        quads += inference_quads(infer(support, vocab, ended), support)

        # stale mark first: if we die before the end, the next read recomputes again
        store.update(
            self._mark_stale()
            + f" ; DROP SILENT GRAPH <{GRAPH_FACTS}> ; DROP SILENT GRAPH <{GRAPH_INFERENCES}>"
        )
        store.extend(quads)
        store.update(f"DROP SILENT GRAPH <{GRAPH_STATE}>")
        self._dirty = False

    # ------------------------------------------------------------------ reading

    def query(
        self,
        sparql: str,
        bindings: dict[str, object] | None = None,
        *,
        allow_update: bool = False,
    ) -> QueryResult:
        """Run a SPARQL query; see ``kg.sparql.run_query`` for the rules.

        The default graph is the facts plus the inferences; claims are in the
        article graphs (``GRAPH ?g { ?c a ckg:Claim }``). ``PREFIXES`` are
        predeclared. ``bindings`` are bound as values, never pasted into the text.

        With ``allow_update=True`` an update runs too; the facts and inferences
        are then rebuilt from the claims on the next read (edit claims, not facts).

        Raises:
            QueryError: the query is malformed, a binding cannot be used, or it is
                an update and ``allow_update`` is False.
        """
        self._ensure_fresh()
        result = run_query(  # an allowed update marks the facts stale: they are rebuilt from claims
            self._store,
            sparql,
            {k: _from_rdflib(k, v) for k, v in (bindings or {}).items()},
            allow_update=allow_update,
            default_graph=[ox.NamedNode(GRAPH_FACTS), ox.NamedNode(GRAPH_INFERENCES)],
        )
        if result.kind == "update":
            self._dirty = True
        return result

    def people(self) -> list[dict[str, Any]]:
        """Every entity of the facts graph, sorted by name.

        Each is ``{"iri", "name", "type", "aliases"}``; ``type`` is a ckg class
        local name (``Person``) and ``aliases`` are sorted.
        """
        self._ensure_fresh()
        facts = [ox.NamedNode(GRAPH_FACTS)]
        q = "SELECT ?e ?name ?t WHERE { ?e rdfs:label ?name ; a ?t }"
        people: dict[str, dict[str, Any]] = {}
        for e, name, t in self._select(q, default_graph=facts):
            assert e is not None and t is not None
            entry = people.setdefault(e, {"iri": e, "name": name, "type": _local(t), "aliases": []})
            entry["type"] = min(entry["type"], _local(t))
        q = "SELECT ?e ?a WHERE { ?e rdfs:label [] ; skos:altLabel ?a }"
        for e, alias in self._select(q, default_graph=facts):
            people[e or ""]["aliases"].append(alias)
        for entry in people.values():
            entry["aliases"].sort()
        return sorted(people.values(), key=lambda p: (p["name"].casefold(), p["name"], p["iri"]))

    def relations(self) -> list[dict[str, Any]]:
        """One dict per (subject, relation, object) that any claim states, asserted or not.

        Keys: ``subject``/``object`` (IRIs), ``subject_name``/``object_name``,
        ``relation`` (local name), ``fact`` (in the facts graph), ``former`` (an
        asserted claim says it ended), ``hedged`` (asserted only with hedging),
        ``negated`` (every claim denies it), and ``evidence``: one dict per claim
        with ``sentence, article_id, title, url, start, end, rule, confidence,
        former, negated, hedged, start_time, end_time, claim``. Symmetric relations
        are listed once, smaller IRI first, as in the facts graph.
        """
        self._ensure_fresh()
        vocab = load_vocabulary()
        graphs = self._article_graphs()
        if not graphs:
            return []
        facts = [ox.NamedNode(GRAPH_FACTS)]
        labels = self._select("SELECT ?e ?n WHERE { ?e rdfs:label ?n }", default_graph=facts)
        names = {str(e): str(n) for e, n in labels}
        q = "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(isIRI(?o) && STRSTARTS(STR(?p), STR(ckg:))) }"
        fact_set = {(s, _local(p or ""), o) for s, p, o in self._select(q, default_graph=facts)}
        out: dict[tuple[str, str, str], dict[str, Any]] = {}
        result = self._store.query(_CLAIMS_QUERY, prefixes=PREFIXES, named_graphs=graphs)
        assert isinstance(result, ox.QuerySolutions)
        columns = [v.value for v in result.variables]
        for solution in result:
            row = {
                k: None if t is None else t.value for k, t in zip(columns, solution, strict=True)
            }
            s, rel, o = str(row.pop("s")), _local(str(row.pop("p"))), str(row.pop("o"))
            key = normalise(s, rel, o, vocab) or (s, rel, o)
            entry = out.setdefault(key, {
                "subject": key[0], "subject_name": names.get(key[0], key[0]),
                "relation": rel,
                "object": key[2], "object_name": names.get(key[2], key[2]),
                "fact": key in fact_set, "evidence": [],
            })  # fmt: skip
            row.update(
                title=row["title"] or "",
                url=row["url"] or "",
                start=int(row["start"] or 0),
                end=int(row["end"] or 0),
                confidence=float(row["confidence"] or 0),
                former=row.pop("status") == "former",
                negated=row.pop("polarity") == "negated",
                hedged=row.pop("modality") == "hedged",
            )
            entry["evidence"].append(row)
        for entry in out.values():
            ev = entry["evidence"]
            ev.sort(key=lambda e: (e["article_id"], e["start"], e["end"], e["rule"], e["claim"]))
            asserted = [e for e in ev if not e["negated"]]
            entry["former"] = any(e["former"] for e in asserted)
            entry["hedged"] = bool(asserted) and all(e["hedged"] for e in asserted)
            entry["negated"] = not asserted
        order = ("subject_name", "relation", "object_name", "subject", "object")
        return sorted(out.values(), key=lambda r: tuple(r[k] for k in order))

    # ------------------------------------------------------------------ files

    def write_trig(self, path: Path) -> Path:
        """Write every graph as TriG (Oxigraph's serializer), atomically."""
        self._ensure_fresh()
        store = self._store
        return _atomic_write(
            Path(path), lambda f: store.dump(f, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
        )

    def write_turtle(self, path: Path) -> Path:
        """Write the facts and inferences graphs merged as one Turtle graph, atomically."""
        self._ensure_fresh()
        store = self._store
        triples = (
            q.triple
            for g in (GRAPH_FACTS, GRAPH_INFERENCES)
            for q in store.quads_for_pattern(None, None, None, ox.NamedNode(g))
        )
        return _atomic_write(
            Path(path),
            lambda f: ox.serialize(triples, f, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES),
        )

    def merged_graph(
        self, *, claims: bool = True, facts: bool = True, inferences: bool = True
    ) -> Graph:
        """The chosen layers as one in-memory rdflib ``Graph`` (for pyshacl, owlrl, rdflib tools).

        Claim, article and selector IRIs are unique per article, so merging the
        article graphs loses nothing but which graph a triple was in.
        """
        self._ensure_fresh()
        names: list[ox.NamedNode | ox.BlankNode] = list(self._article_graphs()) if claims else []
        layers = ((GRAPH_FACTS, facts), (GRAPH_INFERENCES, inferences))
        names += [ox.NamedNode(g) for g, on in layers if on]
        store = self._store
        triples = (q.triple for g in names for q in store.quads_for_pattern(None, None, None, g))
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        return Graph().parse(data=data.decode("utf-8"), format="nt")

    def claim_articles(self) -> dict[str, str]:
        """Claim IRI -> the id of the article whose graph holds it."""
        self._ensure_fresh()
        q = "SELECT ?c ?g WHERE { GRAPH ?g { ?c a ckg:Claim } }"
        graphs = self._article_graphs()
        rows = self._select(q, named_graphs=graphs) if graphs else []
        return {str(c): article_id_of_graph(str(g)) or "" for c, g in rows}

    def __len__(self) -> int:
        """The number of quads in every graph."""
        self._ensure_fresh()
        return len(self._store)

    def close(self) -> None:
        """Flush and release the store (and its directory lock). Closing twice is harmless."""
        if self._ox is None:
            return
        if self.path is not None:
            self._ox.flush()
        if self._ds is not None:
            self._ds.close()
        self._ox = self._ds = None
        gc.collect()  # the RocksDB lock goes with the last reference to the store

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url or (str(self.path) if self.path else 'in memory')!r})"


def _from_rdflib(name: str, value: object) -> object:
    """rdflib terms as pyoxigraph terms (``URIRef`` is a ``str``: it must not bind as a literal)."""
    try:
        if isinstance(value, URIRef):
            return ox.NamedNode(str(value))
        if isinstance(value, BNode):
            return ox.BlankNode(str(value))
        if isinstance(value, Literal):
            if value.language:
                return ox.Literal(str(value), language=value.language)
            datatype = ox.NamedNode(str(value.datatype)) if value.datatype else None
            return ox.Literal(str(value), datatype=datatype)
    except ValueError as exc:
        raise QueryError(f"binding ?{name}: {value!r} is not a valid RDF term ({exc})") from None
    return value


def _file_mode(path: Path) -> int:
    """The mode of the file being replaced, else what a plain ``open`` would give (umask)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _atomic_write(path: Path, write: Callable[[IO[bytes]], object]) -> Path:
    """Write through ``write`` to a temporary file beside ``path``, then move it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, _file_mode(path))  # mkstemp's 0600 would hide the result from others
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
