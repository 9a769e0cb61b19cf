"""The cost calculator's chart: each route's monthly cost against daily volume, as an SVG drawn by
our code (no library): at build time for the defaults, here; in the page for the reader's inputs by
javascripts/tools.js `drawChart`, with the same geometry (tests compare the two)."""
from __future__ import annotations

import math

from markupsafe import Markup, escape

from .. import decision

# Geometry, shared with javascripts/tools.js through the SVG's data- attributes.
WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 640, 360, 72, 32, 24, 48  # RIGHT and TOP: room for half the last volume ("100k") and the top cost at the phone font size
POINTS = 240  # samples per series
TICKS = 4


def fixed1(value: float) -> str:
    """To one decimal, halves rounded up, without a trailing .0 (as tools.js `fixed1`; Python's and
    JavaScript's own formatting round halves differently)."""
    rounded = math.floor(value * 10 + 0.5) / 10
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def compact(value: float) -> str:
    """A tick label: 45k, 1.5M, 250 (as tools.js `compact`)."""
    for size, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if value >= size:
            return fixed1(value / size) + suffix
    return fixed1(value)


def geometry(result: dict, requests: float) -> dict:
    top = decision.chart_top(result, requests)
    data = decision.series(result["shape"], top, POINTS)
    peak = max(max(data["closed"]), max(data["host"]), max(data["self"]))
    ymax = decision.nice_ceil(peak * 1.05) if peak > 0 else 1
    return {"top": top, "ymax": ymax, "series": data}


def _x(v: float, top: float) -> float:
    return LEFT + v / top * (WIDTH - LEFT - RIGHT)


def _y(c: float, ymax: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) - c / ymax * (HEIGHT - TOP - BOTTOM)


def points(result: dict, requests: float) -> dict[str, str]:
    """Each route's polyline points, 'x,y x,y ...' to one decimal."""
    g = geometry(result, requests)
    xs = [_x(v, g["top"]) for v in g["series"]["volumes"]]
    return {route: " ".join(f"{fixed1(x)},{fixed1(_y(c, g['ymax']))}" for x, c in zip(xs, g["series"][route]))
            for route in decision.ROUTES}


def cost_chart(result: dict, requests: float, currency: str, names: dict[str, str]) -> Markup:
    g = geometry(result, requests)
    lines = points(result, requests)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    out = [f'<svg class="ovc-chart" id="ovc-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
           f'aria-labelledby="ovc-chart-title" data-geometry="{WIDTH} {HEIGHT} {LEFT} {RIGHT} {TOP} {BOTTOM} '
           f'{POINTS} {TICKS}" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="ovc-chart-title">Monthly cost in {escape(currency)} against requests a day, '
           f'0 to {compact(g["top"])}</title>',
           f'<g class="ovc-chart__axes"><line x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" '
           f'y2="{TOP + plot_h}"/><line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}"/></g>',
           '<g class="ovc-chart__ticks">']
    for i in range(TICKS + 1):
        x = LEFT + plot_w * i / TICKS
        y = TOP + plot_h - plot_h * i / TICKS
        out.append(f'<text x="{x:.1f}" y="{TOP + plot_h + 18}" text-anchor="middle">{compact(g["top"] * i / TICKS)}</text>')
        out.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{compact(g["ymax"] * i / TICKS)}</text>')
        out.append(f'<line class="ovc-chart__grid" x1="{LEFT}" y1="{y:.1f}" x2="{LEFT + plot_w}" y2="{y:.1f}"/>')
    out.append('</g>')
    out.append(f'<text class="ovc-chart__label" x="{LEFT + plot_w / 2:.1f}" y="{HEIGHT - 6}" '
               'text-anchor="middle">requests a day</text>')
    out.append(f'<text class="ovc-chart__label ovc-chart__label--y" x="14" y="{TOP + plot_h / 2:.1f}" text-anchor="middle" '
               f'transform="rotate(-90 14 {TOP + plot_h / 2:.1f})">{escape(currency)} a month</text>')
    for route in decision.ROUTES:
        out.append(f'<polyline class="ovc-chart__line ovc-chart__line--{route}" data-route="{route}" '
                   f'points="{lines[route]}"><title>{escape(names[route])}</title></polyline>')
    out.append('</svg>')
    return Markup("".join(out))
