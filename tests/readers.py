"""The real programs that read what the escapers write, as the tests drive them: LibreOffice Calc for
the CSV exports (what a spreadsheet makes of each cell), pandoc's jira reader for the Confluence
exports, cmark-gfm (GitHub's parser) for the Markdown exports, and Python-Markdown with the site's
own extensions for the site's pages; and the hostile cells all of them must show as exactly their
text."""
from __future__ import annotations

import functools
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import cmarkgfm
import markdown
from bs4 import BeautifulSoup
from cmarkgfm.cmark import Options

ROOT = Path(__file__).resolve().parent.parent

# Text that means something to a spreadsheet, to Confluence, to GitHub or to Python-Markdown.
HOSTILE = [
    '=HYPERLINK("http://x","y")', "+1+1", "-1+1", "-5", "@SUM(A1)", "\tstarts with a tab",
    "\rstarts with a CR", " =1+1 after a space", 'x;=1+1 "quoted", comma', "'already quoted",
    "C:\\models\\new", "\\\\", "\\", "a\\|b", "~x~", "~~x~~", "a~x~b ~ y~", "[~user]",
    "https://example.com/a_b?c=d&e", "www.example.com", "mail me@example.com", "ftp://x.org/a_b",
    "http://a.b/(c)_d_", "<https://x.org>", "| pipe |", "x | y", "{code}", "{color:red}x{color}",
    "[link|http://x]", "*b* _i_ -s- +u+ ^sup^ ~sub~ ??cite?? {{mono}} bq.", "h1. heading",
    "bq. quote", "----", "-- and ---", "# item", "* item", "- item", "1. first", "> quote",
    "!image.png!", "(y) (i) (/) (on)x :) :D ;) Status:Done", ":smile: :+1:", "`code` $x$ **b**",
    "<script>x</script>", "<b onclick=x>b</b>", "&amp;", "&amp; &lt; &#126; &bsol;", "{{ 7 * 7 }} {: .x }",
    "😀👩‍💻 مرحبا بالعالم", "W" * 300,
]


def one_line(text: str) -> str:
    """What a one-line cell (Markdown, Confluence) shows of a text: whitespace runs as one space."""
    return " ".join(text.split())


# --- LibreOffice Calc --------------------------------------------------------------------------

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
# Import options of LibreOffice's CSV filter, by position: comma, '"', UTF-8 (76), from line 1, no
# column formats, English (US) numbers, quoted fields not forced to text, special numbers (dates)
# detected, three export-only options, spaces kept, all sheets, and *evaluate formulas*: on, the
# worst case, as a spreadsheet imports a CSV when no one has unticked it.
CSV_IMPORT = "CSV:44,34,76,1,,1033,false,true,false,false,false,-1,true"


@dataclass(frozen=True)
class Cell:
    kind: str           # office:value-type: "string", "float", "date", ... ("" for an empty cell)
    value: str | None   # office:value of a number
    text: str           # what the cell shows
    formula: str | None  # table:formula, when the cell is one


def soffice() -> str:
    found = shutil.which("soffice")
    assert found, "LibreOffice is needed to read the CSV exports: apt-get install libreoffice-calc-nogui " \
                  "(.ci/run does)"
    return found


