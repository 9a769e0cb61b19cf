"""Renderers: validated data in, Markdown or HTML out. No I/O beyond reading templates, no MkDocs.

Each public function is one named macro (see MACROS); the markup lives in templates/.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import os
from dataclasses import dataclass

from markupsafe import Markup

from .. import decision
from ..decision import prices
from ..data import freshness
from ..models import MAX_NUMBER, Site, Tree
from . import arrange, chart, escape, labels, links, places
from .env import render_template as _render
from . import catalogue as _catalogue
from . import shortlist as _shortlist

# --- comparison -----------------------------------------------------------------------------------

def comparison_table(site: Site) -> str:
    """Every dimension in one HTML table, one row group per category, each row anchored by its id."""
    return _render("comparison_table.html.j2", groups=arrange.comparison_groups(site))


# --- decision trees ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Edge:
    source: str  # mermaid id
    target: str
    label: str


@dataclass(frozen=True)
class Flow:
    """A tree laid out for drawing: nodes in visiting order, edges, and the options it ends in."""
    tree: Tree
    decisions: list  # (mermaid id, question)
    outcomes: list  # (mermaid id, Option)
    edges: list[Edge]
    start: str = "start"


def tree_of(site: Site, tree_id: str | None = None) -> Tree:
    """The tree `tree_id`, or without an id the first of trees.yml (the one the site draws)."""
    return site.get("trees", tree_id) if tree_id else site.trees.trees[0]


def flow(site: Site, tree_id: str | None = None) -> Flow:
    """The tree laid out for mermaid. Boxes are named by their place in the walk from the root (n1,
    n2, ... for questions, o1, o2, ... for outcomes), never by record ids: renaming an id, or adding
    a record the tree does not show, leaves the drawing as it was."""
    tree = tree_of(site, tree_id)
    nodes = {n.id: n for n in tree.nodes}
    criteria, options = site.by_id["criteria"], site.by_id["options"]
    names: dict[str, str] = {}  # node or option id -> mermaid id, in the order the walk meets them

    def name(record_id: str) -> str:
        if record_id not in names:
            prefix = "n" if record_id in nodes else "o"
            names[record_id] = f"{prefix}{sum(v.startswith(prefix) for v in names.values()) + 1}"
        return names[record_id]

    decisions, outcomes, edges, seen = [], [], [Edge("start", name(tree.root), "")], {tree.root}

    def visit(node_id: str) -> None:
        node = nodes[node_id]
        criterion = criteria[node.criterion]
        answers = {a.id: a for a in criterion.answers}
        decisions.append((name(node_id), criterion.short))
        for branch in node.branches:
            edges.append(Edge(name(node_id), name(branch.next), answers[branch.answer].short))
            if branch.next in seen:
                continue
            seen.add(branch.next)
            if branch.next in nodes:
                visit(branch.next)
            else:
                outcomes.append((name(branch.next), options[branch.next]))

    visit(tree.root)
    return Flow(tree, decisions, outcomes, edges)


def flowchart(site: Site, tree_id: str | None = None) -> str:
    """The tree as a mermaid flowchart in a fenced block, one colour per outcome."""
    chart = flow(site, tree_id)
    return "```mermaid\n" + flowchart_source(chart) + "```\n"


def flowchart_source(chart: Flow) -> str:
    """Bare mermaid source of a flow (also what exports ship)."""
    description = (f"Decision flowchart: starting from {chart.tree.entry}, "
                   f"{len(chart.decisions)} questions lead to {len(chart.outcomes)} outcomes: "
                   + "; ".join(option.name for _, option in chart.outcomes) + ".")
    return _render("flowchart.mmd.j2", chart=chart, description=description)


def flow_outline(site: Site, tree_id: str | None = None) -> str:
    """The same tree as nested lists: the text equivalent of the flowchart."""
    tree = tree_of(site, tree_id)
    return _render("flow_outline.html.j2", tree=tree, nodes={n.id: n for n in tree.nodes},
                   criteria=site.by_id["criteria"], options=site.by_id["options"])


def flow_legend(site: Site, tree_id: str | None = None) -> str:
    """The outcomes of a tree with their colours and what each means."""
    return _render("flow_legend.html.j2", outcomes=flow(site, tree_id).outcomes)


# --- cheat sheet --------------------------------------------------------------------------------

def options_list(site: Site) -> str:
    """The options a recommendation may name, each anchored as option-<id>."""
    return _render("options_list.html.j2", options=site.options.options)


def cheatsheet_rows(site: Site) -> list[dict]:
    """The cheat sheet as rows of display values, shared by its HTML and Markdown forms."""
    options, criteria = site.by_id["options"], site.by_id["criteria"]
    rows = []
    for row in site.cheatsheet.cheatsheet:
        answers = {c: {a.id: a.label for a in criteria[c].answers} for c in row.when}
        rows.append({
            "id": row.id, "record": row, "situation": row.situation, "note": row.note,
            "recommend": [(o, options[o].name) for o in row.recommend],
            "defined_by": [(criteria[c].name, answers[c][a]) for c, a in row.when.items()],
            "query": _query(row.when),
        })
    return rows


def cheatsheet_table(site: Site) -> str:
    """Situations, what they call for and why: the HTML table of the site."""
    return _render("cheatsheet_table.html.j2", rows=cheatsheet_rows(site))


# --- sources ------------------------------------------------------------------------------------

def sources_list(site: Site) -> str:
    """Every source with its anchor, for the citations that link to it, grouped by kind: the laws,
    licences and providers' pages first, the background articles and estimates last."""
    groups: dict[str, tuple[str, list]] = {}
    for kind, label in labels.SOURCE_KINDS.items():
        groups.setdefault(label, (f"kind-{kind}", []))
    for source in site.sources.sources:
        groups[labels.SOURCE_KINDS[source.kind]][1].append(source)
    snapshots = {source: d for d in site.datasets.datasets for source in d.sources}
    return _render("sources_list.md.j2", snapshots=snapshots,
                   groups=[(label, anchor, group) for label, (anchor, group) in groups.items() if group])


