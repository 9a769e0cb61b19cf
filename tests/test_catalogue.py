"""Every kind of editing mistake in the catalogue (tests/catalogue.py) is reported as one line per
problem, `data/<file>.yml:<line>: <record>.<field>: <what is wrong>; <how to fix it>`, naming the
place the mistake was made; never as a traceback. The guide's copy of the messages is current."""
from __future__ import annotations

import shutil

import pytest

from tools import catalogue
from tools.catalogue import CASES, LINE, Case
from tests.support import build, copy_project


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


# Through `mkdocs build`, as `make build` and `make serve` run it: a few kinds from each stage (the
# file, the YAML, a field, a cross-record check) stop the build the same way.
THROUGH_MKDOCS = ["tab indentation", "non-UTF-8 bytes", "invisible control character",
                  "values nested too deeply", "text that is only whitespace", "cycle in the decision tree"]


@pytest.mark.parametrize("kind", THROUGH_MKDOCS)
def test_build_stops_without_traceback_and_keeps_the_last_good_site(kind, tmp_path):
    [case] = [c for c in CASES if c.kind == kind]
    project = copy_project(tmp_path / "project")
    expected, _ = catalogue.messages(case, tmp_path / "scratch")  # what the validator says
    shutil.rmtree(project / "data")
    shutil.copytree(tmp_path / "scratch" / "data", project / "data")
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("last good site")
    result = build(site, project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert [line for line in result.stderr.splitlines() if line.startswith("data/")] == expected
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text() == "last good site"
