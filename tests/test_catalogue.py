"""Every kind of editing mistake in the catalogue (tests/catalogue.py) is reported as one line per
problem, `data/<file>.yml:<line>: <record>.<field>: <what is wrong>; <how to fix it>`, naming the
place the mistake was made; never as a traceback. The guide's copy of the messages is current."""
from __future__ import annotations

import pytest

from tests import catalogue
from tests.catalogue import CASES, LINE, Case


def test_catalogue_covers_at_least_thirty_kinds():
    assert len({case.kind for case in CASES}) == len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[c.kind for c in CASES])
def test_mistake_is_reported_on_one_line_naming_its_place(case: Case, tmp_path):
    found, (line, where) = catalogue.messages(case, tmp_path)
    assert found, f"{case.kind}: the broken data was accepted"
    for problem in found:
        assert LINE.match(problem), f"not one 'file:line: record.field: message' line: {problem!r}"
        assert "Traceback" not in problem
    prefix = f"data/{case.file}:{line}: {where}: "
    assert any(p.startswith(prefix) and case.expect in p for p in found), (
        f"expected a line starting {prefix!r} containing {case.expect!r}; got:\n" + "\n".join(found))


def test_contributing_guide_shows_the_current_messages(tmp_path):
    committed = catalogue.mask_lines(catalogue.current_section())
    assert committed == catalogue.mask_lines(catalogue.section(tmp_path)), (
        "the error catalogue in CONTRIBUTING.md is out of date: run `make catalogue`")
