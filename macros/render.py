"""Renderers: validated data in, Markdown or HTML out. No I/O beyond reading templates, no MkDocs.

Each public function is one named macro (see MACROS); the markup lives in templates/.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

import json
import math

from . import blocks, decision, escape, freshness, labels
from .models import Tree
from .site import Site

TEMPLATES = Path(__file__).parent / "templates"

# Outcome colours of the flowchart and its legend: fill, stroke. Dark text keeps them readable in
# the dark scheme too. Tones are named in data/options.yml.
TONES = {
    "green": ("#e8f5e9", "#2e7d32"),
    "orange": ("#fff3e0", "#e65100"),
    "blue": ("#e3f2fd", "#1565c0"),
    "grey": ("#f5f5f5", "#616161"),
    "purple": ("#f3e5f5", "#7b1fa2"),
    "teal": ("#e0f2f1", "#00695c"),
    "yellow": ("#fffde7", "#f57f17"),
    "pink": ("#fce4ec", "#ad1457"),
}
TONE_TEXT = "#1b1b1b"
# Flowchart outcome boxes: the tone's stroke colour at this opacity (8-digit hex), and no text colour,
# so the theme's own label colour stays readable on the light and on the dark scheme (and on wikis).
TONE_DIAGRAM_ALPHA = "33"

_env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
    auto_reload=True,  # `make serve` picks up template edits without a restart
    # Compiled templates kept between builds (Jinja's per-user cache in the temp dir, checked against
    # each template's source): compiling them was a fifth of the macros' share of a build.
    bytecode_cache=FileSystemBytecodeCache(),
)
_env.filters.update(md_cell=escape.md_cell, md_inline=escape.md_inline, mermaid_label=escape.mermaid_label)
_env.globals.update(tones=TONES, tone_text=TONE_TEXT, tone_alpha=TONE_DIAGRAM_ALPHA, labels=labels)


def _render(template: str, **context) -> str:
    """The template's output; from an *.html.j2 template marked as whole HTML (blocks.Html)."""
    text = _env.get_template(template).render(**context).strip() + "\n"
    return blocks.Html(text) if template.endswith(".html.j2") else text


# --- comparison -----------------------------------------------------------------------------------

def comparison_table(site: Site) -> str:
    """Every dimension in one HTML table, one row group per category, each row anchored by its id."""
    groups = [(category, [d for d in site.dimensions.dimensions if d.category == category.id])
              for category in site.categories.categories]
    return _render("comparison_table.html.j2", groups=groups, sources=site.by_id["sources"])


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


def flow(site: Site, tree_id: str) -> Flow:
    tree = site.get("trees", tree_id)
    nodes = {n.id: n for n in tree.nodes}
    criteria, options = site.by_id["criteria"], site.by_id["options"]
    decisions, outcomes, edges, seen = [], [], [Edge("start", escape.mermaid_id("n", tree.root), "")], set()

    def target(next_id: str) -> str:
        return escape.mermaid_id("n" if next_id in nodes else "o", next_id)

    def visit(node_id: str) -> None:
        node = nodes[node_id]
        criterion = criteria[node.criterion]
        answers = {a.id: a for a in criterion.answers}
        decisions.append((escape.mermaid_id("n", node_id), criterion.short))
        for branch in node.branches:
            edges.append(Edge(escape.mermaid_id("n", node_id), target(branch.next),
                              answers[branch.answer].short))
            if branch.next in seen:
                continue
            seen.add(branch.next)
            if branch.next in nodes:
                visit(branch.next)
            else:
                outcomes.append((target(branch.next), options[branch.next]))

    seen.add(tree.root)
    visit(tree.root)
    return Flow(tree, decisions, outcomes, edges)


def flowchart(site: Site, tree_id: str = "hybrid-routing") -> str:
    """The tree as a mermaid flowchart in a fenced block, one colour per outcome."""
    chart = flow(site, tree_id)
    return "```mermaid\n" + flowchart_source(chart) + "```\n"


def flowchart_source(chart: Flow) -> str:
    """Bare mermaid source of a flow (also what exports ship)."""
    description = (f"Decision flowchart: starting from {chart.tree.entry}, "
                   f"{len(chart.decisions)} questions lead to {len(chart.outcomes)} outcomes: "
                   + "; ".join(option.name for _, option in chart.outcomes) + ".")
    return _render("flowchart.mmd.j2", chart=chart, description=description)


def flow_outline(site: Site, tree_id: str = "hybrid-routing") -> str:
    """The same tree as nested lists: the text equivalent of the flowchart."""
    tree = site.get("trees", tree_id)
    return _render("flow_outline.html.j2", tree=tree, nodes={n.id: n for n in tree.nodes},
                   criteria=site.by_id["criteria"], options=site.by_id["options"])


def flow_legend(site: Site, tree_id: str = "hybrid-routing") -> str:
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
    return _render("cheatsheet_table.html.j2", rows=cheatsheet_rows(site),
                   sources=site.by_id["sources"])


def cheatsheet_markdown(site: Site) -> str:
    """The same table as GitHub-flavoured Markdown, for wikis: the one writer of every table export."""
    from . import exports, tables  # both build on this module
    return exports.gfm_table(tables.cheatsheet(site))


# --- sources ------------------------------------------------------------------------------------

def sources_list(site: Site) -> str:
    """Every source with its anchor, for the citations that link to it."""
    return _render("sources_list.html.j2", sources=site.sources.sources)


# --- the knowledge base --------------------------------------------------------------------------

def open_parts_table(site: Site) -> str:
    """The parts of a model that may be open, how often each is, and examples."""
    return _render("open_parts_table.html.j2", parts=site.open_parts.open_parts,
                   sources=site.by_id["sources"])


