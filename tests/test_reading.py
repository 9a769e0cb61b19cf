"""The pages as a reader reads them, on a desk and on a phone: glossary terms, citations, review dates
and the flowchart. Every check holds for whatever the data is: it reads the built pages and the data,
never today's ids or counts.

- Glossary terms: a term opens its definition on its first use in a section only, never in a
  heading, a table header, a button, a label or legend; a tap on a phone opens it, with a link to
  its glossary entry; the keyboard opens and leaves it; it reads well in both schemes (axe-core).
- Citations: compact numbers, each leading to an entry of the page's own list of sources, numbered
  in order of first use, one number per source; each entry names the source and leads to it and to
  its entry on the Sources page; a citation of a source that does not exist fails the strict build.
- Review dates: each page that shows records says when they were last reviewed, the newest of them.
- The flowchart: its text is never drawn under 12 px, at any width, and on a phone the page does not
  scroll sideways; the text outline comes first there.
"""
from __future__ import annotations

import copy
import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests import support
from tests.test_accessibility import AXE_CONTEXT, _report
from tests.test_browser import visit  # noqa: F401  (fixture)
from tests.test_build import PAGES
from tests.test_errors import edit

PHONE = {"width": 390, "height": 844}
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
NEVER_IN = [*HEADINGS, "th", "caption", "label", "legend", "summary", "dt", "a", "code", "pre", "cite"]


def article(html, path):
    return html(path).select_one("article")


def sections(article_soup) -> list[list]:
    """The elements of the page in document order, cut at each heading: one list per section."""
    out = [[]]
    for element in article_soup.find_all(True):
        if element.name in HEADINGS:
            out.append([])
        out[-1].append(element)
    return out


# --- glossary terms ----------------------------------------------------------------------------------

@pytest.mark.parametrize("path", PAGES)
def test_a_term_opens_its_definition_once_per_section_and_never_in_headings_or_labels(html, site, path):
    page = article(html, path)
    terms = page.select("button.ovc-term")
    for section in sections(page):
        marked = [b["popovertarget"] for b in section if b.name == "button" and "ovc-term" in b.get("class", [])]
        assert len(marked) == len(set(marked)), f"{path}: a term marked twice in one section: {marked}"
    for term in terms:
        inside = [p.name for p in term.parents if p.name in NEVER_IN or p.name == "button"]
        assert not inside, f"{path}: a term inside <{inside[0]}>: {term}"
    popovers = {p["id"]: p for p in page.select("[popover].ovc-def")}
    glossary = {t.id for t in site.glossary.glossary}
    for term in terms:
        popover = popovers.get(term["popovertarget"])
        assert popover is not None, f"{path}: {term} opens nothing"
        [link] = popover.select("a[href]")
        where, _, entry = link["href"].partition("#")
        assert where == ("./" if path == "glossary/" else "../" * path.count("/") + "glossary/") and entry in glossary
    assert len(popovers) == len({t["popovertarget"] for t in terms}), f"{path}: one definition per term"


def test_a_term_is_marked_far_less_often_than_it_is_used(html, site):
    """The calculator page used 37 tooltips in 600 words: now at most one per term and section."""
    page = article(html, "calculator/")
    words = {w for t in site.glossary.glossary for w in (t.term, *t.aliases)}
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")(?!\w)")
    text = " ".join(e.get_text(" ") for e in page.find_all(["p", "li", "td", "dd"]) if not e.find_parent(class_="ovc-def"))
    used = len(pattern.findall(text))
    marked = len(page.select("button.ovc-term"))
    assert marked <= len(sections(page)) * len(site.glossary.glossary)
    assert used == 0 or marked < used


def _open_on_tap(visit, scheme: str):
    page = visit("calculator/", viewport=PHONE, color_scheme=scheme, has_touch=True, is_mobile=True)
    term = page.locator("article button.ovc-term").first
    term.scroll_into_view_if_needed()
    term.tap()
    popover = page.locator(".ovc-def:popover-open")
    popover.wait_for(timeout=5000)
    return page, term, popover


