"""oEmbed (https://oembed.com, version 1.0) for the embeds: a wiki or chat that unfurls a link (Notion
through Iframely, WordPress, Discourse and others that speak it) finds, in the head of a component's
page or of its embed page, a <link rel="alternate" type="application/json+oembed"> to
/oembed/<component>.json, and shows the iframe that file gives. The files are static, so they
answer every request alike: `maxwidth` and `maxheight` are not honoured, and the iframe takes the
width it is given (100%).

Pure: components in, files out. The build writes them (plugin/build.py) and the pages' links come
from `links` (plugin/hooks.py, overrides/main.html).
"""
from __future__ import annotations

import json

from .components import Component
from .embeds import iframe

VERSION = "1.0"
TYPE = "application/json+oembed"
WIDTH = 800  # px: what the spec requires a rich type to state; the iframe itself is 100% wide


def path(name: str) -> str:
    return f"oembed/{name}.json"


def response(component: Component, provider: str, origin: str) -> dict:
    """The oEmbed response of one component (`component` from resolve(): its title a string)."""
    return {"version": VERSION, "type": "rich", "title": component.title, "provider_name": provider,
            "provider_url": origin, "html": iframe(component, origin), "width": WIDTH,
            "height": component.height}


def files(components: list[Component], provider: str, origin: str) -> dict[str, str]:
    """/oembed/<name>.json for every component; none without an absolute address (site_url): a
    consumer reads the file from elsewhere, and a relative iframe address would lead nowhere."""
    if "://" not in origin:
        return {}
    return {path(c.name): json.dumps(response(c, provider, origin), ensure_ascii=False, indent=1) + "\n"
            for c in components}


def links(components: list[Component], page_src: str, embed: str | None, origin: str) -> list[str]:
    """The discovery addresses for a page: those of the components it shows (by its source path),
    or, for an embed page, its own component's."""
    if "://" not in origin:
        return []
    return [origin + path(c.name) for c in components
            if (c.name == embed if embed else c.page == page_src)]
