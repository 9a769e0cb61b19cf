"""The strictly built site, read as HTML: tables have a row per record, the flowchart is the tree in
data, every page is complete, and nothing is loaded from anywhere but the site itself."""
from __future__ import annotations

import hashlib
import json
import re

import pytest

from macros.publish import drawings as diagram_hook
from macros.render import pages as render
from macros.render.links import plain
from tests import support

PAGES = [support.page_url(p) for p in support.nav_pages()]
VENDOR = support.ROOT / "content" / "assets" / "vendor" / "mermaid"


def test_compare_table_has_one_row_per_dimension(html, site):
    table = html("compare/").select_one("table#comparison")
    rows = table.select("tbody tr[id]")
    assert [r["id"] for r in rows] == [d.id for c in site.categories.categories
                                       for d in site.dimensions.dimensions if d.category == c.id]
    for row, dim in zip(rows, (site.get("dimensions", r["id"]) for r in rows)):
        cells = [" ".join(c.get_text().split()) for c in row.find_all(["th", "td"])]
        assert cells[:3] == [dim.name, plain(dim.open), plain(dim.closed)]
        assert row.select_one(f'a[href="#{dim.id}"]'), "each row links to its own anchor"
    groups = table.select("tbody tr.ovc-group th[scope=rowgroup]")
    assert len(groups) == len(site.categories.categories)
    assert table.caption and table.select("thead th[scope=col]")


def test_sources_are_grouped_under_the_heading_of_their_kind(html, site):
    from macros.render import labels
    page = html("sources/")
    for source in site.sources.sources:
        entry = page.select_one(f"ol.ovc-sources li#{source.id}")
        heading = entry.find_parent("ol").find_previous("h2")
        assert heading.get_text(" ", strip=True).rstrip("¶").strip() == labels.SOURCE_KINDS[source.kind], source.id
        if source.url:
            assert entry.select_one("cite a")["href"] == source.url
    primary = [h.get_text() for h in page.select("h2")]
    background = labels.SOURCE_KINDS["background-article"]
    assert any(background in h for h in primary[-2:]) or not any(background in h for h in primary), \
        "the background articles come after the primary sources"


def test_citations_link_to_sources_that_exist(html, site):
    anchors = {li["id"] for li in html("sources/").select("ol.ovc-sources li[id]")}
    assert anchors == set(site.by_id["sources"])
    listed = html("compare/").select(".ovc-references li a.ovc-references__about")
    assert listed and all(a["href"].startswith("../sources/#") and a["href"].split("#")[1] in anchors
                          for a in listed)


def test_cheat_sheet_has_one_row_per_situation(html, site):
    rows = html("cheat-sheet/").select("table#cheatsheet tbody tr[id]")
    assert [r["id"] for r in rows] == [row.id for row in site.cheatsheet.cheatsheet]
    for row, data in zip(rows, site.cheatsheet.cheatsheet):
        recommended = [s.get_text() for s in row.find_all("td")[0].find_all("strong")]
        assert recommended == [site.get("options", o).name for o in data.recommend]


def test_flowchart_in_page_is_the_tree_in_data(html, site):
    # The page shows the drawing made from exactly this tree's mermaid source (its key is a hash of
    # that source); the source itself is checked edge by edge against the data in test_render.
    [diagram] = html("hybrid-routing/").select(".ovc-diagram")
    source = render.flowchart(site).removeprefix("```mermaid\n").removesuffix("```\n")
    assert support.mermaid_graph(source) == support.tree_graph(site, site.trees.trees[0])
    assert diagram["data-diagram"] == diagram_hook.key(source)
    svg = diagram.find("svg")  # inside <template>, where CSS selectors do not look
    nodes = svg.find_all("g", class_="node")
    assert {" ".join(" ".join(n.find_all(string=True)).split()) for n in nodes} >= {
        site.by_id["criteria"][n.criterion].short for n in site.trees.trees[0].nodes}
    legend = [li["id"] for li in html("hybrid-routing/").select(".ovc-legend li")]
    leaves = {b.next for n in site.trees.trees[0].nodes for b in n.branches}
    assert set(legend) == {f"outcome-{o}" for o in leaves if o in site.by_id["options"]}


