"""Run by tests/test_memo.py inside a copy of the project: builds it the way `make serve` does, one
build after another in one process (MkDocs' serve command rebuilds by calling its build again), each
after an edit. After each, the same project is built again from nothing (no page kept: what a fresh
`make serve` would build) beside it, and the build goes on from what the first build kept. Reports
each step's two sites and how many pages it reused, as JSON on stdout.
Usage: python serve_rebuilds.py OUT_DIR STEP..."""
from __future__ import annotations

import json
import logging
import os
import re
import sys
from pathlib import Path

os.environ["OVC_SERVING"] = "1"  # what on_startup(command="serve") sets


def _edit(path: str, pattern: str, change) -> None:
    file = Path(path)
    text = file.read_text(encoding="utf-8")
    new, count = re.subn(pattern, change, text, count=1, flags=re.M)
    assert count, f"{path}: nothing matches {pattern!r}"
    file.write_text(new, encoding="utf-8")


# Each step: an ordinary edit an editor makes while `make serve` runs.
STEPS = {
    "none": lambda: None,
    "model": lambda: _edit("data/models.yml", r"^(\s+max_output: )(\d+)$",
                           lambda m: f"{m.group(1)}{int(m.group(2)) + 1}"),
    "dimension": lambda: _edit("data/dimensions.yml", r"^(\s+name: )(.+)$", lambda m: m.group(0) + " (edited)"),
    "glossary": lambda: _edit("data/glossary.yml", r'^(\s+definition: )"', lambda m: m.group(0) + "Edited. "),
    "page": lambda: _edit(next(str(p) for p in sorted(Path("content").glob("*.md")) if p.name != "index.md"),
                          r"\Z", lambda m: "\nA paragraph added while serving.\n"),
    "licence": lambda: _edit("data/licences.yml", r"^(\s+name: )(.+)$", lambda m: m.group(0) + " (edited)"),
    "renderer": lambda: _edit("macros/render/templates/model_page.md.j2", r"\Z",
                              lambda m: "\nA line added to every model page while serving.\n"),
    "template": lambda: _edit("overrides/main.html", r"^\{% block site_meta %\}$",
                              lambda m: m.group(0) + "\n<meta name=\"edited\" content=\"while serving\">"),
    "broken-link": lambda: _edit(next(str(p) for p in sorted(Path("content").glob("*.md")) if p.name != "index.md"),
                                 r"\Z", lambda m: "\nSee [nowhere](no-such-page.md).\n"),
}


_LAST: list = []  # the config of the last build, whose state (plugin/build.py) _calls reads


def _build(site: Path) -> bool:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    config = load_config("mkdocs.yml", strict=True, site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=False)
    _LAST[:] = [config]
    try:
        build(config, serve_url="http://127.0.0.1:8000/")
        return True
    except BaseException:  # noqa: BLE001  (MkDocs' Abort is a SystemExit)
        return False


def _calls() -> tuple[int, int]:
    """How many of the last build's macro calls were reused (plugin/reuse.py), of how many."""
    build = sys.modules["macros.plugin.build"].Build.of(_LAST[0]) if _LAST else None
    return (build.calls.reused, len(build.calls.pending)) if build is not None else (0, 0)


def main(out: Path, steps: list[str]) -> None:
    logging.getLogger("mkdocs").setLevel(logging.WARNING)  # as `mkdocs serve` sets it: warnings count under --strict
    report = []
    for number, step in enumerate(steps):
        STEPS[step]()
        site = out / f"{number}-{step}"
        ok = _build(site)
        memo, reuse = sys.modules["macros.plugin.memo"], sys.modules["macros.plugin.reuse"]
        reused = memo._current.reused if ok and memo._current is not None else 0
        calls = _calls() if ok else (0, 0)
        kept = memo._html, memo._theme, memo._search, reuse._kept
        memo._html, memo._theme, memo._search, reuse._kept = {}, {}, {}, {}
        fresh_ok = _build(out / f"{number}-{step}-fresh")
        memo._html, memo._theme, memo._search, reuse._kept = kept
        report.append({"step": step, "site": str(site), "fresh": str(out / f"{number}-{step}-fresh"),
                       "ok": ok, "fresh_ok": fresh_ok, "reused": reused,
                       "calls_reused": calls[0], "calls": calls[1],
                       "pages": len(list(site.rglob("*.html"))) if site.exists() else 0})
    print(json.dumps(report))


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])
