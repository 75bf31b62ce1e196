"""kg.layout: force-directed positions (small and multilevel) and the family-tree layout."""

from __future__ import annotations

import math
import random

import networkx as nx
import numpy as np
import pytest

from kg import layout
from kg.graph import to_networkx
from kg.layout import ROW_GAP, SPRING_LIMIT, family_layout, force_layout, layout_positions


def _chain(n: int, components: int = 1) -> nx.MultiDiGraph:
    people = [{"iri": f"p{i:05d}", "name": f"P{i}"} for i in range(n)]
    size = n // components
    relations = [
        {"subject": f"p{i - 1:05d}", "relation": "siblingOf", "object": f"p{i:05d}", "fact": True}
        for i in range(1, n)
        if i % size
    ]
    return to_networkx(people, relations)


def _families(n: int, seed: int = 3) -> nx.MultiDiGraph:
    """One big family: each new couple is a child of an earlier couple and its spouse."""
    rng = random.Random(seed)
    people = [{"iri": f"f{i:05d}"} for i in range(n)]
    relations = [{"subject": "f00000", "relation": "spouseOf", "object": "f00001"}]
    couples = [("f00000", "f00001")]
    for i in range(2, n, 2):
        mum, dad = rng.choice(couples)
        kid, partner = f"f{i:05d}", f"f{i + 1:05d}"
        relations += [
            {"subject": mum, "relation": "motherOf", "object": kid},
            {"subject": kid, "relation": "childOf", "object": dad},
            {"subject": kid, "relation": "spouseOf", "object": partner},
        ]
        couples.append((kid, partner))
    return to_networkx(people, relations)


def test_layout_positions_are_deterministic_distinct_and_complete():
    g = _chain(60, components=4)
    pos = layout_positions(g)
    assert list(pos) == sorted(g.nodes)
    assert len(set(pos.values())) == 60
    assert pos == layout_positions(g)


def test_components_do_not_overlap():
    g = _chain(90, components=3)
    pos = layout_positions(g)
    boxes = []
    for comp in nx.connected_components(g.to_undirected(as_view=True)):
        xs, ys = zip(*(pos[n] for n in comp), strict=True)
        boxes.append((min(xs), max(xs), min(ys), max(ys)))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[1] < b[0] or b[1] < a[0] or a[3] < b[2] or b[3] < a[2], (a, b)


def test_claims_do_not_pull_people_together():
    people = [{"iri": "a"}, {"iri": "b"}]
    claim = [{"subject": "a", "relation": "partnerOf", "object": "b", "fact": False}]
    fact = [{**claim[0], "fact": True}]
    with_claim = layout_positions(to_networkx(people, claim, include_claims=True))
    assert with_claim == layout_positions(to_networkx(people, []))
    assert with_claim != layout_positions(to_networkx(people, fact))


def test_big_components_use_the_multilevel_layout(monkeypatch):
    calls = []
    real = layout.force_layout

    def spy(n, edges, **kwargs):
        calls.append(n)
        return real(n, edges, **kwargs)

    monkeypatch.setattr(layout, "force_layout", spy)
    g = _families(SPRING_LIMIT + 100)
    pos = layout_positions(g)
    assert calls == [SPRING_LIMIT + 100]
    assert len(set(pos.values())) == g.number_of_nodes()
    assert pos == layout_positions(g)


def test_multilevel_layout_keeps_relatives_close():
    g = _families(1200)
    simple = nx.Graph(g.to_undirected(as_view=True))
    nodes = sorted(simple)
    index = {n: i for i, n in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in simple.edges()])
    xy = force_layout(len(nodes), edges, seed=7)
    assert np.isfinite(xy).all()
    related = np.linalg.norm(xy[edges[:, 0]] - xy[edges[:, 1]], axis=1)
    rng = np.random.default_rng(0)
    pairs = rng.integers(0, len(nodes), (5000, 2))
    anyone = np.linalg.norm(xy[pairs[:, 0]] - xy[pairs[:, 1]], axis=1)
    # relatives sit far closer than two people picked at random ...
    assert np.median(related) < np.median(anyone) / 5
    # ... but people are not piled on top of each other
    nearest = np.sort(np.linalg.norm(xy[:, None] - xy[None, :], axis=2), axis=1)[:, 1]
    assert np.median(nearest) > 0.2 * np.median(related)


def test_family_layout_puts_parents_above_children():
    g = _families(400)
    pos = family_layout(g)
    assert len(pos) == 400 and len(set(pos.values())) == 400
    for u, v, rel in g.edges(keys=True):
        if rel == "motherOf":
            assert pos[u][1] < pos[v][1]
        elif rel == "childOf":
            assert pos[u][1] > pos[v][1]
        elif rel == "spouseOf":
            assert pos[u][1] == pos[v][1]
    assert pos == family_layout(g)


def test_family_layout_separates_families_and_survives_contradictions():
    relations = [
        {"subject": "a", "relation": "motherOf", "object": "b"},
        {"subject": "b", "relation": "motherOf", "object": "c"},
        {"subject": "c", "relation": "motherOf", "object": "a"},  # impossible, but read somewhere
        {"subject": "x", "relation": "fatherOf", "object": "y"},
        {"subject": "y", "relation": "friendOf", "object": "a"},  # friends: no row constraint
    ]
    pos = family_layout(to_networkx([{"iri": "lonely"}], relations))
    assert sorted(pos) == ["a", "b", "c", "lonely", "x", "y"]
    row = {n: pos[n][1] for n in "abc"}
    # a cycle of mothers cannot be drawn: all but one of them sit above their child
    assert sum(row[m] < row[k] for m, k in ("ab", "bc", "ca")) == 2
    assert pos["x"][1] < pos["y"][1]
    assert len(set(pos.values())) == 6


def test_family_layout_leaves_a_row_for_a_missing_generation():
    relations = [
        {"subject": "gran", "relation": "grandparentOf", "object": "kid"},
        {"subject": "kid", "relation": "siblingOf", "object": "sis"},
    ]
    pos = family_layout(to_networkx([], relations))
    assert pos["gran"][1] + 2 * ROW_GAP == pos["kid"][1] == pos["sis"][1]


@pytest.mark.parametrize("n", [1, 2, 3])
def test_tiny_graphs(n):
    g = _chain(n)
    assert len(set(layout_positions(g).values())) == n
    assert len(set(family_layout(g).values())) == n
    assert all(math.isfinite(c) for xy in layout_positions(g).values() for c in xy)


def test_empty_graph():
    assert layout_positions(to_networkx([], [])) == {}
    assert family_layout(to_networkx([], [])) == {}
