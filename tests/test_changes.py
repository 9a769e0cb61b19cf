"""What changed, and when: the What's new page, the latest changes on the home page, each record's
history and the Atom feeds, read as a reader and a feed reader would. Every check holds for whatever
the change log holds: it reads the data, never today's entries.

- The feeds: each is valid Atom 1.0 to a real feed parser (feedparser, no bozo), with stable ids, the
  entries' own dates (never the build's: a second build writes the same bytes) and links to the
  entries on the What's new page; one feed for every change, one per kind, one per record concerned.
- The page: latest first, one section per month, every entry with its kind, its values before and
  after, and links to the records it is about; the filter by kind in Chromium keeps its choice in the
  address.
- Discovery: the pages announce the feeds (<link rel="alternate" type="application/atom+xml">) and
  every one they announce exists.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import feedparser
import pytest

from macros.publish import feeds as atom
from macros.render import labels, links, pages, places
from tests import support
from tests.test_browser import visit  # noqa: F401  (fixture)


def latest_first(site) -> list:
    return sorted(site.changelog.changelog, key=lambda e: (e.date, e.id), reverse=True)


def concerned(site) -> set[tuple[str, str]]:
    return {(kind, rid) for e in site.changelog.changelog for kind, ids in e.concerns.items() for rid in ids}


def parsed(built_site: Path, path: str):
    feed = feedparser.parse((built_site / path).read_bytes())
    assert not feed.bozo, f"{path}: {feed.get('bozo_exception')}"
    assert feed.version == "atom10", path
    return feed


def written(built_site: Path) -> list[str]:
    return sorted(p.relative_to(built_site).as_posix() for p in (built_site / "feeds").rglob("*.atom"))


# --- the feeds ------------------------------------------------------------------------------------------

def test_there_is_a_feed_for_every_change_every_kind_and_every_record_concerned(built_site, site):
    from macros.publish.feeds import followed
    expected = {pages.feeds_path()}
    expected |= {pages.feeds_path(e.kind) for e in site.changelog.changelog}
    expected |= {pages.feeds_path(kind, rid) for kind, rid in concerned(site)}
    # ...and one for every record with a page of its own, empty until its first change
    own = [(kind, r.id) for kind in places.PLACES if places.own_pages(kind) for r in site.by_id[kind].values()
           if (built_site / links.page_url(places.page_of(kind, r.id)) / "index.html").exists()]
    assert own and set(own) == set(followed(site))
    expected |= {pages.feeds_path(kind, rid) for kind, rid in own}
    assert set(written(built_site)) == expected


def test_an_empty_feed_is_dated_by_its_record_and_leads_to_its_page(built_site, site):
    from macros.publish.feeds import followed
    quiet = [(kind, rid) for kind, rid in followed(site) if (kind, rid) not in concerned(site)]
    for kind, rid in quiet[:20]:
        feed = parsed(built_site, pages.feeds_path(kind, rid))
        assert feed.entries == []
        assert feed.feed.updated.startswith(site.get(kind, rid).reviewed.isoformat()), "the record's date, not the build's"
        page = links.page_url(places.page_of(kind, rid))
        assert any(l.rel == "alternate" and l.href.rstrip("/").endswith(page.rstrip("/")) for l in feed.feed.links)


def test_every_feed_is_atom_that_a_feed_reader_reads_without_complaint(built_site, site):
    entries = {e.id: e for e in site.changelog.changelog}
    for path in written(built_site):
        feed = parsed(built_site, path)
        assert feed.feed.title and feed.feed.id.startswith("urn:uuid:"), path
        assert not feed.entries or feed.feed.updated == max(e.updated for e in feed.entries), path
        for item in feed.entries:
            change_id = urlparse(item.link).fragment.removeprefix(places.PLACES["changelog"][1])
            change = entries[change_id]
            assert item.title == change.title
            assert item.updated == f"{change.date.isoformat()}T00:00:00Z", "an entry's own date, not the build's"
            assert item.tags[0].term == change.kind and item.tags[0].label == labels.CHANGE_KINDS[change.kind]
            if change.old is not None:
                assert change.old in item.summary and change.new in item.summary


def test_each_feed_holds_exactly_its_changes_latest_first(built_site, site):
    def ids(path):
        return [urlparse(e.link).fragment for e in parsed(built_site, path).entries]

    def anchors(changes):
        return [places.PLACES["changelog"][1] + e.id for e in changes]

    everything = latest_first(site)
    assert ids(pages.feeds_path()) == anchors(everything)
    for kind in {e.kind for e in everything}:
        assert ids(pages.feeds_path(kind)) == anchors([e for e in everything if e.kind == kind])
    for kind, rid in concerned(site):
        assert ids(pages.feeds_path(kind, rid)) == anchors([e for e in everything if rid in e.concerns.get(kind, [])])


def test_entry_ids_are_unique_per_change_and_the_same_in_every_feed(built_site):
    by_link: dict[str, str] = {}
    for path in written(built_site):
        for item in parsed(built_site, path).entries:
            assert item.id.startswith("urn:uuid:")
            assert by_link.setdefault(item.link, item.id) == item.id, "one change, one id, in every feed"
    assert len(set(by_link.values())) == len(by_link)


def test_every_link_of_a_feed_leads_to_a_page_and_an_entry_that_exist(built_site, html):
    for path in written(built_site):
        feed = parsed(built_site, path)
        for link in [*feed.feed.links, *(l for e in feed.entries for l in e.links)]:
            href = link.href
            if "://" in href:
                href = urlparse(href).path.lstrip("/") + ("#" + urlparse(href).fragment if urlparse(href).fragment else "")
            else:
                href = urljoin(path, href)
            target, _, anchor = href.partition("#")
            assert (built_site / target).exists() or (built_site / target / "index.html").exists(), (path, link.href)
            if anchor:
                assert html(target).find(id=anchor), (path, link.href)


def test_a_rebuild_writes_the_same_feeds_byte_for_byte(built_site, tmp_path):
    again = tmp_path / "site"
    result = support.build(again)
    assert result.returncode == 0, result.stderr[-2000:]
    assert written(again) == written(built_site)
    for path in written(built_site):
        assert (again / path).read_bytes() == (built_site / path).read_bytes(), path


def test_feed_text_is_escaped_and_reaches_the_reader_whole(site):
    """A title and values with XML's special characters come out of the feed reader as written."""
    import msgspec
    hostile = '<b>&amp; "quoted" & <script>alert(1)</script>'
    first = site.changelog.changelog[0]
    changed = msgspec.structs.replace(first, title=hostile, old=hostile, new="x < y")
    log = msgspec.structs.replace(site.changelog, changelog=[changed])
    edited = type(site)(**{**{f: getattr(site, f) for f in site.__dataclass_fields__}, "changelog": log})
    text = atom.feed(edited, "Site & <name>", "https://example.test/", "feeds/all.atom", "T <&>", [changed])
    feed = feedparser.parse(text.encode("utf-8"))
    assert not feed.bozo
    assert feed.entries[0].title == hostile
    assert hostile in feed.entries[0].summary and "x < y" in feed.entries[0].summary
    assert feed.feed.title == "T <&>" and feed.feed.author == "Site & <name>"