def reasons_list(site: Site, side: str) -> str:
    """Why teams choose one side (`open` or `closed`)."""
    if side not in ("open", "closed"):
        raise ValueError(f"reasons_list: side must be 'open' or 'closed', got {side!r}")
    reasons = [r for r in site.reasons.reasons if r.side == side and r.kind == "reason"]
    return _render("reasons_list.html.j2", reasons=reasons, sources=site.by_id["sources"])


def better_when(site: Site) -> str:
    """The situations where each side is the better choice, side by side."""
    sides = {side: [r for r in site.reasons.reasons if r.side == side and r.kind == "better-when"]
             for side in ("open", "closed")}
    return _render("better_when.html.j2", sides=sides)


def trends_list(site: Site) -> str:
    """How the landscape is shifting, and what each shift means for the choice."""
    return _render("trends_list.md.j2", trends=site.trends.trends, sources=site.by_id["sources"])


def families_table(site: Site) -> str:
    """The model families the sources name, with openness, modality and ways in."""
    return _render("families_table.html.j2", families=site.families.families,
                   routes=site.by_id["access_routes"], sources=site.by_id["sources"])


def use_cases_list(site: Site) -> str:
    """Worked examples, each task routed to an option."""
    return _render("use_cases_list.md.j2", cases=site.use_cases.use_cases,
                   options=site.by_id["options"], families=site.by_id["families"],
                   sources=site.by_id["sources"])


def access_routes_list(site: Site) -> str:
    """Every way to reach a model, closed routes first."""
    routes = sorted(site.access_routes.access_routes, key=lambda r: r.side != "closed")
    return _render("access_routes_list.md.j2", routes=routes, options=site.by_id["options"],
                   sources=site.by_id["sources"])


def faq_list(site: Site) -> str:
    """Questions and answers, each with its own anchor."""
    return _render("faq_list.md.j2", questions=site.faq.faq, sources=site.by_id["sources"])


def glossary_list(site: Site) -> str:
    """All glossary terms, alphabetically, each with its own anchor."""
    terms = sorted(site.glossary.glossary, key=lambda t: t.term.casefold())
    return _render("glossary_list.html.j2", terms=terms, sources=site.by_id["sources"])


def abbreviations(site: Site) -> str:
    """Glossary terms as Markdown abbreviations: appended to every page, they become tooltips."""
    return _render("abbreviations.md.j2", terms=site.glossary.glossary)


def freshness_table(site: Site, max_age_days: int, today: dt.date | None = None) -> str:
    """Every record by review date, oldest first, overdue ones marked."""
    return _render("freshness_table.html.j2", reviews=freshness.reviews(site, today or dt.date.today()),
                   max_age=max_age_days)


# --- decision model: guide, helper, calculator ------------------------------------------------------

# How each answer effect reads on the guide and in the helper.
EFFECTS = {"decide": "Recommends", "lean": "Leans to", "note": "Goes on"}


def _script_json(value) -> Markup:
    """JSON safe inside <script type="application/json">: no '<', '>' or '&' can end the element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _query(answers: dict[str, str]) -> str:
    return "&".join(f"{c}={a}" for c, a in answers.items())


def guide_steps(site: Site) -> str:
    """The step-by-step guide: each guide criterion, its answers, where each leads and why; then the
    questions the model asks besides."""
    steps = decision.guide(site.criteria)
    extra = [c for c in site.criteria.criteria if not c.guide]
    return _render("guide_steps.md.j2", steps=steps, extra=extra, everything=site.criteria.criteria,
                   options=site.by_id["options"],
                   effects=EFFECTS, query=_query, sources=site.by_id["sources"])


def helper_model(site: Site) -> dict:
    """What the helper page's script reads: the model plus the words it shows."""
    data = decision.model_json(site.criteria)
    for criterion, shown in zip(data["criteria"], site.criteria.criteria):
        criterion["name"] = shown.name
        for answer, label in zip(criterion["answers"], shown.answers):
            answer["label"] = label.label
    data["effects"] = EFFECTS
    data["options"] = {o.id: o.name for o in site.options.options}
    return data


def decision_helper(site: Site) -> str:
    """The interactive helper: a form of every criterion, the result it gives, and the model as JSON."""
    start = decision.evaluate({}, site.criteria)
    return _render("decision_helper.html.j2", criteria=site.criteria.criteria,
                   options=site.options.options, start=start,
                   model=_script_json(helper_model(site)))


def whole(value: float) -> str:
    """A whole number with thousands separators, halves rounded up (as the page's script does)."""
    return f"{math.floor(value + 0.5):,}"


def money(value: float, currency: str) -> str:
    return f"{whole(value)} {currency}"


def calculator(site: Site) -> str:
    """The break-even calculator: inputs with their illustrative defaults, and the result for them."""
    calc = site.calculator
    result = decision.break_even(decision.calculator_defaults(calc), calc.days_per_month)
    groups = [(name, [f for f in calc.calculator if f.group == key])
              for key, name in (("workload", "Workload"), ("api", "Closed API"),
                                ("self-hosted", "Self-hosting an open model"))]
    return _render("calculator.html.j2", calc=calc, groups=groups, result=result,
                   fields=site.by_id["calculator"], money=money, whole=whole, sources=site.by_id["sources"])


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
    "families_table": families_table,
    "use_cases_list": use_cases_list,
    "access_routes_list": access_routes_list,
    "faq_list": faq_list,
    "glossary_list": glossary_list,
    "freshness_table": freshness_table,
    "guide_steps": guide_steps,
    "decision_helper": decision_helper,
    "calculator": calculator,
}

