"""`make build` (tools/build_site.py): one build at a time, published whole or not at all, and every
failure printed as what went wrong, never only an exit code or a traceback."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import QUIET_ENV, ROOT, copy_project
from tests.test_errors import edit
from tools.catalogue import FIXTURE


def make_build(project: Path, site: Path) -> subprocess.Popen:
    import os
    return subprocess.Popen([sys.executable, "-m", "tools.build_site", str(site), "--project", str(project)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **QUIET_ENV})


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> tuple[Path, set[str]]:
    """A project copy and the files one build of it writes."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    site = project.parent / "reference"
    result = make_build(project, site)
    out, err = result.communicate(timeout=300)
    assert result.returncode == 0, err
    return project, files(site)


def test_two_builds_at_once_both_succeed_and_publish_one_complete_site(reference, tmp_path):
    project, expected = reference
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the old site")
    first, second = make_build(project, site), make_build(project, site)
    results = [(p.wait(timeout=300), p.stderr.read()) for p in (first, second)]
    assert [code for code, _ in results] == [0, 0], results
    assert files(site) == expected
    assert (site / "index.html").read_text(encoding="utf-8") != "the old site"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "site") == [".site.lock"], \
        "a build left its temporary folder behind"


def test_a_failed_build_prints_the_located_problem_and_keeps_the_old_site(reference, tmp_path):
    project, _ = reference
    broken = copy_project(tmp_path / "broken", data=FIXTURE)
    line = edit(broken / "data" / "dimensions.yml", "favors: closed", "favors: sideways")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the old site")
    result = make_build(broken, site)
    out, err = result.communicate(timeout=300)
    assert result.returncode != 0
    assert f"data/dimensions.yml:{line}:" in err and "favors: expected 'open'" in err
    assert "Traceback" not in err + out
    assert files(site) == {"index.html"} and (site / "index.html").read_text() == "the old site"


def test_a_failing_renderer_is_reported_as_one_line_naming_page_and_macro(tmp_path):
    """A bug in a renderer (not a data problem) still ends with a plain line: the page, the macro and
    what failed, not mkdocs-macros' silent exit code 100."""
    project = copy_project(tmp_path / "project")
    edit(project / "macros" / "render" / "pages.py", '    return f"{whole(value)} {currency}"',
         '    raise OverflowError("boom")')
    result = make_build(project, tmp_path / "site")
    out, err = result.communicate(timeout=300)
    assert result.returncode != 0
    assert "Traceback" not in err + out
    line = next((l for l in err.splitlines() if "content/calculator.md:" in l), "")
    assert "calculator()" in line and "OverflowError: boom" in line and "pages.py" in line, err


def test_a_broken_page_template_is_reported_with_its_page(tmp_path):
    project = copy_project(tmp_path / "project")
    edit(project / "content" / "compare.md", "{{ comparison_table() }}", "{{ comparison_table( }}")
    result = make_build(project, tmp_path / "site")
    out, err = result.communicate(timeout=300)
    assert result.returncode != 0 and "Traceback" not in err + out
    assert any(l.startswith("content/compare.md") or "compare.md" in l for l in err.splitlines()), err
