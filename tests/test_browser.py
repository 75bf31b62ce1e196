"""The rendered page in a real headless Chromium: offline, searchable, filterable, inert."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from helpers import relation

from kg.graph import to_networkx
from kg.visualize import LAYOUT_THRESHOLD, render_html

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason=f"{CHROMIUM} missing: apt-get install -y chromium"
    ),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

EX = "http://example.org/person/"
XSS_NAME = '<img src=x onerror="window.__xss=1">'
XSS_SENTENCE = "Kim met him. </script><script>window.__xss=2</script>"
XSS_URL = "javascript:window.__xss=3"


def person(key, name, aliases=()):
    return {"iri": EX + key, "name": name, "type": "Person", "aliases": list(aliases)}


def rel(s, relation_name, o, sentence="They are family.", url=None, **flags):
    return relation(s, relation_name, o, sentence, title=f"News <i>{s}</i>", url=url, **flags)


PEOPLE = [
    person("kris", "Kris Jenner", ["Momager"]),
    person("khloe", "Khloé Kardashian", ["Koko"]),
    person("kim", "Kim Kardashian"),
    person("lamar", "Lamar Odom"),
    person("kylie", "Kylie Jenner"),
    person("xss", XSS_NAME, ["<b>x</b>"]),
    person("loner", "Lonely Person"),
]
RELATIONS = [
    rel("kris", "motherOf", "khloe", "Kris Jenner is Khloe's mom."),
    rel("kris", "parentOf", "khloe"),
    rel("kris", "motherOf", "kim"),
    rel("khloe", "siblingOf", "kim"),
    rel("khloe", "spouseOf", "lamar", "Khloe divorced Lamar Odom.", former=True),
    rel("kim", "friendOf", "xss", XSS_SENTENCE, url=XSS_URL),
    rel("lamar", "partnerOf", "kylie", "Lamar reportedly dates Kylie.", fact=False, hedged=True),
    rel("kylie", "engagedTo", "lamar", "Kylie is not engaged.", fact=False, negated=True),
]
HIDDEN = "network.body.data.{}.get({{filter: function (x) {{ return x.hidden; }}}}).map(function (x) {{ return x.id; }}).sort()"  # noqa: E501


@pytest.fixture(scope="module")
def small_graph():
    return to_networkx(PEOPLE, RELATIONS, include_claims=True)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


class Opened:
    """A page opened from a file, with every request and error it produced."""

    def __init__(self, browser, path: Path):
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1200, "height": 800})
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri())
        # Poll from Python: the page's CSP forbids the eval that wait_for_function uses.
        deadline = time.monotonic() + 60
        while not self.page.evaluate("window.kgStable === true"):
            assert time.monotonic() < deadline, "the layout never stabilised"
            self.page.wait_for_timeout(100)

    def js(self, expression: str):
        return self.page.evaluate(expression)

    def position(self, iri: str) -> dict:
        return self.page.evaluate(f"network.getPositions([{iri!r}])[{iri!r}]")

    def hover_canvas(self, x: float, y: float) -> None:
        """Bring a point given in network coordinates to the middle of the screen, and hover it."""
        self.js(f"network.moveTo({{position: {{x: {x}, y: {y}}}, scale: 1, animation: false}})")
        box = self.page.locator("#mynetwork").bounding_box()
        dom = self.js(f"network.canvasToDOM({{x: {x}, y: {y}}})")
        self.page.mouse.move(box["x"] + dom["x"] - 3, box["y"] + dom["y"])
        self.page.mouse.move(box["x"] + dom["x"], box["y"] + dom["y"])
        self.page.wait_for_timeout(250)

    def hover_node(self, key: str) -> None:
        pos = self.position(EX + key)
        self.hover_canvas(pos["x"], pos["y"])

    def hover_edge(self, a: str, b: str) -> None:
        p, q = self.position(EX + a), self.position(EX + b)
        self.hover_canvas((p["x"] + q["x"]) / 2, (p["y"] + q["y"]) / 2)

    def hidden(self, kind: str) -> list[str]:
        return self.js(HIDDEN.format(kind))

    def card(self) -> str:
        return self.page.locator("#kg-card").inner_text()


@pytest.fixture
def opened(browser, small_graph, tmp_path):
    page = Opened(browser, render_html(small_graph, tmp_path / "graph.html", title="Test"))
    yield page
    page.page.close()


def edge_ids(graph, keep) -> list[str]:
    """The page's ids (e0, e1, ... in sorted edge order) of the edges ``keep(data)`` selects."""
    edges = sorted(graph.edges(keys=True))
    return sorted(f"e{i}" for i, (u, v, k) in enumerate(edges) if keep(graph.edges[u, v, k]))


# ------------------------------------------------------------------ loading


