"""mkdocs-macros entry point: validate data/ once per build, register one macro per generated block,
and append the glossary's abbreviations to every page. Macros that give HTML leave a slot in the
page's Markdown; `fill_blocks` (called by blocks_hook.py) puts their HTML in after Markdown.

Glue only: loading, validation and rendering are plain modules (site.py, render.py, ...) that the
tests use without MkDocs. A data problem stops the build in `on_config`, before site/ is touched.
"""
from __future__ import annotations

import datetime as dt
import functools
import importlib
import logging
import posixpath
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

# Reloaded in this order when one of them changed, so that `make serve` picks up edits to macros/*.py
# too (mkdocs-macros imports this package once per process).
_MODULES = ("problems", "loader", "models", "validate", "decision", "checks", "site", "escape",
            "freshness", "labels", "blocks", "render", "schema", "tables", "components", "exports", "embeds")
# Not under the "mkdocs" logger on purpose: an overdue review is a reminder, and `--strict` would
# turn an MkDocs warning into a failed build.
_log = logging.getLogger("ovc.freshness")
if not _log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    _log.addHandler(_handler)
    _log.propagate = False

_abbreviations: dict[str, str] = {}  # term -> its Markdown definition line ("*[term]: ...")
_glossary = None  # blocks.Glossary: which terms a text holds
_blocks: dict[str, list[str]] = {}  # page source -> the HTML its macros generated (blocks.py)
_blocks_module = None
_site = None


def _sources_stamp() -> tuple:
    """What the generator modules are on disk now: (name, mtime, size) of each macros/*.py."""
    return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                        for p in Path(__file__).resolve().parent.glob("*.py")))


_stamp: tuple | None = None


def _fresh_modules() -> dict:
    """The generator modules as they are on disk now. A process's first build imports them; a later
    build (`make serve`) reloads them all, in order, only when one of them changed since: reloading
    rebuilds every data model, which a data edit does not need."""
    global _stamp
    stamp = _sources_stamp()
    reload = _stamp is not None and stamp != _stamp
    _stamp = stamp
    fresh = {}
    for name in _MODULES:
        module = f"{__name__}.{name}"
        if module in sys.modules:
            fresh[name] = importlib.reload(sys.modules[module]) if reload else sys.modules[module]
        else:
            fresh[name] = importlib.import_module(module)
    return fresh


def _bind(render, site, **options):
    """`render` with the data bound: a plain function, not functools.partial, because mkdocs-macros
    writes every macro to a JSON debug trace on each build, and a partial's repr would spell out
    the whole dataset (a tenth of a second per build, for a trace nobody reads). Each call is
    rendered once per build: a component's embed page shows exactly what its own page shows."""
    done: dict = {}

    @functools.wraps(render)
    def macro(*args, **kwargs):
        key = (args, tuple(sorted(kwargs.items())))
        if key not in done:
            done[key] = render(site, *args, **options, **kwargs)
        return done[key]
    return macro


def define_env(env) -> None:
    global _abbreviations, _glossary, _site, _blocks_module
    fresh = _fresh_modules()
    try:
        site = fresh["site"].load_site(Path(env.project_dir) / "data")
    except fresh["problems"].DataError as error:
        raise PluginError(error.report()) from None

    max_age = int(env.conf["extra"].get("review_max_age_days", 365))
    for review in fresh["freshness"].overdue(site, dt.date.today(), max_age):
        _log.warning(f"data/{review.kind}.yml: {review.id}: last reviewed {review.reviewed} "
                     f"({review.age_days} days ago, over {max_age}); check it against its sources "
                     "and update 'reviewed'")

    for name, render in fresh["render"].MACROS.items():
        macro = _bind(render, site, **({"max_age_days": max_age} if name == "freshness_table" else {}))
        env.macro(_placed(env, macro), name)
    definitions = list(re.finditer(r"^\*\[(.+?)\]:(.*)$", fresh["render"].abbreviations(site), re.M))
    _abbreviations = {match.group(1): match.group(0) for match in definitions}
    _glossary = fresh["blocks"].Glossary({match.group(1): match.group(2).strip() for match in definitions})
    _site = site
    _blocks_module = fresh["blocks"]
    _define_embeds(env, site, fresh)


def _stash(env, html: str) -> str:
    """Keep `html` for the page being rendered; its Markdown gets a slot (blocks.py)."""
    made = _blocks.setdefault(env.page.file.src_uri, [])
    made.append(html)
    return _blocks_module.slot(len(made) - 1)


def _placed(env, macro):
    """A macro's HTML kept for after Markdown: all of it when a template wrote it as HTML
    (blocks.Html), else the marked HTML parts of its Markdown (tables among headings)."""
    @functools.wraps(macro)
    def placed(*args, **kwargs):
        out = macro(*args, **kwargs)
        if isinstance(out, _blocks_module.Html):
            return _stash(env, out)
        return _blocks_module.extract(out, lambda html: _stash(env, html))
    return placed


