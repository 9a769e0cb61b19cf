"""Test-only helpers: decision trees as edge sets, to compare a drawn diagram with the data. What the
tests share with the tools (the project, its build, a local server, headless Chromium) lives in
tools/ and is re-exported here for the tests' convenience; tools never import tests."""
from __future__ import annotations

import re

from tools.browser import (CHROMIUM_ARGS, OPEN_SHADOW, chromium_path, headers_for, launch, serve,  # noqa: F401
                           serve_handler, serve_with_headers)
from tools.project import QUIET_ENV, ROOT, build, copy_project, mkdocs, nav_pages, page_url  # noqa: F401


def mermaid_edges(source: str) -> set[tuple[str, str, str]]:
    """(from, label, to) of every edge line in mermaid flowchart source."""
    return set(re.findall(r'^\s*(\w+) -->(?:\|"([^"]*)"\|)? (\w+)\s*$', source, re.M))


def tree_edges(site, tree_id: str) -> set[tuple[str, str, str]]:
    """The edges a tree in data must produce, computed from data alone (not from the renderer)."""
    tree = site.get("trees", tree_id)
    nodes = {n.id for n in tree.nodes}
    answers = {c.id: {a.id: a.short for a in c.answers} for c in site.criteria.criteria}

    def mid(prefix: str, record_id: str) -> str:
        return f"{prefix}_{record_id.replace('-', '_')}"

    edges = {("start", "", mid("n", tree.root))}
    for node in tree.nodes:
        for branch in node.branches:
            target = mid("n" if branch.next in nodes else "o", branch.next)
            edges.add((mid("n", node.id), answers[node.criterion][branch.answer], target))
    return edges
