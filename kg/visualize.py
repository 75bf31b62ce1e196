"""Draw the knowledge graph as one self-contained, offline HTML page (pyvis + vis-network).

This is the only module that imports pyvis. pyvis provides the page template
and inlines vis-network; the node and edge lists are built here (pyvis'
``add_node`` turns quadratic on big graphs). Every piece of article text goes
in as JSON with ``<``, ``>``, ``&``, ``'``, U+2028 and U+2029 escaped and is
put on screen by the page's script as text (no record has a vis ``title``, so
vis-network's HTML tooltips never run). The template's CDN links (Bootstrap)
and vis-network's unused style sheet are removed and a Content-Security-Policy
forbids any request, so opening the page never touches the network. The look
is in :mod:`kg.page_assets`, the behaviour in :mod:`kg.page_script`.
"""

from __future__ import annotations

import functools
import html
import json
import math
import os
import re
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyvis
from pyvis.network import Network

from kg.errors import KGError, UnknownNameError
from kg.graph import degrees, ego_graph, resolve
from kg.layout import family_layout, layout_positions
from kg.page_assets import (
    DASH_CLAIM,
    DASH_FORMER,
    DIRECTED,
    FOCUS_COLOR,
    RELATION_CLASSES,
    STYLE,
    panel,
    relation_class,
    vis_options,
)
from kg.page_script import SCRIPT

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "RELATION_CLASSES",
    "LAYOUTS",
    "LAYOUT_THRESHOLD",
    "relation_class",
    "PageData",
    "page_data",
    "remote_refs",
    "render_html",
]

#: Above this many people the layout is computed in Python and physics is off.
LAYOUT_THRESHOLD = 300
#: The layouts of ``render_html``: force-directed, or a family tree.
LAYOUTS = ("force", "family")
_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:; font-src data:"
)


