"""One decision model behind the guide, the flowchart, the cheat sheet, the helper and the calculator:
evaluate() and break_even() in Python, the same functions in javascripts/decision.js, shared vectors
through both (the JavaScript side in headless Chromium), the consistency checks failing on a wrong row,
and the helper and calculator pages working in a real browser."""
from __future__ import annotations

import itertools
import math
import re
from urllib.parse import parse_qs, urlencode, urlparse

import pytest

from macros import decision
from macros.decision import tree_paths
from macros.render.pages import answer_leads_to, money, whole
from tests.test_browser import visit  # noqa: F401  (fixture)
from tests.test_errors import data, edit, problems  # noqa: F401  (data is a fixture)


# --- shared vectors: answers and the option the data itself says they lead to ---------------------

def vectors(site) -> list[dict]:
    """Every cheat-sheet row and every path of every tree, with the option the row or leaf names."""
    out = [{"name": f"cheatsheet {row.id}", "answers": dict(row.when), "option": row.recommend[0]}
           for row in site.cheatsheet.cheatsheet]
    for tree in site.trees.trees:
        for _, answers, leaf in tree_paths(tree):
            out.append({"name": f"tree {tree.id} " + ",".join(f"{c}={a}" for c, a in answers.items()),
                        "answers": answers, "option": leaf})
    return out


def every_answer_set(site):
    """All combinations of answers, each criterion answered or left open."""
    choices = [[None, *[a.id for a in c.answers]] for c in site.criteria.criteria]
    for combo in itertools.product(*choices):
        yield {c.id: a for c, a in zip(site.criteria.criteria, combo) if a is not None}


def test_every_cheatsheet_row_and_tree_path_is_a_vector(site):
    found = vectors(site)
    assert len(found) == len(site.cheatsheet.cheatsheet) + sum(
        1 for t in site.trees.trees for _ in tree_paths(t))


def evaluate(site, answers):
    return decision.evaluate(answers, site.criteria, site.options)


def test_python_model_gives_each_vector_its_option(site):
    wrong = [(v["name"], evaluate(site, v["answers"]).option, v["option"])
             for v in vectors(site) if evaluate(site, v["answers"]).option != v["option"]]
    assert wrong == []


def test_every_cheatsheet_row_names_the_answers_that_define_it(site):
    assert all(row.when for row in site.cheatsheet.cheatsheet)


def _answer(site, criterion: str, answer: str):
    return next(a for a in site.by_id["criteria"][criterion].answers if a.id == answer)


def _allows(option, answer) -> bool:
    """The option can take, for every property the answer requires, one of the values it allows."""
    return all(set(option.has.get(prop, ())) & set(allowed) for prop, allowed in answer.requires.items())


def _points(option, answer) -> int:
    """What the answer's preferences give the option, as the README states the rule."""
    total = 0
    for prop, ranked in answer.prefers.items():
        values = option.has.get(prop, [])
        total += min((len(ranked) - ranked.index(v) if v in ranked else 0) for v in values) if values else 0
    return total


@pytest.fixture(scope="module")
def every_result(site):
    """Every combination of answers (each criterion answered or left open) and its result."""
    return [(answers, evaluate(site, answers)) for answers in every_answer_set(site)]


def test_every_answer_counts_and_appears_in_the_path_in_the_order_asked(site, every_result):
    order = [c.id for c in site.criteria.criteria]
    for answers, result in every_result:
        assert [(s.criterion, s.answer) for s in result.path] == sorted(answers.items(),
                                                                         key=lambda i: order.index(i[0]))
        assert result.reasons == tuple(_answer(site, s.criterion, s.answer).reason for s in result.path)
        assert all(result.reasons)


def test_no_recommended_option_violates_a_hard_constraint(site, every_result):
    options = site.by_id["options"]
    for answers, result in every_result:
        given = [_answer(site, c, a) for c, a in answers.items()]
        recommended = result.tied or (result.option,)
        assert result.ranking, answers  # the data checks refuse answers no option satisfies together
        for option in [*recommended, *([result.runner_up] if result.runner_up else [])]:
            assert options[option].has, (answers, option)
            assert all(_allows(options[option], a) for a in given), (answers, option)
        assert {o for o, _ in result.ranking} == {o.id for o in site.options.options
                                                  if o.has and all(_allows(o, a) for a in given)}


def test_the_result_is_the_best_score_and_a_tie_across_sides_gives_the_fallback(site, every_result):
    options = site.by_id["options"]
    for answers, result in every_result:
        given = [_answer(site, c, a) for c, a in answers.items()]
        scores = {o: sum(_points(options[o], a) for a in given) for o, _ in result.ranking}
        assert dict(result.ranking) == scores
        assert [s for _, s in result.ranking] == sorted(scores.values(), reverse=True)
        top = [o for o, s in result.ranking if s == result.ranking[0][1]]
        if len({options[o].side for o in top}) > 1:
            assert result.option == site.criteria.fallback and list(result.tied) == top, answers
        else:
            assert result.option == top[0] and result.tied == (), answers
        assert result.runner_up is None or result.runner_up not in (result.option, *result.tied)


