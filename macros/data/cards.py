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
        given = _split(card, model)[0] if card is not None else []
        out.append(msgspec.structs.replace(model, **{f: getattr(card, f) for f in given}) if given else model)
    return msgspec.structs.replace(catalogue, models=out)


def _split(card, model) -> tuple[list[str], list[str]]:
    """(the card's facts no dataset gives the model, those a dataset gives it; a size read from the
    model's name is not a dataset's)."""
    from_datasets = {fact for origin in model.provenance for fact in origin.facts}
    stated = [fact for fact in CARD_FACTS if getattr(card, fact) is not None]
    return [f for f in stated if f not in from_datasets], [f for f in stated if f in from_datasets]


def card_facts(site: Site, model) -> tuple[list[str], list[str]]:
    """(the facts its card gives the model page, the card's facts a dataset gives instead)."""
    card = site.by_id["cards"].get(model.id)
    return _split(card, model) if card is not None else ([], [])