def test_a_tap_on_a_phone_opens_the_definition_with_a_link_to_its_entry(visit, html):
    page, term, popover = _open_on_tap(visit, "light")
    assert popover.get_attribute("id") == term.get_attribute("popovertarget")
    box = popover.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    assert min(box["width"], box["height"]) > 40
    link = popover.locator("a[href*='glossary/#']")
    target = link.get_attribute("href").split("#")[1]
    assert html("glossary/").select_one(f"h2#{target}"), "the link leads to the term's entry"
    assert float(popover.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 12
    page.mouse.click(5, PHONE["height"] - 5)  # a tap elsewhere closes it
    assert page.locator(".ovc-def:popover-open").count() == 0
    link.wait_for(state="hidden")
    assert not page.blocked and not page.errors


def test_the_keyboard_opens_a_definition_reaches_its_link_and_closes_it(visit):
    page = visit("compare/")
    term = page.locator("article button.ovc-term").first
    term.focus()
    page.keyboard.press("Enter")
    popover = page.locator(".ovc-def:popover-open")
    popover.wait_for(timeout=5000)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.ovc-def:popover-open') !== null"), \
        "Tab moves into the open definition"
    page.keyboard.press("Escape")
    assert page.locator(".ovc-def:popover-open").count() == 0
    assert page.evaluate("document.activeElement.classList.contains('ovc-term')"), "focus returns to the term"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_open_definition_reads_well_in_both_schemes(visit, scheme):
    page, _, popover = _open_on_tap(visit, scheme)
    colours = popover.evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
    assert colours[0] != colours[1]
    results = Axe().run(page, context={"include": [[".ovc-def:popover-open"]], **AXE_CONTEXT})
    violations = results.response["violations"]
    assert violations == [], _report(violations)


# --- citations ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", PAGES)
def test_every_citation_is_a_number_of_the_pages_list_in_order(html, site, path):
    page = article(html, path)
    marks = page.select("sup.ovc-cite a")
    listed = page.select(".ovc-references li[id]")
    assert bool(marks) == bool(listed), f"{path}: citations and a list of sources go together"
    if not marks:
        return
    entries = {li["id"]: index + 1 for index, li in enumerate(listed)}
    first_seen = []
    for mark in marks:
        target = mark["href"].removeprefix("#")
        assert target in entries, f"{path}: [{mark.get_text()}] leads to no entry of the page's list"
        assert mark.get_text() == str(entries[target]), f"{path}: {target} is numbered {mark.get_text()}, listed {entries[target]}"
        if target not in first_seen:
            first_seen.append(target)
    assert [entries[t] for t in first_seen] == list(range(1, len(entries) + 1)), f"{path}: numbered in order of first use"
    sources = site.by_id["sources"]
    anchors = {li["id"] for li in html("sources/").select("ol.ovc-sources li[id]")}
    for li in listed:
        source = sources[li["id"].removeprefix("ref-")]
        assert source.title in li.get_text(" "), li
        about = li.select_one("a.ovc-references__about")
        assert about["href"].split("#")[1] in anchors
        if source.url:
            assert li.select_one(f'cite a[href="{source.url}"]'), f"{path}: {source.id} links to its address"
        for known in (source.author, source.publisher, source.published and source.published.isoformat()):
            assert not known or known in li.get_text(), f"{path}: {source.id} lacks {known!r}"


@pytest.mark.parametrize("path", PAGES)
def test_no_source_is_named_in_brackets_after_a_sentence_any_more(html, path):
    """The "(shape the future)" style: a source's name in parentheses, a link to the Sources page."""
    text = str(article(html, path))
    assert not re.search(r'\(\s*<a href="[^"]*sources/#[\w-]+"[^>]*>[^<]*</a>\s*[,;)]', text), path
    assert "Sources:" not in article(html, path).get_text(), path


def test_a_citation_of_a_source_that_does_not_exist_fails_the_strict_build(tmp_path):
    project = support.copy_project(tmp_path / "project")
    edit(project / "content" / "faq.md", "{{ faq_list() }}",
         "A claim ([nobody](sources.md#no-such-source)).\n\n{{ faq_list() }}")
    result = support.build(tmp_path / "site", project)
    assert result.returncode != 0
    assert "no-such-source" in result.stderr and "Traceback" not in result.stderr


# --- review dates ------------------------------------------------------------------------------------

@pytest.mark.parametrize("path, kinds", [("compare/", ["dimensions"]), ("faq/", ["faq"]), ("sources/", ["sources"]),
                                         ("glossary/", ["glossary"]), ("cheat-sheet/", ["cheatsheet", "options"]),
                                         ("helper/", ["criteria", "shortlist"])])
def test_a_page_says_when_the_records_it_shows_were_last_reviewed(html, site, path, kinds):
    [line] = article(html, path).select(".ovc-reviewed")
    newest = max(r.reviewed for kind in kinds for r in site.by_id[kind].values())
    assert line.get_text(" ", strip=True) == f"Reviewed {newest.isoformat()}"
    assert line.find_previous_sibling("h1"), "under the page's title"


def test_a_pages_own_review_date_counts_and_a_wrong_one_is_refused(tmp_path):
    project = support.copy_project(tmp_path / "project")
    edit(project / "content" / "deep-dives" / "cost.md", "render_macros: true", "render_macros: true\nreviewed: 2026-01-02")
    result = support.build(tmp_path / "site", project)
    assert result.returncode == 0, result.stderr
    assert "Reviewed <time datetime=\"2026-01-02\">" in (tmp_path / "site/deep-dives/cost/index.html").read_text()
    edit(project / "content" / "deep-dives" / "cost.md", "reviewed: 2026-01-02", "reviewed: last week")
    result = support.build(tmp_path / "site2", project)
    assert result.returncode != 0
    assert "content/deep-dives/cost.md: reviewed: expected the date the page was last checked" in result.stderr


def test_exports_keep_their_sources_column(built_site):
    """Numbers on the pages; in a table export each record names its sources in full."""
    import csv
    for path in sorted((built_site / "exports").glob("*.csv")):
        header = next(csv.reader(path.read_text(encoding="utf-8").splitlines()))
        if path.stem != "sources":
            assert "Sources" in header, path.name


# --- the flowchart -------------------------------------------------------------------------------------

LABEL_SIZES = """() => [...document.querySelectorAll(".ovc-diagram")].flatMap(frame => {
    const svg = frame.shadowRoot.querySelector("svg");
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return [...svg.querySelectorAll(".node .label, .edgeLabel, text")]
        .filter(e => e.textContent.trim())
        .map(e => parseFloat(getComputedStyle(e).fontSize) * scale);
})"""


@pytest.mark.parametrize("width", [390, 768, 1280])
def test_flowchart_labels_are_never_drawn_under_12_px(visit, width):
    page = visit("hybrid-routing/", viewport={"width": width, "height": 900})
    sizes = page.evaluate(LABEL_SIZES)
    assert sizes and min(sizes) >= 12, f"at {width} px the smallest label is {min(sizes):.1f} px"
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page itself never scrolls sideways"


def test_on_a_phone_the_outline_comes_first_and_the_drawing_scrolls_within_its_frame(visit):
    page = visit("hybrid-routing/", viewport=PHONE)
    outline, drawing = page.locator("article .ovc-outline"), page.locator("article .ovc-diagram")
    assert outline.bounding_box()["y"] < drawing.bounding_box()["y"], "the text outline first on a phone"
    frame = drawing.evaluate("f => [f.scrollWidth, f.clientWidth, f.tabIndex]")
    assert frame[0] > frame[1] and frame[2] == 0, "a frame that scrolls, reachable by keyboard"
    assert page.locator("article .ovc-diagram-hint").is_visible()
    desk = visit("hybrid-routing/", viewport={"width": 1280, "height": 900})
    assert desk.locator("article .ovc-diagram").bounding_box()["y"] < desk.locator("article .ovc-outline").bounding_box()["y"]
    assert not desk.locator("article .ovc-diagram-hint").is_visible()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_cost_charts_labels_are_drawn_whole(visit, width):
    """Every tick and axis label of the calculator's chart that is shown lies inside the drawing (the
    last volume, "100k", once lost its last letters on a phone)."""
    page = visit("calculator/", viewport={"width": width, "height": 900})
    outside = page.locator("#ovc-chart").evaluate("""svg => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll("text")].filter(t => t.textContent.trim()).map(t => [t.textContent, t.getBoundingClientRect()])
            .filter(([, r]) => r.width > 0).filter(([, r]) => r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
            .map(([text]) => text);
    }""")
    assert page.locator("#ovc-chart text").count() > 0
    assert outside == [], f"at {width} px"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_cost_charts_legend_keys_are_drawn_as_their_lines(visit, scheme):
    """Each route's key in the legend has its line's colour, in both schemes (in light, a shorthand
    `border-top` once drew every key in the text colour)."""
    page = visit("calculator/", color_scheme=scheme)
    pairs = page.evaluate("""() => [...document.querySelectorAll("#ovc-chart polyline[data-route]")].map(line => {
        const key = document.querySelector(".ovc-chart__key--" + line.dataset.route);
        return [line.dataset.route, getComputedStyle(line).stroke, key && getComputedStyle(key).borderTopColor];
    })""")
    assert pairs
    for route, stroke, key in pairs:
        assert key == stroke, (route, stroke, key)
    assert len({stroke for _, stroke, _ in pairs}) == len(pairs), "each route its own colour"


# --- no traces of the build ----------------------------------------------------------------------------

# Words about how the site is made rather than about its subject. They belong on the editors' pages
# (front matter `audience: editors`), never on a page readers read.
BUILD_WORDS = re.compile(
    r"\b(?:the build\w*|build (?:checks?|fails?|prints?|writes?)|seeds?(?![\w-])|YAML|[\w-]+\.ya?ml|data files?|Jinja|"
    r"macros? (?:call|render)\w*|fixtures?|test suite|make (?:build|test|serve|check))\b", re.I)


def reader_pages() -> list[str]:
    """Nav pages meant for readers: all but those whose front matter says `audience: editors`."""
    import yaml
    out = []
    for source in support.nav_pages():
        text = (support.ROOT / "content" / source).read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}
        if (meta or {}).get("audience") != "editors":
            out.append(support.page_url(source))
    return out


def test_the_detector_finds_build_words_and_leaves_plain_words_alone():
    for trace in ("the build checks that they agree", "one seed cites it", "see data/faq.yml",
                  "every data file", "The Build prints a warning"):
        assert BUILD_WORDS.search(trace), trace
    for plain in ("build on an open model", "teams that build it into their systems"):
        assert not BUILD_WORDS.search(plain), plain


def test_there_are_pages_for_readers_and_pages_for_editors():
    readers = reader_pages()
    assert readers and len(readers) < len(PAGES), "the editors' pages must say `audience: editors`"


@pytest.mark.parametrize("path", reader_pages())
def test_a_reader_page_says_nothing_about_how_the_site_is_built(html, path):
    body = copy.copy(article(html, path))  # the parsed pages are shared: change a copy
    for hidden in body.select("script, style, template, code, pre, .ovc-embed-code"):
        hidden.decompose()
    text = " ".join(body.get_text(" ").split())
    found = [text[max(0, m.start() - 50):m.end() + 30] for m in BUILD_WORDS.finditer(text)]
    assert not found, f"{path}: words about how the site is built, for readers: {found}"
