"""mkdocs-macros' side of the build: validate data/ once (before site/ is touched: a problem stops
the build here, in mkdocs-macros' on_config), register one macro per renderer, and the embed
machinery's macros. Macros that give HTML leave a slot in the page's Markdown (render/slots.py);
the hooks (plugin/hooks.py) put their HTML in after Markdown."""
from __future__ import annotations

import datetime as dt
import functools
import posixpath
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import PluginError

from ..data import DataError, load_site
from ..data.loader import MAX_BYTES
from ..publish import components, drawings, embeds, feeds, policy
from ..render import slots
from ..render.pages import MACROS
from . import reuse
from .build import Build, describe


def define_env(env) -> None:
    try:
        _define(env)
    except PluginError:
        raise
    except Exception as error:  # a bug, not a data problem: still one plain line
        raise PluginError(f"loading the site's data and macros failed: {describe(error)}") from None


def _define(env) -> None:
    extra = env.conf["extra"]
    max_age = int(extra.get("review_max_age_days", 365))
    try:
        site = load_site(Path(env.project_dir) / "data", max_bytes=int(extra.get("data_max_bytes", MAX_BYTES)))
    except DataError as error:
        raise PluginError(error.report()) from None
    build = Build(env.conf, site, max_age)
    build.macros_env = env
    build.remind(dt.date.today())
    build.warn_stale(drawings.stale_exports(site, components.COMPONENTS))
    for name, render in MACROS.items():
        macro = _bind(render, build.calls, name, **({"max_age_days": max_age} if name == "freshness_table" else {}))
        _register(env, build, _placed(env, build, macro), name)
    _define_embeds(env, build)


def _register(env, build: Build, macro, name: str) -> None:
    """`macro` as the page macro `name`, its failures kept for the page (Build.failed), never raised
    into mkdocs-macros."""
    @functools.wraps(macro)
    def guarded(*args, **kwargs):
        try:
            return macro(*args, **kwargs)
        except Exception as error:
            shown = ", ".join([*map(repr, args), *(f"{k}={v!r}" for k, v in kwargs.items())])
            build.failed(env.page.file.src_uri, f"macro {name}({shown})", error)
            return ""
    env.macro(guarded, name)


def start_page(build: Build, page) -> None:
    """Before mkdocs-macros renders a page: no blocks yet, and its page templates kept compiled. The
    title and the description in a page's front matter may use the macros too, e.g. "{{ guide_title() }}"
    or "{{ how_many('cheatsheet') | capitalize }} situations ..."."""
    build.start_page(page.file.src_uri)
    jinja = build.macros_env.env
    if not hasattr(jinja.from_string, "cached"):
        jinja.from_string = _cached_from_string(build.macros_env, build)
    for key in ("title", "description"):  # the theme reads both from the front matter itself
        value = page.meta.get(key)
        if isinstance(value, str) and "{{" in value:
            page.meta[key] = type(jinja).from_string(jinja, value).render()


def _bind(render, calls: reuse.Build, name: str, **options):
    """`render` with the data bound: a plain function, not functools.partial, because mkdocs-macros
    writes every macro to a JSON debug trace on each build, and a partial's repr would spell out
    the whole dataset (a tenth of a second per build, for a trace nobody reads). Each call is
    rendered once per build: a component's embed page shows exactly what its own page shows; under
    `make serve`, not at all when what it reads did not change since the last build (plugin/reuse.py)."""
    done: dict = {}

    @functools.wraps(render)
    def macro(*args, **kwargs):
        key = (args, tuple(sorted(kwargs.items())))
        if key not in done:
            done[key] = calls.call(name, render, args, kwargs, options)
        return done[key]
    return macro


def _placed(env, build: Build, macro):
    """A macro's HTML kept for after Markdown: all of it when a template wrote it as HTML
    (slots.Html), else the marked HTML parts of its Markdown (tables among headings)."""
    @functools.wraps(macro)
    def placed(*args, **kwargs):
        out = macro(*args, **kwargs)
        src = env.page.file.src_uri
        if isinstance(out, slots.Html):
            return build.stash(src, out)
        return slots.extract(out, lambda html: build.stash(src, html))
    return placed


class _Failed:
    """A page template that could not be compiled: renders the page's source unchanged, once the
    failure is kept for the page (Build.failed)."""

    def __init__(self, source: str):
        self.source = source

    def render(self, *args, **kwargs) -> str:
        return self.source


