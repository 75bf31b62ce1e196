"""The rendered page in a real headless Chromium: offline, no errors, nothing injected."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

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


def person(key, name, aliases=()):
    return {"iri": EX + key, "name": name, "type": "Person", "aliases": list(aliases)}


def rel(s, relation, o, sentence="They are family.", **flags):
    evidence = [
        {
            "sentence": sentence,
            "article_id": f"art-{s}",
            "title": f"News <i>{s}</i>",
            "url": f"https://news.example/{s}",
            "start": 0,
            "end": len(sentence),
            "rule": "test.v1",
        }
    ]
    return {
        "subject": EX + s,
        "relation": relation,
        "object": EX + o,
        "fact": True,
        "former": False,
        "hedged": False,
        "negated": False,
        "evidence": evidence,
        **flags,
    }


@pytest.fixture(scope="module")
def small_graph():
    people = [
        person("kris", "Kris Jenner", ["Momager"]),
        person("khloe", "Khloe Kardashian"),
        person("kim", "Kim Kardashian"),
        person("lamar", "Lamar Odom"),
        person("kylie", "Kylie Jenner"),
        person("xss", XSS_NAME, ["<b>x</b>"]),
        person("loner", "Lonely Person"),
    ]
    relations = [
        rel("kris", "motherOf", "khloe", "Kris Jenner is Khloe's mom."),
        rel("kris", "parentOf", "khloe"),
        rel("kris", "motherOf", "kim"),
        rel("khloe", "siblingOf", "kim"),
        rel("khloe", "spouseOf", "lamar", "Khloe divorced Lamar Odom.", former=True),
        rel("kim", "friendOf", "xss", XSS_SENTENCE),
        rel(
            "lamar", "partnerOf", "kylie", "Lamar reportedly dates Kylie.", fact=False, hedged=True
        ),
        rel("kylie", "engagedTo", "lamar", "Kylie is not engaged.", fact=False, negated=True),
    ]
    return to_networkx(people, relations, include_claims=True)


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

    def hover_canvas(self, x: float, y: float) -> None:
        """Move the mouse to a point given in network (canvas) coordinates."""
        box = self.page.locator("#mynetwork").bounding_box()
        dom = self.page.evaluate(f"network.canvasToDOM({{x: {x}, y: {y}}})")
        self.page.mouse.move(box["x"] + dom["x"], box["y"] + dom["y"])
        self.page.wait_for_timeout(400)

    def position(self, iri: str) -> dict:
        return self.page.evaluate(f"network.getPositions([{iri!r}])[{iri!r}]")


@pytest.fixture
def opened(browser, small_graph, tmp_path):
    page = Opened(browser, render_html(small_graph, tmp_path / "graph.html", title="Test"))
    yield page
    page.page.close()


def test_page_is_offline_and_error_free(opened):
    assert opened.requests and all(url.startswith("file://") for url in opened.requests)
    assert not [u for u in opened.requests if u.startswith(("http://", "https://"))]
    assert opened.errors == []


def test_dataset_matches_graph_and_physics_stops(opened, small_graph):
    assert opened.js("network.body.data.nodes.length") == small_graph.number_of_nodes()
    assert opened.js("network.body.data.edges.length") == small_graph.number_of_edges()
    assert opened.js("network.physics.physicsEnabled") is False
    assert opened.page.locator("#kg-legend").is_visible()


def test_xss_probes_stay_text(opened):
    xss = EX + "xss"
    assert opened.js(f"network.body.data.nodes.get({xss!r}).label") == XSS_NAME
    pos = opened.position(xss)
    opened.hover_canvas(pos["x"], pos["y"])
    tooltip = opened.page.locator(".vis-tooltip")
    assert XSS_NAME in tooltip.inner_text()
    kim = opened.position(EX + "kim")
    opened.hover_canvas((pos["x"] + kim["x"]) / 2, (pos["y"] + kim["y"]) / 2)
    assert "</script><script>window.__xss=2</script>" in tooltip.inner_text()
    opened.page.mouse.click(*_dom(opened, pos))  # neighbourhood highlight runs too
    opened.page.wait_for_timeout(300)
    assert opened.js("typeof window.__xss") == "undefined"
    assert opened.js("document.querySelectorAll('img, #mynetwork b, #mynetwork i').length") == 0
    assert opened.errors == []


def _dom(opened, pos):
    box = opened.page.locator("#mynetwork").bounding_box()
    dom = opened.js(f"network.canvasToDOM({{x: {pos['x']}, y: {pos['y']}}})")
    return box["x"] + dom["x"], box["y"] + dom["y"]


def test_edge_tooltip_shows_evidence(opened):
    a, b = opened.position(EX + "khloe"), opened.position(EX + "lamar")
    opened.hover_canvas((a["x"] + b["x"]) / 2, (a["y"] + b["y"]) / 2)
    text = opened.page.locator(".vis-tooltip").inner_text()
    assert "spouseOf" in text and "status: former" in text
    assert "Khloe divorced Lamar Odom." in text
    assert "News <i>khloe</i> [art-khloe] https://news.example/khloe" in text


def test_claim_toggles(opened):
    hidden = "network.body.data.edges.get({filter: function (e) { return e.hidden; }}).length"
    assert opened.js(hidden) == 2
    opened.page.check("input[data-kg-claim=hedged]")
    assert opened.js(hidden) == 1
    opened.page.check("input[data-kg-claim=negated]")
    assert opened.js(hidden) == 0
    opened.page.uncheck("input[data-kg-claim=hedged]")
    assert opened.js(hidden) == 1
    assert opened.errors == []


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
