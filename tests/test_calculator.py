"""The calculator's prices come from the catalogue: the defaults are the default models' cheapest
priced offers (and the open model's size), the selects offer every closed and open-weight model with
a priced offer, picking one fills its offer's prices and shows its date and source, the choice lives
in the page address, a wrong default model is one located line, and data text stays text wherever it
lands. Properties over whatever the data is: no test names today's models or prices.

The oracle here is written apart from macros/decision/prices.py: which offers are priced, and what a
request of the default workload costs at each."""
from __future__ import annotations

import json
import math
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from macros import decision
from macros.data import load_site
from macros.render.pages import money
from tests.support import ROOT
from tests.test_browser import visit  # noqa: F401  (fixture)
from tests.test_decision import _same
from tests.test_errors import data, edit, problems  # noqa: F401  (data is a fixture)

SIDES = ("closed", "open")
PRICE_INPUTS = {"closed": ("closed-input-price", "closed-cached-price", "closed-output-price"),
                "open": ("host-input-price", "host-cached-price", "host-output-price")}


# --- the oracle ----------------------------------------------------------------------------------------

def _side(model) -> str:
    return "closed" if model.openness == "closed" else "open"


def _priced(offer) -> bool:
    return (offer.input is not None and offer.output is not None and (offer.input > 0 or offer.output > 0)
            and offer.status != "retired")


def _values(which: str, offer) -> dict[str, float]:
    route = "closed" if which == "closed" else "host"
    cached = offer.input if offer.cached_input is None else offer.cached_input
    return {f"{route}-input-price": offer.input, f"{route}-output-price": offer.output, f"{route}-cached-price": cached}


def _cost(site, which: str, offer) -> float:
    """A request of the default workload at this offer, by hand."""
    typed = {f.id: f.default for f in site.calculator.calculator}
    tokens_in, tokens_out, share = typed["input-tokens"], typed["output-tokens"], typed["cached-share"] / 100
    v = _values(which, offer)
    if which == "closed":
        return tokens_in * ((1 - share) * v["closed-input-price"] + share * v["closed-cached-price"]) \
            + tokens_out * v["closed-output-price"]
    return tokens_in * ((1 - share) * v["host-input-price"] + share * v["host-cached-price"]) \
        + tokens_out * v["host-output-price"]


def offers_of(site, model_id: str) -> list:
    return [o for o in site.offers.offers if o.model == model_id and _priced(o)]


def cheapest(site, model_id: str) -> list:
    """Every priced offer of the model at the lowest cost (ties are equal in price)."""
    which = _side(site.by_id["models"][model_id])
    found = offers_of(site, model_id)
    low = min(_cost(site, which, o) for o in found)
    return [o for o in found if math.isclose(_cost(site, which, o), low, rel_tol=1e-12, abs_tol=1e-15)]


def selectable(site, which: str) -> set[str]:
    return {m.id for m in site.models.models
            if _side(m) == which and m.status != "retired" and offers_of(site, m.id)}


def _size(model) -> float | None:
    return model.parameters.total / 1e9 if model.parameters and model.parameters.total else None


def _default(site, which: str) -> str:
    return getattr(site.calculator.default_models, which)


def _other(site, which: str, want_size: bool | None = None) -> str | None:
    """A model of the side other than the default, preferring one whose cheapest prices differ from
    the default's (so that picking it changes what the page shows); with `want_size`, one that has
    (True) or lacks (False) a parameter count."""
    default = _default(site, which)
    before = _values(which, cheapest(site, default)[0])
    candidates = sorted(m for m in selectable(site, which) - {default}
                        if want_size is None or (_size(site.by_id["models"][m]) is not None) == want_size)
    differ = [m for m in candidates if _values(which, cheapest(site, m)[0]) != before]
    return (differ or candidates or [None])[0]


def _number(text: str) -> float:
    return float(text)


# --- the page without its script ----------------------------------------------------------------------

