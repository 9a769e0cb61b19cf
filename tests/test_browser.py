"""What a reader sees, in headless Chromium against the built site on localhost: the flowchart is drawn
as SVG from the data, no request leaves this machine, and the console stays clean."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.support import OPEN_SHADOW
from tests.test_build import PAGES

LOCAL = {"127.0.0.1", "localhost"}


@pytest.fixture
def visit(browser, base_url):
    """Open a page with every non-local request blocked and recorded, and console errors collected."""
    opened = []

    def open_page(path: str, **context):
        page = browser.new_page(**context)
        page.add_init_script(OPEN_SHADOW)
        page.blocked, page.errors = [], []

        def guard(route):
            if urlparse(route.request.url).hostname in LOCAL:
                route.continue_()
            else:
                page.blocked.append(route.request.url)
                route.abort()
        page.route("**/*", guard)
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        opened.append(page)
        return page

    yield open_page
    for page in opened:
        page.close()


def test_flowchart_renders_to_svg_with_the_data_labels(visit, site):
    page = visit("hybrid-routing/")
    svg = page.locator(".mermaid svg")
    svg.wait_for(timeout=15000)
    labels = set(page.locator(".mermaid svg .node").all_text_contents())
    labels = {" ".join(label.split()) for label in labels}
    tree = site.trees.trees[0]
    criteria = site.by_id["criteria"]
    expected = {tree.entry} | {criteria[n.criterion].short for n in tree.nodes} | {
        site.get("options", b.next).name for n in tree.nodes for b in n.branches
        if b.next in site.by_id["options"]}
    assert labels == expected
    assert page.locator(".mermaid svg .edgeLabel").count() >= len(expected) - 1
    assert svg.bounding_box()["height"] > 300
    assert not page.blocked and not page.errors


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_page_makes_no_request_off_this_machine_and_logs_no_error(visit, path, scheme):
    page = visit(path, color_scheme=scheme)
    page.wait_for_timeout(200)
    diagrams = page.locator(".mermaid")
    for index in range(diagrams.count()):  # every diagram on the page is drawn, not left as source
        diagrams.nth(index).locator("svg").first.wait_for(timeout=15000)
    assert page.blocked == []
    assert page.errors == []
    assert page.locator("h1").first.is_visible()


def test_compare_table_reads_as_cards_on_a_phone(visit, site):
    page = visit("compare/", viewport={"width": 390, "height": 844})
    row = page.locator("table#comparison tr#transparency")
    assert row.evaluate("r => getComputedStyle(r).display") == "block"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the page must not scroll sideways on a phone"


def test_search_finds_a_page_offline(visit):
    page = visit("")
    page.keyboard.press("/")  # Material's shortcut to the search box
    page.locator("input.md-search__input").press_sequentially("vendor", delay=30)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10000)
    assert "vendor" in results.first.inner_text().casefold()
    assert not page.blocked and not page.errors


@pytest.mark.parametrize("width", [1280, 390])
def test_dates_and_column_headings_do_not_break_inside(visit, width):
    """A crowded table may wrap text, but not split a date ("2026-11-" / "21") or a heading ("Mo|del")."""
    page = visit("freshness/", viewport={"width": width, "height": 900})
    page.evaluate("document.querySelectorAll('article details').forEach(d => { d.open = true; })")
    lines = page.evaluate("""() => [...document.querySelectorAll("article time")]
        .map(t => t.getClientRects().length)""")
    assert lines and set(lines) == {1}
    if width == 1280:
        page = visit("use-cases/", viewport={"width": width, "height": 900})
        split = page.evaluate("""() => [...document.querySelectorAll("article .ovc-table thead th")]
            .filter(th => { const r = document.createRange(); r.selectNodeContents(th);
                            return th.textContent.trim().split(/\\s+/).length === 1 && r.getClientRects().length > 1; })
            .map(th => th.textContent.trim())""")
        assert split == []


@pytest.mark.parametrize("path", ["compare/", "cheat-sheet/", "use-cases/", "models/", "what-open-means/"])
def test_table_captions_span_the_card_list_on_a_phone(visit, path):
    """On a phone the rows of a table are cards; its caption must read across, not one letter a line."""
    page = visit(path, viewport={"width": 390, "height": 844})
    ratios = page.evaluate("""() => [...document.querySelectorAll("article table.ovc-stack")]
        .map(t => t.caption.getBoundingClientRect().width / t.getBoundingClientRect().width)""")
    assert ratios and min(ratios) > 0.8, ratios
