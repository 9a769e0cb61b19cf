"""`make bench` measures the right things (no timing is asserted): its "limit" build is the same site
without macros, its synthetic data is valid, and its report marks budgets met and missed."""
from __future__ import annotations

import re

from bench import build, report, scale
from macros.data import load_site
from tests import support


def test_limit_build_is_the_same_site_without_macros(tmp_path):
    full = support.copy_project(tmp_path / "full")
    limit = support.copy_project(tmp_path / "limit")
    build.make_limit(limit, tmp_path)
    assert not re.search(r"^  - macros:$", (limit / "mkdocs.yml").read_text(), re.M)
    assert support.build(tmp_path / "probe", limit).returncode == 0
    assert build.copy_after_pages(tmp_path, tmp_path / "probe") > 10  # the exports and the API
    for project, site in ((full, tmp_path / "site-full"), (limit, tmp_path / "site-limit")):
        result = support.build(site, project)
        assert result.returncode == 0, result.stderr
    same, total = build.same_files(tmp_path / "site-full", tmp_path / "site-limit", "*.html")
    from tools.compare import differences
    assert total > 10 and same == total, differences(tmp_path / "site-full", tmp_path / "site-limit")
    same, total = build.same_files(tmp_path / "site-full", tmp_path / "site-limit")
    from tools.compare import differences
    assert same == total, ("the limit must build the very same site, file for file", differences(tmp_path / "site-full", tmp_path / "site-limit"))


def test_synthetic_data_is_valid_and_multiplied(tmp_path):
    project = support.copy_project(tmp_path / "project")
    before = load_site(project / "data")
    clonable, fixed = scale._counts(project / "data")
    assert scale.multiply(project / "data", 3) == fixed + 3 * clonable  # what sizes the validation run
    after = load_site(project / "data")
    assert len(after.dimensions.dimensions) == 3 * len(before.dimensions.dimensions)
    assert len(after.glossary.glossary) == 3 * len(before.glossary.glossary)
    assert after.trees == before.trees  # the decision model is left as it is


def test_report_marks_budgets():
    results = {"build": {"runs": 5, "cpu_full": 2.0, "cpu_limit": 1.0, "wall_full": 2.0,
                         "wall_limit": 1.9, "ratio": 1.05, "cpu_ratio": 2.0,
                         "wall": {"full": [2.0], "limit": [1.9]}, "full_rss": 70, "limit_rss": 60,
                         "identical_pages": 3, "pages": 3},
               "reload": {"runs": 1, "seconds": 0.9, "all": [0.9], "page": "compare/",
                          "file": "dimensions.yml"}}
    text = report.render(results)
    assert "| Full strict build / its limit (CPU time, median of 5) | 2.00" in text
    assert "**FAIL**" in text and "| pass |" in text
