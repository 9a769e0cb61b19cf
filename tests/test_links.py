"""Links in the built site: every internal link reaches a page that exists and, when it names an
anchor, an element with that id on that page; every external link is a well-formed https URL.
Nothing is fetched: the check reads the built HTML only."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

BASE = "http://site.invalid/"


def _pages(site: Path) -> dict[str, BeautifulSoup]:
    return {"/" + str(p.relative_to(site)): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
            for p in site.rglob("*.html")}


def _target(site: Path, path: str) -> Path | None:
    file = site / unquote(path).lstrip("/")
    if file.is_dir():
        file = file / "index.html"
    return file if file.is_file() else None


@pytest.fixture(scope="module")
def links(built_site):
    found = []
    for page, soup in _pages(built_site).items():
        for element in soup.select("a[href], link[href], script[src], img[src]"):
            found.append((page, element.get("href") or element.get("src")))
    return found


def test_every_internal_link_and_anchor_resolves(built_site, links):
    ids: dict[Path, set[str]] = {}
    broken = []
    for page, href in links:
        url = urlparse(urljoin(BASE + page.lstrip("/"), href))
        if url.scheme not in ("http", "https") or url.netloc != "site.invalid":
            continue
        target = _target(built_site, url.path)
        if target is None:
            broken.append(f"{page}: {href} (no such file)")
            continue
        if url.fragment and target.suffix == ".html":
            if target not in ids:
                soup = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                ids[target] = {e["id"] for e in soup.select("[id]")} | {e["name"] for e in soup.select("a[name]")}
            if unquote(url.fragment) not in ids[target]:
                broken.append(f"{page}: {href} (no id '{url.fragment}' on {target.relative_to(built_site)})")
    assert broken == [], "\n".join(broken)
    assert len(links) > 500, "the check must have seen the site's links"


def test_external_links_are_well_formed_https(links):
    bad = []
    for page, href in links:
        url = urlparse(href)
        if url.scheme in ("", "#"):
            continue
        if url.scheme in ("mailto",):
            continue
        if url.scheme != "https" or not url.netloc or "." not in url.netloc or " " in href:
            bad.append(f"{page}: {href}")
    assert bad == [], "\n".join(bad)
