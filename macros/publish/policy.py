"""The site's Content Security Policy, written once. Every page's <meta>, the `_headers` file the build
writes next to the site (Netlify, Cloudflare Pages), the nginx configuration (publish/deploy.py,
deploy/nginx/) and the headers quoted on the Embed & export page and in the README come from here, and so does the check that keeps it true: a
built page may hold no inline script and no inline event handler (`inline_scripts`), because the
policy allows neither and a browser would refuse them without telling the reader.

Pure: text in, text out. The plugin (macros/plugin/hooks.py) applies it to the build.
"""
from __future__ import annotations

import base64
import hashlib
import re
from typing import Iterable

# Each directive, and why it says what it says.
DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),  # everything from this site and nothing from anywhere else
    # Script files of this site only: no inline script, no eval. Material's own inline scripts are
    # files too (overrides/partials/javascripts/, content/javascripts/material/).
    ("script-src", "'self'"),
    # Styles may be inline: pages carry style="" attributes (each option's colours, from its tone in
    # render/labels.py; the preview iframe), every diagram's SVG holds the <style> element mermaid
    # writes for it, and mermaid sets styles as it draws in the browser. Hashes of those would change
    # with every drawing. Inline CSS runs no script, and no data text lands in a style.
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),  # Material's icons are data: URLs in its style sheets
    ("object-src", "'none'"),     # no plugins
    ("base-uri", "'self'"),       # a <base href> may not point elsewhere (the embeds' <base target>)
    ("form-action", "'self'"),    # the helper's and the calculator's forms stay on the site
)
# The policy of every page: what a <meta http-equiv> can say. A <meta> ignores frame-ancestors (and
# browsers warn about it), so who may frame a page is said only in the HTTP header, below.
POLICY = "; ".join(f"{name} {value}" for name, value in DIRECTIVES)
HEADER = "Content-Security-Policy"
HEADERS_FILE = "_headers"  # written next to the site, for hosts that read it
# A browser refuses a cross-origin script whose integrity it must check (integrity=, with
# crossorigin="anonymous") unless the script's server allows CORS for it: wiki pages load this one
# so, from this site. No other file of the site is read from another origin by a script: embeds are
# iframes, and the embed page loads its own frame.js from its own origin.
CORS_FILES = ("assets/embed/resizer.js",)
CORS_HEADER = ("Access-Control-Allow-Origin", "*")

# Sent with every file besides the policy, whatever serves the site (nginx, `_headers`, a CDN), each
# with why. None of them changes what a reader sees.
SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    # Browsers that have once reached the site over HTTPS use nothing else for a year (a browser
    # ignores it over plain HTTP).
    ("Strict-Transport-Security", "max-age=31536000"),
    ("X-Content-Type-Options", "nosniff"),  # a file is only ever what its Content-Type says
    # Links to the sources tell their sites nothing of the intranet's addresses.
    ("Referrer-Policy", "same-origin"),
    # No page asks for a camera, a microphone, a location, a payment or a USB device.
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
)
# What older browsers, which ignore frame-ancestors, read instead: with every file but the embeds.
NO_FRAME = ("X-Frame-Options", "DENY")

# A CSP host-source as a wiki's address: scheme, host (a leading *. allowed) and port, no path.
_HOST = re.compile(r"(?:[a-z][a-z0-9+.-]*://)?(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::(?:[0-9]{1,5}|\*))?/?",
                   re.I)


# The policy's <meta> as overrides/main.html writes it.
_META = re.compile(rb'\s*<meta http-equiv="Content-Security-Policy" content="[^"]*">')


def without_meta(page: bytes) -> bytes:
    """A built page without the policy's <meta> (what `make serve` serves: see plugin/hooks.py)."""
    return _META.sub(b"", page, count=1)


def page_policy() -> str:
    """The header of every file but the embeds: the policy, and no page may frame it."""
    return f"{POLICY}; frame-ancestors 'none'"


def embed_policy(hosts: Iterable[str]) -> str:
    """The header of the embeds (/embed/<name>/): the wiki hosts may frame them, and this site
    itself (the previews on the Embed & export page)."""
    sources = " ".join(["'self'", *hosts])
    return f"{POLICY}; frame-ancestors {sources}"


def host_problems(hosts: object) -> list[str]:
    """What is wrong with mkdocs.yml's extra.embed_hosts, one line each."""
    if not isinstance(hosts, list):
        return [f"mkdocs.yml: extra.embed_hosts: expected a list of wiki addresses, got {hosts!r}"]
    out = []
    for index, host in enumerate(hosts):
        if not isinstance(host, str) or not _HOST.fullmatch(host):
            out.append(f"mkdocs.yml: extra.embed_hosts[{index}]: {host!r} is not a host such as "
                       "https://wiki.example.org (scheme, host and port; no path, quotes or spaces)")
    return out


def integrity(content: bytes) -> str:
    """Subresource Integrity of a file as served: sha384, base64."""
    return "sha384-" + base64.b64encode(hashlib.sha384(content).digest()).decode("ascii")


# --- the file servers read -----------------------------------------------------------------------

