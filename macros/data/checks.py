"""Rules that span records and files: unique ids, references that resolve, review dates, and decision
trees that are well formed (every answer covered, every node reachable, no cycles).

Each check is a generator of (file name, loc, message); load.py turns them into located Problems.
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator

from .. import decision
from ..decision import tree_paths
from ..models import CARD_FACTS, LINK, Strict, prose_fields, struct_fields
from ..decision import prices
from ..models import (CalculatorFile, CategoriesFile, CheatsheetFile, CriteriaFile, DimensionsFile, ModelsFile,
                     OffersFile, OptionsFile, ShortlistFile, SourcesFile, TreesFile)

Finding = tuple[str, tuple, str]


def _listing(ids) -> str:
    ids = sorted(ids)
    shown = ", ".join(ids[:12])
    return shown + (f" … ({len(ids)} in all)" if len(ids) > 12 else "")


def unique_ids(name: str, records, loc: tuple = ()) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for index, record in enumerate(records):
        if record.id in seen:
            yield (name, (*loc, index, "id"),
                   f"duplicate id '{record.id}' (also item {seen[record.id] + 1}); ids must be unique")
        else:
            seen[record.id] = index


def known(name: str, loc: tuple, value: str, valid, what: str, see: str = "") -> Iterator[Finding]:
    if value not in valid:
        where = f" (see data/{see}.yml)" if see else ""
        yield name, loc, f"unknown {what} '{value}'{where}; expected one of: {_listing(valid)}"


def source_refs(name: str, records, source_ids) -> Iterator[Finding]:
    for index, record in enumerate(records):
        for position, source in enumerate(record.sources):
            yield from known(name, (name, index, "sources", position), source, source_ids,
                             "source", "sources")


_DATES = {"reviewed": ("review date", "use the date you checked the record"),
          "as_of": ("as_of", "use the date the statement describes"),
          "published": ("published", "use the date it was published")}


def not_in_future(name: str, records, today: dt.date, field: str = "reviewed") -> Iterator[Finding]:
    for index, record in enumerate(records):
        date = getattr(record, field)
        if date is not None and date > today:
            what, hint = _DATES.get(field, (field, "use the date the record describes"))
            yield (name, (name, index, field), f"{what} {date} is later than today; {hint}")


def dimensions(dims: DimensionsFile, cats: CategoriesFile) -> Iterator[Finding]:
    category_ids = {c.id for c in cats.categories}
    used = set()
    for index, dim in enumerate(dims.dimensions):
        used.add(dim.category)
        yield from known("dimensions", ("dimensions", index, "category"), dim.category, category_ids,
                         "category", "categories")
    for index, cat in enumerate(cats.categories):
        if cat.id not in used:
            yield ("categories", ("categories", index, "id"),
                   f"category '{cat.id}' has no dimensions, so its table group would be empty; "
                   "give it a dimension or remove it")


def options(opts: OptionsFile) -> Iterator[Finding]:
    """Properties and their values are unique; an option that `has` values gives every property known
    values."""
    yield from unique_ids("options", opts.properties, ("properties",))
    values = {}
    for index, prop in enumerate(opts.properties):
        yield from unique_ids("options", prop.values, ("properties", index, "values"))
        values[prop.id] = [v.id for v in prop.values]
    for index, option in enumerate(opts.options):
        at = ("options", index, "has")
        yield from _property_values("options", at, option.has, values)
        missing = [prop.id for prop in opts.properties if prop.id not in option.has]
        if option.has and missing:
            yield ("options", at, f"gives no value of {', '.join(repr(m) for m in missing)}; the model "
                   "compares options on every property: add each, e.g. "
                   f"'{missing[0]}: [{values[missing[0]][0]}]' (values: {', '.join(values[missing[0]])})")


def _property_values(name: str, at: tuple, given: dict, values: dict) -> Iterator[Finding]:
    for prop, chosen in given.items():
        if prop not in values:
            yield from known(name, (*at, prop), prop, values, "property", "options")
            continue
        seen = set()
        for position, value in enumerate(chosen):
            yield from known(name, (*at, prop, position), value, values[prop], f"value of property '{prop}'",
                             "options")
            if value in seen:
                yield name, (*at, prop, position), f"'{value}' is listed twice; list it once"
            seen.add(value)


def criteria(crit: CriteriaFile, opts: OptionsFile) -> Iterator[Finding]:
    """Answers are unique and name known properties and values; guide steps run 1, 2, 3, ..."""
    option_ids = {o.id for o in opts.options}
    values = {p.id: [v.id for v in p.values] for p in opts.properties}
    yield from known("criteria", ("fallback",), crit.fallback, option_ids, "option", "options")
    steps: dict[int, str] = {}
    for index, criterion in enumerate(crit.criteria):
        at = ("criteria", index)
        yield from unique_ids("criteria", criterion.answers, (*at, "answers"))
        for a_index, answer in enumerate(criterion.answers):
            a_at = (*at, "answers", a_index)
            yield from _property_values("criteria", (*a_at, "requires"), answer.requires, values)
            yield from _property_values("criteria", (*a_at, "prefers"), answer.prefers, values)
        if criterion.guide is not None:
            number = criterion.guide.step
            if number in steps:
                yield ("criteria", (*at, "guide", "step"),
                       f"guide step {number} is also criterion '{steps[number]}'; number the steps 1, 2, 3, ...")
            steps.setdefault(number, criterion.id)
    expected = list(range(1, len(steps) + 1))
    if sorted(steps) != expected:
        index = next(i for i, c in enumerate(crit.criteria) if c.guide is not None
                     and c.guide.step not in expected)
        yield ("criteria", ("criteria", index, "guide", "step"),
               f"guide steps are {sorted(steps)}; number them 1 to {len(steps)} without gaps")


def models_property(opts: OptionsFile) -> Iterator[Finding]:
    """One property at most says which models its values admit (`models`), and then each of its values
    does; `runs_on` goes with `models`."""
    carrying = [i for i, p in enumerate(opts.properties) if any(v.models is not None for v in p.values)]
    for index in carrying[1:]:
        yield ("options", ("properties", index, "id"),
               f"property '{opts.properties[index].id}' also says which models its values admit, as "
               f"'{opts.properties[carrying[0]].id}' does; one property says it: move the `models` there")
    for index, prop in enumerate(opts.properties):
        for v_index, value in enumerate(prop.values):
            at = ("properties", index, "values", v_index)
            if index in carrying[:1] and value.models is None:
                yield ("options", (*at, "id"),
                       f"value '{value.id}' says no `models`, as every value of '{prop.id}' must (the shortlist "
                       "lists the models each admits): add e.g. 'models: {has: [self-host]}'")
            if value.runs_on is not None and value.models is None:
                yield ("options", (*at, "runs_on"), "`runs_on` says where the models of a value run: give the "
                                                    "value its `models` too, or remove it")


def shortlist(short: ShortlistFile, crit: CriteriaFile) -> Iterator[Finding]:
    """A shortlist question has a number or two or more answers, not both; its number's range is not
    empty; its id is not a criterion's (both are keys of the helper's address)."""
    asked = {c.id for c in crit.criteria}
    for index, question in enumerate(short.shortlist):
        at = ("shortlist", index)
        yield from unique_ids("shortlist", question.answers, (*at, "answers"))
        if question.id in asked:
            yield ("shortlist", (*at, "id"),
                   f"'{question.id}' is also a question of criteria.yml, and both name an answer in the helper's "
                   "address; give this one another id")
        if question.number is not None and question.answers:
            yield ("shortlist", (*at, "answers"), "a question has a `number` or `answers`, not both; remove one")
        elif question.number is None and len(question.answers) < 2:
            yield ("shortlist", (*at, "answers"),
                   f"has {len(question.answers)} answer(s); give it two or more `answers`, or a `number`")
        if question.number is not None and question.number.min >= question.number.max:
            yield ("shortlist", (*at, "number", "max"),
                   f"max {question.number.max:g} is not above min {question.number.min:g}; raise it")


def trees(tr: TreesFile, crit: CriteriaFile, opts: OptionsFile) -> Iterator[Finding]:
    answers = {c.id: [a.id for a in c.answers] for c in crit.criteria}
    option_ids = {o.id for o in opts.options}
    for t_index, tree in enumerate(tr.trees):
        at = ("trees", t_index)
        yield from unique_ids("trees", tree.nodes, (*at, "nodes"))
        nodes = {n.id: n for n in tree.nodes}
        yield from known("trees", (*at, "root"), tree.root, nodes, "root node")
        for n_index, node in enumerate(tree.nodes):
            n_at = (*at, "nodes", n_index)
            if node.id in option_ids:
                yield ("trees", (*n_at, "id"),
                       f"node id '{node.id}' is also an option id; rename the node")
            if node.criterion not in answers:
                yield from known("trees", (*n_at, "criterion"), node.criterion, answers,
                                 "criterion", "criteria")
                continue
            expected = answers[node.criterion]
            covered: dict[str, int] = {}
            for b_index, branch in enumerate(node.branches):
                b_at = (*n_at, "branches", b_index)
                if branch.answer not in expected:
                    yield from known("trees", (*b_at, "answer"), branch.answer, expected,
                                     f"answer of criterion '{node.criterion}'")
                elif branch.answer in covered:
                    yield ("trees", (*b_at, "answer"),
                           f"answer '{branch.answer}' already has a branch; keep one")
                covered.setdefault(branch.answer, b_index)
                if branch.next not in nodes and branch.next not in option_ids:
                    yield ("trees", (*b_at, "next"),
                           f"'{branch.next}' is neither a node of this tree nor an option; "
                           f"expected one of: {_listing(set(nodes) | option_ids)}")
            for missing in (a for a in expected if a not in covered):
                yield ("trees", (*n_at, "branches"),
                       f"answer '{missing}' of criterion '{node.criterion}' has no branch "
                       "(a dead end); add '- answer: {0}' with its 'next'".format(missing))
        if tree.root in nodes:
            yield from _reachable_and_acyclic(tree, nodes, at)


def _reachable_and_acyclic(tree, nodes, at) -> Iterator[Finding]:
    index_of = {n.id: i for i, n in enumerate(tree.nodes)}
    state: dict[str, str] = {}  # absent: unvisited; "open": on the current path; "done"
    findings: list[Finding] = []

    def visit(node_id: str, path: list[str]) -> None:
        state[node_id] = "open"
        for b_index, branch in enumerate(nodes[node_id].branches):
            if branch.next not in nodes:
                continue
            if state.get(branch.next) == "open":
                cycle = " -> ".join([*path[path.index(branch.next):], node_id, branch.next])
                findings.append(("trees", (*at, "nodes", index_of[node_id], "branches", b_index, "next"),
                                 f"cycle {cycle}; a decision tree must only lead forward"))
            elif branch.next not in state:
                visit(branch.next, [*path, node_id])
        state[node_id] = "done"

    visit(tree.root, [])
    yield from findings
    for node in tree.nodes:
        if node.id not in state:
            yield ("trees", (*at, "nodes", index_of[node.id], "id"),
                   f"node '{node.id}' cannot be reached from root '{tree.root}'; "
                   "link to it from a branch or remove it")


def cheatsheet(rows: CheatsheetFile, crit: CriteriaFile, opts: OptionsFile) -> Iterator[Finding]:
    answers = {c.id: [a.id for a in c.answers] for c in crit.criteria}
    option_ids = {o.id for o in opts.options}
    seen: dict[tuple, str] = {}
    for index, row in enumerate(rows.cheatsheet):
        at = ("cheatsheet", index)
        situation = tuple(sorted(row.when.items()))
        if situation in seen:  # the same rule twice reads as two rules: say it once
            yield ("cheatsheet", (*at, "when"),
                   f"the same answers as row '{seen[situation]}' ({_said(row.when)}): merge the two "
                   "rows into one, naming both situations")
        seen.setdefault(situation, row.id)
        for position, option in enumerate(row.recommend):
            yield from known("cheatsheet", (*at, "recommend", position), option, option_ids,
                             "option", "options")
        for criterion, answer in row.when.items():
            if criterion not in answers:
                yield from known("cheatsheet", (*at, "when", criterion), criterion, answers,
                                 "criterion", "criteria")
            else:
                yield from known("cheatsheet", (*at, "when", criterion), answer, answers[criterion],
                                 f"answer of criterion '{criterion}'")


def _said(answers: dict[str, str]) -> str:
    return ", ".join(f"{c}={a}" for c, a in answers.items())


def _answer_at(crit: CriteriaFile, criterion: str, answer: str) -> tuple:
    c_index = next(i for i, c in enumerate(crit.criteria) if c.id == criterion)
    a_index = next(i for i, a in enumerate(crit.criteria[c_index].answers) if a.id == answer)
    return ("criteria", c_index, "answers", a_index, "requires")


def satisfiable(crit: CriteriaFile, opts: OptionsFile) -> Iterator[Finding]:
    """Every combination of answers leaves at least one option standing, so every conflict the helper
    names has an option that resolves it. Pairs are reported first (the usual mistake); a combination
    of more answers only when each of its pairs can be met."""
    candidates = [o for o in opts.options if o.has]

    def allowed(option, requires) -> bool:
        return all(any(v in ok for v in option.has.get(prop, ())) for prop, ok in requires.items())

    demanding = [[(c.id, a) for a in c.answers if a.requires] for c in crit.criteria]
    demanding = [group for group in demanding if group]
    bad_pairs = set()
    for i, group in enumerate(demanding):
        for first in group:
            if not any(allowed(o, first[1].requires) for o in candidates):
                yield ("criteria", _answer_at(crit, first[0], first[1].id),
                       f"no option in options.yml can take these values, so answering "
                       f"'{first[0]}: {first[1].id}' would rule out every option; give an option the values, "
                       "or require fewer")
                bad_pairs.add((first[0], first[1].id))
        for other in demanding[i + 1:]:
            for first in group:
                for second in other:
                    if not any(allowed(o, first[1].requires) and allowed(o, second[1].requires)
                               for o in candidates):
                        bad_pairs.add((first[0], first[1].id, second[0], second[1].id))
                        yield ("criteria", _answer_at(crit, second[0], second[1].id),
                               f"no option satisfies both '{first[0]}: {first[1].id}' and "
                               f"'{second[0]}: {second[1].id}', so a reader giving both would get no "
                               "option that resolves the conflict; give an option in options.yml both "
                               "answers' values, or require less of one")
    if bad_pairs:
        return
    for combo in itertools.product(*demanding):
        if not any(all(allowed(o, a.requires) for _, a in combo) for o in candidates):
            last = combo[-1]
            yield ("criteria", _answer_at(crit, last[0], last[1].id),
                   "no option satisfies all of " + ", ".join(f"'{c}: {a.id}'" for c, a in combo)
                   + "; give an option in options.yml all their values, or require less of one")
            return


def consistency(crit: CriteriaFile, opts: OptionsFile, tr: TreesFile, rows: CheatsheetFile) -> Iterator[Finding]:
    """The model in criteria.yml and options.yml, the trees and the cheat sheet never contradict each other."""
    for t_index, tree in enumerate(tr.trees):
        for trail, answers, leaf in tree_paths(tree):
            result = decision.evaluate(answers, crit, opts)
            asked = [step.criterion for step in result.path]
            node, branch = trail[-1]
            at = ("trees", t_index, "nodes", node, "branches", branch, "next")
            if result.option != leaf:
                yield ("trees", at, f"tree '{tree.id}' path {_said(answers)}: model says "
                       f"{result.option}, tree says {leaf}; change the leaf, or the answers' "
                       "requires and prefers in criteria.yml")
            elif asked != list(answers):
                yield ("trees", at, f"tree '{tree.id}' path {_said(answers)} asks "
                       f"{' -> '.join(answers)}, the model asks {' -> '.join(asked)}; ask in the "
                       "order of criteria.yml")
    for index, row in enumerate(rows.cheatsheet):
        result = decision.evaluate(row.when, crit, opts)
        if result.option != row.recommend[0]:
            yield ("cheatsheet", ("cheatsheet", index, "recommend", 0),
                   f"cheatsheet '{row.id}': model says {result.option}, row says {row.recommend[0]}; "
                   "fix the row's 'when' or 'recommend', or the answers' requires and prefers in criteria.yml")


# What an input the catalogue fills takes its value from, as its messages say.
_FILLED_FROM = {"closed": "the cheapest offer of default_models.closed", "open": "the cheapest offer of default_models.open"}
_TYPED = ("default", "step", "basis", "as_of")


def calculator(calc: CalculatorFile) -> Iterator[Finding]:
    """The calculator's inputs are exactly the ones its formula uses, with sane defaults; an input the
    catalogue fills types none of its own."""
    given = [field.id for field in calc.calculator]
    for index, field in enumerate(calc.calculator):
        at = ("calculator", index)
        yield from known("calculator", (*at, "id"), field.id, decision.INPUTS, "calculator input")
        if field.id in decision.FROM_CATALOGUE:
            which, what = decision.FROM_CATALOGUE[field.id]
            source = ("the parameters of default_models.open (models.yml)" if what == "parameters"
                      else _FILLED_FROM[which])
            for name in _TYPED:
                if getattr(field, name) is None:
                    continue
                reason = {"default": f"its default comes from the catalogue, {source}, so that no value is typed twice",
                          "step": "it takes any value the catalogue gives (a price such as 0.039)",
                          "basis": "the page names the model and offer its value comes from",
                          "as_of": "the page shows the offer's own as_of"}[name]
                yield "calculator", (*at, name), f"'{name}' has no place here: {reason}; remove it"
            continue
        missing = [name for name in _TYPED if getattr(field, name) is None]
        for name in missing:
            yield ("calculator", (*at, name), f"required field '{name}' is missing; add '{name}: ...' (only the "
                   f"inputs the catalogue fills, {', '.join(decision.FROM_CATALOGUE)}, go without)")
        if missing:
            continue
        if field.default < field.min or (field.max is not None and field.default > field.max):
            yield ("calculator", (*at, "default"),
                   f"default {field.default:g} is outside {field.min:g} to "
                   f"{'no limit' if field.max is None else format(field.max, 'g')}; change the default or the limits")
        elif abs((steps := (field.default - field.min) / field.step) - round(steps)) > 1e-9:
            yield ("calculator", (*at, "step"),
                   f"default {field.default:g} is not min {field.min:g} plus a whole number of steps of "
                   f"{field.step:g}, so the browser would call it invalid; change 'step' or 'default'")
    for name in decision.INPUTS:
        if name not in given:
            yield ("calculator", ("calculator",),
                   f"input '{name}' is missing; the break-even formula needs all of: "
                   f"{', '.join(decision.INPUTS)}")


def default_models(calc: CalculatorFile, models: ModelsFile, offers: OffersFile) -> Iterator[Finding]:
    """Each default model exists, is closed (or open-weight), is not retired and has a priced offer;
    the open one has a parameter count, which sizes self-hosting. One line per default model."""
    by_id = {m.id: m for m in models.models}
    offered = {o.model for o in offers.offers if prices.priced(o)}
    for which, kind in (("closed", "a closed model"), ("open", "an open-weight model")):
        wanted = getattr(calc.default_models, which)
        eligible = [m.id for m in models.models if prices.side(m) == which and m.status != "retired"
                    and m.id in offered and (which == "closed" or prices.size(m) is not None)]
        wanted_kind = f"{kind} with a priced offer{' and a parameter count' if which == 'open' else ''}"
        choose = (f"name {wanted_kind}, such as: {_listing(eligible)}" if eligible else
                  f"the catalogue has no {wanted_kind}: import the offers (make import) first")
        model = by_id.get(wanted)
        if model is None:
            problem = f"unknown model '{wanted}' (see data/models.yml)"
        elif prices.side(model) != which:
            problem = (f"'{wanted}' is {'a closed model' if which == 'open' else 'an open-weight model'} "
                       f"(openness: {model.openness} in data/models.yml), not {kind}")
        elif model.status == "retired":
            problem = f"'{wanted}' is retired (data/models.yml)"
        elif wanted not in offered:
            problem = (f"'{wanted}' has no priced offer in data/offers.yml (one with an input and an output "
                       "price, not both zero, not retired)")
        elif which == "open" and prices.size(model) is None:
            problem = (f"'{wanted}' has no parameter count (parameters.total in data/models.yml), which sizes "
                       "self-hosting")
        else:
            continue
        yield "calculator", ("default_models", which), f"{problem}; {choose}"


def catalogue(files: dict, today: dt.date) -> Iterator[Finding]:
    """Families, access routes and use cases point at records that exist."""
    option_ids = {o.id for o in files["options"].options}
    route_ids = {r.id for r in files["access_routes"].access_routes}
    family_ids = {f.id for f in files["families"].families}
    yield from not_in_future("families", files["families"].families, today, "as_of")
    for index, family in enumerate(files["families"].families):
        for position, route in enumerate(family.access):
            yield from known("families", ("families", index, "access", position), route, route_ids,
                             "access route", "access_routes")
    for index, route in enumerate(files["access_routes"].access_routes):
        if route.option is not None:
            yield from known("access_routes", ("access_routes", index, "option"), route.option,
                             option_ids, "option", "options")
    for index, case in enumerate(files["use_cases"].use_cases):
        for position, route in enumerate(case.routes):
            at = ("use_cases", index, "routes", position)
            yield from known("use_cases", (*at, "option"), route.option, option_ids, "option", "options")
            if route.family is not None:
                yield from known("use_cases", (*at, "family"), route.family, family_ids,
                                 "model family", "families")


def _refs(name: str, records, field: str, valid, what: str, see: str) -> Iterator[Finding]:
    """Each record's `field` (an id, a list of ids, or None) names a record of `see`."""
    for index, record in enumerate(records):
        value = getattr(record, field)
        for position, item in enumerate(value if isinstance(value, list) else [value]):
            if item is not None:
                at = (name, index, field, position) if isinstance(value, list) else (name, index, field)
                yield from known(name, at, item, valid, what, see)


