"""Renderers without MkDocs: data text lands literally wherever it goes (HTML, Markdown table cells,
mermaid labels), and the diagram source is exactly the tree in data."""
from __future__ import annotations

import re

import markdown
import pytest
from bs4 import BeautifulSoup

from macros.render import escape
from macros.render import pages as render
from tests import readers, support

HOSTILE = ['<script>alert(1)</script>', 'a | b', 'line\nbreak', '"quoted" [x] {y} (z)',
           'A --> B', '{{ jinja }} {% raw %}', '#35; &amp; `code`', '*bold* _it_ \\ back', 'end; click A']


@pytest.mark.parametrize("text", HOSTILE)
def test_md_cell_keeps_one_cell_and_shows_text_literally(text):
    table = f"| a | b |\n|---|---|\n| {escape.md_cell(text)} | x |\n"
    soup = BeautifulSoup(markdown.markdown(table, extensions=["tables"]), "html.parser")
    cells = soup.select("tbody td")
    assert len(cells) == 2, table
    assert cells[0].get_text() == " ".join(text.split())
    assert not soup.find("script")


# md_cell as the page templates (*.md.j2) use it, with what each wraps around it.
PAGE_PLACES = {
    "table cell": ("| a | b |\n|---|---|\n| {} | x |\n", "td", {"table", "thead", "tbody", "tr", "th", "td"}),
    "heading": ("## {} {{ #an-id }}\n", "h2", {"h2", "a"}),  # toc adds its permalink <a>
    "list item": ("- **{}**: text\n", "strong", {"ul", "li", "strong"}),
    "paragraph": ("{}\n", "p", {"p"}),
}


@pytest.mark.parametrize("place", PAGE_PLACES)
@pytest.mark.parametrize("text", readers.HOSTILE, ids=lambda t: repr(t)[:40])
def test_md_cell_shows_text_literally_with_the_sites_markdown(text, place):
    """Through Python-Markdown with every extension of mkdocs.yml (emoji, attr_list, abbr, ...), a
    hostile text shows as exactly its text (one line) and adds no element."""
    template, element, allowed = PAGE_PLACES[place]
    soup = readers.page_html(template.format(escape.md_cell(text)))
    assert {tag.name for tag in soup.find_all(True)} <= allowed, soup
    assert soup.find(element).get_text().removesuffix("¶") == readers.one_line(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_mermaid_label_has_no_characters_that_end_a_label_or_open_html(text):
    label = escape.mermaid_label(text)
    bare = re.sub(r"#(\w+);", "", label)  # what is left once mermaid's own entities are taken out
    assert not set(bare) & set('"<>&`|{}\n;#\\'), label
    assert "-->" not in label


def test_flowchart_nodes_and_edges_equal_the_tree(site):
    source = render.flowchart_source(render.flow(site))
    tree = site.trees.trees[0]
    nodes = {n.id for n in tree.nodes}
    assert support.mermaid_graph(source) == support.tree_graph(site, site.trees.trees[0])
    boxes = dict(re.findall(r'^\s*(\w+)\["([^"]*)"\]$', source, re.M))  # outcome boxes: id -> label
    for option_id in {b.next for n in tree.nodes for b in n.branches} - set(nodes):
        option = site.get("options", option_id)
        [mid] = [box for box, label in boxes.items() if label == escape.mermaid_label(option.name)]
        assert f"class {mid} tone_{option.tone}" in source
    assert source.startswith("flowchart TD\n    accTitle: ")
    assert "accDescr: " in source


def test_cheatsheet_markdown_has_a_row_per_situation(site):
    from macros.publish import exports, tables
    html = markdown.markdown(exports.gfm_table(tables.cheatsheet(site)), extensions=["tables"])
    rows = BeautifulSoup(html, "html.parser").select("tbody tr")
    assert len(rows) == len(site.cheatsheet.cheatsheet)
    assert all(len(r.find_all("td")) == 6 for r in rows)  # the 4 columns, sources, reviewed


def test_comparison_table_escapes_html(site):
    out = render.comparison_table(site)
    assert out.count("<tr id=") == len(site.dimensions.dimensions)
    assert "&#39;" in out or "'" not in "".join(d.open for d in site.dimensions.dimensions)
