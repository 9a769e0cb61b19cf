"""Loads and validates the whole of data/ into one read-only Site, or fails with every problem at once.

Order: read each file (syntax, duplicates), validate it against its model, then, only when every file
is valid on its own, run the cross-record checks (so one typo does not cascade into many messages).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..models import FILES, Site
from . import checks
from .loader import MAX_BYTES, read_yaml
from .problems import DataError, Problem
from .validate import locate, to_model


def load_site(data_dir: Path, today: dt.date | None = None, max_bytes: int = MAX_BYTES) -> Site:
    """Read, validate and cross-check every file in `data_dir`; raise DataError listing all problems.
    `max_bytes`: the largest data file accepted (the bench's ×100 data lifts it)."""
    data_dir = Path(data_dir)
    today = today or dt.date.today()
    shown = {name: f"{data_dir.name}/{name}.yml" for name in FILES}
    problems: list[Problem] = []
    raws, models = {}, {}
    for name, model in FILES.items():
        try:
            raws[name] = read_yaml(data_dir / f"{name}.yml", shown[name], max_bytes)
            models[name] = to_model(name, raws[name], model, shown[name])
        except DataError as error:
            problems.extend(error.problems)
    for extra in sorted(data_dir.glob("*.y*ml")):
        if extra.stem not in FILES or extra.suffix != ".yml":
            problems.append(Problem(f"{data_dir.name}/{extra.name}", 1, "file",
                                    f"is not a known data file; expected one of: "
                                    f"{', '.join(f'{n}.yml' for n in FILES)}"))
    if not problems:
        for name, loc, message in checks.all_checks(models, today):
            line, where = locate(raws[name], loc)
            problems.append(Problem(shown[name], line, where, message))
    if problems:
        raise DataError(problems)
    by_id = {name: {record.id: record for record in getattr(model, name)}
             for name, model in models.items()}
    return Site(**models, by_id=by_id)
