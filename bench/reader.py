"""What a reader's browser does with each page, served by Debian's nginx with the shipped configuration
(deploy/nginx/, run by tools/nginx.py on localhost) as a team would publish it: once as shipped (the
copies the build compressed ahead of time), once with compression off. Bytes on the wire and requests
with a cold cache, time until the flowchart is visible, and Lighthouse's scores with its mobile
defaults (simulated slow 4G and a 4x slower CPU), driving Debian's chromium. The flowchart page is also
measured in the two ways it was served before its drawing was made ahead of time: mermaid deferred,
and mermaid blocking."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from bench import catalogue, common
from tools import nginx
from tools.browser import CHROMIUM_ARGS, OPEN_SHADOW, launch
from tools.project import ROOT, nav_pages, page_url

FLOW_PAGE = "hybrid-routing/"
LIGHTHOUSE = ROOT / "bench/node_modules/.bin/lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Set when the first diagram on the page is laid out, then one frame later (it has been painted).
FLOW_PROBE = OPEN_SHADOW + """
window.__flowVisible = null;
(function check() {
  const box = document.querySelector(".mermaid");
  const svg = box && box.shadowRoot && box.shadowRoot.querySelector("svg");
  if (svg && svg.getBoundingClientRect().height > 0) {
    requestAnimationFrame(() => requestAnimationFrame(() => { window.__flowVisible = performance.now(); }));
    return;
  }
  requestAnimationFrame(check);
})();
"""


def variants(site: Path, tmp: Path) -> dict[str, Path]:
    """The site as built now, plus the flowchart page as it was served before: mermaid drawn in the
    browser, deferred (OVC_PRERENDERED_OFF) and blocking (that build without `defer`)."""
    deferred = tmp / "site-deferred"
    common.build(common.ROOT, deferred, env={"OVC_PRERENDERED_OFF": "1"})
    blocking = tmp / "site-blocking"
    shutil.copytree(deferred, blocking)
    page = blocking / FLOW_PAGE / "index.html"
    page.write_text(re.sub(r"<script defer (src=\"[^\"]*mermaid\.min\.js\")", r"<script \1",
                           page.read_text(encoding="utf-8")), encoding="utf-8")
    for stale in (page.with_name("index.html.gz"), page.with_name("index.html.br")):
        stale.unlink(missing_ok=True)  # the deferred page's copies: nginx compresses this one as it sends it
    return {"drawn ahead": site, "mermaid deferred": deferred, "mermaid blocking": blocking}


def weigh(browser, url: str, flow: bool) -> dict:
    """Cold-cache load of one page: requests, bytes on the wire, first paint, flowchart visible."""
    context = browser.new_context()
    page = context.new_page()
    if flow:
        page.add_init_script(FLOW_PROBE)
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    if flow:
        page.wait_for_function("window.__flowVisible !== null", timeout=30000)
    # bytes as sent (responseBodySize is the encoded body), and how the page itself was sent
    out = {"requests": 0, "bytes": 0, "encoding": response.headers.get("content-encoding") or "none"}
    for request in finished:
        if request.url.startswith("data:"):
            continue
        sizes = request.sizes()
        out["requests"] += 1
        out["bytes"] += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    out["first_paint_ms"] = page.evaluate(
        "(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null")
    if flow:
        out["flow_visible_ms"] = page.evaluate("window.__flowVisible")
    context.close()
    return out


def weigh_median(browser, url: str, flow: bool, loads: int = 5) -> dict:
    """`weigh` repeated (the machine is shared, single loads vary): medians of the timings."""
    rows = [weigh(browser, url, flow) for _ in range(loads if flow else 1)]
    out = dict(rows[0])
    for key in ("first_paint_ms", "flow_visible_ms"):
        values = [r[key] for r in rows if r.get(key) is not None]
        if values:
            out[key] = common.median(values)
    out["loads"] = len(rows)
    return out


def lighthouse(url: str, out: Path) -> dict | None:
    """Lighthouse (mobile defaults) on one URL with Debian's chromium; None when not installed."""
    if not LIGHTHOUSE.is_file():
        return None
    flags = " ".join(CHROMIUM_ARGS)
    result = subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
                             f"--chrome-flags={flags}", "--only-categories=" + ",".join(CATEGORIES)],
                            capture_output=True, text=True, timeout=300,
                            env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
    if result.returncode or not out.is_file():
        raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(out.read_text())
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    audits = report["audits"]
    scores["metrics"] = {k: audits[k]["numericValue"] for k in (
        "first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
        "cumulative-layout-shift", "speed-index")}
    scores["failed"] = sorted({ref["id"] for c in CATEGORIES if c != "performance"
                               for ref in report["categories"][c]["auditRefs"]
                               if ref["weight"] and audits[ref["id"]]["score"] is not None
                               and audits[ref["id"]]["score"] < 1})
    return scores


