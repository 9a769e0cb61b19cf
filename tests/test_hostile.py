"""Text from data/ may come from anyone. With hostile text in every text field of every data file (HTML
and script tags, event handlers, Markdown table pipes and newlines, mermaid and Jinja syntax,
right-to-left text, emoji, a 500-character word) the site still builds, shows the text literally, runs
no script, keeps every table's columns and still draws the flowchart."""
from __future__ import annotations

import typing
from pathlib import Path

import msgspec
import pytest
import yaml
from bs4 import BeautifulSoup

from macros.models import FILES, Strict, text_fields
from tests import support
from tests.support import OPEN_SHADOW
from tests.test_build import PAGES

LONG_WORD = "W" * 500
# Every trick at once; each would run a script, break a table, a heading, the flowchart or the page
# if it were not escaped where it lands. Brackets are left out of glossary terms (the data rules
# forbid them there), everything else goes everywhere.
PAYLOAD = ('<script>window.__pwned="script"</script> <img src=x onerror="window.__pwned=\'img\'"> '
           '<a href="javascript:window.__pwned=1" onclick="window.__pwned=1">click</a> '
           '" onmouseover="window.__pwned=1" \' | a | b || **bold** _em_ `code` # heading\n'
           'second line --> A[x] B{y} C((z)) end; click A call alert() %%{init: {}}%% classDef x fill:red '
           '{{ 7 * 7 }} {% if true %}jinja{% endif %} {# c #} &amp; &lt; \\ '
           'مرحبا \u202egnp.exe\u202c 😀👩‍💻 ' + LONG_WORD)
TERM_PAYLOAD = '<b onmouseover="window.__pwned=1">t</b> | {{ 7 * 7 }} " \' 😀 مرحبا & --> ' + LONG_WORD[:60]
MARKER = "window.__pwned"


def _model(annotation) -> type[Strict] | None:
    if isinstance(annotation, type) and issubclass(annotation, Strict):
        return annotation
    for arg in typing.get_args(annotation):
        if found := _model(arg):
            return found
    return None


def poison(node, model: type[Strict], glossary: bool = False) -> int:
    """Append hostile text to every Text value under `node` (parsed YAML, checked against `model`);
    return how many values were changed. Originals stay in front, so unique values stay unique."""
    changed = 0
    texts = dict(text_fields(model))
    for field in msgspec.structs.fields(model):
        key = field.name
        if key not in node:
            continue
        value = node[key]
        payload = TERM_PAYLOAD if glossary and key in ("term", "aliases") else PAYLOAD
        if key in texts:
            if isinstance(value, str):
                node[key] = f"{value} {payload}"
                changed += 1
            elif isinstance(value, list):
                node[key] = [f"{v} {payload}" for v in value]
                changed += len(value)
        elif (sub := _model(field.type)) is not None:
            for item in value if isinstance(value, list) else [value]:
                changed += poison(item, sub, glossary)
    return changed


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = support.copy_project(tmp_path_factory.mktemp("hostile"))
    for name, model in FILES.items():
        path = project / "data" / f"{name}.yml"
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert poison(document, model, glossary=name == "glossary") > 0, name
        path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=10**6),
                        encoding="utf-8")
    site = project / "site"
    result = support.build(site, project)
    assert result.returncode == 0, f"the hostile build failed:\n{result.stderr[-3000:]}"
    return site


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("page", PAGES)
def test_hostile_text_is_inert_in_the_html(hostile_site, page):
    html = soup(hostile_site, page)
    for script in html.find_all("script"):
        if script.get("type") == "application/json":  # data for the page's scripts: inert, but must
            assert "<" not in script.get_text(), "a '<' in JSON could close the <script>"  # stay closed
        else:
            assert MARKER not in script.get_text(), "data text ended up inside a <script>"
    for element in html.find_all(True):
        for attribute, value in element.attrs.items():
            assert not attribute.startswith("on"), f"event handler from data: <{element.name} {attribute}>"
            if attribute in ("href", "src"):
                assert not str(value).lower().startswith("javascript:"), f"{element.name} {attribute}={value}"
    assert not html.find("img", src="x")


def test_hostile_text_is_shown_literally(hostile_site):
    text = soup(hostile_site, "compare/").get_text(" ")
    assert '<script>window.__pwned="script"</script>' in text
    assert "{{ 7 * 7 }}" in text and "{% if true %}jinja{% endif %}" in text
    assert "| a | b ||" in text and "**bold**" in text and LONG_WORD in text
    assert "مرحبا" in text and "😀👩‍💻" in text
    glossary = soup(hostile_site, "glossary/").get_text(" ")
    assert TERM_PAYLOAD.split(" | ")[0] in glossary


def test_pages_with_hostile_text_are_valid_html(hostile_site):
    from tests.test_html_valid import check, errors_of_ours
    errors = errors_of_ours(check(hostile_site), hostile_site)
    assert errors == [], f"{len(errors)} HTML errors:\n" + "\n".join(errors[:30])


def _columns(table) -> list[int]:
    rows = table.select("tr")
    return [sum(int(cell.get("colspan", 1)) for cell in row.find_all(["th", "td"], recursive=False))
            for row in rows]


@pytest.mark.parametrize("page", PAGES)
def test_tables_keep_their_columns(hostile_site, html, page):
    """Every table has as many columns in every row as its header, and as many rows as without the
    hostile text (a pipe or newline that split a row or a cell would change either)."""
    hostile, plain = soup(hostile_site, page).select("article table"), html(page).select("article table")
    assert len(hostile) == len(plain)
    for table, original in zip(hostile, plain):
        counts = _columns(table)
        assert counts and set(counts) == {counts[0]}, f"rows with differing column counts: {counts}"
        assert counts == _columns(original)


def test_flowchart_renders_the_literal_labels_and_no_script_runs(hostile_site, browser):
    dialogs = []
    with support.serve(hostile_site) as base:
        page = browser.new_page()
        page.add_init_script(OPEN_SHADOW)
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(base + "hybrid-routing/")
        svg = page.locator(".mermaid svg")
        svg.wait_for(timeout=20000)
        labels = " ".join(page.locator(".mermaid svg .node").all_text_contents())
        assert '<script>window.__pwned="script"</script>' in labels
        assert "-->" in labels and "{{ 7 * 7 }}" in labels
        assert page.evaluate("typeof window.__pwned") == "undefined"
        page.close()
    assert dialogs == []


@pytest.mark.parametrize("path", PAGES)
def test_no_script_from_data_runs_on_any_page(hostile_site, browser, path):
    dialogs, errors = [], []
    with support.serve(hostile_site) as base:
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        # Fire the events a smuggled handler would listen for, on everything in the page's content.
        page.evaluate("""() => document.querySelectorAll("article *").forEach(element => {
            for (const type of ["mouseover", "focus", "error", "load"]) element.dispatchEvent(new Event(type));
        })""")
        assert page.evaluate("typeof window.__pwned") == "undefined"
        page.close()
    assert dialogs == [] and errors == []


@pytest.mark.parametrize("path", ["compare/", "cheat-sheet/", "use-cases/", "models/", "glossary/"])
def test_a_500_character_word_does_not_widen_the_page(hostile_site, browser, path):
    with support.serve(hostile_site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + path)
        widest = page.evaluate("""() => Math.max(...[...document.querySelectorAll("article table")]
            .map(t => t.getBoundingClientRect().right), 0)""")
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280
        assert widest <= 1280, "a table runs off the page"
        page.close()
