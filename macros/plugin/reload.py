"""`make serve` runs every build in one process, where Python keeps each imported module: after an
edit to any macros/**/*.py, the next build must see the new code. Before that build loads its
configuration, every `macros` module is dropped (and MkDocs' cache of hook modules cleared), so that
MkDocs, mkdocs-macros and the hook module import them afresh, in whatever order they need. Nothing
is dropped when no file changed: a data edit does not need new code."""
from __future__ import annotations

import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]  # macros/


def stamp(package: Path = PACKAGE, pattern: str = "*.py") -> tuple:
    """What the package's code is on disk now: (path, mtime, size) of each of its .py files (or of
    each file `pattern` matches, under any folder)."""
    return tuple(sorted((str(p.relative_to(package)), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in package.rglob(pattern) if p.is_file()))


def purge(package: Path = PACKAGE) -> None:
    """Forget every imported module of the package, and the hook modules MkDocs loaded from it."""
    name = package.name
    folder = str(package) + "/"
    for module in [m for m, mod in sys.modules.items()
                   if m == name or m.startswith(name + ".")
                   or str(getattr(mod, "__file__", "") or "").startswith(folder)]:
        del sys.modules[module]
    from mkdocs.config.config_options import Hooks
    Hooks._load_hook.cache_clear()  # MkDocs keeps hook modules for the life of the process


def purging(builder, package: Path = PACKAGE):
    """`builder` (MkDocs serve's rebuild) that first purges the package when its code changed."""
    last = stamp(package)

    def rebuild(*args, **kwargs):
        nonlocal last
        now = stamp(package)
        if now != last:
            purge(package)
            last = now
        return builder(*args, **kwargs)
    return rebuild
