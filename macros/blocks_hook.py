"""MkDocs hook (mkdocs.yml `hooks:`, before the other page hooks): after Markdown has converted a
page, put the HTML its macros generated into the slots they left (macros/blocks.py; glue in
macros/__init__.py).

Listed before embed_pages.py and diagram_hook.py, so that they see each page as readers will
(embed_pages.py redirects in-page links of embeds, diagram_hook.py swaps in drawings).
"""
from __future__ import annotations

import sys


def on_page_content(html, page, config, files):
    if 'data-ovc-block="' not in html:
        return html
    # Only the macros plugin leaves slots, so it has imported this project's macros package.
    return sys.modules["macros"].fill_blocks(html, page, files)
