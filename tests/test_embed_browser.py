"""Embeds as a wiki shows them, in headless Chromium: a host page on another localhost origin frames
each embed page with the code the site gives for it (the resize script with its integrity hash), and
the frame's height follows its content (no inner scrollbar), also after the window is resized;
?theme= picks the colours. The resize script believes only height messages from this site's embeds:
not from other frames, not for another component, not heights out of range. And the offline bundle
of `make dist`, opened from file://, shows the home page, the flowchart and search results."""
from __future__ import annotations

import re
import subprocess
import zipfile
from urllib.parse import urlparse

import pytest

from macros.publish import components, embeds, policy
from tests import support
from tests.support import OPEN_SHADOW

PUBLISHED = "https://ai-models.intranet.example/"  # mkdocs.yml site_url, which the codes name
HOST = """<!doctype html><html><head><meta charset="utf-8"><title>Wiki page</title></head>
<body style="margin:0;font-family:sans-serif"><h1>Our wiki</h1>
{code}
<p id="after">Text after the embed.</p></body></html>"""
MAX_HEIGHT = int(re.search(r"MAX_HEIGHT = (\d+)", (support.ROOT / "content" / embeds.RESIZER)
                           .read_text(encoding="utf-8")).group(1))


@pytest.fixture(scope="module")
def site_url(built_site):
    """The built site, its resize script sent with the CORS header its integrity check needs."""
    rules = [(f"/{f}", [policy.CORS_HEADER]) for f in policy.CORS_FILES]
    with support.serve_with_headers(built_site, rules) as url:
        yield url


def script_code(html, component, site_url: str) -> str:
    """The code with the resize script that the component's own page gives, for this server."""
    [control] = html(support.page_url(component.page)).select(f'details.ovc-embed[data-component="{component.name}"]')
    return control.select("pre > code")[1].get_text().replace(PUBLISHED, site_url)


@pytest.fixture(scope="module")
def host_dir(tmp_path_factory, site_url, html):
    directory = tmp_path_factory.mktemp("host")
    for c in components.COMPONENTS:
        code = script_code(html, c, site_url).replace("<iframe ", '<iframe id="embed" ', 1)
        (directory / f"{c.name}.html").write_text(HOST.format(code=code.replace("?theme=auto", "?theme=light")))
    with support.serve(directory) as url:  # another port: another origin, as a real wiki is
        yield url


def frame_fits(page) -> dict:
    """Height of the iframe element, and whether the document inside it needs a scrollbar."""
    frame = page.frame_locator("#embed")
    inner = frame.locator("html").evaluate(
        "el => ({scroll: el.scrollHeight, view: window.innerHeight, "
        "bottom: Math.ceil(document.querySelector('.md-content__inner').getBoundingClientRect().bottom)})")
    outer = page.locator("#embed").evaluate("el => el.getBoundingClientRect().height")
    return {**inner, "outer": outer}


def wait_until_fitted(page, previous: float | None = None) -> dict:
    state = {}
    for _ in range(100):
        page.wait_for_timeout(100)
        state = frame_fits(page)
        fitted = state["scroll"] <= state["view"] and state["view"] - state["bottom"] < 60
        if fitted and state["outer"] > 150 and (previous is None or state["outer"] != previous):
            return state
    pytest.fail(f"the iframe never fitted its content: {state}")


@pytest.mark.parametrize("component", components.COMPONENTS, ids=lambda c: c.name)
def test_iframe_height_follows_the_content(browser, host_dir, component):
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    page.add_init_script(OPEN_SHADOW)
    errors, remote = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: urlparse(r.url).hostname not in {"127.0.0.1", "localhost"}
            and remote.append(r.url))
    try:
        page.goto(f"{host_dir}{component.name}.html")
        wide = wait_until_fitted(page)
        page.set_viewport_size({"width": 480, "height": 800})  # a phone: tables turn into cards
        narrow = wait_until_fitted(page, previous=wide["outer"])
        assert narrow["outer"] != wide["outer"]
        assert page.locator("#after").is_visible()
        assert not errors and not remote
    finally:
        page.close()


@pytest.mark.parametrize("theme, scheme", [("light", "default"), ("dark", "slate")])
def test_theme_parameter_sets_the_colours(browser, base_url, theme, scheme):
    page = browser.new_page(color_scheme="light" if theme == "dark" else "dark")
    try:
        page.goto(f"{base_url}embed/cheatsheet/?theme={theme}")
        assert page.locator("body").get_attribute("data-md-color-scheme") == scheme
        assert page.locator("table#cheatsheet").is_visible()
        assert page.locator("header, nav, footer").count() == 0
    finally:
        page.close()


def test_auto_theme_follows_the_system(browser, base_url):
    for system, scheme in (("dark", "slate"), ("light", "default")):
        page = browser.new_page(color_scheme=system)
        page.goto(f"{base_url}embed/comparison/?theme=auto")
        assert page.locator("body").get_attribute("data-md-color-scheme") == scheme
        page.close()


