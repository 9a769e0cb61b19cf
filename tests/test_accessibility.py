"""Accessibility, as axe-core judges it, on every page in the light and the dark scheme: zero
violations. Plus what axe cannot judge alone: generated tables have captions and header cells, the
flowchart has an accessible title, description and a text equivalent, and the pages work by keyboard."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from macros.publish import drawings as diagram_hook
from macros.render import pages as render
from tests.test_browser import visit  # noqa: F401  (fixture)
from tests.test_build import PAGES

SCHEMES = {"light": "default", "dark": "slate"}
_axe = Axe()
# Left out: Material's JavaScript adds a <nav class="md-code__nav"> to every code block, all with the
# same name, which axe's best-practice rule landmark-unique (moderate) reports; none of it is ours.
AXE_CONTEXT = {"exclude": [[".md-code__nav"]]}


def _report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_axe_violations(visit, path, scheme):
    page = visit(path, color_scheme="dark" if scheme == "dark" else "light")
    assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
    if page.locator("pre.mermaid, div.mermaid").count():
        page.locator(".mermaid svg").first.wait_for(timeout=15000)
    results = _axe.run(page, context=AXE_CONTEXT)
    violations = results.response["violations"]
    assert violations == [], _report(violations)


@pytest.mark.parametrize("path", PAGES)
def test_tables_have_header_cells_and_generated_ones_captions(html, path):
    for table in html(path).select("article table"):
        assert table.select("thead th"), f"{path}: a table without header cells"
    for table in html(path).select("article .ovc-table table"):  # generated from data
        assert table.find("caption") and table.caption.get_text(strip=True), f"{path}: a table without caption"
        for header in table.select("th"):
            assert header.get("scope") in ("col", "row", "rowgroup", "colgroup"), f"{path}: {header}"


def test_flowchart_has_title_description_and_text_equivalent(html, visit, site):
    # The page shows the drawing made ahead of time (macros/diagram_hook.py); its source is the macro's.
    source = render.flowchart(site)
    assert "accTitle: " in source and "accDescr: " in source
    [drawn] = html("hybrid-routing/").select(".ovc-diagram")
    assert drawn["data-diagram"] == diagram_hook.key(source.removeprefix("```mermaid\n").removesuffix("```\n"))
    outline = html("hybrid-routing/").select_one(".ovc-outline")
    assert outline and outline.select("li"), "the flowchart needs a text equivalent"
    page = visit("hybrid-routing/")
    svg = page.locator(".mermaid svg")
    svg.wait_for(timeout=15000)
    assert svg.get_attribute("role") == "graphics-document document"
    assert page.locator(".mermaid svg title").first.text_content().strip()
    assert page.locator(".mermaid svg desc").first.text_content().strip()


def test_keyboard_alone_reaches_the_content_and_shows_focus(visit):
    """Tab from the top: the skip link comes first, then links in order, each visibly focused."""
    page = visit("cheat-sheet/")
    page.keyboard.press("Tab")
    first = page.evaluate("document.activeElement.className")
    assert "md-skip" in first, "the first Tab should reach 'Skip to content'"
    page.keyboard.press("Enter")
    reached = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => { const e = document.activeElement;
            const s = getComputedStyle(e);
            return {inArticle: !!e.closest('article'), outline: s.outlineStyle !== 'none' || s.boxShadow !== 'none',
                    href: e.getAttribute('href') || ''}; }""")
        if info["inArticle"]:
            reached.add(info["href"])
            assert info["outline"], f"focus is not visible on {info['href']}"
    assert any(href.startswith("#option-") for href in reached), "recommendations are reachable by Tab"
