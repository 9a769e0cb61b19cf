"""mkdocs-macros entry point: validate data/ once per build, then register one macro per block.

Glue only: loading, validation and rendering are plain modules (site.py, render.py) that the tests
use without MkDocs. A data problem stops the build in `on_config`, before site/ is touched.
"""
from __future__ import annotations

import functools
import importlib
from pathlib import Path

from mkdocs.exceptions import PluginError

# Reloaded in this order on every build, so that `make serve` picks up edits to macros/*.py too
# (mkdocs-macros imports this package once per process).
_MODULES = ("problems", "loader", "models", "validate", "checks", "site", "escape", "render")


def define_env(env) -> None:
    fresh = {name: importlib.reload(importlib.import_module(f"{__name__}.{name}")) for name in _MODULES}
    try:
        site = fresh["site"].load_site(Path(env.project_dir) / "data")
    except fresh["problems"].DataError as error:
        raise PluginError(error.report()) from None
    for name, render in fresh["render"].MACROS.items():
        env.macro(functools.wraps(render)(functools.partial(render, site)), name)