LIGHTHOUSE_RUNS = 3  # per page; Lighthouse's own advice against its run-to-run variance


def lighthouse_median(url: str, out: Path, runs: int = LIGHTHOUSE_RUNS) -> dict | None:
    """The run with the median performance score of `runs` Lighthouse runs (all its scores)."""
    results = [lighthouse(url, out) for _ in range(runs)]
    if results[0] is None:
        return None
    ranked = sorted(results, key=lambda r: r["performance"])
    return {**ranked[len(ranked) // 2], "performance_all": [r["performance"] for r in results]}


def run(pages: list[str] | None = None, with_lighthouse: bool = True, plain_runs: int = 1) -> dict:
    """Every page through nginx as shipped (its budget) and with compression off (`plain_runs`
    Lighthouse runs each: what compression is worth, not a budget)."""
    from playwright.sync_api import sync_playwright
    # every page of the nav, and the page of the model with the most offers (the longest model page)
    pages = pages or [page_url(p) for p in nav_pages()] + [catalogue.model_page()]
    if nginx.binary() is None:
        raise RuntimeError("the reader bench serves the site with nginx: apt-get install nginx-light "
                           "libnginx-mod-http-brotli-static")
    with tempfile.TemporaryDirectory(prefix="bench-reader-") as tmp:
        tmp = Path(tmp)
        common.build(common.ROOT, tmp / "site")
        sites = variants(tmp / "site", tmp)
        results = {"pages": {}, "flow_variants": {}}
        with sync_playwright() as p:
            browser = launch(p)
            with nginx.serve(sites["drawn ahead"]) as packed, \
                    nginx.serve(sites["drawn ahead"], compressed=False) as plain:
                results["server"] = {"brotli": packed.brotli}
                for path in pages:
                    row = weigh_median(browser, packed.url + path, flow=path == FLOW_PAGE)
                    row["plain"] = weigh(browser, plain.url + path, flow=False)
                    if with_lighthouse:
                        row["lighthouse"] = lighthouse_median(packed.url + path, tmp / "lh.json")
                        row["plain"]["lighthouse"] = lighthouse_median(plain.url + path, tmp / "lh.json",
                                                                       plain_runs)
                    results["pages"][path] = row
            for name in ("mermaid deferred", "mermaid blocking"):
                with nginx.serve(sites[name]) as packed:
                    row = weigh_median(browser, packed.url + FLOW_PAGE, flow=True)
                    if with_lighthouse:
                        row["lighthouse"] = lighthouse_median(packed.url + FLOW_PAGE, tmp / "lh.json")
                    results["flow_variants"][name] = row
            browser.close()
    results["flow_variants"]["drawn ahead"] = results["pages"].get(FLOW_PAGE)
    return results


if __name__ == "__main__":
    import sys
    print(json.dumps(run(sys.argv[1:] or [FLOW_PAGE, ""]), indent=1))
