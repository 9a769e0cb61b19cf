"""`make serve`: a save rebuilds only the pages it changed. MkDocs rebuilds the whole site on every
save; most of that time goes into pages whose inputs did not change (a model's page when another
model's price was edited). Three steps of a page's build are kept from the last good build, each
under a key made of everything that step reads, and reused when the key is the same:

1. the page's HTML: from its Markdown after the macros (which carries the data the page shows), the
   HTML its macros generated, its front matter, and what every page reads besides (the glossary,
   the sources, the names that link to model pages, the site's files and their URLs, the drawings
   made ahead of time); with the headings, title and anchors MkDocs learnt from it;
2. the theme's page around it: from that HTML, its title, headings and front matter, and the whole
   navigation (every page's title and URL), mkdocs.yml and the theme's templates;
3. its entries in the search index: from the same HTML, title, headings and address.

The pages' macros still run on every build (they are what tells an edit apart). Nothing is kept
from a build that failed or warned, so a kept page never hides a problem; an edit to the code
(macros/) starts afresh (plugin/reload.py drops this module with the rest). Not used by `make build`,
which always builds everything.
"""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from ..publish import drawings
from .reload import stamp

# The last good build's entries, by page source: (key, value). Replaced by `commit`.
_html: dict[str, tuple[str, dict]] = {}
_theme: dict[str, tuple[str, str]] = {}
_search: dict[str, tuple[str, list]] = {}


