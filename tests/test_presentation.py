"""Presentation rules are typed once and follow the schema: every display map (labels, colours) has
exactly the values its field allows as keys, so a value added to the schema without its label fails
here, and a value the schema does not allow is refused as a data problem before any template runs."""
from __future__ import annotations

import typing

import msgspec
import pytest

from macros import models
from macros.render import arrange, labels
from macros.publish import tables


def allowed(model: type, field: str) -> set[str]:
    """The values a Literal field of a model allows (through Annotated and Optional)."""
    kind = next(f.type for f in msgspec.structs.fields(model) if f.name == field)
    while typing.get_origin(kind) is typing.Annotated:
        kind = kind.__origin__
    if typing.get_origin(kind) is list:
        kind = typing.get_args(kind)[0]
    assert typing.get_origin(kind) is typing.Literal, f"{model.__name__}.{field} is not a closed set"
    return set(typing.get_args(kind))


@pytest.mark.parametrize("shown, model, field", [
    ("TONES", models.Option, "tone"),
    ("LEANS", models.Dimension, "favors"),
    ("OPENNESS", models.Model, "openness"),
    ("OPENNESS_SIDE", models.Model, "openness"),
    ("STATUSES", models.Model, "status"),
    ("CARD_KINDS", models.Card, "kind"),
    ("HOW_COMMON", models.OpenPart, "how_common"),
    ("OPTION_SIDES", models.Option, "side"),
    ("ROUTE_SIDES", models.AccessRoute, "side"),
    ("CALCULATOR_GROUPS", models.CalculatorInput, "group"),
    ("SOURCE_KINDS", models.Source, "kind"),
    ("LAWS", models.Rule, "law"),
    ("LAW_TOPICS", models.Rule, "topic"),
    ("CATALOGUE_CHECKS", models.ModelFilter, "has"),
    ("FLAG_WORDS", models.ModelFilter, "has"),
])
def test_each_display_map_covers_exactly_the_values_the_schema_allows(shown, model, field):
    assert set(getattr(labels, shown)) == allowed(model, field)


def test_the_page_and_its_export_list_the_same_records_in_the_same_order(site):
    """One ordering per listing (render/arrange.py) serves the page and the table exports."""
    by_name = {d.name: d for d in site.dimensions.dimensions}
    assert [by_name[row[0]].id for row in tables.comparison(site).rows] == [
        d.id for _, dims in arrange.comparison_groups(site) for d in dims]
    assert [row[0] for row in tables.access_routes(site).rows] == [r.name for r in arrange.access_routes(site)]
    assert [row[0] for row in tables.glossary(site).rows] == [t.term for t in arrange.glossary_terms(site)]


def test_every_input_group_of_the_calculator_has_its_inputs_shown(site):
    shown = [f.id for _, _, fields in arrange.calculator_groups(site, labels.CALCULATOR_GROUPS) for f in fields]
    assert sorted(shown) == sorted(f.id for f in site.calculator.calculator)
