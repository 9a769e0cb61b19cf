"""Shared by the benchmarks: temp project copies, timed MkDocs runs with peak memory, and the medians.
(The reader's pages are served by nginx with the shipped configuration: tools/nginx.py.)"""
from __future__ import annotations

import contextlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tools.project import QUIET_ENV, ROOT, copy_project  # noqa: F401  (re-exported)

# Runs MkDocs in this child and reports its own peak resident memory (ru_maxrss, KiB on Linux).
_CHILD = """
import resource, runpy, sys, time
sys.argv = ["mkdocs", *sys.argv[1:]]
start = time.perf_counter()
code = 0
try:
    runpy.run_module("mkdocs", run_name="__main__")
except SystemExit as exit:
    code = exit.code or 0
usage = resource.getrusage(resource.RUSAGE_SELF)
print("BENCH", code, time.perf_counter() - start, usage.ru_maxrss, usage.ru_utime + usage.ru_stime,
      file=sys.stderr)
sys.exit(code)
"""


# Children run with Python's default bytecode caching: this machine sets PYTHONDONTWRITEBYTECODE for
# every process, which would make each build compile the project's own modules from source again
# (site-packages were compiled when installed). Measured as on an ordinary machine instead.
_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def run_child(project: Path, code: str, *args: str, env: dict | None = None) -> str:
    """Run `code` with `args` in a fresh interpreter in `project`; return what it printed after
    "BENCH " on its last such line of stderr. Raises on failure."""
    result = subprocess.run([sys.executable, "-c", code, *args], cwd=project, capture_output=True,
                            text=True, env={**_ENV, **QUIET_ENV, **(env or {})}, timeout=900)
    line = [x for x in result.stderr.splitlines() if x.startswith("BENCH ")]
    if result.returncode or not line:
        raise RuntimeError(f"{' '.join(args) or 'a bench child'} failed in {project}:\n{result.stderr[-3000:]}")
    return line[-1][len("BENCH "):]


def run_mkdocs(project: Path, *args: str, env: dict | None = None) -> tuple[float, float, float]:
    """Run `mkdocs ARGS` in `project` in a fresh interpreter; return (wall seconds including start-up,
    CPU seconds, peak RSS in MiB). CPU time is what other load on the machine disturbs least.
    Raises on failure."""
    start = time.perf_counter()
    fields = run_child(project, _CHILD, *args, env=env).split()  # exit code, time, peak RSS, CPU
    return time.perf_counter() - start, float(fields[3]), int(fields[2]) / 1024


def build(project: Path, site: Path, env: dict | None = None) -> tuple[float, float, float]:
    return run_mkdocs(project, "build", "--strict", "--quiet", "--site-dir", str(site), env=env)


def median(values) -> float:
    return statistics.median(values)


def versions() -> dict:
    from importlib.metadata import version
    out = {"python": sys.version.split()[0]}
    for dist in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "mkdocs-mermaid2-plugin",
                 "playwright"):
        with contextlib.suppress(Exception):
            out[dist] = version(dist)
    manifest = json.loads((ROOT / "content/assets/vendor/mermaid/manifest.json").read_text())
    out["mermaid (vendored)"] = manifest["version"]
    with contextlib.suppress(Exception):
        out["chromium"] = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True,
                                         text=True, timeout=30).stdout.strip()
    with contextlib.suppress(Exception):
        out["nginx"] = subprocess.run(["/usr/sbin/nginx", "-v"], capture_output=True, text=True,
                                      timeout=30).stderr.strip().removeprefix("nginx version: ")
    with contextlib.suppress(Exception):
        out["node"] = subprocess.run(["node", "--version"], capture_output=True, text=True,
                                     timeout=30).stdout.strip()
    lh = ROOT / "bench/node_modules/lighthouse/package.json"
    if lh.is_file():
        out["lighthouse"] = json.loads(lh.read_text())["version"]
    return out


def machine() -> str:
    import platform
    cpu = "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = ""
    with contextlib.suppress(OSError):
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kib / 1024 / 1024:.0f} GiB RAM"
    return f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}){mem}"


