"""The shipped nginx configuration (deploy/nginx/, publish/deploy.py), run by Debian's real nginx on a
loopback port against a fresh build (tools/nginx.py): every file of the site gets all of its
headers, pages, embeds, assets and a missing path alike (no add_header lost to a location); the
compressed responses decode to exactly the uncompressed ones; pages are checked on every use and
only fingerprinted files are kept; a missing path gets the site's 404 page; and in Chromium an embed
shows in a wiki on an allowed origin and nowhere else, while no other page shows in any frame."""
from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request

import brotli
import pytest

from macros.publish import components, deploy, embeds, policy
from tests import support
from tests.test_csp_browser import FRAMES, frame_shows, visit  # noqa: F401  (visit is a fixture)
from tests.test_embed_browser import script_code
from tests.test_policy import configured_hosts
from tools import nginx as nginx_tool

pytestmark = pytest.mark.skipif(nginx_tool.binary() is None, reason="nginx is not installed "
                                "(apt-get install nginx-light libnginx-mod-http-brotli-static; .ci/run does)")

EMBEDS = {f"/embed/{c.name}/" for c in components.COMPONENTS}
DECODE = {"gzip": gzip.decompress, "br": brotli.decompress}


@pytest.fixture(scope="module")
def nginx(built_site):
    with nginx_tool.serve(built_site) as running:
        yield running


def get(running, path: str, encoding: str | None = None, method: str = "GET"):
    """(status, headers, body as sent) of one request, no redirect followed."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None
    request = urllib.request.Request(running.url + path.lstrip("/"), method=method,
                                     headers={"Accept-Encoding": encoding or "identity"})
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def site_files(site) -> list[str]:
    return sorted("/" + p.relative_to(site).as_posix() for p in site.rglob("*")
                  if p.is_file() and p.suffix not in (".gz", ".br") and p.name != policy.HEADERS_FILE)


def is_embed(url: str) -> bool:
    return any(url.startswith(e) for e in EMBEDS)


def assert_headers(headers, url: str, hosts: list[str]) -> None:
    """Everything a file of the site must be sent with, each header once."""
    for name, value in policy.SECURITY_HEADERS:
        assert headers.get_all(name) == [value], (url, name)
    expected = policy.embed_policy(hosts) if is_embed(url) else policy.page_policy()
    assert headers.get_all(policy.HEADER) == [expected], url
    assert headers.get_all("X-Frame-Options") == (None if is_embed(url) else ["DENY"]), url
    cors = url in {f"/{f}" for f in policy.CORS_FILES}
    assert headers.get_all("Access-Control-Allow-Origin") == (["*"] if cors else None), url
    assert len(headers.get_all("Cache-Control") or []) == 1, url


def test_every_file_of_the_site_gets_all_its_headers(nginx, built_site):
    urls = site_files(built_site)
    assert "/" + embeds.RESIZER in urls and any(is_embed(u) for u in urls)
    for url in urls + ["/", "/compare/", "/embed/"] + sorted(EMBEDS):
        status, headers, _ = get(nginx, url, method="HEAD")
        assert status == 200, url
        assert_headers(headers, url, configured_hosts())


@pytest.mark.parametrize("path", ["/", "/hybrid-routing/", "/embed/cheatsheet/", "/embed/flowchart/?theme=dark",
                                  "/" + embeds.RESIZER, "/assets/embed/frame.js", "/exports/cheatsheet.csv",
                                  "/no-such-page/", "/assets/no-such-file.js", "/embed/no-such-embed/"])
@pytest.mark.parametrize("encoding", [None, "gzip", "br"])
def test_a_page_an_embed_an_asset_and_a_missing_path(nginx, built_site, path, encoding):
    """Each kind of response, in each encoding: its headers, and a missing path the site's own 404 page
    with the status 404."""
    status, headers, body = get(nginx, path, encoding)
    url = path.split("?")[0]
    assert_headers(headers, url, configured_hosts())
    missing = "no-such" in path
    assert status == (404 if missing else 200)
    file = built_site / ("404.html" if missing else url.lstrip("/") + ("index.html" if url.endswith("/") else ""))
    sent = headers.get("Content-Encoding")
    if encoding == "br" and not nginx.brotli:
        encoding = None
    assert sent == encoding
    assert (DECODE[sent](body) if sent else body) == file.read_bytes()
    assert "Accept-Encoding" in (headers.get("Vary") or "")


def test_compressed_and_uncompressed_are_the_same_after_decoding(nginx, built_site):
    for url in site_files(built_site):
        status, headers, plain = get(nginx, url)
        assert status == 200 and headers.get("Content-Encoding") is None, url
        assert plain == (built_site / url.lstrip("/")).read_bytes(), url
        for encoding in ("gzip", "br") if nginx.brotli else ("gzip",):
            status, headers, body = get(nginx, url, f"{encoding}, identity;q=0.5")
            if headers.get("Content-Encoding") is None:  # only binary files are sent as they are
                assert (built_site / (url.lstrip("/") + ".gz")).exists() is False, url
                continue
            assert headers.get("Content-Encoding") == encoding, url
            assert DECODE[encoding](body) == plain, (url, encoding)
            assert len(body) <= len(plain) + 64, (url, encoding)


def test_pages_are_checked_on_every_use_and_only_fingerprinted_files_kept(nginx, built_site):
    """A reader never gets a page of one release with scripts of another: whatever may be kept without
    asking (immutable) has a content hash in its name, which the next release changes; everything
    else, pages and the site's own scripts first, is checked each time (no-cache)."""
    kept = []
    for url in site_files(built_site) + ["/", "/compare/"]:
        _, headers, _ = get(nginx, url, method="HEAD")
        cache = headers.get("Cache-Control")
        if cache == deploy.CACHE_FOREVER:
            assert re.search(r"\.[0-9a-f]{8}\.min\.(js|css)(\.map)?$", url) and url.startswith("/assets/"), url
            kept.append(url)
        else:
            assert cache == "no-cache", url
    assert any(u.endswith(".css") for u in kept) and any(u.endswith(".js") for u in kept)
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert all(u.rsplit("/", 1)[1] in home for u in kept if "/workers/" not in u and not u.endswith(".map"))


