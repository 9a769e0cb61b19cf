"""Atom 1.0 feeds (RFC 4287) of the change log: one for every change, one per kind of change and one
per record that has changes. Pure: the validated data in, the feeds' text out, by path under the site.

Every date is an entry's own (never the day of the build), every id is derived from an entry's or a
feed's id, and the entries are in a fixed order: a rebuild writes the same bytes.
"""
from __future__ import annotations

import uuid
from xml.etree import ElementTree as ET

from ..models import Site
from ..render import labels, links, places
from ..render.pages import feeds_path, latest_changes

ATOM = "http://www.w3.org/2005/Atom"
# The namespace of the feeds' and entries' ids (urn:uuid:...): the same whatever the site's address.
_IDS = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/open-vs-closed-ai-models/changelog")


def _id(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_IDS, name)}"


def _stamp(day) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def feed(site: Site, site_name: str, origin: str, path: str, title: str, entries: list, since=None,
         home: str | None = None) -> str:
    """One feed at `path` (under the site root) of `entries`, its links under `origin` (the site's
    address ending in /, or a relative way to the root from the feed's folder). An empty feed is
    `updated` at `since` (its record's review date: never the build's). `home` is the page the feed
    belongs to (a page source), the What's new page unless given."""
    page = links.page_url(places.PLACES["changelog"][0])
    belongs = links.page_url(home) if home else page
    root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "en"})
    _sub(root, "id", _id(path))
    _sub(root, "title", title)
    _sub(root, "updated", _stamp(max(e.date for e in entries) if entries else since))
    _sub(_sub(root, "author"), "name", site_name)
    _sub(root, "link", rel="self", type="application/atom+xml", href=origin + path)
    _sub(root, "link", rel="alternate", type="text/html", href=origin + belongs)
    for entry in entries:
        item = _sub(root, "entry")
        _sub(item, "id", _id(f"changelog/{entry.id}"))
        _sub(item, "title", entry.title)
        _sub(item, "updated", _stamp(entry.date))
        _sub(item, "published", _stamp(entry.date))
        _sub(item, "link", rel="alternate", type="text/html",
             href=f"{origin}{page}#{places.PLACES['changelog'][1]}{entry.id}")
        _sub(item, "category", term=entry.kind, label=labels.CHANGE_KINDS[entry.kind])
        _sub(item, "summary", summary(site, entry), type="text")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def summary(site: Site, entry) -> str:
    """An entry's text for a feed reader: what changed, the values before and after, what it is about."""
    parts = [links.plain(entry.summary)] if entry.summary else []
    if entry.old is not None:
        parts.append(f"Before: {entry.old}. Now: {entry.new}.")
    about = [places.name(site, kind, rid) for kind, ids in entry.concerns.items() for rid in ids]
    parts.append("About: " + ", ".join(about) + ".")
    return " ".join(parts)


def feeds(site: Site, site_name: str, origin: str) -> dict[str, str]:
    """Every feed by its path under the site. `origin` is the site's address ending in / (mkdocs.yml
    site_url); without one, links are relative to each feed's own folder."""
    entries = latest_changes(site)
    wanted: dict[str, tuple] = {feeds_path(): (f"{site_name}: what's new", entries, None, None)}
    for kind, label in labels.CHANGE_KINDS.items():
        if chosen := [e for e in entries if e.kind == kind]:
            wanted[feeds_path(kind)] = (f"{site_name}: {label.lower()}", chosen, None, None)
    concerned = {(kind, rid) for e in entries for kind, ids in e.concerns.items() for rid in ids}
    for kind, rid in sorted(concerned | set(followed(site))):
        chosen = [e for e in entries if rid in e.concerns.get(kind, [])]
        wanted[feeds_path(kind, rid)] = (f"{site_name}: {places.name(site, kind, rid)}", chosen,
                                         None if chosen else site.get(kind, rid).reviewed,
                                         places.page_of(kind, rid))
    out = {}
    for path, (title, chosen, since, home) in wanted.items():
        here = origin if "://" in origin else "../" * path.count("/")
        out[path] = feed(site, site_name, here, path, title, chosen, since, home)
    return out


def followed(site: Site) -> list[tuple[str, str]]:
    """(data file, id) of every record with a page of its own (a model, a licence): each has a feed
    from the start, empty until its first change, so that a reader can follow it before anything
    changes."""
    from ..render.catalogue import own_pages
    return [(kind, r.id) for kind, records in own_pages(site).items() if places.own_pages(kind) for r in records]


def discovery(site: Site, page_src: str, root: str) -> list[tuple[str, str]]:
    """(title, href) of the feeds a page announces in its <head> (<link rel="alternate">): the What's
    new page and the home page, the feed of every change and one per kind of change."""
    entries = latest_changes(site)
    out = []
    if page_src in (places.PLACES["changelog"][0], "index.md"):
        out.append(("What's new", root + feeds_path()))
        out += [(labels.CHANGE_KINDS[k], root + feeds_path(k)) for k in labels.CHANGE_KINDS
                if any(e.kind == k for e in entries)]
    # A record's own page: its feed, changes or not; a page that shows records with changes: each
    # such record's own feed.
    seen = set()
    own = places.record_of(page_src)  # a generated page exists only for a followed record
    if own is not None and own[1] in site.by_id.get(own[0], {}):
        seen.add(own)
        out.append((places.name(site, *own), root + feeds_path(*own)))
    for entry in entries:
        for kind, ids in entry.concerns.items():
            for rid in ids:
                if kind != "changelog" and places.page_of(kind, rid) == page_src and (kind, rid) not in seen:
                    seen.add((kind, rid))
                    out.append((places.name(site, kind, rid), root + feeds_path(kind, rid)))
    return out


def feed_links(site: Site, root: str) -> str:
    """The feeds as links, for the What's new page. `root` is the way from the page to the site root."""
    from ..render.env import render_template
    entries = site.changelog.changelog
    kinds = [(feeds_path(k), label.lower()) for k, label in labels.CHANGE_KINDS.items()
             if any(e.kind == k for e in entries)]
    return render_template("feed_links.html.j2", root=root, all=feeds_path(), kinds=kinds)
