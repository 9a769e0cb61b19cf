"""The JSON Schemas editors use are generated from the models and committed; they must be current,
and every data file must point its editor at its schema in its first line."""
from __future__ import annotations

import json

import pytest

from macros.models import FILES
from macros.data.schema import SCHEMA_DIR, schema_line, schema_text
from tests.support import ROOT


@pytest.mark.parametrize("name", FILES)
def test_committed_schema_is_current(name):
    committed = (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(name), f"data/schema/{name}.schema.json is stale: run `make schema`"


@pytest.mark.parametrize("name", FILES)
def test_data_file_names_its_schema(name):
    first = (ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first == schema_line(name)


@pytest.mark.parametrize("name", FILES)
def test_schema_closes_enums_and_rejects_unknown_fields(name):
    schema = json.loads(schema_text(name))
    assert schema["additionalProperties"] is False
    for definition in schema.get("$defs", {}).values():
        assert definition.get("additionalProperties") is False, definition.get("title")


def test_editor_settings_read_yaml_as_the_build_does_and_know_every_schema():
    """.vscode/settings.json: YAML 1.1 (as PyYAML reads it), no public schema store (no network),
    and each data file associated with its schema (besides its first line)."""
    from macros.data.schema import editor_associations
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.yamlVersion"] == "1.1"
    assert settings["yaml.schemaStore.enable"] is False
    assert settings["yaml.schemas"] == editor_associations(), "run `make schema`"


def test_no_stray_schema_files():
    assert {p.name for p in SCHEMA_DIR.iterdir()} == {f"{n}.schema.json" for n in FILES}
