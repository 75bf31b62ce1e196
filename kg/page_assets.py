"""How the graph page looks and behaves: colours, vis-network options, panel, CSS and script.

:mod:`kg.visualize` builds the data and the file; this module holds the rest,
all of it our own words (no article text is formatted here).

The behaviour (search, filters, card) is in :mod:`kg.page_script`.
"""

from __future__ import annotations

import html
from typing import Any

__all__ = [
    "RELATION_CLASSES",
    "DIRECTED",
    "CLAIM_KINDS",
    "DASH_FORMER",
    "DASH_CLAIM",
    "NODE_COLOR",
    "FOCUS_COLOR",
    "BIG_NODE_COLOR",
    "relation_class",
    "vis_options",
    "panel",
    "STYLE",
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
DIRECTED = set(RELATION_CLASSES["family"][2])


CLAIM_KINDS = {"hedged": "hedged claims, dotted", "negated": "negated (denied) claims"}

DASH_FORMER = [8, 6]
DASH_CLAIM = [2, 5]
NODE_COLOR = {
    "background": "#fdf6e3",
    "border": "#586e75",
    "highlight": {"background": "#fff3b0", "border": "#073642"},
    "hover": {"background": "#fff3b0", "border": "#073642"},
}
FOCUS_COLOR = {**NODE_COLOR, "background": "#ffd54f", "border": "#b26a00"}
#: Nodes of big pages have no border (cheaper to draw), so a darker fill.
BIG_NODE_COLOR = {**NODE_COLOR, "background": "#8fa8b8"}


def relation_class(relation: str) -> str:
    """The legend class (and so the colour) of a relation name.

    Examples:
        >>> relation_class("motherOf"), relation_class("spouseOf"), relation_class("feudsWith")
        ('family', 'spouse', 'other')
    """
    return _CLASS_OF.get(relation, "other")


def vis_options(physics: bool, size: int, big: int) -> dict[str, Any]:
    """vis-network options; drawing and interaction get lighter above ``big`` people.

    Edge labels follow their line only with physics: vis-network 9.1 draws the
    label of an exactly horizontal right-to-left edge at (0, 0), and fixed
    layouts (a family tree) have many such edges. Big pages draw nodes without
    a border and edges one pixel wide: at 5,000 people that halves the time of
    a frame in software-rendered Chromium (115 ms -> 50 ms).
    """
    font = {"face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"}
    light = size > big
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": size <= 100},
        "interaction": {
            "hover": True,
            "tooltipDelay": 200,
            "hideEdgesOnDrag": size > big,
            "hideEdgesOnZoom": size > 1000,
        },
        "nodes": {
            "shape": "dot",
            "borderWidth": 0 if light else 2,
            "borderWidthSelected": 3,
            "color": BIG_NODE_COLOR if light else NODE_COLOR,
            "font": {**font, "size": 15, "color": "#1b1b1b"},
        },
        "edges": {
            "smooth": False,
            "width": 1 if light else 2,
            "selectionWidth": 2,
            "font": {
                **font,
                "size": 11,
                "align": "middle" if physics else "horizontal",
                "color": "#444444",
            },
            "arrows": {"to": {"enabled": False, "scaleFactor": 0.6}},
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
            # run by the page script (network.stabilize) once its listener is in place:
            # a tiny graph can settle inside the constructor, before any listener exists
            "stabilization": {"enabled": False, "iterations": 400, "updateInterval": 25},
            "minVelocity": 1.0,
        },
    }