def test_each_step_says_what_its_answer_ruled_out_favoured_and_whether_the_result_meets_it(site, every_result):
    options = site.by_id["options"]
    candidates = [o for o in site.options.options if o.has]
    for answers, result in every_result:
        recommended = [options[o] for o in (result.tied or (result.option,))]
        for step in result.path:
            answer = _answer(site, step.criterion, step.answer)
            assert set(step.rules_out) == {o.id for o in candidates if not _allows(o, answer)}
            best = max((_points(o, answer) for o in candidates), default=0)
            assert set(step.favours) == ({o.id for o in candidates if _points(o, answer) == best} if best else set())
            assert step.met == all(_allows(o, answer) and (not step.favours or _points(o, answer) == best)
                                   for o in recommended)


def test_every_conflict_names_options_that_satisfy_both_sides(site, every_result):
    options = site.by_id["options"]
    for answers, result in every_result:
        for conflict in result.conflicts:
            first, second = _answer(site, *conflict.first), _answer(site, *conflict.second)
            assert conflict.first in answers.items() and conflict.second in answers.items()
            alone = evaluate(site, dict([conflict.first]))
            assert conflict.option in (alone.tied or (alone.option,))
            assert not _allows(options[conflict.option], second)
            assert conflict.properties and all(p in second.requires for p in conflict.properties)
            assert conflict.resolved_by, (answers, conflict)
            assert all(_allows(options[o], first) and _allows(options[o], second) for o in conflict.resolved_by)


def test_a_conflict_is_named_whenever_one_answer_alone_points_where_another_forbids(site):
    options = site.by_id["options"]
    singles = [(c.id, a) for c in site.criteria.criteria for a in c.answers]
    for (c1, a1), (c2, a2) in itertools.permutations(singles, 2):
        if c1 == c2:
            continue
        alone = evaluate(site, {c1: a1.id})
        pointed = [options[o] for o in (alone.tied or (alone.option,)) if options[o].has]
        clash = bool(pointed) and all(not _allows(o, a2) for o in pointed)
        result = evaluate(site, {c1: a1.id, c2: a2.id})
        named = [(k.first, k.second) for k in result.conflicts]
        assert (((c1, a1.id), (c2, a2.id)) in named) == clash, (c1, a1.id, c2, a2.id)


def test_evaluate_is_pure_it_reads_no_files_and_needs_the_model(site):
    first = site.criteria.criteria[0]
    for answer in first.answers:
        given = {first.id: answer.id}
        assert evaluate(site, given) == evaluate(site, dict(given))
        assert decision.run(decision.model_json(site.criteria, site.options), given) == evaluate(site, given)
    with pytest.raises(TypeError):
        decision.evaluate({first.id: first.answers[0].id}, site.criteria)  # type: ignore[call-arg]


def test_no_answers_give_an_empty_path_and_no_conflict(site):
    result = evaluate(site, {})
    assert result.path == () and result.conflicts == () and result.reasons == ()
    candidates = [o for o in site.options.options if o.has]
    assert [o for o, _ in result.ranking] == [o.id for o in candidates]
    if len({o.side for o in candidates}) > 1:
        assert result.option == site.criteria.fallback


def test_every_recommendation_is_an_option(site, every_result):
    options = set(site.by_id["options"])
    assert {r.option for _, r in every_result} | {o for _, r in every_result for o in r.tied} <= options


def test_each_answer_part_has_its_words():
    from macros.render import labels
    assert set(labels.PARTS) == set(decision.PARTS)


def test_unknown_criteria_and_answers_are_refused(site):
    first = site.criteria.criteria[0]
    with pytest.raises(ValueError, match="unknown criterion 'no-such-question'"):
        evaluate(site, {"no-such-question": first.answers[0].id})
    with pytest.raises(ValueError, match=re.escape(f"unknown answer 'no-such-answer' of criterion '{first.id}'")):
        evaluate(site, {first.id: "no-such-answer"})


# --- consistency checks fail, in one line, when the data contradicts itself ------------------------

def test_a_cheatsheet_row_that_contradicts_the_model_fails_in_one_line(data):
    line = edit(data / "cheatsheet.yml", "recommend: [open-self-hosted]\n    note: \"Personal data",
                 "recommend: [closed-api]\n    note: \"Personal data")
    assert problems(data) == [
        f"data/cheatsheet.yml:{line}: processing-customer-pii.recommend[0]: cheatsheet "
        "'processing-customer-pii': model says open-self-hosted, row says closed-api; fix the row's "
        "'when' or 'recommend', or the answers' requires and prefers in criteria.yml"]


def test_a_tree_leaf_that_contradicts_the_model_fails_in_one_line(data):
    line = edit(data / "trees.yml", "next: closed-api", "next: open-api-host")
    assert problems(data) == [
        f"data/trees.yml:{line}: hybrid-routing.nodes[frontier].branches[0].next: tree 'hybrid-routing' path "
        "data-sensitivity=not-sensitive, daily-volume=low, frontier-capability=needed: model says "
        "closed-api, tree says open-api-host; change the leaf, or the answers' requires and prefers in criteria.yml"]


