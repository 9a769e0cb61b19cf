"""mkdocs-macros entry point: validate data/ once per build, then register one macro per block.

Glue only: loading, validation and rendering are plain modules (site.py, render.py) that the tests
use without MkDocs. A data problem stops the build in `on_config`, before site/ is touched.
"""
from __future__ import annotations

import functools
from pathlib import Path

from mkdocs.exceptions import PluginError

from .problems import DataError
from .render import MACROS
from .site import load_site


def define_env(env) -> None:
    try:
        site = load_site(Path(env.project_dir) / "data")
    except DataError as error:
        raise PluginError(error.report()) from None
    for name, render in MACROS.items():
        env.macro(functools.wraps(render)(functools.partial(render, site)), name)