def test_a_folder_without_its_slash_is_redirected_on_the_same_host(nginx):
    status, headers, _ = get(nginx, "/compare")
    assert status == 301 and headers["Location"] == "/compare/"
    assert_headers(headers, "/compare", configured_hosts())


def test_exports_are_text_a_browser_shows(nginx, built_site):
    for url in site_files(built_site):
        if url.startswith("/exports/"):
            _, headers, _ = get(nginx, url, method="HEAD")
            kind = headers.get("Content-Type")
            wanted = {".csv": "text/csv", ".json": "application/json", ".svg": "image/svg+xml"}.get(
                url[url.rindex("."):], "text/plain")
            assert kind.split(";")[0] == wanted, url
            assert "charset=utf-8" in kind or wanted == "image/svg+xml", url


def test_the_configuration_works_without_the_brotli_module(built_site, monkeypatch):
    monkeypatch.setattr(nginx_tool, "BROTLI_MODULE", nginx_tool.MODULES / "absent.so")
    with nginx_tool.serve(built_site) as running:
        assert not running.brotli and "brotli_static on;" not in running.config
        _, headers, body = get(running, "/", "br, gzip")
        assert headers.get("Content-Encoding") == "gzip"
        assert gzip.decompress(body) == (built_site / "index.html").read_bytes()
        assert_headers(headers, "/", configured_hosts())


# --- in Chromium ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def wiki(tmp_path_factory):
    """A wiki on its own origin (a second loopback port); its pages are written by the test."""
    folder = tmp_path_factory.mktemp("nginx-wiki")
    with support.serve(folder) as url:
        yield folder, url.rstrip("/")


@pytest.fixture(scope="module")
def nginx_for_wiki(built_site, wiki):
    """The shipped configuration with the wiki's origin as the one wiki host (its `set` line)."""
    with nginx_tool.serve(built_site, ancestors=deploy.ancestors([wiki[1]])) as running:
        yield running


def test_an_embed_shows_in_a_wiki_on_an_allowed_origin_only(visit, nginx_for_wiki, wiki, html, tmp_path):  # noqa: F811
    folder, host = wiki
    site = nginx_for_wiki.url
    _, headers, _ = get(nginx_for_wiki, "/embed/cheatsheet/")
    assert headers[policy.HEADER] == policy.embed_policy([host])
    code = script_code(html, components.BY_NAME["cheatsheet"], site).replace("<iframe ", '<iframe id="embed" ', 1)
    page_html = FRAMES.format(code=code, site=site)
    (folder / "frames.html").write_text(page_html)
    (tmp_path / "frames.html").write_text(page_html)

    first = components.BY_NAME["cheatsheet"].height
    page = visit(host + "/frames.html")
    # shown, and sized by the resize script, which ran: nginx sent it with CORS for its integrity=
    page.wait_for_function(f"() => document.getElementById('embed').getBoundingClientRect().height !== {first}",
                           timeout=15000)
    assert frame_shows(page, "embed", "table#cheatsheet")
    assert not frame_shows(page, "page", "table")  # a page of the site: frame-ancestors 'none'

    with support.serve(tmp_path) as stranger:  # an origin that is not one of the wiki hosts
        other = visit(stranger + "frames.html")
        other.wait_for_timeout(1500)
        assert not frame_shows(other, "embed", "table") and not frame_shows(other, "page", "table")
        assert any("frame-ancestors" in e for e in other.errors)
