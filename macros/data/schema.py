"""JSON Schemas for editors, generated from the models: `python -m macros.data.schema` (or `make schema`)
writes data/schema/<file>.schema.json; each data file names its schema in its first line, so
YAML-aware editors autocomplete fields and flag wrong values as you type.
"""
from __future__ import annotations

import json
from pathlib import Path

import msgspec.json

from ..models import FILES

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "data" / "schema"


# A date that is in the calendar (leap years included), as YYYY-MM-DD: JSON Schema's "format": "date"
# is only a note for most editors, so the pattern lets them flag 2026-02-30 as the build does.
VALID_DATE = (r"^(?!0000)(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-"
              r"(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|"
              r"[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$")


def _with_date_patterns(node):
    if isinstance(node, dict):
        out = {key: _with_date_patterns(value) for key, value in node.items()}
        if out.get("format") == "date":
            out["pattern"] = VALID_DATE
        return out
    if isinstance(node, list):
        return [_with_date_patterns(item) for item in node]
    return node


# Rules between the fields of one record that models.py states as checks (data/checks.py) and a
# schema can state too, so that editors flag them as well. (None at present: the decision model's
# rules span files.)
_CONDITIONS: dict[str, list] = {}


def schema_text(name: str) -> str:
    generated = _with_date_patterns(msgspec.json.schema(FILES[name]))  # {"$ref": "#/$defs/<File>", ...}
    for definition, conditions in _CONDITIONS.items():
        if definition in generated["$defs"]:
            generated["$defs"][definition]["allOf"] = conditions
    definitions = dict(generated["$defs"])
    root = definitions.pop(generated["$ref"].rsplit("/", 1)[1])  # the file itself: inline it
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **root,
              "title": f"data/{name}.yml"}
    if definitions:
        schema["$defs"] = definitions
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def committed_text(name: str) -> str:
    """The schema as committed in data/schema/ (what editors' YAML tools read): the API serves these
    same files. tests/test_schema.py keeps them equal to schema_text(); `make schema` rewrites them."""
    return (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")


def schema_line(name: str) -> str:
    """The first line every data file must start with."""
    return f"# yaml-language-server: $schema=schema/{name}.schema.json"


def write_all(directory: Path = SCHEMA_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in FILES:
        path = directory / f"{name}.schema.json"
        path.write_text(schema_text(name), encoding="utf-8")
        written.append(path)
    return written


def editor_associations() -> dict[str, str]:
    """Schema -> data file, as .vscode/settings.json's "yaml.schemas" associates them."""
    return {f"data/schema/{name}.schema.json": f"data/{name}.yml" for name in FILES}
