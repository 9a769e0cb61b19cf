"""The project as the tools and the tests see it: where it is, its MkDocs run as a child process, a
throw-away copy to break or grow, and the pages of its navigation. Nothing here reaches beyond this
machine."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

# The project the tools and the tests work on: this checkout, or a copy of it named by OVC_PROJECT
# (the editors' test runs the data-dependent tests on an edited copy this way).
CHECKOUT = Path(__file__).resolve().parent.parent  # where the tools and the tests (and their fixtures) are
ROOT = Path(os.environ.get("OVC_PROJECT") or CHECKOUT).resolve()
QUIET_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def mkdocs(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the project's MkDocs (from this interpreter's environment) and capture its output."""
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=cwd, capture_output=True,
                          text=True, env={**os.environ, **QUIET_ENV, **(env or {})}, timeout=300)


def copy_project(dest: Path, data: Path | None = None) -> Path:
    """A copy of what a build reads (config, pages, data, generators) and of the guides that quote
    it, to break or edit on purpose; with `data`, that folder as its data/ (its schema/ kept)."""
    for part in ("content", "data", "macros", "overrides"):
        shutil.copytree(ROOT / part, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
    for file in ("mkdocs.yml", "README.md", "CONTRIBUTING.md"):
        shutil.copy(ROOT / file, dest / file)
    if data is not None:
        for file in (dest / "data").glob("*.yml"):
            file.unlink()
        for file in data.glob("*.yml"):
            shutil.copy(file, dest / "data" / file.name)
        # The pages may link to anchors of records that data does not have (they are the site's
        # pages, that data is another): such a link is no concern of a test on other data.
        config = dest / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("  anchors: warn", "  anchors: info"),
                          encoding="utf-8")
    return dest


def build(site_dir: Path, project: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    return mkdocs("build", "--strict", "--site-dir", str(site_dir), cwd=project, env=env)


def mkdocs_config(project: Path = ROOT) -> dict:
    """mkdocs.yml as plain data, without MkDocs: the Python objects it names (!!python/name:...) and
    its environment switches (!ENV, make dist) read as None."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass
    _Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    _Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def nav_pages() -> list[str]:
    """Source paths of every page in mkdocs.yml's nav, in reading order."""
    config = mkdocs_config()

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
