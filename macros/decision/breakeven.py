"""The break-even calculator: monthly cost of a per-token API and of self-hosting, and the volume where
they cost the same. Pure; javascripts/decision.js has the same formula for the page.
"""
from __future__ import annotations

import math
from collections.abc import Mapping

from ..models import CalculatorFile

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
