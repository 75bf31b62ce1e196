"""The knowledge graph as a networkx ``MultiDiGraph``, and the questions people ask of it.

One node per person, one edge per relation. The input is plain data as the
store hands it out (lists of dicts), so this module does not depend on RDF.
The queries here (:func:`shortest_path`, :func:`neighbors`, :func:`ego_graph`)
and in :mod:`kg.analysis` (family, centrality, communities, stats) use the
facts only (hedged and negated claims never connect people) and walk them
through undirected *views* (``as_view=True``), never copies. Names are
resolved with :mod:`kg.names`; positions for drawing live in :mod:`kg.layout`.

Examples:
    >>> people = [
    ...     {"iri": "ex:kris", "name": "Kris Jenner", "type": "Person", "aliases": ["Kris"]},
    ...     {"iri": "ex:khloe", "name": "Khloe Kardashian", "type": "Person", "aliases": []},
    ... ]
    >>> relations = [{"subject": "ex:kris", "relation": "motherOf", "object": "ex:khloe",
    ...               "fact": True, "former": False, "hedged": False, "negated": False,
    ...               "evidence": [{"sentence": "Kris is Khloe's mom.", "article_id": "a1"}]}]
    >>> g = to_networkx(people, relations)
    >>> g.number_of_nodes(), g.number_of_edges()
    (2, 1)
    >>> g.edges["ex:kris", "ex:khloe", "motherOf"]["sources"]
    ['a1']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from kg.errors import KGError
from kg.layout import family_layout, layout_positions
from kg.names import NameIndex

__all__ = [
    "to_networkx",
    "degrees",
    "layout_positions",
    "family_layout",
    "NoPathError",
    "facts_view",
    "name_index",
    "resolve",
    "links_between",
    "shortest_path",
    "neighbors",
    "ego_graph",
]


def _local_name(iri: str) -> str:
    """The last path segment or fragment of an IRI, used when a person has no name."""
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1].rsplit(":", 1)[-1] or iri


def _evidence_key(ev: Mapping[str, Any]) -> tuple[str, int, int, str]:
    return (
        str(ev.get("article_id", "")),
        int(ev.get("start") or 0),
        int(ev.get("end") or 0),
        str(ev.get("sentence", "")),
    )


def to_networkx(
    people: Iterable[Mapping[str, Any]],
    relations: Iterable[Mapping[str, Any]],
    include_claims: bool = False,
) -> nx.MultiDiGraph:
    """Build the graph of people and their relations.

    Nodes are keyed by IRI and carry ``name``, ``type`` and ``aliases``; people
    without relations are kept. Each relation becomes one edge keyed by its
    relation name, with ``relation``, ``status`` (``"current"``/``"former"``),
    ``fact``, ``hedged``, ``negated``, ``evidence`` (sorted by article and
    offset) and ``sources`` (sorted article ids). A relation whose endpoint is
    not among ``people`` gets a node named after the IRI's local name.

    Args:
        people: ``{"iri", "name", "type", "aliases"}`` dicts.
        relations: ``{"subject", "relation", "object", "fact", "former", "hedged",
            "negated", "evidence"}`` dicts, subject and object being IRIs.
        include_claims: also add relations that are not facts (only hedged, or
            negated), so a page can show them on demand.

    Returns:
        A new ``MultiDiGraph``.

    Examples:
        >>> people = [{"iri": "ex:a", "name": "A"}, {"iri": "ex:b", "name": "B"},
        ...           {"iri": "ex:c", "name": "C"}]
        >>> rels = [
        ...     {"subject": "ex:a", "relation": "spouseOf", "object": "ex:b",
        ...      "fact": True, "former": True, "evidence": []},
        ...     {"subject": "ex:a", "relation": "partnerOf", "object": "ex:c",
        ...      "fact": False, "hedged": True, "evidence": []},
        ... ]
        >>> g = to_networkx(people, rels)
        >>> sorted(g.nodes), g.number_of_edges()
        (['ex:a', 'ex:b', 'ex:c'], 1)
        >>> g.edges["ex:a", "ex:b", "spouseOf"]["status"]
        'former'
        >>> to_networkx(people, rels, include_claims=True).number_of_edges()
        2
    """
    graph = nx.MultiDiGraph()
    for person in people:
        iri = person["iri"]
        graph.add_node(
            iri,
            name=person.get("name") or _local_name(iri),
            type=person.get("type") or "Person",
            aliases=list(person.get("aliases") or ()),
        )
    for rel in relations:
        fact = bool(rel.get("fact", True))
        if not fact and not include_claims:
            continue
        subject, relation, obj = rel["subject"], rel["relation"], rel["object"]
        for iri in (subject, obj):
            if iri not in graph:
                graph.add_node(iri, name=_local_name(iri), type="Person", aliases=[])
        evidence = [dict(ev) for ev in rel.get("evidence") or ()]
        if graph.has_edge(subject, obj, key=relation):
            # The store gives one record per triple; if one repeats, keep every
            # piece of evidence rather than silently dropping one of them.
            data = graph.edges[subject, obj, relation]
            data["fact"] = data["fact"] or fact
            evidence = data["evidence"] + evidence
        else:
            graph.add_edge(
                subject,
                obj,
                key=relation,
                relation=relation,
                status="former" if rel.get("former") else "current",
                fact=fact,
                hedged=bool(rel.get("hedged", False)),
                negated=bool(rel.get("negated", False)),
            )
        data = graph.edges[subject, obj, relation]
        unique = {_evidence_key(ev): ev for ev in evidence}
        data["evidence"] = [unique[k] for k in sorted(unique)]
        data["sources"] = sorted(
            {str(ev["article_id"]) for ev in data["evidence"] if ev.get("article_id")}
        )
    return graph


def degrees(graph: nx.MultiDiGraph, facts_only: bool = True) -> dict[str, int]:
    """Count each person's distinct neighbours, in either direction.

    Parallel edges (``motherOf`` and ``parentOf`` between the same two people)
    count once. With ``facts_only`` edges that are only claims are ignored.

    Examples:
        >>> g = to_networkx([{"iri": "a"}, {"iri": "b"}, {"iri": "c"}], [
        ...     {"subject": "a", "relation": "motherOf", "object": "b", "fact": True},
        ...     {"subject": "a", "relation": "parentOf", "object": "b", "fact": True},
        ...     {"subject": "c", "relation": "friendOf", "object": "a", "fact": False},
        ... ], include_claims=True)
        >>> degrees(g)
        {'a': 1, 'b': 1, 'c': 0}
        >>> degrees(g, facts_only=False)
        {'a': 2, 'b': 1, 'c': 1}
    """
    neighbours: dict[str, set[str]] = {node: set() for node in graph.nodes}
    for u, v, fact in graph.edges(data="fact", default=True):
        if u != v and (fact or not facts_only):
            neighbours[u].add(v)
            neighbours[v].add(u)
    return {node: len(neighbours[node]) for node in sorted(neighbours)}


class NoPathError(KGError):
    """Two people whom no chain of facts connects (exit code 1)."""


#: Relations that read the same both ways; a hop is written in the direction it is walked.
SYMMETRIC = frozenset({"spouseOf", "siblingOf", "partnerOf", "engagedTo", "relativeOf", "friendOf"})


def facts_view(graph: nx.MultiDiGraph) -> nx.MultiGraph:
    """An undirected, read-only view of the fact edges (claims left out); nothing is copied.

    Examples:
        >>> g = to_networkx([], [
        ...     {"subject": "a", "relation": "motherOf", "object": "b", "fact": True},
        ...     {"subject": "c", "relation": "partnerOf", "object": "a", "fact": False}],
        ...     include_claims=True)
        >>> view = facts_view(g)
        >>> sorted(view["a"]), sorted(view["b"]), sorted(view["c"])
        (['b'], ['a'], [])
    """

    def is_fact(u: str, v: str, key: str) -> bool:
        return bool(graph.edges[u, v, key].get("fact", True))

    return nx.subgraph_view(graph, filter_edge=is_fact).to_undirected(as_view=True)


def name_index(graph: nx.MultiDiGraph) -> NameIndex:
    """A :class:`kg.names.NameIndex` of the graph's people (name and aliases)."""
    return NameIndex(
        (node, str(data.get("name", node)), data.get("aliases") or ())
        for node, data in graph.nodes(data=True)
    )