def test_the_defaults_in_the_page_are_the_default_models_cheapest_offers(site, html):
    page = html("calculator/")
    for which in SIDES:
        model_id = _default(site, which)
        model = site.by_id["models"][model_id]
        shown = page.find(id=f"calc-{which}-offer").find("option", selected=True)["value"]
        offer = site.by_id["offers"][shown]
        assert offer in cheapest(site, model_id), (which, shown)
        for name, value in _values(which, offer).items():
            assert _number(page.find("input", id=f"calc-{name}")["value"]) == value, name
            assert _number(page.find(attrs={"data-filled": name}).get_text()) == value, name
        selected = page.find(id=f"calc-{which}-model").find_all("option", selected=True)
        assert [o["value"] for o in selected] == [model_id]
        # Where the prices come from, readable without the script: model, host, API name, date, file.
        source = page.find(id=f"calc-{which}-source")
        text = " ".join(source.get_text().split())
        assert model.name in text and site.by_id["hosts"][offer.host].name in text and offer.name in text
        assert source.find("time")["datetime"] == offer.as_of.isoformat() == source.find("time").get_text()
        assert source.find("a", href=offer.provenance[0].url) is not None
        assert source.find_parent(class_="ovc-pick").find(class_="ovc-pick__choose").has_attr("hidden")
    # The page's prose names them too (from data, never typed).
    prose = " ".join(page.select_one("article").get_text().split())
    for which in SIDES:
        model = site.by_id["models"][_default(site, which)]
        hosts = {site.by_id["hosts"][o.host].name for o in cheapest(site, model.id)}
        assert any(f"{model.name} at {host}" in prose for host in hosts), which
    size = _size(site.by_id["models"][_default(site, "open")])
    assert _number(page.find("input", id="calc-parameters-billions")["value"]) == size
    # What the build computed and drew is for exactly these values.
    assert decision.calculator_defaults(site) == {
        **{f.id: f.default for f in site.calculator.calculator if f.default is not None},
        **{name: _number(page.find("input", id=f"calc-{name}")["value"]) for name in decision.FROM_CATALOGUE}}


def test_the_selects_offer_every_model_with_a_priced_offer_and_its_offers_cheapest_first(site, html):
    page = html("calculator/")
    for which in SIDES:
        listed = [o["value"] for o in page.find(id=f"calc-{which}-model").find_all("option")]
        assert len(listed) == len(set(listed)) and set(listed) == selectable(site, which), which
        model_id = _default(site, which)
        hosts = [o["value"] for o in page.find(id=f"calc-{which}-offer").find_all("option")]
        assert sorted(hosts) == sorted(o.id for o in offers_of(site, model_id))
        costs = [_cost(site, which, site.by_id["offers"][h]) for h in hosts]
        assert costs == sorted(costs)
    data = json.loads(page.find("script", id="ovc-offers").string)
    for which in SIDES:
        assert set(data[which]) == selectable(site, which)
        for model_id, entry in data[which].items():
            assert [o["id"] for o in entry["offers"]][0] in {o.id for o in cheapest(site, model_id)}
            for shown in entry["offers"]:
                offer = site.by_id["offers"][shown["id"]]
                assert dict(zip(data["inputs"][which], shown["prices"])) == _values(which, offer)
                assert data["sources"][shown["source"]]["prefix"] + shown["path"] == offer.provenance[0].url
                assert shown["as_of"] == offer.as_of.isoformat()


def test_the_thresholds_name_the_default_models_and_their_hosts(site, html):
    for path in ("guide/", "helper/"):
        box = html(path).find(id="volume-thresholds")
        for which in SIDES:
            model = site.by_id["models"][_default(site, which)]
            text = " ".join(box.find(attrs={"data-default-model": which}).get_text().split())
            hosts = {site.by_id["hosts"][o.host].name for o in cheapest(site, model.id)}
            assert text.startswith(model.name + " at ") and text[len(model.name) + 4:] in hosts


# --- the data checks ------------------------------------------------------------------------------------

