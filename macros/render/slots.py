"""Every string protocol between the renderers, the built page and the tools around it, in one place.

Generated HTML goes into a page after Markdown, not through it. A macro whose output is HTML (a
table, a list, the helper's form) leaves a slot in the page's Markdown; once Python-Markdown has
converted the page, the slot is replaced by the HTML. Markdown never parses the generated markup,
which was most of the build's time and grew with every record (its raw-HTML scanner and md_in_html
re-read each table cell by cell).

What Markdown used to do to that HTML is done the same way: links to pages name the page's source
file, from the docs root (`sources.md#id`, `helper.md?q`), and `links()` turns them into the page's
URL relative to the page they appear on. Glossary terms and citations are marked afterwards, once,
on the whole page, its own text and the generated HTML alike (reading.py).

Owned here as well: the markers of HTML inside rendered Markdown, the slots of diagrams drawn ahead
of time (publish/drawings.py), and the patterns of what other tools write into a page that we read
or rewrite (the mermaid fence of pymdownx.superfences, mkdocs-mermaid2's script tag, in-page links).

Pure functions; the MkDocs glue is macros/plugin/.
"""
from __future__ import annotations

import re
from typing import Callable


class Html(str):
    """What a renderer wrote in full as HTML (a *.html.j2 template): the whole of it goes into the
    page after Markdown. Any string operation on it gives a plain str again."""


# --- generated blocks -------------------------------------------------------------------------------

_SLOT = '<div data-ovc-block="{}"></div>'
# A slot alone in a paragraph (a macro called inside running text) loses the <p> around it.
SLOT = re.compile(r'(?:<p>)?<div data-ovc-block="(\d+)"></div>(?:</p>)?')
BLOCK_MARK = 'data-ovc-block="'  # a converted page holds generated blocks only where this occurs


def slot(number: int) -> str:
    """The placeholder a page's Markdown holds for its generated block number `number`."""
    return _SLOT.format(number)


_ID = re.compile(r'\sid="([^"]*)"')


def ids(html: str) -> list[str]:
    """The element ids in `html`, in order."""
    return _ID.findall(html)


# In Markdown a macro renders, HTML between these lines is handled like a whole HTML macro's output.
HTML_START, HTML_END = "<!-- ovc:html -->", "<!-- /ovc:html -->"
_MARKED = re.compile(re.escape(HTML_START) + r"\n?(.*?)\n?" + re.escape(HTML_END), re.S)


def extract(markdown: str, keep: Callable[[str], str]) -> str:
    """`markdown` with each marked HTML part replaced by what `keep(part)` returns (its slot)."""
    return _MARKED.sub(lambda m: keep(m.group(1)), markdown) if HTML_START in markdown else markdown


def fill(page_html: str, blocks: list[str]) -> tuple[str, set[str]]:
    """The converted page with every slot replaced by its block, and the ids the blocks bring.
    Raises ValueError naming the ids that would then occur twice (Markdown's table of contents keeps
    its own heading ids unique, but cannot see the generated HTML)."""
    seen, twice, brought = set(), [], set()
    for index, part in enumerate([page_html, *blocks]):
        for found in ids(part):
            (twice.append(found) if found in seen else seen.add(found))
            if index:
                brought.add(found)
    if twice:
        raise ValueError("id used twice on the page: " + ", ".join(sorted(set(twice))))
    return SLOT.sub(lambda m: blocks[int(m.group(1))], page_html), brought


def prepare(blocks: list[str], url_for: Callable[[str, str], str]) -> list[str]:
    """A page's blocks with their links resolved (their glossary terms and citations are the whole
    page's business, once it is complete: reading.py)."""
    return [links(block, url_for) for block in blocks]


# --- links ------------------------------------------------------------------------------------------

# href="page.md", "folder/page.md#anchor", "page.md?query": a page of the site, by its source file.
_DOC_LINK = re.compile(r'href="((?:[\w-]+/)*[\w-]+\.md)([?#][^"]*)?"')
# A link to a place on the same page, as Markdown writes it.
_SAME_PAGE_LINK = re.compile(r'href="#')


def links(html: str, url_for: Callable[[str, str], str]) -> str:
    """Every link to a page source (`x.md`, from the docs root) as `url_for("x.md", "#anchor")`:
    its URL, with the query or fragment it had (the second argument, "" if none)."""
    return _DOC_LINK.sub(lambda m: f'href="{url_for(m.group(1), m.group(2) or "")}"', html)


def same_page_links_to(html: str, target: str) -> str:
    """Every link to a place on this page (`#anchor`) sent to that place on page `target` instead."""
    return _SAME_PAGE_LINK.sub(f'href="{target}#', html)


# --- diagrams ---------------------------------------------------------------------------------------

# What pymdownx.superfences + mermaid2.fence_mermaid_custom emit for a ```mermaid fence.
MERMAID_FENCE = re.compile(r'<pre\s+class="mermaid"><code>(.*?)</code></pre>', re.S)
MERMAID_MARK = 'class="mermaid"'  # a converted page holds mermaid fences only where this occurs
# The script tag mkdocs-mermaid2 adds for a page that draws in the browser.
MERMAID_SCRIPT = re.compile(r'<script src="([^"]*assets/vendor/mermaid/mermaid\.min\.js)">')
# The inline script mkdocs-mermaid2 adds after it. Material reads no window.mermaidConfig (it
# initialises mermaid itself), and the site's Content Security Policy runs no inline script.
MERMAID_CONFIG = re.compile(r'<script>window\.mermaidConfig = \{.*?\};</script>', re.S)
# Where a drawing made ahead of time goes. It does not say "mermaid": mkdocs-mermaid2 then leaves the
# page alone instead of parsing and re-serialising all of it with BeautifulSoup on every build.
_DRAWING = '<div data-ovc-drawing="{}"></div>'
DRAWING_SLOT = re.compile(r'<div data-ovc-drawing="(\w+)"></div>')
DRAWING_MARK = "data-ovc-drawing="


def drawing_slot(key: str) -> str:
    return _DRAWING.format(key)
