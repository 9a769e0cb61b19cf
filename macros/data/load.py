"""Loads and validates the whole of data/ into one read-only Site, or fails with every problem at once.

Order: read each file (syntax, duplicates), validate it against its model, then, only when every file
is valid on its own, run the cross-record checks (so one typo does not cascade into many messages).
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..models import FILES, LARGE, Site
from . import checks
from .cards import with_cards
from .loader import MAX_BYTES, read_yaml
from .problems import DataError, Problem
from .schema import schema_line
from .validate import locate, to_model


def load_site(data_dir: Path, today: dt.date | None = None, max_bytes: int = MAX_BYTES) -> Site:
    """Read, validate and cross-check every file in `data_dir`; raise DataError listing all problems.
    `max_bytes`: the largest data file accepted (the bench's ×100 data lifts it)."""
    data_dir = Path(data_dir)
    today = today or dt.date.today()
    shown = {name: f"{data_dir.name}/{name}.yml" for name in FILES}
    problems: list[Problem] = []
    raws, models = {}, {}
    first_lines = {}
    for name, model in FILES.items():
        try:
            raws[name], models[name] = _read(data_dir / f"{name}.yml", name, model, shown[name],
                                             max_bytes * (10 if name in LARGE else 1))
            first_lines[name] = raws[name].first_line
        except DataError as error:
            problems.extend(error.problems)
    for name in raws:
        modeline = _MODELINE.match(first_lines.get(name, ""))
        if not modeline or modeline.group(1) != name:
            problems.append(Problem(shown[name], 1, "file", (
                f"the first line must name the file's schema, so that editors check it as you type: "
                f"'{schema_line(name)}'; restore it")))
    problems += _strangers(data_dir)
    content = data_dir.parent / "content"
    pages = {p.relative_to(content).as_posix() for p in content.rglob("*.md")} if content.is_dir() else None
    if not problems:
        found = list(checks.all_checks(models, today))
        if pages is not None:
            found += checks.page_links(models, pages)
        for name, loc, message in found:
            line, where = locate(raws[name], loc)
            problems.append(Problem(shown[name], line, where, message))
    if problems:
        raise DataError(problems)
    models["models"] = with_cards(models["models"], models["cards"])
    by_id = {name: {record.id: record for record in getattr(model, name)}
             for name, model in models.items()}
    lines = {}
    for name, model in models.items():
        for index, record in enumerate(getattr(model, name)):
            lines[(name, record.id)] = locate(raws[name], (name, index))[0]
            lines[(name, record.id, "reviewed")] = locate(raws[name], (name, index, "reviewed"))[0]
    return Site(**models, by_id=by_id, lines=lines)


# `make serve` builds again and again in one process, mostly after an edit to one file: each file's
# bytes, parsed tree and records as last read (the records are frozen), by file name. A file whose bytes
# are unchanged is not parsed and converted again; any other is, and problems are found as ever.
_LAST: dict[str, tuple[str, int, bytes, object, object]] = {}


def _bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes() if path.is_file() and not path.is_symlink() else None
    except OSError:
        return None


def _read(path: Path, name: str, model, shown_as: str, max_bytes: int):
    """(parsed tree, records) of one data file, reused from the last read while its bytes are the same."""
    data, where = _bytes(path), str(path.resolve())
    last = _LAST.get(name)
    if data is not None and last is not None and last[:3] == (where, max_bytes, data):
        return last[3], last[4]
    raw = read_yaml(path, shown_as, max_bytes)
    records = to_model(name, raw, model, shown_as)
    if data is not None and _bytes(path) == data:  # unchanged while it was read: what was read is its
        _LAST[name] = (where, max_bytes, data, raw, records)
    return raw, records


# The modeline: the path may lead elsewhere (a copy of data/ for tests), the schema must be the file's.
_MODELINE = re.compile(r"^# yaml-language-server: \$schema=(?:\S*/)?schema/(\w+)\.schema\.json\s*$")


def _ignored(path: Path) -> bool:
    """What editors and systems leave beside files: hidden files, backups, swap files."""
    return path.name.startswith(".") or path.name.endswith(("~", ".swp", ".bak", ".orig"))


def _strangers(data_dir: Path) -> list[Problem]:
    """Every file or folder in data/ that the build would not read: it would be silently ignored."""
    known = {f"{name}.yml" for name in FILES}
    found = []
    for path in sorted(data_dir.rglob("*")):
        relative = path.relative_to(data_dir)
        if any(_ignored(Path(part)) for part in relative.parts):
            continue
        if relative.parts[0] == "schema":
            if path.is_file() and not (len(relative.parts) == 2 and path.name.endswith(".schema.json")):
                found.append(Problem(f"{data_dir.name}/{relative.as_posix()}", 1, "file",
                                     "is not a schema; data/schema/ holds only the generated "
                                     "<file>.schema.json files (make schema); move it elsewhere"))
            continue
        if path.is_dir() or relative.as_posix() in known:
            continue
        hint = ""
        if relative.name.lower() in known and len(relative.parts) == 1:
            twin = relative.name.lower()
            hint = (f"; data/{twin} is read, this one is not" if (data_dir / twin).is_file()
                    else f"; rename it to '{twin}'")
        elif relative.suffix.lower() in (".yml", ".yaml") and relative.stem.lower() in FILES:
            hint = f"; it would be read only as data/{relative.stem.lower()}.yml"
        found.append(Problem(f"{data_dir.name}/{relative.as_posix()}", 1, "file",
                             f"is not a data file, so the build would ignore it{hint}; data/ holds only "
                             f"{', '.join(sorted(known))} and schema/: move other files out of data/"))
    return found
