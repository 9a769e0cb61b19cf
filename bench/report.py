"""Turns the measurements into BENCHMARKS.md: one table of results against budgets, then details."""
from __future__ import annotations

import datetime as dt

from bench import common

# Lighthouse performance: every page, served by nginx with the shipped configuration (issue 20).
BUDGETS = {"build_ratio": 1.15, "scale_x10": 2.0, "reload_s": 1.5, "flow_visible_ms": 500,
           "perf": 95, "other": 100, "filter_ms": 50}


def _ok(passed: bool | None) -> str:
    return "n/a" if passed is None else ("pass" if passed else "**FAIL**")


def _perf(lighthouse: dict) -> str:
    runs = lighthouse.get("performance_all", [])
    shown = str(lighthouse.get("performance", "—"))
    return f"{shown} ({', '.join(map(str, runs))})" if len(runs) > 1 else shown


def _kib(n: float) -> str:
    return f"{n / 1024:,.0f} KiB"


def render(results: dict, notes: str = "") -> str:
    out = ["# Benchmarks", "",
           "Written by `make bench` (bench/); timings are reported here, never asserted in tests.", "",
           f"- Date: {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC",
           f"- Machine: {common.machine()}; load average at start "
           f"{results.get('load', '?')} (other jobs share this machine, which spreads wall-clock times)",
           "- Versions: " + ", ".join(f"{k} {v}" for k, v in common.versions().items()), "",
           "## Results against budgets", "", "| what | measured | budget | |", "|---|---|---|---|"]
    rows = []
    b = results.get("build")
    if b:
        rows.append(("Full strict build / its limit (CPU time, median of "
                     f"{b['runs']})", f"{b['cpu_ratio']:.2f} ({b['cpu_full']:.2f} s / {b['cpu_limit']:.2f} s)",
                     f"≤ {BUDGETS['build_ratio']}", b["cpu_ratio"] <= BUDGETS["build_ratio"]))
        rows.append((f"Same, wall clock (median of {b['runs']})",
                     f"{b['ratio']:.2f} ({b['wall_full']:.2f} s / {b['wall_limit']:.2f} s)",
                     f"≤ {BUDGETS['build_ratio']}", b["ratio"] <= BUDGETS["build_ratio"]))
        w = b.get("warm")
        if w:
            rows.append(("Same, rebuilt in a running process as `make serve` does (CPU time)",
                         f"{w['cpu_full'] / w['cpu_limit']:.2f} ({w['cpu_full']:.2f} s / {w['cpu_limit']:.2f} s)",
                         "—", None))
    s = results.get("scale")
    if s:
        by = {r["factor"]: r for r in s["rows"]}
        if 1 in by and 10 in by:
            # With a page per model, ×10 records is ×10 pages of the catalogue: the budget is the
            # build's growth against its limit's, which grows with the pages (issue 17).
            limited = all("limit" in by[f] for f in (1, 10))
            for kind in ("cpu", "wall"):
                what = "CPU time" if kind == "cpu" else "wall clock"
                ratio = by[10][kind] / by[1][kind]
                rows.append((f"×10 records / ×1, build {what}", f"{ratio:.2f} ({by[10][kind]:.2f} s / {by[1][kind]:.2f} s)",
                             "—" if limited else f"≤ {BUDGETS['scale_x10']}",
                             None if limited else ratio <= BUDGETS["scale_x10"]))
                if limited:
                    pages = by[10]["limit"][kind] / by[1]["limit"][kind]
                    rows.append((f"Same, against its limit's growth with the pages ({what}; limit ×10 / ×1 "
                                 f"{pages:.2f})", f"{ratio / pages:.2f}", f"≤ {BUDGETS['scale_x10']}",
                                 ratio / pages <= BUDGETS["scale_x10"]))
        v = s["validate"]
        rows.append((f"Validation alone of {v['records']:,} records", f"{v['seconds']:.2f} s", "—", None))
    r = results.get("reload")
    if r:
        rows.append((f"Edit to reload under `mkdocs serve` (median of {r['runs']})", f"{r['seconds']:.2f} s",
                     f"≤ {BUDGETS['reload_s']} s", r["seconds"] <= BUDGETS["reload_s"]))
    reader = results.get("reader")
    if reader:
        flow = reader["flow_variants"].get("drawn ahead") or {}
        if flow.get("flow_visible_ms") is not None:
            rows.append((f"Flowchart visible after navigation (median of {flow.get('loads', 1)} loads)",
                         f"{flow['flow_visible_ms']:.0f} ms",
                         f"≤ {BUDGETS['flow_visible_ms']} ms", flow["flow_visible_ms"] <= BUDGETS["flow_visible_ms"]))
        scored = {p: row["lighthouse"] for p, row in reader["pages"].items() if row.get("lighthouse")}
        if scored:
            worst = min(scored, key=lambda p: scored[p]["performance"])
            rows.append(("Lighthouse performance through nginx as shipped, every page (lowest)",
                         f"{scored[worst]['performance']} (/{worst})", f"≥ {BUDGETS['perf']}",
                         scored[worst]["performance"] >= BUDGETS["perf"]))
            plain = {p: row["plain"]["lighthouse"] for p, row in reader["pages"].items()
                     if (row.get("plain") or {}).get("lighthouse")}
            if plain:
                worst = min(plain, key=lambda p: plain[p]["performance"])
                rows.append(("Same, nginx with compression off (lowest)",
                             f"{plain[worst]['performance']} (/{worst})", "—", None))
            for category in ("accessibility", "best-practices", "seo"):
                worst = min(scored, key=lambda p: scored[p][category])
                rows.append((f"Lighthouse {category}, every page (lowest)",
                             f"{scored[worst][category]} (/{worst})", "100",
                             scored[worst][category] >= BUDGETS["other"]))
        else:
            rows.append(("Lighthouse", "not run (--quick, or bench/node_modules missing)", "—", None))
        if reader["pages"]:
            heaviest = max(reader["pages"], key=lambda p: reader["pages"][p]["bytes"])
            row = reader["pages"][heaviest]
            off = f" ({_kib(row['plain']['bytes'])} with compression off)" if row.get("plain") else ""
            rows.append(("Page weight on the wire through nginx, cold cache (heaviest page)",
                         f"{_kib(row['bytes'])}{off} (/{heaviest})", "—", None))
    c = results.get("catalogue")
    if c:
        slowest = max(c["interactions"], key=lambda k: c["interactions"][k]["median_ms"])
        ms = c["interactions"][slowest]["median_ms"]
        rows.append((f"Catalogue of {c['rows']} rows: input to painted result in view at {c['slowdown']}× CPU slowdown "
                     f"(slowest interaction, median of {c['runs']})", f"{ms:.0f} ms ({slowest})",
                     f"≤ {BUDGETS['filter_ms']} ms", ms <= BUDGETS["filter_ms"]))
    out += [f"| {a} | {m} | {bud} | {_ok(p)} |" for a, m, bud, p in rows]
    if c:
        out += ["", "## Catalogue filters", "",
                f"Chromium, {c['slowdown']}× CPU slowdown (DevTools' throttling), a 390 px wide window; each "
                "interaction from its input event to the next painted frame, which shows the rows in view "
                "(\"in view\"), and to the frame that shows every row of the result up to the cap (\"all "
                "shown\": the table's aria-busy gone).", "",
                "| interaction | in view, median | in view, slowest | all shown, median | all shown, slowest |",
                "|---|---|---|---|---|"]
        out += [f"| {name} | {v['median_ms']:.0f} ms | {v['max_ms']:.0f} ms | {v.get('all_median_ms', 0):.0f} ms "
                f"| {v.get('all_max_ms', 0):.0f} ms |" for name, v in c["interactions"].items()]

    if b:
        out += ["", "## Build and its limit", "",
                "The limit is the same site with every macro call replaced by what it renders (captured from "
                "a real build: its Markdown, and the HTML that goes in after Markdown) and no macros plugin, "
                "no data loading, no validation. The files the full build writes after its pages (exports "
                f"and API, {b.get('after_pages', 0)} files) the limit writes as captured. "
                f"{b['identical_pages']} of {b['pages']} built pages"
                + (f", and {b['identical_files'][0]} of {b['identical_files'][1]} files in all,"
                   if b.get("identical_files") else "")
                + " are byte-identical between the two. "
                "Both run alternately in fresh interpreters (start-up included) after one warm-up each.", "",
                "| build | CPU median | wall median | all wall times | peak RSS |", "|---|---|---|---|---|"]
        for name in ("full", "limit"):
            out.append(f"| {name} | {b[f'cpu_{name}']:.2f} s | {b[f'wall_{name}']:.2f} s | "
                       + ", ".join(f"{t:.2f}" for t in b["wall"][name]) + f" | {b[f'{name}_rss']:.0f} MiB |")
        imports = b.get("imports")
        if imports:
            spent = sum(imports.values())
            out += ["", "What a fresh full build imports and its limit does not (CPU time, after what MkDocs "
                    "and the other plugins import anyway): "
                    + ", ".join(f"`{name}` {seconds * 1000:.0f} ms" for name, seconds in imports.items())
                    + f" (`macros.models` is msgspec and the 40 data models). Together "
                    f"{spent / b['cpu_limit']:.0%} of the limit's time; the rest of the difference, "
                    f"{max(b['cpu_full'] - b['cpu_limit'] - spent, 0) * 1000:.0f} ms, is reading, validating and "
                    "rendering the data."]
        w = b.get("warm")
        if w:
            out += ["", f"Rebuilt in a running process (`make serve` after a save; modules already imported; "
                    f"median of {len(b['warm_all']['full']['cpu'])}): full {w['cpu_full']:.2f} s, limit "
                    f"{w['cpu_limit']:.2f} s of CPU."]
    if s:
        out += ["", "## Scale", "",
                "Synthetic data: every record of the freely clonable files (sources, dimensions, families, "
                "access routes, use cases, FAQ, glossary, open parts, reasons, trends, regulation, change log, and the "
                "model catalogue: models, developers, licences, hosts, offers, openness) cloned with new ids "
                "into a temp copy; the decision model (categories, options, criteria, trees, cheat sheet), the crosswalk "
                "and the datasets are kept. ×1 is the site's own data, the full catalogue included. Strict build, median of runs after a warm-up (×100: one run); peak RSS of the build "
                "process.", "",
                "| data | records | pages | runs | CPU | wall | limit CPU | limit wall | peak RSS | HTML written |",
                "|---|---|---|---|---|---|---|---|---|---|"]
        for row in s["rows"]:
            limit = row.get("limit") or {}
            out.append(f"| ×{row['factor']} | {row['records']:,} | {row.get('pages', 0):,} | {row['runs']} | "
                       f"{row['cpu']:.2f} s | {row['wall']:.2f} s | "
                       + (f"{limit['cpu']:.2f} s | {limit['wall']:.2f} s" if limit else "— | —")
                       + f" | {row['peak_rss']:.0f} MiB | {row['html_kib']:,.0f} KiB |")
        out.append("\nThe limit (see above) of each copy up to ×10, its data as multiplied: what the pages alone cost.")
        v = s["validate"]
        out.append(f"\nValidation alone (read, validate, cross-check; in process): {v['records']:,} records "
                   f"in {v['seconds']:.2f} s.")
    if r:
        out += ["", "## Edit to reload", "",
                f"`mkdocs serve --strict` on a temp copy, /{r['page']} open in headless Chromium; a name in "
                f"data/{r['file']} is changed and saved; time until the new text is in the page: "
                + ", ".join(f"{t:.2f} s" for t in r["all"]) + "."]
    if reader:
        brotli = (reader.get("server") or {}).get("brotli")
        out += ["", "## Reader", "",
                "The built site served by Debian's nginx on localhost with the shipped configuration "
                "(deploy/nginx/, only its `listen` and `root` lines changed): *as shipped*, it sends the "
                ".gz copies the build wrote (gzip_static"
                + (", and .br with brotli_static to a browser that asks for Brotli" if brotli else
                   "; the Brotli module was not installed")
                + "); *compression off* sends every file as it is. A fresh browser context per page (cold "
                "cache); *on the wire* is every response's body as sent plus its headers. Lighthouse: mobile "
                "defaults (simulated slow 4G, 4× CPU slowdown), Debian's chromium with the tests' headless "
                "flags; each page's scores are those of the run with the median performance score (all runs' "
                "performance in brackets: it varies from run to run with the load on the machine).", "",
                "| page | requests | on the wire | sent as | first paint | perf | compression off: on the wire | perf |"
                " a11y | best pr. | SEO |",
                "|---|---|---|---|---|---|---|---|---|---|---|"]
        for path, row in reader["pages"].items():
            lh = row.get("lighthouse") or {}
            plain = row.get("plain") or {}
            out.append(f"| /{path} | {row['requests']} | {_kib(row['bytes'])} | {row.get('encoding', '—')} | "
                       f"{row['first_paint_ms'] or 0:.0f} ms | {_perf(lh)} | "
                       f"{_kib(plain['bytes']) if plain else '—'} | {_perf(plain.get('lighthouse') or {})} | "
                       f"{lh.get('accessibility', '—')} | {lh.get('best-practices', '—')} | {lh.get('seo', '—')} |")
        out += ["", "### The flowchart page, before and after", "",
                "Through nginx as shipped. *Drawn ahead*: the SVG mermaid draws, made by `make diagrams` and "
                "put in the page at build time (no mermaid download). *Mermaid deferred* / *blocking*: mermaid drawing it in the "
                "browser, as the page did before (blocking was the original).", "",
                "| variant | requests | transferred | flowchart visible | perf | FCP | LCP | TBT |",
                "|---|---|---|---|---|---|---|---|"]
        for name in ("mermaid blocking", "mermaid deferred", "drawn ahead"):
            row = reader["flow_variants"].get(name)
            if not row:
                continue
            lh = row.get("lighthouse") or {}
            m = lh.get("metrics", {})
            fmt = (lambda k: f"{m[k]:.0f} ms" if k in m else "—")  # noqa: E731
            out.append(f"| {name} | {row['requests']} | {_kib(row['bytes'])} | "
                       f"{row.get('flow_visible_ms') or 0:.0f} ms | {lh.get('performance', '—')} | "
                       f"{fmt('first-contentful-paint')} | {fmt('largest-contentful-paint')} | "
                       f"{fmt('total-blocking-time')} |")
        failed = sorted({a for row in reader["pages"].values() for a in (row.get("lighthouse") or {}).get("failed", [])})
        if failed:
            out += ["", "Lighthouse audits failing on some page (accessibility, best practices, SEO): "
                    + ", ".join(f"`{a}`" for a in failed) + "."]
    if notes:
        out += ["", "## Notes", "", notes.strip()]
    return "\n".join(out) + "\n"