def models(files: dict, today: dt.date) -> Iterator[Finding]:
    """The catalogue's records point at records that exist, and every open-weight model names its licence."""
    ids = {name: {r.id for r in getattr(files[name], name)} for name in (
        "models", "developers", "licences", "families", "hosts", "datasets", "crosswalk")}
    component_ids = {c.id for c in files["crosswalk"].mof_components}
    sources = {s.id: s for s in files["sources"].sources}
    catalogue_models = files["models"].models
    yield from _refs("families", files["families"].families, "developer", ids["developers"], "developer", "developers")
    yield from _refs("models", catalogue_models, "developer", ids["developers"], "developer", "developers")
    yield from _refs("models", catalogue_models, "family", ids["families"], "model family", "families")
    yield from _refs("models", catalogue_models, "licence", ids["licences"], "licence", "licences")
    yield from _refs("models", catalogue_models, "also_under", ids["licences"], "licence", "licences")
    yield from _refs("offers", files["offers"].offers, "model", ids["models"], "model", "models")
    yield from _refs("offers", files["offers"].offers, "host", ids["hosts"], "host", "hosts")
    yield from _refs("openness", files["openness"].openness, "model", ids["models"], "model", "models")
    yield from _refs("cards", files["cards"].cards, "id", ids["models"], "model", "models")
    for index, card in enumerate(files["cards"].cards):
        if all(getattr(card, fact) is None for fact in CARD_FACTS):
            yield ("cards", ("cards", index, "id"),
                   f"the card of '{card.id}' gives no fact: add what its text states "
                   f"({', '.join(CARD_FACTS)}), or remove the card")
    for name in ("models", "developers", "hosts", "offers"):
        for index, record in enumerate(getattr(files[name], name)):
            for position, origin in enumerate(record.provenance):
                yield from known(name, (name, index, "provenance", position, "dataset"), origin.dataset,
                                 ids["datasets"], "dataset", "datasets")
    for name in ("models", "developers", "offers"):
        yield from not_in_future(name, getattr(files[name], name), today, "as_of")
    for index, model in enumerate(catalogue_models):
        if model.openness != "closed" and model.licence is None:
            yield ("models", ("models", index, "openness"),
                   f"an open-weight model needs its 'licence' (an id from licences.yml); add it, or set "
                   f"openness: closed if its weights are not published")
        for position, claim in enumerate(model.claims):
            yield from known("models", ("models", index, "claims", position, "dataset"), claim.dataset,
                             ids["datasets"], "dataset", "datasets")
    for index, record in enumerate(files["openness"].openness):
        if record.osai is not None:
            for position, rating in enumerate(record.osai.dimensions):
                yield from known("openness", ("openness", index, "osai", "dimensions", position, "dimension"),
                                 rating.dimension, ids["crosswalk"], "openness dimension", "crosswalk")
        if record.mof is not None:
            for position, part in enumerate(record.mof.components):
                if part.component not in component_ids:
                    continue  # the tool's files name components beside the framework's 17; shown as named
    for index, row in enumerate(files["crosswalk"].crosswalk):
        for position, component in enumerate(row.mof):
            yield from known("crosswalk", ("crosswalk", index, "mof", position), component, component_ids,
                             "Model Openness Framework component", "crosswalk")
    for index, dataset in enumerate(files["datasets"].datasets):
        if not any(sources[s].kind == "dataset" for s in dataset.sources if s in sources):
            yield ("datasets", ("datasets", index, "sources"),
                   f"dataset '{dataset.id}' must cite its own source (kind: dataset in sources.yml), which "
                   "credits it on the Sources page; add one and cite it")


