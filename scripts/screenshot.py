"""Regenerate docs/graph.png: the demo graph (seeds/) as the page draws it in headless Chromium.

    python scripts/screenshot.py                  # build seeds/ in a temporary folder
    python scripts/screenshot.py --out output     # use an existing build
    python scripts/screenshot.py --person "Sienna Calloway" --png docs/graph.png

It opens ``graph.html`` with Debian's ``/usr/bin/chromium`` (through Playwright),
waits for the layout to settle, pins the card of one person (by default Kris
Jenner, or the best-connected person) and saves a 1400 x 900 PNG. The page's
own rules hold here too: no network request is allowed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"


def shoot(page_path: Path, png: Path, person: str | None, size: tuple[int, int]) -> Path:
    """Open ``page_path``, pin ``person``'s card, and write ``png``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        outside: list[str] = []
        page.on("request", lambda r: r.url.startswith("file:") or outside.append(r.url))
        page.goto(page_path.resolve().as_uri())
        deadline = time.monotonic() + 60
        while not page.evaluate("window.kgStable === true"):
            if time.monotonic() > deadline:
                raise SystemExit(f"{page_path}: the layout did not settle within 60 s")
            page.wait_for_timeout(100)
        target = page.evaluate(
            """(wanted) => {
              const nodes = network.body.data.nodes.get();
              const named = nodes.find((n) => n.label === wanted);
              if (named) return named.id;
              const degree = (n) => network.getConnectedNodes(n.id).length;
              const best = (a, b) => (degree(b) > degree(a) ? b : a);
              return nodes.length ? nodes.reduce(best).id : null;
            }""",
            person,
        )
        if target is not None:
            # Pin the card as a click would, without moving the view.
            page.evaluate(
                "(id) => { network.selectNodes([id]); network.emit('click', "
                "{nodes: [id], edges: [], pointer: {}}); }",
                target,
            )
            page.wait_for_timeout(300)
        png.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(png))
        browser.close()
    if outside:
        raise SystemExit(f"the page asked for the network: {outside[:3]}")
    return png


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, help="an existing build folder (default: build seeds/)")
    parser.add_argument("--png", type=Path, default=ROOT / "docs" / "graph.png")
    parser.add_argument("--person", default="Kris Jenner", help="whose card to pin")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out
        if out is None:
            from kg.pipeline import build

            out = Path(tmp) / "output"
            build([ROOT / "seeds"], out)
        page = out / "graph.html"
        if not page.exists():
            raise SystemExit(f"{page}: no graph page; run `kg build -o {out}` first")
        print(shoot(page, args.png, args.person, (args.width, args.height)), file=sys.stdout)


if __name__ == "__main__":
    main()
