"""MkDocs hook (mkdocs.yml `hooks:`, first): after Markdown has converted a page, put the HTML its
macros generated into the slots they left (macros/blocks.py; glue in macros/__init__.py).

Listed before the other hooks, so that they see each page as readers will (embed_pages.py redirects
in-page links of embeds, diagram_hook.py swaps in drawings).
"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path


def on_page_content(html, page, config, files):
    if 'data-ovc-block="' not in html:
        return html
    root = str(Path(config.config_file_path).resolve().parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    return importlib.import_module("macros").fill_blocks(html, page, files)
