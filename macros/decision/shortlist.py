"""The shortlist: the catalogue's models that fit the reader's answers and the recommended option. Pure
functions over plain data (the shape render.shortlist.shortlist_json gives, which the helper page ships
to javascripts/decision.js, where the same functions run); tests/test_shortlist.py runs both on shared
vectors.

How it reads the data:

- The recommended option uses models in one or more *ways*: the values of the option property whose
  values say which models they admit (`models:` in data/options.yml, in the catalogue's terms: openness,
  facts such as self-host or hosted, modalities). A tie uses the ways of every tied option; an option
  with no value of that property (the fallback) uses every way.
- A model fits when no fact the catalogue leaves out (`leave_out`) is true of it, it meets every answered
  question of data/shortlist.yml, and one of the ways admits it and meets the questions bound to where
  it runs: the GPU memory you have where it runs on your GPUs (its weights at one of the precisions in
  `bits`, as the memory table computes them), the price ceiling where a provider bills it per token (its
  cheapest offer's input price). A fact the catalogue does not know (no context window, no size, no
  price, licence terms not read) never counts as met.
- Licence conditions (an answer's `has`, the user count) concern the licence of published weights. A
  closed model has none: it meets them only where its question says `closed_models_pass`.
- Order: developers that disclose more first (their transparency index, unrated last), then the
  cheapest input price (unpriced last), the more open, the newest, the id; then one model of each
  developer before any developer's second, so that the first few name different developers.
"""
from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence

# What a number answer is compared with (models.NumberAnswer.kind); the last two apply only where a
# way runs the model there.
GENERAL = ("user-count", "context-tokens")
ON_YOUR_GPUS, PER_TOKEN = "gpu-memory-gb", "input-price"
RUNS_ON = {ON_YOUR_GPUS: "your-gpus", PER_TOKEN: "provider"}


def weights_gb(parameters: float, bits: float) -> float:
    """The memory a model's weights take, in GB: parameters × bits per parameter ÷ 8 bytes (the
    key-value cache of the context comes on top)."""
    return parameters * bits / 8 / 1e9


def ways_for(data: dict, option: str, tied: Sequence[str] = ()) -> list[str]:
    """The ways (value ids, in the property's order) the result `option` (or the `tied` options of a
    tie) uses models in; every way when none of them has a value of the property."""
    chosen = list(tied) or [option]
    found = [w["id"] for w in data["ways"] if any(w["id"] in data["option_ways"].get(o, ()) for o in chosen)]
    return found or [w["id"] for w in data["ways"]]


def _admits(flt: dict | None, model: dict, skip_has: bool = False) -> bool:
    if not flt:
        return True
    if flt["openness"] and model["openness"] not in flt["openness"]:
        return False
    if not skip_has and any(f not in model["flags"] for f in flt["has"]):
        return False
    return all(m in model["input"] for m in flt["input"]) and all(m in model["output"] for m in flt["output"])


def _checked(data: dict, answers: Mapping[str, object]) -> list[tuple[dict, object]]:
    """(question, answer record or number) of each answer, in the questions' order; ValueError for an
    unknown question or answer, or a number that is not finite or outside its question's range."""
    questions = {q["id"]: q for q in data["questions"]}
    for qid in answers:
        if qid not in questions:
            raise ValueError(f"unknown question '{qid}'")
    out = []
    for q in data["questions"]:
        if q["id"] not in answers:
            continue
        given = answers[q["id"]]
        if q["kind"] is None:
            answer = next((a for a in q["answers"] if a["id"] == given), None)
            if answer is None:
                raise ValueError(f"unknown answer '{given}' of question '{q['id']}'")
            out.append((q, answer))
            continue
        if isinstance(given, bool) or not isinstance(given, (int, float)) or not math.isfinite(given) \
                or not q["min"] <= given <= q["max"]:
            raise ValueError(f"{q['id']}: not a number in its range")
        out.append((q, float(given)))
    return out


def _general(q: dict, given, model: dict) -> bool:
    """Whether the model meets one answered question that does not depend on where it runs."""
    licensed = model["licensed"]
    if q["kind"] is None:
        return _admits(given["models"], model, skip_has=not licensed and q["closed_models_pass"])
    if q["kind"] == "user-count":
        if not licensed:
            return q["closed_models_pass"]
        return model["user_terms_known"] and (model["user_limit"] is None or given <= model["user_limit"])
    if q["kind"] == "context-tokens":
        return model["context"] is not None and model["context"] >= given
    return True  # bound to where it runs: see _fit


def _fit(data: dict, way: dict, model: dict, bound: list[tuple[dict, float]]) -> dict | None:
    """How the model fits used this way ({way, bits, memory_gb}), or None when it does not."""
    if not _admits(way["models"], model):
        return None
    bits = memory = None
    for q, given in bound:
        if way["runs_on"] != RUNS_ON[q["kind"]]:
            continue
        if q["kind"] == ON_YOUR_GPUS:
            if model["parameters"] is None:
                return None
            fitting = [b for b in data["bits"] if weights_gb(model["parameters"], b) <= given]
            if not fitting:
                return None
            bits = max(fitting) if bits is None else min(bits, max(fitting))
            memory = weights_gb(model["parameters"], bits)
        elif model["price"] is None or model["price"] > given:
            return None
    return {"id": model["id"], "way": way["id"], "bits": bits, "memory_gb": memory}


