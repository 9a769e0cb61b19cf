"""The site's tables as plain rows: one list of display strings per record, in page order.

A cell that holds prose (links.Prose) keeps its links; each writer shows them its own way.
The one formatter input of every table export: exports.py turns a Table into GFM Markdown, CSV and
Confluence wiki markup, so the three never disagree. Headings and value labels come from labels.py,
the same words the HTML tables of the pages show, in the order of render/arrange.py. Pure functions: data in, rows out.
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import decision
from ..data.cards import card_facts
from ..models import Site
from ..render import arrange
from ..render import catalogue as pages_of_catalogue
from ..render import labels as L
from ..render.links import Prose as P
from ..render.pages import answer_leads_to, cheatsheet_rows, guide_title, latest_changes


@dataclass(frozen=True)
class Table:
    title: str
    columns: list[str]
    rows: list[list[str]]
    # Columns whose cells are numbers (the guide's Step): in CSV a plain number there stays a number
    # for spreadsheets, everywhere else text is kept as text (escape.csv_field).
    numeric: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if unknown := [c for c in self.numeric if c not in self.columns]:
            raise ValueError(f"{self.title}: numeric columns {unknown} are not among {self.columns}")
        for row in self.rows:
            if len(row) != len(self.columns):
                raise ValueError(f"{self.title}: row {row[:1]} has {len(row)} cells, "
                                 f"expected {len(self.columns)}")


def _cited(site: Site, record) -> list[str]:
    """The Sources and Reviewed cells of a record: source titles, then the review date."""
    sources = site.by_id["sources"]
    return ["; ".join(sources[s].title for s in record.sources), record.reviewed.isoformat()]


def _join(items) -> str:
    return ", ".join(items) or L.NONE


def comparison(site: Site) -> Table:
    categories = site.by_id["categories"]
    rows = [[d.name, categories[d.category].name, P(d.open), P(d.closed), L.LEANS[d.favors], P(d.detail),
             *_cited(site, d)]
            for _, dims in arrange.comparison_groups(site) for d in dims]
    name, *rest = L.COLUMNS["comparison"]
    return Table("Open-weight and closed models compared",
                 [name, L.CATEGORY, *rest, L.SOURCES, L.REVIEWED], rows)


def cheatsheet(site: Site) -> Table:
    rows = [[r["situation"], " or ".join(name for _, name in r["recommend"]),
             "; ".join(f"{name}: {answer}" for name, answer in r["defined_by"]) or L.ANY,
             P(r["note"]), *_cited(site, r["record"])]
            for r in cheatsheet_rows(site)]
    return Table("Cheat sheet", [*L.COLUMNS["cheatsheet"], L.SOURCES, L.REVIEWED], rows)


def families(site: Site) -> Table:
    routes = site.by_id["access_routes"]
    rows = [[r["family"].name, r["developer"].name + (f" (transparency {t.score}/{t.of}, {t.index})"
                                                      if (t := r["developer"].transparency_index) else ""), "; ".join(L.OPENNESS[o] for o in r["openness"]) or L.NONE,
             arrange.modality_text(r) or L.NONE, str(len(r["models"])),
             ", ".join(routes[x].name for x in r["family"].access), P(r["family"].note),
             r["family"].as_of.isoformat(), *_cited(site, r["family"])]
            for r in arrange.family_summary(site)]
    return Table("Model catalogue", [*L.COLUMNS["families"], L.AS_OF, L.SOURCES, L.REVIEWED], rows,
                 numeric=(L.COLUMNS["families"][4],))


def open_parts(site: Site) -> Table:
    rows = [[p.name, P(p.description), L.HOW_COMMON[p.how_common], _join(p.examples), *_cited(site, p)]
            for p in site.open_parts.open_parts]
    return Table('What "open" can cover', [*L.COLUMNS["open_parts"], L.SOURCES, L.REVIEWED], rows)


def options(site: Site) -> Table:
    rows = [[o.name, L.OPTION_SIDES[o.side], P(o.summary), *_cited(site, o)] for o in site.options.options]
    return Table("Options", ["Option", "Uses", "What it means", L.SOURCES, L.REVIEWED], rows)


def use_cases(site: Site) -> Table:
    options_, families_ = site.by_id["options"], site.by_id["families"]
    rows = [[case.title, r.task, options_[r.option].name,
             families_[r.family].name if r.family else L.NONE, P(r.why), *_cited(site, case)]
            for case in site.use_cases.use_cases for r in case.routes]
    return Table("Use cases", [L.USE_CASE, *L.COLUMNS["use_case_routes"], L.SOURCES, L.REVIEWED], rows)


def access_routes(site: Site) -> Table:
    rows = [[r.name, L.ROUTE_SIDES[r.side], P(r.summary), P(r.best_for), P(r.requires), _join(r.examples),
             *_cited(site, r)] for r in arrange.access_routes(site)]
    return Table("How to access each", ["Route", "For", "What it is", "Best for", "Needs", "Examples",
                                        L.SOURCES, L.REVIEWED], rows)


def glossary(site: Site) -> Table:
    rows = [[t.term, ", ".join(t.aliases), P(t.definition), *_cited(site, t)] for t in arrange.glossary_terms(site)]
    return Table("Glossary", ["Term", "Also called", "Definition", L.SOURCES, L.REVIEWED], rows)


def sources(site: Site) -> Table:
    rows = [[s.title, s.url or L.NONE, s.author or L.NONE, s.publisher or L.NONE,
             s.published.isoformat() if s.published else L.NONE, P(s.summary), s.reviewed.isoformat()]
            for s in site.sources.sources]
    return Table("Sources", ["Title", "Address", "Author", "Publisher", "Published", "Summary", L.REVIEWED],
                 rows)


def guide(site: Site) -> Table:
    """The steps of the step-by-step guide: one row per answer, with what it does and why."""
    options_ = site.by_id["options"]
    rows = [[str(c.guide.step), c.guide.title, a.label, L.PARTS[decision.part(a)],
             " or ".join(options_[o].name for o in answer_leads_to(site, c, a)) or L.NEXT_QUESTION,
             P(a.reason), *_cited(site, c)]
            for c in decision.guide(site.criteria) for a in c.answers]
    return Table(guide_title(site), ["Step", "Question", "Answer", "Effect", "Leads to", "Why",
                                     L.SOURCES, L.REVIEWED], rows, numeric=("Step",))


def changes(site: Site) -> Table:
    """The change log, latest first."""
    from ..render import places
    entries = latest_changes(site)
    rows = [[e.date.isoformat(), L.CHANGE_KINDS[e.kind], e.title,
             e.old or L.NONE, e.new or L.NONE,
             ", ".join(places.name(site, kind, rid) for kind, ids in e.concerns.items() for rid in ids),
             *_cited(site, e)]
            for e in entries]
    return Table("Recent changes", [*L.COLUMNS["changes"], L.SOURCES, L.REVIEWED], rows)


def _number(value) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


CATALOGUE_COLUMNS = ["Id", "Model", "Developer", "Family", "Released", "Openness", "Licence", "Input", "Output",
                     "Context window", "Max output", "Parameters", "Active parameters", "Status", "Deprecated",
                     "Retired", "Replacement", "Cheapest input USD/M", "Cheapest output USD/M", "At host",
                     "Transparency (FMTI Dec 2025)", "Evidence", "As of"]


CATALOGUE_TITLE = "Model catalogue (every release)"


def catalogue(site: Site) -> Table:
    """Every model of the catalogue, one row each (the CSV export): its facts, its cheapest offer and
    its developer's transparency score, with the evidence links of the datasets it comes from."""
    developers, families, licences = site.by_id["developers"], site.by_id["families"], site.by_id["licences"]
    hosts, cheapest = site.by_id["hosts"], arrange.cheapest_offers(site)
    rows = []
    for m in site.models.models:
        offer = cheapest.get(m.id)
        score = developers[m.developer].transparency_index
        rows.append([m.id, m.name, developers[m.developer].name, families[m.family].name if m.family else "",
                     m.released.isoformat() if m.released else "", L.OPENNESS[m.openness],
                     licences[m.licence].name if m.licence else "", ", ".join(m.input), ", ".join(m.output),
                     _number(m.context), _number(m.max_output),
                     _number(m.parameters.total) if m.parameters else "",
                     _number(m.parameters.active) if m.parameters else "", L.STATUSES[m.status],
                     m.deprecated.isoformat() if m.deprecated else "", m.retired.isoformat() if m.retired else "",
                     m.replacement or "", _number(offer.input) if offer else "", _number(offer.output) if offer else "",
                     hosts[offer.host].name if offer else "", f"{score.score}/{score.of}" if score else "",
                     " ".join([*(p.url for p in m.provenance), *_card_url(site, m)]), m.as_of.isoformat(),
                     *_cited(site, m)])
    return Table(CATALOGUE_TITLE, [*CATALOGUE_COLUMNS, L.SOURCES, L.REVIEWED], rows,
                 numeric=("Context window", "Max output", "Parameters", "Active parameters", "Cheapest input USD/M",
                          "Cheapest output USD/M"))


def model_table(site: Site) -> Table:
    """The Model catalogue page's table of every shown model, column for column (the embed's exports)."""
    rows = []
    for r in pages_of_catalogue.model_rows(site):
        m, offer, t = r["model"], r["offer"], r["transparency"]
        rows.append([m.name, r["developer"].name, L.OPENNESS[m.openness],
                     f"{r['licence'].name}: {r['restriction']}" if r["licence"] else r["restriction"],
                     m.released.isoformat() if m.released else "", _number(m.context), r["modalities"],
                     f"{_number(offer.input)} at {r['host'].name}" if offer else "",
                     _number(offer.output) if offer else "", f"{t.score}/{t.of}" if t else "",
                     L.STATUSES[m.status], *_cited(site, m)])
    return Table("Every model of the catalogue", [*L.CATALOGUE.values(), L.SOURCES, L.REVIEWED], rows,
                 numeric=(L.CATALOGUE["context"], L.CATALOGUE["output"]))


def _card_url(site: Site, model) -> list[str]:
    """The address of the developer's text behind the facts the model's card gives (cards.yml)."""
    given, _ = card_facts(site, model)
    return [site.by_id["cards"][model.id].url] if given else []
