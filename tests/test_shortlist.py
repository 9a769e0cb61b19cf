"""The helper's shortlist of the catalogue's models: decision.shortlist in Python and the same function in
javascripts/decision.js on shared vectors (the JavaScript side in headless Chromium), properties that
hold over whatever the data is (every listed model meets each answered question and the recommended
option's ways; nothing answered lists by the option alone; a user count above a licence's threshold
leaves its models out; the catalogue's link shows every listed model), the data checks of
shortlist.yml and of the options' models property, and the page: a form filled in a real browser,
linked model names, a working compare link, absurd numbers refused, and the page without script.

No test names a model, a licence or a count of today's data: each reads them from the data."""
from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlencode, urlparse

import msgspec
import pytest

from macros import decision, models as schema
from macros.render import catalogue, labels
from macros.render import shortlist as render
from tests.test_decision import _same  # JSON-like values equal, floats to the last bits
from tests.test_browser import visit  # noqa: F401  (fixture)
from tests.test_errors import data, edit, problems  # noqa: F401  (data is a fixture)


@pytest.fixture(scope="module")
def plain(site):
    """The shortlist's plain data, as the helper page ships it."""
    return render.shortlist_json(site)


def _ways_prop(site):
    return next(p for p in site.options.properties if any(v.models is not None for v in p.values))


def _options(site):
    """Every result the helper can show, as (name, option, tied): each option with properties alone,
    and what no answer gives (a tie, or the fallback)."""
    out = [(o.id, o.id, ()) for o in site.options.options if o.has]
    none = decision.evaluate({}, site.criteria, site.options)
    return [*out, ("no answers", none.option, none.tied)]


