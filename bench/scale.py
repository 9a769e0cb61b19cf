"""Scaling with the amount of data: the site built from ×1, ×10 and ×100 the records (clones with new
ids, generated into a temp copy, never committed), and validation alone of 10,000 records or more."""
from __future__ import annotations

import hashlib
import math
import re
import tempfile
import time
from pathlib import Path

import yaml

from bench import common
from macros.models import Id

ID_MAX = Id.__metadata__[0].max_length

# Files whose records can be cloned freely: nothing requires them to be few, and clones keep every
# reference valid (they point where the originals point). Categories, options, criteria and trees
# shape the decision model and stay as they are, and so does the cheat sheet (two rows with the same
# answers are refused since the check of one row per rule).
CLONABLE = ("sources", "dimensions", "families", "access_routes", "use_cases", "faq", "glossary",
            "open_parts", "reasons", "trends", "regulation", "changelog",
            # the model catalogue: clones of a model keep its family, developer and licence, clones of an
            # offer or an openness record point at the original model
            "models", "developers", "licences", "hosts", "offers", "openness")


class _NoAliases(yaml.SafeDumper):
    """Clones share lists with their originals; the data loader refuses YAML aliases, so write
    every value out in full."""

    def ignore_aliases(self, data) -> bool:
        return True


def _clone_id(original: str, copy: int) -> str:
    """The clone's id: the original's with -x<copy>, within the length ids may have (a long id is cut and
    told apart by a digest of the whole, so clones of two long ids never meet)."""
    suffix = f"-x{copy}"
    if len(original) + len(suffix) <= ID_MAX:
        return original + suffix
    digest = hashlib.sha1(original.encode()).hexdigest()[:8]
    return f"{original[:ID_MAX - len(suffix) - len(digest) - 1].rstrip('-')}-{digest}{suffix}"


def _clone(record: dict, copy: int, kind: str) -> dict:
    new = dict(record, id=_clone_id(record["id"], copy))
    if kind == "glossary":  # every term and alias must be unique across the glossary
        new["term"] = f"{record['term']} x{copy}"
        new["aliases"] = [f"{alias} x{copy}" for alias in record.get("aliases", [])]
    return new


def multiply(data: Path, factor: int) -> int:
    """Clone every record of the clonable files so each holds `factor` times its records; return
    the total number of records in data/ afterwards."""
    total = 0
    for file in sorted(data.glob("*.yml")):
        document = yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        records = document[file.stem]
        if file.stem in CLONABLE and factor > 1:
            records = records + [_clone(r, copy, file.stem) for copy in range(2, factor + 1)
                                 for r in records]
            document[file.stem] = records
            first = file.read_text(encoding="utf-8").split("\n", 1)[0]  # the schema line stays
            file.write_text(first + "\n" + yaml.dump(document, Dumper=_NoAliases, allow_unicode=True,
                                                      sort_keys=False, width=10_000), encoding="utf-8")
        total += len(records)
    return total


def _counts(data: Path) -> tuple[int, int]:
    """(records in the clonable files, records in the others) of a data folder."""
    clonable = fixed = 0
    for file in data.glob("*.yml"):
        count = len(yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)[file.stem])
        clonable, fixed = (clonable + count, fixed) if file.stem in CLONABLE else (clonable, fixed + count)
    return clonable, fixed


# At ×100 a data file passes the loader's 1 MB guard against mistaken files; the copies lift it (their
# mkdocs.yml's `extra: data_max_bytes`, and load_site's argument here), so that the numbers are about
# size, not about the guard.
MAX_BYTES = 1_000_000_000


def _lift_size_limit(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"^extra:\n", f"extra:\n  data_max_bytes: {MAX_BYTES}\n", text, count=1, flags=re.M),
                      encoding="utf-8")


def _limit(project: Path, work: Path, runs: int) -> dict:
    """The limit (bench/build.py) of this copy, with its data as multiplied: the same pages, a page per
    model included, with no macros, data or validation. Its time grows with the pages alone, so that
    the build's own growth can be told from the pages' (issue 17: the build's limit grows with the pages)."""
    from bench import build
    limit = common.copy_project(work / "project")
    for file in (project / "data").glob("*.yml"):  # the data as multiplied, and the size guard lifted
        (limit / "data" / file.name).write_bytes(file.read_bytes())
    (limit / "mkdocs.yml").write_bytes((project / "mkdocs.yml").read_bytes())
    build.make_limit(limit, work)
    common.build(limit, work / "warm")  # warm-up, and the files written after the pages
    build.copy_after_pages(work, work / "warm")
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu, _rss = common.build(limit, work / "site")
        walls.append(wall)
        cpus.append(cpu)
    return {"wall": common.median(walls), "cpu": common.median(cpus)}


def run(factors=(1, 10, 100), runs: int = 3, validate_records: int = 10_000) -> dict:
    from macros.data import load_site
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        tmp = Path(tmp)
        for factor in factors:
            project = common.copy_project(tmp / f"x{factor}")
            records = multiply(project / "data", factor)
            _lift_size_limit(project)
            load_site(project / "data", max_bytes=MAX_BYTES)  # the generated data must be valid, or the numbers mean nothing
            walls, cpus, peak = [], [], 0.0
            repeats = runs if factor <= 10 else 1  # ×100 takes a minute a build: once, no warm-up
            if factor <= 10:
                common.build(project, tmp / f"site-x{factor}")  # warm-up
            for _ in range(repeats):
                wall, cpu, rss = common.build(project, tmp / f"site-x{factor}")
                walls.append(wall)
                cpus.append(cpu)
                peak = max(peak, rss)
            site = tmp / f"site-x{factor}"
            pages_kib = sum(p.stat().st_size for p in site.rglob("*.html")) / 1024
            row = {"factor": factor, "records": records, "runs": repeats, "wall": common.median(walls),
                   "cpu": common.median(cpus), "peak_rss": peak, "html_kib": pages_kib,
                   "pages": sum(1 for _ in site.rglob("index.html"))}
            if factor <= 10:
                row["limit"] = _limit(project, tmp / f"x{factor}-limit", repeats)
            rows.append(row)

        # Validation alone: read, validate and cross-check at least `validate_records` records (only
        # the clonable files grow), in this process.
        clonable, fixed = _counts(common.ROOT / "data")
        factor = max(1, math.ceil((validate_records - fixed) / clonable))
        project = common.copy_project(tmp / "validate")
        records = multiply(project / "data", factor)
        _lift_size_limit(project)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            load_site(project / "data", max_bytes=MAX_BYTES)
            times.append(time.perf_counter() - start)
    return {"rows": rows, "validate": {"records": records, "seconds": common.median(times)}}


if __name__ == "__main__":
    print(run(runs=1))
