"""Generated HTML goes into a page after Markdown, not through it.

A macro whose output is HTML (a table, a list, the helper's form) leaves a slot in the page's
Markdown; once Python-Markdown has converted the page, the slot is replaced by the HTML. Markdown
never parses the generated markup, which was most of the build's time and grew with every record
(its raw-HTML scanner and md_in_html re-read each table cell by cell).

What Markdown used to do to that HTML is done here, the same way:
- links to pages name the page's source file, from the docs root (`sources.md#id`, `helper.md?q`);
  `links()` turns them into the page's URL relative to the page they appear on;
- glossary terms in its text get their definition as a tooltip (`abbreviate()`, the same rule as
  Python-Markdown's abbr extension: whole words, longest term first; not in link text or code).

Pure functions; the MkDocs glue is macros/__init__.py and macros/blocks_hook.py.
"""
from __future__ import annotations

import functools
import re
from typing import Callable

from markupsafe import escape

_SLOT = '<div data-ovc-block="{}"></div>'
# A slot alone in a paragraph (a macro called inside running text) loses the <p> around it.
SLOT = re.compile(r'(?:<p>)?<div data-ovc-block="(\d+)"></div>(?:</p>)?')
# href="page.md", "folder/page.md#anchor", "page.md?query": a page of the site, by its source file.
_DOC_LINK = re.compile(r'href="((?:[\w-]+/)*[\w-]+\.md)([?#][^"]*)?"')
_WORD = re.compile(r"\w+")
# No tooltips inside these: code and scripts are not prose, and a link's text already leads somewhere
# (a tooltip's dotted underline inside a link's underline only adds noise).
_OPAQUE = ("a", "code", "pre", "script", "style", "abbr", "textarea", "template", "svg", "kbd")


class Html(str):
    """What a renderer wrote in full as HTML (a *.html.j2 template): the whole of it goes into the
    page after Markdown. Any string operation on it gives a plain str again."""


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


def prepare(blocks: list[str], url_for: Callable[[str, str], str], glossary: "Glossary") -> list[str]:
    """A page's blocks with their tooltips added and their links resolved. A block is abbreviated
    once per build (`Glossary.abbreviate`): a component's embed page reuses its page's work."""
    return [links(glossary.abbreviate(block), url_for) for block in blocks]


def links(html: str, url_for: Callable[[str, str], str]) -> str:
    """Every link to a page source (`x.md`, from the docs root) as `url_for("x.md", "#anchor")`:
    its URL, with the query or fragment it had (the second argument, "" if none)."""
    return _DOC_LINK.sub(lambda m: f'href="{url_for(m.group(1), m.group(2) or "")}"', html)


_OPAQUE_TAG = re.compile(r"<(/?)(" + "|".join(_OPAQUE) + r")\b[^>]*?(/?)>", re.I)


def _trie_pattern(words) -> str:
    """One regex alternative for all `words`, as a trie (a common prefix is tried once), longest
    match first: a plain alternation of hundreds of terms is tried term by term at every word."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:  # a term ends here; a longer one may go on: try it first (greedy ?)
            return ("(?:" + body + ")?") if len(branches) > 1 or len(body) > 1 else body + "?"
        return body

    return "(?:" + pattern(trie) + ")"


class Glossary:
    """Terms and their definitions, prepared once per build: which terms a text holds (for the
    Markdown abbreviations of a page, and for `abbreviate()` in generated HTML)."""

    def __init__(self, titles: dict[str, str]):
        # By the term's first word: (term, its words); terms without a word character are looked
        # for in every text.
        self.by_first: dict[str, list] = {}
        for term in titles:
            words = _WORD.findall(term)
            self.by_first.setdefault(words[0] if words else "", []).append((term, frozenset(words)))
        self.firsts = frozenset(self.by_first) - {""}
        # Each term as it appears in escaped HTML text -> its <abbr> start tag.
        self.start_tags = {str(escape(term)): f'<abbr title="{escape(title)}">'
                           for term, title in titles.items()}
        self.escaped = frozenset(self.start_tags)
        self._done: dict[str, str] = {}

    def terms_in(self, text: str) -> set[str]:
        """The terms in plain (Markdown) text: all its words are there (set lookups), then the term
        itself."""
        words = set(_WORD.findall(text))
        return {term for first in [*(words & self.firsts), ""]
                for term, its_words in self.by_first.get(first, ()) if its_words <= words and term in text}

    def abbreviate(self, html: str) -> str:
        """`abbreviate(html, self)`, remembered for this build."""
        if html not in self._done:
            self._done[html] = abbreviate(html, self)
        return self._done[html]


@functools.lru_cache(maxsize=4)
def _term_pattern(terms: frozenset) -> re.Pattern:
    """The terms in text, not in a tag: the next angle bracket after a match opens a tag (attribute
    values never hold a raw "<"; they are escaped). One pattern for the whole glossary, compiled once
    per process (a pattern per block cost a compile per block in every fresh build)."""
    return re.compile(r"\b" + _trie_pattern(terms) + r"\b(?=[^<>]*(?:<|\Z))")


def _opaque_spans(html: str) -> list[tuple[int, int]]:
    """Where code, scripts, links, ... are: (start of the opening tag, end of the closing one)."""
    spans, open_tags, since = [], [], 0
    for tag in _OPAQUE_TAG.finditer(html):
        if tag.group(3):  # self-closing
            continue
        name = tag.group(2).lower()
        if not tag.group(1):
            if not open_tags:
                since = tag.start()
            open_tags.append(name)
        elif open_tags and open_tags[-1] == name:
            open_tags.pop()
            if not open_tags:
                spans.append((since, tag.end()))
    if open_tags:
        spans.append((since, len(html)))
    return spans


def abbreviate(html: str, glossary: Glossary) -> str:
    """Each whole-word occurrence of a glossary term in the text of `html` (not in tags, code or
    scripts) wrapped as <abbr title="definition">term</abbr>."""
    if not glossary.escaped:
        return html
    out, done, spans, at = [], 0, None, 0
    for match in _term_pattern(glossary.escaped).finditer(html):
        if spans is None:
            spans = _opaque_spans(html)  # only for a block that holds a term
        start = match.start()
        while at < len(spans) and spans[at][1] <= start:
            at += 1
        if at < len(spans) and spans[at][0] <= start:
            continue
        out += [html[done:start], glossary.start_tags[match.group(0)], match.group(0), "</abbr>"]
        done = match.end()
    return "".join(out) + html[done:] if out else html