def test_changing_the_model_is_caught_by_every_artefact_it_breaks(data):
    edit(data / "criteria.yml", "prefers: {data-location: [your-infrastructure, your-cloud-account,",
         "prefers: {data-location: [your-cloud-account, your-infrastructure,")
    found = problems(data)
    assert any("tree 'hybrid-routing' path data-sensitivity=sensitive: model says managed-open" in p
               for p in found)
    assert sum("row says open-self-hosted" in p for p in found) == 3  # the three sensitive-data rows


def test_a_tree_asking_out_of_the_models_order_fails(data):
    text = (data / "criteria.yml").read_text(encoding="utf-8")
    volume = text[text.index("  - id: daily-volume"):text.index("  - id: frontier-capability")]
    text = text.replace(volume, "")
    text = text.replace("  - id: team-capacity", volume + "  - id: team-capacity")
    (data / "criteria.yml").write_text(text, encoding="utf-8")
    assert any("asks data-sensitivity -> daily-volume -> frontier-capability, the model asks "
               "data-sensitivity -> frontier-capability -> daily-volume; ask in the order of criteria.yml" in p
               for p in problems(data))


def test_answers_that_no_option_satisfies_together_are_refused(data):
    edit(data / "criteria.yml", "requires: {frontier-access: [first]}",
         "requires: {frontier-access: [first], customisation: [trained-on-your-data]}")
    found = problems(data)
    assert any("frontier-capability.answers[needed].requires: no option satisfies both 'workload-mix: single' "
               "and 'frontier-capability: needed'" in p for p in found), found


@pytest.mark.parametrize("file, old, new, expected", [
    ("criteria.yml", "requires: {scope: [per-task]}", "requires: {scop: [per-task]}",
     "workload-mix.answers[mixed].requires.scop: unknown property 'scop' (see data/options.yml)"),
    ("criteria.yml", "requires: {scope: [per-task]}", "requires: {scope: [per-tsk]}",
     "workload-mix.answers[mixed].requires.scope[0]: unknown value of property 'scope' 'per-tsk'"),
    ("criteria.yml", "prefers: {scope: [per-task]}", "prefers: {scope: [per-task, per-task]}",
     "workload-mix.answers[mixed].prefers.scope[1]: 'per-task' is listed twice; list it once"),
    ("options.yml", "scope: [per-task]}", "scope: [per-task], colour: [red]}",
     "hybrid.has.colour: unknown property 'colour'"),
    ("criteria.yml", "      step: 5\n", "      step: 6\n", "guide steps are [1, 2, 3, 4, 6]; number them 1 to 5 without gaps"),
    ("criteria.yml", "fallback: either", "fallback: eithr", "unknown option 'eithr'"),
])
def test_model_mistakes_are_reported(data, file, old, new, expected):
    edit(data / file, old, new)
    assert any(expected in p for p in problems(data)), problems(data)


@pytest.mark.parametrize("old, new, expected", [
    ("    step: 1\n    help: \"Tokens the model writes", "    step: 1000\n    help: \"Tokens the model writes",
     "default 500 is not min 0 plus a whole number of steps of 1000"),
    ("    default: 50\n", "    default: 150\n", "default 150 is outside 1 to 100"),
    ("  - id: min-replicas\n", "  - id: minimum-replicas\n", "unknown calculator input 'minimum-replicas'"),
])
def test_calculator_mistakes_are_reported(data, old, new, expected):
    edit(data / "calculator.yml", old, new)
    assert any(expected in p for p in problems(data)), problems(data)


# --- the cost model ---------------------------------------------------------------------------------

# Fixed inputs for the formulas' own tests; the tests of the page take the defaults from
# data/calculator.yml instead.
DEFAULTS = {"requests-per-day": 5000, "input-tokens": 1000, "output-tokens": 500, "cached-share": 0,
            "closed-input-price": 2.5, "closed-cached-price": 1.25, "closed-output-price": 10,
            "host-input-price": 0.6, "host-cached-price": 0.3, "host-output-price": 0.8,
            "parameters-billions": 70, "bytes-per-parameter": 2, "context-memory-gb": 20, "gpu-memory-gb": 80,
            "gpu-price-per-hour": 2.5, "replica-throughput": 1500, "utilisation": 50, "min-replicas": 2,
            "ops-cost-per-month": 3000}
DAYS = 30.42