def fill_blocks(page_html: str, page, files) -> str:
    """After Markdown (blocks_hook.py): the page's generated HTML in its slots, with its links to
    page sources resolved from the docs root and its glossary terms as tooltips. MkDocs learns the
    ids and the links of the generated HTML too, so its strict anchor check covers them as before."""
    made = _blocks.pop(page.file.src_uri, [])
    targets: dict = {}

    def url_for(path: str, rest: str) -> str:
        if path not in targets:
            target = files.get_file_from_path(path)
            if target is None:
                raise PluginError(f"{page.file.src_uri}: generated HTML links to '{path}', which is not a "
                                  "page of the site; fix the link in macros/templates/")
            targets[path] = (target, target.url_relative_to(page.file))
        target, url = targets[path]
        if rest.startswith("#") and page.links_to_anchors is not None:
            page.links_to_anchors.setdefault(target, {}).setdefault(rest[1:], path + rest)
        return url + rest

    try:
        ready = _blocks_module.prepare(made, url_for, _glossary)
        filled, brought = _blocks_module.fill(page_html, ready)
    except ValueError as error:
        raise PluginError(f"{page.file.src_uri}: {error}; give the heading an id of its own "
                          "(`## Title {{ #other-id }}`) or rename the record") from None
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= brought
    return filled


def on_pre_page_macros(env) -> None:
    _blocks.pop(env.page.file.src_uri, None)
    if not hasattr(env.env.from_string, "cached"):
        env.env.from_string = _cached_from_string(env)


def _cached_from_string(env):
    """mkdocs-macros compiles each page's Markdown as a Jinja template on every build (a fresh
    process each time, for `make build`): keep the compiled code in Jinja's bytecode cache, one entry
    per page, checked against the page's source like any cached template."""
    from jinja2 import FileSystemBytecodeCache

    jinja, cache = env.env, FileSystemBytecodeCache()

    def from_string(source, globals=None, template_class=None):
        bucket = cache.get_bucket(jinja, f"mkdocs-macros page {env.page.file.src_uri}", None, source)
        if bucket.code is None:
            bucket.code = jinja.compile(source)
            cache.set_bucket(bucket)
        return (template_class or jinja.template_class).from_code(
            jinja, bucket.code, jinja.make_globals(globals), None)

    from_string.cached = True
    return from_string


def _root(env) -> str:
    """The relative way from the page being rendered to the site root: "./", "../", "../../".
    Never "": a bare "exports/x.md" would read as a link to a page source (blocks.links)."""
    folder = posixpath.dirname(env.page.url)
    return "../" * (folder.count("/") + 1) if folder else "./"


def _define_embeds(env, site, fresh) -> None:
    """Embed and export machinery (components.py): each component's macro gets the "Embed" control
    under its output on its own page (not on its embed page), and the Embed & export page's macros."""
    components, embeds = fresh["components"], fresh["embeds"]
    problems = components.problems(fresh["render"].MACROS)
    if problems:
        raise PluginError("\n".join(problems))
    origin = env.conf.get("site_url") or ""
    udu = env.conf["use_directory_urls"]

    def with_control(macro_name: str):
        inner = env.macros[macro_name]
        owners = [c for c in components.COMPONENTS if c.macro == macro_name]

        @functools.wraps(inner)
        def wrapped(*args, **kwargs):
            out = inner(*args, **kwargs)
            page = env.page
            if page is None or page.meta.get("ovc_embed"):
                return out
            for c in owners:
                if c.page == page.file.src_uri and tuple(args) == c.args:
                    out += "\n\n" + _stash(env, embeds.embed_control(c, origin or _root(env), _root(env), udu))
            return out
        return wrapped

    for macro_name in {c.macro for c in components.COMPONENTS}:
        env.macro(with_control(macro_name), macro_name)
    env.macro(lambda: _stash(env, embeds.embed_catalogue(_root(env), udu)), "embed_catalogue")
    env.macro(lambda: _stash(env, embeds.api_catalogue(site, _root(env))), "api_catalogue")
    env.macro(lambda name: _stash(env, embeds.embed_snippets(name, origin or _root(env), _root(env), udu)),
              "embed_snippets")
    env.macro(lambda name: _stash(env, embeds.embed_preview(name, _root(env), udu)), "embed_preview")


def on_post_page_macros(env) -> None:
    """Every page, rendered or not: glossary terms in its text get their definition as a tooltip."""
    # Only the terms the page contains (a definition for an absent word changes nothing), each in a
    # block of its own: Python-Markdown re-scans a block of N definitions N times, so one block of
    # every term made a build quadratic in the size of the glossary.
    used = _glossary.terms_in(env.markdown)
    env.markdown += "\n\n" + "\n\n".join(line for term, line in _abbreviations.items() if term in used)


def on_post_build(env) -> None:
    """Write the exports (exports.py) into the built site: /exports/*, /api/v1/*."""
    exports = importlib.import_module(f"{__name__}.exports")
    site_dir = Path(env.conf["site_dir"])
    origin = env.conf.get("site_url") or "../"
    for path, text in exports.files(_site, env.conf["site_name"], origin).items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="")
