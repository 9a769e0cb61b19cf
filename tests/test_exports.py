"""Exports and embed pages in the built site, read as a wiki, a spreadsheet or a script would: every
Markdown export parses with GitHub's own GFM parser to a row per record, every CSV round-trips, every
JSON file validates against the schema beside it, and the exported mermaid is the page's diagram."""
from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
import re
from xml.etree import ElementTree

import jsonschema
import pytest

from macros.publish import components, exports, tables
from macros.publish import drawings as diagram_hook
from macros.render import escape, links
from macros.render import pages as render
from macros.models import FILES
from tests import readers, support

TABLES = [c for c in components.COMPONENTS if c.table]
DIAGRAMS = [c for c in components.COMPONENTS if c.diagram]
# The elements a reader writes for a table (pandoc wraps cells in <p>): anything more is markup.
TABLE_TAGS = {"table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "p"}


def records(site, component) -> int:
    """How many rows a table must have, counted from the data (not from the table's renderer)."""
    counts = {
        "comparison": len(site.dimensions.dimensions),
        "cheatsheet": len(site.cheatsheet.cheatsheet),
        "options": len(site.options.options),
        "models": len(site.families.families),
        "open-parts": len(site.open_parts.open_parts),
        "use-cases": sum(len(case.routes) for case in site.use_cases.use_cases),
        "access": len(site.access_routes.access_routes),
        "glossary": len(site.glossary.glossary),
        "guide": sum(len(c.answers) for c in site.criteria.criteria if c.guide),
        "recent-changes": len(site.changelog.changelog),
        "model-table": sum(m.show for m in site.models.models),
    }
    return counts[component.name]


gfm = readers.gfm_html


def origin() -> str:
    """Where the exports' links lead: mkdocs.yml's site_url, as the build reads it."""
    from mkdocs.utils import yaml_load
    return yaml_load((support.ROOT / "mkdocs.yml").read_text(encoding="utf-8")).get("site_url") or "../"


def text_of(value) -> str:
    """What a reader shows of a cell: a prose cell's links by their label."""
    return readers.one_line(links.plain(value) if isinstance(value, links.Prose) else value)


def links_of(value, where: str) -> list[tuple[str, str]]:
    """A prose cell's links as (label, full address), in order."""
    if not isinstance(value, links.Prose):
        return []
    return [(readers.one_line(label), links.address(target, where))
            for label, target in links.segments(str(value)) if target is not None]


def as_written(table: tables.Table, where: str) -> tables.Table:
    """The table as a CSV export writes it: a prose cell's links as label (address)."""
    rows = [[links.spreadsheet(c, where) if isinstance(c, links.Prose) else c for c in row] for row in table.rows]
    return tables.Table(table.title, table.columns, rows, table.numeric)


def test_every_table_component_is_counted():
    assert {c.name for c in TABLES} == {"comparison", "cheatsheet", "options", "models", "open-parts",
                                       "use-cases", "access", "glossary", "guide", "recent-changes", "model-table"}


def test_registry_is_consistent():
    from macros.render.pages import MACROS
    assert components.problems(MACROS) == []
    for c in components.COMPONENTS:
        assert (support.ROOT / "content" / c.page).is_file(), c.page


def assert_gfm_table_shows(markdown: str, table: tables.Table, where: str = "") -> None:
    """The Markdown read by cmark-gfm: one table, the header and each row cell for cell as the data
    text (one line), and no element but the table's own, save a link that a bare e-mail address in
    the text becomes, which must go to exactly that address."""
    soup = gfm(markdown)
    [html_table] = soup.find_all("table")
    assert {tag.name for tag in html_table.find_all(True)} <= TABLE_TAGS | {"a"}, html_table
    assert [th.get_text() for th in html_table.select("thead th")] == table.columns
    rows = html_table.select("tbody tr")
    assert len(rows) == len(table.rows)
    for tr, row in zip(rows, table.rows):
        cells = tr.find_all("td")
        assert [td.get_text() for td in cells] == [text_of(c) for c in row]
        for td, c in zip(cells, row):
            written = links_of(c, where)
            found = [(readers.one_line(a.get_text()), a["href"]) for a in td.find_all("a")]
            assert [f for f in found if f in written] == written, (found, written)
            assert all(f in written or readers.gfm_links_are_right(a) for f, a in zip(found, td.find_all("a"))), tr


@pytest.mark.parametrize("component", TABLES, ids=lambda c: c.name)
def test_markdown_export_parses_with_gfm_to_a_row_per_record(built_site, site, component):
    markdown = (built_site / "exports" / f"{component.name}.md").read_text(encoding="utf-8")
    soup = gfm(markdown)
    assert [h.get_text() for h in soup.find_all("h1")] == [component.heading(site)]
    assert len(soup.select("tbody tr")) == records(site, component)
    assert_gfm_table_shows(markdown, component.table(site), origin())
    assert not soup.find("script")


def test_gfm_shows_hostile_cells_as_their_text():
    # each also in the last column, where it meets the row's closing bar; and an empty cell
    rows = [[text, "x"] for text in readers.HOSTILE] + [["x", text] for text in readers.HOSTILE]
    table = tables.Table("Hostile", ["Text", "Next"], rows + [["", "x"]])
    assert_gfm_table_shows(exports.gfm_table(table), table)


@pytest.mark.parametrize("text", readers.HOSTILE, ids=lambda t: repr(t)[:40])
def test_gfm_heading_shows_hostile_text(text):
    """The export's heading and link text go through the same escaper as its cells."""
    [heading] = gfm(f"# {escape.gfm_cell(text)}\n").find_all("h1")
    assert heading.get_text() == readers.one_line(text)
    assert {tag.name for tag in heading.find_all(True)} <= {"a"} and readers.gfm_links_are_right(heading)


def formula_like(text: str, numeric: bool) -> bool:
    """Whether a spreadsheet could read the text as a formula, so the export must put ' in front:
    it starts with = + - @ (also after spaces), a tab or a CR; a plain number in a numeric column is
    a number instead."""
    if numeric and re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text):
        return False
    return text[:1] in ("\t", "\r") or text.lstrip()[:1] in ("=", "+", "-", "@")