def test_costs_by_hand():
    result = decision.costs(DEFAULTS, DAYS)
    assert result["monthly"]["closed"] == pytest.approx(5000 * DAYS * (1000 * 2.5 + 500 * 10) / 1e6)  # 1,140.75
    assert result["monthly"]["host"] == pytest.approx(5000 * DAYS * (1000 * 0.6 + 500 * 0.8) / 1e6)   # 152.10
    assert result["weights_gb"] == 140 and result["memory_gb"] == 160 and result["gpus_per_replica"] == 2
    assert result["capacity_per_replica"] == pytest.approx(1500 * 86400 * 0.5 / 1500)              # 43,200
    assert result["replicas"] == 2 and result["gpus"] == 4
    assert result["monthly"]["self"] == pytest.approx(4 * 2.5 * 24 * DAYS + 3000)                   # 10,300.80
    assert result["cheapest"] == "host"
    # The host is cheaper per request than the closed API, and a replica's traffic on the host costs
    # less than the replica: self-hosting never overtakes the host, so the cheapest route never changes.
    assert result["changes"] == [] and result["versus"]["host"] == []
    (closed,) = result["versus"]["closed"]
    assert closed["requests_per_day"] == pytest.approx((4 * 2.5 * 24 * DAYS + 3000) / (DAYS * 0.0075))  # 45,149
    assert (closed["from"], closed["to"]) == ("closed", "self")


def test_cached_input_is_billed_at_its_own_price():
    half = decision.costs({**DEFAULTS, "cached-share": 50}, DAYS)
    assert half["monthly"]["closed"] == pytest.approx(5000 * DAYS * (500 * 2.5 + 500 * 1.25 + 500 * 10) / 1e6)


def test_precision_and_memory_size_the_gpus():
    four_bit = decision.costs({**DEFAULTS, "bytes-per-parameter": 0.5}, DAYS)
    assert four_bit["weights_gb"] == 35 and four_bit["gpus_per_replica"] == 1
    big = decision.costs({**DEFAULTS, "parameters-billions": 405, "context-memory-gb": 60}, DAYS)
    assert big["gpus_per_replica"] == math.ceil((405 * 2 + 60) / 80)


def _cheapest_by_scan(values: dict, volumes) -> list[str]:
    return [decision.costs({**values, "requests-per-day": v}, DAYS)["cheapest"] for v in volumes]


@pytest.mark.parametrize("change", [
    {}, {"host-input-price": 3, "host-output-price": 3}, {"min-replicas": 0, "ops-cost-per-month": 0},
    {"ops-cost-per-month": 20000, "host-input-price": 5, "host-output-price": 12}, {"utilisation": 100},
])
def test_the_change_points_are_where_the_cheapest_route_changes(change):
    values = {**DEFAULTS, **change}
    result = decision.costs(values, DAYS)
    points = [c["requests_per_day"] for c in result["changes"]]
    assert result["complete"] and points == sorted(points)
    for c in result["changes"]:  # just below and just above, the cheapest routes are the two named
        below, above = _cheapest_by_scan(values, [c["requests_per_day"] * (1 - 1e-9), c["requests_per_day"] * (1 + 1e-9)])
        assert (below, above) == (c["from"], c["to"]), c
    # between change points the cheapest route holds
    edges = [0, *points, (points[-1] if points else 1e5) * 3]
    for lo, hi in zip(edges, edges[1:]):
        scan = _cheapest_by_scan(values, [lo + (hi - lo) * f for f in (0.01, 0.33, 0.66, 0.99)])
        assert len(set(scan)) == 1, (lo, hi, scan)


@pytest.mark.parametrize("change, message", [
    ({"utilisation": 0}, "utilisation must be above 0"),
    ({"replica-throughput": 0}, "must be above zero"),
    ({"requests-per-day": -1}, "zero or more"),
    ({"requests-per-day": float("nan")}, "finite"),
    ({"gpu-price-per-hour": float("inf")}, "finite"),
    ({"cached-share": 101}, "at most 100"),
])
def test_costs_refuse_impossible_inputs(change, message):
    with pytest.raises(ValueError, match=message):
        decision.costs({**DEFAULTS, **change}, DAYS)


def test_calculator_defaults_come_from_data_and_are_marked_illustrative(site, html):
    """Typed defaults are marked illustrative with their date; the inputs the catalogue fills say so
    (the page's figures for them: tests/test_calculator.py)."""
    defaults = decision.calculator_defaults(site)
    assert set(defaults) == set(decision.INPUTS)
    page = html("calculator/")
    for field in site.calculator.calculator:
        box = page.find("input", id=f"calc-{field.id}")
        assert box is not None and float(box["value"]) == defaults[field.id]
        label = page.find("label", attrs={"for": f"calc-{field.id}"})
        assert " ".join(label.get_text().split()) == field.label
        help_text = " ".join(page.find(id=f"calc-{field.id}-help").get_text().split())
        if field.id in decision.FROM_CATALOGUE:
            assert field.default is None and box["step"] == "any"
            assert "From the" in help_text and "Illustrative default" not in help_text
        else:
            assert float(box["value"]) == field.default
            assert "Illustrative default" in help_text and field.as_of.isoformat() in help_text
    result = decision.costs(defaults, site.calculator.days_per_month)
    for route in decision.ROUTES:
        assert page.find(attrs={"data-out": f"monthly-{route}"}).get_text() == money(result["monthly"][route],
                                                                                    site.calculator.currency)
    shown = [" ".join(li.get_text().split()) for li in page.select("#ovc-changes li")]
    assert len(shown) == len(result["changes"])
    assert all(whole(c["requests_per_day"]) in text for c, text in zip(result["changes"], shown))
    none = page.find(attrs={"data-show": "none"})
    assert none.has_attr("hidden") == bool(result["changes"])


