"""Draw the knowledge graph as one self-contained, offline HTML page (pyvis + vis-network).

This is the only module that imports pyvis. pyvis provides the page template
and inlines vis-network; the node and edge lists are built here (pyvis'
``add_node`` turns quadratic on big graphs), every piece of article text goes
in as JSON with ``<``, ``>``, ``&``, ``'``, U+2028 and U+2029 escaped, and
tooltips are plain strings, which vis-network shows as text. The template's
CDN links (Bootstrap) are removed and a Content-Security-Policy forbids any
request, so opening the page never touches the network.

Examples:
    >>> relation_class("motherOf"), relation_class("spouseOf"), relation_class("feudsWith")
    ('family', 'spouse', 'other')
"""

from __future__ import annotations

import html
import json
import math
import os
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pyvis.network import Network

from kg.errors import KGError
from kg.graph import degrees, layout_positions

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "RELATION_CLASSES",
    "LAYOUT_THRESHOLD",
    "relation_class",
    "page_data",
    "remote_refs",
    "render_html",
]

#: class -> (legend label, colour, relations). Unknown relations fall in "other".
RELATION_CLASSES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "family": (
        "parent / child",
        "#1f77b4",
        ("parentOf", "childOf", "motherOf", "fatherOf", "grandparentOf", "grandchildOf"),
    ),
    "sibling": ("sibling", "#2ca02c", ("siblingOf",)),
    "spouse": ("spouse", "#d62728", ("spouseOf",)),
    "engaged": ("engaged", "#e377c2", ("engagedTo",)),
    "partner": ("partner", "#ff7f0e", ("partnerOf",)),
    "relative": ("relative", "#8c564b", ("relativeOf",)),
    "friend": ("friend", "#17becf", ("friendOf",)),
    "other": ("other", "#7f7f7f", ()),
}
_CLASS_OF = {rel: cls for cls, (_, _, rels) in RELATION_CLASSES.items() for rel in rels}
_DIRECTED = set(RELATION_CLASSES["family"][2])

#: Above this many people the layout is computed in Python and physics is off.
LAYOUT_THRESHOLD = 300

_DASH_FORMER = [8, 6]
_DASH_CLAIM = [2, 5]
_NODE_COLOR = {
    "background": "#fdf6e3",
    "border": "#586e75",
    "highlight": {"background": "#fff3b0", "border": "#073642"},
}
_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:; font-src data:"
)


def relation_class(relation: str) -> str:
    """The legend class (and so the colour) of a relation name."""
    return _CLASS_OF.get(relation, "other")


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


def _node_title(name: str, aliases: list[str]) -> str:
    return name + (f"\nalso known as: {', '.join(aliases)}" if aliases else "")


def _edge_title(subject: str, obj: str, data: dict[str, Any]) -> str:
    kind = "negated claim" if data.get("negated") else "hedged claim" if data.get("hedged") else ""
    lines = [f"{subject} \u2014 {data['relation']} \u2192 {obj}", f"status: {data['status']}"]
    if not data.get("fact", True):
        lines.append(f"not a fact: {kind or 'claim'}")
    for ev in data.get("evidence", []):
        source = " ".join(
            str(part)
            for part in (
                ev.get("title") or "",
                f"[{ev.get('article_id', '')}]",
                ev.get("url") or "",
            )
            if part
        )
        lines += ["", f"\u201c{ev.get('sentence', '')}\u201d", f"  \u2014 {source}"]
    return "\n".join(lines)