def _numbers(site, q) -> list[float]:
    """Values of a number question worth trying, from the data: its range's ends and values around
    what the catalogue states (licences' user limits, context windows, sizes, prices)."""
    n = q.number
    found = {n.min, n.max}
    if n.kind == "user-count":
        for licence in site.licences.licences:
            t = licence.terms.user_threshold
            if t.limit is not None:
                found |= {t.limit, t.limit + 1}
    elif n.kind == "context-tokens":
        contexts = sorted({m.context for m in site.models.models if m.context})
        found |= {contexts[len(contexts) // 4], contexts[len(contexts) // 2], contexts[-1], contexts[-1] + 1}
    elif n.kind == "gpu-memory-gb":
        sizes = sorted({m.parameters.total for m in site.models.models if m.parameters and m.parameters.total})
        middle = sizes[len(sizes) // 2]
        found |= {decision.weights_gb(middle, b) for b in labels.PRECISION_BITS}
        found |= {decision.weights_gb(middle, labels.PRECISION_BITS[0]) - 0.01}
    elif n.kind == "input-price":
        prices = sorted({o.input for o in site.offers.offers if o.input is not None})
        found |= {prices[0], prices[len(prices) // 2], prices[len(prices) // 2] + 0.01}
    return sorted(v for v in found if n.min <= v <= n.max)


def answer_sets(site) -> list[dict]:
    """Answers to the shortlist's questions: none; each answer and each worthwhile number alone; every
    question answered at once (first answers, middle numbers); and every question but one."""
    out: list[dict] = [{}]
    middle = {}
    for q in site.shortlist.shortlist:
        if q.number:
            values = _numbers(site, q)
            out += [{q.id: v} for v in values]
            middle[q.id] = values[len(values) // 2]
        else:
            out += [{q.id: a.id} for a in q.answers]
            middle[q.id] = q.answers[0].id
    out.append(dict(middle))
    out += [{k: v for k, v in middle.items() if k != skip} for skip in middle]
    return out


def vectors(site, plain) -> list[dict]:
    """The shared vectors: every result the helper can show, with each set of shortlist answers."""
    return [{"name": f"{name} {answers}", "answers": answers, "ways": decision.ways_for(plain, option, tied),
             "option": option, "tied": list(tied)}
            for name, option, tied in _options(site) for answers in answer_sets(site)]


@pytest.fixture(scope="module")
def every_result(site, plain):
    return [(v, decision.shortlist(plain, v["answers"], v["ways"])) for v in vectors(site, plain)]


# --- what a listed model must be, worked out from the records themselves ---------------------------------

def _rows(site):
    return {r["model"].id: r for r in catalogue.model_rows(site)}


def _admits(flt, row, skip_has=False) -> bool:
    m, flags = row["model"], {k for k, v in row["flags"].items() if v}
    return ((not flt.openness or m.openness in flt.openness) and (skip_has or set(flt.has) <= flags)
            and set(flt.input) <= set(m.input) and set(flt.output) <= set(m.output))


def _licences(site, m):
    return [site.by_id["licences"][i] for i in (m.licence, *m.also_under)] if m.openness != "closed" else []


def _users_ok(site, m, users, closed_pass) -> bool:
    if m.openness == "closed":
        return closed_pass
    for licence in _licences(site, m):
        t = licence.terms.user_threshold
        if licence.stub or t.value == "unknown":
            return False
        if t.value == "threshold" and (t.unit != "monthly-active-users" or t.limit is None or users > t.limit):
            return False
    return True


def _meets(site, rows, q, given, row, way) -> bool:
    """Whether a model used in `way` (a property value) meets one answered question."""
    m = row["model"]
    if q.number is None:
        answer = next(a for a in q.answers if a.id == given)
        return answer.models is None or _admits(answer.models, row, skip_has=m.openness == "closed" and q.closed_models_pass)
    kind = q.number.kind
    if kind == "user-count":
        return _users_ok(site, m, given, q.closed_models_pass)
    if kind == "context-tokens":
        return m.context is not None and m.context >= given
    if kind == "gpu-memory-gb":
        if way.runs_on != "your-gpus":
            return True
        return bool(m.parameters and m.parameters.total) and any(
            m.parameters.total * b / 8 / 1e9 <= given for b in labels.PRECISION_BITS)
    if way.runs_on != "provider":
        return True
    return row["offer"] is not None and row["offer"].input <= given


def _option_ways(site, option, tied):
    prop = _ways_prop(site)
    chosen = [site.by_id["options"][o] for o in (tied or (option,))]
    ids = {v for o in chosen for v in o.has.get(prop.id, [])} or {v.id for v in prop.values}
    return [v for v in prop.values if v.id in ids]


def _left_out(site, row) -> bool:
    return any(row["flags"][f] for f in site.shortlist.leave_out)


def test_every_listed_model_meets_each_answered_question_and_the_options_ways(site, every_result):
    rows = _rows(site)
    questions = {q.id: q for q in site.shortlist.shortlist}
    for vector, result in every_result:
        ways = {v.id: v for v in _option_ways(site, vector["option"], vector["tied"])}
        for fit in result["models"]:
            row = rows[fit["id"]]
            assert not _left_out(site, row), (vector["name"], fit)
            way = ways[fit["way"]]
            assert _admits(way.models, row), (vector["name"], fit)
            for qid, given in vector["answers"].items():
                assert _meets(site, rows, questions[qid], given, row, way), (vector["name"], fit, qid)
        assert result["total"] == len(result["models"]) == len({f["id"] for f in result["models"]})


def test_every_model_that_meets_them_is_listed(site, every_result):
    """The list is complete: a model that one way admits and that meets every answer is in it."""
    rows = _rows(site)
    questions = {q.id: q for q in site.shortlist.shortlist}
    for vector, result in every_result[::7]:  # a sample: each check walks the whole catalogue
        ways = _option_ways(site, vector["option"], vector["tied"])
        want = {mid for mid, row in rows.items() if not _left_out(site, row) and any(
            _admits(w.models, row) and all(_meets(site, rows, questions[q], a, row, w) for q, a in vector["answers"].items())
            for w in ways)}
        assert {f["id"] for f in result["models"]} == want, vector["name"]


def test_answering_nothing_lists_by_the_option_alone(site, plain):
    rows = _rows(site)
    for name, option, tied in _options(site):
        ways = _option_ways(site, option, tied)
        found = decision.shortlist(plain, {}, decision.ways_for(plain, option, tied))
        want = {mid for mid, row in rows.items() if not _left_out(site, row) and any(_admits(w.models, row) for w in ways)}
        assert {f["id"] for f in found["models"]} == want, name
        assert found["not_applied"] == [] and found["unfiltered"] == [], name


def test_the_recommendation_decides_which_kind_of_model_is_listed(site, every_result):
    """Options on the open side list only models with published weights; closed options only closed
    models or models a host serves."""
    rows, options = _rows(site), site.by_id["options"]
    for vector, result in every_result:
        sides = {options[o].side for o in (vector["tied"] or [vector["option"]])}
        for fit in result["models"]:
            row = rows[fit["id"]]
            if sides == {"open"}:
                assert row["model"].openness != "closed" and row["flags"]["self-host"], (vector["name"], fit)
            if sides == {"closed"}:
                assert row["model"].openness == "closed" or row["flags"]["hosted"], (vector["name"], fit)


def test_a_user_count_above_a_licences_threshold_leaves_its_models_out(site, plain):
    question = next(q for q in site.shortlist.shortlist if q.number and q.number.kind == "user-count")
    everything = decision.ways_for(plain, "", [])
    listed = {f["id"] for f in decision.shortlist(plain, {}, everything)["models"]}
    limited = [l for l in site.licences.licences if not l.stub and l.terms.user_threshold.value == "threshold"
               and l.terms.user_threshold.limit is not None and l.terms.user_threshold.unit == "monthly-active-users"]
    if not limited:
        pytest.skip("no licence with a user threshold in monthly active users to test against")
    for licence in limited:
        limit = licence.terms.user_threshold.limit
        under = {m.id for m in site.models.models if licence.id in (m.licence, *m.also_under)}
        above = {f["id"] for f in decision.shortlist(plain, {question.id: limit + 1}, everything)["models"]}
        assert not under & above, licence.id
        at = {f["id"] for f in decision.shortlist(plain, {question.id: limit}, everything)["models"]}
        allowed = {m for m in under & listed if _users_ok(site, site.by_id["models"][m], limit, question.closed_models_pass)}
        assert allowed <= at, licence.id  # at the threshold itself they stay


def test_the_order_is_the_documented_one(plain, every_result):
    """Developers that disclose more first, then the lowest price, the more open, the newest (then by
    id); and one model per developer before any developer's second."""
    facts = {m["id"]: m for m in plain["models"]}
    order = list(labels.OPENNESS)

    def key(mid):
        m = facts[mid]
        t = plain["developers"][m["developer"]]["transparency"]
        released = dt.date.fromisoformat(m["released"]).toordinal() if m["released"] else None
        return (t is None, -(t or 0), m["price"] is None, m["price"] or 0, -order.index(m["openness"]),
                released is None, -(released or 0), mid)

    for vector, result in every_result[::3]:
        ranked = sorted((f["id"] for f in result["models"]), key=key)
        rounds: dict[str, int] = {}
        nth = []
        for mid in ranked:
            rounds[facts[mid]["developer"]] = rounds.get(facts[mid]["developer"], -1) + 1
            nth.append(rounds[facts[mid]["developer"]])
        want = [mid for _, _, mid in sorted(zip(nth, range(len(ranked)), ranked))]
        assert [f["id"] for f in result["models"]] == want, vector["name"]


def test_gpu_memory_and_price_apply_only_where_a_way_runs_the_model_there(site, every_result):
    questions = {q.id: q for q in site.shortlist.shortlist}
    for vector, result in every_result:
        ways = _option_ways(site, vector["option"], vector["tied"])
        for qid in vector["answers"]:
            kind = questions[qid].number.kind if questions[qid].number else None
            where = {"gpu-memory-gb": "your-gpus", "input-price": "provider"}.get(kind)
            applies = where is None or any(w.runs_on == where for w in ways)
            assert (qid in result["not_applied"]) == (not applies), (vector["name"], qid)
        for fit in result["models"]:
            assert (fit["bits"] is not None) == (any(
                questions[q].number and questions[q].number.kind == "gpu-memory-gb" for q in vector["answers"])
                and next(w for w in ways if w.id == fit["way"]).runs_on == "your-gpus")


def test_an_empty_list_says_which_answer_to_drop(site, plain, every_result):
    for vector, result in every_result:
        if result["models"] or not vector["answers"]:
            assert result["without"] == {}
            continue
        assert set(result["without"]) == set(vector["answers"])
        for qid, count in result["without"].items():
            rest = {k: v for k, v in vector["answers"].items() if k != qid}
            assert count == decision.shortlist(plain, rest, vector["ways"])["total"]


# --- the links: model pages, the comparison, the rest in the catalogue --------------------------------

def _catalogue_keeps(row: dict, query: dict) -> bool:
    """Whether the catalogue page shows a row for these filters, as javascripts/catalogue.js `keep`."""
    d = catalogue._filter_data(row)
    flags, modalities = d["flags"].split(), d["modalities"].split()
    if query["openness"] and d["openness"] not in query["openness"]:
        return False
    if not set(query["has"]) <= set(flags) or not set(query["modality"]) <= set(modalities):
        return False
    if query["context"] is not None and int(d["context"]) < query["context"]:
        return False
    return query["price"] is None or (d["price"] != "" and float(d["price"]) <= query["price"])


def test_the_catalogue_link_shows_every_model_that_fits(site, every_result):
    rows = _rows(site)
    for vector, result in every_result:
        query = result["catalogue"]
        assert all(_catalogue_keeps(rows[f["id"]], query) for f in result["models"]), vector["name"]
        assert set(query["openness"]) <= set(labels.OPENNESS) and set(query["has"]) <= set(labels.CATALOGUE_CHECKS)
        assert (query["sort"], query["dir"]) == ("transparency", "desc")
        names = {q.id for q in site.shortlist.shortlist}
        assert set(result["unfiltered"]) <= names & set(vector["answers"])


def test_the_view_caps_the_list_and_compares_at_most_the_comparisons_maximum(site, plain, every_result):
    for vector, result in every_result:
        shown = render.view(plain, result, vector["ways"], answered=True)
        ids = [i["id"] for i in shown["items"]]
        assert ids == [f["id"] for f in result["models"]][:site.shortlist.limit]
        assert shown["more"] == result["total"] - len(ids) >= 0
        assert len(shown["compare"]) <= labels.COMPARE_MAX and shown["compare"] == ids[:len(shown["compare"])]
        assert (len(shown["compare"]) >= 2) == (len(ids) >= 2)
        query = parse_qs(shown["query"])
        assert set(query) <= set(render.CATALOGUE_PARAMS)


def test_numbers_out_of_range_and_unknown_answers_are_refused(site, plain):
    number = next(q for q in site.shortlist.shortlist if q.number)
    choice = next(q for q in site.shortlist.shortlist if not q.number)
    ways = decision.ways_for(plain, "", [])
    for bad in (float("nan"), float("inf"), -1.0, number.number.max * 10, 1e308, True, "5"):
        if bad == number.number.max * 10 and bad <= number.number.max:
            continue
        with pytest.raises(ValueError, match=f"{number.id}: not a number in its range"):
            decision.shortlist(plain, {number.id: bad}, ways)
    with pytest.raises(ValueError, match="unknown question 'no-such-question'"):
        decision.shortlist(plain, {"no-such-question": 1}, ways)
    with pytest.raises(ValueError, match=f"unknown answer 'nope' of question '{choice.id}'"):
        decision.shortlist(plain, {choice.id: "nope"}, ways)


def test_the_memory_table_and_the_shortlist_share_one_formula(site, html):
    """The GPU question counts weights as the memory table shows them."""
    table = html("access/").select_one("table.ovc-memory")
    assert table is not None
    sized = [m for m in site.models.models if m.parameters and m.parameters.total]
    for row in table.select("tbody tr"):
        name = row.th.get_text(" ", strip=True)
        model = max((m for m in sized if name.startswith(m.name)), key=lambda m: len(m.name))
        cells = [td.get_text(strip=True) for td in row.select("td")][2:]
        assert cells == [f"{render.gigabytes(decision.weights_gb(model.parameters.total, b))} GB"
                         for b in labels.PRECISION_BITS], name


def test_flags_are_the_schemas_and_worded(site):
    allowed = set(schema.Flag.__args__)
    assert set(labels.CATALOGUE_CHECKS) == allowed == set(labels.FLAG_WORDS)
    row = catalogue.model_rows(site)[0]
    assert set(row["flags"]) == allowed


# --- the data checks -----------------------------------------------------------------------------------

@pytest.mark.parametrize("old, new, expected", [
    ("      - id: not-commercial\n        label: \"No: research, teaching or personal use only\"\n", "",
     "has 1 answer(s); give it two or more `answers`, or a `number`"),
    ("      max: 10000000000\n", "      max: 0\n", "max 0 is not above min 0; raise it"),
    ("  - id: commercial-use\n", "  - id: data-sensitivity\n", "'data-sensitivity' is also a question of criteria.yml"),
    ("    closed_models_pass: true\n    sources: [apache-license-2]",
     "    number: {kind: input-price, unit: US$, min: 0, max: 10, step: 1}\n    closed_models_pass: true\n"
     "    sources: [apache-license-2]", "a question has a `number` or `answers`, not both"),
    ("      kind: user-count\n", "      kind: users\n", "expected 'user-count', 'context-tokens', 'gpu-memory-gb' or"),
    ("        models: {has: [commercial]}\n", "        models: {has: [comercial]}\n", "got 'comercial'"),
])
def test_shortlist_mistakes_are_reported(data, old, new, expected):
    edit(data / "shortlist.yml", old, new)
    assert any(expected in p for p in problems(data)), problems(data)


def test_models_of_the_options_properties_are_checked(data):
    edit(data / "options.yml", "      - id: one-kind\n        label: \"one kind of task\"\n",
         "      - id: one-kind\n        label: \"one kind of task\"\n        models: {has: [self-host]}\n")
    edit(data / "options.yml", "      - id: nothing\n", "      - id: nothing\n        runs_on: provider\n")
    edit(data / "options.yml", "      - id: your-infrastructure\n        label: \"stays on infrastructure your team runs\"\n",
         "      - id: your-infrastructure\n        label: \"stays on infrastructure your team runs\"\n"
         "        models: {openness: [closed]}\n")
    found = problems(data)
    assert any("also says which models its values admit" in p for p in found), found
    assert any("value 'your-cloud-account' says no `models`" in p for p in found), found
    assert any("`runs_on` says where the models of a value run" in p for p in found), found


# --- the page, built ---------------------------------------------------------------------------------------

def test_the_page_documents_every_question_from_data_and_lists_models_without_script(html, site, plain):
    page = html("helper/")
    for q in site.shortlist.shortlist:
        term = page.find(id=f"fits-{q.id}")
        assert term is not None and term.get_text(strip=True) == q.name
        words = " ".join(term.find_next("dd").get_text().split())
        assert q.question in words
        assert page.find(id=f"q-{q.id}") is not None
        if q.number:
            field = page.find("input", id=f"s-{q.id}")
            assert field["name"] == q.id and float(field["min"]) == q.number.min and float(field["max"]) == q.number.max
        else:
            assert {r["value"] for r in page.select(f'input[name="{q.id}"]')} == {a.id for a in q.answers} | {""}
    found, shown = render.start(site, plain)
    items = page.select("#ovc-shortlist-list li")
    assert [li["data-model"] for li in items] == [i["id"] for i in shown["items"]]
    for li, item in zip(items, shown["items"]):
        assert li.a.get_text() == item["name"] and li.a["href"] == f"../models/{item['id']}/"
        assert " ".join(li.select_one(".ovc-shortlist__facts").get_text().split()) == item["facts"]
    assert " ".join(page.select_one("#ovc-shortlist-status").get_text().split()) == shown["status"]
    compare = page.select_one("[data-ovc-compare]")
    assert parse_qs(urlparse(compare["href"]).query) == ({"m": [",".join(shown["compare"])]} if shown["compare"] else {})


def test_text_from_data_is_escaped_in_the_helper(site):
    """A model's name and a question's words that look like markup land as text: escaped in the HTML,
    and in the JSON the script reads no '<' can end its element (the script sets text, never HTML)."""
    from dataclasses import replace

    from macros.render import pages
    hostile = "<img src=x onerror=alert(1)></script>"
    first = render.start(site, render.shortlist_json(site))[1]["items"][0]["id"]  # a model the page lists
    models = [msgspec.structs.replace(m, name=hostile) if m.id == first else m for m in site.models.models]
    short = site.shortlist
    questions = [msgspec.structs.replace(short.shortlist[0], name=hostile, question=hostile), *short.shortlist[1:]]
    changed = replace(site, models=msgspec.structs.replace(site.models, models=models),
                      shortlist=msgspec.structs.replace(short, shortlist=questions))
    out = str(pages.decision_helper(changed)) + str(pages.shortlist_questions(changed))
    assert "<img" not in out and "alert(1)></script>" not in out
    assert out.count("&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;") >= 4  # list, form, prose (twice)
    assert "\\u003cimg src=x onerror=alert(1)\\u003e\\u003c/script\\u003e" in out


# --- the same function in the browser, and the page as a reader uses it ----------------------------------------



def test_javascript_agrees_with_python_on_every_vector(visit, site, plain, every_result):
    page = visit("helper/")
    shared = [v for v, _ in every_result]
    js = page.evaluate("""([data, vs]) => vs.map(v => ({
        ways: window.OVC.waysFor(data, v.option, v.tied), result: window.OVC.shortlist(data, v.answers, v.ways)}))""",
                       [plain, shared])
    for (vector, want), got in zip(every_result, js):
        assert got["ways"] == vector["ways"], vector["name"]
        _same(got["result"], want, vector["name"])
    number = next(q for q in site.shortlist.shortlist if q.number)
    errors = page.evaluate("""([data, id, ways]) => [NaN, -1, 1e308, Infinity, "5"].map(x => {
        try { window.OVC.shortlist(data, {[id]: x}, ways); } catch (e) { return e.message; } })""",
                           [plain, number.id, decision.ways_for(plain, "", [])])
    assert errors == [f"{number.id}: not a number in its range"] * 5
    weights = page.evaluate("([p, bits]) => bits.map(b => window.OVC.weightsGb(p, b))", [7.3e9, list(labels.PRECISION_BITS)])
    assert weights == [decision.weights_gb(7.3e9, b) for b in labels.PRECISION_BITS]
    assert page.errors == []


def _pick(site, plain):
    """A filled form: decision answers that lead to an option whose ways run weights on your GPUs, and
    an answer to every shortlist question that still leaves models listed (the largest such set)."""
    gpus = [o.id for o in site.options.options if o.has and any(
        w.runs_on == "your-gpus" for w in _option_ways(site, o.id, ()))]
    for row in site.cheatsheet.cheatsheet:
        result = decision.evaluate(row.when, site.criteria, site.options)
        if result.option in gpus and not result.tied:
            break
    else:
        pytest.skip("no cheat-sheet situation leads to an option that runs weights on your GPUs")
    ways = decision.ways_for(plain, result.option, result.tied)
    best = None
    for answers in answer_sets(site):
        found = decision.shortlist(plain, answers, ways)
        if found["total"] >= 2 and (best is None or (len(answers), found["total"]) > (len(best[1]), best[2]["total"])):
            best = (dict(row.when), answers, found)
    return best


def _fill(page, site, decided, answers):
    form = page.locator("form[data-ovc-helper]")
    for criterion, answer in decided.items():
        form.locator(f'input[name="{criterion}"][value="{answer}"]').check()
    for q in site.shortlist.shortlist:
        if q.id not in answers:
            continue
        if q.number:
            page.fill(f"#s-{q.id}", render.number_text(answers[q.id]))
        else:
            form.locator(f'input[name="{q.id}"][value="{answers[q.id]}"]').check()


def test_a_reader_fills_the_form_and_sees_linked_models_and_a_working_compare_link(visit, site, plain, base_url):
    decided, answers, found = _pick(site, plain)
    result = decision.evaluate(decided, site.criteria, site.options)
    want = render.view(plain, found, decision.ways_for(plain, result.option, result.tied), answered=True)
    page = visit("helper/")
    _fill(page, site, decided, answers)
    items = page.locator("#ovc-shortlist-list li")
    assert items.count() == len(want["items"])
    for index, item in enumerate(want["items"]):
        li = items.nth(index)
        assert li.locator("a").inner_text() == item["name"]
        assert " ".join(li.locator(".ovc-shortlist__facts").inner_text().split()) == item["facts"]
    assert " ".join(page.locator("#ovc-shortlist-status").inner_text().split()) == want["status"]
    # the address keeps every answer, and opening it again shows the same list
    query = parse_qs(urlparse(page.url).query)
    assert {k: v[0] for k, v in query.items()} == {**decided, **{k: v if isinstance(v, str) else render.number_text(v)
                                                                 for k, v in answers.items()}}
    again = visit("helper/?" + urlparse(page.url).query)
    assert [again.locator("#ovc-shortlist-list li").nth(i).get_attribute("data-model") for i in range(items.count())] == \
        [i["id"] for i in want["items"]]
    # each name links to the model's own page
    first = want["items"][0]
    page.locator("#ovc-shortlist-list li a").first.click()
    page.wait_for_url(f"**/models/{first['id']}/")
    page.wait_for_load_state("load")
    assert first["name"] in page.locator("h1").inner_text()
    # the compare link opens those models side by side
    again.locator("[data-ovc-compare]").click()
    again.wait_for_url("**/models/compare/?m=*")
    again.wait_for_selector(".ovc-compare__table")
    caption = again.locator(".ovc-compare__table caption").inner_text()
    names = {m["id"]: m["name"] for m in plain["models"]}
    assert caption == " · ".join(names[i] for i in want["compare"])
    assert parse_qs(urlparse(again.url).query) == {"m": [",".join(want["compare"])]}
    assert page.errors == [] and again.errors == []


def test_the_catalogue_link_opens_the_catalogue_filtered_with_every_model_that_fits(visit, site, plain):
    decided, answers, found = _pick(site, plain)
    result = decision.evaluate(decided, site.criteria, site.options)
    ways = decision.ways_for(plain, result.option, result.tied)
    # fewer answers, so that more fit than the list shows
    answers = {k: v for k, v in answers.items() if not isinstance(v, (int, float))}
    found = decision.shortlist(plain, answers, ways)
    if found["total"] <= site.shortlist.limit:
        answers, found = {}, decision.shortlist(plain, {}, ways)
    if found["total"] <= site.shortlist.limit:
        pytest.skip("the catalogue holds no more models than the list shows")
    page = visit("helper/?" + urlencode({**decided, **answers}))
    more = page.locator("[data-ovc-more]")
    assert more.is_visible()
    assert more.inner_text() == f"{found['total'] - site.shortlist.limit:,} more in the catalogue"
    more.click()
    page.wait_for_url("**/models/?*")
    page.wait_for_load_state("load")
    if page.locator("[data-ovc-all]").is_visible():  # the catalogue shows its first rows until asked
        page.locator("[data-ovc-all]").click()
    visible = set(page.evaluate("() => [...document.querySelectorAll('#catalogue tbody tr:not([hidden])')].map(r => r.dataset.id)"))
    assert {f["id"] for f in found["models"]} <= visible
    assert page.errors == []


@pytest.mark.parametrize("value, expect", [("-5", "must be a number"), ("1e308", "must be a number"),
                                           ("NaN", "no number"), ("1e999", "no number")])
def test_absurd_numbers_are_refused_with_a_message(visit, site, value, expect):
    for q in (q for q in site.shortlist.shortlist if q.number):
        page = visit(f"helper/?{q.id}={value}")
        error = page.locator("#ovc-shortlist-error")
        assert error.is_visible() and expect in error.inner_text() and q.name in error.inner_text(), q.id
        if expect == "must be a number":  # said beside the field too, which is marked invalid
            assert page.locator(f"#s-{q.id}-problem").inner_text() == error.inner_text()
            assert page.get_attribute(f"#s-{q.id}", "aria-invalid") == "true"
        text = page.locator("#ovc-shortlist").inner_text()
        assert not any(word in text for word in ("Infinity", "NaN", "e+", "undefined")), text
        assert page.locator("#ovc-shortlist-list li").count() > 0
        assert page.errors == []
    typed = visit("helper/")
    q = next(q for q in site.shortlist.shortlist if q.number)
    typed.fill(f"#s-{q.id}", "-1")
    assert typed.locator("#ovc-shortlist-error").is_visible()
    assert typed.locator(f"#s-{q.id}-problem").is_visible()
    typed.fill(f"#s-{q.id}", render.number_text(q.number.min))
    assert not typed.locator("#ovc-shortlist-error").is_visible()
    assert not typed.locator(f"#s-{q.id}-problem").is_visible()
    assert typed.get_attribute(f"#s-{q.id}", "aria-invalid") == "false"


def test_without_script_the_page_reads_sensibly(browser, base_url, site, plain):
    page = browser.new_page(java_script_enabled=False)
    page.goto(base_url + "helper/")
    found, shown = render.start(site, plain)
    assert page.locator("#ovc-shortlist-list li").count() == len(shown["items"])
    assert page.locator("#ovc-shortlist-status").inner_text() == shown["status"]
    assert page.locator(".ovc-result__nojs").is_visible()
    assert not page.locator("#ovc-shortlist-error").is_visible()
    page.close()