# --- what changed -----------------------------------------------------------------------------------

def latest_changes(site: Site) -> list:
    """The change log, latest first (ties by id): the order of the page, the feeds and the exports."""
    return sorted(site.changelog.changelog, key=lambda e: (e.date, e.id), reverse=True)


def _about(site: Site, entry) -> list[tuple[str, str]]:
    """(name, link) of each record a change concerns."""
    return [(places.name(site, kind, rid), places.target(kind, rid))
            for kind, ids in entry.concerns.items() for rid in ids]


def changes_list(site: Site) -> str:
    """Every change, latest first, one section per month, with a filter by kind and the feeds."""
    entries = latest_changes(site)
    months: dict[tuple[int, int], list] = {}
    for entry in entries:
        months.setdefault((entry.date.year, entry.date.month), []).append(entry)
    kinds = [k for k in labels.CHANGE_KINDS if any(e.kind == k for e in entries)]
    return _render("changes_list.md.j2", months=[(f"{labels.MONTHS[m - 1]} {y}", f"{y}-{m:02d}", group)
                                                 for (y, m), group in months.items()],
                   kinds=kinds, about=lambda e: _about(site, e))


def recent_changes(site: Site, count: int = labels.RECENT_CHANGES) -> str:
    """The latest `count` changes, each linked to its entry on the What's new page."""
    return _render("recent_changes.html.j2", entries=latest_changes(site)[:count],
                   page=places.PLACES["changelog"][0], about=lambda e: _about(site, e))


def history(site: Site, kind: str, record_id: str) -> str:
    """The changes that concern one record, latest first (empty when it has none)."""
    if kind not in places.PLACES or record_id not in site.by_id.get(kind, {}):
        raise ValueError(f"history: no record '{record_id}' in {kind}.yml")
    entries = [e for e in latest_changes(site) if record_id in e.concerns.get(kind, [])]
    return _render("history.html.j2", entries=entries, page=places.PLACES["changelog"][0]) if entries else ""


def feeds_path(kind: str | None = None, record_id: str | None = None) -> str:
    """Where a feed is, under the site's root: feeds/all.atom, feeds/<kind of change>.atom, or
    feeds/<data file>/<record>.atom."""
    if record_id is not None:
        return f"feeds/{kind}/{record_id}.atom"
    return f"feeds/{kind or 'all'}.atom"


# --- hardware ---------------------------------------------------------------------------------------