def test_the_chart_is_drawn_at_build_time_for_the_defaults(html, site):
    from macros.render import chart
    defaults = decision.calculator_defaults(site)
    result = decision.costs(defaults, site.calculator.days_per_month)
    svg = html("calculator/").find("svg", id="ovc-chart")
    assert svg is not None and svg["role"] == "img" and svg.find("title").get_text()
    lines = {line["data-route"]: line["points"] for line in svg.find_all("polyline")}
    assert lines == chart.points(result, defaults["requests-per-day"])
    assert svg.get("width") is None  # it takes the column's width, on a phone too


# --- the same model in the browser -------------------------------------------------------------------

def grid():
    """Calculator vectors: the defaults, each input at a few other values, and edge cases."""
    out = [dict(DEFAULTS)]
    others = {"requests-per-day": [0, 1, 999, 30000, 250000, 5e6], "input-tokens": [0, 200, 8000],
              "output-tokens": [0, 50, 4000], "cached-share": [0, 50, 100],
              "closed-input-price": [0, 0.05, 15], "closed-cached-price": [0, 7.5], "closed-output-price": [0, 60],
              "host-input-price": [0, 0.05, 3], "host-cached-price": [0, 1.5], "host-output-price": [0, 0.1, 12],
              "parameters-billions": [0.5, 8, 405], "bytes-per-parameter": [0.5, 1, 4],
              "context-memory-gb": [0, 100], "gpu-memory-gb": [24, 141], "gpu-price-per-hour": [0, 0.5, 8],
              "replica-throughput": [1, 300, 20000], "utilisation": [1, 33.3, 100], "min-replicas": [0, 1, 8],
              "ops-cost-per-month": [0, 500, 20000, 150000]}
    for name, values in others.items():
        out += [{**DEFAULTS, name: value} for value in values]
    out += [{**DEFAULTS, "host-input-price": 3, "host-output-price": 3},
            {**DEFAULTS, "min-replicas": 0, "ops-cost-per-month": 0, "gpu-price-per-hour": 0.3}]
    return out


def _plain(result) -> dict:
    """A Python result in the JavaScript result's shape (lists for tuples)."""
    return {
        "option": result.option,
        "path": [{"criterion": s.criterion, "answer": s.answer, "rules_out": list(s.rules_out),
                  "favours": list(s.favours), "met": s.met, "reason": s.reason} for s in result.path],
        "reasons": list(result.reasons), "runner_up": result.runner_up, "tied": list(result.tied),
        "ranking": [list(r) for r in result.ranking],
        "conflicts": [{"first": list(c.first), "second": list(c.second), "option": c.option,
                       "properties": list(c.properties), "resolved_by": list(c.resolved_by)}
                      for c in result.conflicts],
    }


def test_javascript_agrees_with_python_on_every_vector_and_answer_set(visit, site, every_result):
    from macros.render.pages import helper_model
    page = visit("helper/")
    answer_sets = [answers for answers, _ in every_result]
    js = page.evaluate("([model, sets]) => sets.map(a => window.OVC.evaluate(model, a))",
                       [helper_model(site), answer_sets])
    assert len(js) == len(answer_sets) == math.prod(len(c.answers) + 1 for c in site.criteria.criteria)
    wrong = [answers for (answers, want), got in zip(every_result, js) if got != _plain(want)]
    assert wrong == [], wrong[:3]
    shared = vectors(site)
    options = page.evaluate("([model, vs]) => vs.map(v => window.OVC.evaluate(model, v.answers).option)",
                            [helper_model(site), shared])
    assert options == [v["option"] for v in shared]
    error = page.evaluate("model => { try { window.OVC.evaluate(model, {nope: 'x'}); } "
                          "catch (e) { return e.message; } }", helper_model(site))
    assert error == "unknown criterion 'nope'"


def _same(got, want, where):
    """JSON-like values equal, floats to the last few bits (the same formulas in both languages)."""
    if isinstance(want, float) or isinstance(got, float):
        assert math.isclose(got, want, rel_tol=1e-12, abs_tol=1e-12), where
    elif isinstance(want, dict):
        assert set(got) == set(want), where
        for key in want:
            _same(got[key], want[key], f"{where}.{key}")
    elif isinstance(want, (list, tuple)):
        assert len(got) == len(want), where
        for i, (g, w) in enumerate(zip(got, want)):
            _same(g, w, f"{where}[{i}]")
    else:
        assert got == want, where


