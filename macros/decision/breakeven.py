"""The cost calculator: the monthly cost of three routes to a model (a closed model's API, an open
model on an API host, an open model you host yourself), and the daily volumes at which the cheapest
route changes. Pure; javascripts/decision.js has the same formulas for the page.
"""
from __future__ import annotations

import math
from collections.abc import Mapping

# The inputs of `costs`, by the ids data/calculator.yml gives them.
INPUTS = ("requests-per-day", "input-tokens", "output-tokens", "cached-share",
          "closed-input-price", "closed-cached-price", "closed-output-price",
          "host-input-price", "host-cached-price", "host-output-price",
          "parameters-billions", "bytes-per-parameter", "context-memory-gb", "gpu-memory-gb",
          "gpu-price-per-hour", "replica-throughput", "utilisation", "min-replicas", "ops-cost-per-month")
# The routes, cheapest first when they cost the same.
ROUTES = ("host", "closed", "self")
# At most this many replica counts are searched for the volumes where the cheapest route changes.
MAX_SEGMENTS = 10_000


def _checked(values: Mapping[str, float]) -> dict[str, float]:
    missing = [name for name in INPUTS if name not in values]
    if missing:
        raise ValueError(f"missing input(s): {', '.join(missing)}")
    v = {name: float(values[name]) for name in INPUTS}
    if any(math.isnan(x) or math.isinf(x) or x < 0 for x in v.values()):
        raise ValueError("every input must be a finite number of zero or more")
    if v["input-tokens"] + v["output-tokens"] <= 0:
        raise ValueError("a request must have some tokens")
    for name in ("parameters-billions", "bytes-per-parameter", "gpu-memory-gb", "replica-throughput"):
        if v[name] <= 0:
            raise ValueError(f"{name} must be above zero")
    if v["cached-share"] > 100:
        raise ValueError("cached-share must be at most 100 %")
    if not 0 < v["utilisation"] <= 100:
        raise ValueError("utilisation must be above 0 and at most 100 %")
    return v


def costs(values: Mapping[str, float], days_per_month: float) -> dict:
    """Monthly cost of each route at `requests-per-day`, how self-hosting is sized, and the volumes
    where the cheapest route changes.

    Closed API: requests × days × (input × ((1 − cached share) × input price + cached share × cached
                price) + output × output price) ÷ 1,000,000.
    API host:   requests × days × (input × input price + output × output price) ÷ 1,000,000.
    Self-hosted: memory per replica = parameters (billions) × bytes per parameter (GB of weights) +
                context memory; GPUs per replica = that ÷ GPU memory, rounded up; a replica serves
                throughput × 86,400 × utilisation ÷ tokens per request requests a day; replicas = the
                larger of those always running and what the volume needs, rounded up; cost = replicas
                × GPUs per replica × GPU price per hour × 24 × days + operations cost.
    """
    v = _checked(values)
    tokens = v["input-tokens"] + v["output-tokens"]
    price = per_request(v)
    closed_per_request, host_per_request = price["closed"], price["host"]
    weights_gb = v["parameters-billions"] * v["bytes-per-parameter"]
    memory_gb = weights_gb + v["context-memory-gb"]
    gpus_per_replica = max(1, math.ceil(memory_gb / v["gpu-memory-gb"]))
    capacity = v["replica-throughput"] * 86400 * v["utilisation"] / 100 / tokens
    replica_month = gpus_per_replica * v["gpu-price-per-hour"] * 24 * days_per_month
    min_replicas = math.ceil(v["min-replicas"])
    shape = {"closed": closed_per_request * days_per_month, "host": host_per_request * days_per_month,
             "capacity": capacity, "min_replicas": min_replicas, "replica_month": replica_month,
             "ops": v["ops-cost-per-month"]}
    requests = v["requests-per-day"]
    replicas = replicas_for(shape, requests)
    monthly = {"closed": requests * shape["closed"], "host": requests * shape["host"],
               "self": replicas * replica_month + v["ops-cost-per-month"]}
    return {
        "monthly": monthly,
        "cheapest": cheapest(monthly),
        "weights_gb": weights_gb,
        "memory_gb": memory_gb,
        "gpus_per_replica": gpus_per_replica,
        "capacity_per_replica": capacity,
        "replicas": replicas,
        "gpus": replicas * gpus_per_replica,
        **changes(shape),
        "shape": shape,
    }


