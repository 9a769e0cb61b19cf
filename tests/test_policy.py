"""The Content Security Policy (macros/publish/policy.py), written once and used everywhere: in every
page's <meta>, in the `_headers` file next to the built site, on the Embed & export page and in the
README; and the build refuses a page it would break (an inline script or event handler)."""
from __future__ import annotations

import re

import pytest
import yaml

from macros.publish import components, deploy, embeds, policy
from tests import support
from tests.support import headers_for
from tests.test_build import PAGES
from tests.test_errors import edit

CSP = policy.HEADER


def configured_hosts() -> list[str]:
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load((support.ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["extra"]["embed_hosts"]


# --- the policy ------------------------------------------------------------------------------------

def test_policy_allows_only_this_site_and_no_inline_script():
    directives = dict(d.split(" ", 1) for d in policy.POLICY.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"  # no 'unsafe-inline', no 'unsafe-eval', no hashes
    assert "frame-ancestors" not in directives  # a <meta> ignores it (and the browser warns)
    assert not re.search(r"https?:|\*", policy.POLICY)
    assert policy.page_policy().endswith("; frame-ancestors 'none'")
    assert policy.embed_policy(["https://w.example"]).endswith("; frame-ancestors 'self' https://w.example")


@pytest.mark.parametrize("hosts, bad", [
    (["https://wiki.example.org", "http://127.0.0.1:8080", "https://*.sharepoint.com", "wiki.example.org"], []),
    ([], []),
    (["https://wiki example.org"], [0]), (["https://w.example.org/path"], [0]), (["*"], [0]),
    (["'none'"], [0]), (["https://w.example; script-src *"], [0]), (["ok.example", 42], [1]),
])
def test_embed_hosts_must_be_hosts(hosts, bad):
    problems = policy.host_problems(hosts)
    assert [int(re.search(r"\[(\d+)\]", p).group(1)) for p in problems] == bad
    assert all(p.startswith("mkdocs.yml: extra.embed_hosts[") for p in problems)
    assert policy.host_problems("https://wiki.example.org")  # one address, not a list


def test_integrity_is_sha384_in_base64():
    # The example of the Subresource Integrity spec's test suite: sha384 of "alert('Hello, world.');"
    assert policy.integrity(b"alert('Hello, world.');") == \
        "sha384-H8BRh8j48O9oYatfu5AZzq6A9RINhZO5H16dQZngK7T62em8MUt1FLm52t+eX6xO"


# --- the check -------------------------------------------------------------------------------------

@pytest.mark.parametrize("markup, found", [
    ("<script>alert(1)</script>", "inline <script>"),
    ('<script type="module">import "./x.js"</script>', "inline <script>"),
    ('<script type="text/javascript" src="">x()</script>', "inline <script>"),
    ("<svg><script>alert(1)</script></svg>", "inline <script>"),
    ('<button onclick="go()">Go</button>', "onclick= on <button>"),
    ("<img src=x OnError=alert(1)>", "onerror= on <img>"),
    ("<img/onerror=alert(1)>", "onerror= on <img>"),
    ('<a href="#"onmouseover="x()">a</a>', "onmouseover= on <a>"),
    ('<a href=" JavaScript:go()">a</a>', "javascript: URL in href="),
    ('<form action="javascript:go()"></form>', "javascript: URL in action="),
])
def test_inline_scripts_are_found(markup, found):
    [problem] = policy.inline_scripts("<p>text</p>\n" + markup)
    assert problem.startswith("line 2: ") and found in problem


@pytest.mark.parametrize("markup", [
    '<script src="x.js"></script>', '<script src="x.js" defer></script>',
    '<script id="__config" type="application/json">{"a": "<b onclick=x>"}</script>',
    '<p title="click on=here">on x = y</p>', "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>",
    "<!-- <script>alert(1)</script> -->", '<style>a[onclick="x"] { color: red }</style>',
    '<a href="javascript-guide/">guide</a>', '<p>javascript: a language</p>',
    '<img src="x/onerror=alert(1)">',
])
def test_what_is_not_an_inline_script(markup):
    assert policy.inline_scripts(markup) == []


def test_no_built_page_has_an_inline_script(built_site):
    pages = list(built_site.rglob("*.html"))
    assert len(pages) >= len(PAGES) + len(components.COMPONENTS) + 1  # and 404.html
    for page in pages:
        assert policy.inline_scripts(page.read_text(encoding="utf-8")) == [], page


def test_an_inline_script_fails_the_build_naming_the_page(tmp_path):
    project = support.copy_project(tmp_path / "project")
    edit(project / "content" / "faq.md", "\n# ", '\n<script>alert(1)</script>\n<button onclick="go()">Go</button>\n\n# ')
    result = support.build(tmp_path / "site", project)
    assert result.returncode != 0
    found = re.findall(r"^(?:ERROR +- +)?faq\.md \(built as faq/index\.html\): line \d+: (.*)$", result.stderr, re.M)
    assert len(found) == 2, result.stderr[-2000:]
    assert found[0].startswith("an inline <script>") and "onclick= on <button>" in found[1]
    assert all(x.endswith("the site's Content-Security-Policy (macros/publish/policy.py) runs no inline script")
               for x in found)
    assert "Traceback" not in result.stderr


def test_a_bad_embed_host_fails_the_build(tmp_path):
    project = support.copy_project(tmp_path / "project")
    edit(project / "mkdocs.yml", "    - https://example.sharepoint.com\n",
         "    - https://example.sharepoint.com\n    - \"https://x.example; script-src *\"\n")
    result = support.build(tmp_path / "site", project)
    assert result.returncode != 0
    assert "mkdocs.yml: extra.embed_hosts[2]: 'https://x.example; script-src *' is not a host" in result.stderr


# --- where it is written ---------------------------------------------------------------------------

@pytest.mark.parametrize("page", [*PAGES, "404.html", *(f"embed/{c.name}/" for c in components.COMPONENTS)])
def test_every_page_states_the_policy_first(html, page):
    head = html(page).head
    first = head.find_all("meta")[:2]
    assert first[0].get("charset") == "utf-8"
    assert first[1].get("http-equiv") == CSP and first[1]["content"] == policy.POLICY
    assert not head.find_all("script", limit=1) or head.find_all(["meta", "script"])[1] is first[1]


def test_headers_file_gives_every_file_exactly_one_policy(built_site):
    text = (built_site / policy.HEADERS_FILE).read_text(encoding="utf-8")
    rules = parse_headers(text)
    files = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file())
    embed_pages = {components.embed_dest(c.name) for c in components.COMPONENTS}
    assert text == policy.headers_file(policy.header_rules(
        files, [components.embed_url(c.name) for c in components.COMPONENTS], configured_hosts()))
    urls = ["/" + f for f in files if f != policy.HEADERS_FILE] + ["/", "/embed/"] + \
        [f"/{components.embed_url(c.name)}" for c in components.COMPONENTS] + [f"/{p}" for p in PAGES]
    for url in urls:
        policies = [value for name, value in headers_for(rules, url) if name == CSP]
        assert len(policies) == 1, (url, policies)
        original = re.sub(r"\.(?:gz|br)$", "", url)  # a compressed copy is its file, as sent
        is_embed = original.lstrip("/") in embed_pages or any(
            url == f"/{components.embed_url(c.name)}" for c in components.COMPONENTS)
        assert policies[0] == (policy.embed_policy(configured_hosts()) if is_embed else policy.page_policy()), url
        sent = headers_for(rules, url)
        assert all(header in sent for header in policy.SECURITY_HEADERS), url
        assert [v for n, v in sent if n == "X-Frame-Options"] == ([] if is_embed else ["DENY"]), url
    cors = {url for url in urls if ("Access-Control-Allow-Origin", "*") in headers_for(rules, url)}
    assert cors == {"/" + embeds.RESIZER}


def parse_headers(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """A `_headers` file as Netlify and Cloudflare Pages read it: a path, then its indented headers."""
    rules = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line[0] in " \t":
            name, _, value = line.strip().partition(": ")
            rules[-1][1].append((name, value))
        else:
            rules.append((line.strip(), []))
    return rules


def test_readme_quotes_the_policy():
    readme = (support.ROOT / "README.md").read_text(encoding="utf-8")
    quoted = re.findall(rf"^{CSP}: (.*)$", readme, re.M)
    assert quoted == [policy.page_policy(), policy.embed_policy(configured_hosts())]


def test_embed_page_quotes_the_policy(html):
    text = html("embed/").select_one("article").get_text()
    for value in (policy.page_policy(), policy.embed_policy(configured_hosts())):
        assert f"{CSP}: {value}" in text
    for name, value in policy.SECURITY_HEADERS:
        assert f"{name}: {value}" in text


def test_header_renderers_are_pure_and_escape_what_they_quote():
    """The Embed & export page's macros, without MkDocs: the headers as text, escaped for HTML."""
    from bs4 import BeautifulSoup
    hosts = ["https://wiki.example.org"]
    for html_text, wanted in [(embeds.security_headers(hosts), f"{CSP}: {policy.embed_policy(hosts)}"),
                              (embeds.nginx_headers(hosts, "https://x.example/"),
                               deploy.nginx_config(hosts, "https://x.example/", [c.name for c in components.COMPONENTS]))]:
        assert "'self'" not in html_text  # quotes escaped: &#39;
        codes = [c.get_text() for c in BeautifulSoup(html_text, "html.parser").select("pre > code")]
        assert wanted in codes


def test_make_serve_pages_lose_only_the_meta(built_site):
    page = (built_site / "compare" / "index.html").read_bytes()
    served = policy.without_meta(page)
    assert b'http-equiv="Content-Security-Policy"' in page and b"Content-Security-Policy" not in served
    assert len(page) - len(served) < 400 and served.lstrip().startswith(b"<!doctype html>")


# --- the nginx configuration (deploy/nginx/; served by the real nginx in tests/test_nginx.py) -------

def test_the_shipped_nginx_configuration_is_current():
    from tools import deploy as deploy_tool
    shipped = (support.ROOT / deploy.FILE).read_text(encoding="utf-8")
    assert shipped == deploy_tool.expected(), f"{deploy.FILE} is stale: run `make deploy` and commit it"


def test_embed_page_quotes_the_whole_nginx_configuration(html):
    shipped = (support.ROOT / deploy.FILE).read_text(encoding="utf-8")
    codes = [c.get_text() for c in html("embed/").select("article pre > code")]
    assert shipped in codes
    assert not [c for c in codes if "add_header" in c and c != shipped]  # no fragment besides it


def test_no_location_of_the_nginx_configuration_loses_a_header():
    """An add_header in a location replaces all those it would inherit: so the server block has none,
    and every location states the policy and every security header itself."""
    shipped = (support.ROOT / deploy.FILE).read_text(encoding="utf-8")
    locations = re.findall(r"^    location (.*?) \{\n(.*?)^    \}$", shipped, re.M | re.S)
    outside = re.sub(r"^    location .*? \{\n.*?^    \}$", "", shipped, flags=re.M | re.S)
    assert len(locations) == shipped.count("\n    location ") and not re.search(r"^\s*add_header", outside, re.M)
    for match, body in locations:
        sent = re.findall(r'^\s*add_header (\S+) "([^"]*)" always;$', body, re.M)
        names = [name for name, _ in sent]
        assert len(names) == len(set(names)), match
        assert set(policy.SECURITY_HEADERS) <= set(sent), match
        assert CSP in names and "Cache-Control" in names, match
