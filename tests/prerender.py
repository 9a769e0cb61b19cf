"""`make diagrams`: draw every mermaid diagram of the site in headless Chromium, exactly as Material
draws it in a reader's browser, and store each SVG in macros/prerendered/ under its key (see
macros/diagram_hook.py). Stored drawings no longer used are removed. Run it after changing anything
a diagram shows (trees, criteria, options) or the mermaid/Material versions; a test says when.

The normal build never runs this: it only reads what is stored here.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup
from playwright.sync_api import sync_playwright

from macros import diagram_hook
from tests.support import OPEN_SHADOW, launch, mkdocs, serve



def diagrams_in(site: Path) -> dict[str, list[str]]:
    """Page path -> mermaid sources on it, in document order."""
    found = {}
    for file in sorted(site.rglob("*.html")):
        text = file.read_text(encoding="utf-8")
        sources = [m.group(1) for m in diagram_hook.FENCE.finditer(text)]
        if sources:
            found[file.relative_to(site).as_posix()] = sources
    return found


def draw(site: Path, pages: dict[str, list[str]]) -> dict[str, str]:
    """key -> SVG markup, for every diagram on `pages`."""
    drawn = {}
    with serve(site) as base, sync_playwright() as p:
        browser = launch(p)
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
                drawn[diagram_hook.key(diagram_hook.source_text(source))] = svg
            page.close()
        browser.close()
    return drawn


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        os.environ[diagram_hook.OFF] = "1"  # keep the mermaid source in the pages to draw from
        try:
            result = mkdocs("build", "--strict", "--site-dir", str(site))
        finally:
            del os.environ[diagram_hook.OFF]
        if result.returncode:
            sys.exit(result.stderr)
        drawn = draw(site, diagrams_in(site))
    store = diagram_hook.STORE
    store.mkdir(exist_ok=True)
    for old in store.glob("*.svg"):
        if old.stem not in drawn:
            old.unlink()
    for diagram_key, svg in drawn.items():
        (store / f"{diagram_key}.svg").write_text(svg + "\n", encoding="utf-8")
    print(f"{len(drawn)} diagram(s) in {store.relative_to(Path.cwd()) if store.is_relative_to(Path.cwd()) else store}")


if __name__ == "__main__":
    main()