def csv_cells(table: tables.Table) -> list[list[str]]:
    """The rows a CSV reader must get back from the export of `table`: the data, ' before formulas."""
    numeric = [c in table.numeric for c in table.columns]
    return [["'" + c if formula_like(c, n) else c for c, n in zip(row, numeric)] for row in table.rows]


@pytest.mark.parametrize("component", TABLES, ids=lambda c: c.name)
def test_csv_export_round_trips(built_site, site, component):
    raw = (built_site / "exports" / f"{component.name}.csv").read_bytes()
    parsed = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    expected = as_written(component.table(site), origin())
    assert parsed[0] == expected.columns
    assert parsed[1:] == csv_cells(expected)
    assert len(parsed) - 1 == records(site, component)
    again = tables.Table(expected.title, parsed[0], parsed[1:], numeric=expected.numeric)
    assert exports.csv_text(again).encode() == raw  # nothing is quoted twice


def test_the_catalogue_csv_has_every_model_and_round_trips(built_site, site):
    """exports/catalogue.csv: a row per model of models.yml, as its table gives it, listed in the index."""
    raw = (built_site / exports.CATALOGUE_CSV).read_bytes()
    parsed = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    expected = tables.catalogue(site)
    assert parsed[0] == expected.columns
    assert parsed[1:] == csv_cells(expected)
    assert [row[0] for row in parsed[1:]] == [m.id for m in site.models.models]
    again = tables.Table(expected.title, parsed[0], parsed[1:], numeric=expected.numeric)
    assert exports.csv_text(again).encode() == raw
    index = json.loads((built_site / "exports" / "index.json").read_text(encoding="utf-8"))
    assert exports.CATALOGUE_CSV in index["catalogue"]["files"]


def test_the_api_index_credits_every_dataset(built_site, site):
    index = json.loads((built_site / "api" / "v1" / "index.json").read_text(encoding="utf-8"))
    credited = {c["commit"]: c for c in index["credits"]}
    for dataset in site.datasets.datasets:
        assert credited[dataset.commit]["licence"] == dataset.licence
        assert credited[dataset.commit]["repository"] == dataset.repository
        assert (dataset.citation is None) == ("citation" not in credited[dataset.commit])


HOSTILE_TABLE = tables.Table("Hostile", ["Step", "Text"],
                             [[text, text] for text in readers.HOSTILE] +
                             [["-5", "-5"], ["2.5", "-2.5"], ["7", "7"], ["x", "=1"]],
                             numeric=("Step",))