def test_live_preview_on_the_embed_page_resizes(browser, base_url):
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    try:
        page.goto(f"{base_url}embed/")
        frame = page.locator("iframe[data-ovc-preview]")
        frame.scroll_into_view_if_needed()
        page.wait_for_function(
            "() => { const f = document.querySelector('iframe[data-ovc-preview]');"
            " const d = f.contentDocument; return d && d.querySelector('table') &&"
            " d.documentElement.scrollHeight <= f.contentWindow.innerHeight &&"
            " f.getBoundingClientRect().height > 300; }", timeout=15000)
    finally:
        page.close()


# --- what the resize script believes ---------------------------------------------------------------

TRUST_HOST = """<!doctype html><html><head><meta charset="utf-8"><title>Wiki page</title>
<link rel="icon" href="data:,"></head><body>
{code}
<iframe id="page" src="{site}compare/" title="a page of the site, not an embed" height="200" style="border:0"></iframe>
<iframe id="foreign" src="{host}other.html" title="another site" height="200" style="border:0"></iframe>
</body></html>"""


@pytest.fixture
def trust_page(browser, tmp_path, site_url, html):
    """A wiki page (its own origin) with the models embed as the site's code gives it, a page of the
    site that is no embed, and a frame from another origin; every frame can be made to post any
    message (Playwright runs the script in that frame, so origin and source are the frame's own)."""
    code = script_code(html, components.BY_NAME["models"], site_url).replace("<iframe ", '<iframe id="embed" ', 1)
    (tmp_path / "other.html").write_text("<!doctype html><title>other</title><p>another site</p>")
    with support.serve(tmp_path) as host:
        (tmp_path / "wiki.html").write_text(TRUST_HOST.format(code=code, site=site_url, host=host))
        page = browser.new_page(viewport={"width": 1000, "height": 800})
        page.errors = []
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        try:
            page.goto(host + "wiki.html")
            page.wait_for_function("() => document.getElementById('embed').getBoundingClientRect().height"
                                   " !== %d" % components.BY_NAME["models"].height, timeout=15000)
            yield page
        finally:
            page.close()


def frame_of(page, element_id: str):
    return page.locator(f"#{element_id}").element_handle().content_frame()


def height(page, element_id: str) -> float:
    return page.locator(f"#{element_id}").evaluate("el => el.getBoundingClientRect().height")


def post(page, element_id: str, message: str) -> None:
    """`message` (JavaScript) posted to the wiki page from inside frame `element_id`."""
    frame_of(page, element_id).evaluate(f"() => parent.postMessage({message}, '*')")
    page.wait_for_timeout(150)  # messages are delivered asynchronously


def test_resize_script_loads_with_the_integrity_of_the_built_file(built_site, html, trust_page):
    code = script_code(html, components.BY_NAME["models"], "https://x/")
    [given] = re.findall(r'integrity="([^"]+)"', code)
    assert given == policy.integrity((built_site / embeds.RESIZER).read_bytes())
    assert 'crossorigin="anonymous"' in code
    assert trust_page.evaluate("Object.keys(window.__ovcResizer || {}).length") == 1  # it ran
    assert trust_page.errors == []


def test_resize_script_sizes_only_the_embed_a_message_comes_from(trust_page):
    page = trust_page
    fitted = height(page, "embed")
    assert fitted > 300
    post(page, "embed", '{"ovc-height": {"models": 1234}}')
    assert height(page, "embed") == 1234
    post(page, "embed", '{sentinel: "amp", type: "embed-size", height: 1300}')
    assert height(page, "embed") == 1300
    # another component's name, from this embed: ignored
    post(page, "embed", '{"ovc-height": {"cheatsheet": 900}}')
    assert height(page, "embed") == 1300
    # a page of the site that is not an embed, and a frame of another origin: ignored
    for other in ("page", "foreign"):
        post(page, other, '{"ovc-height": {"models": 900}}')
        post(page, other, '{sentinel: "amp", type: "embed-size", height: 900}')
        assert height(page, other) == 200, other
    assert height(page, "embed") == 1300
    # the wiki page itself: ignored
    page.evaluate('() => postMessage({"ovc-height": {"models": 900}}, "*")')
    page.wait_for_timeout(150)
    assert height(page, "embed") == 1300


@pytest.mark.parametrize("value, expected", [("1e9", MAX_HEIGHT), ("Infinity", None), ("-500", None),
                                             ("0", None), ("NaN", None), ('"900"', None), ("null", None),
                                             ("3", 50), ("812.4", 813)])
def test_resize_script_keeps_heights_in_range(trust_page, value, expected):
    """Too tall is cut to the script's MAX_HEIGHT, too short raised to its minimum; what is not a
    positive finite number is ignored."""
    before = height(trust_page, "embed")
    post(trust_page, "embed", f'{{"ovc-height": {{"models": {value}}}}}')
    assert height(trust_page, "embed") == (before if expected is None else expected)
    post(trust_page, "embed", f'{{sentinel: "amp", type: "embed-size", height: {value}}}')
    assert height(trust_page, "embed") == (before if expected is None else expected)


