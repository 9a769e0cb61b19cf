"""Links in prose: the one form data text may hold besides plain text, `[label](target)`, where the
target is a web address or a page of the site by its source file from the docs root
(`faq.md#anchor`). models.Prose allows it (validated there); everywhere else it is refused.

Each place prose lands shows a link its own way, and everything around it escaped as usual:
HTML pages an <a> (page links go through slots.links, like the templates' own), Markdown a Markdown
link, the exports a link with the site's address (GFM, Confluence) or the label and the address
(CSV), and places that cannot hold a link (tooltips, the helper's reasons, labels) the label alone.
"""
from __future__ import annotations

import re

from markupsafe import Markup, escape

from ..models import LINK
from . import escape as esc

_LINK = re.compile(LINK)


class Prose(str):
    """A table cell that holds prose: an export writes its links in its own form."""


def segments(text: str) -> list[tuple[str, str | None]]:
    """The text as (words, None) and (label, target) parts, in order."""
    out, at = [], 0
    for match in _LINK.finditer(text):
        if match.start() > at:
            out.append((text[at:match.start()], None))
        out.append((match.group(1), match.group(2)))
        at = match.end()
    if at < len(text) or not out:
        out.append((text[at:], None))
    return out


def page_url(src: str, use_directory_urls: bool = True) -> str:
    """URL (from the site root) of a page by its source path: compare.md -> compare/."""
    stem = src[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")] if use_directory_urls else stem + ".html"
    return stem + "/" if use_directory_urls else stem + ".html"


def address(target: str, origin: str) -> str:
    """Where a link leads, in full: a web address as it is, a page of the site under `origin`."""
    if "://" in target:
        return target
    page, _, anchor = target.partition("#")
    return origin + page_url(page) + (f"#{anchor}" if anchor else "")


def html(text: str) -> Markup:
    """Prose as HTML: the text escaped, each link an <a> (a page link by its source file, which the
    build resolves for the page it is on)."""
    parts = []
    for words, target in segments(str(text)):
        if target is None:
            parts.append(str(escape(words)))
        else:
            outside = ' rel="noopener"' if "://" in target else ""
            parts.append(f'<a href="{escape(target)}"{outside}>{escape(words)}</a>')
    return Markup("".join(parts))


def _written(text: str, escape_text, link) -> str:
    """`text` escaped as a whole by `escape_text` (which may fold it to one line), each link written
    by `link(label, target)`. Links stand in as NUL-numbered marks meanwhile: data text cannot hold NUL."""
    parts, links = [], []
    for words, target in segments(str(text)):
        if target is None:
            parts.append(words)
        else:
            parts.append(f"\0{len(links)}\0")
            links.append((words, target))
    return re.sub(r"\0(\d+)\0", lambda m: link(*links[int(m.group(1))]), escape_text("".join(parts)))


def markdown(text: str) -> str:
    """Prose as Markdown (for a page's Markdown, at the docs root): text through md_cell, each link a
    Markdown link."""
    return _written(text, esc.md_cell, lambda label, target: f"[{esc.md_cell(label)}]({target})")


def plain(text: str) -> str:
    """Prose where no link can go: each link's label alone."""
    return "".join(words for words, _ in segments(str(text)))


def gfm(text: str, origin: str) -> str:
    """Prose in a GFM export: text through gfm_cell, each link a Markdown link to its full address."""
    return _written(text, esc.gfm_cell, lambda label, target: f"[{esc.gfm_cell(label)}]({address(target, origin)})")


def confluence(text: str, origin: str) -> str:
    """Prose in a Confluence export: text escaped, each link [label|address]."""
    return _written(text, esc.confluence,
                    lambda label, target: f"[{esc.confluence(label)}|{address(target, origin)}]")


def spreadsheet(text: str, origin: str) -> str:
    """Prose in a CSV export: each link as its label and, in brackets, its full address."""
    return "".join(words if target is None else f"{words} ({address(target, origin)})"
                   for words, target in segments(str(text)))
