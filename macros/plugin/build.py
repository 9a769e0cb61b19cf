"""The state of one build, on one object: the validated data, the glossary, and the HTML each page's
macros generated. mkdocs-macros creates it (plugin/macros_env.py, in its on_config) and hangs it on the
MkDocs config, where every hook finds it (plugin/hooks.py); a build without the macros plugin (the
bench's limit) has none, and the hooks then only do what needs no data.
"""
from __future__ import annotations

import datetime as dt
import logging
import traceback
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..data.reminders import reminders
from ..models import Site
from ..publish import components, drawings, exports, oembed
from ..render import reading, slots
from ..render.glossary import Glossary
from ..render.mentions import Mentions
from . import reuse

_ATTRIBUTE = "ovc_build"
# Not under the "mkdocs" logger on purpose: an overdue review is a reminder, and `--strict` would
# turn an MkDocs warning into a failed build.
_log = logging.getLogger("ovc.reminders")
if not _log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    _log.addHandler(_handler)
    _log.propagate = False


def _split(target: str) -> tuple[str, str]:
    """A link target as prose writes it (page.md#anchor) as url_for's (path, "#anchor")."""
    path, hashmark, anchor = target.partition("#")
    return path, hashmark + anchor


def describe(error: Exception) -> str:
    """One line for an unexpected exception: its type and message, and where in this project's code
    it was raised (the innermost frame under macros/, else the innermost frame)."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "/macros/" in f.filename.replace("\\", "/")] or frames
    where = ""
    if ours:
        frame = ours[-1]
        shown = frame.filename.replace("\\", "/")
        shown = shown[shown.rindex("/macros/") + 1:] if "/macros/" in shown else shown
        where = f" ({shown}:{frame.lineno}, in {frame.name})"
    message = " ".join(str(error).split()) or "(no message)"
    return f"{type(error).__name__}: {message}{where}"


class Build:
    def __init__(self, config, site: Site, max_age_days: int):
        self.config = config
        self.site = site
        self.max_age_days = max_age_days
        self.glossary = Glossary.of(site.glossary.glossary)
        self.mentions = Mentions.of(site)
        self.blocks: dict[str, list[str]] = {}  # page source -> the HTML its macros generated
        self.macros_env = None  # mkdocs-macros' environment, for its page templates
        self.calls = reuse.Build(site)  # calls reused under `make serve` where nothing they read changed
        self.failures: dict[str, list[str]] = {}  # page source -> what failed while rendering it
        self.said: set = set()  # stale drawings already warned about in this build
        self.components = components.resolve(site)  # the registry, titles from this data
        setattr(config, _ATTRIBUTE, self)

    @staticmethod
    def of(config) -> Build | None:
        """This build's state, or None when the macros plugin did not run."""
        return getattr(config, _ATTRIBUTE, None)

    def remind(self, today) -> None:
        """A reminder (not a failure) for each record not reviewed for too long, each option nothing
        leads to and each source nothing cites (data/reminders.py)."""
        for reminder in reminders(self.site, today, self.max_age_days):
            _log.warning(str(reminder))

    def warn_stale(self, found: list[tuple[str, str, str]]) -> None:
        """A reminder for each drawing that no longer shows its data: (tree id, which drawing, effect).
        Not under the "mkdocs" logger: under --strict it would fail the build, and a data edit that
        changes what a diagram shows must build (the page then draws it in the browser)."""
        for tree_id, drawing, effect in found:
            if (tree_id, drawing) in self.said:
                continue
            self.said.add((tree_id, drawing))
            line = self.site.lines.get(("trees", tree_id), 1)
            _log.warning(f"data/trees.yml:{line}: {tree_id}: {drawing} no longer matches the data it shows "
                         f"({effect}); run `make diagrams` and commit what it redraws")

    def page_drawing_missing(self, source: str) -> None:
        """drawings.mark found a diagram with no drawing made ahead of time."""
        self.warn_stale([(tree_id, "the flowchart drawn for the pages", "the page draws it in the browser "
                          "meanwhile") for tree_id in drawings.trees_drawn_as(self.site, source)])

    # --- a page's generated HTML --------------------------------------------------------------------

    def start_page(self, src: str) -> None:
        self.blocks.pop(src, None)
        self.failures.pop(src, None)

    def failed(self, src: str, what: str, error: Exception) -> None:
        """Keep what went wrong while rendering page `src`, for `raise_failures` once the page is
        rendered: an exception that reached mkdocs-macros would end the whole process (its
        on_error_fail exits), `make serve` included, and print nothing under --quiet."""
        self.failures.setdefault(src, []).append(f"{what} failed: {describe(error)}")

    def raise_failures(self, src: str) -> None:
        failures = self.failures.pop(src, None)
        if failures:
            page = f"{Path(self.config['docs_dir']).name}/{src}"
            raise PluginError("\n".join(f"{page}: {failure}" for failure in failures))

    def stash(self, src: str, html: str) -> str:
        """Keep `html` for page `src`; its Markdown gets a slot (render/slots.py)."""
        made = self.blocks.setdefault(src, [])
        made.append(html)
        return slots.slot(len(made) - 1)

    def url_for(self, page, files):
        """`url_for(path, rest)`: the URL of page source `path` (from the docs root) from `page`, with
        `rest` ("#anchor", "?query" or ""); MkDocs learns each anchor so linked, so that its strict
        anchor check covers the generated HTML as it covers the page's Markdown."""
        targets: dict = {}

        def url_for(path: str, rest: str) -> str:
            if path not in targets:
                target = files.get_file_from_path(path)
                if target is None:
                    raise PluginError(f"{page.file.src_uri}: generated HTML links to '{path}', which is not "
                                      "a page of the site; fix the link in macros/render/templates/")
                targets[path] = (target, target.url_relative_to(page.file))
            target, url = targets[path]
            if rest.startswith("#") and page.links_to_anchors is not None:
                page.links_to_anchors.setdefault(target, {}).setdefault(rest[1:], path + rest)
            return url + rest
        return url_for

    def fill(self, page_html: str, page, files) -> str:
        """After Markdown: the page's generated HTML in its slots, with its links to page sources
        resolved from the docs root. MkDocs learns the ids of the generated HTML too."""
        made = self.blocks.pop(page.file.src_uri, [])
        try:
            ready = slots.prepare(made, self.url_for(page, files))
            filled, brought = slots.fill(page_html, ready)
        except ValueError as error:
            raise PluginError(f"{page.file.src_uri}: {error}; give the heading an id of its own "
                              "(`## Title {{ #other-id }}`) or rename the record") from None
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= brought
        return filled

    def finish(self, page_html: str, page, files) -> str:
        """Every page, last: citations numbered with its list of sources, its review date, and its
        glossary terms opening their definitions (render/reading.py). Each link it adds to the Sources
        page or to a glossary entry is checked by MkDocs like any other. A page's own `reviewed:` in
        its front matter counts towards its date, with the records it shows."""
        url_for = self.url_for(page, files)
        own = page.meta.get("reviewed")
        if own is not None and (not isinstance(own, dt.date) or isinstance(own, dt.datetime)):
            raise PluginError(f"{Path(self.config['docs_dir']).name}/{page.file.src_uri}: reviewed: expected "
                              f"the date the page was last checked, written YYYY-MM-DD, got {own!r}")
        done = reading.finish(page_html, glossary=self.glossary, sources=self.site.by_id["sources"],
                              sources_href=url_for("sources.md", ""), glossary_href=url_for("glossary.md", ""),
                              reviewed=own, mentions=self.mentions, own=page.file.src_uri,
                              href=lambda target: url_for(*_split(target)))
        for source_id in done.cited:
            url_for("sources.md", "#" + source_id)
        for term_id in done.defined:
            url_for("glossary.md", "#" + term_id)
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= set(slots.ids(done.html))
        return done.html

    # --- after the pages ----------------------------------------------------------------------------

    def write_exports(self) -> None:
        """The exports (publish/exports.py) into the built site: /exports/*, /api/v1/*; and the
        embeds' oEmbed responses, /oembed/* (publish/oembed.py)."""
        site_dir = Path(self.config["site_dir"])
        origin = self.config.get("site_url") or "../"
        written: dict[str, str] = {}
        for part, argument in exports.parts(self.site):  # under `make serve`, only those whose data changed
            written.update(self.calls.call(f"export {part.__name__}", part,
                                           (argument, self.config["site_name"], origin), {}, {}))
        written.update(exports.schemas())
        written.update(oembed.files(self.components, self.config["site_name"], origin))
        for path, text in written.items():
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="")