def memory_table(site: Site) -> str:
    """The memory the weights of each open-weight model of a family need at each precision: parameters
    × bits ÷ 8 bytes (the key-value cache for the context comes on top). Models with a published size,
    smallest first."""
    rows = sorted((m for m in site.models.models
                   if m.family and m.openness != "closed" and m.parameters and m.parameters.total),
                  key=lambda m: (m.parameters.total, m.name))
    return _render("memory_table.html.j2", rows=rows, bits=labels.PRECISION_BITS,
                   gb=lambda m, b: _shortlist.gigabytes(decision.weights_gb(m.parameters.total, b)),
                   billions=lambda n: f"{n / 1e9:,.4g} billion", model_src=_catalogue.model_src)


# --- the knowledge base --------------------------------------------------------------------------

def open_parts_table(site: Site) -> str:
    """The parts of a model that may be open, how often each is, and examples."""
    return _render("open_parts_table.html.j2", parts=site.open_parts.open_parts)


def reasons_list(site: Site, side: str) -> str:
    """Why teams choose one side (`open` or `closed`)."""
    if side not in ("open", "closed"):
        raise ValueError(f"reasons_list: side must be 'open' or 'closed', got {side!r}")
    return _render("reasons_list.html.j2", reasons=arrange.reasons(site, side, "reason"))


def better_when(site: Site) -> str:
    """The situations where each side is the better choice, side by side."""
    sides = {side: arrange.reasons(site, side, "better-when") for side in ("open", "closed")}
    return _render("better_when.html.j2", sides=sides)


def trends_list(site: Site) -> str:
    """How the landscape is shifting, and what each shift means for the choice."""
    return _render("trends_list.md.j2", trends=site.trends.trends)


def _in_time(rule) -> tuple:
    return (rule.applies_from is None, rule.applies_from or dt.date.min)


def regulation_list(site: Site, law: str | None = None) -> str:
    """What the law says, one section per law (or only `law`), one group per topic; dates as a table."""
    if law is not None and law not in labels.LAWS:
        raise ValueError(f"regulation_list: law must be one of {', '.join(labels.LAWS)}, got {law!r}")
    laws = [(key, [(topic, [r for r in site.regulation.regulation if r.law == key and r.topic == topic])
                   for topic in labels.LAW_TOPICS])
            for key in labels.LAWS if law in (None, key)]
    laws = [(key, [(t, sorted(rules, key=_in_time) if t == "dates" else rules) for t, rules in topics if rules])
            for key, topics in laws]
    return _render("regulation_list.md.j2", laws=[(k, topics) for k, topics in laws if topics])


def families_table(site: Site) -> str:
    """The model families, with what their releases take in and give out, how open they are, how many
    the catalogue has and the ways in."""
    return _render("families_table.html.j2", rows=arrange.family_summary(site), modality=arrange.modality_text,
                   routes=site.by_id["access_routes"], licences=site.by_id["licences"],
                   offers=arrange.cheapest_offers(site), hosts=site.by_id["hosts"], datasets=site.by_id["datasets"],
                   model_src=_catalogue.model_src, licence_src=_catalogue.licence_src, price=_catalogue.price)


def use_cases_list(site: Site) -> str:
    """Worked examples, each task routed to an option."""
    return _render("use_cases_list.md.j2", cases=site.use_cases.use_cases,
                   options=site.by_id["options"], families=site.by_id["families"])


def access_routes_list(site: Site) -> str:
    """Every way to reach a model, closed routes first."""
    return _render("access_routes_list.md.j2", routes=arrange.access_routes(site), options=site.by_id["options"])


def faq_list(site: Site) -> str:
    """Questions and answers, each with its own anchor."""
    return _render("faq_list.md.j2", questions=site.faq.faq)


def glossary_list(site: Site) -> str:
    """All glossary terms, alphabetically, each with its own anchor."""
    return _render("glossary_list.md.j2", terms=arrange.glossary_terms(site), other_names=arrange.other_names)


def freshness_table(site: Site, max_age_days: int, today: dt.date | None = None) -> str:
    """Every record's review date, one table per data file (in the order of FILES), oldest first,
    overdue ones marked."""
    return _render("freshness_table.html.j2", files=freshness.by_file(site, today or dt.date.today()),
                   max_age=max_age_days)


# --- decision model: guide, helper, calculator ------------------------------------------------------

