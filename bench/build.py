"""Full strict build against its limit: the same site with every macro call replaced by the Markdown it
renders to (captured from a real build) and the macros plugin, data loading and validation removed;
the files the full build writes after its pages (exports, API) the limit writes as captured, so both
produce the same files. Both are timed alternately in one run, each in a fresh interpreter, start-up
included."""
from __future__ import annotations

import json
import re
import tempfile
import textwrap
from pathlib import Path

from bench import common
from tools.compare import same_files

# Generated HTML goes into a page after Markdown (macros/blocks.py): the capture keeps each page's
# Markdown (with the slots) and its content once every hook has run; the replay converts the
# Markdown and then puts that content in place, so the limit still does all of Markdown's work.
CAPTURE_HOOK = textwrap.dedent('''
    import json
    import os
    from pathlib import Path
    from mkdocs.plugins import event_priority
    OUT = Path(os.environ["BENCH_CAPTURE"])

    def _write(page, suffix, text):
        target = OUT / (page.file.src_uri + suffix)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    @event_priority(-100)  # after mkdocs-macros and the hook module: the page's final Markdown
    def on_page_markdown(markdown, page, **kwargs):
        _write(page, "", markdown)
        _write(page, ".meta", json.dumps({key: page.meta.get(key) for key in ("title", "description", "ovc_feeds", "search")}))
        with open(OUT / "order.txt", "a", encoding="utf-8") as order:  # the order pages were built in
            order.write(page.file.src_uri + "\\n")
        return markdown

    @event_priority(-100)
    def on_page_content(html, page, **kwargs):
        _write(page, ".html", html)
        return html
''')
REPLAY_HOOK = textwrap.dedent('''
    import json
    import re
    from pathlib import Path
    from mkdocs.plugins import event_priority
    OUT = Path(CAPTURED)

    def on_files(files, config, **kwargs):
        # The pages the full build generated from the data (a page per model and per licence), as
        # files: their Markdown is replayed below like every other page's.
        from mkdocs.structure.files import File, InclusionLevel
        for src in (OUT / "order.txt").read_text(encoding="utf-8").split():  # as the full build had them
            if files.get_file_from_path(src) is None:
                files.append(File.generated(config, src, content="", inclusion=InclusionLevel.NOT_IN_NAV))
        return files

    def on_page_markdown(markdown, page, **kwargs):
        # The title, description and feeds the macros made from the data, as the full build had them.
        meta = json.loads((OUT / (page.file.src_uri + ".meta")).read_text(encoding="utf-8"))
        for key, value in meta.items():  # the front matter's title and description as rendered
            if value is not None:
                page.meta[key] = value
        return (OUT / page.file.src_uri).read_text(encoding="utf-8")

    @event_priority(100)
    def on_page_content(html, page, **kwargs):
        html = (OUT / (page.file.src_uri + ".html")).read_text(encoding="utf-8")
        if page.present_anchor_ids is not None:  # as the plugin's Build.fill tells MkDocs
            page.present_anchor_ids |= set(re.findall(r'\\sid="([^"]*)"', html))
        return html

    def on_post_build(config, **kwargs):
        # The files the full build writes after its pages (exports, API), as it wrote them.
        written = OUT / "after-pages"
        listed = OUT / "after-pages.txt"
        for path in listed.read_text(encoding="utf-8").split() if listed.exists() else ():
            target = Path(config.site_dir) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes((written / path).read_bytes())
''')


# Builds in one process, as `mkdocs serve` rebuilds after an edit: config loaded afresh, plugins
# new, modules already imported. The first build imports everything and is not counted.
_WARM = """
import json, sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
site, runs = sys.argv[1], int(sys.argv[2])
times = []
for _ in range(runs + 1):
    wall, cpu = time.perf_counter(), time.process_time()
    build(load_config(site_dir=site, strict=True))
    times.append((time.perf_counter() - wall, time.process_time() - cpu))
print("BENCH " + json.dumps(times[1:]), file=sys.stderr)
"""
# What the full build imports that its limit does not: mkdocs-macros itself, and msgspec with the
# data models. CPU time of each import, after what MkDocs and the other plugins import anyway.
_IMPORTS = """
import json, sys, time
sys.path.insert(0, ".")
import mkdocs.commands.build, mkdocs.config, markdown, jinja2, yaml
import material.plugins.search.plugin, mermaid2.plugin, pymdownx.superfences, material.extensions.emoji
spent = {}
for name in ("mkdocs_macros.plugin", "macros.models"):
    start = time.process_time()
    __import__(name)
    spent[name] = time.process_time() - start
print("BENCH " + json.dumps(spent), file=sys.stderr)
"""


