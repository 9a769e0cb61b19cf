"""Models and families named in a page's prose lead to where the catalogue shows them: a model's name
(or alias) to its own page, a family's name to its row in the Model catalogue's families table.

The first mention of each on a page is linked, as a whole name and case-sensitively ("GPT-4" is not
found in "GPT-4o", nor "Llama 3" in "Llama 3.1"), where a reader's text is (never in headings, links,
code, labels or drawings: glossary.SKIPPED), and a page never links to itself. Where a model and a
family share a name, the model's page wins. A model name that is an ordinary word (one capitalised
word without a digit, such as "Bark") is not linked: it would link sentences that do not mean the
model, nor is a name longer than LONGEST characters. Pure functions: HTML in, HTML out.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable

from markupsafe import escape

from ..models import Site
from . import glossary, places

_ORDINARY = re.compile(r"[A-Z][a-z]+")
# No model's name is longer in prose; a longer one (hostile or careless data) is not looked for.
LONGEST = 80
CLASS = "ovc-mention"
# A link the linker made (split out of its text: the glossary marks only the text around it).
_MADE = re.compile(rf'(<a class="{CLASS}" [^>]*>[^<]*</a>)')


@dataclass(frozen=True)
class Mentions:
    """Which page (a source path under content/, with an anchor where it has one) each spelling of a
    name, as it stands in HTML text, leads to."""
    by_text: dict[str, str]

    @classmethod
    def of(cls, site: Site) -> "Mentions":
        # families first: where a model has the same name, its page wins
        named = [(f.name, places.target("families", f.id)) for f in site.families.families]
        named += [(name, places.target("models", m.id)) for m in site.models.models
                  for name in (m.name, *m.aliases) if not _ORDINARY.fullmatch(name)]
        found = {text: target for name, target in named if len(name) <= LONGEST
                 for text in glossary._spellings(name)}
        return cls(found)

    def pattern(self) -> re.Pattern | None:
        return _pattern(frozenset(self.by_text)) if self.by_text else None


@functools.lru_cache(maxsize=4)
def _pattern(texts: frozenset) -> re.Pattern:
    # a whole name: not part of a longer word, name or version ("Llama 3" in "Llama 3.1", "GPT-4" in
    # "GPT-4o" or "GPT-4-turbo")
    return re.compile(r"(?<![\w&#.-])" + glossary._trie_pattern(texts) + r"(?![\w-]|\.\w)")


def linker(mentions: Mentions, href: Callable[[str], str], own: str):
    """The mentions' pass over a page's text (for glossary.walk): `on_text`, and the targets it linked,
    in order, as they are linked. None where there are no names."""
    pattern = mentions.pattern()
    if pattern is None:
        return None
    linked: dict[str, None] = {}

    def text(chunk: str | None, section: str) -> str:
        if chunk is None:
            return ""
        out, done = [], 0
        for match in pattern.finditer(chunk):
            target = mentions.by_text[match.group(0)]
            if target in linked or target.partition("#")[0] == own:
                continue
            linked[target] = None
            out.append(chunk[done:match.start()])
            out.append(f'<a class="{CLASS}" href="{escape(href(target))}">{match.group(0)}</a>')
            done = match.end()
        if not done:
            return chunk
        out.append(chunk[done:])
        return "".join(out)

    return text, linked


def link(page_html: str, mentions: Mentions, href: Callable[[str], str], own: str) -> tuple[str, list[str]]:
    """The page (its source path `own`) with the first mention of each name linked; `href(target)` the
    URL of a target (a source path, maybe with #anchor) from this page. Returns the page and the
    targets linked, in order."""
    made = linker(mentions, href, own)
    if made is None:
        return page_html, []
    text, linked = made
    return glossary.walk(page_html, text), list(linked)


def outside(on_text, then):
    """One pass over a page's text that links names (`on_text`, this module's linker) and then gives
    the text around each link it made to `then` (another pass, the glossary's): as two walks, one
    after the other, would, in one walk."""
    def text(chunk: str | None, section: str) -> str:
        if chunk is None:
            on_text(None, section)
            return then(None, section)
        linked = on_text(chunk, section)
        if linked is chunk:
            return then(chunk, section)
        parts = _MADE.split(linked)
        parts[::2] = [then(part, section) if part.strip() else part for part in parts[::2]]
        return "".join(parts)
    return text
