"""The nginx configuration that serves the built site (deploy/nginx/, written by `make deploy`; quoted
whole on the Embed & export page): the headers of policy.py, the copies the build compressed ahead
of time (compress.py), cache lifetimes and the site's 404 page.

An `add_header` in a location replaces every `add_header` the location would inherit from the server
block, silently. So the server block has none, and each location states the complete list of its
headers: none can be lost, and the list each file gets is in one place. Pure: text out.
"""
from __future__ import annotations

from typing import Iterable
from urllib.parse import urlsplit

from . import policy

# Material's fingerprinted assets (a hash of the content in the name: bundle.a5f9d56c.min.js, its
# source map): a new release has a new name, so they may be kept for a year, unchecked. Every
# other file (pages, the site's own scripts, mermaid, the exports) is checked each time it is used
# (no-cache: a 304 when unchanged), so that a page and its scripts never come from two releases.
FINGERPRINTED = r"^/assets/.+\.[0-9a-f]{8}\.min\.(?:js|css)(?:\.map)?$"
CACHE_FOREVER = "public, max-age=31536000, immutable"
CACHE_REVALIDATE = "no-cache"
ROOT = "/srv/open-vs-closed-ai-models/site"  # where the built site/ is copied: the line to adapt
FILE = "deploy/nginx/open-vs-closed-ai-models.conf"
# The variable that holds the embeds' frame-ancestors: the one line to change for other wikis.
ANCESTORS = "$ovc_frame_ancestors"
# The types of the exports (a `types` block replaces nginx's whole mime.types in its location, so it
# names every suffix the folder has; Debian's mime.types lacks .md, .mmd and .csv): Markdown,
# Mermaid and Confluence markup are text a browser shows as it is.
EXPORTS_TYPES = (("text/plain", "md mmd txt"), ("text/csv", "csv"), ("application/json", "json"),
                 ("image/svg+xml", "svg"))
TEXT_TYPES = ("text/css", "text/plain", "text/xml", "text/csv", "application/javascript",
              "application/json", "image/svg+xml", "application/xml")


def _q(value: str) -> str:
    """A value as an nginx string: in double quotes (the policy's values hold single quotes and
    semicolons, which are plain characters there; a $ starts a variable, ours only)."""
    if any(c in value for c in '"\\\n') or "$" in value.replace(ANCESTORS, ""):
        raise ValueError(f"cannot quote {value!r} for nginx")
    return f'"{value}"'


def _headers(*, embed: bool = False, cache: str = CACHE_REVALIDATE, cors: bool = False) -> list[tuple[str, str]]:
    policy_value = (f"{policy.POLICY}; frame-ancestors {ANCESTORS}" if embed else policy.page_policy())
    out = [(policy.HEADER, policy_value), *policy.SECURITY_HEADERS]
    if not embed:
        out.append(policy.NO_FRAME)
    if cors:
        out.append(policy.CORS_HEADER)
    out.append(("Cache-Control", cache))
    return out


def _location(match: str, why: str, headers: list[tuple[str, str]], extra: Iterable[str] = ()) -> str:
    lines = [f"    # {why}", f"    location {match} {{"]
    lines += [f"        {line}" for line in extra]
    lines += [f"        add_header {name} {_q(value)} always;" for name, value in headers]
    return "\n".join(lines + ["    }"])


def ancestors(hosts: Iterable[str]) -> str:
    """The embeds' frame-ancestors: this site (the previews) and the wikis."""
    return " ".join(["'self'", *hosts])


def nginx_config(hosts: list[str], site_url: str, embeds: list[str]) -> str:
    """The server block for the site published at `site_url`, whose embeds (component names) may be
    framed by `hosts` (mkdocs.yml extra.embed_hosts)."""
    problems = policy.host_problems(hosts)
    if problems:
        raise ValueError("; ".join(problems))
    server_name = urlsplit(site_url).hostname or "_"
    names = "|".join(embeds)  # kebab-case names (components.problems)
    resizer = policy.CORS_FILES
    locations = [
        _location("/", "Pages and every file not named below: checked each time (a 304 when unchanged).",
                  _headers(), ["try_files $uri $uri/ =404;"]),
        _location(f'~ "{FINGERPRINTED}"', "Material's fingerprinted assets: a new release has new names.",
                  _headers(cache=CACHE_FOREVER)),
        _location(f"~ ^/embed/(?:{names})/", "The embeds (not /embed/ itself): the wikis may frame them; no "
                  "X-Frame-Options.", _headers(embed=True)),
        *(_location(f"= /{file}", "The resize script: wikis load it with integrity=, so with CORS.",
                    _headers(cors=True)) for file in resizer),
        _location("/exports/", "Markdown, Mermaid and Confluence markup, shown as text; CSV, JSON and SVG.",
                  _headers(), ["types { " + " ".join(f"{t} {s};" for t, s in EXPORTS_TYPES) + " }",
                               "default_type text/plain;"]),
    ]
    return "\n".join([
        "# Open vs Closed AI Models: the nginx server block. Written by `make deploy` from",
        "# macros/publish/deploy.py and policy.py (the headers) and mkdocs.yml (site_url, extra.embed_hosts);",
        "# do not edit the headers here: a test holds this file to them. Put it in /etc/nginx/conf.d/ (or",
        "# sites-enabled/), set `root` to the built site/ and add your TLS lines; the wikis that may frame",
        "# the embeds are the one `set` line below (extra.embed_hosts, then `make deploy`).",
        "server {",
        "    listen 80;",
        "    # listen 443 ssl; ssl_certificate /etc/ssl/...; ssl_certificate_key /etc/ssl/...;",
        f"    server_name {server_name};",
        f"    root {ROOT};",
        "    index index.html;",
        "    error_page 404 /404.html;  # the site's own page, with the status 404",
        "    absolute_redirect off;     # /compare -> /compare/ whatever the host or port in front",
        "    server_tokens off;",
        "    charset utf-8;",
        f"    charset_types {' '.join(TEXT_TYPES)};",
        "",
        "    # The build wrote <file>.gz and <file>.br beside every text file: sent as they are, with",
        "    # `Vary: Accept-Encoding`. brotli_static needs ngx_brotli (Debian: libnginx-mod-http-brotli-static);",
        "    # without it, delete that line and gzip_static serves the .gz copies.",
        "    gzip_static on;",
        "    brotli_static on;",
        "    gzip_vary on;",
        "    gzip on;  # any text file the build did not compress",
        f"    gzip_types {' '.join(TEXT_TYPES)};",
        "",
        "    # Who may frame the embeds: this site and the wikis of extra.embed_hosts.",
        f"    set {ANCESTORS} {_q(ancestors(hosts))};",
        "",
        "    # Headers: an add_header in a location replaces all those of the server block, so there are",
        "    # none here, and each location sends its complete list. Add a header of your own to each.",
        "\n\n".join(locations),
        "}",
        "",
    ])
