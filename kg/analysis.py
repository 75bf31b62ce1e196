"""Questions about the whole graph or one family: kin, centrality, communities, figures.

Like :mod:`kg.graph`, everything here reads the facts only, through undirected
views (nothing is copied), and breaks ties by name so answers are stable.

Examples:
    >>> from kg.graph import to_networkx
    >>> g = to_networkx([], [
    ...     {"subject": "kris", "relation": "motherOf", "object": "khloe"},
    ...     {"subject": "kris", "relation": "motherOf", "object": "kim"},
    ...     {"subject": "khloe", "relation": "spouseOf", "object": "lamar", "former": True}])
    >>> [(m["role"], m["name"], m["via"]) for m in family(g, "khloe")]
    [('parents', 'kris', None), ('siblings', 'kim', 'kris'), ('exes', 'lamar', None)]
    >>> [(r["name"], r["score"]) for r in centrality(g, "degree", limit=2)]
    [('khloe', 2), ('kris', 2)]
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from kg.errors import KGError, UnknownNameError
from kg.graph import _link, _name, _order, degrees, facts_view

__all__ = ["FAMILY_ROLES", "CENTRALITY_MEASURES", "family", "centrality", "communities", "stats"]

#: The roles of :func:`family`, in the order they are listed.
FAMILY_ROLES = (
    "parents", "children", "siblings", "spouses", "exes", "partners",
    "grandparents", "grandchildren", "relatives",
)  # fmt: skip
CENTRALITY_MEASURES = ("degree", "betweenness", "pagerank")
#: Above this many people betweenness is estimated from this many sampled sources.
BETWEENNESS_SAMPLE = 500

_PARENT = {"parentOf", "motherOf", "fatherOf"}
# role -> (relations from the person, relations to the person); status filters below
_STATED: dict[str, tuple[set[str], set[str]]] = {
    "parents": ({"childOf"}, _PARENT),
    "children": (_PARENT, {"childOf"}),
    "siblings": ({"siblingOf"}, {"siblingOf"}),
    "spouses": ({"spouseOf"}, {"spouseOf"}),
    "exes": ({"spouseOf", "partnerOf", "engagedTo"}, {"spouseOf", "partnerOf", "engagedTo"}),
    "partners": ({"partnerOf", "engagedTo"}, {"partnerOf", "engagedTo"}),
    "grandparents": ({"grandchildOf"}, {"grandparentOf"}),
    "grandchildren": ({"grandparentOf"}, {"grandchildOf"}),
    "relatives": ({"relativeOf"}, {"relativeOf"}),
}
_FORMER_ONLY, _CURRENT_ONLY = {"exes"}, {"spouses", "partners"}


def _stated(graph: nx.MultiDiGraph, person: str, role: str) -> dict[str, list[dict[str, Any]]]:
    """Other person -> the facts that directly make them ``role`` of ``person``."""
    outgoing, incoming = _STATED[role]
    found: dict[str, list[dict[str, Any]]] = {}
    edges = [
        (u, v, d, v) for u, v, d in graph.out_edges(person, data=True) if d["relation"] in outgoing
    ]
    edges += [
        (u, v, d, u) for u, v, d in graph.in_edges(person, data=True) if d["relation"] in incoming
    ]
    for u, v, data, other in edges:
        former = data.get("status") == "former"
        if other == person or not data.get("fact", True):
            continue
        if (role in _FORMER_ONLY and not former) or (role in _CURRENT_ONLY and former):
            continue
        if role == "siblings" or role in _CURRENT_ONLY | _FORMER_ONLY | {"relatives"}:
            u, v = person, other  # symmetric: written from the person asked about
        found.setdefault(other, []).append(_link(graph, u, v, data))
    return found


def family(graph: nx.MultiDiGraph, person: str) -> list[dict[str, Any]]:
    """The family of ``person``: stated kin, plus kin that follows from parents.

    Roles (:data:`FAMILY_ROLES`): parents, children, siblings (stated, or sharing
    a parent), spouses (current), exes (former spouses and partners), partners
    (dating or engaged), grandparents and grandchildren (stated, or through a
    parent / child), relatives. Each member is ``{"role", "iri", "name", "via",
    "via_name", "links"}``; ``via`` is None when a fact states it directly,
    else the parent or child it follows from, and ``links`` are the facts used.
    """
    members: dict[str, dict[str, list[dict[str, Any]]]] = {
        role: _stated(graph, person, role) for role in FAMILY_ROLES
    }
    via: dict[tuple[str, str], str] = {}

    def infer(role: str, step: str, then: str) -> None:
        for middle, first in sorted(members[step].items()):
            for other, second in _stated(graph, middle, then).items():
                if other != person and other not in members[role]:
                    members[role][other] = first + second
                    via[role, other] = middle

    infer("grandparents", "parents", "parents")
    infer("grandchildren", "children", "children")
    infer("siblings", "parents", "children")
    out = []
    for role in FAMILY_ROLES:
        for other in _order(graph, members[role]):
            middle = via.get((role, other))
            out.append({
                "role": role, "iri": other, "name": _name(graph, other),
                "via": middle, "via_name": None if middle is None else _name(graph, middle),
                "links": members[role][other],
            })  # fmt: skip
    return out


def centrality(graph: nx.MultiDiGraph, by: str = "degree", limit: int = 10) -> list[dict[str, Any]]:
    """The ``limit`` most central people by ``degree``, ``betweenness`` or ``pagerank``.

    ``degree`` counts distinct relatives; ``betweenness`` and ``pagerank`` run on
    the undirected facts view (betweenness sampled from ``BETWEENNESS_SAMPLE``
    seeded sources above that many people). Each row is ``{"rank", "iri",
    "name", "score", "degree"}``; ties go by name.

    Raises:
        UnknownNameError: ``by`` is not a known measure (exit code 2).
    """
    if by not in CENTRALITY_MEASURES:
        raise UnknownNameError("centrality measure", by, list(CENTRALITY_MEASURES))
    if limit < 1:
        raise KGError(f"--limit {limit}: the limit must be 1 or more")
    degree = degrees(graph)
    if by == "degree":
        score: dict[str, float] = dict(degree)
    elif graph.number_of_nodes() == 0:
        score = {}
    elif by == "betweenness":
        view = facts_view(graph)
        k = BETWEENNESS_SAMPLE if len(view) > BETWEENNESS_SAMPLE else None
        score = nx.betweenness_centrality(view, k=k, seed=7)
    else:
        score = nx.pagerank(facts_view(graph))
    top = sorted(score, key=lambda n: (-score[n], _name(graph, n).casefold(), n))[:limit]
    return [
        {
            "rank": i + 1, "iri": n, "name": _name(graph, n),
            "score": score[n] if by == "degree" else round(float(score[n]), 6),
            "degree": degree[n],
        }
        for i, n in enumerate(top)
    ]  # fmt: skip


def communities(
    graph: nx.MultiDiGraph, seed: int = 7, resolution: float = 1.0, min_size: int = 1
) -> list[dict[str, Any]]:
    """Groups of people more tightly related to each other than to the rest (Louvain, seeded).

    Each is ``{"community", "size", "members", "names"}``, biggest first; members
    are listed best-connected first. Communities smaller than ``min_size`` are left out.

    Examples:
        >>> from kg.graph import to_networkx
        >>> g = to_networkx([{"iri": "z"}], [
        ...     {"subject": "a", "relation": "siblingOf", "object": "b"}])
        >>> [(c["community"], c["names"]) for c in communities(g)]
        [(1, ['a', 'b']), (2, ['z'])]
    """
    degree = degrees(graph)
    groups = nx.community.louvain_communities(facts_view(graph), seed=seed, resolution=resolution)
    ordered = []
    for group in groups:
        if len(group) >= min_size:
            ordered.append(sorted(group, key=lambda n: (-degree[n], _name(graph, n).casefold(), n)))
    ordered.sort(key=lambda m: (-len(m), _name(graph, m[0]).casefold(), m[0]))
    return [
        {"community": i + 1, "size": len(m), "members": m, "names": [_name(graph, n) for n in m]}
        for i, m in enumerate(ordered)
    ]


def stats(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """Headline figures: people, facts, claims, articles, components, density, relation counts.

    Examples:
        >>> from kg.graph import to_networkx
        >>> g = to_networkx([{"iri": "z"}], [
        ...     {"subject": "a", "relation": "siblingOf", "object": "b",
        ...      "evidence": [{"article_id": "x"}]},
        ...     {"subject": "a", "relation": "partnerOf", "object": "z",
        ...      "fact": False, "hedged": True}],
        ...     include_claims=True)
        >>> s = stats(g)
        >>> s["people"], s["relations"], s["hedged_claims"], s["components"], s["isolated_people"]
        (3, 1, 1, 2, 1)
    """
    view = facts_view(graph)
    degree = degrees(graph)
    edges = list(graph.edges(data=True))
    facts = [d for _, _, d in edges if d.get("fact", True)]
    claims = [d for _, _, d in edges if not d.get("fact", True)]
    sizes = sorted((len(c) for c in nx.connected_components(view)), reverse=True)
    people = graph.number_of_nodes()
    by_relation: dict[str, int] = {}
    for d in facts:
        by_relation[d["relation"]] = by_relation.get(d["relation"], 0) + 1
    articles = {s for _, _, d in edges for s in d.get("sources", [])}
    return {
        "people": people,
        "relations": len(facts),
        "former_relations": sum(d.get("status") == "former" for d in facts),
        "hedged_claims": sum(bool(d.get("hedged")) and not d.get("negated") for d in claims),
        "negated_claims": sum(bool(d.get("negated")) for d in claims),
        "articles": len(articles),
        "components": len(sizes),
        "largest_component": sizes[0] if sizes else 0,
        "isolated_people": sum(1 for n in degree if degree[n] == 0),
        "average_relatives": round(sum(degree.values()) / people, 3) if people else 0.0,
        # distinct related pairs over possible pairs (parallel facts count once)
        "density": round(sum(degree.values()) / (people * (people - 1)), 6) if people > 1 else 0.0,
        "relation_types": dict(sorted(by_relation.items())),
    }