def page_data(graph: nx.MultiDiGraph) -> tuple[list[dict[str, Any]], list[dict[str, Any]], bool]:
    """The vis-network node and edge records for a graph, in a stable order.

    Returns ``(nodes, edges, physics)``: physics is off (and nodes carry ``x``/``y``)
    above ``LAYOUT_THRESHOLD`` people. Claims (edges whose ``fact`` is false)
    start hidden and carry ``kgClaim`` = ``"hedged"`` or ``"negated"``.

    Examples:
        >>> from kg.graph import to_networkx
        >>> g = to_networkx([{"iri": "a", "name": "Ann"}, {"iri": "b", "name": "Bo"}],
        ...     [{"subject": "a", "relation": "spouseOf", "object": "b", "fact": True,
        ...       "former": True}])
        >>> nodes, edges, physics = page_data(g)
        >>> [n["label"] for n in nodes], edges[0]["label"], edges[0]["dashes"], physics
        (['Ann', 'Bo'], 'spouseOf', [8, 6], True)
    """
    physics = graph.number_of_nodes() <= LAYOUT_THRESHOLD
    positions = {} if physics else layout_positions(graph)
    degree = degrees(graph)
    names = {iri: str(graph.nodes[iri].get("name", iri)) for iri in graph.nodes}
    nodes = []
    for iri in sorted(graph.nodes):
        attrs = graph.nodes[iri]
        aliases = [str(a) for a in attrs.get("aliases", [])]
        node: dict[str, Any] = {
            "id": iri,
            "label": names[iri],
            "title": _node_title(names[iri], aliases),
            "size": round(10 + 5 * math.sqrt(degree[iri]), 1),
            "color": _NODE_COLOR,
        }
        if not physics:
            node["x"], node["y"] = positions[iri]
        nodes.append(node)

    edges: list[dict[str, Any]] = []
    parallel: dict[tuple[str, str], int] = {}
    for u, v, key in sorted(graph.edges(keys=True)):
        data = graph.edges[u, v, key]
        relation = str(data.get("relation", key))
        fact = bool(data.get("fact", True))
        colour = RELATION_CLASSES[relation_class(relation)][1]
        pair = (u, v) if u < v else (v, u)
        index = parallel.get(pair, 0)
        parallel[pair] = index + 1
        edge: dict[str, Any] = {
            "id": f"e{len(edges)}",
            "from": u,
            "to": v,
            "label": relation if fact or not data.get("negated") else f"not {relation}",
            "title": _edge_title(names[u], names[v], {**data, "relation": relation}),
            "color": {
                "color": colour,
                "highlight": colour,
                "hover": colour,
                "opacity": 1.0 if fact else 0.6,
            },
            "arrows": "to" if relation in _DIRECTED or relation_class(relation) == "other" else "",
            "dashes": _DASH_FORMER if data.get("status") == "former" else False,
            "width": 2,
            "relation": relation,
            "status": data.get("status", "current"),
        }
        if not fact:
            edge["dashes"] = _DASH_CLAIM
            edge["hidden"] = True
            edge["kgClaim"] = "negated" if data.get("negated") else "hedged"
        if index:
            # Parallel edges (motherOf + parentOf, or both directions) curve apart.
            edge["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if index % 2 else "curvedCCW",
                "roundness": round(0.2 * ((index + 1) // 2), 2),
            }
        edges.append(edge)
    return nodes, edges, physics


def _options(physics: bool, small: bool) -> dict[str, Any]:
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": small},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": not physics},
        "nodes": {
            "shape": "dot",
            "borderWidth": 2,
            "font": {
                "size": 15,
                "face": "sans-serif",
                "color": "#1b1b1b",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
        },
        "edges": {
            "smooth": False,
            "font": {
                "size": 11,
                "align": "middle",
                "color": "#444444",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "arrows": {"to": {"scaleFactor": 0.6}},
        },
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -6000,
                "centralGravity": 0.25,
                "springLength": 160,
                "springConstant": 0.04,
                "damping": 0.3,
                "avoidOverlap": 0.3,
            },
            "stabilization": {
                "enabled": physics,
                "iterations": 400,
                "updateInterval": 25,
                "fit": True,
            },
            "minVelocity": 1.0,
        },
    }


def _legend(title: str, nodes: int, edges: list[dict[str, Any]]) -> str:
    present = {relation_class(e["relation"]) for e in edges}
    rows = []
    for cls, (label, colour, _) in RELATION_CLASSES.items():
        if cls != "other" or "other" in present:
            rows.append(
                f'<li><span class="kg-ln" style="border-top-color:{colour}"></span>{label}</li>'
            )
    rows.append('<li><span class="kg-ln kg-former"></span>former (divorced, split, ex-)</li>')
    claims = {kind: sum(e.get("kgClaim") == kind for e in edges) for kind in ("hedged", "negated")}
    toggles = "".join(
        f'<label><input type="checkbox" data-kg-claim="{kind}"> show {kind} claims '
        f"({count})</label>"
        for kind, count in claims.items()
        if count
    )
    if toggles:
        rows.append('<li><span class="kg-ln kg-claim"></span>claim, not a fact</li>')
    facts = sum("kgClaim" not in e for e in edges)
    return (
        f'<div id="kg-legend"><h1>{html.escape(title)}</h1>'
        f'<p class="kg-count">{nodes} people \u00b7 {facts} relations</p>'
        f"<ul>{''.join(rows)}</ul>{toggles}"
        '<p class="kg-hint">hover a line for its evidence; click a person to highlight '
        "their family</p></div>"
    )