@pytest.fixture(scope="module")
def spreadsheets(built_site, site):
    """Every CSV export, the hostile table's CSV and, as a control, the hostile table written by
    Python's csv module as it comes, all opened by LibreOffice Calc in one run."""
    files = {c.name: (built_site / "exports" / f"{c.name}.csv").read_bytes() for c in TABLES}
    files["hostile"] = exports.csv_text(HOSTILE_TABLE).encode("utf-8")
    plain = io.StringIO(newline="")
    csv.writer(plain, lineterminator="\r\n").writerows([HOSTILE_TABLE.columns, *HOSTILE_TABLE.rows])
    files["unescaped"] = plain.getvalue().encode("utf-8")
    return readers.calc(files)


def assert_shown_as_data(sheet: list[list[readers.Cell]], table: tables.Table) -> None:
    """No cell of the sheet is a formula, each shows its data text (a ' before the text of a
    neutralised cell, which LibreOffice shows; a CR shows as a line break), plain numbers in numeric
    columns are numbers, and the sheet has the table's rows and columns."""
    assert [c.text for c in sheet[0]] == table.columns
    assert len(sheet) == len(table.rows) + 1
    numeric = [c in table.numeric for c in table.columns]
    for cells, row in zip(sheet[1:], table.rows):
        assert len(cells) == len(row), [c.text for c in cells]
        for cell, text, is_numeric in zip(cells, row, numeric):
            assert cell.formula is None, (text, cell)
            shown = text.replace("\r\n", "\n").replace("\r", "\n")
            if formula_like(text, is_numeric):
                assert cell.kind == "string" and cell.text in ("'" + shown, shown), (text, cell)
            else:
                assert cell.text == shown, (text, cell)
            if is_numeric and not formula_like(text, True) and re.fullmatch(r"-?[0-9.]+", text):
                assert cell.kind == "float" and float(cell.value) == float(text), (text, cell)


@pytest.mark.parametrize("component", TABLES, ids=lambda c: c.name)
def test_spreadsheet_shows_the_csv_export_as_its_data(spreadsheets, site, component):
    assert_shown_as_data(spreadsheets[component.name], as_written(component.table(site), origin()))


def test_spreadsheet_reads_no_formula_from_hostile_cells(spreadsheets):
    sheet = spreadsheets["hostile"]
    assert_shown_as_data(sheet, HOSTILE_TABLE)
    assert sheet[4][0] == readers.Cell("float", "-5", "-5", None)  # '-5' in the numeric column
    assert sheet[4][1].kind == "string"                             # and in a text column
    # The control: written as they come, the rows hold formulas for LibreOffice (=HYPERLINK(...) a
    # live link), so the check above would see one.
    control = [c.formula for row in spreadsheets["unescaped"] for c in row if c.formula]
    assert 'of:=HYPERLINK("http://x";"y")' in control


def test_spreadsheet_splitting_on_semicolons_reads_no_formula():
    """Where a spreadsheet's list separator is ';' (many European locales), a ';' inside a value
    must not end the field: every field is quoted, so none turns into a formula."""
    options = readers.CSV_IMPORT.replace("CSV:44,", "CSV:59,", 1)
    [sheet] = readers.calc({"semicolons": exports.csv_text(HOSTILE_TABLE).encode()}, options).values()
    assert [c for row in sheet for c in row if c.formula] == []


def assert_confluence_table_shows(markup: str, table: tables.Table, where: str = "") -> None:
    """The markup read by pandoc's jira reader: one table, the header and each row cell for cell as
    the data text (one line), and no element a table does not have (no link, image, emphasis, <br>)."""
    soup = readers.confluence_html(markup)
    [html_table] = soup.find_all("table")
    written = [link for row in table.rows for c in row for link in links_of(c, where)]
    assert {tag.name for tag in soup.find_all(True)} <= TABLE_TAGS | ({"a"} if written else set()), soup.find_all(True)
    assert [(readers.one_line(a.get_text()), a["href"]) for a in soup.find_all("a")] == written
    rows = html_table.find_all("tr")
    assert [th.get_text() for th in rows[0].find_all(["th", "td"])] == table.columns
    assert len(rows) - 1 == len(table.rows)
    for tr, row in zip(rows[1:], table.rows):
        assert [td.get_text() for td in tr.find_all(["th", "td"])] == \
            [readers.confluence_shows(text_of(c)) for c in row]


