"""`make schema`: the editors' JSON Schemas in data/schema/, generated from the models, and the schema
associations of the committed editor settings (.vscode/settings.json "yaml.schemas"). Run it after
changing macros/models.py; a test fails while either is stale."""
from __future__ import annotations

import json
import sys

from macros.data.schema import editor_associations, write_all
from tools.project import ROOT

SETTINGS = ROOT / ".vscode" / "settings.json"


def main() -> int:
    for path in write_all():
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    settings = json.loads(SETTINGS.read_text(encoding="utf-8"))
    settings["yaml.schemas"] = editor_associations()
    SETTINGS.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {SETTINGS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
