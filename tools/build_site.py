"""`make build` and `make dist`: a strict build published whole, or not at all.

One build at a time per site folder (a lock beside it: a second build waits for the first), into a
temporary folder of its own next to the target; only a complete, successful build replaces the
target, by two renames; the old site is removed only once the new one is in place. A failed build
leaves the old site as it was and prints what MkDocs reported (the located data problems among it),
never only an exit code.

    python -m tools.build_site SITE_DIR [--offline] [--project DIR]
"""
from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import shutil
import sys
import tempfile
from pathlib import Path

from tools.project import ROOT, mkdocs


@contextlib.contextmanager
def exclusive(target: Path):
    """Hold the build lock of `target` (a file beside it) for the duration of the block."""
    lock = target.with_name(f".{target.name}.lock")
    with open(lock, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"build: another build of {target.name}/ is running; waiting for it", file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def publish(built: Path, target: Path) -> None:
    """Put the complete site `built` where `target` is, then remove the old one."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.rename(target, old / target.name)
    os.rename(built, target)
    if old is not None:
        shutil.rmtree(old)


def build(target: Path, offline: bool = False, project: Path = ROOT) -> int:
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with exclusive(target):
        work = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
        try:
            result = mkdocs("build", "--strict", "--quiet", "--site-dir", str(work / target.name), cwd=project,
                            env={"OVC_OFFLINE": "true"} if offline else None)
            sys.stderr.write(result.stderr)
            if result.returncode != 0 or not (work / target.name / "index.html").is_file():
                print(f"build: failed; {target.name}/ was left as it was", file=sys.stderr)
                return result.returncode or 1
            publish(work / target.name, target)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    count = sum(1 for p in target.rglob("*") if p.is_file())
    print(f"build: {count} files in {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}/")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.build_site")
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--offline", action="store_true", help="the offline copy (make dist)")
    parser.add_argument("--project", type=Path, default=ROOT, help="the project to build (default: this one)")
    args = parser.parse_args(argv)
    return build(args.site_dir, args.offline, args.project.resolve())


if __name__ == "__main__":
    sys.exit(main())
