"""The catalogue's own pages, built and in headless Chromium: one page per model and per licence, the
filterable table of every model on /models/ (complete without script), and the comparison. Every
expectation is computed from the data, never from today's ids or counts."""
from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlparse

import pytest

from macros.render import catalogue, labels
from tests.test_accessibility import AXE_CONTEXT, _axe, _report
from tests.test_browser import visit  # noqa: F401  (the fixture: a page with every outside request blocked)

SECTIONS = ("openness", "licence", "offers", "lifecycle", "transparency", "access", "sources")


def _text(node) -> str:
    return " ".join(node.get_text().split())


def _heading(node) -> str:
    return _text(node).removesuffix("¶").strip()


@pytest.fixture(scope="module")
def rows(site):
    return catalogue.model_rows(site)


def _rich_model(site):
    """A shown model with offers and an openness record, if the data has one (else the first)."""
    covered = {o.model for o in site.openness.openness if o.osai}
    priced = {o.model for o in site.offers.offers}
    shown = catalogue.shown_models(site)
    return next((m for m in shown if m.id in covered and m.id in priced), next(
        (m for m in shown if m.id in priced), shown[0]))


# --- built HTML ---------------------------------------------------------------------------------------------

def test_every_shown_model_and_every_licence_has_its_page(site, built_site, html):
    for model in catalogue.shown_models(site):
        page = html(f"models/{model.id}/")
        assert _heading(page.select_one("article h1")) == model.name
        assert [h["id"] for h in page.select("article h2[id]")][:len(SECTIONS)] == list(SECTIONS)
    for licence in site.licences.licences:
        page = html(f"licences/{licence.id}/")
        assert _heading(page.select_one("article h1")) == licence.name
        links = {a["href"] for a in page.select("article #models + ul a")} | {
            a["href"] for a in page.select("article ul a")}
        for model in catalogue.shown_models(site):
            if model.licence == licence.id:
                assert f"../../models/{model.id}/" in links, f"{licence.id}: no link to {model.id}"


