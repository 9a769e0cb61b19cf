"""Text from data/ may come from anyone. Every free-text field of every data file (found from the
schema, not listed here) gets hostile text at its start, in its middle and at its end: markup and
scripts, Markdown, Jinja, mermaid and wiki syntax, spreadsheet formulas, every kind of line break, a
500-character word. The site still builds, and in every file it writes (every page, every
/embed/* page, every export and API file), read by a parser, not by grep:

- no element or attribute appears that the site did not write (compared with a build whose fields
  carry only a harmless marker), and no script from the data runs in Chromium, pages and embeds;
- a table keeps its rows and columns, a wiki export its cells, a CSV export has no formula cell;
- the text is shown literally.

A guard holds the test to its word: every output that shows a field in the marker build shows the
hostile field's marker too, so a renderer that dropped a field would fail it. Glossary terms stay as
they are, so that their tooltips (the definitions, poisoned too) still appear in running text.

Characters that have no place in text (controls, direction overrides, a byte-order mark, half a
character) are refused instead, each with its located line.
"""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import msgspec
import pytest
import yaml
from bs4 import BeautifulSoup

from macros.data import DataError, load_site
from macros.data.schema import schema_line
from macros.models import FILES, LARGE, Strict, is_text_meta, prose_fields, text_fields
from tests import support
from tests.support import fast_dump, fast_load
from tools.catalogue import LINE, TODAY

LONG_WORD = "W" * 500
# Each would run a script, break a table, a heading, the flowchart, a wiki table or a spreadsheet, or
# hide text, if it were not escaped where it lands. No glossary term occurs in it.
HOSTILE = ('=HYPERLINK("http://x","y") +1+1 -1+1 @SUM(A1) '
           '<script>window.__pwned="script"</script><img src=x onerror="window.__pwned=1"> '
           '<a href="javascript:window.__pwned=1" onclick="window.__pwned=1">click</a> " onmouseover="x" \' '
           '| a | b || **bold** _em_ `code` # heading\n[link] (javascript:x) !(i) <https://example.org/a_b> '
           '\r\rsecond line\r\n--> A[x] B{y} C((z)) end; click A call alert() %%{init: {}}%% classDef x fill:red '
           '{{ 7 * 7 }} {% if true %}j{% endif %} {# c #} &amp; &lt; \\ C:\\models ~x~ *[x]: y '
           '{code} [x|http://x] h1. -s- ^s^ ?? !x.png! ---- \x85NEL\u2028LS\u2029PS '
           '\t=tab مرحبا 😀👩‍💻 ')
# The part of the hostile text every HTML page must show as text: proof it was not interpreted.
SHOWN = '<script>window.__pwned="script"</script>'
SCRIPT_MARK = "window.__pwned"
# For a short field (a diagram label): the most dangerous part, in few characters.
LABEL_HOSTILE = '<script>x</script>|-->"{{x}}%%\r#;'
LABEL_SHOWN = "<script>x</script>"
# Refused wherever they are: each field holding one gets its own located line.
REFUSED = ["\x00", "\x1b", "\x1c", "\x7f", "\x9b", "\v", "\f", "\u202e", "\u2066", "\ufeff", "\ufffe", "\ud800"]
UNTOUCHED = {("glossary", "term"), ("glossary", "aliases")}  # tooltips must still find the terms
# Prose may hold a link: where prose is shown as HTML it is an <a> to exactly this address.
LINK_TO = "https://example.org/a_b?c=d&e=f#g"
PROSE_LINK = f"[a link]({LINK_TO})"


def _model(annotation) -> type[Strict] | None:
    import typing
    if isinstance(annotation, type) and issubclass(annotation, Strict):
        return annotation
    for arg in typing.get_args(annotation):
        if found := _model(arg):
            return found
    return None


def _marker(number: int) -> str:
    """A token every escaper leaves alone (letters only), unique per field."""
    return "zq" + "".join("bcdfghjklm"[int(d)] for d in f"{number:05d}") + "qz"


def _terms() -> list[str]:
    glossary = fast_load((support.ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))["glossary"]
    return [word for term in glossary for word in [term["term"], *term.get("aliases", [])]]


TERMS = _terms()


