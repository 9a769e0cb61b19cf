"""`make bench` measures the right things (no timing is asserted): its "limit" build is the same site
without macros, its synthetic data is valid, and its report marks budgets met and missed."""
from __future__ import annotations

import re

import pytest

from bench import build, reader, report, scale
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


def test_report_holds_the_x10_build_to_its_limits_growth():
    """With a page per model the pages grow with the records: the ×10 budget is the build's growth
    over its limit's growth; the raw growth is reported beside it, no longer a budget."""
    def row(factor, cpu, limit_cpu):
        return {"factor": factor, "records": 100 * factor, "pages": 50 * factor, "runs": 1, "cpu": cpu,
                "wall": cpu, "peak_rss": 100, "html_kib": 10 * factor,
                "limit": {"cpu": limit_cpu, "wall": limit_cpu}}
    results = {"scale": {"rows": [row(1, 10.0, 8.0), row(10, 110.0, 80.0)],
                         "validate": {"records": 1000, "seconds": 1.0}}}
    text = report.render(results)
    assert "| ×10 records / ×1, build CPU time | 11.00 (110.00 s / 10.00 s) | — | n/a |" in text
    assert (f"| Same, against its limit's growth with the pages (CPU time; limit ×10 / ×1 10.00) | 1.10 "
            f"| ≤ {report.BUDGETS['scale_x10']} | pass |") in text
    results["scale"]["rows"][1]["cpu"] = 300.0
    assert "limit ×10 / ×1 10.00) | 3.00 | ≤ 2.0 | **FAIL** |" in report.render(results)
    for r in results["scale"]["rows"]:  # results from before the limit was measured: the old budget
        del r["limit"]
    assert "| ×10 records / ×1, build CPU time | 30.00 (300.00 s / 10.00 s) | ≤ 2.0 | **FAIL** |" in report.render(results)


def _page(perf: int, kib: int) -> dict:
    scores = {"accessibility": 100, "best-practices": 100, "seo": 100}
    return {"requests": 9, "bytes": kib * 1024, "encoding": "gzip", "first_paint_ms": 300.0,
            "lighthouse": {"performance": perf, "performance_all": [perf - 1, perf, perf + 1], **scores},
            "plain": {"requests": 9, "bytes": 4 * kib * 1024, "lighthouse": {"performance": perf - 12, **scores}}}


def test_report_holds_every_page_served_by_nginx_to_the_budget():
    """The flowchart page too: every page >= 95 through nginx as shipped; compression off is reported
    beside it, with the weight on the wire, and is no budget."""
    results = {"reader": {"server": {"brotli": True}, "flow_variants": {},
                          "pages": {"": _page(97, 100), "hybrid-routing/": _page(94, 150)}}}
    text = report.render(results)
    assert ("| Lighthouse performance through nginx as shipped, every page (lowest) | 94 (/hybrid-routing/) "
            f"| ≥ {report.BUDGETS['perf']} | **FAIL** |") in text
    assert "| Same, nginx with compression off (lowest) | 82 (/hybrid-routing/) | — | n/a |" in text
    assert "| 150 KiB (600 KiB with compression off) (/hybrid-routing/) |" in text
    assert "| /hybrid-routing/ | 9 | 150 KiB | gzip | 300 ms | 94 (93, 94, 95) | 600 KiB | 82 |" in text
    results["reader"]["pages"]["hybrid-routing/"] = _page(95, 150)
    assert "every page (lowest) | 95 (/hybrid-routing/) | ≥ 95 | pass |" in report.render(results)


def test_the_reader_weighs_pages_as_nginx_sends_them(built_site, browser):
    """The reader bench loads pages through the shipped nginx configuration, as shipped and with
    compression off, and counts the bytes as sent: the same requests, far fewer bytes compressed."""
    from tools import nginx
    if nginx.binary() is None:
        pytest.skip("nginx is not installed (.ci/run installs it)")
    with nginx.serve(built_site) as packed, nginx.serve(built_site, compressed=False) as plain:
        assert "gzip_static on;" in packed.config and "gzip_static off;" in plain.config
        sent = reader.weigh(browser, packed.url + "compare/", flow=False)
        whole = reader.weigh(browser, plain.url + "compare/", flow=False)
    assert sent["encoding"] in ("gzip", "br") and whole["encoding"] == "none"
    assert sent["requests"] == whole["requests"] > 3
    assert sent["bytes"] < whole["bytes"] / 2


def test_clones_of_the_longest_ids_stay_valid_and_distinct():
    longest = "a" * scale.ID_MAX
    near = longest[:-1] + "b"
    ids = {scale._clone_id(original, copy) for original in (longest, near) for copy in (1, 99, 100)}
    assert len(ids) == 6 and all(len(i) <= scale.ID_MAX for i in ids)
    assert all(not i.startswith("-") and "--" not in i for i in ids)
