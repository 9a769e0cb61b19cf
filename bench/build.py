"""Full strict build against its limit: the same site with every macro call replaced by the Markdown it
renders to (captured from a real build) and the macros plugin, data loading and validation removed.
Both are timed alternately in one run, each in a fresh interpreter, start-up included."""
from __future__ import annotations

import re
import tempfile
import textwrap
from pathlib import Path

from bench import common

CAPTURE_HOOK = textwrap.dedent('''
    import os
    from pathlib import Path
    OUT = Path(os.environ["BENCH_CAPTURE"])

    def on_page_markdown(markdown, page, **kwargs):
        target = OUT / page.file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
        return markdown
''')
FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def without_macros(config: str) -> str:
    """mkdocs.yml with the `- macros:` plugin entry (and its indented options) taken out."""
    return re.sub(r"^  - macros:\n(?:    .*\n)+", "", config, flags=re.M)


def make_limit(project: Path, work: Path) -> None:
    """Turn a project copy into its limit: pages hold their rendered Markdown, no macros plugin."""
    captured = work / "captured"
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (work / "capture.py").write_text(CAPTURE_HOOK, encoding="utf-8")
    capture_config = project / "mkdocs.capture.yml"
    capture_config.write_text(config.replace("hooks:\n", f"hooks:\n  - {work / 'capture.py'}\n", 1)
                              if "hooks:\n" in config else
                              config + f"\nhooks:\n  - {work / 'capture.py'}\n", encoding="utf-8")
    common.run_mkdocs(project, "build", "--quiet", "-f", str(capture_config), "--site-dir",
                      str(work / "capture-site"), env={"BENCH_CAPTURE": str(captured)})
    capture_config.unlink()
    for rendered in captured.rglob("*.md"):
        source = project / "content" / rendered.relative_to(captured)
        front = FRONT.match(source.read_text(encoding="utf-8"))
        meta = "\n".join(line for line in (front.group(1) if front else "").splitlines()
                         if not line.startswith("render_macros:"))
        text = rendered.read_text(encoding="utf-8")
        if "{{" in text and "render_macros: true" in (front.group(1) if front else ""):
            raise RuntimeError(f"{source}: macros left unrendered in the capture")
        source.write_text((f"---\n{meta}\n---\n\n" if meta else "") + text, encoding="utf-8")
    (project / "mkdocs.yml").write_text(without_macros(config), encoding="utf-8")


def same_pages(a: Path, b: Path) -> tuple[int, int]:
    """How many built pages are byte-identical between two sites (sitemaps excluded: dates)."""
    pages = sorted(p.relative_to(a) for p in a.rglob("*.html"))
    same = sum((b / p).is_file() and (a / p).read_bytes() == (b / p).read_bytes() for p in pages)
    return same, len(pages)


def run(runs: int = 5) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        tmp = Path(tmp)
        full = common.copy_project(tmp / "full")
        limit = common.copy_project(tmp / "limit")
        make_limit(limit, tmp)
        common.build(full, tmp / "warm-full")   # warm the file cache and .pyc files once
        common.build(limit, tmp / "warm-limit")
        wall = {"full": [], "limit": []}
        cpu = {"full": [], "limit": []}
        memory = {"full": 0.0, "limit": 0.0}
        for _ in range(runs):
            for name, project in (("full", full), ("limit", limit)):
                seconds, cpu_seconds, rss = common.build(project, tmp / f"site-{name}")
                wall[name].append(seconds)
                cpu[name].append(cpu_seconds)
                memory[name] = max(memory[name], rss)
        same, total = same_pages(tmp / "site-full", tmp / "site-limit")
    med = {f"{kind}_{name}": common.median(values[name]) for kind, values in (("wall", wall), ("cpu", cpu))
           for name in ("full", "limit")}
    return {"runs": runs, **med, "ratio": med["wall_full"] / med["wall_limit"],
            "cpu_ratio": med["cpu_full"] / med["cpu_limit"], "wall": wall, "cpu": cpu,
            "full_rss": memory["full"], "limit_rss": memory["limit"], "identical_pages": same,
            "pages": total}


if __name__ == "__main__":
    print(run(3))
