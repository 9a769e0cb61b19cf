"""The one MkDocs hook module (mkdocs.yml `hooks:`): every event the build needs beside the plugins,
each with the place in MkDocs' order it must run at and why (`event_priority`: higher runs first;
the plugins' own events run at 0, in mkdocs.yml's order; mkdocs-macros renders the pages' macros
in its on_page_markdown and loads the data in its on_config, plugin/macros_env.py).

MkDocs loads this file by its path, so it makes the project importable first. The state of a build
lives on one object (plugin/build.py) hung on the config; a build without the macros plugin (the
bench's limit) has none, and then only the events that need no data do anything.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import functools

from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel

_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from macros.plugin import macros_env, memo, reload, reuse, watch  # noqa: E402  (needs the project on sys.path)
from macros.plugin.build import Build, describe  # noqa: E402
from macros.publish import components, compress, drawings, embeds, feeds, oembed, policy  # noqa: E402
from macros.render import catalogue, slots  # noqa: E402

SHIM = "assets/vendor/iframe-worker/shim.js"
# Set by on_startup under `mkdocs serve` (for the life of the process: the hook module itself may be
# imported afresh between builds, plugin/reload.py).
SERVING = reuse.SERVING


def _plain(event):
    """An event whose unexpected failure (a bug) ends the build with one plain line naming the event
    and the page, like a data problem, instead of a traceback."""
    @functools.wraps(event)
    def run(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except MkDocsException:
            raise
        except Exception as error:
            page = kwargs.get("page") or next((a for a in args if hasattr(a, "file")), None)
            where = f"{page.file.src_uri}: " if page is not None else ""
            raise PluginError(f"{where}{event.__name__.lstrip('_')} failed: {describe(error)}") from None
    return run


def on_startup(command, dirty):
    """Once per MkDocs process: whether it serves (`make serve`), where no compressed copies are
    written (on_post_build) and unchanged pages are reused from the last build (plugin/memo.py)."""
    if command == "serve":
        os.environ[SERVING] = "1"


def on_pre_build(config):
    """`make serve`: this build's use of the pages kept from the last one (plugin/memo.py)."""
    if os.environ.get(SERVING) and Build.of(config) is not None:
        memo.start(config)


def on_build_error(error):
    """Nothing is kept from a failed build."""
    memo.abandon()


@event_priority(-50)  # after Material's offline plugin (0) has added its web-worker shim from a CDN
def on_config(config):
    """`make dist`: the offline plugin's web-worker shim from the site itself, never from a CDN. And
    the wiki hosts that may frame the embeds (extra.embed_hosts), checked before anything is built."""
    polyfills = config.extra.get("polyfills") or []
    if any("iframe-worker" in str(p) for p in polyfills):
        config.extra["polyfills"] = [p for p in polyfills if "iframe-worker" not in str(p)] + [SHIM]
    problems = policy.host_problems(config.extra.get("embed_hosts", []))
    if problems:
        raise PluginError("\n".join(problems))
    return config


def _offline(config) -> bool:
    offline = config.plugins.get("material/offline")
    return bool(offline and offline.config.enabled)


@event_priority(0)  # any time before the pages: nothing else touches the theme's environment
def on_env(env, config, files):
    """Material's page templates are compiled by Jinja on every build (MkDocs makes a new template
    environment each time): keep the compiled code between builds in Jinja's bytecode cache (per user,
    in the temp dir; checked against each template's source). And the Content Security Policy for
    every page's <meta> (overrides/main.html); not in `make dist`, whose search from file:// runs
    in a frame that Material's offline shim writes an inline script into. And each page's oEmbed
    discovery links (publish/oembed.py): the components it shows, or an embed page's own."""
    from jinja2 import FileSystemBytecodeCache
    env.bytecode_cache = FileSystemBytecodeCache()
    env.globals["ovc_csp"] = None if _offline(config) else policy.POLICY
    origin = config.get("site_url") or ""
    env.globals["ovc_oembed"] = lambda page: oembed.links(
        components.COMPONENTS, page.file.src_uri, page.meta.get("ovc_embed"), origin) if page else []
    kept = memo.of(config)
    if kept is not None:  # `make serve`: theme pages whose inputs did not change are reused
        kept.nav_known(files)
        get_template = env.get_template
        env.get_template = lambda name, *a, **k: kept.remembering(get_template(name, *a, **k), name)
    return env