def panel(title: str, people: int, edges: list[dict[str, Any]], articles: int) -> str:
    """The legend, filters and search box, and the empty card.

    Only the title (escaped) comes from outside; names, sentences and article
    titles are added by the script with ``textContent``.
    """
    present: dict[str, int] = {}
    for e in edges:
        present[e["kgClass"]] = present.get(e["kgClass"], 0) + 1
    boxes = "".join(
        f'<label><input type="checkbox" data-kg-class="{cls}" checked>'
        f'<span class="kg-ln" style="border-top-color:{colour}"></span>{label} '
        f"({present[cls]})</label>"
        for cls, (label, colour, _) in RELATION_CLASSES.items()
        if cls in present
    )
    claims = {kind: sum(e.get("kgClaim") == kind for e in edges) for kind in CLAIM_KINDS}
    toggles = "".join(
        f'<label><input type="checkbox" data-kg-claim="{kind}"{" checked" * (kind == "hedged")}>'
        f"{CLAIM_KINDS[kind]} ({count})</label>"
        for kind, count in claims.items()
        if count
    )
    facts = sum("kgClaim" not in e for e in edges)
    return (
        f'<div id="kg-panel"><h1>{html.escape(title)}</h1>'
        f'<p class="kg-count" id="kg-count">{people} people \u00b7 {facts} relations</p>'
        '<div id="kg-find"><input id="kg-search" type="search" autocomplete="off" '
        'placeholder="Find a person (name or alias)" aria-label="Find a person">'
        '<ul id="kg-results" role="listbox"></ul></div>'
        f"<fieldset><legend>Relations</legend>{boxes or '<p>none</p>'}</fieldset>"
        '<ul class="kg-styles"><li><span class="kg-ln"></span>current</li>'
        '<li><span class="kg-ln kg-former"></span>former (divorced, split, ex-)</li>'
        + ('<li><span class="kg-ln kg-dotted"></span>claim, not a fact</li>' if toggles else "")
        + f"</ul>{toggles}"
        '<fieldset><legend>Source</legend><select id="kg-source" aria-label="Source article">'
        f'<option value="">all articles ({articles})</option></select></fieldset>'
        '<p class="kg-hint">Hover a person or a line for its evidence; click to pin the card.</p>'
        '</div><div id="kg-card" hidden aria-live="polite"></div>'
    )


STYLE = """<style>
html, body { margin: 0; padding: 0; height: 100%; overflow: hidden;
  font-family: system-ui, sans-serif; font-size: 13px; color: #1b1b1b; }
#mynetwork { border: 0 !important; float: none !important; }
.card { border: 0; }
#kg-panel, #kg-card { position: absolute; z-index: 10; background: rgba(255,255,255,.95);
  border: 1px solid #ccc; border-radius: 6px; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
#kg-panel { top: 10px; left: 10px; width: 270px; padding: 8px 12px;
  max-height: calc(100vh - 40px); overflow: auto; }
#kg-panel h1 { font-size: 16px; margin: 0 0 2px; overflow-wrap: anywhere; }
#kg-panel fieldset { border: 0; margin: 6px 0 0; padding: 0; }
#kg-panel legend { font-weight: 600; padding: 0; margin-bottom: 2px; }
#kg-panel label { display: block; margin: 2px 0; cursor: pointer; }
#kg-panel select { width: 100%; margin-top: 2px; }
.kg-count, .kg-hint { margin: 0; color: #555; }
.kg-hint { font-size: 11px; margin-top: 6px; }
.kg-ln { display: inline-block; width: 26px; margin: 0 6px 0 2px; vertical-align: middle;
  border-top: 3px solid #555; }
.kg-ln.kg-former { border-top-style: dashed; }
.kg-ln.kg-dotted { border-top-style: dotted; }
.kg-styles { list-style: none; margin: 4px 0; padding: 0; }
#kg-find { position: relative; margin-top: 6px; }
#kg-search { width: 100%; box-sizing: border-box; padding: 4px 6px; font: inherit; }
#kg-results { list-style: none; margin: 0; padding: 0; position: absolute; left: 0; right: 0;
  background: #fff; border: 1px solid #ccc; max-height: 260px; overflow: auto; z-index: 20; }
#kg-results:empty { display: none; }
#kg-results li { padding: 3px 6px; cursor: pointer; overflow-wrap: anywhere; }
#kg-results li.kg-active, #kg-results li:hover { background: #e8f0fe; }
.kg-alias, .kg-flag { color: #666; }
#kg-card { top: 10px; right: 10px; width: 360px; padding: 8px 12px;
  max-height: calc(100vh - 40px); overflow: auto; overflow-wrap: anywhere; }
#kg-card[hidden] { display: none; }
#kg-card h2 { font-size: 15px; margin: 0 0 4px; }
#kg-card ul { list-style: none; margin: 4px 0; padding: 0; }
#kg-card li { margin: 6px 0; }
#kg-card q { display: block; font-style: italic; margin: 2px 0 0 8px; }
#kg-card .kg-src { margin-left: 8px; color: #555; font-size: 12px; }
#kg-card button { font: inherit; border: 0; background: none; padding: 0; color: #0645ad;
  cursor: pointer; text-decoration: underline; }
.kg-more { color: #666; font-size: 12px; margin-left: 8px; }
</style>
"""
