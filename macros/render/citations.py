"""Citations as numbers, a list of the page's sources under it, and the page's review date.

Two kinds of citation reach a page: a record's sources, which the templates write as an empty marker
(`marker()`: the source ids and the record's review date), and a source named in running text, in
parentheses, as a link to its entry on the Sources page: "([decision guide](sources.md#decision-guide))".
After Markdown, with the generated blocks in place, `number()` turns both, in the order they come,
into compact numbered marks, [1] or [1, 3], each linking to its entry in the page's own list of
sources (`references()`), which names the source (title, a link to it when it has an address,
author, publisher, date) and links to its entry on the Sources page. The same source has the same
number wherever the page cites it. The page's review date is the newest review of the records it
shows (`data-ovc-reviewed` on what a template wrote). Marks, the list and the date stay out of the
search index (data-search-exclude). Pure functions.
"""
from __future__ import annotations

import datetime as dt
import re

from markupsafe import escape

REF_PREFIX = "ref-"
LIST_ID = "ovc-references"
_REVIEWED = re.compile(r'\sdata-ovc-reviewed="(\d{4}-\d{2}-\d{2})"')
_MARKER = r'<span class="ovc-cite" data-ovc-sources="([\w -]*)"></span>'


def marker(source_ids, reviewed: dt.date | None = None) -> str:
    """What a template writes where a record's citation goes (the `cite` macro of _cite.html.j2)."""
    date = f' data-ovc-reviewed="{reviewed.isoformat()}"' if reviewed else ""
    return f'<span class="ovc-cite" data-ovc-sources="{" ".join(source_ids)}"{date}></span>'


def reviewed_in(page_html: str) -> tuple[str, dt.date | None]:
    """The page without its review marks, and the newest review date they named."""
    dates = _REVIEWED.findall(page_html)
    if not dates:
        return page_html, None
    return _REVIEWED.sub("", page_html), max(dt.date.fromisoformat(d) for d in dates)


def _pattern(sources_href: str) -> re.Pattern:
    """A marker (its review date already taken out), or sources named in parentheses in running text,
    each a link to the Sources page and nothing else; with the spaces before it."""
    first = rf'<a href="{re.escape(sources_href)}#([\w-]+)"[^>]*>[^<]*</a>'
    more = rf'<a href="{re.escape(sources_href)}#[\w-]+"[^>]*>[^<]*</a>'
    return re.compile(rf"[ \t]*(?:{_MARKER}|\(\s*{first}(?:\s*[,;]\s*{more})*\s*\))")


_ID_IN_LINK = r'#([\w-]+)"'


def number(page_html: str, sources_href: str, titles: dict[str, str]) -> tuple[str, list[str]]:
    """Every citation of the page as numbered marks; the ids cited, in the order of their numbers.
    `sources_href` is the Sources page's URL from this page; `titles` the known sources' titles."""
    numbers: dict[str, int] = {}

    def mark(match: re.Match) -> str:
        if match.group(1) is not None:
            ids = match.group(1).split()
        else:
            ids = re.findall(re.escape(sources_href) + _ID_IN_LINK, match.group(0))
        if not ids or any(i not in titles for i in ids):
            return match.group(0)  # a source the data does not have: the link stays, and is checked
        ids = list(dict.fromkeys(ids))
        for i in ids:
            numbers.setdefault(i, len(numbers) + 1)
        inner = ", ".join(f'<a href="#{REF_PREFIX}{i}" title="{escape(titles[i])}">{numbers[i]}</a>'
                          for i in sorted(ids, key=numbers.get))
        return f'<sup class="ovc-cite" data-search-exclude>[{inner}]</sup>'

    return _pattern(sources_href).sub(mark, page_html), list(numbers)


def references(cited: list[str], sources: dict, sources_href: str, date) -> str:
    """The list of the sources a page cites, by their numbers; `date(day)` writes a date."""
    if not cited:
        return ""
    items = []
    for source_id in cited:
        s = sources[source_id]
        title = escape(s.title)
        named = f'<a href="{escape(s.url)}" rel="noopener">{title}</a>' if s.url else title
        by = "".join(f", {escape(part)}" for part in (s.author, s.publisher) if part)
        when = f", {date(s.published)}" if s.published else ""
        items.append(f'<li id="{REF_PREFIX}{source_id}"><cite>{named}</cite>{by}{when}. '
                     f'<a class="ovc-references__about" href="{escape(sources_href)}#{source_id}">About this source</a></li>')
    return (f'<section class="ovc-references" data-search-exclude aria-labelledby="{LIST_ID}">'
            f'<h2 id="{LIST_ID}" data-search-exclude>Sources</h2><ol>{"".join(items)}</ol></section>')


def reviewed_line(day: dt.date, date) -> str:
    return f'<p class="ovc-reviewed" data-search-exclude>Reviewed {date(day)}</p>'
