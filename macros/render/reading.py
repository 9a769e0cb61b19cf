"""What every page gets last, once its generated blocks are in place: citations numbered with the
page's list of sources under it (citations.py), the page's review date under its title, the models
and families it names leading to their pages (mentions.py), and its glossary terms opening their
definitions (glossary.py). One pass over the converted page, so that
page text and generated HTML are treated alike. Pure: HTML in, HTML out.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from . import citations, glossary as terms, mentions as named

_H1_END = re.compile(r"</h1>")


def date(day: dt.date) -> str:
    """A date as the reader sees it (as _cite.html.j2's `date`)."""
    return f'<time datetime="{day.isoformat()}">{day.isoformat()}</time>'


@dataclass
class Finished:
    html: str
    cited: list[str] = field(default_factory=list)   # source ids, by their numbers
    defined: list[str] = field(default_factory=list)  # glossary ids whose definition the page opens
    linked: list[str] = field(default_factory=list)  # pages (source paths, #anchor) its named models lead to
    reviewed: dt.date | None = None


def finish(page_html: str, *, glossary: terms.Glossary, sources: dict, sources_href: str,
           glossary_href: str, reviewed: dt.date | None = None, mentions: named.Mentions | None = None,
           href=None, own: str = "") -> Finished:
    """The page as readers get it. `sources_href` and `glossary_href` are the URLs of the Sources and
    Glossary pages from this page; `reviewed` the page's own review date, if it has one; `mentions`
    the names of models and families to link (mentions.py), `href(target)` a target's URL from this
    page, whose source path is `own`."""
    page_html, shown = citations.reviewed_in(page_html)
    day = max(d for d in (shown, reviewed) if d) if (shown or reviewed) else None
    page_html, cited = citations.number(page_html, sources_href, {i: s.title for i, s in sources.items()})
    # Names linked, then glossary terms marked in the text around the links: one walk over the page.
    linking = named.linker(mentions, href, own) if mentions is not None else None
    marking = terms.marker(glossary)
    passes = [made for made in (linking, marking) if made is not None]
    if passes:
        on_text = passes[0][0] if len(passes) == 1 else named.outside(linking[0], marking[0])
        page_html = terms.walk(page_html, on_text)
    linked = list(linking[1]) if linking else []
    used = list(marking[1].values()) if marking else []
    if day is not None:
        line = citations.reviewed_line(day, date)
        page_html, placed = _H1_END.subn(lambda m: m.group(0) + line, page_html, count=1)
        if not placed:
            page_html += line
    page_html += citations.references(cited, sources, sources_href, date)
    page_html += terms.popovers(used, glossary_href)
    return Finished(page_html, cited=cited, defined=[e.id for e in used], linked=linked, reviewed=day)

