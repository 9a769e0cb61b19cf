"""Each mermaid diagram shown as the SVG mermaid drew for it, so readers never download mermaid
(3.5 MB) or wait for it.

`make diagrams` (tools/diagrams.py) draws every diagram of a build in headless Chromium, exactly as
Material would in the reader's browser, and stores the SVG in macros/publish/prerendered/ under a
key: a hash of the diagram's mermaid source, the vendored mermaid's checksum and Material's version.
At build time and without any browser, each mermaid fence whose key has a stored SVG is replaced by
that SVG (in a declarative shadow root, as Material isolates its own drawings from page CSS). A
diagram whose source has changed since (data edited, `make serve`) has no stored SVG: it stays as
mermaid source, mermaid2 adds the local script, and the page draws it in the browser as before. A
stale drawing can therefore never be shown; tests/test_prerender.py fails when one is missing, so
the published site ships them all.

Pure: page HTML in, page HTML out (the plugin calls `mark` after Markdown and `fill` once
mkdocs-mermaid2 is done with the page).
"""
from __future__ import annotations

import hashlib
import html
import json
import math
import re
from importlib.metadata import version
from pathlib import Path

from ..models import Site
from ..render import slots
from ..render.pages import flow, flowchart_source

STORE = Path(__file__).resolve().parent / "prerendered"
MANIFEST = Path(__file__).resolve().parents[2] / "content/assets/vendor/mermaid/manifest.json"
# Off while `make diagrams` builds the site it draws from (it needs the mermaid source in the page).
OFF = "OVC_PRERENDERED_OFF"
# Browsers without declarative shadow DOM attach the drawings' shadow roots with this script (a file:
# the site's Content Security Policy runs no inline script).
POLYFILL = "javascripts/shadow-roots.js"


def source_text(code_html: str) -> str:
    """The diagram source as the browser reads it (textContent of the <code>), trimmed."""
    return html.unescape(code_html).strip()


def key(source: str) -> str:
    mermaid = json.loads(MANIFEST.read_text(encoding="utf-8"))["sha256"]
    material = version("mkdocs-material")
    digest = hashlib.sha256("\0".join((source.strip(), mermaid, material)).encode()).hexdigest()
    return digest[:20]


# The smallest text a drawing may be shown at, in CSS pixels. A drawing is scaled to fit its column:
# on a phone a wide flowchart would shrink to a third of its size (text about 6 px). Below the width
# at which its text reaches this size it stops shrinking, and its frame scrolls sideways instead
# (tabindex: by keyboard too), pinch-zoomable like the rest of the page. On a phone, where it
# scrolls anyway, its text is drawn larger.
MIN_TEXT_PX = 12
PHONE_TEXT_PX = 14
PHONE = "(max-width: 44.9375em)"  # Material's phone layout, as in extra.css
_VIEWBOX = re.compile(r'<svg\b[^>]*?\sviewBox="[-\d.]+ [-\d.]+ ([\d.]+) [\d.]+"')
_FONT = re.compile(r"font-size:\s*([\d.]+)px")
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.S)


def min_width(svg: str, text_px: float = MIN_TEXT_PX) -> int | None:
    """The width (CSS px, rounded up) at which the drawing's text is `text_px`: its width in its own
    units times `text_px` over the size its text is drawn at (mermaid's base font, the first size its
    style sets). None when the drawing says neither."""
    box, font = _VIEWBOX.search(svg), _FONT.search(svg)
    if not box or not font or float(font.group(1)) <= 0:
        return None
    return math.ceil(float(box.group(1)) * text_px / float(font.group(1)))


def figure(diagram_key: str, svg: str) -> str:
    """The drawing in its frame: a declarative shadow root (page CSS stays out, as in Material's own
    drawings) holding the SVG and the rule that keeps its text readable (min_width)."""
    least = min_width(svg)
    keep = (f"<style>:host{{display:block}}svg{{min-width:{least}px}}"
            f"@media {PHONE}{{svg{{min-width:{min_width(svg, PHONE_TEXT_PX)}px}}}}</style>") if least else ""
    title = _TITLE.search(svg)
    name = html.escape(" ".join(html.unescape(title.group(1)).split()), quote=True) if title else "Diagram"
    hint = ('<p class="ovc-diagram-hint" data-search-exclude>Wider than this screen: scroll the drawing '
            'sideways, or read it as text.</p>') if least else ""
    return (f'{hint}<div class="mermaid ovc-diagram" data-diagram="{diagram_key}" role="region" tabindex="0" '
            f'aria-label="{name} (drawing)"><template shadowrootmode="open">{keep}{svg}</template></div>')


def sources(page_html: str) -> list[str]:
    """The mermaid source of every diagram in a converted page, in document order."""
    return [match.group(1) for match in slots.MERMAID_FENCE.finditer(page_html)]


def mark(page_html: str, polyfill_src: str, missing=None) -> str:
    """After Markdown: each diagram that has a stored drawing becomes a drawing slot (slots.py); a
    page with one loads POLYFILL from `polyfill_src` (its URL from that page). `missing(source)` is
    told the source of each diagram that has no drawing."""
    if slots.MERMAID_MARK not in page_html:
        return page_html

    replaced = False

    def swap(match) -> str:
        nonlocal replaced
        source = source_text(match.group(1))
        diagram_key = key(source)
        if not (STORE / f"{diagram_key}.svg").is_file():
            if missing is not None:
                missing(source)
            return match.group(0)
        replaced = True
        return slots.drawing_slot(diagram_key)

    page_html = slots.MERMAID_FENCE.sub(swap, page_html)
    return page_html + f'<script src="{polyfill_src}" defer></script>' if replaced else page_html


def fill(output: str) -> str:
    """After mkdocs-mermaid2: fill each slot with its drawing. Where a diagram is still drawn in the
    browser, load mermaid without holding up first paint: `defer` keeps the order (before Material's
    DOMContentLoaded handler), so `window.mermaid` is defined when Material looks for it (and if it
    failed to load, javascripts/no-cdn.js stands in, so Material never fetches it from a CDN);
    mkdocs-mermaid2's inline configuration, which nothing reads, goes."""
    if slots.DRAWING_MARK in output:
        output = slots.DRAWING_SLOT.sub(
            lambda m: figure(m.group(1), (STORE / f"{m.group(1)}.svg").read_text(encoding="utf-8")), output)
    if 'mermaid.min.js">' not in output:
        return output
    return slots.MERMAID_CONFIG.sub("", slots.MERMAID_SCRIPT.sub(r'<script defer src="\1">', output))


def trees_drawn_as(site: Site, source: str) -> list[str]:
    """The ids of the trees whose flowchart has this mermaid source."""
    return [tree.id for tree in site.trees.trees
            if flowchart_source(flow(site, tree.id)).strip() == source.strip()]


EXPORTS = Path(__file__).resolve().parents[2] / "content" / "exports"


def stale_exports(site: Site, components) -> list[tuple[str, str, str]]:
    """(tree id, drawing, effect) for each registered diagram whose SVG export (drawn by make diagrams,
    committed in content/exports/) was drawn from other mermaid source than the data gives now."""
    found = []
    for component in components:
        if not component.diagram:
            continue
        source = component.diagram(site)
        svg = EXPORTS / f"{component.name}.svg"
        drawn = svg.read_text(encoding="utf-8") if svg.is_file() else ""
        if f'data-ovc-source-sha256="{hashlib.sha256(source.encode("utf-8")).hexdigest()}"' not in drawn:
            found += [(tree_id, f"content/exports/{component.name}.svg", "wikis get the old picture")
                      for tree_id in trees_drawn_as(site, source)]
    return found