def test_page_is_offline_and_error_free(opened):
    assert opened.requests and all(url.startswith("file://") for url in opened.requests)
    assert not [u for u in opened.requests if u.startswith(("http://", "https://"))]
    assert opened.errors == []


def test_dataset_matches_graph_and_physics_stops(opened, small_graph):
    assert opened.js("network.body.data.nodes.length") == small_graph.number_of_nodes()
    assert opened.js("network.body.data.edges.length") == small_graph.number_of_edges()
    assert opened.js("network.physics.physicsEnabled") is False
    assert opened.page.locator("#kg-panel").is_visible()
    assert opened.page.locator("#kg-card").is_hidden()


# ------------------------------------------------------------------ search


def test_search_by_alias_focuses_the_person(opened):
    opened.page.fill("#kg-search", "momager")
    items = opened.page.locator("#kg-results li")
    assert items.all_inner_texts() == ["Kris Jenner (Momager)"]
    opened.page.press("#kg-search", "Enter")
    assert opened.js("network.getSelectedNodes()") == [EX + "kris"]
    view, pos = opened.js("network.getViewPosition()"), opened.position(EX + "kris")
    assert abs(view["x"] - pos["x"]) < 1 and abs(view["y"] - pos["y"]) < 1
    assert opened.page.locator("#kg-card h2").inner_text() == "Kris Jenner"
    assert items.count() == 0 and opened.errors == []


@pytest.mark.parametrize(
    ("typed", "first"),
    [("KHLOE", "Khloé Kardashian"), ("kardash", "Khloé Kardashian"), ("lamar o", "Lamar Odom")],
)
def test_search_ignores_case_and_accents(opened, typed, first):
    opened.page.fill("#kg-search", typed)
    assert opened.page.locator("#kg-results li").first.inner_text() == first
    opened.page.locator("#kg-results li").first.dispatch_event("mousedown")
    assert opened.page.input_value("#kg-search") == first
    [selected] = opened.js("network.getSelectedNodes()")
    assert opened.js(f"network.body.data.nodes.get({selected!r}).label") == first


def test_search_keys_and_misses(opened):
    opened.page.fill("#kg-search", "kardashian")
    assert opened.page.locator("#kg-results li").all_inner_texts() == [
        "Khloé Kardashian",
        "Kim Kardashian",
    ]
    opened.page.press("#kg-search", "ArrowDown")
    opened.page.press("#kg-search", "Enter")
    assert opened.js("network.getSelectedNodes()") == [EX + "kim"]
    opened.page.fill("#kg-search", "zzz")
    assert opened.page.locator("#kg-results li").count() == 0


def test_search_finds_a_person_hidden_by_filters(opened):
    opened.page.uncheck("input[data-kg-class=friend]")
    assert EX + "xss" in opened.hidden("nodes")
    opened.page.fill("#kg-search", "img")
    opened.page.press("#kg-search", "Enter")
    assert opened.js("network.getSelectedNodes()") == [EX + "xss"]
    assert EX + "xss" not in opened.hidden("nodes")  # the filters were cleared to show them
    assert opened.page.is_checked("input[data-kg-class=friend]")


# ------------------------------------------------------------------ filters


def test_relation_class_filter_hides_edges_and_people_left_alone(opened, small_graph):
    assert opened.hidden("edges") == edge_ids(small_graph, lambda d: d.get("negated"))
    assert opened.hidden("nodes") == []
    opened.page.uncheck("input[data-kg-class=spouse]")
    assert opened.hidden("edges") == edge_ids(
        small_graph, lambda d: d.get("negated") or d["relation"] == "spouseOf"
    )
    # Lamar still has a (hedged) partner; only people with no relation left disappear
    assert opened.hidden("nodes") == [EX + "loner"]
    opened.page.uncheck("input[data-kg-class=family]")
    opened.page.uncheck("input[data-kg-class=partner]")
    shown = {EX + "khloe", EX + "kim", EX + "xss"}  # sibling and friend edges are left
    assert set(opened.hidden("nodes")) == {iri for iri in small_graph if iri not in shown}
    for box in ("spouse", "family", "partner"):
        opened.page.check(f"input[data-kg-class={box}]")
    assert opened.hidden("nodes") == []
    assert opened.page.locator("#kg-count").inner_text() == "7 people \u00b7 6 relations"
    assert opened.errors == []