def warm(project: Path, site: Path, runs: int) -> dict:
    times = json.loads(common.run_child(project, _WARM, str(site), str(runs)))
    return {"wall": [w for w, _ in times], "cpu": [c for _, c in times]}


def without_macros(config: str) -> str:
    """mkdocs.yml with the `- macros:` plugin entry (and its indented options) taken out."""
    return re.sub(r"^  - macros:\n(?:    .*\n)+", "", config, flags=re.M)


def _with_hook(config: str, hook: Path) -> str:
    if re.search(r"^hooks:\n", config, re.M):
        return re.sub(r"^hooks:\n", f"hooks:\n  - {hook}\n", config, count=1, flags=re.M)
    return config + f"\nhooks:\n  - {hook}\n"


def make_limit(project: Path, work: Path) -> None:
    """Turn a project copy into its limit: each page's Markdown is the Markdown the macros rendered
    for it in a real build (read from a file instead of rendered), and there is no macros plugin,
    so no data is loaded or validated. Generated pages (embeds, and the catalogue's model and licence
pages, added as files by the replay) are covered the same way."""
    captured = work / "captured"
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (work / "capture.py").write_text(CAPTURE_HOOK, encoding="utf-8")
    capture_config = project / "mkdocs.capture.yml"
    capture_config.write_text(_with_hook(config, work / "capture.py"), encoding="utf-8")
    common.run_mkdocs(project, "build", "--quiet", "-f", str(capture_config), "--site-dir",
                      str(work / "capture-site"), env={"BENCH_CAPTURE": str(captured)})
    capture_config.unlink()
    for rendered in captured.rglob("*.md"):  # the Markdown only: no macro call may be left in it
        if re.search(r"\{\{\s*\w+\(", rendered.read_text(encoding="utf-8")):
            raise RuntimeError(f"{rendered}: a macro call was left unrendered in the capture")
    (work / "replay.py").write_text(REPLAY_HOOK.replace("CAPTURED", repr(str(captured))), encoding="utf-8")
    limit = _with_hook(without_macros(config), work / "replay.py")
    (project / "mkdocs.yml").write_text(limit, encoding="utf-8")


def copy_after_pages(work: Path, limit_site: Path) -> int:
    """Give the limit the files the full build writes after its pages (exports/, api/): those the
    capture's site has and a build of the limit does not. The limit writes them as they are."""
    full_site, captured = work / "capture-site", work / "captured"
    extra = sorted(str(p.relative_to(full_site)) for p in full_site.rglob("*")
                   if p.is_file() and not (limit_site / p.relative_to(full_site)).exists())
    for path in extra:
        target = captured / "after-pages" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((full_site / path).read_bytes())
    (captured / "after-pages.txt").write_text("\n".join(extra), encoding="utf-8")
    return len(extra)


def run(runs: int = 5) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        tmp = Path(tmp)
        full = common.copy_project(tmp / "full")
        limit = common.copy_project(tmp / "limit")
        make_limit(limit, tmp)
        common.build(full, tmp / "warm-full")   # warm the file cache and .pyc files once
        common.build(limit, tmp / "warm-limit")
        after_pages = copy_after_pages(tmp, tmp / "warm-limit")
        wall = {"full": [], "limit": []}
        cpu = {"full": [], "limit": []}
        memory = {"full": 0.0, "limit": 0.0}
        for _ in range(runs):
            for name, project in (("full", full), ("limit", limit)):
                seconds, cpu_seconds, rss = common.build(project, tmp / f"site-{name}")
                wall[name].append(seconds)
                cpu[name].append(cpu_seconds)
                memory[name] = max(memory[name], rss)
        same, total = same_files(tmp / "site-full", tmp / "site-limit", "*.html")
        files_same = same_files(tmp / "site-full", tmp / "site-limit")
        rebuilt = {name: warm(project, tmp / f"warm-{name}", runs) for name, project in (("full", full), ("limit", limit))}
        imports = json.loads(common.run_child(full, _IMPORTS))
    med = {f"{kind}_{name}": common.median(values[name]) for kind, values in (("wall", wall), ("cpu", cpu))
           for name in ("full", "limit")}
    return {"runs": runs, **med, "ratio": med["wall_full"] / med["wall_limit"],
            "cpu_ratio": med["cpu_full"] / med["cpu_limit"], "wall": wall, "cpu": cpu,
            "full_rss": memory["full"], "limit_rss": memory["limit"], "identical_pages": same,
            "pages": total, "after_pages": after_pages, "identical_files": files_same, "imports": imports,
            "warm": {f"{kind}_{name}": common.median(rebuilt[name][kind]) for kind in ("wall", "cpu")
                     for name in ("full", "limit")},
            "warm_all": rebuilt}


if __name__ == "__main__":
    print(run(3))