def test_javascript_costs_agree_with_python(visit, site):
    page = visit("calculator/")
    inputs = grid()
    days = site.calculator.days_per_month
    js = page.evaluate("([vs, days]) => vs.map(v => { const r = window.OVC.costs(v, days);"
                       " const top = window.OVC.chartTop(r, v['requests-per-day']);"
                       " return [r, top, window.OVC.series(r.shape, top, 12)]; })", [inputs, days])
    for values, (got, top, series) in zip(inputs, js):
        want = decision.costs(values, days)
        _same(got, want, str(values))
        assert top == decision.chart_top(want, values["requests-per-day"]), values
        _same(series, decision.series(want["shape"], top, 12), str(values))
    errors = page.evaluate("([v, days]) => ['NaN', -1, 1e309].map(x => { try { window.OVC.costs("
                           "{...v, 'requests-per-day': x}, days); } catch (e) { return e.message; } })",
                           [DEFAULTS, days])
    assert errors == ["every input must be a finite number of zero or more"] * 3


def test_the_page_redraws_the_chart_for_the_readers_inputs(visit, site):
    """The page's drawing for any inputs is the build's drawing for them, to the character."""
    from bs4 import BeautifulSoup
    from macros.render import chart, labels
    defaults = decision.calculator_defaults(site)
    days, currency = site.calculator.days_per_month, site.calculator.currency
    page = visit("calculator/")

    def drawn():
        svg = BeautifulSoup(page.locator("#ovc-chart").evaluate("e => e.outerHTML"), "html.parser").svg
        return ({line["data-route"]: line["points"] for line in svg.find_all("polyline")},
                [t.get_text() for t in svg.select(".ovc-chart__ticks text")], svg.title.get_text())

    def built(values):
        svg = BeautifulSoup(str(chart.cost_chart(decision.costs(values, days), values["requests-per-day"],
                                                 currency, labels.ROUTES)), "html.parser").svg
        return ({line["data-route"]: line["points"] for line in svg.find_all("polyline")},
                [t.get_text() for t in svg.select(".ovc-chart__ticks text")], svg.title.get_text())

    assert drawn() == built(defaults)
    for volume in (200000, 7, 3_000_000):
        page.fill("#calc-requests-per-day", str(volume))
        assert drawn() == built({**defaults, "requests-per-day": volume}), volume
    assert page.errors == []


# --- the helper page ----------------------------------------------------------------------------------

def _shown_option(page) -> str:
    return page.locator(".ovc-outcome:visible").get_attribute("data-option")


def _status(result, answers) -> str:
    """The status line the helper shows for a result (as javascripts/tools.js decides it)."""
    if not answers:
        return "none"
    return "tie" if result.tied else "best"


def test_helper_reads_answers_from_the_address_and_shows_option_path_conflicts_and_reasons(visit, site,
                                                                                          every_result):
    # The answers with the most conflicts, and of those the most answers.
    answers, result = max(every_result, key=lambda w: (len(w[1].conflicts), len(w[1].path)))
    page = visit("helper/?" + urlencode(answers))
    assert _shown_option(page) == result.option
    assert page.locator(".ovc-outcome:visible").count() == 1
    steps = page.locator("#ovc-path li")
    assert steps.count() == len(result.path)
    criteria, options = site.by_id["criteria"], site.by_id["options"]
    for index, step in enumerate(result.path):
        text = steps.nth(index).inner_text()
        assert criteria[step.criterion].name in text and _answer(site, step.criterion, step.answer).label in text
        assert step.reason in text
        assert steps.nth(index).get_attribute("data-met") == ("yes" if step.met else "no")
    assert page.locator(f"[data-status={_status(result, answers)}]").is_visible()
    assert page.locator(".ovc-peek").inner_text() == f"Recommendation: {options[result.option].name}"
    conflicts = page.locator("#ovc-conflicts li")
    assert conflicts.count() == len(result.conflicts)
    for index, conflict in enumerate(result.conflicts):
        text = conflicts.nth(index).inner_text()
        assert options[conflict.option].name in text
        assert all(options[o].name in text for o in conflict.resolved_by)
    if result.runner_up:
        assert page.locator("[data-runner-up]").inner_text() == options[result.runner_up].name
    assert page.errors == []


def test_every_combination_of_answers_is_explained_on_the_page(visit, site, every_result):
    """Every answer given is listed in the explanation, and every conflict names an option that
    resolves it, for every combination of answers, as the page shows them."""
    page = visit("helper/")
    shown = page.evaluate("""sets => sets.map(answers => {
        const form = document.querySelector("form[data-ovc-helper]");
        form.querySelectorAll('input[value=""]').forEach(i => { i.checked = true; });
        Object.entries(answers).forEach(([c, a]) => {
            form.querySelector(`input[name="${c}"][value="${a}"]`).checked = true;
        });
        form.dispatchEvent(new Event("change"));
        return {
            option: document.querySelector(".ovc-outcome:not([hidden])").dataset.option,
            steps: [...document.querySelectorAll("#ovc-path li")].map(li => li.dataset.criterion),
            conflicts: [...document.querySelectorAll("#ovc-conflicts li")].map(li => li.textContent),
        };
    })""", [answers for answers, _ in every_result])
    names = {o.id: o.name for o in site.options.options}
    for (answers, result), got in zip(every_result, shown):
        assert got["option"] == result.option, answers
        assert got["steps"] == [s.criterion for s in result.path] and set(got["steps"]) == set(answers)
        assert len(got["conflicts"]) == len(result.conflicts)
        for text, conflict in zip(got["conflicts"], result.conflicts):
            assert names[conflict.resolved_by[0]] in text, (answers, text)
    assert page.errors == []