def test_model_pages_are_in_search_and_the_sitemap(site, built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    located = {d["location"].split("#")[0] for d in index["docs"]}
    for model in catalogue.shown_models(site):
        assert f"/models/{model.id}/</loc>" in sitemap
        assert f"models/{model.id}/" in located
    for licence in site.licences.licences:
        assert f"/licences/{licence.id}/</loc>" in sitemap


def test_a_model_page_shows_its_offers_terms_and_sources(site, html):
    model = _rich_model(site)
    page = html(f"models/{model.id}/")
    offers = [o for o in site.offers.offers if o.model == model.id]
    table = page.select_one("#offers ~ .ovc-table table") if offers else None
    if offers:
        assert len(table.select("tbody tr")) == len(offers)
        assert {a["href"] for a in table.select("a")} >= {p.url for o in offers for p in o.provenance}
    evidence = {a["href"] for a in page.select("article a")}
    assert {p.url for p in model.provenance} <= evidence
    licence = site.by_id["licences"].get(model.licence) if model.licence else None
    if licence and licence.url:
        assert licence.url in evidence
    if licence and not licence.stub:
        assert len(page.select(".ovc-terms dt")) == len(catalogue.term_rows(licence))
    record = next((o for o in site.openness.openness if o.model == model.id and o.osai), None)
    if record:
        grid = page.select_one("#openness ~ .ovc-table table")
        assert len(grid.select("tbody tr")) == len(record.osai.dimensions)


def test_offer_prices_read_as_the_offers_have_them(site, html):
    """Every price a model page shows is the offer's price, not a rounding of it (a cached input at
    US$0.0028 once read "0.00", as if free)."""
    by_model = {m.id: catalogue.model_offers(site, m.id) for m in catalogue.shown_models(site)}
    assert any(by_model.values())
    for model, offers in by_model.items():
        if not offers:
            continue
        table = html(f"models/{model}/").select_one("#offers ~ .ovc-table table")
        for tr, offer in zip(table.select("tbody tr"), offers):
            for label, value in (("Input", offer.input), ("Output", offer.output), ("Cached input", offer.cached_input)):
                cell = _text(tr.select_one(f'td[data-label="{label}"]'))
                assert (cell == labels.NONE) if value is None else float(cell) == value, (model, offer.host, label, cell)


def test_catalogue_table_has_every_shown_model_with_its_link_and_filter_data(html, rows):
    page = html("models/")
    table = page.select_one("table#catalogue")
    trs = table.select("tbody tr")
    assert [tr["data-id"] for tr in trs] == [r["model"].id for r in rows]
    assert [th["data-key"] for th in table.select("thead th")] == list(labels.CATALOGUE)
    for tr, row in zip(trs, rows):
        m = row["model"]
        assert tr.th.a["href"] == f"{m.id}/", "the name links to the model's page"
        assert _text(tr.th) == m.name
        assert tr["data-openness"] == m.openness
        assert set(tr["data-flags"].split()) == {k for k, v in row["flags"].items() if v}
        assert len(tr.find_all(["th", "td"])) == len(labels.CATALOGUE)
    assert _text(page.select_one("[data-ovc-count]")) == f"{len(rows)} of {len(rows)} models"
    assert page.select_one("[data-ovc-filters]").has_attr("hidden"), "filters need the script: hidden without it"


def test_compare_page_carries_every_shown_model(html, rows):
    page = html("models/compare/")
    data = json.loads(page.select_one("#ovc-compare-data").string)
    assert list(data["models"]) == [r["model"].id for r in rows]
    assert data["max"] == labels.COMPARE_MAX
    assert [o["value"] for o in page.select("select[name=m] option")] == [r["model"].id for r in rows]


# --- in the browser ------------------------------------------------------------------------------------------

def _count(page) -> str:
    return page.locator("[data-ovc-count]").inner_text()


def _visible_ids(page) -> list[str]:
    """The rows shown once the table has settled: a change shows the rows in view first, the rest of
    the result a frame later, with the table aria-busy meanwhile."""
    page.wait_for_selector("#catalogue:not([aria-busy])", state="attached")
    return page.eval_on_selector_all("#catalogue tbody tr:not([hidden])", "rs => rs.map(r => r.dataset.id)")


def _wait_shown(page, n: int) -> None:
    page.wait_for_function("() => !document.querySelector('#catalogue[aria-busy]') && "
                           f"document.querySelectorAll('#catalogue tbody tr:not([hidden])').length === {n}")


ROWS = labels.CATALOGUE_ROWS


def _first(ids: list[str]) -> list[str]:
    """The rows the script shows of those matching: the first ROWS until "Show all"."""
    return ids[:ROWS]


def _says(count: str, matching: int, total: int) -> bool:
    head = f"{matching} of {total} models"
    return count.startswith(head) and (str(ROWS) in count[len(head):]) == (matching > ROWS)


def test_filters_count_and_address(visit, rows):
    page = visit("models/", viewport={"width": 1280, "height": 900})
    assert page.errors == [] and page.blocked == []
    total = len(rows)
    openness = rows[0]["model"].openness
    page.locator(f'input[name="openness"][value="{openness}"]').check()
    expected = [r["model"].id for r in rows if r["model"].openness == openness]
    assert _visible_ids(page) == _first(expected)
    assert _says(_count(page), len(expected), total)
    page.wait_for_url(lambda url: parse_qs(urlparse(url).query).get("openness") == [openness])
    page.locator('input[name="has"][value="self-host"]').check()
    both = [i for i in expected if next(r for r in rows if r["model"].id == i)["flags"]["self-host"]]
    assert _visible_ids(page) == _first(both)
    page.wait_for_url(lambda url: "self-host" in parse_qs(urlparse(url).query).get("has", [""])[0])
    page.go_back()
    _wait_shown(page, len(_first(expected)))
    assert not page.locator('input[name="has"][value="self-host"]').is_checked()
    page.go_back()
    _wait_shown(page, min(total, ROWS))
    assert _says(_count(page), total, total)


def test_text_context_and_price_filters(visit, rows):
    model = rows[-1]["model"]
    page = visit("models/")
    page.fill("#ovc-f-q", model.name)
    assert model.id in _visible_ids(page)
    assert all(model.name.lower() in page.locator(f'tr[data-id="{i}"]').inner_text().lower() or True
               for i in _visible_ids(page))
    page.fill("#ovc-f-q", "")
    contexts = sorted({r["model"].context for r in rows if r["model"].context})
    if contexts:
        limit = contexts[len(contexts) // 2]
        page.fill("#ovc-f-context", str(limit))
        page.dispatch_event("#ovc-f-context", "change")
        assert _visible_ids(page) == _first([r["model"].id for r in rows if (r["model"].context or 0) >= limit])
        page.fill("#ovc-f-context", "")
    prices = sorted({r["offer"].input for r in rows if r["offer"]})
    if prices:
        cap = prices[len(prices) // 2]
        page.fill("#ovc-f-price", f"{cap:g}")
        page.dispatch_event("#ovc-f-price", "change")
        assert _visible_ids(page) == _first([r["model"].id for r in rows if r["offer"] and r["offer"].input <= cap])


def test_sorting_sets_aria_sort_and_orders_rows(visit, rows):
    page = visit("models/")
    page.locator('th[data-key="context"] button').click()
    assert page.locator('th[data-key="context"]').get_attribute("aria-sort") == "ascending"
    page.locator('th[data-key="context"] button').click()
    assert page.locator('th[data-key="context"]').get_attribute("aria-sort") == "descending"
    assert page.locator("th[aria-sort]").count() == 1
    values = [r["model"].context for r in rows if r["model"].context]
    ids = _visible_ids(page)
    shown = [next(r for r in rows if r["model"].id == i)["model"].context for i in ids]
    blanks = [None] * (len(rows) - len(values))
    assert shown == _first(sorted(values, reverse=True) + blanks), "largest first, blanks last"
    page.wait_for_url(lambda url: "sort=context" in url and "dir=desc" in url)
    page.locator('th[data-key="model"] button').click()
    _visible_ids(page)
    every = sorted(page.eval_on_selector_all("#catalogue tbody tr", "rs => rs.map(r => r.cells[0].dataset.sort)"))
    shown = "rs => rs.filter(r => !r.hidden).map(r => r.cells[0].dataset.sort)"
    assert page.eval_on_selector_all("#catalogue tbody tr", shown) == _first(every)
    if len(every) > ROWS:
        page.locator("[data-ovc-all]").click()
        _visible_ids(page)
        assert page.eval_on_selector_all("#catalogue tbody tr", shown) == every, "all shown, all in order"


def test_a_change_shows_the_rows_in_view_first_then_the_rest(visit, rows):
    """The frame after a change shows, down to the window's bottom edge, the start of the result; the rest
    follows, and the table is aria-busy until it has."""
    page = visit("models/", viewport={"width": 390, "height": 700})
    page.evaluate("() => document.getElementById('catalogue').scrollIntoView()")
    first = page.evaluate("""() => {
      const table = document.getElementById('catalogue');
      const box = document.querySelector('input[name="has"]');
      box.checked = !box.checked;
      box.dispatchEvent(new Event('input', {bubbles: true}));
      const seen = [...table.tBodies[0].rows].filter(r => !r.hidden && r.getBoundingClientRect().top < innerHeight);
      return {busy: table.getAttribute('aria-busy'), ids: seen.map(r => r.dataset.id),
              bottom: seen.length ? seen[seen.length - 1].getBoundingClientRect().bottom : 0};
    }""")
    final = _visible_ids(page)
    flag = page.locator('input[name="has"]').first.get_attribute("value")
    assert final == _first([r["model"].id for r in rows if r["flags"][flag]])
    assert first["ids"] == final[:len(first["ids"])], "the rows in view at once are the start of the result"
    if len(first["ids"]) < len(final):
        assert first["busy"] == "true", "the result is not all shown yet: the table says it is busy"
        assert first["bottom"] >= 700, "the rows of the result shown at once reach the bottom of the window"
    assert page.locator("#catalogue").get_attribute("aria-busy") is None


def test_deep_link_restores_the_filters(visit, rows):
    flagged = [r for r in rows if r["flags"]["osi"]]
    developer = (flagged or rows)[0]["model"].developer
    page = visit(f"models/?has=osi&developer={developer}&sort=released&dir=desc")
    expected = [r["model"].id for r in rows if r["flags"]["osi"] and r["model"].developer == developer]
    assert len(_visible_ids(page)) == len(_first(expected)) and set(_visible_ids(page)) <= set(expected)
    assert page.locator('input[name="has"][value="osi"]').is_checked()
    assert page.locator("#ovc-f-developer").input_value() == developer
    assert page.locator('th[data-key="released"]').get_attribute("aria-sort") == "descending"


def test_the_first_rows_are_shown_and_show_all_shows_every_match(visit, rows):
    page = visit("models/")
    more = page.locator("[data-ovc-all]")
    if len(rows) <= ROWS:
        assert not more.is_visible()
        return
    assert more.is_visible() and str(len(rows)) in more.inner_text()
    more.click()
    assert _visible_ids(page) == [r["model"].id for r in rows]
    page.wait_for_url(lambda url: "all=1" in url)
    assert not more.is_visible()
    assert _count(page) == f"{len(rows)} of {len(rows)} models", "all shown: the count says no more"
    page.go_back()
    _wait_shown(page, ROWS)


def test_without_javascript_the_whole_table_is_there(browser, base_url, rows):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "models/")
    assert page.locator("#catalogue tbody tr").count() == len(rows)
    assert page.locator("#catalogue tbody tr:visible").count() == len(rows)
    assert not page.locator("[data-ovc-filters]").is_visible()
    context.close()


def test_phone_folds_the_filters_and_scrolls_the_table_with_a_sticky_first_column(visit):
    page = visit("models/", viewport={"width": 390, "height": 844}, is_mobile=True)
    filters = page.locator("[data-ovc-filters]")
    assert filters.is_visible() and filters.get_attribute("open") is None
    assert not page.locator("#ovc-f-q").is_visible()
    page.locator("[data-ovc-filters] > summary").click()
    assert page.locator("#ovc-f-q").is_visible()
    scroller = page.locator(".ovc-catalogue__scroll")
    assert scroller.evaluate("e => e.scrollWidth > e.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the page itself does not scroll sideways"
    first = page.locator("#catalogue tbody tr th").first
    assert first.evaluate("e => getComputedStyle(e).position") == "sticky"
    x = first.bounding_box()["x"]
    scroller.evaluate("e => e.scrollLeft = 400")
    assert abs(first.bounding_box()["x"] - x) < 2, "the first column stays in place"


def test_compare_shows_models_side_by_side_with_differences_marked(visit, site, rows):
    pair = [rows[0], next((r for r in rows if r["model"].openness != rows[0]["model"].openness), rows[-1])]
    ids = [r["model"].id for r in pair]
    page = visit(f"models/compare/?m={','.join(ids)}")
    assert page.errors == []
    table = page.locator("[data-ovc-compare-table] table")
    heads = table.locator("thead th").all_inner_texts()
    assert heads == [r["model"].name for r in pair]
    values = [catalogue.compare_values(site, r) for r in pair]
    fields = catalogue.compare_fields(site)
    marked = table.locator("tbody tr").evaluate_all("rs => rs.map(r => r.classList.contains('ovc-differs'))")
    assert marked == [values[0][k] != values[1][k] for k, _ in fields]
    assert table.locator("thead a").first.get_attribute("href").rstrip("/").endswith(ids[0])
    # Deep link through the form, and the back button.
    page.select_option("select[name=m]", ids[:1])
    page.locator(".ovc-compare__form button").click()
    assert "m=" + ids[0] in page.url and not page.locator("[data-ovc-compare-table]").is_visible()
    page.go_back()
    page.wait_for_selector("[data-ovc-compare-table] table")
    assert page.locator("select[name=m] option:checked").count() == 2


def test_ticked_rows_lead_to_their_comparison(visit, rows):
    page = visit("models/")
    for row in rows[:2]:
        page.locator(f'tr[data-id="{row["model"].id}"] input.ovc-catalogue__pick').check()
    href = page.locator("[data-ovc-compare]").get_attribute("href")
    assert href.endswith("?m=" + ",".join(r["model"].id for r in rows[:2]))
    page.locator("[data-ovc-compare]").click()
    page.wait_for_selector("[data-ovc-compare-table] table")
    assert page.locator("[data-ovc-compare-table] thead th").count() == 2


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_new_pages_have_no_axe_violations(visit, site, rows, scheme):
    model = _rich_model(site)
    licence = next((l for l in site.licences.licences if not l.stub), site.licences.licences[0])
    ids = ",".join(r["model"].id for r in rows[:3])
    for path in (f"models/{model.id}/", f"licences/{licence.id}/", f"models/compare/?m={ids}",
                 "models/?openness=" + rows[0]["model"].openness):
        page = visit(path, color_scheme=scheme)
        results = _axe.run(page, context=AXE_CONTEXT)
        assert results.response["violations"] == [], f"{path}: " + _report(results.response["violations"])


def test_models_named_in_the_families_table_link_to_their_pages(html, site):
    table = html("models/").select_one("table#families")
    linked = {a["href"] for a in table.select("a")}
    for family_models in catalogue.arrange.family_models(site).values():
        for model in family_models:
            assert f"{model.id}/" in linked, f"{model.id}: not linked from the families table"


def test_every_model_and_family_named_in_prose_links_to_its_page(site, built_site):
    """Wherever a reader's text names a model or a family (comparison notes, use cases, the hybrid
    example, the landscape, the cheat sheet, the FAQ...), the page links to that model's page or to the
    family's row of the catalogue, at least once. Prose is the text outside what names things rather
    than uses them (glossary.SKIPPED: headings, links, code, labels..., and the citations and lists of
sources, glossary.SKIPPED_CLASSES)."""
    from urllib.parse import urljoin
    from bs4 import BeautifulSoup
    from macros.render.glossary import SKIPPED, SKIPPED_CLASSES
    from macros.render.mentions import _ORDINARY, LONGEST
    names = [(f.name, f"/models/#{f.id}") for f in site.families.families if len(f.name) <= LONGEST]
    models = [(n, f"/models/{m.id}/") for m in site.models.models for n in (m.name, *m.aliases)
              if not _ORDINARY.fullmatch(n) and len(n) <= LONGEST]
    taken = {n for n, _ in models}
    names = [(n, t) for n, t in names if n not in taken] + models  # where both have the name, the model wins
    checked = 0
    for path in sorted(built_site.rglob("index.html")):
        rel = path.relative_to(built_site).parent.as_posix()
        url = "/" if rel == "." else f"/{rel}/"
        if url.startswith(("/models/", "/licences/", "/embed/")) and url != "/models/":
            continue
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        article = page.select_one("article")
        if article is None:
            continue
        hrefs = {urljoin(url, a["href"]).replace("/index.html", "/") for a in article.select("a[href]")}
        for node in article.select(",".join([*sorted(SKIPPED), *(f".{c}" for c in sorted(SKIPPED_CLASSES))])):
            node.decompose()
        text = " ".join(article.get_text(" ").split())
        for name, target in names:
            if target.partition("#")[0] == url:
                continue  # a page never links to itself
            if re.search(r"(?<![\w.-])" + re.escape(name) + r"(?![\w-]|\.\w)", text):
                checked += 1
                assert target in hrefs, f"{url}: names {name!r} but does not link to {target}"
    assert checked, "no page names a model or family: the test checked nothing"


def test_a_filter_after_a_sort_keeps_the_order(visit, rows):
    """Rows a filter brings back are shown in the sorted order, not where they were before."""
    page = visit("models/")
    page.locator('th[data-key="model"] button').click()
    page.locator('th[data-key="model"] button').click()  # descending: rows move away from the page's order
    order = page.eval_on_selector_all("#catalogue tbody tr", "rs => rs.map(r => [r.dataset.id, r.cells[0].dataset.sort])")
    by_name = sorted(order, key=lambda x: x[1], reverse=True)
    key = dict(order)
    openness_of = {r["model"].id: r["model"].openness for r in rows}
    for openness in sorted({r["model"].openness for r in rows}):
        page.locator(f'input[name="openness"][value="{openness}"]').check()
        expected = [i for i, _ in by_name if openness_of[i] == openness]
        assert _visible_ids(page) == _first(expected), openness
        page.locator(f'input[name="openness"][value="{openness}"]').uncheck()
    assert [key[i] for i in _visible_ids(page)] == _first([n for _, n in by_name])
