"""The whole knowledge base: every dataset is complete and shown, glossary terms appear as tooltips,
and nothing is left unrendered. That every topic of the five source articles is on the site is
checked fact by fact in test_articles.py."""
from __future__ import annotations

import pytest

from macros.models import FILES
from tests import support


@pytest.mark.parametrize("kind, page, selector", [
    ("families", "models/", "table#families tbody tr[id]"),
    ("open_parts", "what-open-means/", "table#open-parts tbody tr[id]"),
    ("faq", "faq/", "h2[id]"),
    ("trends", "landscape/", "h2[id]"),
    ("use_cases", "use-cases/", "h2[id]"),
    ("access_routes", "access/", "h2[id]"),
    ("glossary", "glossary/", "h2[id]"),
])
def test_every_record_is_shown(html, site, kind, page, selector):
    shown = {el["id"] for el in html(page).select(selector)}
    assert set(site.by_id[kind]) <= shown


def test_reasons_and_better_when_cover_both_sides(html, site):
    soup = html("why-teams-choose/")
    for reason in site.reasons.reasons:
        assert soup.select_one(f"#{reason.id}"), reason.id
    assert {r.side for r in site.reasons.reasons if r.kind == "better-when"} == {"open", "closed"}


SKIPPED = {"h1", "h2", "h3", "h4", "h5", "h6", "th", "caption", "label", "legend", "summary", "dt", "a", "code",
           "pre", "button", "script", "style", "template", "sup", "textarea", "option", "cite"}


@pytest.mark.parametrize("page", support.nav_pages())
def test_every_glossary_term_in_running_text_opens_its_definition_there(html, site, page):
    """In each section of each page, a glossary term (any of its spellings) used in running text is
    marked once, where first used; so a reader can open every term that a section uses."""
    import re
    from bs4 import NavigableString
    article = html(support.page_url(page)).select_one("article")
    spelling = {w: t.id for t in site.glossary.glossary for w in (t.term, *t.aliases)}
    pattern = re.compile(r"(?<![\w&#])(?:" + "|".join(map(re.escape, sorted(spelling, key=len, reverse=True)))
                         + r")(?!\w)")
    section, used, marked, missed = "", set(), set(), []

    def close():
        missed.extend(f"{section or 'top'}: {term}" for term in sorted(used - marked))

    for node in article.descendants:
        if getattr(node, "name", None) in ("h1", "h2", "h3", "h4", "h5", "h6"):
            close()
            section, used, marked = node.get("id", ""), set(), set()
        elif getattr(node, "name", None) == "button" and "ovc-term" in node.get("class", []):
            marked.add(node["popovertarget"].removeprefix("ovc-def-"))
        elif isinstance(node, NavigableString) and type(node) is NavigableString:
            parents = {p.name for p in node.parents} | {c for p in node.parents for c in p.get("class", [])}
            if parents & (SKIPPED | {"ovc-def", "ovc-references", "ovc-embed", "ovc-cite"}):
                continue
            used |= {spelling[m] for m in pattern.findall(str(node))} - {section}
    close()
    assert not missed, f"{page}: terms used but not opening their definition: {missed[:10]}"


def test_freshness_lists_every_record_by_data_file_collapsed_unless_overdue(html, site):
    files = html("freshness/").select("details.ovc-freshness__file")
    shown = {}
    for details in files:
        name = details.summary.code.get_text().removeprefix("data/").removesuffix(".yml")
        shown[name] = [row.th.code.get_text() for row in details.select("tbody tr")]
        assert details.has_attr("open") == bool(details.select("tr.ovc-overdue")), name
        dates = [time["datetime"] for time in details.select("tbody time")]
        assert dates == sorted(dates), f"{name}: oldest review first"
    assert {name: sorted(ids) for name, ids in shown.items()} == {
        name: sorted(r.id for r in getattr(getattr(site, name), name)) for name in FILES}


def test_freshness_is_for_editors_not_in_the_readers_navigation(html):
    """The Freshness page and the editors' page sit in a "For editors" section of the navigation."""
    nav = html("").select_one("nav.md-nav--primary")
    sections = {label.get_text(" ", strip=True): item for item in nav.select("li.md-nav__item--section")
                for label in item.select(":scope > label.md-nav__link")}
    assert "For editors" in sections
    editors = {a["href"] for a in sections["For editors"].select("a[href]")}
    assert {"freshness/", "editors/"} <= editors
    readers = {a["href"] for name, item in sections.items() if name != "For editors" for a in item.select("a[href]")}
    assert "freshness/" not in readers


def test_access_steps_are_numbered_in_order(html, site):
    page = html("access/")
    for route in (r for r in site.access_routes.access_routes if r.steps):
        heading = page.select_one(f"h2#{route.id}")
        steps, following = heading.find_next("ol"), heading.find_next("h2")
        assert steps is not None and (following is None or steps in following.find_all_previous("ol")), route.id
        assert [" ".join(li.get_text().split()) for li in steps.find_all("li")] == route.steps, route.id


def test_use_cases_and_cheat_sheet_link_to_the_options_they_use(html, site):
    anchors = {dt["id"] for dt in html("cheat-sheet/").select("dl.ovc-options dt[id]")}
    assert anchors == {f"option-{o}" for o in site.by_id["options"]}
    for case in site.use_cases.use_cases:
        links = {a["href"].split("#")[1] for a in html("use-cases/").select(f"h2#{case.id} ~ .ovc-table table a[href*='#option-']")}
        assert {f"option-{r.option}" for r in case.routes} <= links, case.id
    for row in site.cheatsheet.cheatsheet:
        links = [a["href"] for a in html("cheat-sheet/").select(f"tr#{row.id} a[href^='#option-']")]
        assert links == [f"#option-{o}" for o in row.recommend]


def test_overdue_reviews_are_listed_and_warned_about_without_failing_the_build(tmp_path, site):
    import datetime as dt
    from macros.data import freshness
    dates = [r.reviewed for r in freshness.reviews(site, dt.date.today())]
    later = max(dates) + dt.timedelta(days=366)
    assert len(freshness.overdue(site, later, 365)) == len(freshness.reviews(site, later))
    assert freshness.overdue(site, min(dates), 365) == []
    config = support.copy_project(tmp_path) / "mkdocs.yml"
    config.write_text(config.read_text().replace("review_max_age_days: 365", "review_max_age_days: -1"))
    result = support.build(tmp_path / "site", tmp_path)
    assert result.returncode == 0, result.stderr
    first = site.dimensions.dimensions[0]
    line = site.lines[("dimensions", first.id, "reviewed")]
    assert f"data/dimensions.yml:{line}: {first.id}.reviewed: last reviewed" in result.stderr