# --- the pages --------------------------------------------------------------------------------------------

PAGE = support.page_url(places.PLACES["changelog"][0])


def test_the_page_lists_every_change_latest_first_under_its_month(html, site):
    page = html(PAGE)
    shown = page.select(".ovc-change")
    assert [e["id"] for e in shown] == [places.PLACES["changelog"][1] + c.id for c in latest_first(site)]
    for element, change in zip(shown, latest_first(site)):
        month = element.find_previous("h2").get_text(" ", strip=True).rstrip("¶").strip()
        assert month == f"{labels.MONTHS[change.date.month - 1]} {change.date.year}"
        text = " ".join(element.get_text().split())  # inline markup (a glossary term) joins as written
        assert labels.CHANGE_KINDS[change.kind] in text and change.title in text
        if change.old is not None:
            assert change.old in text and change.new in text
        about = [a["href"] for a in element.select("a.ovc-change__record")]
        assert len(about) == sum(len(ids) for ids in change.concerns.values())


def test_each_change_links_to_the_records_it_is_about(html, site):
    for element in html(PAGE).select(".ovc-change"):
        for link in element.select("a.ovc-change__record"):
            target = urljoin("/" + PAGE, link["href"])
            path, _, anchor = target.lstrip("/").partition("#")
            assert html(path).find(id=anchor) if anchor else html(path), link["href"]


