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
from tools.catalogue import FIXTURE


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
    project = copy_project(tmp_path / "project", data=FIXTURE)
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
    edit(project / "macros" / "render" / "templates" / "comparison_table.html.j2", "<caption>Open-weight",
         "<caption>Leaning")
    assert wait_for(lambda: "Leaning" in fetch(url)), "template edit did not show"
    # A page's own text: mkdocs-macros compiles it as a template, kept compiled between builds
    edit(project / "content" / "compare.md", "Each row states", "Every line states")
    assert wait_for(lambda: "Every line states" in fetch(url)), "page edit did not show"

    edit(project / "data" / "dimensions.yml", "favors: open", "favors: sideways")
    log_text = lambda: (log.seek(0), log.read())[1]  # noqa: E731
    assert wait_for(lambda: "transparency.favors: expected 'open'" in log_text())
    assert "Traceback" not in log_text()
    edit(project / "data" / "dimensions.yml", "favors: sideways", "favors: open")
    edit(project / "data" / "dimensions.yml", "(edited)", "(fixed)")
    assert wait_for(lambda: "Transparency (fixed)" in fetch(url)), "the fix did not show"


def test_code_edits_show_too_and_one_save_is_one_rebuild(served):
    """Generator modules are reloaded when one changed (macros/plugin/reload.py), and the server
    watches file events (macros/plugin/watch.py): a save, even an editor's atomic one (write a temp file, then
    rename it over the original), starts one rebuild, and reading files while building starts none."""
    project, url, log = served
    builds = lambda: (log.seek(0), log.read())[1].count("Building documentation")  # noqa: E731
    edit(project / "macros" / "render" / "labels.py", '"Leans", "Detail"', '"Leans", "Nuance"')
    assert wait_for(lambda: ">Nuance</th>" in fetch(url)), "an edit to macros/*.py did not show"

    time.sleep(2)
    before = builds()
    data = project / "data" / "dimensions.yml"
    temporary = data.with_name(".dimensions.yml.swp")
    temporary.write_text(data.read_text(encoding="utf-8").replace("name: Transparency", "name: Openness", 1),
                         encoding="utf-8")
    os.replace(temporary, data)
    assert wait_for(lambda: "Openness" in fetch(url)), "an atomic save did not show"
    time.sleep(3)  # idle: nothing may rebuild now
    assert builds() == before + 1


def test_a_renderer_and_a_hook_edited_under_serve_both_show(served):
    """Every changed macros/**/*.py is imported afresh, the hook module MkDocs loads by path included."""
    project, url, log = served
    calculator = url.replace("/compare/", "/calculator/")
    edit(project / "macros" / "render" / "pages.py", 'return f"{whole(value)} {currency}"',
         'return f"{whole(value)} {currency} (renderer edited)"')
    edit(project / "macros" / "plugin" / "hooks.py", "    return drawings.fill(output)",
         '    return drawings.fill(output).replace("</body>", "<!-- hook edited --></body>")')
    assert wait_for(lambda: "(renderer edited)" in fetch(calculator)), "a renderer edit did not show"
    assert wait_for(lambda: "<!-- hook edited -->" in fetch(url)), "a hook edit did not show"
    assert "Traceback" not in (log.seek(0), log.read())[1]


def test_serve_stays_up_through_any_mistake_and_recovers_on_the_fix(served):
    """An absurd number, a broken page template and a failing renderer each print their located line;
    the server keeps running (mkdocs-macros would have exited it), and the fix shows."""
    project, url, log = served
    log_text = lambda: (log.seek(0), log.read())[1]  # noqa: E731
    calculator = project / "data" / "calculator.yml"
    original = calculator.read_text(encoding="utf-8")
    first_default = next(line for line in original.splitlines() if line.strip().startswith("default:"))
    edit(calculator, first_default, first_default.split(":")[0] + ": .inf")
    assert wait_for(lambda: "default: expected a finite number" in log_text())
    calculator.write_text(original, encoding="utf-8")
    edit(project / "content" / "compare.md", "{{ comparison_table() }}", "{{ comparison_table( }}")
    assert wait_for(lambda: "content/compare.md: the page's macros failed" in log_text())
    edit(project / "content" / "compare.md", "{{ comparison_table( }}", "{{ comparison_table() }}")
    edit(project / "macros" / "render" / "pages.py", '    return f"{whole(value)} {currency}"',
         '    raise OverflowError("boom")')
    assert wait_for(lambda: "content/calculator.md: macro calculator() failed: OverflowError: boom" in log_text())
    edit(project / "macros" / "render" / "pages.py", '    raise OverflowError("boom")',
         '    return f"{whole(value)} {currency} (fixed)"')
    assert wait_for(lambda: "(fixed)" in fetch(url.replace("/compare/", "/calculator/")))
    assert "Traceback" not in log_text()

def test_the_open_page_reloads_itself_after_a_save(served, browser):
    """MkDocs reloads the open page with an inline script it adds to each page it serves; the
    policy's <meta> would block that script, so `make serve` serves the pages without it."""
    project, url, log = served
    assert 'http-equiv="Content-Security-Policy"' not in fetch(url)
    page = browser.new_page()
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    try:
        page.goto(url)
        edit(project / "data" / "dimensions.yml", "name: Transparency", "name: Transparency (reloaded)")
        page.wait_for_function("() => document.body.innerText.includes('Transparency (reloaded)')", timeout=45000)
        assert errors == []
    finally:
        page.close()
