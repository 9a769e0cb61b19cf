"""How long ago each record was checked against its sources, and which are overdue for review."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..models import FILES, Site

# How each record is named for a reader: the first of these fields it has.
NAME_FIELDS = ("name", "title", "situation", "question", "term")


@dataclass(frozen=True)
class Review:
    kind: str  # data file name, e.g. "dimensions"
    id: str
    name: str
    reviewed: dt.date
    age_days: int


def reviews(site: Site, today: dt.date) -> list[Review]:
    """Every record of every file, oldest review first."""
    out = []
    for kind in FILES:
        for record in getattr(getattr(site, kind), kind):
            name = next((getattr(record, f) for f in NAME_FIELDS if hasattr(record, f)), record.id)
            out.append(Review(kind, record.id, name, record.reviewed, (today - record.reviewed).days))
    return sorted(out, key=lambda r: (r.reviewed, r.kind, r.id))


def by_file(site: Site, today: dt.date) -> list[tuple[str, list[Review]]]:
    """The reviews of each data file that has records, files in the order of FILES, oldest first."""
    found = reviews(site, today)
    return [(kind, rows) for kind in FILES if (rows := [r for r in found if r.kind == kind])]


def overdue(site: Site, today: dt.date, max_age_days: int) -> list[Review]:
    return [r for r in reviews(site, today) if r.age_days > max_age_days]
