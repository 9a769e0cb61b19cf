"""Edit-to-reload under `mkdocs serve`: from saving a data file to the open page showing the change
(the livereload script reloads it), in headless Chromium, as tests/test_serve.py does without timing."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench import common
from tools.browser import launch
from tools.project import QUIET_ENV

PAGE = "compare/"
FILE = "dimensions.yml"
ORIGINAL = "name: Transparency\n"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_up(url: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if b"Transparency" in response.read():
                    return
        except OSError:
            pass
        time.sleep(0.25)
    raise RuntimeError("mkdocs serve did not start")


def _until_shown(page, marker: str, start: float, seconds: float = 60) -> float:
    """Seconds from `start` until the page's visible text contains `marker` (polled every ~10 ms;
    the page reloads in between, so each probe may meet a page that is going away)."""
    probe = f"() => !!document.body && document.body.innerText.includes({marker!r})"
    while time.perf_counter() - start < seconds:
        try:
            if page.evaluate(probe):
                return time.perf_counter() - start
        except Exception:  # noqa: BLE001  (navigation in progress: try again)
            pass
        page.wait_for_timeout(10)
    raise RuntimeError(f"{marker!r} did not show within {seconds} s")


def run(runs: int = 5) -> dict:
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory(prefix="bench-reload-") as tmp:
        project = common.copy_project(Path(tmp) / "project")
        port = _free_port()
        log = (Path(tmp) / "serve.log").open("w")
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr",
                                   f"127.0.0.1:{port}"], cwd=project, stdout=log,
                                  stderr=subprocess.STDOUT, env={**os.environ, **QUIET_ENV})
        url = f"http://127.0.0.1:{port}/{PAGE}"
        times = []
        try:
            _wait_up(url)
            data = project / "data" / FILE
            with sync_playwright() as p:
                browser = launch(p)
                page = browser.new_page()
                page.goto(url)
                page.wait_for_load_state("load")
                page.wait_for_timeout(1500)  # let livereload connect
                for run_no in range(1, runs + 1):
                    marker = f"Transparency (edit {run_no})"
                    text = data.read_text(encoding="utf-8")
                    current = next(line for line in text.splitlines(keepends=True)
                                   if line.strip().startswith("name: Transparency"))
                    start = time.perf_counter()
                    data.write_text(text.replace(current, current.replace(
                        current.strip(), f"name: {marker}"), 1), encoding="utf-8")
                    times.append(_until_shown(page, marker, start))
                    page.wait_for_load_state("load")
                    page.wait_for_timeout(1000)  # settle before the next edit
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
    return {"runs": runs, "seconds": common.median(times), "all": times, "page": PAGE, "file": FILE}


if __name__ == "__main__":
    print(run(3))
