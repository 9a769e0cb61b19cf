"""Cards (data/cards.yml): a fact an editor read in a developer's own text, where no dataset gives it,
reaches its model, the model's page (with the text's words and link), the API and the CSV; a dataset's
fact is never overridden by a card, and a card a dataset has overtaken is pointed out to editors."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil

import pytest

from macros.data import load_site
from macros.data.cards import card_facts
from macros.data.reminders import reminders
from macros.render import catalogue
from tools.catalogue import FIXTURE, Data

TODAY = dt.date.today()


def _carded(site, shown_only: bool = True):
    """(model, its card, the facts the card gives it) for every model a card gives a fact to."""
    shown = {m.id for m in catalogue.shown_models(site)}
    return [(m, site.by_id["cards"][m.id], given) for m in site.models.models
            for given in [card_facts(site, m)[0]] if given and (m.id in shown or not shown_only)]


def _squeezed(text: str) -> str:
    """Without white space: a glossary term in the text is a button, which get_text() spaces apart."""
    return "".join(text.split())


def test_a_cards_facts_show_on_its_model_page_with_the_developers_words_and_link(site, html):
    carded = _carded(site)
    if not carded:
        pytest.skip("no card gives a fact to a shown model")
    for model, card, given in carded:
        page = html(f"models/{model.id}/")
        item = page.select_one("article li.ovc-card")
        assert item is not None, f"{model.id}: its card is not among the page's sources"
        text = " ".join(item.get_text(" ").split())
        assert _squeezed(card.quote.rstrip(".")) in _squeezed(text), f"{model.id}: the developer's words are not quoted"
        shown = {a["href"] for a in item.select("a[href]")} | {c.get_text() for c in item.select("code")}
        assert card.url in shown, f"{model.id}: no link to the developer's text"
        if card.inherited:
            assert card.inherited.url in shown and _squeezed(card.inherited.base) in _squeezed(text)
        facts = " ".join(page.select_one("dl.ovc-facts").get_text(" ").split())
        if "context" in given:
            assert f"{card.context:,} tokens" in facts, f"{model.id}: the card's context window is not shown"
        if "max_output" in given:
            assert f"{card.max_output:,} tokens" in facts
        if "parameters" in given and card.parameters.total:
            assert f"{card.parameters.total:,.0f}" in facts


def test_the_api_and_the_csv_carry_a_cards_facts_and_its_link(site, built_site):
    carded = _carded(site, shown_only=False)
    if not carded:
        pytest.skip("no card gives a fact")
    api = {m["id"]: m for m in json.loads((built_site / "api/v1/models.json").read_text(encoding="utf-8"))["models"]}
    rows = {r["Id"]: r for r in csv.DictReader(io.StringIO((built_site / "exports/catalogue.csv").read_text(encoding="utf-8")))}
    cards = {c["id"] for c in json.loads((built_site / "api/v1/cards.json").read_text(encoding="utf-8"))["cards"]}
    for model, card, given in carded:
        assert model.id in cards
        for fact in given:
            if fact != "parameters":
                assert api[model.id][fact] == getattr(card, fact)
        if "context" in given:
            assert rows[model.id]["Context window"] == str(card.context)
        assert card.url in rows[model.id]["Evidence"].split()


def _fixture(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(FIXTURE, copy)
    shutil.copytree(FIXTURE.parent.parent.parent / "content", tmp_path / "content")
    return copy


def test_a_card_never_overrides_a_datasets_fact_and_the_editor_is_told(tmp_path):
    """A card for a model whose context a dataset gives: the dataset's value stays, on the model and
    its page, and the build reminds the editor at the card's line that the card is overtaken."""
    data = _fixture(tmp_path)
    site = load_site(data, today=TODAY)
    model = next(m for m in site.models.models if any("context" in p.facts for p in m.provenance))
    d = Data(data)
    card = d.record("cards.yml")
    other = card["context"] + 1 if card["context"] != model.context else card["context"] + 2
    line, _ = d.set("cards.yml", ("cards", 0, "id"), model.id)
    d.set("cards.yml", ("cards", 0, "context"), str(other))
    site = load_site(data, today=TODAY)
    assert site.get("models", model.id).context == model.context
    assert "context" in card_facts(site, site.get("models", model.id))[1]
    page = catalogue.model_page(site, model.id)
    assert f"{model.context:,} tokens" in page and f"{other:,} tokens" not in page
    assert "ovc-card" not in page
    found = [str(p) for p in reminders(site, TODAY, 10_000)]
    assert any(p.startswith(f"data/cards.yml:{line}: {model.id}: a dataset now gives its context") for p in found), found


def test_a_hostile_card_is_escaped_where_it_lands(tmp_path):
    """The card's quote and note are the developer's and an editor's words: shown as text on the page."""
    data = _fixture(tmp_path)
    site = load_site(data, today=TODAY)
    model_id = site.cards.cards[0].id
    payload = "<script>alert(1)</script> & <b>bold</b>"
    d = Data(data)
    d.set("cards.yml", ("cards", 0, "quote"), json.dumps(payload))
    site = load_site(data, today=TODAY)
    page = catalogue.model_page(site, model_id)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in page
    assert "<script>alert(1)" not in page
