"""`make serve` for an editor: a saved change to data/ or macros/ shows on the served page without a
restart; a broken edit prints its one-line error (MkDocs then holds page requests until the data is
valid again) and the fix shows as soon as it is saved."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.support import QUIET_ENV, copy_project
from tests.test_errors import edit


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def wait_for(condition, seconds: float = 45.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.25)
    return False


@pytest.fixture
def served(tmp_path):
    project = copy_project(tmp_path / "project")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = (tmp_path / "serve.log").open("w+")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr",
                               f"127.0.0.1:{port}"], cwd=project, stdout=log, stderr=subprocess.STDOUT,
                              env={**os.environ, **QUIET_ENV})
    url = f"http://127.0.0.1:{port}/compare/"
    try:
        assert wait_for(lambda: "Transparency" in fetch(url), 90), "mkdocs serve did not start"
        yield project, url, log
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def test_edits_to_data_and_templates_show_without_restart(served):
    project, url, log = served
    edit(project / "data" / "dimensions.yml", "name: Transparency", "name: Transparency (edited)")
    assert wait_for(lambda: "Transparency (edited)" in fetch(url)), "data edit did not show"
    edit(project / "macros" / "templates" / "comparison_table.html.j2", "<caption>Open-weight",
         "<caption>Leaning")
    assert wait_for(lambda: "Leaning" in fetch(url)), "template edit did not show"

    edit(project / "data" / "dimensions.yml", "favors: open", "favors: sideways")
    log_text = lambda: (log.seek(0), log.read())[1]  # noqa: E731
    assert wait_for(lambda: "transparency.favors: expected 'open'" in log_text())
    assert "Traceback" not in log_text()
    edit(project / "data" / "dimensions.yml", "favors: sideways", "favors: open")
    edit(project / "data" / "dimensions.yml", "(edited)", "(fixed)")
    assert wait_for(lambda: "Transparency (fixed)" in fetch(url)), "the fix did not show"