_STYLE = """<style>
html, body { margin: 0; padding: 0; height: 100%; overflow: hidden; font-family: sans-serif; }
#mynetwork { border: 0 !important; float: none !important; }
.vis-tooltip { white-space: pre-wrap !important; max-width: 520px;
  font-family: sans-serif !important; font-size: 13px !important; }
#kg-legend { position: absolute; top: 10px; left: 10px; z-index: 10;
  background: rgba(255,255,255,.92); border: 1px solid #ccc; border-radius: 6px;
  padding: 8px 12px; font-size: 13px; max-width: 260px; }
#kg-legend h1 { font-size: 16px; margin: 0 0 2px; }
#kg-legend ul { list-style: none; margin: 6px 0; padding: 0; }
#kg-legend li { margin: 2px 0; }
#kg-legend label { display: block; margin: 2px 0; cursor: pointer; }
.kg-count, .kg-hint { margin: 0; color: #555; }
.kg-hint { font-size: 11px; margin-top: 6px; }
.kg-ln { display: inline-block; width: 30px; margin-right: 8px; vertical-align: middle;
  border-top: 3px solid #555; }
.kg-ln.kg-former { border-top-style: dashed; }
.kg-ln.kg-claim { border-top-style: dotted; }
</style>
"""

_SCRIPT = """<script>
(function () {
  window.kgStable = false;
  function done() { window.kgStable = true; }
  if (network.physics.physicsEnabled) {
    // Stop the simulation once laid out: an idle page must not keep computing.
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}});
      done();
    });
  } else {
    done();
  }
  document.querySelectorAll("input[data-kg-claim]").forEach(function (box) {
    box.addEventListener("change", function () {
      var kind = box.getAttribute("data-kg-claim");
      edges.update(edges.get({filter: function (e) { return e.kgClaim === kind; }})
        .map(function (e) { return {id: e.id, hidden: !box.checked}; }));
    });
  });
})();
</script>
"""


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


def _build_page(graph: nx.MultiDiGraph, title: str) -> str:
    nodes, edges, physics = page_data(graph)
    net = Network(
        height="100vh",
        width="100%",
        directed=True,
        cdn_resources="in_line",
        neighborhood_highlight=True,
    )
    env = net.templateEnv
    env.policies["json.dumps_function"] = _safe_json
    # Render the template ourselves rather than through generate_html(): pyvis
    # switches to an innerHTML tooltip when any title contains "href".
    page = env.get_template(net.path).render(
        height=net.height,
        width=net.width,
        nodes=nodes,
        edges=edges,
        heading="",
        options=_safe_json(_options(physics, len(nodes) <= 100)),
        physics_enabled=physics,
        use_DOT=False,
        dot_lang="",
        widget=False,
        bgcolor="#ffffff",
        conf=False,
        tooltip_link=False,
        neighborhood_highlight=True,
        select_menu=False,
        filter_menu=False,
        notebook=False,
        cdn_resources="in_line",
    )
    # The template always links Bootstrap from a CDN, and it is not needed.
    page = re.sub(r"<link[^>]*bootstrap[^>]*>\s*", "", page)
    page = re.sub(r"<script[^>]*bootstrap[^>]*>\s*</script>\s*", "", page)
    page = re.sub(r"\s*<center>\s*<h1></h1>\s*</center>", "", page)
    head = (
        f'<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" '
        f'content="{_CSP}">\n<meta name="viewport" content="width=device-width">\n'
        f"<title>{html.escape(title)}</title>"
    )
    page = _replace_once(page, '<meta charset="utf-8">', head)
    page = _replace_once(page, "</head>", _STYLE + "</head>")
    page = _replace_once(page, "<body>", "<body>\n" + _legend(title, len(nodes), edges))
    page = _replace_once(
        page, "drawGraph();\n        </script>", "drawGraph();\n        </script>\n" + _SCRIPT
    )
    if "innerHTML = nodeData" in page or remote_refs(page):
        raise RuntimeError(f"page would load remote or HTML content: {remote_refs(page)}")
    return "<!DOCTYPE html>\n" + page.strip() + "\n"


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


def render_html(graph: nx.MultiDiGraph, path: Path, title: str = "celebrity-kg") -> Path:
    """Write the graph as an interactive page that works offline, atomically.

    One node per person (label = name, tooltip = name and aliases, size by
    degree), one edge per relation labelled with its name and coloured by its
    class; former relations dashed, claims (if the graph has them) dotted and
    hidden behind checkboxes. Edge tooltips list the evidence sentences and
    their articles. The same graph always gives the same bytes.

    Args:
        graph: from :func:`kg.graph.to_networkx`.
        path: the ``.html`` file to write; its folder is created if needed.
        title: page title, shown above the legend.

    Returns:
        ``path``.

    Raises:
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
    page = _build_page(graph, title)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomic(path, page)
    except OSError as exc:
        raise KGError(
            f"{path}: cannot write the graph page ({exc.strerror or exc}); "
            "choose a writable .html file path"
        ) from exc
    return path
