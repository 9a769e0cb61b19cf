"""Glossary terms in a page's text: the first use of each term in a section (the content between two
headings) opens its definition, with a link to its glossary entry.

One mechanism for every page and everything on it: the converted page, generated blocks already in
place, is marked once (`mark`), after Markdown. A term is matched as a whole word, longest first,
case-sensitively, as any of its record's spellings (`term` and `aliases`), and marked only where a
reader would expect a definition: not in headings, table headers, captions, buttons, labels, legends,
summaries or definition terms, not in links, code, scripts or drawings, not in citations, and not in
the section of its own glossary entry.

A marked term is a native button that opens a popover (`popovertarget`): tap, click, Enter or Space
open it, Escape or a tap elsewhere closes it, with no script at all (the site's Content Security
Policy runs none inline). Each term's popover is written once per page, after the content
(`popovers`), and left out of the search index. Pure functions.
"""
from __future__ import annotations

import functools
import html as _html
import re
from dataclasses import dataclass

from markupsafe import escape

from .links import plain

_WORD = re.compile(r"\w+")
# Elements whose text is never marked: code and scripts are not prose, a link's text already leads
# somewhere, and headings, labels, table headers and the titles of works (cite) name things rather
# than use terms.
SKIPPED = frozenset({
    "a", "code", "pre", "kbd", "samp", "script", "style", "template", "svg", "math", "textarea", "select",
    "option", "output", "button", "label", "legend", "summary", "caption", "th", "dt", "abbr", "sup", "cite",
    "h1", "h2", "h3", "h4", "h5", "h6", "title", "iframe", "object",
})
# ...and elements of these classes: citations, embed codes, the page's references.
SKIPPED_CLASSES = frozenset({"ovc-cite", "ovc-embed", "ovc-references", "ovc-def", "headerlink"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                  "track", "wbr", "param"})
# Elements whose content is not HTML to walk: skipped to their end tag whole.
RAW = frozenset({"script", "style", "template", "textarea", "svg", "math"})

_TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
_CLASS = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_ID = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)')""")

POPOVER_PREFIX = "ovc-def-"


@dataclass(frozen=True)
class Entry:
    """One glossary record: its id (the glossary page's anchor), its term and its definition as one
    line of plain text (a link's label alone)."""
    id: str
    term: str
    definition: str
    words: tuple[str, ...]  # every spelling that is marked: the term and its aliases


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


def _spellings(word: str) -> set[str]:
    """A word as it may stand in a page's HTML text: Markdown escapes only & < >, Jinja quotes too."""
    return {_html.escape(word, quote=False), str(escape(word)), _html.escape(word, quote=True)}


class Glossary:
    """The glossary of a build: which entry each spelling, as it stands in HTML text, belongs to."""

    @classmethod
    def of(cls, terms) -> "Glossary":
        """The glossary of data/glossary.yml's records, in file order."""
        return cls([Entry(t.id, t.term, " ".join(plain(t.definition).split()), (t.term, *t.aliases))
                    for t in terms])

    @classmethod
    def from_words(cls, titles: dict[str, str]) -> "Glossary":
        """Each word its own entry (for tests): {"LLM": "Large language model"}."""
        return cls([Entry(re.sub(r"\W+", "-", word.lower()).strip("-") or "term", word, title, (word,))
                    for word, title in titles.items()])

    def __init__(self, entries: list[Entry]):
        self.entries = {entry.id: entry for entry in entries}
        self.by_text = {text: entry for entry in entries for word in entry.words for text in _spellings(word)}

    def pattern(self) -> re.Pattern | None:
        return _term_pattern(frozenset(self.by_text)) if self.by_text else None


@functools.lru_cache(maxsize=4)
def _term_pattern(texts: frozenset) -> re.Pattern:
    """The spellings in a text, whole words: one pattern per glossary, compiled once per process."""
    return re.compile(r"(?<![\w&#])" + _trie_pattern(texts) + r"(?!\w)")


def _classes(attributes: str) -> set[str]:
    found = _CLASS.search(attributes)
    return set(next(g for g in found.groups() if g is not None).split()) if found else set()