def _compare(data: dict, a: dict, b: dict) -> int:
    def nones_last(x, y, higher_first: bool) -> int:
        if x is None or y is None:
            return 0 if x is y else (1 if x is None else -1)
        if x == y:
            return 0
        return (-1 if x > y else 1) if higher_first else (-1 if x < y else 1)
    order, developers = data["openness_order"], data["developers"]
    for x, y, higher in ((developers[a["developer"]]["transparency"], developers[b["developer"]]["transparency"], True),
                         (a["price"], b["price"], False),
                         (order.index(a["openness"]), order.index(b["openness"]), True),
                         (a["released"], b["released"], True), (a["id"], b["id"], False)):
        c = nones_last(x, y, higher)
        if c:
            return c
    return 0


def _by_developer(models: list[dict]) -> list[dict]:
    """One of each developer (in the order their best appears), then the second of each, ..."""
    rounds: dict[str, int] = {}
    keyed = []
    for position, m in enumerate(models):
        rounds[m["developer"]] = rounds.get(m["developer"], -1) + 1
        keyed.append((rounds[m["developer"]], position, m))
    return [m for _, _, m in sorted(keyed, key=lambda k: (k[0], k[1]))]


def _fits(data: dict, given: list[tuple[dict, object]], ways: list[dict]) -> list[dict]:
    general = [(q, a) for q, a in given if q["kind"] is None or q["kind"] in GENERAL]
    bound = [(q, a) for q, a in given if q["kind"] in RUNS_ON]
    out = []
    for model in data["models"]:
        if any(f in model["flags"] for f in data["leave_out"]):
            continue
        if not all(_general(q, a, model) for q, a in general):
            continue
        for way in ways:
            fit = _fit(data, way, model, bound)
            if fit is not None:
                out.append(fit)
                break
    return out


def _catalogue_query(data: dict, given: list[tuple[dict, object]], ways: list[dict], applied: set) -> tuple[dict, list]:
    """The catalogue page's filters (javascripts/catalogue.js reads them from its address) that every
    model of the shortlist passes, and the answered questions they cannot express."""
    order = data["openness_order"]
    allowed = set(order)
    if all(w["models"] and w["models"]["openness"] for w in ways):
        allowed = {o for w in ways for o in w["models"]["openness"]}
    has = set.intersection(*({*w["models"]["has"]} if w["models"] else set() for w in ways))
    # A modality every way asks for (the catalogue's filter: taken in or given out).
    modality = set.intersection(*({*w["models"]["input"], *w["models"]["output"]} if w["models"] else set()
                                  for w in ways))
    admits_closed = any(not w["models"] or ((not w["models"]["openness"] or "closed" in w["models"]["openness"])
                                            and "self-host" not in w["models"]["has"]) for w in ways)
    context = price = None
    unfiltered = []
    for q, a in given:
        if q["kind"] is None:
            flt = a["models"]
            if not flt:
                continue
            if flt["openness"]:
                allowed &= set(flt["openness"])
            if q["closed_models_pass"] and admits_closed and flt["has"]:
                unfiltered.append(q["id"])
            else:
                has |= set(flt["has"])
            modality |= {*flt["input"], *flt["output"]}
        elif q["kind"] == "context-tokens":
            context = a if context is None else max(context, a)
        elif q["kind"] == PER_TOKEN and q["id"] in applied and all(w["runs_on"] == "provider" for w in ways):
            price = a if price is None else min(price, a)
        elif q["id"] in applied:
            unfiltered.append(q["id"])
    query = {"openness": [o for o in order if o in allowed] if allowed != set(order) and allowed else [],
             "has": [f for f in data["flags"] if f in has],
             "modality": [m for m in data["modalities"] if m in modality],
             "context": context, "price": price, "sort": "transparency", "dir": "desc"}
    return query, unfiltered


def shortlist(data: dict, answers: Mapping[str, object], ways: Sequence[str]) -> dict:
    """The models that fit `answers` ({question id: answer id, or a number}; unanswered ones left
    out) used in `ways` (see ways_for), best first:

    {"models": [{"id", "way", "bits", "memory_gb"}], "total", "not_applied": [question ids answered but
    bound to where models run, which no way runs them], "catalogue": the catalogue page's filters,
    "unfiltered": [answered question ids those filters leave out], "without": {question id: how many
    models would fit without that answer} (only when none fits)}.
    Raises ValueError for an unknown question or answer or a number out of its question's range."""
    given = _checked(data, answers)
    chosen = [w for w in data["ways"] if w["id"] in ways] if data["ways"] else [
        {"id": None, "models": None, "runs_on": None}]
    applied = {q["id"] for q, _ in given if q["kind"] not in RUNS_ON or any(w["runs_on"] == RUNS_ON[q["kind"]] for w in chosen)}
    fits = _fits(data, given, chosen)
    facts = {m["id"]: m for m in data["models"]}
    fits.sort(key=functools.cmp_to_key(lambda a, b: _compare(data, facts[a["id"]], facts[b["id"]])))
    ranked = _by_developer([{**f, "developer": facts[f["id"]]["developer"]} for f in fits])
    query, unfiltered = _catalogue_query(data, given, chosen, applied)
    without = {}
    if not fits:
        for q, _ in given:
            rest = [(other, a) for other, a in given if other is not q]
            without[q["id"]] = len(_fits(data, rest, chosen))
    return {"models": [{k: f[k] for k in ("id", "way", "bits", "memory_gb")} for f in ranked], "total": len(fits),
            "not_applied": [q["id"] for q, _ in given if q["id"] not in applied],
            "catalogue": query, "unfiltered": unfiltered, "without": without}