def resolve(graph: nx.MultiDiGraph, name: str) -> str:
    """The node (IRI) of the one person called ``name``, by name, alias or id.

    Raises:
        kg.names.UnknownPersonError: nobody (the message suggests close names).
        kg.names.AmbiguousNameError: several people.

    Examples:
        >>> g = to_networkx([{"iri": "ex:kris", "name": "Kris Jenner", "aliases": ["Kris"]}], [])
        >>> resolve(g, "kris"), resolve(g, "KRÍS JENNER")
        ('ex:kris', 'ex:kris')
    """
    return name_index(graph).resolve(name)


def _name(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph.nodes[node].get("name", node))


def _order(graph: nx.MultiDiGraph, nodes: Iterable[str]) -> list[str]:
    return sorted(nodes, key=lambda n: (_name(graph, n).casefold(), n))


def _link(graph: nx.MultiDiGraph, u: str, v: str, data: Mapping[str, Any]) -> dict[str, Any]:
    evidence = [
        {k: ev.get(k) for k in ("sentence", "article_id", "title", "url", "start", "end")}
        for ev in data.get("evidence", [])
    ]
    return {
        "subject": u,
        "subject_name": _name(graph, u),
        "relation": str(data.get("relation", "")),
        "object": v,
        "object_name": _name(graph, v),
        "status": str(data.get("status", "current")),
        "evidence": evidence,
    }


