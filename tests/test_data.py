"""Completeness of data/: every record says what a reader needs, every reference resolves, every
category and option is used, and no comparison dimension is there twice. That the articles' rows,
trees and situations are on the site is checked fact by fact in test_articles.py."""
from __future__ import annotations

import pytest

from macros.data import load_site
from tests.support import ROOT

SITE = load_site(ROOT / "data")
DIMENSIONS = SITE.dimensions.dimensions


@pytest.mark.parametrize("dimension", DIMENSIONS, ids=lambda d: d.id)
def test_dimension_is_complete(dimension):
    assert dimension.open.strip() and dimension.closed.strip(), "needs both an open and a closed text"
    assert dimension.open != dimension.closed, "open and closed text must differ"
    assert dimension.category in SITE.by_id["categories"]
    assert dimension.sources and dimension.reviewed


def test_dimensions_are_merged_no_two_say_the_same():
    """The articles' comparison rows are merged into one dimension each (tests/articles.yml checks
    that every row is on the Compare page): no two dimensions share a name or both texts."""
    names = [d.name.casefold() for d in DIMENSIONS]
    twice = sorted({n for n in names if names.count(n) > 1})
    assert not twice, f"dimensions sharing a name: {twice}"
    texts = [(d.open, d.closed) for d in DIMENSIONS]
    assert len(set(texts)) == len(texts), "two dimensions with the same open and closed text"


def test_every_category_and_option_is_used():
    assert {d.category for d in DIMENSIONS} == set(SITE.by_id["categories"])
    recommended = {o for row in SITE.cheatsheet.cheatsheet for o in row.recommend}
    leaves = {b.next for t in SITE.trees.trees for n in t.nodes for b in n.branches}
    outcomes = {o for c in SITE.criteria.criteria for a in c.answers for o in (a.option, *a.also) if o}
    unused = set(SITE.by_id["options"]) - recommended - leaves - outcomes - {SITE.criteria.fallback}
    assert not unused, f"options no answer, cheat-sheet row or tree leads to: {sorted(unused)}"


def test_every_source_is_cited():
    from macros.models import FILES
    cited = {s for name in FILES if name != "sources"
             for record in getattr(getattr(SITE, name), name) for s in record.sources}
    assert cited == set(SITE.by_id["sources"])
