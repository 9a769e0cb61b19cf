"""oEmbed for wiki unfurlers (publish/oembed.py): every embeddable component has /oembed/<name>.json, a
valid oEmbed 1.0 rich response whose iframe shows that component's embed page, and its page and its
embed page name that file in a discovery <link>; no other page names one."""
from __future__ import annotations

import json
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from macros.publish import components, oembed
from tests import support
from tools.project import mkdocs_config

# oEmbed 1.0 (https://oembed.com, section 2.3.4): the fields of a response, and those a rich one needs.
REQUIRED = {"type", "version", "html", "width", "height"}
OPTIONAL = {"title", "author_name", "author_url", "provider_name", "provider_url", "cache_age",
            "thumbnail_url", "thumbnail_width", "thumbnail_height"}
DISCOVERY = 'link[rel="alternate"][type="application/json+oembed"]'


def published() -> str:
    return mkdocs_config()["site_url"]


def local_path(url: str) -> str:
    """A URL of the published site as a path of the built one."""
    assert url.startswith(published()), url
    return urlsplit(url).path[len(urlsplit(published()).path):]


def test_every_component_has_a_valid_oembed_response(built_site, html):
    config = mkdocs_config()
    found = sorted(p.name for p in (built_site / "oembed").glob("*.json"))
    assert found == sorted(f"{c.name}.json" for c in components.COMPONENTS)
    for c in components.COMPONENTS:
        data = json.loads((built_site / oembed.path(c.name)).read_text(encoding="utf-8"))
        assert REQUIRED <= set(data) <= REQUIRED | OPTIONAL, c.name
        assert data["version"] == "1.0" and data["type"] == "rich"
        assert all(isinstance(data[k], int) and not isinstance(data[k], bool) and data[k] > 0
                   for k in ("width", "height"))
        assert data["provider_name"] == config["site_name"] and data["provider_url"] == published()
        embed_page = html(components.embed_url(c.name))
        assert data["title"] and embed_page.title.get_text().startswith(data["title"])
        # the html is one iframe, nothing else, showing this component's embed page
        fragment = BeautifulSoup(data["html"], "html.parser")
        [frame] = fragment.find_all(True)
        assert frame.name == "iframe" and frame["title"] == data["title"]
        target = local_path(frame["src"].split("?")[0])
        assert target == components.embed_url(c.name)
        assert html(target).select_one("[data-ovc-embed]")["data-ovc-embed"] == c.name
        assert frame["height"] == str(data["height"])


def discovery(html, path: str) -> list[str]:
    return [link["href"] for link in html(path).head.select(DISCOVERY)]


def test_component_pages_and_embed_pages_name_their_oembed_files(html, built_site):
    shown_on = {}
    for c in components.COMPONENTS:
        shown_on.setdefault(support.page_url(c.page), []).append(c.name)
        assert discovery(html, components.embed_url(c.name)) == [published() + oembed.path(c.name)]
    for page in support.nav_pages():
        url = support.page_url(page)
        hrefs = discovery(html, url)
        assert hrefs == [published() + oembed.path(n) for n in shown_on.get(url, [])], url
        for href in hrefs:
            assert (built_site / local_path(href)).is_file(), href
    assert discovery(html, "404.html") == []


def test_the_browser_fetches_nothing_for_the_discovery_links(browser, base_url, html):
    """Material fetches a sitemap.xml beside every <link rel="alternate"> (its language switcher): for
    a discovery link, /oembed/sitemap.xml at site_url, another server wherever the site is served from
    elsewhere. The links are for wikis reading the HTML; the live page drops them first."""
    component = components.BY_NAME["cheatsheet"]
    for path in (support.page_url(component.page), components.embed_url(component.name)):
        assert discovery(html, path)  # in the HTML the wikis read
        page = browser.new_page()
        requested, errors = [], []
        page.on("request", lambda request: requested.append(request.url))
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.goto(base_url + path, wait_until="networkidle")
        page.wait_for_timeout(300)
        left = page.evaluate(f"document.querySelectorAll('{DISCOVERY}').length")
        page.close()
        assert left == 0 and errors == [], (path, errors)
        assert all(url.startswith(base_url) or url.startswith("data:") for url in requested), path
        assert not [url for url in requested if url.endswith("sitemap.xml")], path