def links_between(graph: nx.MultiDiGraph, a: str, b: str) -> list[dict[str, Any]]:
    """The facts that join ``a`` and ``b``, in either direction, symmetric ones written from ``a``.

    Each link is ``{"subject", "subject_name", "relation", "object", "object_name",
    "status", "evidence"}``; evidence items keep ``sentence, article_id, title,
    url, start, end``.

    Examples:
        >>> g = to_networkx([{"iri": "k", "name": "Kris"}, {"iri": "c", "name": "Khloe"}], [
        ...     {"subject": "k", "relation": "motherOf", "object": "c", "fact": True}])
        >>> [(x["subject_name"], x["relation"], x["object_name"])
        ...  for x in links_between(g, "c", "k")]
        [('Kris', 'motherOf', 'Khloe')]
    """
    found = []
    for u, v in ((a, b), (b, a)):
        for data in graph.get_edge_data(u, v, default={}).values():
            if not data.get("fact", True):
                continue
            if data.get("relation") in SYMMETRIC and u != a:
                u_, v_ = a, b
            else:
                u_, v_ = u, v
            found.append(_link(graph, u_, v_, data))
    return sorted(found, key=lambda x: (x["relation"], x["subject"], x["object"]))


def _bfs(
    graph: nx.MultiDiGraph, source: str, depth: int | None = None, target: str | None = None
) -> dict[str, str | None]:
    """Breadth-first parents over the facts, neighbours taken in name order (deterministic)."""
    view = facts_view(graph)
    parent: dict[str, str | None] = {source: None}
    frontier = [source]
    steps = 0
    while frontier and (depth is None or steps < depth) and target not in parent:
        steps += 1
        nxt = []
        for node in frontier:
            for other in _order(graph, set(view[node]) - parent.keys()):
                if other not in parent:
                    parent[other] = node
                    nxt.append(other)
        frontier = nxt
    return parent


