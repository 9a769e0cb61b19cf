"""Which records a page or an export shows, in which order and groups: one place, so that a page and
its exports (publish/tables.py) can never list the same data differently."""
from __future__ import annotations

import re

from ..models import Site
from . import labels


def comparison_groups(site: Site) -> list[tuple]:
    """(category, its dimensions) in the order of categories.yml, dimensions in file order."""
    return [(category, [d for d in site.dimensions.dimensions if d.category == category.id])
            for category in site.categories.categories]


def access_routes(site: Site) -> list:
    """Every way to reach a model, closed routes first, then open ones, then those that reach both;
    each side in file order."""
    order = list(labels.ROUTE_SIDES)
    return sorted(site.access_routes.access_routes, key=lambda r: order.index(r.side))


def glossary_terms(site: Site) -> list:
    """Glossary terms alphabetically, ignoring case."""
    return sorted(site.glossary.glossary, key=lambda t: t.term.casefold())


_INFLECTION = re.compile(r"(?:ing|ed|es|e|s)$")


def _stem(word: str) -> str:
    """A spelling without case, spaces, hyphens and a last inflection: "Fine-tuned" -> "finetun"."""
    return _INFLECTION.sub("", re.sub(r"[\W_]+", "", word.casefold()))


def other_names(term) -> list[str]:
    """A glossary term's aliases that are other names for it, not the same word in another case,
    number or spelling (those are only what the term is matched as in running text)."""
    seen = {_stem(term.term)}
    out = []
    for alias in term.aliases:
        if _stem(alias) not in seen:
            seen.add(_stem(alias))
            out.append(alias)
    return out


def reasons(site: Site, side: str, kind: str) -> list:
    """The reasons (`kind` "reason") or better-when situations (`kind` "better-when") of one side."""
    return [r for r in site.reasons.reasons if r.side == side and r.kind == kind]


def calculator_groups(site: Site, headings: dict[str, str]) -> list[tuple[str, str, list]]:
    """(group, heading, inputs) per input group, in the order of `headings` (labels.CALCULATOR_GROUPS)."""
    return [(key, name, [f for f in site.calculator.calculator if f.group == key]) for key, name in headings.items()]


def calculator_models(site: Site, models) -> list[tuple[str, list]]:
    """The models a calculator select offers, as (developer's name, its models): developers by name,
    each one's models newest first (undated last), then by name."""
    developers = site.by_id["developers"]
    grouped: dict[str, list] = {}
    for model in models:
        grouped.setdefault(developers[model.developer].name, []).append(model)
    return [(name, sorted(found, key=lambda m: (m.released is None, -(m.released.toordinal() if m.released else 0),
                                                m.name, m.id)))
            for name, found in sorted(grouped.items(), key=lambda item: (item[0].casefold(), item[0]))]


def family_models(site: Site) -> dict[str, list]:
    """Each family's releases, newest first (undated last), by family id."""
    out: dict[str, list] = {f.id: [] for f in site.families.families}
    for model in site.models.models:
        if model.family in out and model.show:
            out[model.family].append(model)
    for models in out.values():
        models.sort(key=lambda m: (m.released is None, -(m.released.toordinal() if m.released else 0), m.id))
    return out


def cheapest_offers(site: Site) -> dict[str, object]:
    """Per model id, its offer with the lowest price per million input tokens (then output; then host
    id), among the offers that state both prices."""
    best: dict[str, object] = {}
    for offer in site.offers.offers:
        if offer.input is None or offer.output is None:
            continue
        key = (offer.input, offer.output, offer.host)
        current = best.get(offer.model)
        if current is None or key < (current.input, current.output, current.host):
            best[offer.model] = offer
    return best


def family_summary(site: Site) -> list[dict]:
    """Per family, in file order: what its releases take in and give out, how open they are, how many
    there are and the newest, all derived from models.yml (a family with no release shows none)."""
    rows = []
    releases = family_models(site)
    order = list(labels.OPENNESS)
    modality_order = ("text", "image", "audio", "video", "pdf")
    for family in site.families.families:
        models = releases[family.id]
        inputs = {m for model in models for m in model.input}
        outputs = {m for model in models for m in model.output}
        rows.append({"family": family, "developer": site.by_id["developers"][family.developer],
                     "models": models,
                     "openness": sorted({m.openness for m in models}, key=order.index),
                     "input": [m for m in modality_order if m in inputs],
                     "output": [m for m in modality_order if m in outputs],
                     "newest": next((m for m in models if m.released), None)})
    return rows


def modality_text(row: dict) -> str:
    """"text, image -> text" as a cell says it; empty when the family has no release."""
    if not row["input"] and not row["output"]:
        return ""
    return f"{', '.join(row['input'])} → {', '.join(row['output'])}"


def catalogue_counts(site: Site) -> dict[str, int]:
    """What the model catalogue holds, counted from models.yml and the files beside it."""
    models = site.models.models
    priced = set(cheapest_offers(site))
    return {"models": len(models), "developers": len({m.developer for m in models}),
            "open": sum(m.openness != "closed" for m in models),
            "closed": sum(m.openness == "closed" for m in models),
            "priced_open": sum(m.openness != "closed" and m.id in priced for m in models),
            "licences": len({m.licence for m in models if m.licence}),
            "licences_read": len({m.licence for m in models if m.licence
                                  and site.by_id["licences"][m.licence].checked in ("text", "partly")}),
            "licences_stub": len({m.licence for m in models if m.licence and site.by_id["licences"][m.licence].stub}),
            "scored": sum(d.transparency_index is not None for d in site.developers.developers),
            "retired": sum(m.status in ("deprecated", "retired") for m in models)}
