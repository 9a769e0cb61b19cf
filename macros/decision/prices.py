"""The catalogue's prices in the cost calculator: which offers count as priced, each model's priced
offers cheapest first, and the inputs the default models of data/calculator.yml give (the closed
model's prices, the open model's prices and size), so that no price is typed twice. Pure: it takes
the files' records, reads nothing.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..models import CalculatorFile, Model, Offer, Site
from .breakeven import per_request

# The two models a reader picks: a closed one (the closed API) and an open-weight one (on an API host,
# and self-hosted). data/calculator.yml names a default of each (`default_models`).
SIDES = ("closed", "open")
# The inputs the catalogue fills, each with the side whose model gives it and what it takes: a price of
# the chosen offer (its field in offers.yml) or the model's size (parameters.total in models.yml).
FROM_CATALOGUE: dict[str, tuple[str, str]] = {
    "closed-input-price": ("closed", "input"),
    "closed-cached-price": ("closed", "cached_input"),
    "closed-output-price": ("closed", "output"),
    "host-input-price": ("open", "input"),
    "host-cached-price": ("open", "cached_input"),
    "host-output-price": ("open", "output"),
    "parameters-billions": ("open", "parameters"),
}
# The price inputs an offer fills, per side, in this order (the page's script gets the prices so).
OFFER_INPUTS: dict[str, tuple[str, ...]] = {
    which: tuple(name for name, (side_, what) in FROM_CATALOGUE.items() if side_ == which and what != "parameters")
    for which in SIDES}
# The inputs that set what a request is; a model's offers are ordered by what a request costs at
# their defaults.
WORKLOAD = ("requests-per-day", "input-tokens", "output-tokens", "cached-share")


def side(model: Model) -> str:
    """Which select offers the model: "closed", or "open" for every kind of open weights."""
    return "closed" if model.openness == "closed" else "open"


def priced(offer: Offer) -> bool:
    """An offer the calculator can take prices from: it states an input and an output price, not both
    zero (a free tier, whose limits the catalogue does not record, is no price for a workload), and it is
    not retired."""
    return (offer.input is not None and offer.output is not None and (offer.input > 0 or offer.output > 0)
            and offer.status != "retired")


def size(model: Model) -> float | None:
    """The model's size in billions of parameters (all of them: a mixture of experts holds every
    expert in memory), or None where the catalogue gives no total."""
    total = model.parameters.total if model.parameters else None
    return None if total is None else total / 1e9


def offer_values(which: str, offer: Offer) -> dict[str, float]:
    """The price inputs one offer fills for its side; the cached-input price is the input price where
    the offer states none (as the field's help says)."""
    cached = offer.cached_input if offer.cached_input is not None else offer.input
    given = {"input": offer.input, "cached_input": cached, "output": offer.output}
    return {name: given[FROM_CATALOGUE[name][1]] for name in OFFER_INPUTS[which]}


def request_price(which: str, offer: Offer, workload: Mapping[str, float]) -> float:
    """What one request of `workload` costs at this offer, by the route's own formula."""
    unset = {name: 0.0 for names in OFFER_INPUTS.values() for name in names}
    values = {**unset, **workload, **offer_values(which, offer)}
    return per_request(values)["closed" if which == "closed" else "host"]


def menu(models: Iterable[Model], offers: Iterable[Offer], workload: Mapping[str, float]) -> dict[str, dict]:
    """Per side, {model id: (model, its priced offers)} for every model that is not retired and has a
    priced offer, in the order of models.yml; each model's offers cheapest first for a request of
    `workload`, the developer's own API first among equals, then by host and offer id. The first is
    the one the calculator fills in."""
    by_model: dict[str, list[Offer]] = {}
    for offer in offers:
        if priced(offer):
            by_model.setdefault(offer.model, []).append(offer)
    out: dict[str, dict] = {which: {} for which in SIDES}
    for model in models:
        if model.status == "retired" or model.id not in by_model:
            continue
        which = side(model)
        ordered = sorted(by_model[model.id], key=lambda o: (request_price(which, o, workload),
                                                            o.host != model.developer, o.host, o.id))
        out[which][model.id] = (model, ordered)
    return out


def workload(calc: CalculatorFile) -> dict[str, float]:
    """The workload's inputs at their defaults."""
    return {field.id: field.default for field in calc.calculator if field.id in WORKLOAD}


def site_menu(site: Site) -> dict[str, dict]:
    return menu(site.models.models, site.offers.offers, workload(site.calculator))


def default_choice(site: Site) -> dict[str, tuple[Model, Offer]]:
    """Per side, the default model and its cheapest offer (the data checks make sure both exist)."""
    found = site_menu(site)
    chosen = {"closed": site.calculator.default_models.closed, "open": site.calculator.default_models.open}
    return {which: (found[which][chosen[which]][0], found[which][chosen[which]][1][0]) for which in SIDES}


def catalogue_values(choice: Mapping[str, tuple[Model, Offer]]) -> dict[str, float]:
    """The inputs of FROM_CATALOGUE that the chosen models and offers give (the size only where the
    catalogue knows it)."""
    values = {**offer_values("closed", choice["closed"][1]), **offer_values("open", choice["open"][1])}
    known = size(choice["open"][0])
    if known is not None:
        values["parameters-billions"] = known
    return values


def calculator_defaults(site: Site) -> dict[str, float]:
    """Every input of `costs` as the page opens: the typed defaults of data/calculator.yml and what the
    default models' cheapest offers and the open model's size give."""
    typed = {field.id: field.default for field in site.calculator.calculator if field.default is not None}
    return {**typed, **catalogue_values(default_choice(site))}
