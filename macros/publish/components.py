"""The registry of reusable components: what can be embedded (/embed/<name>/) and exported
(/exports/<name>.md, .csv, .confluence.txt, .mmd, .svg).

A component names the macro its page already calls: its embed page calls the same macro, and its
exports come from its rows (tables.py) or its mermaid source (render/pages.py). Nothing here renders twice.

To add a component: one `Component(...)` entry in COMPONENTS. Its page gets the "Embed" control under
the macro's output, /embed/<name>/ is generated, and the tests pick it up.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Callable

from ..models import Site
from ..render import pages as render
from ..render.links import page_url  # noqa: F401  (where a page is, for the registry's users)
from . import tables

SITE_ID = "ovc"  # prefix of the height message an embed sends: {"ovc-height": {<name>: px}}


@dataclass(frozen=True)
class Component:
    name: str                  # slug in URLs: kebab-case
    # Shown to people (the embed's <title>, the iframe's title, the export's heading); a function of
    # the data when the data decides it (resolve() fills it in for a build).
    title: str | Callable[[Site], str]
    page: str                  # the page of the site that shows it (path under content/)
    macro: str                 # the macro that page calls; the embed page calls the same one
    args: tuple = ()           # that macro's arguments
    table: Callable[[Site], tables.Table] | None = None  # rows: .md, .csv and .confluence.txt exports
    diagram: Callable[[Site], str] | None = None          # mermaid source: .md (mermaid), .mmd, .svg
    extra: tuple = ()          # further (macro, args) shown below it in the embed, e.g. a legend
    height: int = 600          # the iframe's height before its first message

    def heading(self, site: Site) -> str:
        """The title for this data."""
        return self.title(site) if callable(self.title) else self.title

    def call(self, macro: str | None = None, args: tuple | None = None) -> str:
        """The Jinja call of the macro, as a page writes it: reasons_list('open')."""
        macro, args = macro or self.macro, self.args if args is None else args
        return f"{macro}({', '.join(repr(a) for a in args)})"

    @property
    def exports(self) -> list[str]:
        """File suffixes this component is exported as under /exports/."""
        out = []
        if self.table or self.diagram:
            out.append("md")
        if self.table:
            out += ["csv", "confluence.txt"]
        if self.diagram:
            out += ["mmd", "svg"]
        return out


def _hybrid_routing(site: Site) -> str:
    return render.flowchart_source(render.flow(site))


COMPONENTS: list[Component] = [
    Component("comparison", "Open-weight and closed models compared", "compare.md", "comparison_table",
              table=tables.comparison, height=2400),
    Component("cheatsheet", "Cheat sheet", "cheat-sheet.md", "cheatsheet_table",
              table=tables.cheatsheet, height=1400),
    Component("options", "Options the site recommends", "cheat-sheet.md", "options_list",
              table=tables.options, height=500),
    Component("flowchart", "Hybrid routing flowchart", "hybrid-routing.md", "flowchart",
              diagram=_hybrid_routing, extra=(("flow_legend", ()),), height=1100),
    Component("models", "Model catalogue", "models.md", "families_table",
              table=tables.families, height=1600),
    Component("model-table", "Every model of the catalogue", "models.md", "catalogue_table",
              table=tables.model_table, height=2400),
    Component("compare-models", "Models side by side", "models/compare.md", "compare_view", height=1400),
    Component("open-parts", 'What "open" can cover', "what-open-means.md", "open_parts_table",
              table=tables.open_parts, height=700),
    Component("use-cases", "Use cases", "use-cases.md", "use_cases_list",
              table=tables.use_cases, height=2400),
    Component("access", "How to access each kind of model", "access.md", "access_routes_list",
              table=tables.access_routes, height=3000),
    Component("glossary", "Glossary", "glossary.md", "glossary_list",
              table=tables.glossary, height=2000),
    Component("guide", render.guide_title, "guide.md", "guide_steps", table=tables.guide, height=2600),
    Component("recent-changes", "What's new", "whats-new.md", "changes_list", table=tables.changes, height=1600),
    Component("helper", "Decision helper", "helper.md", "decision_helper", height=1400),
    Component("calculator", "Break-even calculator", "calculator.md", "calculator", height=1400),
]
BY_NAME = {c.name: c for c in COMPONENTS}


def resolve(site: Site) -> list[Component]:
    """The registry for this data: every title a string."""
    return [replace(c, title=c.heading(site)) for c in COMPONENTS]
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def problems(macros: dict) -> list[str]:
    """What is wrong with the registry (checked at every build): names, macros, unique pages."""
    out = []
    if len(BY_NAME) != len(COMPONENTS):
        out.append("components: two components share a name")
    for c in COMPONENTS:
        if not _SLUG.match(c.name):
            out.append(f"components: {c.name!r} is not a kebab-case name")
        for macro, _ in ((c.macro, c.args), *c.extra):
            if macro not in macros:
                out.append(f"components: {c.name}: no macro named {macro!r}")
    return out


# --- where things are -----------------------------------------------------------------------------

def embed_src(name: str) -> str:
    """Source path of the generated embed page. At the top level on purpose, so that the page-relative
    links the macros write (sources.md#id) resolve exactly as on the normal pages; its URL is
    embed/<name>/ (see embed_dest)."""
    return f"embed--{name}.md"


def embed_dest(name: str, use_directory_urls: bool = True) -> str:
    return f"embed/{name}/index.html" if use_directory_urls else f"embed/{name}.html"


def embed_url(name: str, use_directory_urls: bool = True) -> str:
    return f"embed/{name}/" if use_directory_urls else f"embed/{name}.html"


def export_path(name: str, suffix: str) -> str:
    return f"exports/{name}.{suffix}"


def embed_page(component: Component) -> str:
    """The Markdown of /embed/<name>/: the component's own macro calls, nothing else (`component`
    from resolve(), or a title from the data is left to the page's own title)."""
    calls = [component.call()] + [component.call(m, a) for m, a in component.extra]
    title = component.title if isinstance(component.title, str) else component.name
    return ("---\n"
            f"title: {title!r}\n"
            "template: embed.html\n"
            "render_macros: true\n"
            f"ovc_embed: {component.name}\n"
            f"description: {('Embeddable: ' + title)!r}\n"
            "search:\n  exclude: true\n"
            "---\n\n" + "\n\n".join("{{ " + call + " }}" for call in calls) + "\n")
