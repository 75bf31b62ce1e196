"""The knowledge graph as a networkx ``MultiDiGraph``: one node per person, one edge per relation.

This is the only module that imports networkx. The input is plain data as the
store hands it out (lists of dicts), so this module does not depend on RDF.

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

import math
from collections import deque
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

__all__ = ["to_networkx", "degrees", "layout_positions"]

#: Without scipy, components above this many people are laid out on a spiral.
DENSE_LAYOUT_LIMIT = 2000


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


def layout_positions(
    graph: nx.MultiDiGraph, seed: int = 7, spacing: float = 90.0
) -> dict[str, tuple[float, float]]:
    """Deterministic 2-D positions (in page pixels) for drawing a large graph without physics.

    Each connected component gets its own ``spring_layout`` (seeded, nodes in
    sorted order), scaled to its size; components are then packed in rows,
    largest first, so families do not overlap. Coordinates are rounded to one
    decimal so the same graph gives the same page byte for byte.

    Args:
        graph: the graph to lay out.
        seed: random seed of the spring layout.
        spacing: roughly the distance between neighbouring nodes, in pixels.

    Examples:
        >>> g = to_networkx([{"iri": n} for n in "abcd"], [
        ...     {"subject": "a", "relation": "siblingOf", "object": "b", "fact": True}])
        >>> pos = layout_positions(g)
        >>> sorted(pos) == ["a", "b", "c", "d"], pos == layout_positions(g)
        (True, True)
        >>> len(set(pos.values()))
        4
    """
    undirected = graph.to_undirected(as_view=True)
    components = sorted(
        (sorted(c) for c in nx.connected_components(undirected)),
        key=lambda nodes: (-len(nodes), nodes[0]),
    )
    total_area = sum((2 * _radius(len(c), spacing) + spacing) ** 2 for c in components)
    row_width = math.sqrt(total_area) if components else 0.0
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for nodes in components:
        radius = _radius(len(nodes), spacing)
        cell = 2 * radius + spacing
        if x > 0 and x + cell > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        local = _component_layout(undirected, nodes, seed)
        cx, cy = x + cell / 2, y + cell / 2
        for node in nodes:
            px, py = local[node]
            positions[node] = (round(cx + px * radius, 1), round(cy + py * radius, 1))
        x += cell
        row_height = max(row_height, cell)
    return {node: positions[node] for node in sorted(positions)}


def _radius(size: int, spacing: float) -> float:
    return 0.0 if size <= 1 else spacing * math.sqrt(size) / 1.5


def _component_layout(
    undirected: nx.Graph, nodes: list[str], seed: int
) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1]² for one component."""
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    simple = nx.Graph()
    simple.add_nodes_from(nodes)
    simple.add_edges_from(
        sorted((u, v) if u < v else (v, u) for u, v in undirected.subgraph(nodes).edges())
    )
    try:
        pos = nx.spring_layout(simple, seed=seed)
    except ImportError:
        # networkx needs scipy for spring_layout at 500+ nodes. forceatlas2 is
        # numpy only but dense (n x n arrays per step), so it is kept for
        # medium components; bigger ones get a linear-time spiral.
        if len(nodes) > DENSE_LAYOUT_LIMIT:
            return _spiral_layout(simple, nodes)
        pos = nx.rescale_layout_dict(nx.forceatlas2_layout(simple, seed=seed, max_iter=60))
    return {node: (float(pos[node][0]), float(pos[node][1])) for node in nodes}


def _spiral_layout(simple: nx.Graph, nodes: list[str]) -> dict[str, tuple[float, float]]:
    """Nodes in breadth-first order on a sunflower spiral, so neighbours land close together."""
    start = max(nodes, key=lambda n: (simple.degree(n), [-ord(c) for c in n]))
    order, seen, queue = [], {start}, deque([start])
    while queue:
        node = queue.popleft()
        order.append(node)
        for nb in sorted(simple[node]):
            if nb not in seen:
                seen.add(nb)
                queue.append(nb)
    golden = math.pi * (3 - math.sqrt(5))
    count = len(order)
    return {
        node: (
            math.sqrt((i + 0.5) / count) * math.cos(i * golden),
            math.sqrt((i + 0.5) / count) * math.sin(i * golden),
        )
        for i, node in enumerate(order)
    }
