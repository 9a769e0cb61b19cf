"""Escaping of data text for each place it lands. Text in data/ is plain text and must show literally.

- html(): element content and attribute values.
- md_cell(): Markdown text of the site's own pages (Python-Markdown with the extensions of mkdocs.yml):
  a table cell, a heading, a list item; md_inline() the same, marked as already escaped for HTML
  (inside an HTML template that writes Markdown).
- gfm_cell(): Markdown text of the exports for GitHub, GitLab and other GFM wikis (cmark-gfm, with
  tables, strikethrough and bare-URL autolinks).
- confluence(): a cell of a Confluence wiki-markup table.
- csv_field(): a field of a CSV file, as written in the file, that no spreadsheet reads as a formula.
- mermaid_label(): a quoted node or edge label in mermaid source; the result contains none of
  < > & " so the source is also safe inside the HTML <pre> it is shipped in.
"""
from __future__ import annotations

import re

from markupsafe import Markup, escape

# Characters with a meaning in the site's Markdown, all of which Python-Markdown (with its tables
# extension, for |) un-escapes. Only these: it shows any other backslash, so \~ would show as \~.
_MD_SPECIAL = set("\\`*_[]{}()#+-.!|")
# Mermaid's own entity syntax (#name; or #code;) encodes what would otherwise end or break a label.
_MERMAID = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;",
            ";": "#59;", "|": "#124;", "\\": "#92;", "{": "#123;", "}": "#125;"}


def html(text: object) -> Markup:
    return escape(str(text))


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


_MD_CELL = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", **{c: "\\" + c for c in _MD_SPECIAL}})
# The site's pymdownx.emoji turns :name: into an emoji picture (loaded from a CDN, against the site's
# no-other-server rule); a colon that opens one is written as an entity, which Python-Markdown keeps
# before the emoji pattern runs. (+ - _ are escaped already, and an escape also stops the pattern.)
_EMOJI_OPEN = re.compile(r":(?=[+\-\w\\]+:)")


def md_cell(text: object) -> str:
    """Text as one table cell: one line, markup characters escaped, HTML characters as entities."""
    return _EMOJI_OPEN.sub("&#58;", _one_line(str(text)).translate(_MD_CELL))


def md_inline(text: object) -> Markup:
    """md_cell() inside an autoescaped (.html.j2) template that writes Markdown: already escaped."""
    return Markup(md_cell(text))


# GFM un-escapes every ASCII punctuation character. Escaped here: the ones with a meaning there, and
# ~ (strikethrough, ~x~ as well as ~~x~~), : (cmark-gfm links a bare https://... from the raw text,
# backslashes and all; an escaped colon never starts one, and the escaped . stops www. links) and
# $ (GitHub renders $...$ as math). An e-mail address may still become a mailto: link, made from the
# shown text, so to the right address.
_GFM = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;",
                      **{c: "\\" + c for c in "\\`*_[]{}()#+-.!|~:$"}})


def gfm_cell(text: object) -> str:
    """Text for a GFM export (a table cell, a heading, link text): one line, shown literally."""
    return _one_line(str(text)).translate(_GFM)


_MERMAID_TABLE = str.maketrans(_MERMAID)


def mermaid_label(text: object) -> str:
    """Text for inside "..." in mermaid: one line, every syntax character as a mermaid entity."""
    return _one_line(str(text)).translate(_MERMAID_TABLE)


# Confluence wiki markup. A backslash escapes punctuation there, but "\\" is a line break, and
# readers do not take a backslash before + ^ ~ | as an escape, nor before an icon sequence such as
# (on) or :D that a letter follows; those characters are written as HTML character references, named
# where HTML has a name (Debian 12's pandoc 2.17 decodes only those), &#126; for ~ (it has none).
_CONFLUENCE = str.maketrans({"\\": "&bsol;", "|": "&verbar;", "+": "&plus;", "^": "&Hat;", "~": "&#126;",
                             "&": "&amp;", **{c: "\\" + c for c in "*_-[]{}?!#"}})
# Characters that mean something only in context, kept as they are elsewhere so prose stays readable:
# "(" opening an icon such as (y) (i) (/) (on); ":" or ";" touching the next character (the smileys
# :) :D ;) and the "://" of a bare URL, which would become a link); the "." of h1.-h6. or bq. that
# begins a cell (a heading, a quote).
_CONFLUENCE_CONTEXT = re.compile(r"\((?=[A-Za-z/!+\-?*]+\))|[:;](?=\S)|(?<=^h[1-6])\.|(?<=^bq)\.")
_CONFLUENCE_REF = {"(": "&lpar;", ":": "&colon;", ";": "&semi;", ".": "\\."}


def confluence(text: object) -> str:
    """Text as one cell of a Confluence wiki-markup table: one line, shown literally, never markup."""
    line, out, end = _one_line(str(text)), [], 0
    for match in _CONFLUENCE_CONTEXT.finditer(line):
        out += [line[end:match.start()].translate(_CONFLUENCE), _CONFLUENCE_REF[match.group()]]
        end = match.end()
    out.append(line[end:].translate(_CONFLUENCE))
    return "".join(out) or " "


# Spreadsheets read a cell that starts with = + - or @ as a formula (=HYPERLINK(...) is a live link),
# and some importers drop a leading tab or CR first. OWASP's advice on CSV injection: put a single
# quote in front of such a cell and every field in double quotes (so a ';' inside a value cannot end
# the field for a spreadsheet that splits on ';').
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def csv_field(text: object, numeric: bool = False) -> str:
    """One CSV field as written in the file (RFC 4180). In a numeric column a plain number (7, -5,
    2.5) is written bare and stays a number; anything else is quoted, with a ' in front when it would
    start a formula (also after leading spaces). Newlines stay: a quoted field may hold them."""
    text = str(text)
    if numeric and _PLAIN_NUMBER.fullmatch(text):
        return text
    if text.startswith(_FORMULA_START) or text.lstrip().startswith(_FORMULA_START):
        text = "'" + text
    return '"' + text.replace('"', '""') + '"'