def calc(files: dict[str, bytes], options: str = CSV_IMPORT) -> dict[str, list[list[Cell]]]:
    """Each CSV opened by headless LibreOffice Calc (a fresh profile, one run for all of them) and
    saved as flat ODS; the cells of its first sheet, row by row."""
    with tempfile.TemporaryDirectory(prefix="calc-") as tmp:
        tmp = Path(tmp)
        paths = []
        for name, data in files.items():
            (tmp / f"{name}.csv").write_bytes(data)
            paths.append(str(tmp / f"{name}.csv"))
        result = subprocess.run(
            [soffice(), "--headless", "--norestore", f"-env:UserInstallation={(tmp / 'profile').as_uri()}",
             f"--infilter={options}", "--convert-to", "fods", "--outdir", str(tmp / "out"), *paths],
            capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
        out = {}
        for name in files:
            fods = tmp / "out" / f"{name}.fods"
            assert fods.is_file(), f"LibreOffice did not convert {name}.csv:\n{result.stdout}\n{result.stderr}"
            out[name] = sheet_cells(fods.read_bytes())
        return out


def _shown(paragraph: ElementTree.Element) -> str:
    """The text of a text:p as shown: text:s are spaces, text:tab a tab, text:line-break a newline."""
    parts = [paragraph.text or ""]
    for child in paragraph:
        tag = child.tag.rpartition("}")[2]
        if tag == "s":
            parts.append(" " * int(child.get(f"{{{_TEXT}}}c", "1")))
        elif tag == "tab":
            parts.append("\t")
        elif tag == "line-break":
            parts.append("\n")
        else:  # text:span, text:a: their text
            parts.append(_shown(child))
        parts.append(child.tail or "")
    return "".join(parts)


def sheet_cells(fods: bytes) -> list[list[Cell]]:
    """The cells of the first sheet of a flat ODS document, repeated cells and rows expanded, empty
    cells at the end of a row and empty rows at the end of the sheet left out."""
    root = ElementTree.fromstring(fods)
    sheet = next(root.iter(f"{{{_TABLE}}}table"))
    rows: list[tuple[list[Cell], int]] = []
    for row in sheet.iter(f"{{{_TABLE}}}table-row"):
        cells: list[Cell] = []
        for cell in row:
            if cell.tag not in (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell"):
                continue
            shown = Cell(cell.get(f"{{{_OFFICE}}}value-type", ""), cell.get(f"{{{_OFFICE}}}value"),
                         "\n".join(_shown(p) for p in cell.iter(f"{{{_TEXT}}}p")),
                         cell.get(f"{{{_TABLE}}}formula"))
            cells += [shown] * int(cell.get(f"{{{_TABLE}}}number-columns-repeated", "1"))
        while cells and cells[-1] == Cell("", None, "", None):
            cells.pop()
        rows.append((cells, int(row.get(f"{{{_TABLE}}}number-rows-repeated", "1"))))
    while rows and not rows[-1][0]:
        rows.pop()
    return [cells for cells, times in rows for _ in range(times)]


# --- Confluence wiki markup: pandoc's jira reader ------------------------------------------------

def pandoc() -> str:
    found = shutil.which("pandoc")
    assert found, "pandoc is needed to read the Confluence exports: apt-get install pandoc (.ci/run does)"
    return found


def confluence_html(markup: str) -> BeautifulSoup:
    """Confluence (Jira) wiki markup as pandoc's jira reader understands it, written as HTML."""
    result = subprocess.run([pandoc(), "--from", "jira", "--to", "html", "--wrap=none"], input=markup,
                            capture_output=True, text=True, timeout=120, check=True)
    return BeautifulSoup(result.stdout, "html.parser")


def confluence_shows(text: str) -> str:
    """What the reader should show for data text in a cell. Debian 12's pandoc (2.17) decodes only
    named character references, and `~`, which has no name, is written as &#126;: that reader shows
    it as those six characters (pandoc 3 shows ~). Nothing else may differ."""
    line = one_line(text)
    return line if _reads_numeric_references() else line.replace("~", "&#126;")


_NUMERIC: list[bool] = []


def _reads_numeric_references() -> bool:
    if not _NUMERIC:
        _NUMERIC.append(confluence_html("&#126;").get_text().strip() == "~")
    return _NUMERIC[0]


# --- GitHub-flavoured Markdown: cmark-gfm ---------------------------------------------------------

def gfm_html(text: str) -> BeautifulSoup:
    """Markdown as GitHub reads it: cmark-gfm with its table, strikethrough and autolink extensions;
    raw HTML is let through (no tagfilter), so any that an export let slip shows up as an element."""
    html = cmarkgfm.markdown_to_html_with_extensions(
        text, options=Options.CMARK_OPT_UNSAFE, extensions=["table", "strikethrough", "autolink"])
    return BeautifulSoup(html, "html.parser")


def gfm_links_are_right(cell) -> bool:
    """A bare address in the text may become a link, but only to exactly the address it shows."""
    return all(a["href"] in (a.get_text(), "mailto:" + a.get_text(), "http://" + a.get_text())
               for a in cell.find_all("a"))


# --- the site's pages: Python-Markdown with the extensions of mkdocs.yml ---------------------------

@functools.cache
def _site_markdown_config() -> tuple[list[str], dict]:
    from mkdocs.utils import yaml_load  # reads mkdocs.yml's !!python/name and !ENV tags as MkDocs does
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names, options = [], {}
    for entry in config["markdown_extensions"]:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        options[name] = settings or {}
    return names, options


def page_html(text: str) -> BeautifulSoup:
    """Markdown as the site's pages render it: Python-Markdown with every extension in mkdocs.yml."""
    names, options = _site_markdown_config()
    return BeautifulSoup(markdown.markdown(text, extensions=names, extension_configs=options),
                         "html.parser")