def shortest_path(graph: nx.MultiDiGraph, source: str, target: str) -> list[dict[str, Any]]:
    """The fewest facts that connect two people, hop by hop.

    Each hop is ``{"step", "from", "from_name", "to", "to_name", "links"}`` (see
    :func:`links_between`: every fact between the two, with status and evidence).
    Among equally short paths the one through names first in alphabetical order
    wins, so the answer does not depend on load order.

    Raises:
        NoPathError: no chain of facts joins them.

    Examples:
        >>> g = to_networkx(
        ...     [{"iri": i, "name": n} for i, n in [("k", "Kris"), ("c", "Khloe"), ("l", "Lamar")]],
        ...     [{"subject": "k", "relation": "motherOf", "object": "c"},
        ...      {"subject": "c", "relation": "spouseOf", "object": "l", "former": True}])
        >>> [(h["from_name"], [x["relation"] for x in h["links"]], h["to_name"])
        ...  for h in shortest_path(g, "k", "l")]
        [('Kris', ['motherOf'], 'Khloe'), ('Khloe', ['spouseOf'], 'Lamar')]
    """
    parent = _bfs(graph, source, target=target)
    if target not in parent:
        raise NoPathError(
            f"No connection between {_name(graph, source)!r} and {_name(graph, target)!r}: "
            f"no chain of facts joins them; see who each is related to with `kg neighbors NAME`"
        )
    nodes = [target]
    while nodes[-1] != source:
        nodes.append(parent[nodes[-1]] or source)
    nodes.reverse()
    return [
        {
            "step": i + 1,
            "from": a,
            "from_name": _name(graph, a),
            "to": b,
            "to_name": _name(graph, b),
            "links": links_between(graph, a, b),
        }
        for i, (a, b) in enumerate(zip(nodes, nodes[1:], strict=False))
    ]


def neighbors(graph: nx.MultiDiGraph, person: str, depth: int = 1) -> list[dict[str, Any]]:
    """Everyone within ``depth`` facts of ``person``, nearest first.

    Each is ``{"iri", "name", "distance", "via", "via_name", "links"}``: ``via`` is
    the person one step closer on a shortest path, ``links`` the facts between them.

    Examples:
        >>> g = to_networkx([], [{"subject": "a", "relation": "siblingOf", "object": "b"},
        ...                      {"subject": "b", "relation": "friendOf", "object": "c"}])
        >>> [(n["name"], n["distance"], n["via"]) for n in neighbors(g, "a", depth=2)]
        [('b', 1, 'a'), ('c', 2, 'b')]
        >>> [n["name"] for n in neighbors(g, "a")]
        ['b']
    """
    if depth < 1:
        raise KGError(f"--depth {depth}: the depth must be 1 or more")
    parent = _bfs(graph, person, depth=depth)
    distance = {person: 0}
    for node in parent:  # parents are inserted before their children
        if parent[node] is not None:
            distance[node] = distance[parent[node]] + 1  # type: ignore[index]
    out = []
    for node in parent:
        via = parent[node]
        if via is None:
            continue
        out.append({
            "iri": node, "name": _name(graph, node), "distance": distance[node],
            "via": via, "via_name": _name(graph, via), "links": links_between(graph, via, node),
        })  # fmt: skip
    return sorted(out, key=lambda n: (n["distance"], n["name"].casefold(), n["iri"]))


def ego_graph(graph: nx.MultiDiGraph, person: str, depth: int = 2) -> nx.MultiDiGraph:
    """A copy of the part of ``graph`` within ``depth`` facts of ``person``, claims included.

    Examples:
        >>> g = to_networkx([], [{"subject": "a", "relation": "siblingOf", "object": "b"},
        ...                      {"subject": "b", "relation": "friendOf", "object": "c"}])
        >>> sorted(ego_graph(g, "a", 1)), sorted(ego_graph(g, "a", 2))
        (['a', 'b'], ['a', 'b', 'c'])
    """
    if depth < 0:
        raise KGError(f"--depth {depth}: the depth must be 0 or more")
    keep = set(_bfs(graph, person, depth=depth))
    return graph.subgraph(keep).copy()
