"""Node positions computed in Python, so a big page opens drawn instead of simulating physics.

Two layouts, both deterministic (same graph, same positions, byte for byte):

- :func:`layout_positions`: force-directed. Each connected component is laid
  out on its own and the components are packed in rows, largest first.
  Components up to ``SPRING_LIMIT`` people use networkx' ``spring_layout``;
  bigger ones a multilevel Fruchterman-Reingold (coarsen by matching, lay out
  the coarsest graph, refine level by level with repulsion only between nodes
  closer than a cut-off radius, found with a k-d tree). networkx' own spring
  layout compares every pair of nodes in a Python loop: 46 s for a
  4,600-person component, against about 2 s here.
- :func:`family_layout`: a family tree. Parents sit one row above their
  children, grandparents two rows, spouses, partners and siblings on the same
  row; other relations (friends) do not constrain rows.

Examples:
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("mum", "kid", key="motherOf", relation="motherOf")
    >>> _ = g.add_edge("mum", "dad", key="spouseOf", relation="spouseOf")
    >>> pos = family_layout(g)
    >>> pos["mum"][1] < pos["kid"][1], pos["mum"][1] == pos["dad"][1]
    (True, True)
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Iterable

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree

__all__ = ["layout_positions", "family_layout", "force_layout", "SPRING_LIMIT", "ROW_GAP"]

#: Components up to this many people use networkx' spring layout.
SPRING_LIMIT = 300
#: Vertical distance between generations in the family layout, in pixels.
ROW_GAP = 160.0

Positions = dict[str, tuple[float, float]]
#: relation -> generations from subject down to object (parents are one row up).
_GENERATION_STEP = {
    "parentOf": 1, "motherOf": 1, "fatherOf": 1, "childOf": -1,
    "grandparentOf": 2, "grandchildOf": -2,
    "spouseOf": 0, "siblingOf": 0, "partnerOf": 0, "engagedTo": 0,
}  # fmt: skip


def _fact_edges(graph: nx.MultiDiGraph) -> Iterable[tuple[str, str, dict]]:
    for u, v, data in graph.edges(data=True):
        if u != v and data.get("fact", True):
            yield u, v, data


def _pack(blocks: list[tuple[Positions, float, float]], spacing: float) -> Positions:
    """Place blocks (local positions with their corner at 0,0, width, height) in rows."""
    area = sum((w + spacing) * (h + spacing) for _, w, h in blocks)
    row_width = max([math.sqrt(area)] + [w + spacing for _, w, _ in blocks[:1]])
    out: Positions = {}
    x = y = row_height = 0.0
    for local, w, h in blocks:
        if x > 0 and x + w + spacing > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in local.items():
            out[node] = (round(x + px, 1), round(y + py, 1))
        x += w + spacing
        row_height = max(row_height, h + spacing)
    return {node: out[node] for node in sorted(out)}


def layout_positions(graph: nx.MultiDiGraph, seed: int = 7, spacing: float = 90.0) -> Positions:
    """Force-directed 2-D positions (in page pixels) for drawing a graph without physics.

    Args:
        graph: the graph to lay out (only fact edges pull people together).
        seed: random seed.
        spacing: roughly the distance between neighbouring people, in pixels.

    Examples:
        >>> g = nx.MultiDiGraph([("a", "b"), ("c", "d"), ("d", "e")])
        >>> g.add_node("f")
        >>> pos = layout_positions(g)
        >>> sorted(pos) == list("abcdef"), pos == layout_positions(g), len(set(pos.values()))
        (True, True, 6)
    """
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    simple.add_edges_from(sorted((min(u, v), max(u, v)) for u, v, _ in _fact_edges(graph)))
    components = sorted(
        (sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0])
    )
    blocks = []
    for nodes in components:
        local = _component_layout(simple, nodes, seed)
        # Scale so that relatives sit about 1.6 x spacing apart: a big component's
        # core is denser than its rim, so a size-based radius would crowd it.
        lengths = [math.dist(local[u], local[v]) for u, v in simple.subgraph(nodes).edges()]
        scale = 1.6 * spacing / max(sorted(lengths)[len(lengths) // 2], 1e-9) if lengths else 0.0
        xs = [local[n][0] * scale for n in nodes]
        ys = [local[n][1] * scale for n in nodes]
        left, top = min(xs), min(ys)
        placed = {n: (x - left, y - top) for n, x, y in zip(nodes, xs, ys, strict=True)}
        blocks.append((placed, max(xs) - left, max(ys) - top))
    return _pack(blocks, spacing)


def _component_layout(simple: nx.Graph, nodes: list[str], seed: int) -> Positions:
    """Positions in [-1, 1]² for one connected component."""
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    if len(nodes) <= SPRING_LIMIT:
        sub = nx.Graph()
        sub.add_nodes_from(nodes)
        sub.add_edges_from(sorted(simple.subgraph(nodes).edges()))
        pos = nx.spring_layout(sub, seed=seed)
        return {n: (float(pos[n][0]), float(pos[n][1])) for n in nodes}
    index = {n: i for i, n in enumerate(nodes)}
    edges = np.array(
        sorted((index[u], index[v]) for u, v in simple.subgraph(nodes).edges()), dtype=np.int64
    )
    xy = force_layout(len(nodes), edges, seed=seed)
    xy -= xy.mean(axis=0)
    xy /= max(float(np.abs(xy).max()), 1e-9)
    return {n: (float(xy[i, 0]), float(xy[i, 1])) for n, i in index.items()}


def force_layout(n: int, edges: np.ndarray, seed: int = 7, iterations: int = 40) -> np.ndarray:
    """Multilevel Fruchterman-Reingold positions (``n x 2``, edge length about 1).

    Args:
        n: number of nodes, numbered ``0..n-1``.
        edges: ``m x 2`` integer array of node pairs (an undirected, connected graph).
        seed: random seed of the initial positions and of the matching.
        iterations: refinement steps per level.

    Examples:
        >>> ring = np.array([(i, (i + 1) % 400) for i in range(400)])
        >>> xy = force_layout(400, ring)
        >>> xy.shape, bool(np.isfinite(xy).all())
        ((400, 2), True)
        >>> lengths = np.linalg.norm(xy[ring[:, 0]] - xy[ring[:, 1]], axis=1)
        >>> 0.3 < float(np.median(lengths)) < 3
        True
    """
    rng = np.random.default_rng(seed)
    levels: list[tuple[int, np.ndarray, np.ndarray]] = [(n, edges.reshape(-1, 2), np.ones(n))]
    parents: list[np.ndarray] = []
    while levels[-1][0] > 40:
        size, lv_edges, mass = levels[-1]
        parent, coarse = _coarsen(size, lv_edges, rng)
        if coarse > 0.85 * size:
            break
        parents.append(parent)
        pairs = np.unique(np.sort(parent[lv_edges], axis=1), axis=0)
        levels.append((coarse, pairs[pairs[:, 0] != pairs[:, 1]], np.bincount(parent, mass)))
    size, lv_edges, mass = levels[-1]
    xy = rng.uniform(-1, 1, (size, 2)) * math.sqrt(size)
    xy = _refine(xy, lv_edges, mass, 4 * iterations, math.sqrt(size) / 4, cutoff=None)
    for level in range(len(parents) - 1, -1, -1):
        size, lv_edges, mass = levels[level]
        xy = xy[parents[level]] + rng.normal(0, 0.1, (size, 2))
        xy = _refine(xy, lv_edges, mass, iterations, 1.0, cutoff=3.0)
    return xy


def _coarsen(n: int, edges: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, int]:
    """A random maximal matching: ``parent[i]`` is the coarse node of ``i``."""
    neighbours: list[list[int]] = [[] for _ in range(n)]
    for u, v in edges.tolist():
        neighbours[u].append(v)
        neighbours[v].append(u)
    parent = np.full(n, -1, dtype=np.int64)
    coarse = 0
    for u in rng.permutation(n).tolist():
        if parent[u] >= 0:
            continue
        parent[u] = coarse
        free = [v for v in neighbours[u] if parent[v] < 0]
        if free:
            # Prefer a leaf: folding pendant people into their neighbour keeps families tight.
            parent[min(free, key=lambda v: (len(neighbours[v]), v))] = coarse
        coarse += 1
    return parent, coarse


def _refine(
    xy: np.ndarray,
    edges: np.ndarray,
    mass: np.ndarray,
    steps: int,
    temperature: float,
    cutoff: float | None,
) -> np.ndarray:
    """Fruchterman-Reingold steps; repulsion between all pairs, or pairs closer than ``cutoff``."""
    n = len(xy)
    k = math.sqrt(float(mass.mean()))
    for _ in range(steps):
        if cutoff is None:
            i, j = np.triu_indices(n, 1)
        else:
            pairs = cKDTree(xy).query_pairs(cutoff * k, output_type="ndarray")
            i, j = pairs[:, 0], pairs[:, 1]
        delta = xy[i] - xy[j]
        dist2 = np.maximum((delta**2).sum(axis=1), 1e-4)
        push = delta * (k * k / dist2)[:, None]
        disp = np.zeros_like(xy)
        for axis in (0, 1):
            disp[:, axis] += np.bincount(i, push[:, axis] * mass[j], n)
            disp[:, axis] -= np.bincount(j, push[:, axis] * mass[i], n)
        if len(edges):
            u, v = edges[:, 0], edges[:, 1]
            delta = xy[u] - xy[v]
            pull = delta * (np.sqrt((delta**2).sum(axis=1)) / k)[:, None]
            for axis in (0, 1):
                disp[:, axis] -= np.bincount(u, pull[:, axis], n)
                disp[:, axis] += np.bincount(v, pull[:, axis], n)
        disp -= 0.01 * xy  # weak gravity keeps loose parts from drifting away
        length = np.maximum(np.sqrt((disp**2).sum(axis=1)), 1e-9)
        xy = xy + disp * (np.minimum(length, temperature) / length)[:, None]
        temperature *= 0.93
    return xy


def family_layout(
    graph: nx.MultiDiGraph, spacing: float = 150.0, row_gap: float = ROW_GAP
) -> Positions:
    """Family-tree positions: one row per generation, parents above their children.

    Rows come from the kinship facts (a parent is one row above a child, a
    grandparent two, spouses, partners and siblings share a row); within a row
    people are ordered to sit near their relatives (barycentre sweeps). Each
    family (people joined by kinship) is one block; blocks are packed in rows.
    When the facts contradict each other (a cycle of parents), the first row
    found wins.

    Examples:
        >>> g = nx.MultiDiGraph()
        >>> for s, r, o in [("gran", "grandparentOf", "kid"), ("kid", "childOf", "mum"),
        ...                 ("mum", "siblingOf", "aunt"), ("kid", "friendOf", "pal")]:
        ...     _ = g.add_edge(s, o, key=r, relation=r)
        >>> pos = family_layout(g)
        >>> [pos[p][1] for p in ("gran", "mum", "aunt", "kid")]
        [0.0, 160.0, 160.0, 320.0]
    """
    steps: dict[str, list[tuple[str, int]]] = {n: [] for n in sorted(graph.nodes)}
    for u, v, data in _fact_edges(graph):
        step = _GENERATION_STEP.get(str(data.get("relation", "")))
        if step is not None:
            steps[u].append((v, step))
            steps[v].append((u, -step))
    for links in steps.values():
        links.sort()
    seen: set[str] = set()
    blocks = []
    for root in steps:
        if root in seen:
            continue
        level = _levels(root, steps)
        seen.update(level)
        blocks.append(_family_block(level, steps, spacing, row_gap))
    blocks.sort(key=lambda b: (-len(b[0]), min(b[0])))
    return _pack(blocks, spacing)


def _levels(root: str, steps: dict[str, list[tuple[str, int]]]) -> dict[str, int]:
    level = {root: 0}
    queue = deque([root])
    while queue:
        node = queue.popleft()
        for other, step in steps[node]:
            if other not in level:
                level[other] = level[node] + step
                queue.append(other)
    top = min(level.values())
    return {node: row - top for node, row in level.items()}


def _family_block(
    level: dict[str, int],
    steps: dict[str, list[tuple[str, int]]],
    spacing: float,
    row_gap: float,
) -> tuple[Positions, float, float]:
    rows: dict[int, list[str]] = {}
    for node in level:  # BFS order: relatives start near each other
        rows.setdefault(level[node], []).append(node)
    slot = {node: float(i) for row in rows.values() for i, node in enumerate(row)}

    def sweep(order: Iterable[int], key: Callable[[str], list[float]]) -> None:
        for r in order:
            row = rows[r]
            bary = {}
            for node in row:
                near = key(node)
                bary[node] = sum(near) / len(near) if near else slot[node]
            row.sort(key=lambda node: (bary[node], slot[node]))
            slot.update({node: float(i) for i, node in enumerate(row)})

    order = sorted(rows)  # rows may skip a generation (only a grandparent is known)
    for _ in range(4):
        sweep(order[1:], lambda n: [slot[o] for o, s in steps[n] if s < 0])
        sweep(order[-2::-1], lambda n: [slot[o] for o, s in steps[n] if s > 0])
    for r in order:
        rows[r] = _couples_together(rows[r], steps, slot)
        slot.update({node: float(i) for i, node in enumerate(rows[r])})
    width = max(len(row) for row in rows.values())
    local: Positions = {}
    for r, row in rows.items():
        offset = (width - len(row)) / 2
        for i, node in enumerate(row):
            local[node] = ((offset + i) * spacing, r * row_gap)
    return local, (width - 1) * spacing, order[-1] * row_gap


def _couples_together(
    row: list[str], steps: dict[str, list[tuple[str, int]]], slot: dict[str, float]
) -> list[str]:
    """Reorder a row so spouses, partners and siblings sit side by side.

    People joined by same-row relations form a cluster, walked depth-first so a
    chain (sister - sister - her husband) stays a chain; clusters keep the
    order of their mean position from the barycentre sweeps.
    """
    in_row, seen, clusters = set(row), set(), []
    beside = {n: sorted({o for o, s in steps[n] if s == 0 and o in in_row}) for n in row}
    for first in sorted(row, key=lambda n: slot[n]):
        if first in seen:
            continue
        members, queue = {first}, [first]
        while queue:
            for other in beside[queue.pop()]:
                if other not in members:
                    members.add(other)
                    queue.append(other)
        # start at an end of the chain (fewest same-row relatives), then walk depth-first
        start = min(members, key=lambda n: (len(beside[n]), slot[n]))
        chain, stack = [], [start]
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            chain.append(node)
            stack += sorted((o for o in beside[node] if o not in seen), key=lambda n: -slot[n])
        clusters.append((sum(slot[n] for n in chain) / len(chain), slot[first], chain))
    clusters.sort(key=lambda c: (c[0], c[1]))
    return [node for _, _, chain in clusters for node in chain]
