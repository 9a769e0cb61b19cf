"""Cards (cards.yml): facts an editor read in a developer's own text where no dataset gives them. The
build adds them to their models after validation; a fact a dataset gives stays the dataset's."""
from __future__ import annotations

import msgspec

from ..models import CARD_FACTS, CardsFile, ModelsFile, Site


def with_cards(catalogue: ModelsFile, cards: CardsFile) -> ModelsFile:
    """The models, each given the facts of its card (cards.yml) that no dataset gives it."""
    by_model = {card.id: card for card in cards.cards}
    if not by_model:
        return catalogue
    out = []
    for model in catalogue.models:
        card = by_model.get(model.id)
        given = {fact: getattr(card, fact) for fact in CARD_FACTS
                 if card is not None and getattr(card, fact) is not None and not _has(model, fact)}
        out.append(msgspec.structs.replace(model, **given) if given else model)
    return msgspec.structs.replace(catalogue, models=out)


def _has(model, fact: str) -> bool:
    """Whether a dataset gives the model this fact (a size read from the model's name is not one)."""
    return any(fact in origin.facts for origin in model.provenance)


def card_facts(site: Site, model) -> tuple[list[str], list[str]]:
    """(the facts its card gives the model page, the card's facts a dataset gives instead)."""
    card = site.by_id["cards"].get(model.id)
    if card is None:
        return [], []
    stated = [fact for fact in CARD_FACTS if getattr(card, fact) is not None]
    return [f for f in stated if not _has(model, f)], [f for f in stated if _has(model, f)]
