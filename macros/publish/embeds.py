"""Renderers of the embed machinery for the pages: the "Embed" control under each component, the
catalogue of components and datasets, and copyable snippets. Pure: names and URLs in, HTML out.

`origin` is where the site is published (mkdocs.yml site_url, ending in /); the snippets use it.
`root` is the relative way from the current page to the site root ("../", "" ...), for links.
`integrity` is the Subresource Integrity of the resize script as served (policy.integrity of the file).
"""
from __future__ import annotations

from markupsafe import Markup

from ..models import Site
from ..render import arrange, slots
from ..render.env import render_template as _render
from ..render.escape import html
from . import deploy, policy
from .components import COMPONENTS, Component, embed_url, export_path, page_url
from .exports import API, CATALOGUE_CSV, api_index

RESIZER = "assets/embed/resizer.js"
EXPORT_LABELS = {"md": "Markdown", "csv": "CSV", "confluence.txt": "Confluence wiki markup",
                 "mmd": "Mermaid source", "svg": "SVG picture"}


def resizer_tag(src: str, integrity: str) -> str:
    """The resize script's tag. With integrity= a host runs it only if it is exactly the file this
    build served (its server must then allow CORS for it: policy.CORS_FILES)."""
    return f'<script src="{src}" integrity="{integrity}" crossorigin="anonymous" async></script>'


def codes(component: Component, origin: str, udu: bool = True, *, integrity: str) -> dict[str, str]:
    """The two embed codes: a plain iframe, and the iframe with the resize script. An absolute
    origin is the published site, which has directory URLs even when this build (`make dist`) has not."""
    frame = iframe(component, origin, udu)
    return {"iframe": frame, "script": f"{frame}\n{resizer_tag(origin + RESIZER, integrity)}"}


def iframe(component: Component, origin: str, udu: bool = True) -> str:
    """The plain embed code (also what oEmbed gives, publish/oembed.py)."""
    src = f"{origin}{embed_url(component.name, udu or '://' in origin)}?theme=auto"
    return (f'<iframe src="{src}" title="{html(component.title)}" width="100%" height="{component.height}" '
            f'style="border:0;width:100%" loading="lazy"></iframe>')


def _links(component: Component, root: str) -> list[tuple[str, str]]:
    return [(EXPORT_LABELS[s], root + export_path(component.name, s)) for s in component.exports]


def _guide(root: str, udu: bool) -> str:
    return root + page_url("embed.md", udu)


def embed_control(component: Component, origin: str, root: str, udu: bool = True, *, integrity: str) -> str:
    return _render("embed_control.html.j2", component=component, origin=origin, root=root,
                   codes=codes(component, origin, udu, integrity=integrity), links=_links(component, root),
                   guide=_guide(root, udu))


def embed_catalogue(components: list[Component], root: str, udu: bool = True) -> str:
    rows = [(c, root + embed_url(c.name, udu), root + page_url(c.page, udu), _links(c, root))
            for c in components]
    return _render("embed_catalogue.html.j2", rows=rows, embed_path=lambda n: "/" + embed_url(n))


def catalogue_summary(site: Site, root: str) -> str:
    """What the model catalogue holds and the datasets it is imported from, credited as their licences
    ask, with links to the catalogue's CSV and JSON (`root`: the way from the page to the site root)."""
    return _render("catalogue_summary.html.j2", counts=arrange.catalogue_counts(site),
                   datasets=site.datasets.datasets, csv=root + CATALOGUE_CSV, api=root + f"{API}/models.json")


def api_catalogue(site: Site, root: str) -> str:
    return _render("api_catalogue.html.j2", rows=api_index(site)["datasets"], root=root,
                   index=root + "api/v1/index.json")


def embed_snippets(component: Component, origin: str, root: str, udu: bool = True, *, integrity: str) -> str:
    """The embed codes of one component as copyable blocks (for the Embed & export page)."""
    return _render("embed_snippets.html.j2", component=component,
                   codes=codes(component, origin, udu, integrity=integrity),
                   origin=origin, root=root)


def embed_preview(component: Component, root: str, udu: bool = True) -> str:
    """A live iframe of a component on this site, sized by the resize script. From this site itself,
    so without integrity= and crossorigin: opened from disk (`make dist`), a page may not make the
    CORS request those ask for, and would get no script at all."""
    name = component.name
    return Markup(
        f'<div class="ovc-embed-preview"><iframe src="{root}{embed_url(name, udu)}?theme=auto" '
        f'title="Preview: {html(component.title)}" height="{component.height}" '
        f'style="border:0;width:100%" loading="lazy" data-ovc-preview="{name}"></iframe></div>\n'
        f'<script src="{root}{RESIZER}" async></script>\n')


def security_headers(hosts: list[str]) -> str:
    """The HTTP headers the site's server must send, with why (for the Embed & export page)."""
    return _render("security_headers.html.j2", header=policy.HEADER, page=policy.page_policy(),
                   embed=policy.embed_policy(hosts), hosts=hosts, cors_files=policy.CORS_FILES,
                   cors=policy.CORS_HEADER, headers_file=policy.HEADERS_FILE,
                   common=policy.SECURITY_HEADERS, no_frame=policy.NO_FRAME)


def nginx_headers(hosts: list[str], site_url: str = "") -> str:
    """The whole nginx server block that sends them (deploy/nginx/, publish/deploy.py): never a
    fragment, whose add_header in a location would drop the others."""
    return _render("nginx_headers.html.j2", file=deploy.FILE,
                   config=deploy.nginx_config(hosts, site_url, [c.name for c in COMPONENTS]))


def in_page_links_to_component(html_text: str, target: str) -> str:
    """In an embed, a link to a place on the same page would open the bare embed in the host's
    window (links open in the parent): send it to the component on its own page (`target`) instead."""
    return slots.same_page_links_to(html_text, target)
