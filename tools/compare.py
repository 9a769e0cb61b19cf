"""Is the built site the same? `make compare REF=<commit>` (default: HEAD) builds the site of that
commit and of the working tree and compares every file, byte for byte; it prints each file that
differs or exists on one side only, and exits 1 if there is any. For changes that must not change
what readers get (a refactoring), and for the bench (same_files)."""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from tools.project import ROOT, build


def files_of(site: Path) -> set[Path]:
    return {p.relative_to(site) for p in site.rglob("*") if p.is_file()}


def same_files(a: Path, b: Path, pattern: str = "*") -> tuple[int, int]:
    """How many files of site `a` matching `pattern` site `b` has too, byte-identical, and how many
    there are."""
    files = sorted(p.relative_to(a) for p in a.rglob(pattern) if p.is_file())
    same = sum((b / p).is_file() and (a / p).read_bytes() == (b / p).read_bytes() for p in files)
    return same, len(files)


def differences(a: Path, b: Path) -> list[str]:
    """One line per file that differs between sites `a` and `b`, or exists in one only."""
    ours, theirs = files_of(a), files_of(b)
    out = [f"only in the first: {p}" for p in sorted(ours - theirs)]
    out += [f"only in the second: {p}" for p in sorted(theirs - ours)]
    out += [f"differs: {p}" for p in sorted(ours & theirs) if (a / p).read_bytes() != (b / p).read_bytes()]
    return out


def _build_or_exit(site: Path, project: Path) -> None:
    result = build(site, project)
    if result.returncode:
        sys.exit(f"the build of {project} failed:\n{result.stderr[-3000:]}")


def main(ref: str = "HEAD") -> int:
    with tempfile.TemporaryDirectory(prefix="compare-") as tmp:
        tmp = Path(tmp)
        subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(tmp / "ref"), ref],
                       cwd=ROOT, check=True)
        try:
            _build_or_exit(tmp / "site-ref", tmp / "ref")
            _build_or_exit(tmp / "site-now", ROOT)
            found = differences(tmp / "site-ref", tmp / "site-now")
            count = len(files_of(tmp / "site-ref"))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tmp / "ref")], cwd=ROOT, check=False)
    for line in found:
        print(line)
    print(f"{ref}: {count} files; the working tree's build " +
          ("is byte-identical" if not found else f"differs in {len(found)}"))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