# --- the offline bundle ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(["make", "--no-print-directory", "dist", f"DIST={out}"], cwd=support.ROOT,
                            capture_output=True, text=True, timeout=600,
                            env={**__import__("os").environ, **support.QUIET_ENV})
    assert result.returncode == 0, result.stdout + result.stderr
    [archive] = out.glob("*.zip")
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(out / "unzipped")
    [folder] = (out / "unzipped").iterdir()
    return folder


@pytest.fixture
def offline_page(browser):
    pages = []

    def open_page(path):
        page = browser.new_page()
        page.add_init_script(OPEN_SHADOW)
        page.errors, page.remote = [], []
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))

        def guard(route):
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                page.remote.append(route.request.url)
                route.abort()
        page.route("**/*", guard)
        page.goto(path.as_uri())
        pages.append(page)
        return page
    yield open_page
    for page in pages:
        page.close()


def test_offline_bundle_shows_home_flowchart_and_search(bundle, offline_page, site):
    home = offline_page(bundle / "index.html")
    assert home.locator("h1").first.is_visible()
    assert "Open vs Closed" in home.title()
    home.keyboard.press("/")
    home.locator("input.md-search__input").press_sequentially("vendor", delay=30)
    results = home.locator(".md-search-result__item")
    results.first.wait_for(timeout=10000)
    assert "vendor" in results.first.inner_text().casefold()
    assert not home.remote and not home.errors

    chart = offline_page(bundle / "hybrid-routing.html")
    chart.locator(".mermaid svg").wait_for(timeout=15000)
    labels = " ".join(chart.locator(".mermaid svg .node").all_text_contents())
    assert site.get("options", "closed-api").name in " ".join(labels.split())
    assert not chart.remote and not chart.errors
    # pages link to pages as files, so following a link works from disk too
    assert chart.locator('a[href="compare.html"]').count() > 0


def test_offline_bundle_preview_resizes_and_states_no_policy(bundle, offline_page):
    """From disk the live preview is sized too (messages from file:// frames say origin "null"),
    and no page has the policy's <meta>: Material's offline search runs an inline script."""
    page = offline_page(bundle / "embed.html")
    frame = page.locator("iframe[data-ovc-preview]")
    frame.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('iframe[data-ovc-preview]').getBoundingClientRect()"
                           f".height !== {components.BY_NAME['cheatsheet'].height}", timeout=15000)
    assert not page.remote and not page.errors
    meta = f'http-equiv="{policy.HEADER}"'
    assert not any(meta in p.read_text(encoding="utf-8") for p in bundle.rglob("*.html"))


def test_embed_sends_both_height_messages(browser, tmp_path, base_url):
    """Hosts with their own resizer get {"ovc-height": {name: px}} and AMP's embed-size message."""
    (tmp_path / "listen.html").write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>host</title></head><body>"
        "<script>window.got = []; addEventListener('message', e => got.push(e.data));</script>"
        f"<iframe src='{base_url}embed/models/' title='embed' style='width:100%;border:0' height='100'>"
        "</iframe></body></html>")
    with support.serve(tmp_path) as host:
        page = browser.new_page(viewport={"width": 1000, "height": 700})
        try:
            page.goto(f"{host}listen.html")
            page.wait_for_function("() => got.length >= 2", timeout=10000)
            messages = page.evaluate("got")
        finally:
            page.close()
    ours = [m["ovc-height"]["models"] for m in messages if isinstance(m, dict) and "ovc-height" in m]
    amp = [m["height"] for m in messages if isinstance(m, dict) and m.get("sentinel") == "amp"
           and m.get("type") == "embed-size"]
    assert ours and amp and ours[-1] == amp[-1] > 300


def test_embed_box_shows_codes_for_where_the_site_is_served(browser, base_url):
    """Served from another address than site_url, the box shows codes for the real address, and
    each code block has Material's copy button."""
    page = browser.new_page()
    try:
        page.goto(f"{base_url}compare/")
        box = page.locator("details.ovc-embed").first
        box.locator("summary").click()
        codes = box.locator("pre > code").all_text_contents()
        assert all(f'src="{base_url}embed/comparison/?theme=auto"' in code for code in codes)
        assert f'src="{base_url}assets/embed/resizer.js"' in codes[1]
        assert box.locator("button[data-clipboard-target]").count() == 2
    finally:
        page.close()


def test_offline_bundle_has_no_compressed_copies(bundle):
    """Opened from disk, nothing would read the .gz and .br copies a server sends: the zip has none."""
    assert (bundle / "index.html").is_file()
    assert not [p for p in bundle.rglob("*") if p.suffix in (".gz", ".br") and p.name != "sitemap.xml.gz"]