def walk(page_html: str, on_text) -> str:
    """The page with each run of its prose text (outside the SKIPPED elements and classes) replaced
    by `on_text(chunk, section)`, `section` the id of the heading the run's section starts with ("" before
    the first); on_text(None, section) is called at each heading. Everything else passes unchanged."""
    out: list[str] = []
    append = out.append
    section = ""  # the id of the heading the section starts with
    stack: list[tuple[str, bool]] = []  # open elements: (name, skipped)
    opened: dict[str, int] = {}  # how many of each name are on the stack
    skipped = 0
    at = 0  # where the text not yet copied starts

    for tag in _TAG.finditer(page_html):
        start = tag.start()
        if start < at:  # inside a raw element copied whole
            continue
        if start > at:
            chunk = page_html[at:start]
            append(chunk if skipped or chunk.isspace() else on_text(chunk, section))
        at = tag.end()
        whole, closing, name, attributes = tag.group(0, 1, 2, 3)
        append(whole)
        if name is None:  # a comment
            continue
        name = name.lower()
        if closing:  # an end tag: closes its element and whatever is still open inside it
            if opened.get(name):
                while stack:
                    popped, was_skipped = stack.pop()
                    opened[popped] -= 1
                    skipped -= was_skipped
                    if popped == name:
                        break
            continue
        if name in HEADINGS:
            found = _ID.search(attributes)
            section = next(g for g in found.groups() if g is not None) if found else ""
            on_text(None, section)
        if name in VOID or (attributes and attributes.rstrip().endswith("/")):
            continue
        if name in RAW:  # to its end tag, unread (an <svg> may hold another)
            end = _raw_end(page_html, name, at)
            append(page_html[at:end])
            at = end
            continue
        is_skipped = name in SKIPPED or ("class" in attributes and bool(_classes(attributes) & SKIPPED_CLASSES))
        stack.append((name, is_skipped))
        opened[name] = opened.get(name, 0) + 1
        skipped += is_skipped
    rest = page_html[at:]
    if rest:
        append(rest if skipped or rest.isspace() else on_text(rest, section))
    return "".join(out)


def marker(glossary: Glossary):
    """The glossary's pass over a page's text (for `walk`): `on_text`, and the entries it marked, in
    order of first use on the page, as they are marked. None for an empty glossary."""
    pattern = glossary.pattern()
    if pattern is None:
        return None
    used: dict[str, Entry] = {}
    seen: set[str] = set()  # entries marked in this section

    def text(chunk: str | None, section: str) -> str:
        if chunk is None:  # a heading: a new section
            seen.clear()
            return ""
        out, done = [], 0
        for match in pattern.finditer(chunk):
            entry = glossary.by_text[match.group(0)]
            if entry.id in seen or entry.id == section:
                continue
            seen.add(entry.id)
            used.setdefault(entry.id, entry)
            out.append(chunk[done:match.start()])
            out.append(f'<button type="button" class="ovc-term" popovertarget="{POPOVER_PREFIX}{entry.id}">'
                       f"{match.group(0)}</button>")
            done = match.end()
        if not done:
            return chunk
        out.append(chunk[done:])
        return "".join(out)

    return text, used


def mark(page_html: str, glossary: Glossary) -> tuple[str, list[Entry]]:
    """The page with the first use of each term in each section marked as a button that opens its
    definition, and the entries marked, in order of first use on the page."""
    made = marker(glossary)
    if made is None:
        return page_html, []
    text, used = made
    return walk(page_html, text), list(used.values())


def _raw_end(page_html: str, name: str, at: int) -> int:
    """Where the content of a raw element opened just before `at` ends (at its end tag)."""
    opening = re.compile(rf"<{name}\b", re.I)
    closing = re.compile(rf"</{name}\s*>", re.I)
    depth = 1
    while True:
        end = closing.search(page_html, at)
        if end is None:
            return len(page_html)
        depth += len(opening.findall(page_html, at, end.start())) if name == "svg" else 0
        depth -= 1
        if depth <= 0:
            return end.start()
        at = end.end()


def popovers(entries: list[Entry], glossary_url: str) -> str:
    """The definitions of the entries marked on a page, each once, for their buttons to open; outside
    the search index, so that no page is found for a definition it only opens. (Each popover is
    excluded itself: Material's indexer ends an exclusion at the first end tag of the same name.)"""
    if not entries:
        return ""
    items = "".join(
        f'<div class="ovc-def" id="{POPOVER_PREFIX}{e.id}" popover data-search-exclude>'
        f'<p class="ovc-def__text"><strong>{escape(e.term)}</strong>: {escape(e.definition)}</p>'
        f'<p class="ovc-def__more"><a href="{escape(glossary_url)}#{e.id}">{escape(e.term)} in the glossary</a>'
        f'<button type="button" class="ovc-def__close" popovertarget="{POPOVER_PREFIX}{e.id}" '
        f'popovertargetaction="hide">Close</button></p></div>'
        for e in entries)
    return f'<div class="ovc-defs">{items}</div>'
