"""Diagrams drawn ahead of time (macros/publish/drawings.py, `make diagrams`): a drawing is only ever
shown for the exact source it was made from. When the data changes and no drawing matches yet, the
page falls back to drawing it in the browser with the site's own mermaid, deferred, and still makes
no request off this machine: not even when the site's mermaid fails to load, or the browser has no
ResizeObserver (Material would fetch either from a CDN; javascripts/no-cdn.js stands in)."""
from __future__ import annotations

import re

import pytest
from urllib.parse import urlparse

from macros.publish import drawings as diagram_hook
from tests import support
from tests.support import OPEN_SHADOW
from tests.test_browser import LOCAL
from tests.test_errors import edit
from tools.catalogue import FIXTURE


def test_a_changed_diagram_is_drawn_in_the_browser_until_redrawn(tmp_path, browser):
    project = support.copy_project(tmp_path / "project", data=FIXTURE)
    edit(project / "data" / "criteria.yml", 'short: "Sensitive data?"', 'short: "Confidential data?"')
    result = support.build(tmp_path / "site", project)
    assert result.returncode == 0, result.stderr
    # The build says which drawings are stale, where the data is, and the one command that redraws them.
    warned = [line for line in result.stderr.splitlines() if "run `make diagrams`" in line]
    assert any("the flowchart drawn for the pages" in line for line in warned), result.stderr
    assert any("content/exports/flowchart.svg" in line for line in warned), result.stderr
    assert all(re.search(r"WARNING -  data/trees\.yml:\d+: [\w-]+: ", line) for line in warned), warned
    html = (tmp_path / "site" / "hybrid-routing" / "index.html").read_text(encoding="utf-8")
    assert "ovc-diagram" not in html, "a drawing of the old tree must never be shown"
    assert '<script defer src="../assets/vendor/mermaid/mermaid.min.js">' in html

    with support.serve(tmp_path / "site") as base:
        page = browser.new_page()
        page.add_init_script(OPEN_SHADOW)
        blocked, errors = [], []

        def guard(route):
            if urlparse(route.request.url).hostname in LOCAL:
                route.continue_()
            else:
                blocked.append(route.request.url)
                route.abort()
        page.route("**/*", guard)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base + "hybrid-routing/")
        page.locator(".mermaid svg").wait_for(timeout=15000)
        labels = {" ".join(t.split()) for t in page.locator(".mermaid svg .node").all_text_contents()}
        page.close()
    assert "Confidential data?" in labels and "Sensitive data?" not in labels
    assert not blocked and not errors


def test_every_stored_drawing_is_used(built_site):
    """`make diagrams` removes drawings that no page uses any more; none are left behind."""
    used = {key for page in built_site.rglob("*.html")
            for key in re.findall(r'data-diagram="(\w+)"', page.read_text(encoding="utf-8"))}
    stored = {f.stem for f in diagram_hook.STORE.glob("*.svg")}
    assert stored == used, "run `make diagrams` to redraw and prune macros/publish/prerendered/"


def test_no_drawing_is_stale_in_the_published_site(built_site):
    """The committed drawings match the data: the build of this project warns of none."""
    result = support.build(built_site.parent / "again", support.ROOT)
    assert "run `make diagrams`" not in result.stderr, result.stderr


def open_guarded(browser, url: str, init: str = "", block: str | None = None):
    """`url` in a new page that records (and refuses) every request that would leave this machine,
    and answers 404 for requests whose URL ends with `block`."""
    page = browser.new_page()
    page.add_init_script(OPEN_SHADOW + init)
    page.remote, page.errors = [], []

    def guard(route):
        if urlparse(route.request.url).hostname not in LOCAL:
            page.remote.append(route.request.url)
            route.abort()
        elif block and urlparse(route.request.url).path.endswith(block):
            route.fulfill(status=404, body="not here")
        else:
            route.continue_()
    page.route("**/*", guard)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page


@pytest.mark.parametrize("path", ["hybrid-routing/", "embed/flowchart/"])
def test_when_mermaid_fails_to_load_nothing_is_fetched_elsewhere(site_drawn_in_browser, browser, path):
    with support.serve(site_drawn_in_browser) as base:
        page = open_guarded(browser, base + path, block="/mermaid.min.js")
        try:
            page.wait_for_function("() => [...document.querySelectorAll('div.mermaid')].some(d => d.shadowRoot)",
                                   timeout=10000)
            note = page.evaluate("document.querySelector('div.mermaid').shadowRoot.textContent")
            assert "could not be drawn" in note
            if path == "hybrid-routing/":  # the same tree as text is there to read
                assert page.locator(".ovc-outline").is_visible()
                assert page.locator(".ovc-outline li").count() > 3
            page.wait_for_timeout(300)
            assert page.remote == [] and page.errors == []
        finally:
            page.close()


@pytest.mark.parametrize("path", ["", "hybrid-routing/", "embed/cheatsheet/"])
def test_without_resize_observer_nothing_is_fetched_elsewhere(base_url, browser, path):
    page = open_guarded(browser, base_url + path, init="delete window.ResizeObserver;")
    try:
        assert page.evaluate("typeof ResizeObserver") == "function"  # the stand-in
        assert page.locator("h1, table").first.is_visible()
        page.set_viewport_size({"width": 500, "height": 700})
        page.wait_for_timeout(300)
        assert page.remote == [] and page.errors == []
    finally:
        page.close()
