"""The build writes a gzip and a Brotli copy beside every text file of the site (publish/compress.py),
for servers that send them as they are: each decodes to exactly its file, and they make what a
reader downloads several times smaller."""
from __future__ import annotations

import gzip
import shutil

import brotli

from macros.publish import compress

DECODE = {".gz": gzip.decompress, ".br": brotli.decompress}


def originals(site):
    return [p for p in sorted(site.rglob("*")) if p.is_file() and p.suffix not in DECODE and p.name != "_headers"]


def is_text(path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def test_every_text_file_has_copies_that_decode_to_it(built_site):
    texts = [p for p in originals(built_site) if is_text(p)]
    assert any(p.suffix == ".html" for p in texts) and any(p.suffix == ".js" for p in texts)
    for path in texts:
        for suffix, decode in DECODE.items():
            copy = path.with_name(path.name + suffix)
            assert copy.is_file(), f"{path.relative_to(built_site)} has no {suffix} copy"
            assert decode(copy.read_bytes()) == path.read_bytes(), copy
    # and no copy without its file (a stale one would be sent for a file that is gone)
    for copy in built_site.rglob("*"):
        if copy.suffix in DECODE:
            assert copy.with_suffix("").is_file(), copy


def test_copies_make_the_pages_and_the_theme_several_times_smaller(built_site):
    texts = [p for p in originals(built_site) if p.suffix in (".html", ".css", ".js")]
    size = sum(p.stat().st_size for p in texts)
    for suffix, most in ((".gz", 0.35), (".br", 0.3)):
        assert sum(p.with_name(p.name + suffix).stat().st_size for p in texts) < most * size, suffix


def test_copies_are_the_same_from_the_cache_and_without_it(built_site, tmp_path):
    """Builds reuse what an earlier build compressed; the copies are the same bytes either way, and
    two builds of one site are the same file for file."""
    site = tmp_path / "site"
    shutil.copytree(built_site / "assets" / "embed", site)
    for copy in [p for p in site.rglob("*") if p.suffix in DECODE]:
        copy.unlink()
    fresh = {}
    for round_ in range(2):  # a cold cache, then a warm one
        assert compress.precompress(site, tmp_path / "cache") == len(originals(site))
        made = {p.name: p.read_bytes() for p in site.rglob("*") if p.suffix in DECODE}
        assert made and (not fresh or made == fresh)
        fresh = made
    assert made == {p.name: (built_site / "assets" / "embed" / p.name).read_bytes()
                    for p in site.rglob("*") if p.suffix in DECODE}