def _safe_json(obj: Any, **_: Any) -> str:
    """JSON that cannot close a ``<script>`` or start markup, whatever its strings hold.

    Examples:
        >>> _safe_json({"n": "</script><img src=x>&'"})
        '{"n":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x\\\\u003e\\\\u0026\\\\u0027"}'
    """
    text = json.dumps(obj, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("'", "\\u0027"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


@dataclass(frozen=True)
class PageData:
    """What the page draws: vis-network records plus the evidence the cards show.

    ``nodes``/``edges`` are vis-network records (edges carry ``relation``,
    ``status``, ``kgClass``, ``kgEvidence`` indices into ``evidence``,
    ``kgSources`` indices into ``articles`` and, for claims, ``kgClaim``);
    ``evidence`` is ``[sentence, article index]``, ``articles`` is
    ``[id, title, url]``; ``focus`` is the IRI of the person a focused page
    is centred on.
    """

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    physics: bool
    articles: list[list[str]] = field(default_factory=list)
    evidence: list[list[Any]] = field(default_factory=list)
    focus: str | None = None


def page_data(graph: nx.MultiDiGraph, layout: str = "force", focus: str | None = None) -> PageData:
    """The page's node and edge records for a graph, in a stable order.

    With ``layout="force"`` small graphs (up to ``LAYOUT_THRESHOLD`` people) are
    laid out by vis-network's physics in the browser, which then stops; bigger
    ones get positions from :func:`kg.layout.layout_positions` and no physics.
    ``layout="family"`` always uses :func:`kg.layout.family_layout` (parents
    above children). Negated claims start hidden; hedged ones are drawn dotted.

    Raises:
        UnknownNameError: an unknown ``layout`` (exit code 2).

    Examples:
        >>> from kg.graph import to_networkx
        >>> g = to_networkx([{"iri": "a", "name": "Ann"}, {"iri": "b", "name": "Bo"}],
        ...     [{"subject": "a", "relation": "spouseOf", "object": "b", "fact": True,
        ...       "former": True, "evidence": [{"sentence": "Ann left Bo.", "article_id": "x"}]}])
        >>> data = page_data(g)
        >>> [n["label"] for n in data.nodes], data.edges[0]["dashes"], data.physics
        (['Ann', 'Bo'], [8, 6], True)
        >>> data.evidence, data.articles
        ([['Ann left Bo.', 0]], [['x', '', '']])
    """
    if layout not in LAYOUTS:
        raise UnknownNameError("layout", layout, list(LAYOUTS))
    if layout == "family":
        physics, positions = False, family_layout(graph)
    else:
        physics = graph.number_of_nodes() <= LAYOUT_THRESHOLD
        positions = {} if physics else layout_positions(graph)
    degree = degrees(graph)
    nodes = []
    for iri in sorted(graph.nodes):
        attrs = graph.nodes[iri]
        node: dict[str, Any] = {
            "id": iri,
            "label": str(attrs.get("name", iri)),
            "size": round(10 + 5 * math.sqrt(degree[iri]), 1),
        }
        if attrs.get("aliases"):
            node["aliases"] = [str(a) for a in attrs["aliases"]]
        if iri == focus:
            node.update(color=FOCUS_COLOR, borderWidth=4)
        if positions:
            node["x"], node["y"] = positions[iri]
        nodes.append(node)

    articles: dict[str, int] = {}
    article_rows: list[list[str]] = []
    sentences: dict[tuple[str, int], int] = {}
    evidence: list[list[Any]] = []
    edges: list[dict[str, Any]] = []
    parallel: dict[tuple[str, str], int] = {}
    for u, v, key in sorted(graph.edges(keys=True)):
        data = graph.edges[u, v, key]
        relation = str(data.get("relation", key))
        fact = bool(data.get("fact", True))
        cls = relation_class(relation)
        colour = RELATION_CLASSES[cls][1]
        indices, sources = [], set()
        for ev in data.get("evidence", []):
            aid = str(ev.get("article_id") or "")
            if aid not in articles:
                articles[aid] = len(article_rows)
                article_rows.append([aid, str(ev.get("title") or ""), str(ev.get("url") or "")])
            ref = (str(ev.get("sentence", "")), articles[aid])
            if ref not in sentences:
                sentences[ref] = len(evidence)
                evidence.append(list(ref))
            indices.append(sentences[ref])
            sources.add(articles[aid])
        edge: dict[str, Any] = {
            "id": f"e{len(edges)}",
            "from": u,
            "to": v,
            "label": relation if fact or not data.get("negated") else f"not {relation}",
            "color": colour if fact else {"color": colour, "opacity": 0.55},
            "relation": relation,
            "status": str(data.get("status", "current")),
            "kgClass": cls,
            "kgEvidence": indices,
            "kgSources": sorted(sources),
        }
        if relation in DIRECTED or cls == "other":
            edge["arrows"] = "to"
        if not fact:
            edge["dashes"] = DASH_CLAIM
            edge["kgClaim"] = "negated" if data.get("negated") else "hedged"
            edge["hidden"] = edge["kgClaim"] == "negated"
        elif edge["status"] == "former":
            edge["dashes"] = DASH_FORMER
        pair = (u, v) if u < v else (v, u)
        index = parallel.get(pair, 0)
        parallel[pair] = index + 1
        if index:
            # Parallel edges (motherOf + parentOf, or both directions) curve apart.
            edge["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if index % 2 else "curvedCCW",
                "roundness": round(0.2 * ((index + 1) // 2), 2),
            }
        edges.append(edge)
    return PageData(nodes, edges, physics, article_rows, evidence, focus)


class _RemoteRefs(HTMLParser):
    """Collects every src/href of the page's own tags (script text is not parsed as tags)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.refs += [value for name, value in attrs if name in ("src", "href") and value]


def remote_refs(page: str) -> list[str]:
    """The ``src``/``href`` attributes of a page that would load something over the network.

    Examples:
        >>> remote_refs('<script src="https://cdn.x/a.js"></script><script>"https://ok"</script>')
        ['https://cdn.x/a.js']
    """
    parser = _RemoteRefs()
    parser.feed(page)
    parser.close()
    return [r for r in parser.refs if re.match(r"\s*(https?:)?//", r, re.IGNORECASE)]


def _replace_once(page: str, old: str, new: str) -> str:
    if page.count(old) != 1:
        raise RuntimeError(f"pyvis template changed: expected one {old!r}")
    return page.replace(old, new)


def _build_page(graph: nx.MultiDiGraph, title: str, data: PageData) -> str:
    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line")
    env = net.templateEnv
    env.policies["json.dumps_function"] = _safe_json
    # Render the template ourselves rather than through generate_html(): pyvis
    # switches to an innerHTML tooltip when any title contains "href" (and no
    # record here has a title: the hover card is built with textContent).
    page = env.get_template(net.path).render(
        height=net.height,
        width=net.width,
        nodes=data.nodes,
        edges=data.edges,
        heading="",
        options=_safe_json(vis_options(data.physics, len(data.nodes), LAYOUT_THRESHOLD)),
        physics_enabled=data.physics,
        use_DOT=False,
        dot_lang="",
        widget=False,
        bgcolor="#ffffff",
        conf=False,
        tooltip_link=False,
        neighborhood_highlight=False,
        select_menu=False,
        filter_menu=False,
        notebook=False,
        cdn_resources="in_line",
    )
    # The template always links Bootstrap from a CDN, and it is not needed; nor is
    # vis-network's style sheet (220 kB: tooltips, configurator, manipulation UI).
    page = re.sub(r"<link[^>]*bootstrap[^>]*>\s*", "", page)
    page = re.sub(r"<script[^>]*bootstrap[^>]*>\s*</script>\s*", "", page)
    page = re.sub(r"\s*<center>\s*<h1></h1>\s*</center>", "", page)
    page = _replace_once(page, f"<style>{_vis_css()}</style>", "")
    head = (
        f'<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" '
        f'content="{_CSP}">\n<meta name="viewport" content="width=device-width">\n'
        f"<title>{html.escape(title)}</title>"
    )
    page = _replace_once(page, '<meta charset="utf-8">', head)
    page = _replace_once(page, "</head>", STYLE + "</head>")
    page = _replace_once(
        page, "<body>", "<body>\n" + panel(title, len(data.nodes), data.edges, len(data.articles))
    )
    payload = {"articles": data.articles, "evidence": data.evidence, "focus": data.focus}
    extra = f'<script type="application/json" id="kg-data">{_safe_json(payload)}</script>\n'
    page = _replace_once(
        page,
        "drawGraph();\n        </script>",
        "drawGraph();\n        </script>\n" + extra + SCRIPT,
    )
    if "innerHTML = nodeData" in page or remote_refs(page):
        raise RuntimeError(f"page would load remote or HTML content: {remote_refs(page)}")
    return "<!DOCTYPE html>\n" + page.strip() + "\n"


@functools.cache
def _vis_css() -> str:
    return (Path(pyvis.__file__).parent / "templates/lib/vis-9.1.2/vis-network.css").read_text(
        encoding="utf-8"
    )


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def render_html(
    graph: nx.MultiDiGraph,
    path: Path,
    title: str | None = None,
    *,
    focus: str | None = None,
    depth: int = 2,
    layout: str = "force",
) -> Path:
    """Write the graph as an interactive page that works offline, atomically.

    One node per person (label = name, size by number of relatives), one edge per
    relation labelled with its name and coloured by its class; former relations
    dashed, hedged claims dotted, negated claims hidden behind a checkbox. The
    page has a search box (any alias, any case or accent), filters by relation
    class and by source article, and a card with aliases, relations and
    evidence sentences linked to their articles. The same graph always gives
    the same bytes.

    Args:
        graph: from :func:`kg.graph.to_networkx` (with ``include_claims=True`` to
            offer the claim toggles).
        path: the ``.html`` file to write; its folder is created if needed.
        title: page title (default "celebrity-kg", or the focused person).
        focus: draw only this person (name, alias or id) and everyone within
            ``depth`` facts of them.
        depth: how far from ``focus`` to go.
        layout: ``"force"`` or ``"family"`` (a family tree: parents above children).

    Returns:
        ``path``.

    Raises:
        kg.names.UnknownPersonError: ``focus`` names nobody, or several people.
        UnknownNameError: an unknown ``layout``.
        KGError: the file cannot be written; the previous file is left as it was.

    Examples:
        >>> import tempfile
        >>> from kg.graph import to_networkx
        >>> g = to_networkx([{"iri": "a", "name": "Ann <b>"}], [])
        >>> with tempfile.TemporaryDirectory() as d:
        ...     page = render_html(g, Path(d) / "g.html").read_text()
        >>> "Ann \\\\u003cb\\\\u003e" in page, "Ann <b>" in page
        (True, False)
    """
    path = Path(path)
    center = None
    if layout not in LAYOUTS:
        raise UnknownNameError("layout", layout, list(LAYOUTS))
    if focus is not None:
        center = resolve(graph, focus)
        name = str(graph.nodes[center].get("name", center))
        graph = ego_graph(graph, center, depth)
        title = title or f"{name} and everyone within {depth} step{'s' * (depth != 1)}"
    page = _build_page(graph, title or "celebrity-kg", page_data(graph, layout, center))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomic(path, page)
    except OSError as exc:
        raise KGError(
            f"{path}: cannot write the graph page ({exc.strerror or exc}); "
            "choose a writable .html file path"
        ) from exc
    return path
