"""The decision model as plain functions: evaluate answers to the criteria, and the break-even
calculator. No I/O and no MkDocs: the guide, the flowchart checks, the cheat-sheet checks, the helper
page and the tests all call these; javascripts/decision.js is the same logic for the browser, and
tests/test_decision.py runs both on shared vectors.

How the model reads data/criteria.yml: the criteria are asked in file order and unanswered ones are
skipped. Each answer has an effect. `decide` ends the walk with its option. `lean` makes its option the
provisional answer and goes on. `note` adds its reason and goes on. When no answer decides, the last
lean wins, or the file's `fallback` option when nothing leaned.
"""
from __future__ import annotations

import functools
import math
from pathlib import Path
from collections.abc import Mapping
from typing import NamedTuple

from .models import CalculatorFile, CriteriaFile


class Step(NamedTuple):
    """One question the model asked, the reader's answer and what that answer did."""
    criterion: str
    answer: str
    effect: str  # decide | lean | note
    option: str | None
    reason: str


class Result(NamedTuple):
    option: str
    path: tuple[Step, ...]
    reasons: tuple[str, ...]


def evaluate(answers: Mapping[str, str], model: CriteriaFile | None = None) -> Result:
    """(option, path, reasons) for `answers` ({criterion id: answer id}; unanswered criteria left out).

    `model` is data/criteria.yml as loaded by site.load_site; without it, the project's data/ is
    loaded and validated once. Raises ValueError for a criterion or answer the model does not know.
    """
    if model is None:
        model = _project_model()
    criteria = {c.id: c for c in model.criteria}
    for criterion, answer in answers.items():
        if criterion not in criteria:
            raise ValueError(f"unknown criterion '{criterion}'")
        if answer not in {a.id for a in criteria[criterion].answers}:
            raise ValueError(f"unknown answer '{answer}' of criterion '{criterion}'")
    option, path = model.fallback, []
    for criterion in model.criteria:
        if criterion.id not in answers:
            continue
        answer = next(a for a in criterion.answers if a.id == answers[criterion.id])
        path.append(Step(criterion.id, answer.id, answer.effect, answer.option, answer.reason))
        if answer.effect in ("decide", "lean"):
            option = answer.option
        if answer.effect == "decide":
            break
    return Result(option, tuple(path), tuple(step.reason for step in path))


@functools.cache
def _project_model() -> CriteriaFile:
    from .site import load_site  # here, not at the top: site.py imports checks.py, which imports us
    return load_site(Path(__file__).resolve().parent.parent / "data").criteria


def guide(model: CriteriaFile) -> list:
    """The criteria that are steps of the step-by-step guide, in step order."""
    return sorted((c for c in model.criteria if c.guide), key=lambda c: c.guide.step)


def model_json(model: CriteriaFile) -> dict:
    """The part of the model the browser needs to evaluate answers (see javascripts/decision.js)."""
    return {
        "fallback": model.fallback,
        "criteria": [{"id": c.id, "answers": [
            {"id": a.id, "effect": a.effect, "option": a.option, "reason": a.reason}
            for a in c.answers]} for c in model.criteria],
    }


# --- break-even calculator ------------------------------------------------------------------------

# The inputs of `break_even`, by the ids data/calculator.yml gives them.
INPUTS = ("requests-per-day", "tokens-per-request", "api-price-per-million", "gpu-price-per-hour",
          "gpu-throughput", "utilisation", "min-gpus", "ops-cost-per-month")


def break_even(values: Mapping[str, float], days_per_month: float) -> dict:
    """Monthly cost of a per-token API and of self-hosting, and the volume where they cost the same.

    API:   requests/day × tokens/request × days/month ÷ 1,000,000 × price per million tokens.
    Self:  GPUs × price per GPU-hour × 24 × days/month + fixed operations cost, where GPUs is the
           larger of the minimum kept running and what the volume needs at the given throughput and
           utilisation. Break-even: the requests/day at which both cost the same; None when the API
           stays cheaper at any volume (its cost per request is below a GPU's).
    """
    missing = [name for name in INPUTS if name not in values]
    if missing:
        raise ValueError(f"missing input(s): {', '.join(missing)}")
    v = {name: float(values[name]) for name in INPUTS}
    if any(x < 0 or math.isnan(x) or math.isinf(x) for x in v.values()):
        raise ValueError("every input must be a finite number of zero or more")
    if v["tokens-per-request"] <= 0 or v["gpu-throughput"] <= 0:
        raise ValueError("tokens per request and GPU throughput must be above zero")
    if not 0 < v["utilisation"] <= 100:
        raise ValueError("utilisation must be above 0 and at most 100 %")
    hours = 24 * days_per_month
    api_per_request_day = v["tokens-per-request"] * days_per_month * v["api-price-per-million"] / 1e6
    gpu_month = v["gpu-price-per-hour"] * hours
    capacity = v["gpu-throughput"] * 86400 * v["utilisation"] / 100 / v["tokens-per-request"]
    min_gpus = math.ceil(v["min-gpus"])
    gpus = max(min_gpus, math.ceil(v["requests-per-day"] / capacity))
    api = v["requests-per-day"] * api_per_request_day
    self_hosted = gpus * gpu_month + v["ops-cost-per-month"]
    margin = api_per_request_day * capacity - gpu_month  # what one full GPU saves per month
    if api_per_request_day <= 0 or margin <= 0:
        volume, at_gpus = None, None
    else:
        at_gpus = max(min_gpus, 1, math.ceil(v["ops-cost-per-month"] / margin))
        volume = (at_gpus * gpu_month + v["ops-cost-per-month"]) / api_per_request_day
    return {
        "api_monthly": api,
        "self_hosted_monthly": self_hosted,
        "gpus": gpus,
        "capacity_per_gpu": capacity,
        "break_even_requests_per_day": volume,
        "break_even_gpus": at_gpus,
        "cheaper": "api" if api < self_hosted else "self-hosted" if self_hosted < api else "equal",
    }


def calculator_defaults(calc: CalculatorFile) -> dict[str, float]:
    return {field.id: field.default for field in calc.calculator}
