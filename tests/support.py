"""Shared test helpers: building the site, serving it on localhost, and starting headless Chromium.

Used by conftest.py fixtures and by `make screenshots`; nothing here reaches beyond this machine.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
QUIET_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
# Material draws diagrams into a closed shadow root; this init script opens it so a test (or
# `make diagrams`) can read the SVG back.
OPEN_SHADOW = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attach.call(this, {...init, mode: "open"}); };
"""


def mkdocs(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the project's MkDocs (from this interpreter's environment) and capture its output."""
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=cwd, capture_output=True,
                          text=True, env={**os.environ, **QUIET_ENV}, timeout=300)


def copy_project(dest: Path) -> Path:
    """A copy of what a build reads (config, pages, data, generators), to break on purpose."""
    for part in ("content", "data", "macros", "overrides"):
        shutil.copytree(ROOT / part, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def build(site_dir: Path, project: Path = ROOT) -> subprocess.CompletedProcess:
    return mkdocs("build", "--strict", "--site-dir", str(site_dir), cwd=project)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """Serve `directory` on 127.0.0.1 (a free port) for the duration of the block; yields the base URL."""
    with serve_handler(functools.partial(_QuietHandler, directory=str(directory))) as url:
        yield url


@contextlib.contextmanager
def serve_handler(handler):
    """Run an HTTP server with `handler` on 127.0.0.1 (a free port); yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise RuntimeError("Debian's chromium is not installed: run `apt-get install chromium` "
                           "(.ci/run does this in CI)")
    return path


def launch(playwright):
    """Headless Debian Chromium with the flags this workplace requires; Playwright gives each launch
    a fresh, empty user-data directory of its own."""
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)


# --- decision trees as edge sets, to compare a drawn diagram with the data ------------------------

def mermaid_edges(source: str) -> set[tuple[str, str, str]]:
    """(from, label, to) of every edge line in mermaid flowchart source."""
    import re
    return set(re.findall(r'^\s*(\w+) -->(?:\|"([^"]*)"\|)? (\w+)\s*$', source, re.M))


def tree_edges(site, tree_id: str) -> set[tuple[str, str, str]]:
    """The edges a tree in data must produce, computed from data alone (not from the renderer)."""
    tree = site.get("trees", tree_id)
    nodes = {n.id for n in tree.nodes}
    answers = {c.id: {a.id: a.short for a in c.answers} for c in site.criteria.criteria}

    def mid(prefix: str, record_id: str) -> str:
        return f"{prefix}_{record_id.replace('-', '_')}"

    edges = {("start", "", mid("n", tree.root))}
    for node in tree.nodes:
        for branch in node.branches:
            target = mid("n" if branch.next in nodes else "o", branch.next)
            edges.add((mid("n", node.id), answers[node.criterion][branch.answer], target))
    return edges


# --- the navigation, read from mkdocs.yml --------------------------------------------------------

def nav_pages() -> list[str]:
    """Source paths of every page in mkdocs.yml's nav, in reading order."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass
    # mkdocs.yml names Python objects (!!python/name:...); they do not matter for the nav.
    _Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    _Loader.add_constructor("!ENV", lambda loader, node: None)  # environment switches (make dist)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                yield from walk(value)
            else:
                yield value
    return list(walk(config["nav"]))


def page_url(source: str) -> str:
    """Directory URL of a page: compare.md -> compare/, index.md -> ''."""
    stem = source[: -len(".md")]
    return "" if stem == "index" else stem.removesuffix("/index") + "/"