def header_rules(files: Iterable[str], embeds: Iterable[str], hosts: Iterable[str]
                 ) -> list[tuple[str, list[tuple[str, str]]]]:
    """(URL pattern, [(header, value)]) for every file of the built site (`files`: paths from the
    site root): the security headers for all, and each file matches exactly one pattern that sets
    the policy (and, but for the embeds, X-Frame-Options): in a `_headers`
    file every matching block applies, and two policies for one file would both be enforced, or
    one would replace the other, depending on the host. A pattern ending in * matches every path
    that starts with what comes before it; any other pattern matches only itself.

    `embeds` are the folders (or files, without directory URLs) of the embed pages, such as
    "embed/cheatsheet/". The site's top-level files and folders each get their own pattern, and so
    do the entries of embed/, so that no pattern reaches from a page into the embeds."""
    embeds = {e.rstrip("/") for e in embeds}
    page, embed = set(), set()
    for path in files:
        if path == HEADERS_FILE:
            continue
        top, _, rest = path.partition("/")
        if top == "embed" and rest:
            entry, _, inner = rest.partition("/")
            prefix = f"/embed/{entry}"
            target = embed if f"embed/{entry}" in embeds else page
        else:
            entry, inner, prefix, target = top, rest, f"/{top}", page
        if inner:
            target.add(prefix + "/*")
        else:
            target.add(prefix)
            if entry == "index.html":  # the folder's own address serves it too
                target.add(prefix.removesuffix("index.html"))
    page_value, embed_value = page_policy(), embed_policy(hosts)
    rules = [("/*", list(SECURITY_HEADERS))]
    rules += [(p, [(HEADER, page_value), NO_FRAME]) for p in sorted(page)]
    rules += [(p, [(HEADER, embed_value)]) for p in sorted(embed)]
    rules += [(f"/{f}", [CORS_HEADER]) for f in CORS_FILES]
    return rules


def headers_file(rules: list[tuple[str, list[tuple[str, str]]]]) -> str:
    """`_headers`, as Netlify and Cloudflare Pages read it."""
    lines = ["# Written by the build from macros/publish/policy.py; do not edit.",
             "# Every file matches exactly one block with a Content-Security-Policy: embeds may be framed by",
             "# the wiki hosts of mkdocs.yml (extra.embed_hosts), other pages by no one. All matching blocks",
             "# apply; the CORS header is for the resize script that wiki pages load with integrity=.", ""]
    for pattern, headers in rules:
        lines.append(pattern)
        lines += [f"  {name}: {value}" for name, value in headers]
    return "\n".join(lines) + "\n"


# --- the check -----------------------------------------------------------------------------------

# What an HTML parser reads as one unit: a comment, a script or style element (their content is not
# HTML), or, in _UNITS, any other start tag with its attributes (quoted values may hold ">").
_ATTRS = r"""((?:[^>"']|"[^"]*"|'[^']*')*)"""
_SCRIPTS = re.compile(r"<!--.*?-->|<(script|style)\b" + _ATTRS + r">(.*?)</\1\s*>", re.S | re.I)
_UNITS = re.compile(_SCRIPTS.pattern + r"|<([a-zA-Z][^\s/>]*)" + _ATTRS + ">", re.S | re.I)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
# Types a browser runs (HTML: none, a JavaScript MIME type, or "module"); any other is a data block.
_RUNS = {"", "module", "text/javascript", "application/javascript", "application/ecmascript",
         "application/x-ecmascript", "application/x-javascript", "text/ecmascript", "text/jscript",
         "text/livescript", "text/x-ecmascript", "text/x-javascript", "text/javascript1.0",
         "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
         "text/javascript1.5"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}
# Signs that a page may hold an event handler or a javascript: URL: only then is every tag read, which
# takes ten times as long. (Spelt out in both cases: faster than re.I.)
_SUSPECT = re.compile(r"[\s/\"'][oO][nN][a-zA-Z]+\s*=|[jJ][aA][vV][aA][sS][cC][rR][iI][pP][tT]:")


def _attributes(text: str) -> dict[str, str]:
    return {m.group(1).lower(): next((g for g in m.group(2, 3, 4) if g is not None), "")
            for m in _ATTRIBUTE.finditer(text)}


def inline_scripts(page_html: str) -> list[str]:
    """Every inline script of a built page, one line each, with its line number: a <script> without
    src that a browser would run, an on...= event-handler attribute, a javascript: URL. (JSON in a
    <script type="application/json"> is data, and fine.)"""
    found = []
    every_tag = _SUSPECT.search(page_html) is not None
    for unit in (_UNITS if every_tag else _SCRIPTS).finditer(page_html):
        element = unit.group(1) or (every_tag and unit.group(4))
        if not element:
            continue  # a comment
        attributes = _attributes(unit.group(2) if unit.group(1) else unit.group(5))
        element = element.lower()
        problems = []
        if element == "script" and not attributes.get("src", "").strip():
            if attributes.get("type", "").split(";")[0].strip().lower() in _RUNS:
                problems.append("an inline <script> (move its code to a file under content/javascripts/ "
                                "and load that with <script src>)")
        for attribute, value in attributes.items() if every_tag else ():
            if attribute.startswith("on"):
                problems.append(f"an event-handler attribute {attribute}= on <{element}> (add the "
                                "listener from a script file instead)")
            elif attribute in _URL_ATTRIBUTES and \
                    re.sub(r"[\x00-\x20]", "", value).lower().startswith("javascript:"):
                problems.append(f"a javascript: URL in {attribute}= on <{element}>")
        if problems:
            line = page_html.count("\n", 0, unit.start()) + 1
            found += [f"line {line}: {problem}" for problem in problems]
    return found
