"""Headless Debian Chromium and a local web server, for `make diagrams`, `make screenshots`, the bench
and the browser tests. Nothing leaves this machine."""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Material draws diagrams into a closed shadow root; this init script opens it so a test (or
# `make diagrams`) can read the SVG back.
OPEN_SHADOW = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attach.call(this, {...init, mode: "open"}); };
"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """Serve `directory` on 127.0.0.1 (a free port) for the duration of the block; yields the base URL."""
    with serve_handler(functools.partial(_QuietHandler, directory=str(directory))) as url:
        yield url


def headers_for(rules, path: str) -> list[tuple[str, str]]:
    """The headers a host that reads `_headers` (Netlify, Cloudflare Pages) sends for `path`: those of
    every block whose pattern matches it, in order. `rules` are (pattern, [(name, value)]); a
    pattern ending in * matches every path that starts with the rest, any other only itself."""
    return [header for pattern, headers in rules
            if (path.startswith(pattern[:-1]) if pattern.endswith("*") else path == pattern)
            for header in headers]


@contextlib.contextmanager
def serve_with_headers(directory: Path, rules):
    """Serve `directory` as `serve` does, sending the headers `rules` give each path (headers_for)."""
    class Handler(_QuietHandler):
        def end_headers(self) -> None:
            for name, value in headers_for(rules, unquote(urlsplit(self.path).path)):
                self.send_header(name, value)
            super().end_headers()
    with serve_handler(functools.partial(Handler, directory=str(directory))) as url:
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
