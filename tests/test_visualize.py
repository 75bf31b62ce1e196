"""kg.visualize: the offline HTML page (no browser here; see test_browser.py)."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import relation

from kg import visualize
from kg.errors import KGError, UnknownNameError
from kg.graph import to_networkx
from kg.names import UnknownPersonError
from kg.visualize import LAYOUT_THRESHOLD, RELATION_CLASSES, page_data, render_html

EX = "http://example.org/person/"
XSS_NAME = '<img src=x onerror="window.__xss=1">'
XSS_SENTENCE = "</script><script>window.__xss=2</script> and \u2028 & 'quotes'"


def person(key, name, aliases=()):
    return {"iri": EX + key, "name": name, "type": "Person", "aliases": list(aliases)}


def rel(s, relation_name, o, sentence="They are family.", **flags):
    return relation(s, relation_name, o, sentence, url=f"https://news.example/{s}?a=1&b=2", **flags)


@pytest.fixture
def graph():
    people = [
        person("kris", "Kris Jenner", ["Momager"]),
        person("khloe", "Khloe Kardashian"),
        person("lamar", "Lamar Odom"),
        person("kim", "Kim Kardashian"),
        person("xss", XSS_NAME, ["<b>bold</b>"]),
        person("href", "Sherfa href Link"),
        person("loner", "Lonely Person"),
    ]
    relations = [
        rel("kris", "motherOf", "khloe", "Kris Jenner is Khloe's mom."),
        rel("kris", "parentOf", "khloe"),
        rel("khloe", "siblingOf", "kim"),
        rel("khloe", "spouseOf", "lamar", "Khloe divorced Lamar.", former=True),
        rel("kim", "friendOf", "xss", XSS_SENTENCE),
        rel("href", "feudsWith", "kim"),
        rel("lamar", "partnerOf", "kim", "Lamar reportedly dates Kim.", fact=False, hedged=True),
        rel("kim", "engagedTo", "lamar", "Kim is not engaged.", fact=False, negated=True),
    ]
    return to_networkx(people, relations, include_claims=True)


class _Tags(HTMLParser):
    """Every (tag, attribute, value) outside script/style text."""

    def __init__(self):
        super().__init__()
        self.tags, self.attrs = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(tag, name, value or "") for name, value in attrs]


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


def _tag_attrs(page: str):
    return _parse(page).attrs


def _data_lines(page: str) -> str:
    """The lines that carry article text: the DataSets and the card data."""
    lines = [line for line in page.splitlines() if "new vis.DataSet(" in line]
    lines += re.findall(r'<script type="application/json" id="kg-data">(.*?)</script>', page)
    return "\n".join(lines)


def test_page_is_written_and_names_appear(graph, tmp_path):
    out = render_html(graph, tmp_path / "sub" / "graph.html", title="Kardashians")
    assert out == tmp_path / "sub" / "graph.html"
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    for name in ("Kris Jenner", "Khloe Kardashian", "Lamar Odom", "Lonely Person"):
        assert f'"label":"{name}"' in page
    assert "<title>Kardashians</title>" in page
    assert "parent / child" in page and "former" in page  # the legend


def test_no_remote_resources(graph, tmp_path):
    page = render_html(graph, tmp_path / "g.html").read_text(encoding="utf-8")
    refs = [(tag, value) for tag, name, value in _tag_attrs(page) if name in ("src", "href")]
    assert not [r for r in refs if re.match(r"\s*(https?:)?//", r[1], re.I)], refs
    assert "bootstrap" not in page.lower() and "cdn.jsdelivr" not in page
    # The article url is there, but only as text inside the JSON data.
    assert "https://news.example/kris?a=1\\u0026b=2" in _data_lines(page)
    assert "Content-Security-Policy" in page


def test_untrusted_text_is_escaped(graph, tmp_path):
    page = render_html(graph, tmp_path / "g.html", title="<b>x</b>").read_text(encoding="utf-8")
    assert "<img src=x onerror" not in page
    assert "<script>window.__xss" not in page
    assert "<b>bold</b>" not in page and "<title>&lt;b&gt;x&lt;/b&gt;</title>" in page
    data = _data_lines(page)
    assert '\\u003cimg src=x onerror=\\"window.__xss=1\\"\\u003e' in data
    assert "\\u003c/script\\u003e\\u003cscript\\u003ewindow.__xss=2" in data
    assert "\\u2028" in data and "\u2028" not in data
    assert "'" not in data and "\\u0027quotes\\u0027" in data
    assert "</script" not in data
    # The page has exactly its own five scripts: utils, vis-network, the drawing, the
    # card data (JSON, not run) and the controls.
    assert _parse(page).tags.count("script") == 5
    assert ("script", "type", "application/json") in _parse(page).attrs
    # A name with "href" must not switch pyvis to its innerHTML tooltip.
    assert "innerHTML = nodeData" not in page


def test_page_data_styles(graph):
    data = page_data(graph)
    nodes, edges = data.nodes, data.edges
    assert data.physics
    by_label = {(e["from"][len(EX) :], e["label"]): e for e in edges}
    spouse = by_label["khloe", "spouseOf"]
    mother = by_label["kris", "motherOf"]
    assert spouse["dashes"] == [8, 6] and "arrows" not in spouse
    assert "dashes" not in mother and mother["arrows"] == "to"
    assert mother["color"] == RELATION_CLASSES["family"][1]
    assert spouse["color"] == RELATION_CLASSES["spouse"][1]
    assert by_label["href", "feudsWith"]["color"] == RELATION_CLASSES["other"][1]
    assert by_label["href", "feudsWith"]["kgClass"] == "other"
    hedged = by_label["lamar", "partnerOf"]
    negated = by_label["kim", "not engagedTo"]
    # dotted = hedged, drawn; negated claims start hidden behind their toggle
    assert (hedged["dashes"], hedged["hidden"], hedged["kgClaim"]) == ([2, 5], False, "hedged")
    assert (negated["dashes"], negated["hidden"], negated["kgClaim"]) == ([2, 5], True, "negated")
    assert "hidden" not in mother and "kgClaim" not in mother
    assert "smooth" in by_label["kris", "parentOf"]  # parallel to motherOf, curved apart
    # no vis-network tooltips at all: the card is built by the page script, as text
    assert not [r for r in nodes + edges if "title" in r]
    sentences = [data.evidence[i][0] for i in spouse["kgEvidence"]]
    assert sentences == ["Khloe divorced Lamar."]
    [article] = [data.articles[a] for a in spouse["kgSources"]]
    assert article == ["art-khloe", "News about khloe", "https://news.example/khloe?a=1&b=2"]
    node = {n["id"][len(EX) :]: n for n in nodes}
    assert node["kris"]["aliases"] == ["Momager"] and "aliases" not in node["kim"]
    assert node["kim"]["size"] > node["loner"]["size"]


def test_evidence_shared_by_two_relations_is_stored_once(graph):
    data = page_data(graph)
    by_label = {(e["from"][len(EX) :], e["label"]): e for e in data.edges}
    # parentOf and siblingOf were read in the same default sentence of different articles
    texts = [tuple(ev) for ev in data.evidence]
    assert len(texts) == len(set(texts))
    assert (
        by_label["kris", "parentOf"]["kgEvidence"] != by_label["khloe", "siblingOf"]["kgEvidence"]
    )


def test_family_layout_gives_fixed_rows(graph):
    data = page_data(graph, layout="family")
    assert not data.physics
    y = {n["id"][len(EX) :]: n["y"] for n in data.nodes}
    assert y["kris"] < y["khloe"] == y["kim"] == y["lamar"]
    with pytest.raises(UnknownNameError, match="Unknown layout 'tree'. Available: family, force"):
        page_data(graph, layout="tree")


def test_focus_draws_the_ego_graph(graph, tmp_path):
    page = render_html(graph, tmp_path / "f.html", focus="khloe kardashian", depth=1)
    text = page.read_text(encoding="utf-8")
    assert "<title>Khloe Kardashian and everyone within 1 step</title>" in text
    labels = set(re.findall(r'"label":"([^"]+)"', _data_lines(text)))
    assert {"Khloe Kardashian", "Kris Jenner", "Kim Kardashian", "Lamar Odom"} <= labels
    assert "Lonely Person" not in labels and "Sherfa href Link" not in labels
    assert f'"focus":"{EX}khloe"' in text
    with pytest.raises(UnknownPersonError, match="did you mean Kris Jenner"):
        render_html(graph, tmp_path / "g.html", focus="Kriss Jenner")
    assert not (tmp_path / "g.html").exists()


def test_focus_title_is_escaped(graph, tmp_path):
    text = render_html(graph, tmp_path / "x.html", focus="<b>bold</b>").read_text()
    assert "<title>&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt; and everyone" in text
    assert "<h1>&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt; and everyone" in text


def test_vis_network_style_sheet_is_left_out(graph, tmp_path):
    text = render_html(graph, tmp_path / "g.html").read_text()
    assert visualize._vis_css() not in text
    assert _parse(text).tags.count("style") == 2  # the template's #mynetwork rule, and ours


def test_same_graph_same_bytes(graph, tmp_path):
    a = render_html(graph, tmp_path / "a.html").read_bytes()
    b = render_html(graph, tmp_path / "b.html").read_bytes()
    assert a == b


def test_big_graph_gets_positions_and_no_physics(tmp_path):
    n = LAYOUT_THRESHOLD + 20
    people = [{"iri": f"p{i:04d}", "name": f"Person {i}"} for i in range(n)]
    relations = [
        {"subject": f"p{i // 2:04d}", "relation": "parentOf", "object": f"p{i:04d}", "fact": True}
        for i in range(1, n)
    ]
    g = to_networkx(people, relations)
    data = page_data(g)
    assert not data.physics and all("x" in node and "y" in node for node in data.nodes)
    a = render_html(g, tmp_path / "a.html").read_bytes()
    assert a == render_html(g, tmp_path / "b.html").read_bytes()
    assert b'"physics":{"barnesHut"' in a and b'"enabled":false' in a


def test_failed_write_keeps_the_old_file(graph, tmp_path, monkeypatch):
    path = tmp_path / "graph.html"
    path.write_text("old page")

    def crash(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(visualize.os, "fsync", crash)
    with pytest.raises(KGError, match="graph.html: cannot write the graph page"):
        render_html(graph, path)
    assert path.read_text() == "old page"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html"]  # no temp file left


def test_failed_render_keeps_the_old_file(graph, tmp_path, monkeypatch):
    path = tmp_path / "graph.html"
    path.write_text("old page")

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(visualize.os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        render_html(graph, path)
    assert path.read_text() == "old page"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html"]


def test_new_file_is_world_readable(graph, tmp_path):
    path = render_html(graph, tmp_path / "g.html")
    assert os.stat(path).st_mode & 0o644 == 0o644


def test_directory_as_path_is_a_clear_error(graph, tmp_path):
    (tmp_path / "graph.html").mkdir()
    with pytest.raises(KGError, match="choose a writable .html file path"):
        render_html(graph, tmp_path / "graph.html")


def test_empty_graph_renders(tmp_path):
    page = render_html(to_networkx([], []), Path(tmp_path / "e.html")).read_text()
    assert "0 people" in page
    assert page_data(to_networkx([], []), layout="family").nodes == []