def glossary(terms) -> Iterator[Finding]:
    """A word can explain only one term: terms and aliases are unique across the glossary."""
    owner: dict[str, str] = {}
    for index, term in enumerate(terms.glossary):
        for position, word in enumerate([term.term, *term.aliases]):
            loc = ("glossary", index, "term") if position == 0 else ("glossary", index, "aliases", position - 1)
            if word in owner:
                yield "glossary", loc, f"'{word}' is already used by term '{owner[word]}'; keep it in one place"
            else:
                owner[word] = term.id
            if any(char in word for char in "[]"):
                yield "glossary", loc, f"'{word}' contains a bracket, which tooltips cannot match; remove it"
            if len(word.splitlines()) > 1:
                yield "glossary", loc, "a term is one line; join its lines (use '\"...\"', not '|' or '>')"


# Kinds of change that replace one value by another: their entries say what it was and what it is.
VALUE_CHANGES = ("price-change", "licence-change", "openness-change")


def changelog(files: dict, today: dt.date) -> Iterator[Finding]:
    """Every entry names records that exist, by a data file of the site, and is not dated ahead."""
    for index, entry in enumerate(files["changelog"].changelog):
        at = ("changelog", index)
        if entry.date > today:
            yield "changelog", (*at, "date"), f"date {entry.date} is later than today; use the day it changed"
        for name, ids in entry.concerns.items():
            if name not in files or name == "changelog":
                yield from known("changelog", (*at, "concerns", name), name,
                                 [n for n in files if n != "changelog"], "data file")
                continue
            valid = {record.id for record in getattr(files[name], name)}
            for position, record in enumerate(ids):
                yield from known("changelog", (*at, "concerns", name, position), record, valid,
                                 f"{name} record", name)
        if (entry.old is None) != (entry.new is None):
            present, missing = ("new", "old") if entry.old is None else ("old", "new")
            yield ("changelog", (*at, present),
                   f"'{missing}' is missing: give both the value before ('old') and after ('new'), or neither")
        elif entry.kind in VALUE_CHANGES and entry.old is None:
            yield ("changelog", (*at, "kind"),
                   f"a {entry.kind} replaces a value: add 'old:' and 'new:' with the value before and after")