def _digest(*parts) -> str:
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        h.update(repr(part).encode("utf-8", "surrogatepass") if not isinstance(part, str) else
                 part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def _toc(items) -> tuple:
    return tuple((i.title, i.id, i.level, _toc(i.children)) for i in items)


def _meta(page) -> list:
    return sorted((str(k), repr(v)) for k, v in page.meta.items())


class _Warnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


class Memo:
    """One build's use of the kept entries, and what it will keep if it ends well."""

    def __init__(self, config):
        self.config = config
        self.warnings = _Warnings()
        logging.getLogger("mkdocs").addHandler(self.warnings)
        self.html: dict = {}
        self.theme: dict = {}
        self.search: dict = {}
        self.reused = 0
        self.files = ""   # the site's files, their URLs and mkdocs.yml (every step)
        self.around = ""  # what every page's HTML reads besides its own (step 1)
        self.frame = ""   # what every theme page reads besides its own (step 2)

    # --- what every page reads ------------------------------------------------------------------

    def files_known(self, files, build) -> None:
        """After on_files: the site's files and their URLs, and what finishing any page reads."""
        listing = tuple((f.src_uri, f.dest_uri, f.url) for f in files)
        config_text = Path(self.config.config_file_path).read_bytes().decode("utf-8", "replace") \
            if self.config.config_file_path else ""
        self.files = _digest(listing, config_text, self.config.use_directory_urls)
        glossary = tuple((e.id, e.term, e.definition, e.words) for e in build.glossary.entries.values())
        self.around = _digest(self.files, glossary, sorted(build.mentions.by_text.items()),
                              sorted(build.site.by_id["sources"].items()), stamp(drawings.STORE, "*"))

    def nav_known(self, files) -> None:
        """After every page's HTML (on_env): every page's title and URL, which the navigation shows."""
        pages = tuple((f.src_uri, f.url, f.page.title if f.page is not None else None)
                      for f in files.documentation_pages())
        templates = self.config.theme.custom_dir  # mkdocs.yml's custom_dir (overrides/)
        self.frame = _digest(self.files, pages, stamp(Path(templates), "*") if templates else ())

    # --- 1. a page's HTML --------------------------------------------------------------------------

    def html_key(self, page, markdown: str, blocks) -> str:
        return _digest(self.around, page.file.src_uri, page.file.url, markdown, blocks, _meta(page))

    def html_kept(self, page, key: str) -> dict | None:
        entry = _html.get(page.file.src_uri)
        if entry is not None and entry[0] == key:
            self.reused += 1
            self.html[page.file.src_uri] = entry
            return entry[1]
        return None

    def keep_html(self, page, key: str, html: str) -> None:
        links = {target.src_uri: dict(anchors) for target, anchors in (page.links_to_anchors or {}).items()}
        self.html[page.file.src_uri] = (key, {
            "html": html, "toc": page.toc, "title": page._title_from_render,
            "anchors": set(page.present_anchor_ids or ()), "links": links})

    @staticmethod
    def restore(page, files, kept: dict) -> str:
        """The page as the kept build left it: its HTML, headings, title and anchors (links to other
        pages' anchors point at this build's files, so MkDocs checks them against this build)."""
        page.toc = kept["toc"]
        page._title_from_render = kept["title"]
        page.present_anchor_ids = set(kept["anchors"])
        page.links_to_anchors = {}
        for src, anchors in kept["links"].items():
            target = files.get_file_from_path(src)
            if target is not None:
                page.links_to_anchors[target] = dict(anchors)
        return kept["html"]

    # --- 2. the theme's page -----------------------------------------------------------------------

    def remembering(self, template, name: str):
        return _Remembered(template, name, self)

    # --- 3. search entries -------------------------------------------------------------------------

    def searching(self, index) -> None:
        """Material's search index of this build adds a page's entries from the kept ones when the
        page is the same."""
        if getattr(index, "_ovc_memo", None) is self:
            return
        add = index.add_entry_from_context
        memo = self

        def add_entry_from_context(page):
            key = _digest(memo.files, page.file.src_uri, page.url, page.title, page.content,
                          _toc(page.toc), repr(page.meta.get("search")))
            kept = _search.get(page.file.src_uri)
            if kept is not None and kept[0] == key:
                index.entries.extend(kept[1])
                memo.search[page.file.src_uri] = kept
                return None
            before = len(index.entries)
            add(page)
            memo.search[page.file.src_uri] = (key, index.entries[before:])
            return None
        index.add_entry_from_context = add_entry_from_context
        index._ovc_memo = self

    # --- the end of a build ------------------------------------------------------------------------

    def commit(self) -> bool:
        """Keep this build's entries, if it warned of nothing (its pages are then known good)."""
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if self.warnings.count:
            return False
        global _html, _theme, _search
        _html, _theme, _search = self.html, self.theme, self.search
        return True

    def abandon(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        self.html = self.theme = self.search = {}
        self.warnings.count += 1  # a late commit keeps nothing either


class _Remembered:
    """A theme template whose page renders are kept (step 2); anything else passes through."""

    def __init__(self, template, name: str, memo: Memo):
        self._template, self._name, self._memo = template, name, memo

    def __getattr__(self, attribute):
        return getattr(self._template, attribute)

    def render(self, context=None, *args, **kwargs):
        page = context.get("page") if hasattr(context, "get") else None
        if page is None or args or kwargs or getattr(page, "file", None) is None:
            return self._template.render(context, *args, **kwargs)
        memo = self._memo
        key = _digest(memo.frame, self._name, page.file.src_uri, page.url, page.title, page.content,
                      _toc(page.toc), _meta(page))
        kept = _theme.get(page.file.src_uri)
        if kept is not None and kept[0] == key:
            memo.theme[page.file.src_uri] = kept
            page.ovc_memo_checked = True  # the last good build checked what this page becomes
            return kept[1]
        output = self._template.render(context)
        memo.theme[page.file.src_uri] = (key, output)
        return output


_ATTRIBUTE = "ovc_memo"
_current: Memo | None = None


def start(config) -> Memo:
    """This build's Memo (one at a time: an earlier build that never ended is abandoned)."""
    global _current
    abandon()
    _current = Memo(config)
    setattr(config, _ATTRIBUTE, _current)
    return _current


def abandon() -> None:
    """The current build keeps nothing (it failed)."""
    global _current
    if _current is not None:
        _current.abandon()
        _current = None


def of(config) -> Memo | None:
    return getattr(config, _ATTRIBUTE, None)