def test_the_helper_embed_links_its_result_to_the_full_helper_page(visit, base_url, site):
    """In a wiki, "Link to this result" must lead to the helper page of the site with the answers,
    not to the bare embed."""
    first = site.criteria.criteria[0]
    answer = first.answers[0].id
    page = visit("embed/helper/")
    page.locator(f'input[name="{first.id}"][value="{answer}"]').check()
    link = urlparse(page.locator("#ovc-permalink a").evaluate("a => a.href"))
    assert link.path == urlparse(base_url).path + "helper/"
    assert parse_qs(link.query) == {first.id: [answer]}
    assert parse_qs(urlparse(page.url).query) == {first.id: [answer]}  # the embed keeps them too


def test_helper_works_by_keyboard_alone_and_keeps_answers_in_the_link(visit, site):
    first, second = site.criteria.criteria[:2]
    page = visit("helper/")
    assert _shown_option(page) == evaluate(site, {}).option
    page.locator(f'input[name="{first.id}"]').first.focus()
    # Radio groups: arrow keys move the choice within a question, Tab moves to the next question.
    page.keyboard.press("ArrowDown")     # first question: its second answer
    page.keyboard.press("Tab")           # lands on the next question's checked choice (skip)
    page.keyboard.press("ArrowDown")     # second question: wraps round to its first answer
    given = {first.id: first.answers[1].id, second.id: second.answers[0].id}
    assert page.locator(f'input[name="{second.id}"][value="{second.answers[0].id}"]').is_checked()
    assert _shown_option(page) == evaluate(site, given).option
    query = parse_qs(urlparse(page.url).query)
    assert query == {criterion: [answer] for criterion, answer in given.items()}
    link = page.locator("#ovc-permalink a").get_attribute("href")
    assert parse_qs(urlparse(link).query) == query
    page.keyboard.press("ArrowDown")     # second question: its second answer
    given[second.id] = second.answers[1].id
    result = evaluate(site, given)
    assert _shown_option(page) == result.option
    assert page.locator(f"[data-status={_status(result, given)}]").is_visible()
    again = visit("helper/?" + urlparse(page.url).query)
    assert again.locator(f'input[name="{second.id}"][value="{second.answers[1].id}"]').is_checked()
    assert _shown_option(again) == result.option
    page.locator(".md-content button[type=reset]").click()
    page.wait_for_function("() => !location.search")
    assert _shown_option(page) == evaluate(site, {}).option
    assert page.locator("#ovc-path li").count() == 0


def test_helper_form_is_labelled_for_screen_readers(html, site):
    page = html("helper/")
    for criterion in site.criteria.criteria:
        fieldset = page.find("fieldset", id=f"q-{criterion.id}")
        assert criterion.question in " ".join(fieldset.legend.get_text().split())
        radios = fieldset.find_all("input", attrs={"type": "radio"})
        assert len(radios) == len(criterion.answers) + 1
        assert all(r.find_parent("label") for r in radios)
    live = page.find(id="ovc-result-live")
    assert live["aria-live"] == "polite"


def test_helper_ignores_nonsense_in_the_address(visit, site):
    first = site.criteria.criteria[0].id
    page = visit(f'helper/?{first}="><img src=x onerror=alert(1)>&nope=1')
    assert _shown_option(page) == evaluate(site, {}).option and page.errors == []


# --- the calculator page --------------------------------------------------------------------------------

def _volume_that_flips(defaults: dict, days: float) -> tuple[int, dict]:
    """A requests-per-day value at which another route is cheapest than at the defaults, and the
    result there."""
    start = decision.costs(defaults, days)
    marks = [c["requests_per_day"] for c in [*start["changes"], *start["versus"]["closed"], *start["versus"]["host"]]]
    volume = max([defaults["requests-per-day"], *marks]) or 1
    for factor in (2, 4, 10, 100, 1000, 0.5, 0.1, 0):
        value = math.ceil(volume * factor)
        result = decision.costs({**defaults, "requests-per-day": value}, days)
        if result["cheapest"] != start["cheapest"]:
            return value, result
    return math.ceil(volume * 2), decision.costs({**defaults, "requests-per-day": math.ceil(volume * 2)}, days)


