"""`make diagrams` (its second half): draw every registered diagram (macros/components.py) as a
standalone SVG in content/exports/<name>.svg, for wikis that render no mermaid. Uses headless
Chromium (Playwright, Debian's chromium) and the vendored mermaid, so the normal build never needs a
browser.

The SVG records the SHA-256 of the mermaid source it was drawn from (data-ovc-source-sha256);
tests/test_exports.py fails when the data has changed since: run `make diagrams` and commit.
"""
from __future__ import annotations

import hashlib
import re
import sys

from macros.components import COMPONENTS
from macros.site import load_site
from tests import support

MERMAID = support.ROOT / "content" / "assets" / "vendor" / "mermaid" / "mermaid.min.js"
OUT = support.ROOT / "content" / "exports"
# Text as SVG <text>, not HTML in <foreignObject>: pictures in wikis are shown with <img>, where
# foreignObject text would not appear.
DRAW = """async (source) => {
  mermaid.initialize({startOnLoad: false, securityLevel: "strict", theme: "default",
                      htmlLabels: false, flowchart: {htmlLabels: false},
                      fontFamily: "Helvetica, Arial, sans-serif"});
  const {svg} = await mermaid.render("ovc-diagram", source);
  return svg;
}"""


def draw(sources: dict[str, str]) -> dict[str, str]:
    from playwright.sync_api import sync_playwright
    drawn = {}
    with sync_playwright() as playwright:
        browser = support.launch(playwright)
        page = browser.new_page()
        page.route("**/*", lambda route: route.abort())  # nothing leaves this machine
        page.set_content("<!doctype html><html><head><meta charset='utf-8'></head><body></body></html>")
        page.add_script_tag(content=MERMAID.read_text(encoding="utf-8"))
        for name, source in sources.items():
            svg = page.evaluate(DRAW, source)
            digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
            svg = re.sub(r"^<svg\b", f'<svg data-ovc-source-sha256="{digest}"', svg, count=1)
            # A fixed size (from the viewBox) instead of width="100%": an <img> in a wiki needs one.
            width, height = re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"', svg).groups()
            svg = re.sub(r' width="100%"', f' width="{round(float(width))}" height="{round(float(height))}"',
                         svg, count=1)
            svg = re.sub(r' style="max-width: [\d.]+px;"', "", svg, count=1)
            drawn[name] = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                           f"<!-- Drawn by `make diagrams` from /exports/{name}.mmd; do not edit. -->\n"
                           + svg + "\n")
        browser.close()
    return drawn


def main() -> int:
    site = load_site(support.ROOT / "data")
    sources = {c.name: c.diagram(site) for c in COMPONENTS if c.diagram}
    OUT.mkdir(parents=True, exist_ok=True)
    for name, svg in draw(sources).items():
        path = OUT / f"{name}.svg"
        path.write_text(svg, encoding="utf-8")
        print(f"wrote {path.relative_to(support.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