def _default_line(data: Path, which: str) -> tuple[str, int]:
    text = (data / "calculator.yml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    old = f"  {which}: {raw['default_models'][which]}\n"
    return old, text[: text.index(old)].count("\n") + 1


@pytest.mark.parametrize("which, replace_with, expected", [
    ("closed", "no-such-model", "unknown model 'no-such-model' (see data/models.yml)"),
    ("open", "no-such-model", "unknown model 'no-such-model' (see data/models.yml)"),
    ("open", "a closed model", "is a closed model (openness: closed in data/models.yml), not an open-weight model"),
    ("closed", "an open model", "is an open-weight model (openness: "),
    ("open", "an open model with no priced offer", "has no priced offer in data/offers.yml"),
])
def test_a_wrong_default_model_is_one_located_line(data, which, replace_with, expected):
    site = load_site(data)
    if replace_with == "a closed model":
        replace_with = next(m.id for m in site.models.models if m.openness == "closed")
    elif replace_with == "an open model":
        replace_with = next(m.id for m in site.models.models if m.openness != "closed" and offers_of(site, m.id))
    elif replace_with == "an open model with no priced offer":
        replace_with = next(m.id for m in site.models.models if m.openness != "closed" and not offers_of(site, m.id))
    old, line = _default_line(data, which)
    edit(data / "calculator.yml", old, f"  {which}: {replace_with}\n")
    found = problems(data)
    assert len(found) == 1, found
    assert found[0].startswith(f"data/calculator.yml:{line}: default_models.{which}: "), found
    assert expected in found[0] and "such as:" in found[0], found


def test_a_price_typed_beside_the_catalogues_is_one_located_line(data):
    text = (data / "calculator.yml").read_text(encoding="utf-8")
    old = "  - id: closed-input-price\n"
    line = edit(data / "calculator.yml", old, old + "    default: 2.5\n") + 1
    assert text != (data / "calculator.yml").read_text(encoding="utf-8")
    assert problems(data) == [f"data/calculator.yml:{line}: closed-input-price.default: 'default' has no place "
                              "here: its default comes from the catalogue, the cheapest offer of "
                              "default_models.closed, so that no value is typed twice; remove it"]


def test_an_illustrative_input_without_its_default_is_one_located_line(data):
    text = (data / "calculator.yml").read_text(encoding="utf-8")
    start = text.index("  - id: requests-per-day\n")
    line = text[:start].count("\n") + 1
    edit(data / "calculator.yml", "    default: 5000\n", "")
    [problem] = problems(data)
    assert problem.startswith(f"data/calculator.yml:{line}: requests-per-day.default: required field 'default' "
                              "is missing")


# --- text from data stays text, wherever it lands ----------------------------------------------------

# Short enough for a model's name (at most 80 characters); each part would run or break something if
# it were not escaped (HTML, an attribute, the JSON in its script element).
HOSTILE = '</script><img src=x onerror="window.__pwned=1">"\'&amp;<b>'


def _poisoned(data: Path) -> None:
    """Every model, host, offer, developer and dataset name and every parameter basis gets HOSTILE
    (with a number, so that each stays distinct)."""
    for name, fields in (("models", ("name",)), ("hosts", ("name",)), ("offers", ("name",)),
                         ("developers", ("name",)), ("datasets", ("name",))):
        path = data / f"{name}.yml"
        text = path.read_text(encoding="utf-8")
        first, rest = text.split("\n", 1)
        doc = yaml.safe_load(rest)
        for index, record in enumerate(doc[name]):
            for field in fields:
                if field in record:
                    record[field] = f"{HOSTILE}{index}"
            if name == "models" and record.get("parameters"):
                record["parameters"]["basis"] = f"{HOSTILE}basis{index}"
        path.write_text(first + "\n" + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _scripts() -> str:
    return "".join((ROOT / "content" / "javascripts" / name).read_text(encoding="utf-8")
                   for name in ("decision.js", "tools.js"))


def test_model_host_and_offer_names_are_text_in_the_html_the_json_and_the_browser(data, browser):
    from macros.render import pages
    _poisoned(data)
    site = load_site(data)
    html = pages.calculator(site)
    soup = BeautifulSoup(html, "html.parser")
    assert [s.get("id") for s in soup.find_all("script")] == ["ovc-offers"]
    assert not soup.find_all("img") and not soup.find_all("b")
    assert not [a for tag in soup.find_all(True) for a in tag.attrs if a.startswith("on")]
    for which in SIDES:
        for option in soup.find(id=f"calc-{which}-model").find_all("option"):
            assert option.get_text() == site.by_id["models"][option["value"]].name
        for group in soup.find(id=f"calc-{which}-model").find_all("optgroup"):
            assert group["label"].startswith(HOSTILE)
    data_json = json.loads(soup.find("script", id="ovc-offers").string)
    assert all(entry["name"] == site.by_id["models"][model_id].name
               for which in SIDES for model_id, entry in data_json[which].items())
    # In Chromium, with the page's own scripts: pick each model in turn, no script from the data runs
    # and the names show as written.
    page = browser.new_page()
    try:
        page.set_content(f"<!doctype html><html><body><div class='md-content'>{html}</div></body></html>")
        page.add_script_tag(content=_scripts())
        for which in SIDES:
            for model_id in data_json[which]:
                page.select_option(f"#calc-{which}-model", model_id)
                source = page.locator(f"#calc-{which}-source")
                model, first = site.by_id["models"][model_id], data_json[which][model_id]["offers"][0]
                assert source.locator('[data-pick="model"]').inner_text() == model.name
                assert source.locator('[data-pick="host"]').inner_text() == first["host"]
                assert source.locator('[data-pick="api-name"]').inner_text() == first["name"]
                assert page.locator(f"#calc-{which}-offer option").first.inner_text() == first["label"]
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.evaluate("document.querySelectorAll('img, b').length") == 0
    finally:
        page.close()


# --- the page in the browser ------------------------------------------------------------------------

def _inputs(page, names) -> dict[str, float]:
    return {name: _number(page.input_value(f"#calc-{name}")) for name in names}


def test_picking_another_model_fills_its_cheapest_offer_and_keeps_it_in_the_address(visit, site):
    days, currency = site.calculator.days_per_month, site.calculator.currency
    for which in SIDES:
        other = _other(site, which)
        if other is None:
            pytest.skip(f"only one {which} model has a priced offer")
        page = visit("calculator/")
        page.select_option(f"#calc-{which}-model", other)
        shown = page.input_value(f"#calc-{which}-offer")
        offer = site.by_id["offers"][shown]
        assert offer in cheapest(site, other)
        assert _inputs(page, PRICE_INPUTS[which]) == _values(which, offer)
        source = page.locator(f"#calc-{which}-source")
        assert source.locator("time").inner_text() == offer.as_of.isoformat()
        assert source.locator("time").get_attribute("datetime") == offer.as_of.isoformat()
        assert source.locator('[data-pick="source"]').get_attribute("href") == offer.provenance[0].url
        assert source.locator('[data-pick="host"]').inner_text() == site.by_id["hosts"][offer.host].name
        assert source.locator('[data-pick="model"]').inner_text() == site.by_id["models"][other].name
        assert f"models/{other}/" in source.locator('[data-pick="model"]').get_attribute("href")
        values = {**decision.calculator_defaults(site), **_values(which, offer)}
        if which == "open" and _size(site.by_id["models"][other]) is not None:
            values["parameters-billions"] = _size(site.by_id["models"][other])
        want = decision.costs(values, days)
        for route in decision.ROUTES:
            assert page.locator(f'[data-out="monthly-{route}"]').inner_text() == money(want["monthly"][route], currency)
        query = parse_qs(urlparse(page.url).query)
        assert query.pop(f"{which}-model") == [other]
        assert set(query) <= {"parameters-billions"}  # kept where the model gives no size
        again = visit("calculator/?" + urlparse(page.url).query)
        assert again.input_value(f"#calc-{which}-model") == other
        assert _inputs(again, PRICE_INPUTS[which]) == _values(which, offer)
        assert again.errors == [] and page.errors == []


def test_the_open_models_size_sizes_self_hosting_or_the_page_asks_for_it(visit, site):
    page = visit("calculator/")
    start = _number(page.input_value("#calc-parameters-billions"))
    sized = _other(site, "open", want_size=True)
    if sized is not None:
        page.select_option("#calc-open-model", sized)
        assert _number(page.input_value("#calc-parameters-billions")) == _size(site.by_id["models"][sized])
        assert page.locator('[data-when="size"]').is_visible() and not page.locator('[data-when="no-size"]').is_visible()
        assert "parameters-billions" not in parse_qs(urlparse(page.url).query)
        start = _size(site.by_id["models"][sized])
    unsized = _other(site, "open", want_size=False)
    if unsized is not None:
        page.select_option("#calc-open-model", unsized)
        assert _number(page.input_value("#calc-parameters-billions")) == start  # left as it was
        note = page.locator('[data-when="no-size"]')
        assert note.is_visible() and site.by_id["models"][unsized].name in note.inner_text()
        assert parse_qs(urlparse(page.url).query)["parameters-billions"] == [page.input_value("#calc-parameters-billions")]
    assert page.errors == []


def test_a_host_picked_and_a_price_typed_stay_and_the_defaults_come_back(visit, site):
    page = visit("calculator/")
    which = next((w for w in SIDES if len(offers_of(site, _default(site, w))) > 1), None)
    if which is None:
        pytest.skip("no default model has more than one priced offer")
    last = page.locator(f"#calc-{which}-offer option").last.get_attribute("value")
    page.select_option(f"#calc-{which}-offer", last)
    assert _inputs(page, PRICE_INPUTS[which]) == _values(which, site.by_id["offers"][last])
    assert page.locator(f'#calc-{which}-source [data-rank="picked"]').is_visible()
    name = PRICE_INPUTS[which][0]
    page.fill(f"#calc-{name}", "123.45")
    assert page.locator(f'[data-edited="{name}"]').is_visible()
    query = parse_qs(urlparse(page.url).query)
    assert query == {f"{which}-offer": [last], name: ["123.45"]}
    again = visit("calculator/?" + urlparse(page.url).query)
    assert again.input_value(f"#calc-{which}-offer") == last and again.input_value(f"#calc-{name}") == "123.45"
    assert again.locator(f'[data-edited="{name}"]').is_visible()
    page.locator(".md-content button[type=reset]").click()
    page.wait_for_function("() => !location.search")
    first = cheapest(site, _default(site, which))
    assert page.input_value(f"#calc-{which}-offer") in {o.id for o in first}
    assert _inputs(page, PRICE_INPUTS[which]) == _values(which, first[0])
    assert not page.locator(f'[data-edited="{name}"]').is_visible()
    assert page.errors == [] and again.errors == []


@pytest.mark.parametrize("query", ["closed-model=no-such-model", "open-offer=no-such-offer",
                                   "closed-model=__proto__&open-model=constructor"])
def test_a_choice_the_catalogue_does_not_have_is_named_and_the_default_kept(visit, site, query):
    page = visit("calculator/?" + query)
    assert page.locator("#ovc-calc-error").is_visible()
    assert "the default is used" in page.locator("#ovc-calc-error").inner_text()
    for which in SIDES:
        assert page.input_value(f"#calc-{which}-model") == _default(site, which)
    assert page.errors == []


def test_javascript_and_python_agree_on_every_offer_of_the_catalogue(visit, site):
    """Shared vectors from the catalogue: the defaults with each priced offer of each model in turn
    (and the open model's size), through both languages' cost model."""
    defaults, days = decision.calculator_defaults(site), site.calculator.days_per_month
    vectors = []
    for which, found in decision.site_menu(site).items():
        for model, offers in found.values():
            for offer in offers:
                values = {**defaults, **_values(which, offer)}
                if which == "open" and _size(model) is not None:
                    values["parameters-billions"] = _size(model)
                vectors.append(values)
    page = visit("calculator/")
    js = page.evaluate("([vs, days]) => vs.map(v => window.OVC.costs(v, days))", [vectors, days])
    assert len(js) == len(vectors)
    for values, got in zip(vectors, js):
        _same(got, decision.costs(values, days), str(values))
