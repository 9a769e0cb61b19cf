"""Exports: the registry's components and the data files as files for wikis, spreadsheets and scripts.

Pure: `files()` returns {path under the site: text}; the glue (macros/plugin/) writes them after
the build. Every table export is written from the same rows (tables.Table) by the one writer per
format below; the flowchart export is the very mermaid source the page draws.
"""
from __future__ import annotations

import json

import msgspec

from ..data.schema import committed_text
from ..models import FILES, Site
from ..render import escape, links
from . import feeds
from .components import Component, embed_url, export_path, page_url, resolve
from . import tables
from .tables import Table

API = "api/v1"
CATALOGUE_CSV = "exports/catalogue.csv"  # every model of the catalogue, one row each


# --- one writer per format ------------------------------------------------------------------------

def gfm_table(table: Table, origin: str = "") -> str:
    """GitHub-flavoured Markdown table; every cell through escape.gfm_cell (one line, escaped), a
    prose cell's links as Markdown links to their full address under `origin`."""
    def cell(value):
        return links.gfm(value, origin) if isinstance(value, links.Prose) else escape.gfm_cell(value)
    lines = ["| " + " | ".join(escape.gfm_cell(c) for c in table.columns) + " |",
             "|" + "---|" * len(table.columns)]
    lines += ["| " + " | ".join(map(cell, row)) + " |" for row in table.rows]
    return "\n".join(lines) + "\n"


def csv_text(table: Table, origin: str = "") -> str:
    """RFC 4180 CSV with a header row, CRLF line ends; each field through escape.csv_field, so no
    cell is read as a formula and the table's numeric columns stay numbers; a link as its label and
    its full address."""
    def cell(value, number):
        return escape.csv_field(links.spreadsheet(value, origin) if isinstance(value, links.Prose) else value,
                                number)
    numeric = [c in table.numeric for c in table.columns]
    lines = [",".join(escape.csv_field(c) for c in table.columns)]
    lines += [",".join(cell(c, n) for c, n in zip(row, numeric)) for row in table.rows]
    return "\r\n".join(lines) + "\r\n"


def confluence_table(table: Table, origin: str = "") -> str:
    """Confluence wiki markup (Insert > Markup > Confluence wiki): ||heading|| then |cell| rows; a
    link as [label|address]."""
    def cell(value):
        return links.confluence(value, origin) if isinstance(value, links.Prose) else escape.confluence(value)
    lines = ["||" + "||".join(escape.confluence(c) for c in table.columns) + "||"]
    lines += ["|" + "|".join(map(cell, row)) + "|" for row in table.rows]
    return "\n".join(lines) + "\n"


def markdown_document(component: Component, site: Site, site_name: str, origin: str) -> str:
    """A component as a wiki page: heading, the table or the mermaid diagram, and where it came from."""
    parts = [f"# {escape.gfm_cell(component.title)}", ""]
    if component.diagram:
        svg = export_path(component.name, "svg").split("/")[-1]
        parts += ["```mermaid", component.diagram(site).rstrip("\n"), "```", "",
                  f"Wiki without mermaid? Use the picture [{svg}]({origin}{export_path(component.name, 'svg')})."]
    if component.table:
        parts.append(gfm_table(component.table(site), origin).rstrip("\n"))
    parts += ["", f"From [{escape.gfm_cell(site_name)}]({origin}{page_url(component.page)}), "
                  "generated from its data; each row names its sources and review date."]
    return "\n".join(parts) + "\n"


# --- data -----------------------------------------------------------------------------------------

def dataset(site: Site, name: str) -> dict:
    """A data file as JSON: the validated records, in the shape its schema describes."""
    return _without_none(msgspec.to_builtins(getattr(site, name)))


def _without_none(value):
    """An optional field left out is absent from the JSON, as in the YAML, rather than null."""
    if isinstance(value, dict):
        return {key: _without_none(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_without_none(item) for item in value]
    return value


def api_index(site: Site) -> dict:
    return {
        "version": 1,
        "description": "Every data file of the site as JSON, each with its JSON Schema. URLs are "
                       "relative to this index.",
        "datasets": [{"name": name, "url": f"{name}.json", "schema": f"{name}.schema.json",
                      "records": len(getattr(getattr(site, name), name))} for name in FILES],
        # The datasets the model catalogue is imported from, credited as their licences ask.
        "credits": [{"dataset": d.name, "repository": d.repository, "commit": d.commit,
                     "date": d.date.isoformat(), "licence": d.licence, "licence_url": d.licence_url,
                     "credit": links.plain(d.credit), **({"citation": d.citation} if d.citation else {})}
                    for d in site.datasets.datasets],
    }


def _json(value) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def _component(site: Site, name: str, site_name: str, origin: str) -> dict[str, str]:
    """One component's files: its wiki page, its table as CSV and Confluence, its diagram's source."""
    c = next(c for c in resolve(site) if c.name == name)
    out: dict[str, str] = {}
    if c.table or c.diagram:
        out[export_path(c.name, "md")] = markdown_document(c, site, site_name, origin)
    if c.table:
        table = c.table(site)
        out[export_path(c.name, "csv")] = csv_text(table, origin)
        out[export_path(c.name, "confluence.txt")] = confluence_table(table, origin)
    if c.diagram:
        out[export_path(c.name, "mmd")] = c.diagram(site)
    return out


def _catalogue(site: Site, _: str, site_name: str, origin: str) -> dict[str, str]:
    return {CATALOGUE_CSV: csv_text(tables.catalogue(site), origin)}


def _dataset(site: Site, name: str, site_name: str, origin: str) -> dict[str, str]:
    return {f"{API}/{name}.json": _json(dataset(site, name))}


def _api_index(site: Site, _: str, site_name: str, origin: str) -> dict[str, str]:
    return {f"{API}/index.json": _json(api_index(site))}


def _feeds(site: Site, _: str, site_name: str, origin: str) -> dict[str, str]:
    return feeds.feeds(site, site_name, origin)


def _exports_index(site: Site, _: str, site_name: str, origin: str) -> dict[str, str]:
    return {"exports/index.json": _json({
        "components": [{"name": c.name, "title": c.title, "embed": embed_url(c.name),
                        "page": page_url(c.page),
                        "files": [export_path(c.name, s) for s in c.exports]} for c in resolve(site)],
        "catalogue": {"title": tables.CATALOGUE_TITLE, "files": [CATALOGUE_CSV]}})}


def parts(site: Site) -> list[tuple]:
    """The exports made from the data, in parts that read different data: each (part, argument), and
    part(site, argument, site_name, origin) gives its files by path (`make serve` makes again only
    the parts whose data changed: plugin/reuse.py)."""
    return [*[(_component, c.name) for c in resolve(site)], (_catalogue, ""),
            *[(_dataset, name) for name in FILES], (_api_index, ""), (_feeds, ""), (_exports_index, "")]


def schemas() -> dict[str, str]:
    """Each data file's JSON Schema, as committed in data/schema/."""
    return {f"{API}/{name}.schema.json": committed_text(name) for name in FILES}


def files(site: Site, site_name: str, origin: str) -> dict[str, str]:
    """Every export, by its path under the built site. `origin` is the site's URL, ending in /."""
    out: dict[str, str] = {}
    for part, argument in parts(site):
        out.update(part(site, argument, site_name, origin))
    out.update(schemas())
    return out