def test_source_filter_keeps_one_articles_relations(opened, small_graph):
    options = opened.page.locator("#kg-source option").all_inner_texts()
    assert options[0] == "all articles (5)"
    assert "News <i>kris</i> (3)" in options  # the title is text, <i> and all
    opened.page.select_option("#kg-source", label="News <i>kris</i> (3)")
    from_kris = edge_ids(small_graph, lambda d: d["sources"] == ["art-kris"])
    shown = sorted(set(opened.js("network.body.data.edges.getIds()")) - set(opened.hidden("edges")))
    assert shown == from_kris and len(shown) == 3  # motherOf twice, parentOf
    assert sorted(set(small_graph) - set(opened.hidden("nodes"))) == [
        EX + "khloe", EX + "kim", EX + "kris",
    ]  # fmt: skip
    opened.page.select_option("#kg-source", value="")
    assert opened.hidden("nodes") == []


def test_claim_toggles(opened, small_graph):
    hedged = edge_ids(small_graph, lambda d: d.get("hedged"))
    negated = edge_ids(small_graph, lambda d: d.get("negated"))
    assert opened.hidden("edges") == negated  # hedged claims show, dotted; negated ones wait
    opened.page.uncheck("input[data-kg-claim=hedged]")
    assert opened.hidden("edges") == sorted(hedged + negated)
    opened.page.check("input[data-kg-claim=negated]")
    assert opened.hidden("edges") == hedged
    dashes = opened.js(f"network.body.data.edges.get({negated[0]!r}).dashes")
    assert dashes == [2, 5]
    assert opened.errors == []


# ------------------------------------------------------------------ hover card


def test_person_card_shows_aliases_relations_and_linked_evidence(opened):
    opened.hover_node("kris")
    card = opened.page.locator("#kg-card")
    assert card.is_visible()
    assert card.locator("h2").inner_text() == "Kris Jenner"
    text = opened.card()
    assert "also known as: Momager" in text
    assert "motherOf \u2192 Khloé Kardashian" in text and "motherOf \u2192 Kim Kardashian" in text
    assert "Kris Jenner is Khloe's mom." in text
    link = card.locator("a", has_text="News <i>kris</i>").first
    assert link.get_attribute("href") == "https://news.example/kris"
    assert link.get_attribute("rel") == "noopener noreferrer"
    # a relative in the card is a button that focuses them
    card.locator("button", has_text="Kim Kardashian").click()
    assert opened.js("network.getSelectedNodes()") == [EX + "kim"]
    assert card.locator("h2").inner_text() == "Kim Kardashian"


def test_relation_card_shows_status_and_evidence(opened):
    opened.hover_edge("khloe", "lamar")
    text = opened.card()
    assert text.startswith("Khloé Kardashian spouseOf Lamar Odom")
    assert "status: former" in text and "Khloe divorced Lamar Odom." in text
    assert "News <i>khloe</i> [art-khloe]" in text
    opened.page.mouse.move(5, 790)  # away from everything: the unpinned card goes
    opened.page.wait_for_timeout(500)
    assert opened.page.locator("#kg-card").is_hidden()


def test_xss_probes_stay_text_in_labels_cards_and_search(opened):
    xss = EX + "xss"
    assert opened.js(f"network.body.data.nodes.get({xss!r}).label") == XSS_NAME
    opened.hover_node("xss")
    assert opened.page.locator("#kg-card h2").inner_text() == XSS_NAME
    assert "also known as: <b>x</b>" in opened.card()
    opened.hover_edge("kim", "xss")
    assert XSS_SENTENCE in opened.card()
    # the javascript: URL is shown as the article's title, never made a link
    assert opened.js("document.querySelectorAll('#kg-card a').length") == 0
    assert "News <i>kim</i> [art-kim]" in opened.card()
    opened.page.fill("#kg-search", "img src")
    assert opened.page.locator("#kg-results li").first.inner_text() == XSS_NAME
    opened.page.fill("#kg-search", "<b>")
    assert opened.page.locator("#kg-results li").first.inner_text() == f"{XSS_NAME} (<b>x</b>)"
    pos = opened.position(xss)
    opened.hover_canvas(pos["x"], pos["y"])
    opened.page.mouse.down()
    opened.page.mouse.up()
    opened.page.wait_for_timeout(300)
    assert opened.js("typeof window.__xss") == "undefined"
    assert opened.js("document.querySelectorAll('img, b, i, a[href^=javascript]').length") == 0
    assert opened.errors == []


def test_xss_in_the_heading_of_a_focused_page(browser, small_graph, tmp_path):
    opened = Opened(browser, render_html(small_graph, tmp_path / "f.html", focus="<b>x</b>"))
    try:
        heading = f"{XSS_NAME} and everyone within 2 steps"
        assert opened.page.locator("#kg-panel h1").inner_text() == heading
        assert opened.page.title() == heading
        assert opened.page.locator("#kg-card h2").inner_text() == XSS_NAME  # pinned
        assert opened.js("network.getSelectedNodes()") == [EX + "xss"]
        assert opened.js("typeof window.__xss") == "undefined"
        assert opened.js("document.querySelectorAll('img, b').length") == 0
        assert opened.errors == []
    finally:
        opened.page.close()


