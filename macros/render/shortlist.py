"""The helper's shortlist as the page shows it: the plain data that decision.shortlist (and the page's
script, javascripts/decision.js) reads, built from the rows the catalogue table computes
(catalogue.model_rows: its flags, cheapest offer, key restriction, developer transparency), and the
words of each listed model. Pure: validated data in, data and text out."""
from __future__ import annotations

import math

from .. import decision
from ..models import Licence, Site
from . import catalogue, labels

# The catalogue page's address parameters (javascripts/catalogue.js: LIST_KEYS, then VALUE_KEYS), in
# the order its own links write them.
CATALOGUE_PARAMS = ("openness", "has", "modality", "context", "price", "sort", "dir")


def _filter(flt) -> dict | None:
    if flt is None:
        return None
    return {"openness": list(flt.openness), "has": list(flt.has), "input": list(flt.input), "output": list(flt.output)}


def _user_terms(licences: list[Licence]) -> tuple[bool, float | None]:
    """(known, the smallest monthly-active-user limit) of the licences a model is under: known when
    every one is read and says no threshold or a limit in monthly active users."""
    known, limit = True, None
    for licence in licences:
        t = licence.terms.user_threshold
        if licence.stub or t.value == "unknown":
            known = False
        elif t.value == "threshold":
            if t.unit != "monthly-active-users" or t.limit is None:
                known = False
            else:
                limit = t.limit if limit is None else min(limit, t.limit)
    return known, limit


def _transparency(t) -> float | None:
    return None if t is None else t.score / t.of


def models_property(site: Site):
    """The options' property whose values say which models they admit (`models-used`), or None."""
    return next((p for p in site.options.properties if any(v.models is not None for v in p.values)), None)


def shortlist_json(site: Site) -> dict:
    """What decision.shortlist reads: the questions, the ways the options use models, the precisions,
    and every shown model's facts (with the words the page shows for it)."""
    short = site.shortlist
    prop = models_property(site)
    ways = [{"id": v.id, "label": v.label, "models": _filter(v.models), "runs_on": v.runs_on}
            for v in (prop.values if prop else [])]
    licences = site.by_id["licences"]
    rows = catalogue.model_rows(site)
    models = []
    for row in rows:
        m, offer = row["model"], row["offer"]
        licensed = m.openness != "closed" and m.licence is not None
        known, limit = _user_terms([licences[i] for i in (m.licence, *m.also_under) if i in licences]) if licensed \
            else (False, None)
        models.append({
            "id": m.id, "name": m.name, "developer": m.developer, "openness": m.openness, "licence": m.licence,
            "flags": [k for k in labels.CATALOGUE_CHECKS if row["flags"][k]],
            "input": list(m.input), "output": list(m.output), "context": m.context,
            "parameters": m.parameters.total if m.parameters else None,
            "price": offer.input if offer else None, "price_text": catalogue.price(offer.input) if offer else None,
            "host": offer.host if offer else None,
            "licensed": licensed, "user_terms_known": known, "user_limit": limit,
            "released": m.released.isoformat() if m.released else None,
        })
    questions = []
    for q in short.shortlist:
        entry = {"id": q.id, "name": q.name, "kind": q.number.kind if q.number else None,
                 "closed_models_pass": q.closed_models_pass,
                 "answers": [{"id": a.id, "label": a.label, "models": _filter(a.models)} for a in q.answers]}
        if q.number:
            entry.update(min=q.number.min, max=q.number.max, unit=q.number.unit)
        questions.append(entry)
    return {
        "limit": short.limit, "compare_max": labels.COMPARE_MAX, "leave_out": list(short.leave_out),
        "bits": list(labels.PRECISION_BITS), "openness_order": list(labels.OPENNESS),
        "flags": list(labels.CATALOGUE_CHECKS), "modalities": list(labels.MODALITIES),
        "price_unit": labels.PRICE_UNIT, "property": prop.id if prop else None, "ways": ways,
        "option_ways": {o.id: list(o.has.get(prop.id, [])) for o in site.options.options if prop and o.has},
        "questions": questions, "models": models,
        # The words the page shows, once for every model that shares them.
        "developers": {r["developer"].id: {"name": r["developer"].name, "transparency": _transparency(r["transparency"])}
                       for r in rows},
        "hosts": {r["host"].id: r["host"].name for r in rows if r["host"]},
        "terms": {r["model"].licence or "": r["restriction"] for r in rows},
        "openness_words": dict(labels.OPENNESS), "sides": dict(labels.OPENNESS_SIDE),
    }


# --- the words of the list (javascripts/tools.js says the same) ------------------------------------------

