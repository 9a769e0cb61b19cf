"""What an editor sees after a mistake: one line per problem, `data/<file>.yml:<line>: <record>.<field>:
<what is wrong and how to fix it>`, all problems together, and (through MkDocs) a non-zero exit with
no traceback and the previous site left as it was."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from macros.data import DataError
from macros.data import load_site
from tests.support import ROOT, build, copy_project
from tools.catalogue import FIXTURE, LINE

TODAY = dt.date.today()


@pytest.fixture
def data(tmp_path) -> Path:
    """A copy of the tests' own fixed data (not the site's, which editors change)."""
    copy = tmp_path / "data"
    shutil.copytree(FIXTURE, copy)
    return copy


def edit(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace `old` in a data file; return the 1-based line where the first replacement starts."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site(data, today=TODAY)
    return [str(p) for p in caught.value.problems]


def test_valid_data_loads(data):
    assert load_site(data, today=TODAY).by_id["dimensions"]


def test_enum_typo_names_file_line_record_field_and_choices(data):
    line = edit(data / "dimensions.yml", "favors: open\n    detail: \"Openness", "favors: opne\n    detail: \"Openness")
    assert problems(data) == [
        f"data/dimensions.yml:{line}: transparency.favors: expected 'open', 'closed' or 'depends', got 'opne'"]


def test_unknown_field_suggests_the_right_name(data):
    line = edit(data / "dimensions.yml", "    favors: open\n    detail: \"Openness", "    favours: open\n    detail: \"Openness")
    found = problems(data)
    assert f"data/dimensions.yml:{line}: transparency.favours: unknown field 'favours'; did you mean 'favors'?" in found
    assert any(p.startswith("data/dimensions.yml:3: transparency.favors: required field 'favors' is missing") for p in found)


def test_duplicate_key_is_an_error_not_a_silent_overwrite(data):
    line = edit(data / "options.yml", "    tone: blue\n", "    tone: blue\n    tone: green\n") + 1
    assert problems(data) == [f"data/options.yml:{line}: syntax: duplicate key 'tone' "
                              f"(first set on line {line - 1}); keep one of the two"]


def test_yaml_syntax_error_gives_line_and_hint(data):
    line = edit(data / "categories.yml", "    name: Cost\n", "    name: Cost: money\n")
    [problem] = problems(data)
    assert problem.startswith(f"data/categories.yml:{line}: syntax: YAML error: mapping values are not allowed")
    assert "double quotes" in problem


def test_unknown_reference_lists_what_exists(data):
    line = edit(data / "dimensions.yml", "category: trust-and-data", "category: trust-and-date")
    [problem] = problems(data)
    assert problem.startswith(f"data/dimensions.yml:{line}: transparency.category: unknown category "
                              "'trust-and-date' (see data/categories.yml); expected one of: capability,")


def test_all_problems_are_reported_together(data):
    edit(data / "dimensions.yml", "favors: open", "favors: maybe")
    edit(data / "options.yml", "tone: blue", "tone: blu")
    found = problems(data)
    assert [p.split(":")[0] for p in found] == ["data/dimensions.yml", "data/options.yml"]


def test_tree_cycle_and_unreachable_node(data):
    edit(data / "trees.yml", "next: either", "next: volume")
    found = problems(data)
    assert any("hybrid-routing.nodes[frontier].branches[1].next: cycle volume -> frontier -> volume" in p
               for p in found), found


def test_future_review_date(data):
    line = edit(data / "sources.yml", "reviewed: 2026-11-21", "reviewed: 2099-01-01")
    assert problems(data) == [f"data/sources.yml:{line}: aidays-access-models.reviewed: review date "
                              "2099-01-01 is later than today; use the date you checked the record"]


def test_missing_file(data):
    (data / "cheatsheet.yml").unlink()
    assert problems(data) == ["data/cheatsheet.yml:1: file: is missing; restore it from git"]


# --- through MkDocs: what `make build` / `make serve` print --------------------------------------

@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path, data=FIXTURE)


def test_broken_yaml_stops_the_build_with_one_line_and_keeps_the_old_site(project):
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("last good site")
    line = edit(project / "data" / "dimensions.yml", "favors: closed", "favors: [closed")
    result = build(site, project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    lines = [l for l in result.stderr.splitlines() if l.startswith("data/")]
    assert len(lines) == 1 and lines[0].startswith(f"data/dimensions.yml:{line + 1}: syntax: YAML error")
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text() == "last good site"


def test_bad_value_stops_the_build(project):
    line = edit(project / "data" / "cheatsheet.yml", "recommend: [hybrid]", "recommend: [hybird]")
    result = build(project / "site", project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert (f"data/cheatsheet.yml:{line}: general-business-automation.recommend[0]: unknown option "
            "'hybird' (see data/options.yml)") in result.stderr
    assert not (project / "site").exists()


def test_future_as_of_date(data):
    line = edit(data / "families.yml", "as_of: 2026-11-21", "as_of: 2099-03-01")
    [problem] = problems(data)
    assert problem.startswith(f"data/families.yml:{line}: ") and ".as_of: as_of 2099-03-01 is later than today" in problem


def test_several_mistakes_in_one_record_are_all_reported(data):
    """msgspec stops at a file's first error; validate.problems() names every one."""
    first = edit(data / "dimensions.yml", "favors: open\n    detail: \"Openness", "favors: opne\n    detail: \"Openness")
    second = edit(data / "dimensions.yml", "category: trust-and-data", "category: Trust_and data")
    found = problems(data)
    assert f"data/dimensions.yml:{first}: transparency.favors: expected 'open', 'closed' or 'depends', got 'opne'" in found
    assert any(p.startswith(f"data/dimensions.yml:{second}: transparency.category: expected a kebab-case id")
               for p in found), found


def test_a_rejection_the_walker_cannot_explain_is_still_one_located_line(data, monkeypatch):
    """Should msgspec reject something validate.problems() has no rule for (the fuzz test keeps
    them in step), the editor still gets file, line, record and field, in msgspec's words."""
    from macros.data import validate
    monkeypatch.setattr(validate, "problems", lambda *args: iter(()))
    line = edit(data / "dimensions.yml", "favors: open\n    detail: \"Openness", "favors: opne\n    detail: \"Openness")
    assert problems(data) == [f"data/dimensions.yml:{line}: transparency.favors: Invalid enum value 'opne'"]


# --- make check: validation alone -------------------------------------------------------------------

def check(project: Path):
    import os
    import subprocess
    import sys
    return subprocess.run([sys.executable, "-m", "tools.check"], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "OVC_PROJECT": str(project)}, timeout=120)


def test_make_check_prints_each_located_problem_and_nothing_else(project):
    line = edit(project / "data" / "dimensions.yml", "favors: closed", "favors: sideways")
    result = check(project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines and all(LINE.match(l) for l in lines), result.stdout
    assert f"data/dimensions.yml:{line}:" in lines[0] and result.stderr == ""


def test_make_check_is_silent_on_valid_data(project):
    result = check(project)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
