"""MkDocs hook (mkdocs.yml `hooks:`): one generated page per registered component at
/embed/<name>/, and the offline build's web-worker shim served from the site itself.

Glue only: what an embed page contains comes from macros/components.py.
"""
from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

from mkdocs.structure.files import File, InclusionLevel

SHIM = "assets/vendor/iframe-worker/shim.js"


def _components(config):
    root = str(Path(config.config_file_path).resolve().parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    return importlib.import_module("macros.components")  # reloaded by the macros plugin each build


def on_config(config):
    """Material's offline plugin (`make dist`) adds a web-worker shim from a CDN: use our copy."""
    polyfills = config.extra.get("polyfills") or []
    if any("iframe-worker" in str(p) for p in polyfills):
        config.extra["polyfills"] = [p for p in polyfills if "iframe-worker" not in str(p)] + [SHIM]
    return config


def on_files(files, config):
    components = _components(config)
    for c in components.COMPONENTS:
        page = File.generated(config, components.embed_src(c.name), content=components.embed_page(c),
                              inclusion=InclusionLevel.NOT_IN_NAV)
        page.dest_uri = components.embed_dest(c.name, config.use_directory_urls)
        files.append(page)
    return files


def on_page_content(html, page, config, files):
    """In an embed, a link to a place on the same page would open the bare embed in the host's
    window (links open in the parent): send it to the component on its own page instead."""
    name = page.meta.get("ovc_embed")
    if not name:
        return html
    component = _components(config).BY_NAME[name]
    target = files.get_file_from_path(component.page).url_relative_to(page.file)
    return re.sub(r'href="#', f'href="{target}#', html)