def all_checks(files: dict, today: dt.date) -> Iterator[Finding]:
    """Every cross-record rule over a complete, individually valid set of files."""
    src: SourcesFile = files["sources"]
    source_ids = {s.id for s in src.sources}
    yield from unique_ids("sources", src.sources, ("sources",))
    yield from not_in_future("sources", src.sources, today)
    yield from not_in_future("sources", src.sources, today, "published")
    for name, model in files.items():
        if name == "sources":
            continue
        records = getattr(model, name)
        yield from unique_ids(name, records, (name,))
        yield from source_refs(name, records, source_ids)
        yield from not_in_future(name, records, today)
    yield from dimensions(files["dimensions"], files["categories"])
    model = [*options(files["options"]),
             *criteria(files["criteria"], files["options"]),
             *trees(files["trees"], files["criteria"], files["options"]),
             *cheatsheet(files["cheatsheet"], files["criteria"], files["options"])]
    yield from model
    if not model:  # the model can only be run once its references resolve
        unsatisfiable = list(satisfiable(files["criteria"], files["options"]))
        yield from unsatisfiable
        if not unsatisfiable:
            yield from consistency(files["criteria"], files["options"], files["trees"], files["cheatsheet"])
    yield from models_property(files["options"])
    yield from shortlist(files["shortlist"], files["criteria"])
    yield from calculator(files["calculator"])
    yield from not_in_future("calculator", files["calculator"].calculator, today, "as_of")
    yield from catalogue(files, today)
    found = list(models(files, today))
    yield from found
    if not any(name in ("models", "offers") for name, _, _ in found):  # once offers name real models
        yield from default_models(files["calculator"], files["models"], files["offers"])
    yield from glossary(files["glossary"])
    yield from changelog(files, today)
    yield from primary_backing(files)


