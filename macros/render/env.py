"""The one Jinja environment of the renderers (templates/), and `render_template`, the only way a
template is turned into text."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, select_autoescape

from . import escape, labels, links
from .slots import Html

TEMPLATES = Path(__file__).parent / "templates"

_env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
    auto_reload=True,  # `make serve` picks up template edits without a restart
    # Compiled templates kept between builds (Jinja's per-user cache in the temp dir, checked against
    # each template's source): compiling them was a fifth of the macros' share of a build.
    bytecode_cache=FileSystemBytecodeCache(),
)
_env.filters.update(md_cell=escape.md_cell, md_inline=escape.md_inline, mermaid_label=escape.mermaid_label,
                    prose=links.html, prose_md=links.markdown, plain=links.plain)
_env.globals.update(tones=labels.TONES, tone_text=labels.TONE_TEXT, tone_alpha=labels.TONE_DIAGRAM_ALPHA,
                    labels=labels)


def render_template(template: str, **context) -> str:
    """The template's output; from an *.html.j2 template marked as whole HTML (slots.Html), which goes
    into the page after Markdown."""
    text = _env.get_template(template).render(**context).strip() + "\n"
    return Html(text) if template.endswith(".html.j2") else text
