"""Test-only helpers: decision trees as edge sets, to compare a drawn diagram with the data. What the
tests share with the tools (the project, its build, a local server, headless Chromium) lives in
tools/ and is re-exported here for the tests' convenience; tools never import tests."""
from __future__ import annotations

import re
import yaml

from tools.browser import (CHROMIUM_ARGS, OPEN_SHADOW, chromium_path, headers_for, launch, serve,  # noqa: F401
                           serve_handler, serve_with_headers)
from tools.project import QUIET_ENV, ROOT, build, copy_project, mkdocs, nav_pages, page_url  # noqa: F401


def mermaid_edges(source: str) -> set[tuple[str, str, str]]:
    """(from, label, to) of every edge line in mermaid flowchart source, boxes by their mermaid ids."""
    return set(re.findall(r'^\s*(\w+) -->(?:\|"([^"]*)"\|)? (\w+)\s*$', source, re.M))


_ENTITIES = {"quot": '"', "lt": "<", "gt": ">", "amp": "&"}


def _unescape(label: str) -> str:
    """A mermaid label as it reads: its #name; and #code; entities decoded."""
    return re.sub(r"#(\w+);", lambda m: _ENTITIES.get(m.group(1)) or chr(int(m.group(1))), label)


def mermaid_graph(source: str) -> set[tuple[str, str, str]]:
    """(from box's label, edge label, to box's label) of every edge of mermaid flowchart source."""
    boxes = {box: _unescape(label) for box, label in
             re.findall(r'^\s*(\w+)(?:\(\[|\{|\[)"([^"]*)"(?:\]\)|\}|\])\s*$', source, re.M)}
    return {(boxes[a], _unescape(label), boxes[b]) for a, label, b in mermaid_edges(source)}


def tree_graph(site, tree) -> set[tuple[str, str, str]]:
    """The edges a tree in data must be drawn with, by the labels a reader sees, from data alone (not
    from the renderer): the start box, questions, answers and outcomes."""
    nodes = {n.id: n for n in tree.nodes}
    criteria = site.by_id["criteria"]

    def label(record_id: str) -> str:
        return criteria[nodes[record_id].criterion].short if record_id in nodes else site.get("options", record_id).name

    answers = {c.id: {a.id: a.short for a in c.answers} for c in site.criteria.criteria}
    edges = {(tree.entry, "", label(tree.root))}
    for node in tree.nodes:
        for branch in node.branches:
            edges.add((label(node.id), answers[node.criterion][branch.answer], label(branch.next)))
    return edges


# --- the whole pipeline without MkDocs --------------------------------------------------------------

def macro_calls() -> list[tuple[str, tuple]]:
    """Every macro call the pages make, as (macro name, arguments), read from content/."""
    import ast
    calls = set()
    for page in sorted((ROOT / "content").rglob("*.md")):
        for name, args in re.findall(r"\{\{\s*([a-z_]+)\(([^)]*)\)\s*\}\}", page.read_text(encoding="utf-8")):
            calls.add((name, tuple(ast.literal_eval(f"({args},)")) if args.strip() else ()))
    return sorted(calls)


def render_everything(site) -> dict[str, str]:
    """What a build makes of `site`, short of MkDocs: every macro call of the pages (links resolved,
    citations numbered and glossary terms marked, as the plugin does), the embed boxes, and every export file."""
    from macros.publish import components, embeds, exports
    from macros.render import glossary, pages, reading, slots
    terms = glossary.Glossary.of(site.glossary.glossary)
    registry = {c.name: c for c in components.resolve(site)}
    out = {}
    for name, args in macro_calls():
        if name in pages.MACROS:
            kwargs = {"max_age_days": 365} if name == "freshness_table" else {}
            html = pages.MACROS[name](site, *args, **kwargs)
        elif name == "embed_catalogue":
            html = embeds.embed_catalogue(list(registry.values()), "../")
        elif name == "api_catalogue":
            html = embeds.api_catalogue(site, "../")
        elif name == "catalogue_summary":
            html = embeds.catalogue_summary(site, "../")
        elif name == "feed_links":
            from macros.publish import feeds
            html = feeds.feed_links(site, "../")
        elif name == "embed_snippets":
            html = embeds.embed_snippets(registry[args[0]], "https://example.org/", "../", integrity="sha384-x")
        elif name == "embed_preview":
            html = embeds.embed_preview(registry[args[0]], "../")
        elif name in ("security_headers", "nginx_headers"):
            html = getattr(embeds, name)(["https://wiki.example.org"])
        else:
            raise AssertionError(f"a page calls {name}(), which render_everything does not know")
        parts = []
        slots.extract(str(html), lambda part: parts.append(part) or "")
        ready = "".join(slots.prepare([str(html), *parts], lambda path, rest: "../x/" + rest))
        out[f"{name}{args}"] = reading.finish(ready, glossary=terms, sources=site.by_id["sources"],
                                              sources_href="../sources/", glossary_href="../glossary/").html
    for c in registry.values():
        out[f"control {c.name}"] = embeds.embed_control(c, "https://example.org/", "../", integrity="sha384-x")
    out.update(exports.files(site, "Site", "https://example.org/"))
    return out


# PyYAML's C parser and emitter, where it has them (tests read and write the large catalogue files
# many times; the pure-Python ones take seconds a file). Same safe types as safe_load/safe_dump.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def fast_load(text):
    return yaml.load(text, Loader=_LOADER)


def fast_dump(data, **options) -> str:
    return yaml.dump(data, Dumper=_DUMPER, **options)