def _prose(struct, loc: tuple) -> Iterator[tuple[tuple, str]]:
    """(loc, text) of every prose value in a record, nested parts included."""
    fields = dict(prose_fields(type(struct)))
    for field in struct_fields(type(struct)):
        value = getattr(struct, field.name)
        items = value if isinstance(value, list) else [value]
        for position, item in enumerate(items):
            at = (*loc, field.name, position) if isinstance(value, list) else (*loc, field.name)
            if isinstance(item, Strict):
                yield from _prose(item, at)
            elif isinstance(item, str) and field.name in fields:
                yield at, item


def page_links(files: dict, pages: set[str]) -> Iterator[Finding]:
    """A link in prose to a page of the site names a page that exists (its anchor MkDocs checks)."""
    for name, model in files.items():
        for index, record in enumerate(getattr(model, name)):
            for loc, text in _prose(record, (name, index)):
                for label, target in re.findall(LINK, text):
                    page = target.split("#", 1)[0]
                    if "://" not in target and page not in pages:
                        yield (name, loc, f"the link [{label}]({target}) leads to '{page}', which is not a page "
                                          f"of the site; link to a file under content/, such as "
                                          f"{', '.join(sorted(pages)[:4])} ...")


# Files whose records tell a reader what to do or what the law or a licence says: each record rests on
# at least one primary source (a law, a licence text, a provider's own page, a dataset, ...).
NEEDS_PRIMARY = {"criteria": "a decision rule", "regulation": "a statement of the law", "licences": "a licence term",
                 "shortlist": "a shortlist question"}
_NOT_PRIMARY = ("background-article", "estimate")


def primary_backing(files: dict) -> Iterator[Finding]:
    kinds = {s.id: s.kind for s in files["sources"].sources}
    for index, source in enumerate(files["sources"].sources):
        if source.kind not in _NOT_PRIMARY and source.url is None:
            yield ("sources", ("sources", index, "kind"),
                   f"a source of kind '{source.kind}' needs its 'url', so that readers can check it")
    for name, what in NEEDS_PRIMARY.items():
        if name not in files:
            continue
        for index, record in enumerate(getattr(files[name], name)):
            if all(kinds.get(s) in _NOT_PRIMARY for s in record.sources):
                yield (name, (name, index, "sources"),
                       f"{what} must rest on a primary source, not only on background articles or estimates: "
                       "cite the law, the licence text, the provider's own page or the dataset it follows from "
                       "(add it to sources.yml with its url)")
