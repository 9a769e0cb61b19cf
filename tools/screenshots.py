"""`make screenshots`: every page in light and dark, at desktop and phone width, into screenshots/.

For people to look at before calling a page done; not a test.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tools.browser import launch, serve
from tools.project import ROOT, build, nav_pages, page_url

PAGES = [page_url(p) for p in nav_pages()]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def main(pages: list[str]) -> None:
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        result = build(Path(tmp) / "site")
        if result.returncode:
            sys.exit(result.stderr)
        with serve(Path(tmp) / "site") as base, sync_playwright() as p:
            browser = launch(p)
            for scheme in ("light", "dark"):
                for name, viewport in VIEWPORTS.items():
                    page = browser.new_page(viewport=viewport, color_scheme=scheme)
                    for path in pages:
                        page.goto(base + path)
                        page.wait_for_load_state("networkidle")
                        page.wait_for_timeout(300)
                        slug = path.strip("/") or "home"
                        page.screenshot(path=out / f"{slug}-{scheme}-{name}.png", full_page=True)
                    page.close()
            browser.close()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main(sys.argv[1:] or PAGES)
