"""JSON Schemas for editors, generated from the models: `python -m macros.data.schema` (or `make schema`)
writes data/schema/<file>.schema.json; each data file names its schema in its first line, so
YAML-aware editors autocomplete fields and flag wrong values as you type.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import msgspec.json

from ..models import FILES

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "data" / "schema"


def schema_text(name: str) -> str:
    generated = msgspec.json.schema(FILES[name])  # {"$ref": "#/$defs/<File>", "$defs": {...}}
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


if __name__ == "__main__":
    for path in write_all():
        print(f"wrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
    sys.exit(0)
