"""Search, as a reader uses it: Material's own search box in headless Chromium, against the built site.
The site's own terms lead first to the pages about them; hyphenated words are one word ("lock-in" is
not "lock" or "in"); citations, review dates and the definitions a page only opens are not search
text, so no result reads "Sources: 3 2 1 · reviewed ...".

The queries are the site's structure (its pages and what they are about), not today's data: the one
title that comes from the data (the guide's) is read from it."""
from __future__ import annotations

import json
import random
import re

import msgspec
import pytest

from macros.render import pages as render
from tests.test_browser import visit  # noqa: F401  (fixture)

# (query, the page its first result must be)
QUERIES = [
    ("lock-in", "deep-dives/vendor-lock-in/"),
    ("vendor lock-in", "deep-dives/vendor-lock-in/"),
    ("break-even", "calculator/"),
    ("break-even calculator", "calculator/"),
    ("cheat sheet", "cheat-sheet/"),
    ("decision helper", "helper/"),
    ("hybrid routing", "hybrid-routing/"),
    ("model catalogue", "models/"),
    ("use cases", "use-cases/"),
    ("safety debate", "deep-dives/safety-debate/"),
    ("transparency", "deep-dives/transparency/"),
    ("security and privacy", "deep-dives/security-privacy/"),
    ("landscape", "landscape/"),
    ("embed", "embed/"),
    ("glossary", "glossary/"),
    ("sources", "sources/"),
    ("access routes", "access/"),
    ("frequently asked questions", "faq/"),
    ("what open means", "what-open-means/"),
    ("why teams choose", "why-teams-choose/"),
    ("compare", "compare/"),
]


@pytest.fixture(scope="module")
def search(browser, base_url):
    """Type a query into the site's search box; the pages of the results, in order, and the first
    result's text."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base_url) else route.abort())
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    box = page.locator("input.md-search__input")

    def run(query: str) -> tuple[list[str], str]:
        box.click()
        box.fill("")
        page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
        box.press_sequentially(query, delay=10)
        page.locator(".md-search-result__item").first.wait_for(timeout=10000)
        # The results for the last key, not for a prefix: the list read twice, 300 ms apart, the same
        # (on a busy machine the worker may answer a prefix's query after the last key is typed).
        links = page.locator(".md-search-result__item > a.md-search-result__link")
        hrefs, before = None, []
        for _ in range(40):
            page.wait_for_timeout(300)
            hrefs = links.evaluate_all("links => links.map(a => a.href)")
            if hrefs == before:
                break
            before = hrefs
        pages = [re.sub(r"[?#].*$", "", href).removeprefix(base_url) for href in hrefs]
        return pages, page.locator(".md-search-result__item").first.inner_text()

    yield run
    page.close()


@pytest.mark.parametrize("query, expected", QUERIES)
def test_the_sites_own_terms_lead_first_to_the_page_about_them(search, query, expected):
    pages, _ = search(query)
    assert pages[0] == expected, f"{query!r}: {pages[:5]}"


def test_the_guide_is_found_by_its_title(search, site):
    pages, _ = search(render.guide_title(site))
    assert pages[0] == "guide/", pages[:5]


def test_a_hyphenated_word_is_one_word(search, base_url, built_site):
    """"lock-in" finds what "lock-in" finds as a word, not every page with a word starting "in"."""
    pages, _ = search("lock-in")
    texts = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    holding = {doc["location"].split("#")[0] for doc in texts
               if re.search(r"lock-in", doc["title"] + " " + doc["text"], re.I)}
    assert set(pages) <= holding, set(pages) - holding


def test_results_read_as_the_pages_text_not_as_citations(search):
    for query, _ in QUERIES[:5]:
        _, first = search(query)
        assert not re.search(r"Sources:|[Rr]eviewed \d{4}-|\[\d+(, \d+)*\]", first), f"{query!r}: {first[:200]}"


def test_citations_review_dates_and_definitions_are_not_search_text(built_site, site):
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert docs
    definitions = [" ".join(t.definition.split()) for t in site.glossary.glossary if len(t.definition) > 40]
    # The licences' own words, quoted on their pages, may hold a footnote mark of their own ("[1]"),
    quotes = [" ".join(e.quote.split()) for licence in site.licences.licences
              for term in msgspec.structs.asdict(licence.terms).values() if term is not None
              for t in (term if isinstance(term, list) else [term]) for e in t.evidence if e.quote]
    # ...and so may a developer's words that a model page quotes from its card (cards.yml).
    quotes += [" ".join(q.rstrip(".").split()) for card in site.cards.cards
               for q in (card.quote, card.inherited.quote if card.inherited else "") if q]
    for doc in docs:
        text = doc["title"] + " " + doc["text"]
        for quote in quotes:
            text = text.replace(quote, "")
        assert not re.search(r"Sources:|Reviewed \d{4}-\d\d-\d\d|\[\d+(, \d+)*\]", text), doc["location"]
        if not doc["location"].startswith("glossary/"):
            assert not [d for d in definitions if d in text], f"{doc['location']}: a definition it only opens"


def test_every_first_letter_of_a_word_finds_pages(browser, base_url, built_site):
    """Typing one letter or digit shows the pages with words that start with it, and the search
    worker says nothing in the console. (lunr 2.3.9 merged two states of its word list when words held
    digits, and "v" then threw and showed no results: macros/plugin/search-query.js.)"""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    starts = {word[0] for doc in index["docs"] for word in separator.split((doc["title"] + " " + doc["text"]).casefold())
              if word and word[0] in "abcdefghijklmnopqrstuvwxyz0123456789"}
    assert len(starts) > 20
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base_url) else route.abort())
    said = []
    page.on("console", lambda m: m.type in ("error", "warning") and said.append(m.text))
    page.on("pageerror", lambda e: said.append(str(e)))
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    empty = []
    for start in sorted(starts):
        box.fill("")
        page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
        box.press_sequentially(start)
        try:
            page.locator(".md-search-result__item").first.wait_for(timeout=5000)
        except Exception:
            empty.append(start)
    page.close()
    assert not empty and not said, (empty, said[:3])


def test_table_cells_are_words_of_their_own(built_site):
    """No two table cells of a built page touch: the search index reads a page's text without its
    tags, so "<td>0.10</td><td>0.40</td>" was the one word "0.100.40" in search and its results."""
    touching = re.compile(r"</t[dh]>(?:</tr>)?(?:</thead>|</tbody>)?(?:<tbody>)?(?:<tr[^>]*>)?<t[dh][ >]")
    pages = list(built_site.rglob("index.html"))
    assert pages
    glued = [str(p.relative_to(built_site)) for p in pages if touching.search(p.read_text(encoding="utf-8"))]
    assert not glued, glued[:5]


def test_the_search_workers_word_list_holds_the_words_it_was_given(browser, built_site):
    """The automaton lunr builds from the index's words (a prefix query walks it) lists exactly those
    words, for words full of digits (prices, versions) too: lunr 2.3.9 alone lists words that no page
    holds, and a query that reaches one throws and shows no results (macros/plugin/search-query.js).
    The built worker, run by Chromium on many seeded words."""
    rng = random.Random(2026)
    words = sorted({"".join(rng.choice("0123456789.v") for _ in range(rng.randint(1, 10))) for _ in range(20000)})
    page = browser.new_page()
    page.add_script_tag(content=(built_site / "javascripts" / "search-worker.js").read_text(encoding="utf-8"))
    listed = page.evaluate("(words) => lunr.TokenSet.fromArray(words).toArray().sort()", words)
    page.close()
    assert sorted(listed) == words, sorted(set(listed) ^ set(words))[:5]