@pytest.mark.parametrize("component", TABLES, ids=lambda c: c.name)
def test_confluence_export_reads_back_as_its_rows(built_site, site, component):
    markup = (built_site / "exports" / f"{component.name}.confluence.txt").read_text(encoding="utf-8")
    assert len(markup.splitlines()) - 1 == records(site, component)
    assert_confluence_table_shows(markup, component.table(site), origin())


def test_confluence_shows_hostile_cells_as_their_text():
    # each also in the last column, where it meets the row's closing bar; and an empty cell
    rows = [[text, "x"] for text in readers.HOSTILE] + [["x", text] for text in readers.HOSTILE]
    table = tables.Table("Hostile", ["Text", "Next"], rows + [["", "x"]])
    assert_confluence_table_shows(exports.confluence_table(table), table)


@pytest.mark.parametrize("name", list(FILES))
def test_json_dataset_validates_against_its_schema(built_site, site, name):
    api = built_site / "api" / "v1"
    data = json.loads((api / f"{name}.json").read_text(encoding="utf-8"))
    schema = json.loads((api / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert schema == json.loads((support.ROOT / "data" / "schema" / f"{name}.schema.json").read_text())
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator,
                        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert [r["id"] for r in data[name]] == [r.id for r in getattr(site, name).__getattribute__(name)]


def test_json_index_lists_every_dataset(built_site, site):
    api = built_site / "api" / "v1"
    index = json.loads((api / "index.json").read_text())
    assert [d["name"] for d in index["datasets"]] == list(FILES)
    for entry in index["datasets"]:
        assert (api / entry["url"]).is_file() and (api / entry["schema"]).is_file()
        assert entry["records"] == len(json.loads((api / entry["url"]).read_text())[entry["name"]])


@pytest.mark.parametrize("component", DIAGRAMS, ids=lambda c: c.name)
def test_exported_mermaid_is_the_diagram_of_the_page(built_site, html, site, component):
    # The page shows the drawing made from exactly this source (its key hashes the source; see
    # macros/diagram_hook.py), so the export and the page show the same diagram.
    [drawn] = html(support.page_url(component.page)).select(".ovc-diagram")
    mmd = (built_site / "exports" / f"{component.name}.mmd").read_text(encoding="utf-8")
    assert drawn["data-diagram"] == diagram_hook.key(mmd)
    page_source = mmd
    md = (built_site / "exports" / f"{component.name}.md").read_text(encoding="utf-8")
    [code] = [c for c in gfm(md).select("pre code")
              if "language-mermaid" in c.get("class", []) or c.parent.get("lang") == "mermaid"]
    block = code.get_text()  # as GitHub's parser reads it: the mermaid source, entities intact
    assert block.strip() == page_source.strip()
    # only syntax every wiki's mermaid draws: flowchart TD, plain shapes, no ELK or front matter
    assert block.startswith("flowchart TD\n")
    assert not re.search(r"elk|^---|%%\{|@\{", block, re.M | re.I)
    assert support.mermaid_graph(block) == support.tree_graph(site, site.trees.trees[0])


@pytest.mark.parametrize("component", DIAGRAMS, ids=lambda c: c.name)
def test_committed_svg_is_drawn_from_the_current_diagram(site, built_site, component):
    """The SVG comes from `make diagrams` (headless Chromium); it records the hash of its source."""
    svg = (support.ROOT / "content" / "exports" / f"{component.name}.svg").read_text(encoding="utf-8")
    source = component.diagram(site)
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
    assert f'data-ovc-source-sha256="{digest}"' in svg, \
        f"content/exports/{component.name}.svg is stale: run `make diagrams` and commit it"
    assert (built_site / "exports" / f"{component.name}.svg").read_text(encoding="utf-8") == svg
    tree = ElementTree.fromstring(svg.encode("utf-8"))  # well-formed XML, as an <img> needs
    assert tree.tag == "{http://www.w3.org/2000/svg}svg"
    assert not list(tree.iter("{http://www.w3.org/2000/svg}foreignObject")), "labels must be SVG text"
    texts = " ".join(" ".join(t.itertext()) for t in tree.iter("{http://www.w3.org/2000/svg}text"))
    texts = " ".join(texts.split())
    for _, option in render.flow(site).outcomes:
        assert all(word in texts for word in option.name.split()), option.name


def test_every_export_listed_exists(built_site):
    for c in components.COMPONENTS:
        for suffix in c.exports:
            assert (built_site / components.export_path(c.name, suffix)).is_file(), (c.name, suffix)


# --- embed pages and the Embed control ------------------------------------------------------------

@pytest.mark.parametrize("component", components.COMPONENTS, ids=lambda c: c.name)
def test_embed_page_is_the_component_alone(html, component):
    soup = html(f"embed/{component.name}/")
    assert soup.select_one("base")["target"] == "_top"
    for chrome in ("header", "nav", "footer", ".md-search", ".md-sidebar", "input.md-search__input"):
        assert not soup.select(chrome), f"embed {component.name} has {chrome}"
    assert soup.select_one(f'[data-ovc-embed="{component.name}"] article')
    assert not soup.select("details.ovc-embed"), "no embed code inside an embed"
    assert any("assets/embed/frame.js" in s.get("src", "") for s in soup.find_all("script"))
    for a in soup.select("article a[href]"):
        assert not a["href"].startswith("#"), f"{a['href']} would open the embed itself in the host"


@pytest.mark.parametrize("component", components.COMPONENTS, ids=lambda c: c.name)
def test_embed_shows_what_the_page_shows(html, component):
    """The embed calls the page's own macro: its first table or diagram equals the page's."""
    page = html(support.page_url(component.page))
    embed = html(f"embed/{component.name}/")
    selector = {"flowchart": ".ovc-diagram", "glossary": "article h2 + p", "options": "dl.ovc-options",
                "access": "article h2", "use-cases": "article table", "guide": "article h2 + p",
                "helper": "form", "calculator": "form", "recent-changes": ".ovc-change",
                "models": "table#families", "model-table": "table#catalogue", "compare-models": "form"}.get(component.name, "table")
    mine = embed.select_one(f"article {selector}" if not selector.startswith("article") else selector)
    theirs = page.select_one(f"article {selector}" if not selector.startswith("article") else selector)
    assert mine is not None and theirs is not None
    # The same words (a term may open its definition on one and not the other: it is marked where
    # first used, and the page may use it earlier), and the same sources: a citation's number is its
    # place in its page's list.
    mine, theirs = copy.copy(mine), copy.copy(theirs)  # the parsed pages are shared: change copies
    for element in (mine, theirs):
        for mark in element.select("sup.ovc-cite"):
            mark.replace_with(" ".join(sorted(a["href"].split("#")[1] for a in mark.select("a"))))
    assert " ".join(mine.get_text().split()) == " ".join(theirs.get_text().split())
    assert mine.get("data-diagram") == theirs.get("data-diagram")  # the same drawing, for diagrams


@pytest.mark.parametrize("component", components.COMPONENTS, ids=lambda c: c.name)
def test_component_page_has_the_embed_control(html, site, component):
    [control] = html(support.page_url(component.page)).select(f'details.ovc-embed[data-component="{component.name}"]')
    assert component.heading(site) in control.summary.get_text()
    codes = [code.get_text() for code in control.select("pre > code")]
    url = f"https://ai-models.intranet.example/embed/{component.name}/?theme=auto"
    assert len(codes) == 2 and all(f'<iframe src="{url}"' in code for code in codes)
    assert "assets/embed/resizer.js" in codes[1]
    hrefs = [a["href"] for a in control.select("a")]
    for suffix in component.exports:
        assert f"../exports/{component.name}.{suffix}" in hrefs


def test_embed_page_is_in_the_nav_with_catalogues(html, site):
    soup = html("embed/")
    assert [r["id"] for r in soup.select("table#embeds tbody tr")] == \
        [f"embed-{c.name}" for c in components.COMPONENTS]
    assert len(soup.select("table#api tbody tr")) == len(FILES)
    assert soup.select_one("iframe[data-ovc-preview]")
    assert "frame-ancestors" in soup.get_text()


@pytest.mark.parametrize("name, selector", [("comparison", "table#comparison"),
                                            ("cheatsheet", "table#cheatsheet"),
                                            ("models", "table#families"),
                                            ("open-parts", "table#open-parts")])
def test_exported_rows_are_the_rows_of_the_page(html, site, name, selector):
    """The export rows and the page's HTML table list the same records, in the same order."""
    component = components.BY_NAME[name]
    shown = [th.get_text(" ", strip=True)
             for th in html(support.page_url(component.page)).select(f"{selector} tbody th[scope=row]")]
    assert shown == [row[0] for row in component.table(site).rows]


def test_embed_pages_stay_out_of_search(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "embed/" in locations  # the Embed & export page itself is found
    assert not {f"embed/{c.name}/" for c in components.COMPONENTS} & locations