def per_request(v: Mapping[str, float]) -> dict[str, float]:
    """What one request costs on each per-token route ("closed", "host"), from the workload's tokens and
    cached share and the routes' prices (the only inputs it reads)."""
    cached = v["cached-share"] / 100
    return {route: (v["input-tokens"] * ((1 - cached) * v[f"{route}-input-price"] + cached * v[f"{route}-cached-price"])
                    + v["output-tokens"] * v[f"{route}-output-price"]) / 1e6
            for route in ("closed", "host")}


def series(shape: dict, top: float, count: int) -> dict:
    """The chart's series: each route's monthly cost at count + 1 daily volumes from 0 to `top`."""
    out: dict[str, list[float]] = {"volumes": [], "closed": [], "host": [], "self": []}
    for i in range(count + 1):
        x = top * i / count
        out["volumes"].append(x)
        out["closed"].append(x * shape["closed"])
        out["host"].append(x * shape["host"])
        out["self"].append(replicas_for(shape, x) * shape["replica_month"] + shape["ops"])
    return out


def chart_top(result: dict, requests: float) -> float:
    """The chart's widest volume: half again past the reader's volume and every change point."""
    marks = [requests, *(c["requests_per_day"] for c in
                         [*result["changes"], *result["versus"]["closed"], *result["versus"]["host"]])]
    top = max(marks) * 1.5
    return nice_ceil(top) if top > 0 else 1000


def nice_ceil(x: float) -> float:
    """The smallest of 1, 2, 2.5, 5 times a power of ten that is at least x (> 0)."""
    power = 1.0
    while power * 10 <= x:
        power *= 10
    while power > x:
        power /= 10
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= x:
            return step * power
    return 10 * power


def replicas_for(shape: dict, requests: float) -> int:
    return max(shape["min_replicas"], math.ceil(requests / shape["capacity"]))


def cheapest(monthly: Mapping[str, float]) -> str:
    best = min(monthly.values())
    return next(route for route in ROUTES if monthly[route] == best)


def changes(shape: dict) -> dict:
    """The volumes where the cheapest route changes (see `overtakes`); and, for each per-token route,
    the volumes where self-hosting and it change places."""
    linear = "host" if shape["host"] <= shape["closed"] else "closed"
    return {**overtakes(shape, linear),
            "versus": {route: overtakes(shape, route)["changes"] for route in ("closed", "host")}}


def overtakes(shape: dict, linear: str) -> dict:
    """{"changes": [{"requests_per_day", "from", "to"}], "complete"}: each daily volume above zero at
    which self-hosting and the per-token route `linear` change places as the cheaper. Per-token routes
    cost in proportion to volume, so the cheaper of the two stays cheaper at every volume; only
    self-hosting, a step for each replica, can overtake it. The
    steps are searched one replica count at a time, at most MAX_SEGMENTS of them (`complete` is
    False when the search stopped there)."""
    p = shape[linear]
    margin = p * shape["capacity"] - shape["replica_month"]  # what each full replica saves a month
    out: list[dict] = []
    if p <= 0 or margin <= 0:
        return {"changes": out, "complete": True}  # self-hosting never costs less than the API
    current = linear  # just above zero volume, paying per token costs next to nothing
    first = max(shape["min_replicas"], 1)
    for k in range(first, first + MAX_SEGMENTS):
        start = 0.0 if k == first else (k - 1) * shape["capacity"]
        end = k * shape["capacity"]
        fixed = k * shape["replica_month"] + shape["ops"]
        state = "self" if p * start >= fixed else linear
        if state != current:
            out.append({"requests_per_day": start, "from": current, "to": state})
            current = state
        if current == "self":
            return {"changes": out, "complete": True}  # its lead grows with every replica from here
        cross = fixed / p
        if start < cross < end:
            out.append({"requests_per_day": cross, "from": linear, "to": "self"})
            current = "self"
    return {"changes": out, "complete": False}

