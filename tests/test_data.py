"""Completeness of data/: every record says what a reader needs, every reference resolves, every
category and option is used, and no comparison dimension is there twice. That the articles' rows,
trees and situations are on the site is checked fact by fact in test_articles.py."""
from __future__ import annotations

import re

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


def test_every_category_is_used():
    """A category's dimensions are its table group (the build refuses one without any)."""
    assert {d.category for d in DIMENSIONS} == set(SITE.by_id["categories"])


def test_an_option_nothing_leads_to_and_a_source_nothing_cites_are_reminded_of(tmp_path):
    """Both may be an editor's first step (the record, then what uses it), so the build says where
    they are and builds."""
    import yaml
    from tests.support import build, copy_project
    from macros.data.schema import schema_line
    project = copy_project(tmp_path / "project")
    for name, record in (("options", {"id": "unused-option", "name": "Unused", "side": "any", "tone": "grey",
                                      "summary": "Nothing leads here.", "sources": [SITE.sources.sources[0].id],
                                      "reviewed": SITE.sources.sources[0].reviewed}),
                         ("sources", {"id": "uncited-source", "kind": "estimate", "title": "Uncited", "summary": "Nobody cites it.",
                                      "reviewed": SITE.sources.sources[0].reviewed})):
        path = project / "data" / f"{name}.yml"
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        doc[name].append(record)
        path.write_text(schema_line(name) + "\n" + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    result = build(tmp_path / "site", project)
    assert result.returncode == 0, result.stderr
    assert re.search(r"WARNING -  data/options\.yml:\d+: unused-option: no answer, cheat-sheet row", result.stderr)
    assert re.search(r"WARNING -  data/sources\.yml:\d+: uncited-source: no record cites this source", result.stderr)