class _Guarded:
    """A compiled page template whose failures are kept for the page instead of raised."""

    def __init__(self, template, source: str, build: Build, src: str):
        self.template, self.source, self.build, self.src = template, source, build, src

    def render(self, *args, **kwargs) -> str:
        try:
            return self.template.render(*args, **kwargs)
        except Exception as error:
            self.build.failed(self.src, "the page's macros", error)
            return self.source


def _cached_from_string(env, build: Build):
    """mkdocs-macros compiles each page's Markdown as a Jinja template on every build (a fresh
    process each time, for `make build`): keep the compiled code in Jinja's bytecode cache, one entry
    per page, checked against the page's source like any cached template. A template that does not
    compile or render is reported for its page (Build.raise_failures), not raised into
    mkdocs-macros, which would exit the process."""
    jinja, cache = env.env, FileSystemBytecodeCache()

    def from_string(source, globals=None, template_class=None):
        src = env.page.file.src_uri
        try:
            bucket = cache.get_bucket(jinja, f"mkdocs-macros page {src}", None, source)
            if bucket.code is None:
                bucket.code = jinja.compile(source)
                cache.set_bucket(bucket)
            template = (template_class or jinja.template_class).from_code(
                jinja, bucket.code, jinja.make_globals(globals), None)
        except Exception as error:
            build.failed(src, "the page's macros", error)
            return _Failed(source)
        return _Guarded(template, source, build, src)

    from_string.cached = True
    return from_string


def _root(env) -> str:
    """The relative way from the page being rendered to the site root: "./", "../", "../../".
    Never "": a bare "exports/x.md" would read as a link to a page source (slots.links)."""
    folder = posixpath.dirname(env.page.url)
    return "../" * (folder.count("/") + 1) if folder else "./"


def _define_embeds(env, build: Build) -> None:
    """Embed and export machinery (publish/components.py): each component's macro gets the "Embed"
    control under its output on its own page (not on its embed page), and the Embed & export page's
    macros."""
    problems = components.problems(MACROS)
    if problems:
        raise PluginError("\n".join(problems))
    origin = env.conf.get("site_url") or ""
    udu = env.conf["use_directory_urls"]
    registry = build.components
    by_name = {c.name: c for c in registry}
    # The resize script as this build serves it (MkDocs copies it unchanged from docs_dir).
    integrity = policy.integrity((Path(env.conf["docs_dir"]) / embeds.RESIZER).read_bytes())

    def stash(html: str) -> str:
        return build.stash(env.page.file.src_uri, html)

    def with_control(macro_name: str):
        inner = env.macros[macro_name]
        owners = [c for c in registry if c.macro == macro_name]

        @functools.wraps(inner)
        def wrapped(*args, **kwargs):
            out = inner(*args, **kwargs)
            page = env.page
            if page is None or page.meta.get("ovc_embed"):
                return out
            for c in owners:
                if c.page == page.file.src_uri and tuple(args) == c.args:
                    out += "\n\n" + stash(embeds.embed_control(c, origin or _root(env), _root(env), udu,
                                                                   integrity=integrity))
            return out
        return wrapped

    for macro_name in {c.macro for c in registry}:
        env.macro(with_control(macro_name), macro_name)
    _register(env, build, lambda: stash(embeds.embed_catalogue(registry, _root(env), udu)), "embed_catalogue")
    _register(env, build, lambda: stash(embeds.api_catalogue(build.site, _root(env))), "api_catalogue")
    _register(env, build, lambda: stash(feeds.feed_links(build.site, _root(env))), "feed_links")
    _register(env, build, lambda: stash(embeds.catalogue_summary(build.site, _root(env))), "catalogue_summary")
    _register(env, build, lambda name: stash(embeds.embed_snippets(by_name[name], origin or _root(env), _root(env),
                                                                   udu, integrity=integrity)), "embed_snippets")
    _register(env, build, lambda name: stash(embeds.embed_preview(by_name[name], _root(env), udu)), "embed_preview")
    hosts = list(env.conf["extra"].get("embed_hosts", []))
    _register(env, build, lambda: stash(embeds.security_headers(hosts)), "security_headers")
    _register(env, build, lambda: stash(embeds.nginx_headers(hosts, origin)), "nginx_headers")
