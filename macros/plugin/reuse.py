"""`make serve`: a macro whose data did not change is not rendered again. Every page's macros run on
every build (plugin/memo.py keeps what comes after them); most of that time goes into the pages of
the catalogue (one per model and per licence), whose data an edit to, say, dimensions.yml does not
touch. Each macro call is rendered with the site seen through `Reading`, which notes the data files
(Site fields) the call reads, however deep in the renderers it reads them; the next build reuses its
output when the macro, its arguments, the day, the templates and each of those files' records are
the same.

Only what a build that ended well rendered is kept (`commit`, with memo.py's); an edit to the code
drops this module with the rest of macros/ (plugin/reload.py). `make build` keeps nothing, but its
macros read the site through `Reading` too, so every build and test runs the renderers as serving
does.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
from collections.abc import Mapping

import msgspec

from ..models import Site
from ..render.env import TEMPLATES
from .reload import stamp

# Set by the hook module's on_startup under `mkdocs serve`, for the life of the process.
SERVING = "OVC_SERVING"
EVERYTHING = "*"  # a read of every kind at once (going over site.by_id)

# The last good build's outputs: (macro, arguments) -> (around(), {field read: digest}, output).
_kept: dict = {}


class _ById(Mapping):
    """site.by_id as the renderers read it: each kind looked up is noted; going over every kind is
    a read of everything."""

    def __init__(self, by_id: dict, read: set):
        self._by_id, self._read = by_id, read

    def __getitem__(self, kind):
        self._read.add(kind)
        return self._by_id[kind]

    def get(self, kind, default=None):
        self._read.add(kind)
        return self._by_id.get(kind, default)

    def __contains__(self, kind):
        self._read.add(kind)
        return kind in self._by_id

    def __iter__(self):
        self._read.add(EVERYTHING)
        return iter(self._by_id)

    def __len__(self):
        self._read.add(EVERYTHING)
        return len(self._by_id)


class Reading:
    """The site, noting in `read` each of its fields (data files) that is read through it."""

    __slots__ = ("_site", "_read", "_by_id")

    def __init__(self, site, read: set):
        self._site, self._read = site, read
        self._by_id = _ById(site.by_id, read)

    @property
    def by_id(self):
        return self._by_id

    def get(self, kind: str, record_id: str):
        self._read.add(kind)
        return self._site.by_id[kind][record_id]

    def __getattr__(self, name):
        value = getattr(self._site, name)
        self._read.add(name if name in _FIELDS else EVERYTHING)
        return value


_FIELDS = frozenset(f.name for f in dataclasses.fields(Site))


class Build:
    """One build's calls: what it may reuse from the last good build, and what it will keep."""

    def __init__(self, site, serving: bool | None = None):
        self.site = site
        self.serving = bool(os.environ.get(SERVING)) if serving is None else serving
        self.pending: dict = {}
        self._digests: dict = {}
        self._around = None
        self.reused = 0

    def digest(self, kind: str):
        """What a field's records are in this build (None: cannot tell, never reused)."""
        if kind not in self._digests:
            try:
                if kind == EVERYTHING:
                    value = [getattr(self.site, f) for f in sorted(_FIELDS)]
                else:
                    value = getattr(self.site, kind) if kind in _FIELDS else self.site.by_id[kind]
                self._digests[kind] = hashlib.blake2b(msgspec.msgpack.encode(value), digest_size=20).digest()
            except Exception:  # noqa: BLE001  (not encodable: render it every time)
                self._digests[kind] = None
        return self._digests[kind]

    def around(self) -> tuple:
        """What every call reads besides the site: the day and the templates."""
        if self._around is None:
            self._around = (dt.date.today(), stamp(TEMPLATES, "*"))
        return self._around

    def call(self, name: str, render, args: tuple, kwargs: dict, options: dict):
        """render(site, *args, **options, **kwargs), or the same output kept from the last build."""
        key = (name, args, tuple(sorted(kwargs.items())), tuple(sorted(options.items())))
        if self.serving:
            kept = _kept.get(key)
            if kept is not None and kept[0] == self.around() and all(
                    digest is not None and self.digest(kind) == digest for kind, digest in kept[1].items()):
                self.reused += 1
                self.pending[key] = kept
                return kept[2]
        read: set = set()
        out = render(Reading(self.site, read), *args, **options, **kwargs)
        if self.serving:
            self.pending[key] = (self.around(), {kind: self.digest(kind) for kind in read}, out)
        return out

    def commit(self) -> None:
        """Keep this build's outputs for the next (call only when it ended well)."""
        global _kept
        if self.serving:
            _kept = self.pending
