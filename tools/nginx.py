"""Debian's real nginx serving a built site with the shipped configuration (deploy/nginx/), on a
loopback port, for the tests and the bench. The server block is used as a team would adapt it: its
`listen` and `root` lines changed, and, for a test, the wikis that may frame the embeds (the one
`set` line) and compression switched off. Nothing leaves this machine."""
from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from tools.project import ROOT

CONFIG = ROOT / "deploy/nginx/open-vs-closed-ai-models.conf"
MODULES = Path("/usr/lib/nginx/modules")
BROTLI_MODULE = MODULES / "ngx_http_brotli_static_module.so"  # Debian: libnginx-mod-http-brotli-static


def binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


def _replace(text: str, pattern: str, new: str) -> str:
    text, count = re.subn(pattern, new, text, flags=re.M)
    if count != 1:
        raise ValueError(f"the server block must have exactly one line matching {pattern!r}; found {count}")
    return text


def adapt(server: str, root: Path, port: int, ancestors: str | None = None, compressed: bool = True,
          brotli: bool = True) -> str:
    """The shipped server block with the lines a team adapts: listen, root, and optionally the
    frame-ancestors of the embeds; without compression (every copy the build made ignored, nothing
    compressed on the fly) or without the Brotli module."""
    server = _replace(server, r"^    listen 80;$", f"    listen 127.0.0.1:{port};")
    server = _replace(server, r"^    root [^;]+;$", f"    root {root};")
    if ancestors is not None:
        server = _replace(server, r'^    set \$ovc_frame_ancestors "[^"]*";$',
                          f'    set $ovc_frame_ancestors "{ancestors}";')
    if not brotli:
        server = _replace(server, r"^    brotli_static on;$", "")
    elif not compressed:
        server = _replace(server, r"^    brotli_static on;$", "    brotli_static off;")
    if not compressed:
        server = _replace(server, r"^    gzip_static on;$", "    gzip_static off;")
        server = _replace(server, r"^    gzip on;(.*)$", r"    gzip off;\1")
    return server


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclasses.dataclass
class Running:
    url: str          # http://127.0.0.1:<port>/
    brotli: bool      # whether the Brotli module was loaded (the .br copies are sent)
    config: str       # the server block as adapted
    log: Path         # nginx's error log


@contextlib.contextmanager
def serve(site: Path, server: str | None = None, *, ancestors: str | None = None, compressed: bool = True):
    """Run nginx with the shipped server block (or `server`) on a free loopback port, serving the
    built `site`, for the duration of the block; yields a Running."""
    nginx = binary()
    if nginx is None:
        raise RuntimeError("nginx is not installed: apt-get install nginx-light "
                           "libnginx-mod-http-brotli-static (.ci/run does this in CI)")
    brotli = BROTLI_MODULE.is_file()
    port = free_port()
    text = adapt(server if server is not None else CONFIG.read_text(encoding="utf-8"), Path(site).resolve(),
                 port, ancestors, compressed, brotli)
    with tempfile.TemporaryDirectory(prefix="ovc-nginx-") as tmp:
        tmp = Path(tmp)
        (tmp / "server.conf").write_text(text, encoding="utf-8")
        temps = "".join(f"    {kind}_temp_path {tmp / kind};\n"
                        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        (tmp / "nginx.conf").write_text(
            ("user root;\n" if os.geteuid() == 0 else "")  # workers must read private temp folders
            + (f"load_module {BROTLI_MODULE};\n" if brotli else "")
            + f"daemon off;\nworker_processes 1;\npid {tmp}/nginx.pid;\nerror_log {tmp}/error.log;\n"
            + "events {}\nhttp {\n    access_log off;\n    include /etc/nginx/mime.types;\n"
            + "    default_type application/octet-stream;\n" + temps
            + f"    include {tmp}/server.conf;\n}}\n", encoding="utf-8")
        process = subprocess.Popen([nginx, "-c", str(tmp / "nginx.conf"), "-p", str(tmp)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 15
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"nginx did not start:\n{process.stderr.read().decode()}")
                with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
                if time.monotonic() > deadline:
                    raise RuntimeError("nginx did not listen within 15 s")
                time.sleep(0.05)
            yield Running(f"http://127.0.0.1:{port}/", brotli, text, tmp / "error.log")
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