@pytest.mark.parametrize("kind", sorted(places.PLACES))
def test_every_record_has_its_anchor_on_the_page_that_shows_it(html, site, kind):
    page, prefix = places.PLACES[kind]
    if places.own_pages(kind):  # a page per record: each record's page is there
        for record in getattr(getattr(site, kind), kind):
            soup = html(support.page_url(places.page_of(kind, record.id)))
            assert prefix is None or soup.find(id=prefix + record.id), f"{kind} {record.id}: no anchor on its page"
        return
    soup = html(support.page_url(page))
    if prefix is not None:
        missing = [r.id for r in getattr(getattr(site, kind), kind) if not soup.find(id=prefix + r.id)]
        assert not missing, f"{page}: no anchor for {kind} {missing}"


def test_every_data_file_has_a_page(site):
    from macros.models import FILES
    assert set(FILES) == set(places.PLACES), "add the new data file to render/places.py"


def test_the_home_page_shows_the_latest_changes(html, site):
    shown = html("").select(".ovc-recent-changes li a")
    latest = latest_first(site)[:labels.RECENT_CHANGES]
    assert [a.get_text() for a in shown] == [c.title for c in latest]
    assert all(a["href"].split("#")[1] == places.PLACES["changelog"][1] + c.id for a, c in zip(shown, latest))


def test_a_records_history_is_exactly_its_changes(site):
    for kind, rid in concerned(site):
        text = pages.history(site, kind, rid)
        mine = [e for e in latest_first(site) if rid in e.concerns.get(kind, [])]
        assert re.findall(r'#change-([\w-]+)"', text) == [e.id for e in mine]
    first = site.options.options[0]
    if ("options", first.id) not in concerned(site):
        assert pages.history(site, "options", first.id) == ""
    with pytest.raises(ValueError, match="no record"):
        pages.history(site, "options", "no-such-option")


def test_pages_announce_their_feeds_and_each_exists(built_site, html, site):
    announced = 0
    for source in support.nav_pages():
        url = support.page_url(source)
        for link in html(url).select('head link[rel=alternate][type="application/atom+xml"]'):
            announced += 1
            target = urljoin("/" + url, link["href"]).lstrip("/")
            assert (built_site / target).is_file(), (url, link["href"])
            assert link.get("title")
    home = {urljoin("/", link["href"]).lstrip("/")
            for link in html("").select('head link[type="application/atom+xml"]')}
    assert pages.feeds_path() in home
    assert announced


def test_the_filter_shows_one_kind_and_keeps_it_in_the_address(visit, site):
    kinds = [k for k in labels.CHANGE_KINDS if any(e.kind == k for e in site.changelog.changelog)]
    page = visit(PAGE)
    page.wait_for_selector(".ovc-change-filter:not([hidden])")
    kind = kinds[-1]
    page.click(f'.ovc-change-filter a[data-kind="{kind}"]')
    visible = page.eval_on_selector_all(".ovc-change", "els => els.filter(e => !e.hidden).map(e => e.dataset.kind)")
    assert visible and set(visible) == {kind}
    assert f"kind={kind}" in page.url
    status = page.text_content(".ovc-change-filter__status")
    assert str(len(visible)) in status
    again = visit(f"{PAGE}?kind={kind}")
    again.wait_for_selector(".ovc-change-filter:not([hidden])")
    assert again.eval_on_selector_all(".ovc-change", "els => els.filter(e => !e.hidden).length") == len(visible)
    everything = visit(f"{PAGE}?kind=no-such-kind")
    everything.wait_for_selector(".ovc-change-filter:not([hidden])")
    assert everything.eval_on_selector_all(".ovc-change", "els => els.filter(e => !e.hidden).length") == \
        len(site.changelog.changelog)
