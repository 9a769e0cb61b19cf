"""Where the site shows each kind of record: the page (a path under content/) and the anchor its
records carry there. Links from a change, a history or a feed to the records they are about come from
here; a test holds every record of every file to having its anchor on its page."""
from __future__ import annotations

from ..data.freshness import NAME_FIELDS  # how a record is named for a reader
from ..models import Site

# data file -> (page, or "{id}" in it where each record has a page of its own; anchor prefix before the record's id; None where records have no anchor of their own)
PLACES: dict[str, tuple[str, str | None]] = {
    "sources": ("sources.md", ""),
    "categories": ("compare.md", None),
    "dimensions": ("compare.md", ""),
    "options": ("cheat-sheet.md", "option-"),
    "criteria": ("guide.md", ""),
    "trees": ("hybrid-routing.md", ""),
    "cheatsheet": ("cheat-sheet.md", ""),
    "families": ("models.md", ""),
    "access_routes": ("access.md", ""),
    "use_cases": ("use-cases.md", ""),
    "faq": ("faq.md", ""),
    "glossary": ("glossary.md", ""),
    "open_parts": ("what-open-means.md", ""),
    "reasons": ("why-teams-choose.md", ""),
    "trends": ("landscape.md", ""),
    "regulation": ("deep-dives/regulation.md", ""),
    "calculator": ("calculator.md", "calc-"),
    "shortlist": ("helper.md", "fits-"),
    "changelog": ("whats-new.md", "change-"),
    # The model catalogue: a page per model and per licence (render/catalogue.py); the rest on the
    # Model catalogue page (no anchor per record yet).
    "models": ("models/{id}.md", None),
    "cards": ("models.md", None),  # and on the page of the model a card gives facts to (models/<id>/)
    "developers": ("models.md", None),
    "licences": ("licences/{id}.md", None),
    "hosts": ("models.md", None),
    "offers": ("models.md", None),
    "openness": ("models.md", None),
    "crosswalk": ("models.md", None),
    "datasets": ("sources.md", ""),
}


def page_of(kind: str, record_id: str) -> str:
    """The page (a path under content/) that shows a record."""
    return PLACES[kind][0].replace("{id}", record_id)


def own_pages(kind: str) -> bool:
    """Whether each record of this kind has a page of its own."""
    return "{id}" in PLACES[kind][0]


def record_of(page_src: str) -> tuple[str, str] | None:
    """(data file, id) of the record a page of its own is about (models/<id>.md), or None."""
    for kind, (page, _) in PLACES.items():
        head, marker, tail = page.partition("{id}")
        if marker and page_src.startswith(head) and page_src.endswith(tail) and len(page_src) > len(head + tail):
            return kind, page_src[len(head): len(page_src) - len(tail)]
    return None


def target(kind: str, record_id: str) -> str:
    """The link to a record, as prose writes it: page.md#anchor (or the page alone)."""
    page, prefix = page_of(kind, record_id), PLACES[kind][1]
    return page if prefix is None else f"{page}#{prefix}{record_id}"


def name(site: Site, kind: str, record_id: str) -> str:
    record = site.get(kind, record_id)
    return next((str(getattr(record, f)) for f in NAME_FIELDS if getattr(record, f, None)), record_id)
