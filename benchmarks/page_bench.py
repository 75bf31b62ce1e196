"""How fast the graph page opens in headless Chromium, side by side with pyvis' defaults.

For each size (people) it generates a synthetic graph (``synthetic.py``), writes
two pages of the same graph and opens each in a fresh headless Chromium
(Debian's ``/usr/bin/chromium``, through Playwright):

- **kg**: ``kg.visualize.render_html`` (positions computed in Python above 300
  people, physics off; smaller graphs stabilise in the browser, then stop);
- **pyvis defaults**: ``pyvis.network.Network(cdn_resources="in_line")`` with
  every other option left at its default, people added with ``add_node``
  (label = name, title = name) and relations with ``add_edge`` (title =
  relation), written with ``write_html``. Its Bootstrap CDN links are blocked
  (no network), which only makes it faster.

Measured, all in the page's own clock (ms since navigation start):

- *first draw*: the first ``afterDrawing`` event of the network;
- *stable*: kg's ``window.kgStable`` (first drawing once the layout is final),
  pyvis' ``stabilizationIterationsDone``; a run that has not drawn within
  ``--timeout`` seconds is reported as "no draw within N s";
- for kg, once stable, what a user does next: one zoom redraw, toggling a
  relation-class filter, and a search that focuses a person (ms each).

Not part of the test run. Usage::

    python benchmarks/page_bench.py                  # 100, 1000, 5000 people -> README.md
    python benchmarks/page_bench.py --sizes 5000 --timeout 60 --no-write
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from readme_section import revision, write_section  # noqa: E402
from synthetic import synthetic  # noqa: E402

from kg.graph import to_networkx  # noqa: E402
from kg.visualize import render_html  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]

# Installed before any page script: catches pyvis' global `network` when it is assigned.
TRAP = """
(function () {
  var value;
  Object.defineProperty(window, "network", {
    configurable: true,
    get: function () { return value; },
    set: function (v) {
      value = v;
      v.once("afterDrawing", function () { window.__firstDraw = performance.now(); });
      v.once("stabilizationIterationsDone", function () { window.__stable = performance.now(); });
    },
  });
})();
"""

ZOOM = """(() => {
  const t = performance.now();
  network.moveTo({scale: network.getScale() * 1.6, animation: false});
  network.renderer._redraw();
  return performance.now() - t;
})()"""
FILTER = """(() => {
  const box = document.querySelector("input[data-kg-class=family]");
  const t = performance.now();
  box.click();
  network.renderer._redraw();
  const spent = performance.now() - t;
  box.click();
  return spent;
})()"""
SEARCH = """(() => {
  const input = document.getElementById("kg-search");
  const t = performance.now();
  input.value = %s;
  input.dispatchEvent(new Event("input"));
  input.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter"}));
  network.renderer._redraw();
  return [performance.now() - t, network.getSelectedNodes()];
})()"""


def pyvis_default_page(
    people: list[dict[str, Any]], relations: list[dict[str, Any]], path: Path
) -> float:
    """Write the pyvis-defaults page; returns the seconds pyvis took."""
    from pyvis.network import Network

    start = time.perf_counter()
    net = Network(cdn_resources="in_line")
    for p in people:
        net.add_node(p["iri"], label=p["name"], title=p["name"])
    for r in relations:
        net.add_edge(r["subject"], r["object"], title=r["relation"])
    net.write_html(str(path))
    return time.perf_counter() - start


def open_page(path: Path, timeout: float, kg_page: bool, probe: str | None) -> dict[str, Any]:
    """Open ``path`` in a fresh Chromium and time it."""
    from playwright.sync_api import sync_playwright

    result: dict[str, Any] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        context.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith("file:") else route.abort()
            ),
        )
        if not kg_page:
            context.add_init_script(TRAP)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(path.as_uri(), wait_until="commit")
        deadline = time.monotonic() + timeout
        done = "window.kgStable === true" if kg_page else "window.__firstDraw !== undefined"
        while time.monotonic() < deadline:
            try:
                if page.evaluate(done):
                    break
            except Exception:  # noqa: BLE001 - a page still parsing
                pass
            page.wait_for_timeout(50)
        else:
            result["timeout"] = timeout
        if kg_page:
            stable = page.evaluate("window.kgStableAt")
            result.update(first_draw=stable, stable=stable)
            if "timeout" not in result:
                result["zoom_ms"] = page.evaluate(ZOOM)
                result["filter_ms"] = page.evaluate(FILTER)
                spent, selected = page.evaluate(SEARCH % json.dumps(probe))
                result["search_ms"] = spent
                result["search_found"] = bool(selected)
        else:
            result["first_draw"] = page.evaluate("window.__firstDraw")
            result["stable"] = page.evaluate("window.__stable")
        result["errors"] = errors
        browser.close()
    return result


def measure(n: int, timeout: float, repeat: int, skip_pyvis: bool) -> dict[str, Any]:
    people, relations = synthetic(n)
    graph = to_networkx(people, relations, include_claims=True)
    row: dict[str, Any] = {"people": n, "relations": graph.number_of_edges()}
    with tempfile.TemporaryDirectory() as tmp:
        ours = Path(tmp) / "kg.html"
        start = time.perf_counter()
        render_html(graph, ours)
        row["kg_python_s"] = time.perf_counter() - start
        row["kg_bytes"] = ours.stat().st_size
        runs = [open_page(ours, timeout, True, people[n // 2]["aliases"][0]) for _ in range(repeat)]
        row["kg_runs"] = runs
        for key in ("first_draw", "stable", "zoom_ms", "filter_ms", "search_ms"):
            values = [r[key] for r in runs if r.get(key) is not None]
            row[f"kg_{key}"] = statistics.median(values) if values else None
        if not skip_pyvis:
            default = Path(tmp) / "pyvis.html"
            row["pyvis_python_s"] = pyvis_default_page(people, relations, default)
            row["pyvis_bytes"] = default.stat().st_size
            row["pyvis"] = open_page(default, timeout, False, None)
    return row


def _s(ms: float | None) -> str:
    return "—" if ms is None else f"{ms / 1000:.2f} s"


def markdown(rows: list[dict[str, Any]], timeout: float) -> str:
    lines = [
        "| people | relations | page | Python writes it | file size | first draw | stable "
        "| zoom redraw | class filter | search + focus |",
        "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['people']:,} | {r['relations']:,} | kg | {r['kg_python_s']:.2f} s "
            f"| {r['kg_bytes'] / 1e6:.1f} MB | {_s(r['kg_first_draw'])} | {_s(r['kg_stable'])} "
            f"| {r['kg_zoom_ms']:.0f} ms | {r['kg_filter_ms']:.0f} ms "
            f"| {r['kg_search_ms']:.0f} ms |"
        )
        if "pyvis" in r:
            p = r["pyvis"]
            draw = (
                f"no draw within {timeout:.0f} s"
                if p.get("first_draw") is None
                else _s(p["first_draw"])
            )
            stable = f"not within {timeout:.0f} s" if p.get("stable") is None else _s(p["stable"])
            lines.append(
                f"| {r['people']:,} | {r['relations']:,} | pyvis defaults | "
                f"{r['pyvis_python_s']:.2f} s | {r['pyvis_bytes'] / 1e6:.1f} MB "
                f"| {draw} | {stable} "
                "| | | |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds per page open")
    parser.add_argument("--repeat", type=int, default=3, help="kg page opens per size (median)")
    parser.add_argument("--no-pyvis", action="store_true", help="skip the pyvis-defaults pages")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument("--no-write", action="store_true", help="print only; leave README.md alone")
    args = parser.parse_args()
    rows = []
    started = time.perf_counter()
    for n in args.sizes:
        print(f"{n} people ...", file=sys.stderr, flush=True)
        rows.append(measure(n, args.timeout, args.repeat, args.no_pyvis))
        print(json.dumps(rows[-1], default=str), file=sys.stderr, flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, default=str), encoding="utf-8")
    version = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout
    machine = f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end"
    section = (
        f"### The graph page\n\nMeasured {datetime.date.today()} at {revision()} "
        f"(`python benchmarks/page_bench.py`, {time.perf_counter() - started:.0f} s): "
        f"synthetic graphs (`benchmarks/synthetic.py`), {version.strip()} headless, {machine}; "
        f"kg figures are the median of {args.repeat} opens, pyvis' defaults are opened once "
        f"and given {args.timeout:.0f} s. Times are in the page's clock from navigation start.\n\n"
        + markdown(rows, args.timeout)
        + "\n\n*first draw*: the network's first `afterDrawing`; *stable*: kg's "
        "`window.kgStable` (drawn with its final layout, physics off), pyvis' "
        "`stabilizationIterationsDone`. *zoom redraw*, *class filter* (hide parent/child "
        "relations and the people left alone, then redraw) and *search + focus* (type a first "
        "name, Enter: select, centre, card) are what a user does next, in ms of main thread. "
        "kg's file is bigger: it carries the positions and, for the cards, every alias, "
        "evidence sentence and article; the pyvis page carries names and relation names."
    )
    print(section)
    if not args.no_write:
        print(write_section("page", section), file=sys.stderr)


if __name__ == "__main__":
    main()