def test_calculator_updates_as_you_type_and_keeps_inputs_in_the_link(visit, site):
    defaults, days = decision.calculator_defaults(site), site.calculator.days_per_month
    labels = {f.id: f.label for f in site.calculator.calculator}
    currency = site.calculator.currency
    start = decision.costs(defaults, days)
    page = visit("calculator/")
    out = lambda name: page.locator(f'[data-out="{name}"]').inner_text()  # noqa: E731
    assert page.locator(f'[data-verdict="{start["cheapest"]}"]').is_visible()
    value, want = _volume_that_flips(defaults, days)
    page.fill("#calc-requests-per-day", str(value))
    assert page.locator(f'[data-verdict="{want["cheapest"]}"]').is_visible()
    for route in decision.ROUTES:
        assert out(f"monthly-{route}") == money(want["monthly"][route], currency)
    assert out("gpus") == str(want["gpus"]) and out("replicas") == str(want["replicas"])
    assert parse_qs(urlparse(page.url).query) == {"requests-per-day": [str(value)]}
    page.fill("#calc-closed-input-price", "0")
    page.fill("#calc-closed-output-price", "0")  # a free API: nothing catches up with it
    assert page.locator('[data-show="none"]').is_visible()
    assert page.locator("#ovc-changes li").count() == 0
    again = visit("calculator/?" + urlparse(page.url).query)
    assert again.input_value("#calc-requests-per-day") == str(value)
    assert again.locator('[data-show="none"]').is_visible()
    page.fill("#calc-utilisation", "0")
    assert page.locator("#ovc-calc-error").is_visible()
    assert labels["utilisation"] in page.locator("#ovc-calc-error").inner_text()
    page.locator(".md-content button[type=reset]").click()
    page.wait_for_function("() => !location.search")
    assert page.locator("#ovc-changes li").count() == len(start["changes"])
    assert page.locator(f'[data-verdict="{start["cheapest"]}"]').is_visible()
    assert not page.locator("#ovc-calc-error").is_visible()
    assert page.errors == []


@pytest.mark.parametrize("value, refused_as", [
    ("1e308", "out of range"), ("-5", "out of range"), ("1e999", "no number"), ("NaN", "no number"),
])
@pytest.mark.parametrize("field", decision.INPUTS)
def test_absurd_inputs_in_the_link_are_refused_with_a_message_never_shown_as_results(visit, site, field, value,
                                                                                     refused_as):
    page = visit(f"calculator/?{field}={value}")
    error = page.locator("#ovc-calc-error")
    label = site.by_id["calculator"][field].label
    assert error.is_visible() and label in error.inner_text()
    if refused_as == "no number":
        assert "no number" in error.inner_text()
    figures = page.evaluate("""() => [...document.querySelectorAll('#ovc-calc-live > :not(#ovc-calc-error)')]
                                   .map(e => e.textContent).join(' ')""")
    assert not any(word in figures for word in ("Infinity", "∞", "NaN", "e+")), figures
    assert page.errors == []


def test_calculator_labels_are_unique_so_a_message_names_one_field(site):
    labels = [f.label for f in site.calculator.calculator]
    assert len(labels) == len(set(labels))


# --- the guide --------------------------------------------------------------------------------------------

def test_guide_shows_its_steps_in_order_with_every_outcome(html, site):
    page = html("guide/")
    headings = [h.get_text(" ", strip=True).replace("¶", "").strip() for h in page.select("article h2")]
    steps = [h for h in headings if h.startswith("Step ")]
    assert steps == [f"Step {c.guide.step}: {c.guide.title}" for c in decision.guide(site.criteria)]
    assert [c.guide.step for c in decision.guide(site.criteria)] == list(range(1, len(steps) + 1))
    text = " ".join(page.select_one("article").get_text().split())
    options = site.by_id["options"]
    for criterion in site.criteria.criteria:
        assert page.find(id=criterion.id) is not None
        for answer in criterion.answers:
            assert answer.reason in text
            for option in answer_leads_to(site, criterion, answer):
                assert page.select(f'a[href$="#option-{option}"]')
                assert options[option].name in text
            try_link = page.find("a", href=f"../helper/?{criterion.id}={answer.id}")
            assert try_link is not None, (criterion.id, answer.id)


def test_each_cheatsheet_row_opens_the_helper_on_its_own_option(visit, html, site, base_url):
    links = {a.find_parent("tr")["id"]: a["href"] for a in html("cheat-sheet/").select("a.ovc-try")}
    assert set(links) == {row.id for row in site.cheatsheet.cheatsheet}
    page = visit("cheat-sheet/")
    for row in site.cheatsheet.cheatsheet:
        page.goto(base_url + "cheat-sheet/" + links[row.id])
        assert _shown_option(page) == row.recommend[0], row.id
    assert page.errors == []


# --- the volume thresholds the pages quote come from the cost model ----------------------------------------

@pytest.mark.parametrize("page_path", ["guide/", "helper/"])
def test_the_volume_thresholds_quoted_are_the_cost_models(html, site, page_path):
    from macros.render.pages import change_text
    result = decision.costs(decision.calculator_defaults(site), site.calculator.days_per_month)
    box = html(page_path).find(id="volume-thresholds")
    assert box is not None
    for route in ("closed", "host"):
        shown = " ".join(box.find(attrs={"data-threshold": route}).get_text().split())
        want = change_text(result["versus"][route][0]) if result["versus"][route] else None
        assert shown == want if want else "stays cheaper at any volume" in shown
    text = " ".join(box.get_text().split())
    assert "thousands of requests a day" in text  # the rule of thumb, beside the computed figures
    for route in ("closed", "host"):
        assert money(result["shape"][route] * 1000, site.calculator.currency) in text