SEARCH_WORKER = "javascripts/search-worker.js"
_SOURCE_MAP = re.compile(r"\n?//# sourceMappingURL=\S+\s*$")


def _search_worker() -> str:
    """Material's search worker with search-query.js appended: a query is split into words as the
    index is, and lunr's list of the index's words holds no word that no page has (see that file). Its own source-map line goes: the map is not beside it."""
    import material
    [worker] = (Path(material.__file__).parent / "templates/assets/javascripts/workers").glob("search.*.min.js")
    patch = (Path(__file__).parent / "search-query.js").read_text(encoding="utf-8")
    return _SOURCE_MAP.sub("", worker.read_text(encoding="utf-8")) + ";\n" + patch


@event_priority(0)  # any time: no plugin adds or reads files
@_plain
def on_files(files, config):
    """One generated page per registered component at /embed/<name>/ (publish/components.py), one
    per model (/models/<id>/) and per licence (/licences/<id>/), and the search worker (`_search_worker`)."""
    files.append(File.generated(config, SEARCH_WORKER, content=_search_worker()))
    build = Build.of(config)
    for c in components.COMPONENTS if build is None else build.components:
        page = File.generated(config, components.embed_src(c.name), content=components.embed_page(c),
                              inclusion=InclusionLevel.NOT_IN_NAV)
        page.dest_uri = components.embed_dest(c.name, config.use_directory_urls)
        files.append(page)
    if build is not None:  # one page per model and per licence (render/catalogue.py), found by search
        for src, content in catalogue.generated_pages(build.site):
            if files.get_file_from_path(src) is not None:
                raise PluginError(f"{src}: a page of content/ has the path of a generated catalogue page; rename it")
            files.append(File.generated(config, src, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
    kept = memo.of(config)
    if kept is not None:
        kept.files_known(files, build)
    return files


@event_priority(50)  # before mkdocs-macros (0) renders the page's macros
@_plain
def _before_macros(markdown, page, config, files):
    build = Build.of(config)
    if build is not None:
        macros_env.start_page(build, page)
    return markdown


@event_priority(-50)  # after mkdocs-macros (0): the page's text is final, generated text included
@_plain
def _after_macros(markdown, page, config, files):
    build = Build.of(config)
    if build is None:
        return markdown
    build.raise_failures(page.file.src_uri)
    # The Atom feeds this page announces in its <head> (overrides/main.html), as (title, path from
    # the site root): kept in the page's meta, where a replay of the page finds it (bench/build.py).
    page.meta["ovc_feeds"] = feeds.discovery(build.site, page.file.src_uri, "")
    return markdown


@event_priority(-100)  # last: the page's Markdown is final
@_plain
def _reuse_html(markdown, page, config, files):
    """`make serve`: a page whose Markdown, generated HTML and front matter are those of the last good
    build is not converted again; its HTML from then is put back after conversion (`_keep_html`)."""
    kept = memo.of(config)
    build = Build.of(config)
    if kept is None or build is None:
        return markdown
    page.ovc_memo_key = key = kept.html_key(page, markdown, build.blocks.get(page.file.src_uri))
    page.ovc_memo_kept = kept.html_kept(page, key)
    return "" if page.ovc_memo_kept is not None else markdown


on_page_markdown = CombinedEvent(_before_macros, _after_macros, _reuse_html)


@event_priority(0)  # no plugin converts content here; these three run in this order, below
@_plain
def _page_content(html, page, config, files):
    """After Markdown: (1) the generated HTML into its slots, so that the rest see each page as
    readers will; (2) citations numbered, the page's sources and review date, glossary terms
    (Build.finish); (3) in an embed, links to places on the page (a citation's number too) lead to
    the component's own page; (4) each diagram that was drawn ahead of time becomes a drawing slot
    (publish/drawings.py)."""
    if getattr(page, "ovc_memo_kept", None) is not None:
        return html  # `make serve`: the kept HTML goes back in `_keep_html`
    build = Build.of(config)
    if build is not None and slots.BLOCK_MARK in html:
        html = build.fill(html, page, files)
    if build is not None:
        html = build.finish(html, page, files)
    name = page.meta.get("ovc_embed")
    if name:
        target = files.get_file_from_path(components.BY_NAME[name].page).url_relative_to(page.file)
        html = embeds.in_page_links_to_component(html, target)
    if not os.environ.get(drawings.OFF):
        html = drawings.mark(html, files.get_file_from_path(drawings.POLYFILL).url_relative_to(page.file),
                             None if build is None else build.page_drawing_missing)
    return html


@event_priority(-100)  # last: the page's HTML as every plugin left it
@_plain
def _keep_html(html, page, config, files):
    """`make serve`: the HTML of a page reused (`_reuse_html`) put back, or that of a page built
    kept for the next build (plugin/memo.py)."""
    kept = memo.of(config)
    if kept is None or getattr(page, "ovc_memo_key", None) is None:
        return html
    if page.ovc_memo_kept is not None:
        return kept.restore(page, files, page.ovc_memo_kept)
    kept.keep_html(page, page.ovc_memo_key, html)
    return html


on_page_content = CombinedEvent(_page_content, _keep_html)


@event_priority(10)  # before Material's search (0) indexes the page
def on_page_context(context, page, config, nav):
    """`make serve`: the search index reuses the entries of a page that did not change."""
    kept = memo.of(config)
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if kept is not None and getattr(search, "search_index", None) is not None:
        kept.searching(search.search_index)
    return context


@event_priority(-50)  # after mkdocs-mermaid2 (0), which would otherwise parse the drawings again
@_plain
def _fill_drawings(output, page, config):
    return drawings.fill(output)


def _refuse_inline_scripts(output: str, where: str) -> None:
    problems = policy.inline_scripts(output)
    if problems:
        raise PluginError("\n".join(f"{where}: {p}; the site's Content-Security-Policy "
                                     "(macros/publish/policy.py) runs no inline script" for p in problems))


@event_priority(-100)  # last: the page as readers get it, whatever each plugin added
def _check_scripts(output, page, config):
    """A page with an inline script or event handler fails the build: the policy would block it."""
    if getattr(page, "ovc_memo_checked", False):
        return output  # `make serve`: the same page as in the last good build, checked then
    _refuse_inline_scripts(output, f"{page.file.src_uri} (built as {page.file.dest_uri})")
    return output


on_post_page = CombinedEvent(_fill_drawings, _check_scripts)


@event_priority(-100)  # last, as for the pages
def on_post_template(output_content, template_name, config):
    """The theme's own pages (404.html) are held to the same rule as the pages."""
    if template_name.endswith(".html"):
        _refuse_inline_scripts(output_content, f"{template_name} (a theme page)")
    return output_content


@event_priority(-50)  # after search (0) and mkdocs-macros (0); before the offline plugin (-100)
@_plain
def on_post_build(config):
    """The exports and API (plugin/build.py); every text file compressed beside it (.gz, .br:
    publish/compress.py), except in `make dist` (read from disk) and under `make serve` (its server
    sends none, and a save should reload at once); then `_headers`: the policy as HTTP headers for
    hosts that read one (Netlify, Cloudflare Pages), a block for every file of the site written so
    far (the offline plugin only adds search/search_index.js, under /search/*)."""
    build = Build.of(config)
    if build is not None:
        build.write_exports()
    site_dir = Path(config["site_dir"])
    if not _offline(config) and not os.environ.get(SERVING):
        compress.precompress(site_dir)
    files = [p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()]
    embeds_at = [components.embed_url(c.name, config.use_directory_urls) for c in components.COMPONENTS]
    rules = policy.header_rules(files, embeds_at, config.extra.get("embed_hosts", []))
    (site_dir / policy.HEADERS_FILE).write_text(policy.headers_file(rules), encoding="utf-8", newline="")
    kept = memo.of(config)
    if kept is not None and kept.commit() and build is not None:
        build.calls.commit()  # the macros' outputs too (plugin/reuse.py), from a build that warned of nothing


@event_priority(-50)  # after the plugins (0) have named what they watch: it moves onto file events
def on_serve(server, config, builder):
    """`make serve`: saves noticed at once (plugin/watch.py), every later build imports the current
    code of macros/ (plugin/reload.py), and the pages it serves have no policy <meta>: MkDocs
    reloads them with an inline script it adds as it serves each page, which the policy would block."""
    server = watch.use_file_events(server, config)
    server.builder = reload.purging(server.builder)
    inject = server._inject_js_into_html
    server._inject_js_into_html = lambda content, epoch: inject(policy.without_meta(content), epoch)
    return server