def _script_json(value) -> Markup:
    """JSON safe inside <script type="application/json">: no '<', '>' or '&' can end the element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _query(answers: dict[str, str]) -> str:
    return "&".join(f"{c}={a}" for c, a in answers.items())


def answer_leads_to(site: Site, criterion, answer) -> tuple[str, ...]:
    """The options one answer points to on its own (the model's result for it alone; the tied options
    when that result is a tie), or () when it points to none of its own."""
    result = decision.evaluate({criterion.id: answer.id}, site.criteria, site.options)
    if result.tied and len(result.tied) == len([o for o in site.options.options if o.has]):
        return ()  # every option still tied: the answer settles nothing
    return result.tied or (result.option,)


def guide_steps(site: Site) -> str:
    """The step-by-step guide: each guide criterion, its answers, where each leads and why; then the
    questions the model asks besides."""
    steps = decision.guide(site.criteria)
    extra = [c for c in site.criteria.criteria if not c.guide]
    return _render("guide_steps.md.j2", steps=steps, extra=extra, everything=site.criteria.criteria,
                   options=site.by_id["options"], leads_to=lambda c, a: answer_leads_to(site, c, a),
                   part=decision.part, parts=labels.PARTS, query=_query)


def helper_model(site: Site) -> dict:
    """What the helper page's script reads: the model plus the words it shows."""
    data = decision.model_json(site.criteria, site.options)
    for criterion, shown in zip(data["criteria"], site.criteria.criteria):
        criterion["name"] = shown.name
        for answer, label in zip(criterion["answers"], shown.answers):
            answer["label"] = label.label
            answer["shown"] = links.plain(label.reason)  # the script shows text, not links
    data["parts"] = labels.PARTS
    data["names"] = {o.id: o.name for o in site.options.options}
    data["properties"] = {p.id: {"name": p.name, "values": {v.id: v.label for v in p.values}}
                          for p in site.options.properties}
    return data


def decision_helper(site: Site) -> str:
    """The interactive helper: a form of every criterion and shortlist question, the result it gives,
    the models that fit it (for no answers, as the page shows it before any), and the model and the
    catalogue's facts as JSON."""
    start = decision.evaluate({}, site.criteria, site.options)
    data = _shortlist.shortlist_json(site)
    _, shown = _shortlist.start(site, data)
    first = min(site.models.models, key=lambda m: m.id)  # any model page: the script swaps in another id
    return _render("decision_helper.html.j2", criteria=site.criteria.criteria, guide_title=guide_title(site),
                   options=site.options.options, start=start, questions=site.shortlist.shortlist,
                   shortlist=shown, model_src=_catalogue.model_src, link_model=first.id,
                   compare_src=_catalogue.COMPARE_SRC, catalogue_src=_catalogue.CATALOGUE_SRC,
                   num=_shortlist.number_text, model=_script_json(helper_model(site)), models=_script_json(data))


def shortlist_questions(site: Site) -> str:
    """The helper's shortlist questions for the page's prose: each with what it compares, and the
    models each option uses."""
    prop = _shortlist.models_property(site)
    return _render("shortlist_questions.html.j2", questions=site.shortlist.shortlist, short=site.shortlist,
                   prop=prop, options=[o for o in site.options.options if o.has], bits=labels.PRECISION_BITS,
                   number_word=labels.number_word)


def whole(value: float) -> str:
    """A whole number with thousands separators, halves rounded up (as the page's script does)."""
    return f"{math.floor(value + 0.5):,}"


def money(value: float, currency: str) -> str:
    return f"{whole(value)} {currency}"


def change_text(change: dict) -> str:
    """One volume where the cheaper route changes, as the page says it (tools.js `changeText`)."""
    return (f"Above {whole(change['requests_per_day'])} requests a day: {labels.ROUTES[change['to']]} "
            f"costs less than {labels.ROUTES[change['from']]}")


def plain_number(value: float) -> str:
    """A number as the page's script writes one (JavaScript's String): the shortest digits that read
    back as it, without a trailing .0: 2.5, 0.039, 70."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def offer_label(site: Site, offer, twins: bool) -> str:
    """An offer as the host select names it: the host (with the API's name for the model when the host
    has more than one offer of it), its status unless active, its input and output prices."""
    name = f" ({offer.name})" if twins else ""
    status = "" if offer.status == "active" else f", {labels.STATUSES[offer.status].lower()}"
    return (f"{site.by_id['hosts'][offer.host].name}{name}{status}: {plain_number(offer.input)} in, "
            f"{plain_number(offer.output)} out")


def _offer_source(site: Site, offer) -> tuple[str, str]:
    """The dataset an offer's prices come from and the link to its file at the imported commit."""
    origin = offer.provenance[0]
    dataset = site.by_id["datasets"].get(origin.dataset)
    return (dataset.name if dataset else origin.dataset), origin.url


