"""The site under its own Content Security Policy, sent as HTTP headers exactly as the build writes
them for `_headers` (macros/publish/policy.py), in headless Chromium: no page or embed breaks a
directive, the helper, the calculator, search and the diagrams (drawn ahead, and drawn in the
browser) still work, the embeds may be framed by the wiki hosts and by nothing else, and no other
page may be framed at all."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from macros.publish import components, policy
from tests import support
from tests.test_build import PAGES
from tests.test_embed_browser import script_code

LOCAL = {"127.0.0.1", "localhost"}
# In every frame, before the page's own scripts: each violation of the policy, as the browser reports it.
LISTEN = """window.__csp = [];
document.addEventListener("securitypolicyviolation", e => window.__csp.push(
  e.effectiveDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber));"""


def rules_for(site_dir, hosts):
    files = [p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()]
    return policy.header_rules(files, [components.embed_url(c.name) for c in components.COMPONENTS], hosts)


@pytest.fixture(scope="module")
def wiki(tmp_path_factory):
    """A wiki on its own origin, whose pages the tests write; (folder, base URL)."""
    folder = tmp_path_factory.mktemp("wiki")
    with support.serve(folder) as url:
        yield folder, url


@pytest.fixture(scope="module")
def csp_url(built_site, wiki):
    """The built site, sent with the policy's headers; the wiki's origin is the one embed host."""
    with support.serve_with_headers(built_site, rules_for(built_site, [wiki[1].rstrip("/")])) as url:
        yield url


@pytest.fixture
def visit(browser):
    opened = []

    def open_page(url: str, wait: str = "networkidle", **context):
        page = browser.new_page(**context)
        page.add_init_script(support.OPEN_SHADOW + LISTEN)
        page.remote, page.errors = [], []

        def guard(route):
            if urlparse(route.request.url).hostname in LOCAL:
                route.continue_()
            else:
                page.remote.append(route.request.url)
                route.abort()
        page.route("**/*", guard)
        page.on("console", lambda m: m.type in ("error", "warning") and page.errors.append(m.text))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        opened.append(page)
        page.goto(url, wait_until=wait)
        return page

    yield open_page
    for page in opened:
        page.close()


def violations(page) -> list[str]:
    found = []
    for frame in page.frames:
        try:
            found += frame.evaluate("window.__csp || []")
        except Exception:  # a frame the browser refused to show has no window of ours
            pass
    return found


def assert_clean(page) -> None:
    assert violations(page) == [] and page.errors == [] and page.remote == []


@pytest.mark.parametrize("path", [*PAGES, "404.html", *(f"embed/{c.name}/" for c in components.COMPONENTS)])
def test_page_breaks_no_directive(visit, csp_url, path):
    page = visit(csp_url + path, wait="load")
    assert policy.HEADER in (page.evaluate("document.head.innerHTML"))  # the <meta> as well
    if page.locator("iframe").count():  # a lazy frame (the preview on the Embed & export page)
        page.locator("iframe").first.scroll_into_view_if_needed()
        page.wait_for_function("() => [...document.querySelectorAll('iframe')].every(f => f.contentDocument"
                               " && f.contentDocument.readyState === 'complete' && f.contentWindow.__csp)")
    page.wait_for_timeout(200)
    for index in range(page.locator(".mermaid").count()):
        page.locator(".mermaid").nth(index).locator("svg").first.wait_for(timeout=15000)
    assert_clean(page)


def test_headers_are_the_policy(visit, csp_url, wiki):
    """What the test server sends is what `_headers` says (the pages' and the embeds' policies)."""
    page = visit(csp_url + "compare/")
    assert page.evaluate("fetch(location.href).then(r => r.headers.get('content-security-policy'))") == \
        policy.page_policy()
    embed = page.evaluate("fetch('../embed/models/').then(r => r.headers.get('content-security-policy'))")
    assert embed == policy.embed_policy([wiki[1].rstrip("/")])


def test_helper_calculator_and_search_work_under_the_policy(visit, csp_url):
    helper = visit(csp_url + "helper/")
    helper.locator('input[name="data-sensitivity"][value="sensitive"]').check()
    assert helper.locator(".ovc-outcome:visible").get_attribute("data-option") == "open-self-hosted"
    assert helper.locator("#ovc-path li").count() == 1
    assert_clean(helper)

    # The calculator's script runs under the policy: a changed input changes the results it shows.
    calculator = visit(csp_url + "calculator/")
    assert calculator.locator("[data-verdict]:visible").count() >= 1
    shown = calculator.locator('[data-out="monthly-closed"]').first
    before = shown.inner_text()
    volume = calculator.locator("#calc-requests-per-day")
    volume.fill(str(float(volume.input_value()) * 3 + 1))
    calculator.wait_for_function("(before) => document.querySelector('[data-out=\"monthly-closed\"]').textContent !== before",
                                 arg=before)
    assert shown.inner_text() != before
    assert_clean(calculator)

    search = visit(csp_url)
    search.keyboard.press("/")
    search.locator("input.md-search__input").press_sequentially("vendor", delay=30)
    search.locator(".md-search-result__item").first.wait_for(timeout=10000)
    assert "vendor" in search.locator(".md-search-result__item").first.inner_text().casefold()
    assert_clean(search)


def test_the_colour_toggle_is_kept_under_the_policy(visit, csp_url):
    page = visit(csp_url + "compare/", color_scheme="light")
    page.locator("label.md-header__button[for^='__palette_']:visible").first.click()
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    page.goto(csp_url + "faq/")  # the stored choice is applied by javascripts/material/palette.js
    assert page.locator("body").get_attribute("data-md-color-scheme") == scheme
    assert_clean(page)


@pytest.mark.parametrize("path", ["hybrid-routing/", "embed/flowchart/"])
def test_diagrams_drawn_in_the_browser_work_under_the_policy(visit, site_drawn_in_browser, path):
    with support.serve_with_headers(site_drawn_in_browser, rules_for(site_drawn_in_browser, [])) as url:
        page = visit(url + path)
        assert page.locator("pre.mermaid, div.mermaid").count() == 1
        page.locator("div.mermaid svg").first.wait_for(timeout=15000)
        assert page.locator("div.mermaid svg .node").count() > 5
        assert_clean(page)


FRAMES = """<!doctype html><html><head><meta charset="utf-8"><title>Wiki page</title>
<link rel="icon" href="data:,"></head><body>
{code}
<iframe id="page" src="{site}compare/" title="a page of the site" height="300" style="border:0"></iframe>
</body></html>"""


def frame_shows(page, element_id: str, selector: str) -> bool:
    frame = page.locator(f"#{element_id}").element_handle().content_frame()
    try:
        return frame.locator(selector).count() > 0
    except Exception:
        return False


def test_only_the_embed_hosts_may_frame_only_the_embeds(browser, visit, csp_url, wiki, html, tmp_path):
    folder, host = wiki
    code = script_code(html, components.BY_NAME["cheatsheet"], csp_url).replace("<iframe ", '<iframe id="embed" ', 1)
    page_html = FRAMES.format(code=code, site=csp_url)
    (folder / "frames.html").write_text(page_html)
    (tmp_path / "frames.html").write_text(page_html)

    first = components.BY_NAME["cheatsheet"].height  # the frame's height before the embed reports
    page = visit(host + "frames.html")
    page.wait_for_function(f"() => document.getElementById('embed').getBoundingClientRect().height !== {first}",
                           timeout=15000)  # the embed is shown, and the resize script (integrity) ran
    assert frame_shows(page, "embed", "table#cheatsheet")
    assert not frame_shows(page, "page", "table")  # frame-ancestors 'none'
    assert any("frame-ancestors" in e for e in page.errors)

    with support.serve(tmp_path) as stranger:  # a site that is not one of the embed hosts
        other = visit(stranger + "frames.html")
        other.wait_for_timeout(1500)
        assert not frame_shows(other, "embed", "table") and not frame_shows(other, "page", "table")
        assert other.locator("#embed").evaluate("el => el.getBoundingClientRect().height") == first
