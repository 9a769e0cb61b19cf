"""What the build reminds editors of without failing: records not reviewed for too long, options that
nothing leads to, sources that no record cites. Each is a located line like a problem's, so an
editor finds the record at once; none stops a build, because an editor may add the record first and
what uses it later."""
from __future__ import annotations

import datetime as dt

from .. import decision
from ..models import FILES, Site
from .cards import card_facts
from .freshness import overdue
from .problems import Problem


def reminders(site: Site, today: dt.date, max_age_days: int) -> list[Problem]:
    out = []
    for review in overdue(site, today, max_age_days):
        out.append(Problem(f"data/{review.kind}.yml", site.lines.get((review.kind, review.id, "reviewed"), 1),
                           f"{review.id}.reviewed",
                           f"last reviewed {review.reviewed} ({review.age_days} days ago, over {max_age_days}); "
                           "check it against its sources and update 'reviewed'"))
    recommended = {o for row in site.cheatsheet.cheatsheet for o in row.recommend}
    leaves = {b.next for tree in site.trees.trees for node in tree.nodes for b in node.branches}
    answered = set()
    for criterion in site.criteria.criteria:
        for answer in criterion.answers:
            result = decision.evaluate({criterion.id: answer.id}, site.criteria, site.options)
            answered |= {result.option, *result.tied}
    for option in site.options.options:
        if option.id not in recommended | leaves | answered | {site.criteria.fallback}:
            out.append(Problem("data/options.yml", site.lines.get(("options", option.id), 1), option.id,
                               "no answer, cheat-sheet row or tree leads to this option, so no reader is "
                               "told of it; route something to it (criteria.yml, cheatsheet.yml) or remove it"))
    cited = {s for name in FILES if name != "sources"
             for record in getattr(getattr(site, name), name) for s in record.sources}
    for source in site.sources.sources:
        if source.id not in cited:
            out.append(Problem("data/sources.yml", site.lines.get(("sources", source.id), 1), source.id,
                               "no record cites this source; cite it in a record's 'sources' or remove it"))
    for model in site.models.models:
        if model.claims:
            said = "; ".join(f"{c.dataset} says {c.fact} '{c.says}'{' (shown)' if c.used else ''}"
                             for c in model.claims)
            out.append(Problem("data/models.yml", site.lines.get(("models", model.id), 1), f"{model.id}.claims",
                               f"the datasets disagree: {said}; check the primary source and, if a dataset is "
                               "wrong, tell its maintainers or add the right licence's `assigned` pattern"))
    for card in site.cards.cards:
        _, superseded = card_facts(site, site.get("models", card.id))
        if superseded:
            out.append(Problem("data/cards.yml", site.lines.get(("cards", card.id), 1), card.id,
                               f"a dataset now gives its {', '.join(superseded)}, which the page shows instead of "
                               "the card's; remove them from the card (the whole card if nothing is left)"))
    for licence in site.licences.licences:
        if licence.stub and licence.not_a_licence:
            out.append(Problem("data/licences.yml", site.lines.get(("licences", licence.id), 1), licence.id,
                               "a dataset's word for a licence it does not name: find each model's licence "
                               "and add that licence's `assigned` rule"))
        elif licence.stub:
            out.append(Problem("data/licences.yml", site.lines.get(("licences", licence.id), 1), licence.id,
                               "added by make import for a licence name no record covered: read the licence "
                               "text, fill in its terms and remove 'stub: true'"))
    return out