def gigabytes(value: float) -> str:
    """GB as the pages show them: one decimal below 10, whole above, halves rounded up (as tools.js)."""
    if value < 10:
        return f"{math.floor(value * 10 + 0.5) / 10:.1f}"
    return f"{math.floor(value + 0.5):,}"


def facts(data: dict, model: dict, fit: dict) -> str:
    """The line under a listed model: who makes it, how open it is, its licence's key restriction, its
    context, how its weights fit your GPUs (when asked) and its cheapest input price."""
    parts = [data["developers"][model["developer"]]["name"], data["openness_words"][model["openness"]],
             data["terms"][model["licence"] or ""]]
    if model["context"]:
        parts.append(f"context {model['context']:,} tokens")
    if fit["bits"] is not None:
        parts.append(f"weights {gigabytes(fit['memory_gb'])} GB at {fit['bits']}-bit")
    if model["price"] is not None:
        parts.append(f"input from {model['price_text']} {data['price_unit']} at {data['hosts'][model['host']]}")
    return " · ".join(parts)


def number_text(value: float) -> str:
    """A number as JavaScript's String() writes it (in the catalogue's address)."""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e21 else repr(float(value))


def catalogue_query(query: dict) -> str:
    """The catalogue page's filters as its address writes them (lists joined by commas)."""
    out = []
    for key in CATALOGUE_PARAMS:
        value = query.get(key)
        if isinstance(value, list):
            if value:
                out.append(f"{key}={','.join(value)}")
        elif value is not None and value != "":
            out.append(f"{key}={number_text(value) if isinstance(value, (int, float)) else value}")
    return "&".join(out)


def _names(data: dict, ids: list[str]) -> str:
    names = {q["id"]: q["name"] for q in data["questions"]}
    said = [f"“{names[i]}”" for i in ids]
    return ", ".join(said[:-1]) + " and " + said[-1] if len(said) > 1 else "".join(said)


def status(data: dict, result: dict, ways: list[str], answered: bool) -> str:
    """The line above the list: how many fit, under which ways, or what would let some fit."""
    total, shown = result["total"], min(result["total"], data["limit"])
    if not total:
        hints = [f"without {_names(data, [q])}, {n:,} would" for q, n in result["without"].items() if n]
        said = "; ".join(hints)
        return "No model in the catalogue fits all your answers." + (f" {said[0].upper()}{said[1:]}." if said else "")
    labels_of = {w["id"]: w["label"] for w in data["ways"]}
    used = " or ".join(labels_of[w] for w in ways if w in labels_of)
    counted = f"{total:,} {'model fits' if total == 1 else 'models fit'}"
    first = f"; the first {shown} below" if total > shown else ""
    if not answered:
        return f"With no answers, {counted}{': ' + used if used else ''}{first}."
    return f"{counted} your answers and the recommendation{': ' + used if used else ''}{first}."


def view(data: dict, result: dict, ways: list[str], answered: bool) -> dict:
    """What the page shows for a result of decision.shortlist: the first `limit` models with their
    facts, the models to compare (at most COMPARE_MAX, two or more), how many more fit and the
    catalogue's filters for them, and the lines around the list."""
    facts_of = {m["id"]: m for m in data["models"]}
    shown = result["models"][:data["limit"]]
    compare = [f["id"] for f in shown[:data["compare_max"]]] if len(shown) >= 2 else []
    more = result["total"] - len(shown)
    return {
        "items": [{"id": f["id"], "name": facts_of[f["id"]]["name"], "side": data["sides"][facts_of[f["id"]]["openness"]],
                   "facts": facts(data, facts_of[f["id"]], f)} for f in shown],
        "compare": compare,
        "compare_text": (f"Compare the first {len(compare)} side by side" if len(shown) > len(compare)
                         else f"Compare these {len(compare)} side by side"),
        "more": more, "more_text": f"{more:,} more in the catalogue",
        "query": catalogue_query(result["catalogue"]),
        "status": status(data, result, ways, answered),
        "note": (f"Not used for this recommendation, which runs no model where it would apply: "
                 f"{_names(data, result['not_applied'])}." if result["not_applied"] else ""),
        "unfiltered": (f"The catalogue cannot filter by {_names(data, result['unfiltered'])}, so it also lists "
                       "models that do not fit them." if result["unfiltered"] and more else ""),
    }


def start(site: Site, data: dict) -> tuple[dict, dict]:
    """The shortlist with no answers (what the page shows before any, and without its script)."""
    result = decision.evaluate({}, site.criteria, site.options)
    ways = decision.ways_for(data, result.option, result.tied)
    found = decision.shortlist(data, {}, ways)
    return found, view(data, found, ways, answered=False)
