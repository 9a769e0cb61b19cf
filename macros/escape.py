"""Escaping of data text for each place it lands. Text in data/ is plain text and must show literally.

- html(): element content and attribute values.
- md_cell(): a cell of a Markdown (GFM / Python-Markdown) table, or any Markdown text; md_inline()
  the same, marked as already escaped for HTML (inside an HTML template that writes Markdown).
- confluence(): a cell of a Confluence wiki-markup table.
- mermaid_label(): a quoted node or edge label in mermaid source; the result contains none of
  < > & " so the source is also safe inside the HTML <pre> it is shipped in.
"""
from __future__ import annotations

from markupsafe import Markup, escape

# Characters with a meaning in a Markdown table cell: the ones Python-Markdown (with its tables
# extension) un-escapes; GFM un-escapes every ASCII punctuation, so these are safe in both.
_MD_SPECIAL = set("\\`*_[]{}()#+-.!|")
# Mermaid's own entity syntax (#name; or #code;) encodes what would otherwise end or break a label.
_MERMAID = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;",
            ";": "#59;", "|": "#124;", "\\": "#92;", "{": "#123;", "}": "#125;"}


def html(text: object) -> Markup:
    return escape(str(text))


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def md_cell(text: object) -> str:
    """Text as one table cell: one line, markup characters escaped, HTML characters as entities."""
    out = []
    for char in _one_line(str(text)):
        if char == "&":
            out.append("&amp;")
        elif char == "<":
            out.append("&lt;")
        elif char == ">":
            out.append("&gt;")
        elif char in _MD_SPECIAL:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def md_inline(text: object) -> Markup:
    """md_cell() inside an autoescaped (.html.j2) template that writes Markdown: already escaped."""
    return Markup(md_cell(text))


def mermaid_label(text: object) -> str:
    """Text for inside "..." in mermaid: one line, every syntax character as a mermaid entity."""
    return "".join(_MERMAID.get(char, char) for char in _one_line(str(text)))


def mermaid_id(prefix: str, record_id: str) -> str:
    """A mermaid node id from a kebab-case id; the prefix keeps clear of keywords such as `end`."""
    return f"{prefix}_{record_id.replace('-', '_')}"


# Confluence wiki markup: characters that start formatting, links, macros or table cells there.
_CONFLUENCE_SPECIAL = set("\\|[]{}*_-+^~!?#")


def confluence(text: object) -> str:
    """Text as one cell of a Confluence wiki-markup table: one line, every markup character escaped."""
    out = "".join("\\" + char if char in _CONFLUENCE_SPECIAL else char for char in _one_line(str(text)))
    return out or " "
