"""`make diagrams`: draw every mermaid diagram in headless Chromium (Playwright, Debian's chromium, the
vendored mermaid), so that neither the build nor a reader ever needs a browser to draw one. Two
drawings of each, in one browser:

- as the pages show it: every diagram of a build, drawn exactly as Material draws it in a reader's
  browser, stored in macros/publish/prerendered/ under its key (macros/publish/drawings.py); stored
  drawings no longer used are removed;
- as the SVG export for wikis that render no mermaid: every registered diagram
  (macros/publish/components.py) in content/exports/<name>.svg, with SVG <text> instead of HTML
  labels (an <img> in a wiki shows no foreignObject), a fixed size, and the SHA-256 of the mermaid
  source it was drawn from (data-ovc-source-sha256; tests/test_exports.py fails when the data has
  moved on).

Run it after changing anything a diagram shows (trees, criteria, options) or the mermaid/Material
versions, and commit the result; a test says when.
"""
from __future__ import annotations

import hashlib
import re
import sys
import tempfile
from pathlib import Path

from macros.data import load_site
from macros.publish import drawings
from macros.publish.components import COMPONENTS
from tools.browser import OPEN_SHADOW, launch, serve
from tools.project import ROOT, build

MERMAID = ROOT / "content" / "assets" / "vendor" / "mermaid" / "mermaid.min.js"
EXPORTS = ROOT / "content" / "exports"
# Text as SVG <text>, not HTML in <foreignObject>: pictures in wikis are shown with <img>, where
# foreignObject text would not appear.
DRAW = """async (source) => {
  mermaid.initialize({startOnLoad: false, securityLevel: "strict", theme: "default",
                      htmlLabels: false, flowchart: {htmlLabels: false},
                      fontFamily: "Helvetica, Arial, sans-serif"});
  const {svg} = await mermaid.render("ovc-diagram", source);
  return svg;
}"""


def diagrams_in(site: Path) -> dict[str, list[str]]:
    """Page path -> mermaid sources on it, in document order."""
    found = {}
    for file in sorted(site.rglob("*.html")):
        sources = drawings.sources(file.read_text(encoding="utf-8"))
        if sources:
            found[file.relative_to(site).as_posix()] = sources
    return found


def draw_pages(browser, site: Path, pages: dict[str, list[str]]) -> dict[str, str]:
    """key -> SVG markup, for every diagram on `pages`, as Material draws it on the page."""
    drawn = {}
    with serve(site) as base:
        for path, sources in pages.items():
            page = browser.new_page()
            page.add_init_script(OPEN_SHADOW)
            page.route("**/*", lambda route: route.continue_()
                       if route.request.url.startswith(base) else route.abort())
            page.goto(base + path)
            page.wait_for_function(
                f"document.querySelectorAll('div.mermaid').length === {len(sources)} && "
                "[...document.querySelectorAll('div.mermaid')].every(d => d.shadowRoot && "
                "d.shadowRoot.querySelector('svg'))", timeout=30000)
            svgs = page.evaluate("[...document.querySelectorAll('div.mermaid')]"
                                 ".map(d => d.shadowRoot.innerHTML)")
            for source, svg in zip(sources, svgs, strict=True):
                drawn[drawings.key(drawings.source_text(source))] = svg
            page.close()
    return drawn


def draw_exports(browser, sources: dict[str, str]) -> dict[str, str]:
    """name -> standalone SVG file, for wikis."""
    drawn = {}
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
    page.close()
    return drawn


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def main() -> int:
    from playwright.sync_api import sync_playwright

    site = load_site(ROOT / "data")
    with tempfile.TemporaryDirectory() as tmp:
        built = Path(tmp) / "site"
        # Keep the mermaid source in the pages to draw from.
        result = build(built, env={drawings.OFF: "1"})
        if result.returncode:
            sys.exit(result.stderr)
        with sync_playwright() as playwright:
            browser = launch(playwright)
            on_pages = draw_pages(browser, built, diagrams_in(built))
            exports = draw_exports(browser, {c.name: c.diagram(site) for c in COMPONENTS if c.diagram})
            browser.close()
    store = drawings.STORE
    store.mkdir(exist_ok=True)
    for old in store.glob("*.svg"):
        if old.stem not in on_pages:
            old.unlink()
    for diagram_key, svg in on_pages.items():
        (store / f"{diagram_key}.svg").write_text(svg + "\n", encoding="utf-8")
    print(f"{len(on_pages)} diagram(s) in {_shown(store)}")
    EXPORTS.mkdir(parents=True, exist_ok=True)
    for name, svg in exports.items():
        path = EXPORTS / f"{name}.svg"
        path.write_text(svg, encoding="utf-8")
        print(f"wrote {_shown(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
