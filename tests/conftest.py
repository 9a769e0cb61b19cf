"""Fixtures: the validated data, one strict build of the site per test session, that build served on
localhost, and headless Chromium."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.data import load_site
from macros.publish import drawings
from tests import support


@pytest.fixture(scope="session")
def site():
    return load_site(support.ROOT / "data")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build") / "site"
    result = support.build(out)
    assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def site_drawn_in_browser(tmp_path_factory) -> Path:
    """A strict build whose diagrams are not drawn ahead (tools/diagrams.py builds so): its pages
    draw them in the browser with the site's mermaid."""
    out = tmp_path_factory.mktemp("build-drawn-in-browser") / "site"
    result = support.build(out, env={drawings.OFF: "1"})
    assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def html(built_site):
    """Parsed built page by its URL path: html("compare/")."""
    cache = {}

    def parse(url_path: str) -> BeautifulSoup:
        if url_path not in cache:
            file = built_site / url_path / "index.html" if not url_path.endswith(".html") else built_site / url_path
            cache[url_path] = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        return cache[url_path]
    return parse


@pytest.fixture(scope="session")
def base_url(built_site):
    with support.serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    # The site's CSP forbids eval. Playwright's wait_for_function re-evaluates a bare expression with
    # eval on every poll after the first, so a wait that is not already true fails; a function
    # ("() => ...") is evaluated once and then called. Write every predicate as a function.
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = support.launch(playwright)
        yield chromium
        chromium.close()
