"""`make serve` reuses the pages an edit did not change (macros/plugin/memo.py): after each ordinary
edit, the site it serves is the one a build from nothing makes, byte for byte, while most pages are
reused; and a build that warned keeps nothing, so a problem it found is found again."""
from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support import QUIET_ENV, ROOT, copy_project
from tools.catalogue import FIXTURE

DRIVER = Path(__file__).with_name("serve_rebuilds.py")


def rebuilds(tmp_path: Path, *steps: str) -> list[dict]:
    project = copy_project(tmp_path / "project", data=FIXTURE)
    done = subprocess.run([sys.executable, str(DRIVER), str(tmp_path / "sites"), *steps], cwd=project,
                          capture_output=True, text=True, env={**os.environ, **QUIET_ENV}, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def differences(one: Path, other: Path) -> list[str]:
    """Files that differ, or are only in one of the two sites."""
    found = []
    def walk(c: filecmp.dircmp, at: str) -> None:
        found.extend(f"{at}{n}" for n in c.left_only + c.right_only + c.funny_files)
        found.extend(f"{at}{n}" for n in c.common_files
                     if not filecmp.cmp(Path(c.left) / n, Path(c.right) / n, shallow=False))
        for name, sub in c.subdirs.items():
            walk(sub, f"{at}{name}/")
    walk(filecmp.dircmp(one, other), "")
    return found


def test_each_edit_while_serving_gives_the_site_a_fresh_build_gives(tmp_path):
    steps = rebuilds(tmp_path, "none", "model", "dimension", "none", "page", "glossary", "licence", "renderer",
                     "template")
    for step in steps:
        assert step["ok"] and step["fresh_ok"], step
        assert not differences(Path(step["site"]), Path(step["fresh"])), \
            f"after the {step['step']!r} edit, the served site differs from a fresh build"
    by_step = {s["step"]: s for s in steps[1:]}
    # An edit of one record's value, or of nothing, reuses most pages; the first build has none to reuse.
    assert steps[0]["reused"] == 0
    for step in ("model", "dimension", "none", "page"):
        assert by_step[step]["reused"] > by_step[step]["pages"] / 2, by_step[step]
    # ... and most macro calls (plugin/reuse.py): an edit of one data file renders again only what reads it.
    assert steps[0]["calls_reused"] == 0 and steps[0]["calls"] > 0
    for step in ("dimension", "none", "page"):
        assert by_step[step]["calls_reused"] > by_step[step]["calls"] / 2, by_step[step]


def test_a_problem_found_while_serving_is_found_again_by_the_next_build(tmp_path):
    steps = rebuilds(tmp_path, "none", "broken-link", "model", "dimension")
    assert steps[0]["ok"]
    assert not any(s["ok"] for s in steps[1:]), steps
    assert not any(s["fresh_ok"] for s in steps[1:]), steps


def test_a_macro_call_notes_every_data_file_it_reads_however_it_reads_it():
    """plugin/reuse.py reuses a call's output while the files it read are unchanged: what it read
    through the site's fields, by_id and get is noted, and going over every kind counts as all."""
    from macros.data.load import load_site
    from macros.plugin import reuse
    site = load_site(FIXTURE)
    read: set = set()
    seen = reuse.Reading(site, read)
    seen.models, seen.by_id["licences"], seen.by_id.get("hosts"), "offers" in seen.by_id
    seen.get("developers", next(iter(site.by_id["developers"])))
    assert read == {"models", "licences", "hosts", "offers", "developers"}
    list(seen.by_id.items())
    assert reuse.EVERYTHING in read
    calls = reuse.Build(site, serving=True)
    assert all(calls.digest(kind) is not None for kind in read - {reuse.EVERYTHING}), \
        "a file whose records cannot be told apart would be rendered on every build"