@pytest.mark.parametrize("page", PAGES)
def test_no_page_loads_mermaid_when_its_diagrams_are_drawn_ahead(html, page):
    """Every diagram has its drawing in macros/prerendered/ (else: `make diagrams`), so no reader
    downloads mermaid's 3.5 MB."""
    soup = html(page)
    assert not soup.select("pre.mermaid"), "a diagram has no stored drawing: run `make diagrams`"
    assert not any("mermaid" in s.get("src", "") for s in soup.find_all("script"))


def test_vendored_mermaid_matches_its_manifest(built_site):
    manifest = json.loads((VENDOR / "manifest.json").read_text())
    assert manifest["version"].startswith("11.")
    for copy in (VENDOR / manifest["file"], built_site / "assets/vendor/mermaid" / manifest["file"]):
        assert hashlib.sha256(copy.read_bytes()).hexdigest() == manifest["sha256"], copy
    assert "MIT" in (VENDOR / "LICENSE").read_text()


@pytest.mark.parametrize("page", PAGES)
def test_page_is_complete(html, page):
    soup = html(page)
    description = soup.select_one('meta[name="description"]')
    assert description and len(description["content"]) > 50
    text = soup.get_text()
    assert not re.search(r"\{\{|\{%|%\}|\}\}", text), "leftover Jinja in the page"
    assert soup.select_one("h1")


def test_every_content_page_is_in_the_nav():
    pages = {str(p.relative_to(support.ROOT / "content")) for p in (support.ROOT / "content").rglob("*.md")}
    assert pages == set(support.nav_pages())


def test_no_page_loads_anything_from_another_origin(built_site):
    remote = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*>", text, re.I):
            if re.search(r"""rel=["']?canonical|type=["']?application/json\+oembed""", tag):
                continue  # names a published address (site_url): the page's, its oEmbed file's; nothing is loaded
            assert not remote.search(tag), f"{page.relative_to(built_site)}: {tag}"
    for sheet in built_site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(?:https?:)?//|@import", sheet.read_text()), sheet


def test_search_leads_to_records_not_to_the_freshness_list(built_site, site):
    """The Freshness page repeats every record's name; search results must point at the records."""
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    locations = {doc["location"].split("#")[0] for doc in docs}
    assert "freshness/" not in locations
    assert not [place for place in locations if place.startswith("embed/") and place != "embed/"]  # embeds
    assert {"compare/", "glossary/", "faq/"} <= locations


def test_sitemap_lists_the_reading_pages_and_no_noindex_page(built_site, site):
    """Search engines (an intranet's too) get every page of the nav and every model's and licence's
    page; embeds are for iframes and say noindex, so listing them in the sitemap would contradict them."""
    from urllib.parse import urlparse
    from macros.render import catalogue
    listed = {urlparse(loc).path.lstrip("/") for loc in
              re.findall(r"<loc>([^<]+)</loc>", (built_site / "sitemap.xml").read_text(encoding="utf-8"))}
    generated = {support.page_url(src) for src, _ in catalogue.generated_pages(site)}
    assert listed == {support.page_url(p) for p in support.nav_pages()} | generated
    noindex = {str(p.parent.relative_to(built_site)) + "/" for p in built_site.rglob("index.html")
               if 'name="robots" content="noindex"' in p.read_text(encoding="utf-8")}
    assert noindex and not noindex & listed


def test_the_memory_table_sizes_every_open_model_of_a_family_from_its_parameters(html, site):
    from macros.render import labels
    table = html("access/").select_one("table.ovc-memory")
    wanted = [m for m in site.models.models
              if m.family and m.openness != "closed" and m.parameters and m.parameters.total]
    rows = table.select("tbody tr")
    assert len(rows) == len(wanted)
    by_name = {m.name: m for m in wanted}
    for row in rows:
        link = row.th.find("a")
        name = link.get_text().strip()
        model = by_name[name]
        assert link["href"].rstrip("/").endswith(model.id), "the model's name leads to its page"
        shown = [float(td.get_text().removesuffix(" GB").replace(",", "")) for td in row.select("td")[2:]]
        expected = [model.parameters.total * bits / 8 / 1e9 for bits in labels.PRECISION_BITS]
        # to a tenth below 10 GB, to a whole GB above (halves rounded up)
        assert all(abs(s - e) <= (0.05 if e < 10 else 0.5) for s, e in zip(shown, expected)), (name, shown, expected)