def _common_folder(urls: list[str]) -> str:
    """The longest start, up to a '/', that all the addresses share."""
    start = os.path.commonprefix(urls)
    return start[: start.rfind("/") + 1]


def calculator_offers(site: Site) -> dict:
    """What the calculator's script reads to fill the inputs: per side ("closed", "open"), every model
    of the menu (decision.prices) with its size and its priced offers, cheapest first, each with its
    host select label, host, API name, date, source and the values it fills (in the order `inputs`
    names them); the default model of each side. An offer's source link is its dataset's `prefix`
    (every address of that dataset starts so) and its own `path`, to keep the page small."""
    menu = decision.site_menu(site)
    offers_of = [o for found in menu.values() for _, offers in found.values() for o in offers]
    urls: dict[str, list[str]] = {}
    for offer in offers_of:
        urls.setdefault(offer.provenance[0].dataset, []).append(offer.provenance[0].url)
    datasets = site.by_id["datasets"]
    sources = {dataset: {"name": datasets[dataset].name if dataset in datasets else dataset,
                         "prefix": _common_folder(found)} for dataset, found in urls.items()}
    inputs = {which: list(prices.OFFER_INPUTS[which]) for which in prices.SIDES}
    out: dict = {"default": {"closed": site.calculator.default_models.closed,
                             "open": site.calculator.default_models.open},
                 "inputs": inputs, "sources": sources}
    for which, found in menu.items():
        side = out.setdefault(which, {})
        for model_id, (model, offers) in found.items():
            hosts = [o.host for o in offers]
            entry: dict = {"name": model.name, "offers": []}
            if which == "open":
                size = prices.size(model)
                entry.update(size=size, basis=model.parameters.basis if size is not None else None)
            for o in offers:
                origin = o.provenance[0]
                values = prices.offer_values(which, o)
                shown = {"id": o.id, "label": offer_label(site, o, hosts.count(o.host) > 1),
                         "host": site.by_id["hosts"][o.host].name, "name": o.name, "as_of": o.as_of.isoformat(),
                         "source": origin.dataset, "path": origin.url[len(sources[origin.dataset]["prefix"]):],
                         "prices": [values[name] for name in inputs[which]]}
                if which == "closed" and o.cached_input is None:
                    shown["no_cached"] = True
                entry["offers"].append(shown)
            side[model_id] = entry
    return out


def calculator_picks(site: Site) -> dict[str, dict]:
    """Per side, what the page shows of the default choice: the select's models by developer, the
    default model, its offers with their labels, the offer chosen, its host and source."""
    menu = decision.site_menu(site)
    choice = decision.default_choice(site)
    out = {}
    for which in ("closed", "open"):
        model, offer = choice[which]
        offers = menu[which][model.id][1]
        hosts = [o.host for o in offers]
        out[which] = {"label": labels.CALCULATOR_PICKS[which],
                      "models": arrange.calculator_models(site, [m for m, _ in menu[which].values()]),
                      "model": model, "offer": offer, "host": site.by_id["hosts"][offer.host],
                      "offers": [(o, offer_label(site, o, hosts.count(o.host) > 1)) for o in offers],
                      "source": _offer_source(site, offer)}
    return out


def calculator_defaults_text(site: Site) -> str:
    """The calculator page's sentence naming the models it opens with, their hosts and the date of
    their prices (Markdown, for the page's prose)."""
    choice = decision.default_choice(site)
    named = [f"[{escape.md_cell(model.name)}](models/{model.id}.md) at {escape.md_cell(site.by_id['hosts'][offer.host].name)}"
             for model, offer in (choice["closed"], choice["open"])]
    dates = sorted({offer.as_of.isoformat() for _, offer in choice.values()})
    return (f"It opens with {named[0]} and {named[1]}, the cheapest offer of each, priced as of "
            f"{' and '.join(dates)}.")


