"""Glossary tooltips: each term of data/glossary.yml (and each alias) gets its definition as a tooltip
wherever it occurs in a page's text.

Two ways in, one list of terms: the page's own Markdown gets Python-Markdown abbreviation lines
(`markdown_lines`, for the terms it holds), and generated HTML gets the same <abbr> elements from
`abbreviate()`, with the same rule as Python-Markdown's abbr extension: whole words, longest term
first; not in link text or code. Pure functions.
"""
from __future__ import annotations

import functools
import re

from markupsafe import escape

from .links import plain

_WORD = re.compile(r"\w+")
# No tooltips inside these: code and scripts are not prose, and a link's text already leads somewhere
# (a tooltip's dotted underline inside a link's underline only adds noise).
_OPAQUE = ("a", "code", "pre", "script", "style", "abbr", "textarea", "template", "svg", "kbd")


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

    @classmethod
    def of(cls, terms) -> "Glossary":
        """The glossary of data/glossary.yml's records: every term and alias, in file order, with its
        record's definition on one line (a line break would end a Markdown abbreviation line, and
        what followed it would be read as Markdown)."""
        return cls({word: " ".join(plain(term.definition).split())  # a tooltip: a link's label alone
                    for term in terms for word in [term.term, *term.aliases]})

    def __init__(self, titles: dict[str, str]):
        self.titles = titles
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

    def markdown_lines(self, markdown: str) -> str:
        """The Python-Markdown abbreviation lines (`*[term]: definition`) of the terms `markdown`
        holds, each in a block of its own: Python-Markdown re-scans a block of N definitions N times,
        so one block of every term made a build quadratic in the size of the glossary."""
        used = self.terms_in(markdown)
        lines = [f"*[{term}]: {title}" for term, title in self.titles.items() if term in used]
        if any(len(line.splitlines()) != 1 for line in lines):  # data checks keep terms to one line
            raise ValueError("a glossary term or definition spans lines")
        return "\n\n".join(lines)

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
