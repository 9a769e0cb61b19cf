"""Every text file of the built site, compressed ahead of time beside it: `<file>.gz` (gzip, level 9)
and `<file>.br` (Brotli, quality 11), which a server sends as they are (nginx's gzip_static and
brotli_static, GitLab Pages) instead of compressing each response, or sending it uncompressed.
Material's script and style sheet alone are 250 KB uncompressed, about 60 KB with Brotli.

Both formats at their strongest take about 18 s for the whole site, mermaid's 3.5 MB most of it, and
most files never change: each result is kept in a cache folder (per user, in the temp dir, like the
bytecode cache of the templates), named by a hash of the file's content, so a build compresses only
what it has not compressed before (and what no build has used for a month is removed). The outputs are deterministic (no time or name in the gzip
header), so two builds of the same site are the same, file for file.
"""
from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from pathlib import Path

import brotli

# Already compressed, or not text: compressing them again gains nothing.
BINARY_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".woff", ".woff2",
                   ".gz", ".br", ".zip", ".pdf"}
ENCODINGS = {".gz": "gzip", ".br": "br"}  # suffix: the Content-Encoding a server sends it with
_VERSION = "1"  # of the settings below: a change makes every cached result stale


def gz(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def br(data: bytes) -> bytes:
    return brotli.compress(data, quality=11)


COMPRESSORS = {".gz": gz, ".br": br}


def compressible(relative: str) -> bool:
    """Whether the built site's file at `relative` (a path from the site root) gets compressed
    siblings: every file but binary ones and the host's own `_headers`."""
    name = relative.rsplit("/", 1)[-1]
    return name != "_headers" and Path(name).suffix.lower() not in BINARY_SUFFIXES


def default_cache() -> Path:
    return Path(tempfile.gettempdir()) / f"_ovc-compressed-{os.getuid() if hasattr(os, 'getuid') else 'user'}"


def _cached(data: bytes, suffix: str, cache: Path) -> bytes:
    key = hashlib.sha256(data).hexdigest()
    entry = cache / f"{key}.v{_VERSION}{suffix}"
    try:
        out = entry.read_bytes()
        os.utime(entry)  # used: kept by prune()
        return out
    except OSError:
        pass
    out = COMPRESSORS[suffix](data)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        partial = cache / f".{key}.{os.getpid()}{suffix}"
        partial.write_bytes(out)
        os.replace(partial, entry)  # whole or not at all: builds may run at once
    except OSError:
        pass  # no cache: only slower
    return out


KEEP_DAYS = 30  # a cached result no build has used for this long is removed


def prune(cache: Path, keep_days: int = KEEP_DAYS) -> None:
    """Remove what no build has used for `keep_days`: the cache stays the size of recent sites."""
    import time
    oldest = time.time() - keep_days * 86400
    try:
        entries = list(os.scandir(cache))
    except OSError:
        return
    for entry in entries:
        try:
            if entry.stat().st_mtime < oldest:
                os.unlink(entry.path)
        except OSError:
            pass


def precompress(site_dir: Path, cache: Path | None = None) -> int:
    """Write `.gz` and `.br` beside every compressible file of `site_dir`; returns how many files
    got them. An existing sibling (MkDocs writes sitemap.xml.gz) is replaced by ours."""
    cache = default_cache() if cache is None else cache
    count = 0
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or not compressible(path.relative_to(site_dir).as_posix()):
            continue
        data = path.read_bytes()
        for suffix in COMPRESSORS:
            path.with_name(path.name + suffix).write_bytes(_cached(data, suffix, cache))
        count += 1
    prune(cache)
    return count