def volume_thresholds(site: Site) -> str:
    """The volumes the cost model's defaults give, beside the articles' rule of thumb and why they
    differ: the only place a page states a volume threshold (computed, so the calculator agrees)."""
    calc = site.calculator
    defaults = decision.calculator_defaults(site)
    result = decision.costs(defaults, calc.days_per_month)
    per_thousand = {route: result["shape"][route] * 1000 for route in ("closed", "host")}
    choice = decision.default_choice(site)
    return _render("volume_thresholds.html.j2", result=result, routes=labels.ROUTES, whole=whole, money=money,
                   currency=calc.currency, per_thousand=per_thousand, change_text=change_text,
                   choice=choice, hosts=site.by_id["hosts"], plain_number=plain_number)


def calculator(site: Site) -> str:
    """The cost calculator: the two model selects and the inputs, with the defaults the default models'
    offers and the typed ones give, the result for them and its chart."""
    calc = site.calculator
    defaults = decision.calculator_defaults(site)
    result = decision.costs(defaults, calc.days_per_month)
    groups = arrange.calculator_groups(site, labels.CALCULATOR_GROUPS)
    picks = calculator_picks(site)
    return _render("calculator.html.j2", calc=calc, groups=groups, result=result, max_number=MAX_NUMBER,
                   fields=site.by_id["calculator"], money=money, whole=whole, routes=labels.ROUTES,
                   change_text=change_text, defaults=defaults, filled=decision.FROM_CATALOGUE,
                   picks=picks, plain_number=plain_number, offers=_script_json(calculator_offers(site)),
                   chart=chart.cost_chart(result, defaults["requests-per-day"], calc.currency, labels.ROUTES))


# --- counts and titles that follow from the data -------------------------------------------------------

def guide_title(site: Site) -> str:
    """The step-by-step guide's name, from its number of steps: "Five-step guide"."""
    return f"{labels.number_word(len(decision.guide(site.criteria))).capitalize()}-step guide"


def how_many(site: Site, what: str) -> str:
    """How many there are, in words, for a page's prose: the records of a data file (`cheatsheet`,
    `criteria`, ...), the guide's steps (`guide-steps`) or the helper's questions beyond them
    (`other-questions`)."""
    steps = len(decision.guide(site.criteria))
    counts = {"guide-steps": steps, "other-questions": len(site.criteria.criteria) - steps}
    if what not in counts and what not in site.by_id:
        raise ValueError(f"how_many: expected a data file's name, 'guide-steps' or 'other-questions', got {what!r}")
    return labels.number_word(counts[what] if what in counts else len(site.by_id[what]))


def _feed_from_page(kind: str, record_id: str) -> str:
    """The record's own feed, as a link from its own page (the way up from the page's folder)."""
    up = "../" * links.page_url(places.page_of(kind, record_id)).count("/")
    return up + feeds_path(kind, record_id)


def model_page(site: Site, model_id: str) -> str:
    """One model's page (render/catalogue.py), with its history from the change log and its feed."""
    return _catalogue.model_page(site, model_id, history=history(site, "models", model_id),
                                 feed=_feed_from_page("models", model_id))


def licence_page(site: Site, licence_id: str) -> str:
    """One licence's page (render/catalogue.py), with its history from the change log and its feed."""
    return _catalogue.licence_page(site, licence_id, history=history(site, "licences", licence_id),
                                   feed=_feed_from_page("licences", licence_id))


MACROS = {
    "comparison_table": comparison_table,
    "flowchart": flowchart,
    "flow_outline": flow_outline,
    "flow_legend": flow_legend,
    "cheatsheet_table": cheatsheet_table,
    "options_list": options_list,
    "sources_list": sources_list,
    "open_parts_table": open_parts_table,
    "reasons_list": reasons_list,
    "better_when": better_when,
    "trends_list": trends_list,
    "regulation_list": regulation_list,
    "changes_list": changes_list,
    "memory_table": memory_table,
    "recent_changes": recent_changes,
    "history": history,
    "families_table": families_table,
    "use_cases_list": use_cases_list,
    "access_routes_list": access_routes_list,
    "faq_list": faq_list,
    "glossary_list": glossary_list,
    "freshness_table": freshness_table,
    "guide_steps": guide_steps,
    "decision_helper": decision_helper,
    "shortlist_questions": shortlist_questions,
    "calculator": calculator,
    "volume_thresholds": volume_thresholds,
    "calculator_defaults_text": calculator_defaults_text,
    "guide_title": guide_title,
    "how_many": how_many,
    "catalogue_table": _catalogue.catalogue_table,
    "model_page": model_page,
    "licence_page": licence_page,
    "compare_view": _catalogue.compare_view,
}