def _middle(text: str) -> int:
    """A place between two words near the middle of `text` that splits no word, no glossary term
    (whose tooltip would then be lost) and no link of prose ([label](target))."""
    spans = [m.span() for term in TERMS for m in re.finditer(re.escape(term), text)]
    spans += [m.span() for m in _LINK.finditer(text)]
    inside = {i for start, end in spans for i in range(start, end)}
    spaces = [m.start() for m in re.finditer(" ", text) if m.start() not in inside]
    return min(spaces, key=lambda at: abs(at - len(text) // 2)) if spaces else len(text)


_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")


def _cut(text: str, longest: int) -> str:
    """`text` cut to `longest` characters, before a link of prose rather than through it."""
    for m in _LINK.finditer(text):
        if m.start() < longest < m.end():
            return text[:m.start()]
    return text[:longest]


def _max_length(annotation) -> int:
    """The longest text a free-text field (or each item of a list of them) may hold, from the schema."""
    import typing
    found = [getattr(m, "max_length", None) for m in getattr(annotation, "__metadata__", ())
             if is_text_meta(m)]
    if found:
        return found[0]
    return min((_max_length(arg) for arg in typing.get_args(annotation) if typing.get_args(arg)
                or getattr(arg, "__metadata__", None)), default=2000)


def fields(node, model: type[Strict], kind: str):
    """(parent, key, longest allowed, is prose) of every free-text value under `node`, via the schema."""
    texts = dict(text_fields(model))
    prose = dict(prose_fields(model))
    for field in msgspec.structs.fields(model):
        key = field.name
        if key not in node:
            continue
        if key in texts and (kind, key) not in UNTOUCHED:
            value = node[key]
            if isinstance(value, list):
                yield from ((node[key], i, _max_length(field.type), key in prose) for i in range(len(value)))
            else:
                yield (node, key, _max_length(field.type), key in prose)
        elif (sub := _model(field.type)) is not None:
            for item in node[key] if isinstance(node[key], list) else [node[key]]:
                yield from fields(item, sub, kind)


SAMPLE = 12  # records of each catalogue file (models.LARGE) rewritten: they share their renderers


def sampled(document: dict, name: str) -> dict:
    """The document, or for a catalogue file a view of its first SAMPLE records (the same objects)."""
    if name in LARGE and isinstance(document.get(name), list):
        return {**document, name: document[name][:SAMPLE]}
    return document


def poisoned(project: Path, rewrite) -> dict[str, str]:
    """Rewrite every free-text value of every data file with `rewrite(marker, text)`; return marker ->
    where it went (file and value), for messages."""
    where, number = {}, 0
    for name, model in FILES.items():
        path = project / "data" / f"{name}.yml"
        document = fast_load(path.read_text(encoding="utf-8"))
        for parent, key, longest, prose in fields(sampled(document, name), model, name):
            number += 1
            mark = _marker(number)
            where[mark] = f"{name}: {str(parent[key])[:40]!r}"
            parent[key] = rewrite(mark, parent[key], longest, prose)
        path.write_text(schema_line(name) + "\n" + fast_dump(document, allow_unicode=True, sort_keys=False,
                                                                  width=10**6), encoding="utf-8")
    return where


def _build(tmp_path_factory, name: str, rewrite) -> tuple[Path, dict[str, str]]:
    project = support.copy_project(tmp_path_factory.mktemp(name))
    where = poisoned(project, rewrite)
    site = project / "site"
    result = support.build(site, project)
    assert result.returncode == 0, f"the {name} build failed:\n{result.stderr[-3000:]}"
    return site, where


@pytest.fixture(scope="module")
def marked(tmp_path_factory):
    """The site with a harmless marker at the start of every free-text field."""
    return _build(tmp_path_factory, "marked", lambda mark, text, longest, prose: _cut(f"{mark} {text}", longest))


def _hostile(mark: str, text: str, longest: int, prose: bool = False) -> str:
    """The hostile text at the start, in the middle and at the end, as much as the field may hold
    (in prose, after a link); in a short field (a diagram label), its most dangerous part, then the
    marker."""
    if longest < len(HOSTILE) + len(mark) + 2:
        return f"{mark} {text} {LABEL_HOSTILE}"[:longest]
    at = _middle(text)
    link = f"{PROSE_LINK} " if prose else ""
    # As much hostile text as fits beside the field's own text, which stays whole where it can (a cut
    # through it would lose words, and with them glossary terms, that the marker build shows).
    for candidate in (f"{link}{HOSTILE}{LONG_WORD} {mark} {text[:at]} {HOSTILE} {text[at:]} {HOSTILE}",
                      f"{link}{HOSTILE}{LONG_WORD} {mark} {text} {HOSTILE}",
                      f"{link}{HOSTILE} {mark} {text}"):
        if len(candidate) <= longest:
            return candidate
    return _cut(f"{link}{HOSTILE} {mark} {text}", longest)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The site with hostile text at the start, in the middle and at the end of every free-text field."""
    return _build(tmp_path_factory, "hostile", _hostile)


def outputs(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*")
                  if p.is_file() and p.suffix in (".html", ".md", ".csv", ".txt", ".json", ".mmd", ".atom")
                  and not p.name.endswith(".schema.json") and "search" not in p.parts
                  and p.name != "sitemap.xml")


def markers(text: str) -> set[str]:
    return set(re.findall(r"zq[b-m]{5}qz", text))


def test_every_output_shows_every_field_it_shows_in_the_marker_build(marked, hostile):
    """The guard: the hostile text reached every place the field lands, in every file."""
    (clean, where), (site, _) = marked, hostile
    assert outputs(clean) == outputs(site)
    covered = set()
    for path in outputs(clean):
        expected = markers((clean / path).read_text(encoding="utf-8"))
        covered |= expected
        missing = expected - markers((site / path).read_text(encoding="utf-8"))
        assert not missing, f"{path} lost the field(s) {[where[m] for m in sorted(missing)][:5]}"
    assert covered == set(where), f"fields shown nowhere: {[where[m] for m in sorted(set(where) - covered)][:5]}"


# --- HTML: pages and embeds -------------------------------------------------------------------------

def html_files(site: Path) -> list[str]:
    return [p for p in outputs(site) if p.endswith(".html")]


def structure(html: BeautifulSoup) -> tuple[Counter, set]:
    """How many elements of each kind, and which attributes on which elements; a prose link to the
    hostile text's address is the site's own writing (checked apart, below) and left out."""
    for link in html.find_all("a", href=LINK_TO):
        link.unwrap()
    # ...and so is a link to a model named in prose (render/mentions.py), found only where a name is
    # short enough to be written in prose, as a hostile name is not
    for link in html.select("a.ovc-mention"):
        link.unwrap()
    tags = Counter(e.name for e in html.find_all(True))
    attributes = {(e.name, a) for e in html.find_all(True) for a in e.attrs}
    return tags, attributes


def test_no_element_or_attribute_the_site_did_not_write(marked, hostile):
    (clean, _), (site, _) = marked, hostile
    for path in html_files(clean):
        mine = BeautifulSoup((clean / path).read_text(encoding="utf-8"), "html.parser")
        theirs = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
        tags, attributes = structure(theirs)
        clean_tags, clean_attributes = structure(mine)
        assert tags == clean_tags, f"{path}: elements differ: {(tags - clean_tags) or (clean_tags - tags)}"
        assert attributes <= clean_attributes, f"{path}: new attributes {attributes - clean_attributes}"
        for term in theirs.select("button.ovc-term"):  # a term: its text, nothing else
            assert not term.find(True), f"{path}: {term}"
        for element in theirs.find_all(True):
            for attribute, value in element.attrs.items():
                assert not attribute.startswith("on"), f"{path}: <{element.name} {attribute}>"
                if attribute in ("href", "src"):
                    assert not str(value).lower().startswith("javascript:"), f"{path}: {attribute}={value}"
        for script in theirs.find_all("script"):
            body = script.get_text()
            if script.get("type") == "application/json":
                assert "<" not in body, f"{path}: a '<' in JSON could close the <script>"
                json.loads(body)
            else:
                assert SCRIPT_MARK not in body, f"{path}: data text inside a <script>"


def test_the_text_is_shown_literally(hostile):
    site, _ = hostile
    shown = [path for path in html_files(site)
             if SHOWN in BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser").get_text()]
    assert {"compare/index.html", "glossary/index.html", "embed/comparison/index.html"} <= set(shown)
    text = BeautifulSoup((site / "compare" / "index.html").read_text(encoding="utf-8"), "html.parser").get_text(" ")
    for literal in ("{{ 7 * 7 }}", "| a | b ||", "**bold**", "=HYPERLINK(", "C:\\models", "~x~", LONG_WORD,
                    "مرحبا", "😀👩‍💻"):
        assert literal in text, literal


def test_definitions_reach_the_popovers_inert(hostile):
    """A glossary definition with line breaks and markup is a popover's text: the term in bold, then
    the definition as text on one line, nothing more."""
    site, _ = hostile
    shown = [p for path in html_files(site)
             for p in BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser").select(".ovc-def__text")]
    assert shown and all(SHOWN in p.get_text() for p in shown), "a popover lost its (hostile) definition"
    assert all([e.name for e in p.find_all(True)] == ["strong"] for p in shown)
    assert all("\n" not in p.get_text() and "\r" not in p.get_text() for p in shown)


def test_a_link_in_prose_is_a_real_link_to_exactly_its_address(hostile):
    site, _ = hostile
    found = [a for path in html_files(site)
             for a in BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser").find_all("a", href=LINK_TO)]
    assert found and all(a.get_text() == "a link" for a in found)


def _columns(table) -> list[int]:
    return [sum(int(cell.get("colspan", 1)) for cell in row.find_all(["th", "td"], recursive=False))
            for row in table.select("tr")]


def test_tables_keep_their_rows_and_columns(marked, hostile):
    (clean, _), (site, _) = marked, hostile
    for path in html_files(clean):
        plain = BeautifulSoup((clean / path).read_text(encoding="utf-8"), "html.parser").select("table")
        poisoned_ = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser").select("table")
        assert [_columns(t) for t in poisoned_] == [_columns(t) for t in plain], path


@pytest.fixture(scope="module")
def served(hostile):
    with support.serve(hostile[0]) as base:
        yield base


@pytest.mark.parametrize("path", [support.page_url(p) for p in support.nav_pages()])
def test_no_script_from_data_runs_on_any_page(served, browser, path):
    _no_script_runs(served, browser, path)


def _embed_pages():
    from macros.publish.components import COMPONENTS, embed_url
    return [embed_url(c.name) for c in COMPONENTS]


@pytest.mark.parametrize("path", _embed_pages())
def test_no_script_from_data_runs_on_any_embed(served, browser, path):
    _no_script_runs(served, browser, path)


def _no_script_runs(base: str, browser, path: str) -> None:
    dialogs, errors = [], []
    page = browser.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    # Fire the events a smuggled handler would listen for, on everything in the page's content.
    page.evaluate("""() => document.querySelectorAll("article *, .md-content *").forEach(element => {
        for (const type of ["mouseover", "focus", "error", "load", "click"]) {
            if (element.tagName !== "A" && element.type !== "submit" && element.type !== "reset")
                element.dispatchEvent(new Event(type));
        }
    })""")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.close()
    assert dialogs == [] and errors == []


def test_flowchart_shows_the_literal_labels(served, browser):
    page = browser.new_page()
    page.add_init_script(support.OPEN_SHADOW)
    page.goto(served + "hybrid-routing/")
    page.locator(".mermaid svg").wait_for(timeout=20000)
    labels = " ".join(page.locator(".mermaid svg .node").all_text_contents())
    assert LABEL_SHOWN in labels and "-->" in labels and "{{x}}" in labels
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.close()


@pytest.mark.parametrize("path", ["compare/", "cheat-sheet/", "use-cases/", "models/", "glossary/"])
def test_a_500_character_word_does_not_widen_the_page(served, browser, path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served + path)
    # a table wider than the column scrolls in a frame of its own: the frame must fit the page
    widest = page.evaluate("""() => Math.max(...[...document.querySelectorAll("article table")]
        .map(t => {
            let box = t;
            for (let e = t.parentElement; e && e.tagName !== "ARTICLE"; e = e.parentElement)
                if (["auto", "scroll"].includes(getComputedStyle(e).overflowX)) { box = e; break; }
            return box.getBoundingClientRect().right;
        }), 0)""")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert widest <= 1280, "a table runs off the page"
    page.close()


def test_pages_with_hostile_text_are_valid_html(hostile):
    from tests.test_html_valid import check, errors_of_ours
    site, _ = hostile
    errors = errors_of_ours(check(site), site)
    assert errors == [], f"{len(errors)} HTML errors:\n" + "\n".join(errors[:30])


# --- exports and API --------------------------------------------------------------------------------

def exported(site: Path, suffix: str) -> list[str]:
    return [p for p in outputs(site) if p.startswith("exports/") and p.endswith(suffix)]


def test_markdown_exports_add_no_element_in_a_real_gfm_parser(marked, hostile):
    import cmarkgfm
    from cmarkgfm.cmark import Options
    (clean, _), (site, _) = marked, hostile
    paths = exported(clean, ".md")
    assert paths
    for path in paths:
        parse = lambda p: BeautifulSoup(cmarkgfm.github_flavored_markdown_to_html(  # noqa: E731
            p.read_text(encoding="utf-8"), options=Options.CMARK_OPT_UNSAFE), "html.parser")
        mine, theirs = parse(clean / path), parse(site / path)
        for link in theirs.find_all("a"):  # an address in the text may become a link: to exactly itself
            if link["href"] in (link.get_text(), "mailto:" + link.get_text()):
                link.unwrap()
        for link in mine.find_all("a"):
            if link["href"] in (link.get_text(), "mailto:" + link.get_text()):
                link.unwrap()
        assert structure(theirs)[0] - structure(mine)[0] == Counter(), f"{path}: {structure(theirs)[0] - structure(mine)[0]}"
        assert [_columns(t) for t in theirs.select("table")] == [_columns(t) for t in mine.select("table")], path
        assert SHOWN in theirs.get_text() or "mermaid" in (site / path).read_text(encoding="utf-8"), path


FORMULA = ("=", "+", "-", "@", "\t", "\r")


def test_csv_exports_have_no_formula_cell_and_keep_their_shape(marked, hostile):
    (clean, _), (site, _) = marked, hostile
    paths = exported(clean, ".csv")
    assert paths
    for path in paths:
        rows = list(csv.reader(io.StringIO((site / path).read_text(encoding="utf-8"), newline="")))
        plain = list(csv.reader(io.StringIO((clean / path).read_text(encoding="utf-8"), newline="")))
        assert [len(r) for r in rows] == [len(r) for r in plain], path
        for row in rows[1:]:
            for cell in row:
                assert not cell.startswith(FORMULA) or re.fullmatch(r"-?\d+(\.\d+)?", cell), f"{path}: {cell[:40]!r}"
        assert any("=HYPERLINK(" in cell for row in rows for cell in row), path


def test_confluence_exports_keep_their_cells_in_a_real_wiki_parser(marked, hostile):
    pandoc = shutil.which("pandoc")
    assert pandoc, "pandoc reads Confluence wiki markup here: apt-get install pandoc (.ci/run does)"
    (clean, _), (site, _) = marked, hostile
    paths = exported(clean, ".confluence.txt")
    assert paths

    def parse(file: Path) -> BeautifulSoup:
        html = subprocess.run([pandoc, "-f", "jira", "-t", "html"], input=file.read_text(encoding="utf-8"),
                              capture_output=True, text=True, check=True, timeout=60).stdout
        return BeautifulSoup(html, "html.parser")

    for path in paths:
        mine, theirs = parse(clean / path), parse(site / path)
        assert [_columns(t) for t in theirs.select("table")] == [_columns(t) for t in mine.select("table")], path
        assert structure(theirs)[0] - structure(mine)[0] == Counter(), f"{path}: {structure(theirs)[0] - structure(mine)[0]}"
        assert SHOWN in theirs.get_text(), path


def test_json_files_are_strict_json_holding_the_text(hostile):
    site, _ = hostile
    paths = [p for p in outputs(site) if p.endswith(".json")]
    assert paths
    for path in paths:
        value = json.loads((site / path).read_text(encoding="utf-8"),
                           parse_constant=lambda c: pytest.fail(f"{path}: {c} is not JSON"))
        assert value is not None
    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, (list, dict)):
            for item in value.values() if isinstance(value, dict) else value:
                yield from strings(item)
    data = json.loads((site / "api" / "v1" / "faq.json").read_text(encoding="utf-8"))
    assert any(SHOWN in text for text in strings(data))


def test_mermaid_export_has_the_statements_of_the_marker_build(marked, hostile):
    (clean, _), (site, _) = marked, hostile
    for path in exported(clean, ".mmd"):
        mine = (clean / path).read_text(encoding="utf-8").splitlines()
        theirs = (site / path).read_text(encoding="utf-8").splitlines()
        assert len(theirs) == len(mine), path
        ends = lambda lines: [{(a, c) for a, _, c in support.mermaid_edges(line)} for line in lines]  # noqa: E731
        assert ends(theirs) == ends(mine), path


# --- refused characters -----------------------------------------------------------------------------

def test_characters_that_have_no_place_in_text_are_refused_with_one_line_per_field(tmp_path):
    """Each free-text field holding a control, a direction override, a byte-order mark or half a
    character is reported on its own located line, naming the character."""
    data = tmp_path / "data"
    shutil.copytree(support.ROOT / "data", data, ignore=shutil.ignore_patterns("schema"))
    count = 0
    for name, model in FILES.items():
        path = data / f"{name}.yml"
        document = fast_load(path.read_text(encoding="utf-8"))
        for parent, key, _, _ in fields(document, model, name):
            parent[key] = f"{parent[key]} {REFUSED[count % len(REFUSED)]} end"
            count += 1
        path.write_text(schema_line(name) + "\n" + yaml.safe_dump(document, allow_unicode=False, sort_keys=False,
                                                                  width=10**6), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site(data, today=TODAY)
    lines = [str(p) for p in caught.value.problems]
    assert len(lines) == count, f"{count} fields, {len(lines)} problems"
    assert all(LINE.match(line) and "contains U+" in line for line in lines), lines[:3]
    assert all(f"U+{ord(c):04X}" in " ".join(lines) for c in REFUSED)