# ------------------------------------------------------------------ layouts


def test_family_layout_puts_parents_above_children(browser, small_graph, tmp_path):
    opened = Opened(browser, render_html(small_graph, tmp_path / "fam.html", layout="family"))
    try:
        y = {key: opened.position(EX + key)["y"] for key in ("kris", "khloe", "kim", "lamar")}
        assert y["kris"] < y["khloe"] == y["kim"] == y["lamar"]
        assert opened.js("network.physics.physicsEnabled") is False
        assert opened.errors == []
    finally:
        opened.page.close()


@pytest.mark.parametrize("layout", ["force", "family"])
@pytest.mark.parametrize("people", [0, 1])
def test_empty_and_single_person_pages_settle(browser, tmp_path, layout, people):
    graph = to_networkx([{"iri": "solo", "name": "Solo"}][:people], [])
    opened = Opened(browser, render_html(graph, tmp_path / "tiny.html", layout=layout))
    try:
        assert opened.js("network.body.data.nodes.length") == people
        assert (
            opened.page.locator("#kg-count").inner_text() == f"{people} people \u00b7 0 relations"
        )
        assert opened.errors == []
    finally:
        opened.page.close()


def test_big_graph_draws_with_precomputed_layout(browser, tmp_path):
    n = LAYOUT_THRESHOLD + 50
    people = [{"iri": f"p{i:04d}", "name": f"Person {i}"} for i in range(n)]
    relations = [
        {"subject": f"p{i // 3:04d}", "relation": "parentOf", "object": f"p{i:04d}", "fact": True}
        for i in range(1, n)
    ]
    graph = to_networkx(people, relations)
    opened = Opened(browser, render_html(graph, tmp_path / "big.html"))
    try:
        assert opened.js("network.body.data.nodes.length") == n
        assert opened.js("network.physics.physicsEnabled") is False
        # Physics is off, so nodes stay where Python put them (getPositions rounds).
        given = opened.js("network.body.data.nodes.get('p0001')")
        drawn = opened.position("p0001")
        assert abs(drawn["x"] - given["x"]) <= 1 and abs(drawn["y"] - given["y"]) <= 1
        assert opened.errors == []
        assert all(url.startswith("file://") for url in opened.requests)
    finally:
        opened.page.close()


# ------------------------------------------------------------------ the demo build


@pytest.fixture(scope="module")
def seeds_build(tmp_path_factory, seeds_dir):
    from kg.pipeline import build, render
    from kg.store import Store

    out = tmp_path_factory.mktemp("browser-seeds")
    build([seeds_dir], out)
    render(out, out / "focus.html", focus="Kris Jenner", depth=2)
    render(out, out / "family.html", layout="family")
    with Store.open(out / "store") as store:
        return out, store.people(), store.relations()


def test_seeds_page_counts_equal_the_store(browser, seeds_build):
    out, people, relations = seeds_build
    opened = Opened(browser, out / "graph.html")
    try:
        assert opened.js("network.body.data.nodes.length") == len(people)
        assert opened.js("network.body.data.edges.length") == len(relations)
        ids = set(opened.js("network.body.data.nodes.getIds()"))
        assert ids == {p["iri"] for p in people}
        facts = sum(r["fact"] for r in relations)
        assert (
            opened.page.locator("#kg-count").inner_text()
            == f"{len(people)} people \u00b7 {facts} relations"
        )
        opened.page.fill("#kg-search", "kris jenner")
        opened.page.press("#kg-search", "Enter")
        [kris] = [p["iri"] for p in people if p["name"] == "Kris Jenner"]
        assert opened.js("network.getSelectedNodes()") == [kris]
        assert "Khloe Kardashian" in opened.card()
        assert opened.errors == [] and all(u.startswith("file://") for u in opened.requests)
    finally:
        opened.page.close()


def test_seeds_focus_and_family_pages(browser, seeds_build):
    out, people, _ = seeds_build
    iri = {p["name"]: p["iri"] for p in people}
    opened = Opened(browser, out / "focus.html")
    try:
        ids = set(opened.js("network.body.data.nodes.getIds()"))
        assert {iri["Kris Jenner"], iri["Khloe Kardashian"], iri["Lamar Odom"]} <= ids
        assert len(ids) < len(people)
        assert opened.page.locator("#kg-card h2").inner_text() == "Kris Jenner"
    finally:
        opened.page.close()
    opened = Opened(browser, out / "family.html")
    try:
        kris, khloe = opened.position(iri["Kris Jenner"]), opened.position(iri["Khloe Kardashian"])
        assert kris["y"] < khloe["y"]
        assert opened.errors == []
    finally:
        opened.page.close()
