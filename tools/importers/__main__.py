"""`make import FROM=<dir>`: read the five datasets under <dir> (snapshots or fresh clones, in the layout
of ../shared/reference/), write data/{datasets,developers,models,hosts,offers,openness}.yml and the stub
records of data/licences.yml, keeping what editors curated (models.CURATED), and print what changed:
new and removed models, price changes, new deprecations and retirements. Deterministic: a second run
from the same snapshots writes the same bytes."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import yaml

from macros.data.schema import schema_line
from macros.render import labels
from . import catalogue, read, yamlout

COMMENTS = {
    "models": ["One record per model release, imported by `make import` from the datasets in datasets.yml.",
               "Edit only `note`, `show`, `aliases` and `reviewed` here: the import keeps them and rewrites the rest."],
    "developers": ["Organisations that release models, imported by `make import`; `aliases`, `url`, `note` and",
                   "`reviewed` are curated and kept (add a dataset's spelling to `aliases` to merge two records)."],
    "hosts": ["Services that serve models behind an API (models.dev's providers), imported by `make import`."],
    "offers": ["One model at one host: price per million tokens (USD) and limits, imported by `make import`."],
    "openness": ["Openness ratings per model from the OSAI index and the Model Openness Tool (`make import`)."],
    "datasets": ["The datasets `make import` read: repository, commit, licence and how to credit each."],
}
NAMES = ("datasets", "developers", "models", "hosts", "offers", "openness")


def _old(data: Path, name: str) -> dict:
    path = data / f"{name}.yml"
    if not path.is_file():
        return {}
    return {r["id"]: r for r in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get(name) or []}


def report(old: dict, new: dict) -> list[str]:
    lines = []
    om, nm = old.get("models", {}), {r["id"]: r for r in new["models"]}
    added, removed = sorted(set(nm) - set(om)), sorted(set(om) - set(nm))
    if added:
        lines.append(f"new models ({len(added)}): {', '.join(added[:30])}{' …' if len(added) > 30 else ''}")
    if removed:
        lines.append(f"models no longer in the datasets ({len(removed)}): {', '.join(removed[:30])}")
    for model_id in sorted(set(nm) & set(om)):
        for key in ("openness", "licence"):
            if om[model_id].get(key) and nm[model_id].get(key) != om[model_id].get(key):
                lines.append(f"{key}: {model_id} {om[model_id][key]} -> {nm[model_id].get(key)}")
        for key in ("deprecated", "retired"):
            if nm[model_id].get(key) and str(nm[model_id].get(key)) != str(om[model_id].get(key) or ""):
                lines.append(f"{key}: {model_id} on {nm[model_id][key]}")
    oo, no = old.get("offers", {}), {r["id"]: r for r in new["offers"]}
    for offer_id in sorted(set(no) & set(oo)):
        for key in ("input", "output", "cached_input"):
            if oo[offer_id].get(key) != no[offer_id].get(key):
                lines.append(f"price change: {offer_id} {key} {oo[offer_id].get(key)} -> {no[offer_id].get(key)} "
                             f"USD per million tokens")
    new_offers = sorted(set(no) - set(oo))
    if new_offers and oo:
        lines.append(f"new offers ({len(new_offers)}): {', '.join(new_offers[:20])}{' …' if len(new_offers) > 20 else ''}")
    gone = sorted(set(oo) - set(no))
    if gone:
        lines.append(f"offers withdrawn ({len(gone)}): {', '.join(gone[:20])}")
    return lines


def _day(record: dict, key: str = "as_of"):
    value = record.get(key)
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)) if value else None


def changes(old: dict, new: dict, today: dt.date | None = None, licences: dict | None = None) -> list[dict]:
    """The change-log entries (data/changelog.yml) for what a re-import changed: new models, price
    changes, announced deprecations and retirements, a new openness or licence. None on a first import (no catalogue before it:
    everything would be new). Each entry is dated by the snapshot that shows the change (the record's
    `as_of`; a new model by its release where known), and cites the dataset. `licences`: id -> name,
    so that an entry names a licence as its page does."""
    named = licences or {}
    om, nm = old.get("models", {}), {r["id"]: r for r in new["models"]}
    if not om:
        return []
    today = today or dt.date.today()
    out = []
    for model_id in sorted(set(nm) - set(om)):
        model = nm[model_id]
        out.append({"id": f"new-{model_id}"[:80], "date": _day(model, "released") or _day(model),
                    "kind": "new-model", "concerns": {"models": [model_id]},
                    "title": f"New in the catalogue: {model['name']}",
                    "sources": [p["dataset"] for p in model.get("provenance", [])][:1] or ["models-dev"]})
    for model_id in sorted(set(nm) & set(om)):
        model = nm[model_id]
        for key, verb in (("deprecated", "deprecated"), ("retired", "retired")):
            if model.get(key) and str(model.get(key)) != str(om[model_id].get(key) or ""):
                # dated by the snapshot that first shows it: the day itself may lie ahead
                out.append({"id": f"{verb}-{model_id}"[:80], "date": _day(model), "kind": "retirement",
                            "concerns": {"models": [model_id]},
                            "title": f"{model['name']} is {verb} from {model[key]}",
                            "old": str(om[model_id].get(key) or "not announced"), "new": str(model[key]),
                            "sources": [p["dataset"] for p in model.get("provenance", [])][:1] or ["endoflife-date"]})
        # Openness and licence are not dated by any snapshot: they change when the import (or an
        # editor's licence rule) says so, and the entry is dated by that import.
        before, after = om[model_id], model
        if before.get("openness") and before.get("openness") != after.get("openness"):
            out.append({"id": f"openness-{model_id}-{after['openness']}"[:80], "date": today,
                        "kind": "openness-change", "concerns": {"models": [model_id]},
                        "title": f"{model['name']} is now listed as {_lower_first(labels.OPENNESS[after['openness']])}",
                        "old": labels.OPENNESS[before["openness"]], "new": labels.OPENNESS[after["openness"]],
                        "sources": [p["dataset"] for p in model.get("provenance", [])][:1] or ["osai-index"]})
        if before.get("licence") and after.get("licence") and before["licence"] != after["licence"]:
            out.append({"id": f"licence-{model_id}-{after['licence']}"[:80], "date": today,
                        "kind": "licence-change", "concerns": {"models": [model_id], "licences": [after["licence"]]},
                        "title": f"{model['name']}: its licence is now recorded as {named.get(after['licence'], after['licence'])}",
                        "old": named.get(before["licence"], before["licence"]),
                        "new": named.get(after["licence"], after["licence"]),
                        "sources": [p["dataset"] for p in model.get("provenance", [])][:1] or ["osai-index"]})
    oo, no = old.get("offers", {}), {r["id"]: r for r in new["offers"]}
    for offer_id in sorted(set(no) & set(oo)):
        offer = no[offer_id]
        moved = [k for k in ("input", "output", "cached_input") if oo[offer_id].get(k) != offer.get(k)]
        if moved:
            def price(record):
                return "; ".join(f"{k.replace('_', ' ')} {record.get(k)}" for k in moved) + " USD per million tokens"
            out.append({"id": f"price-{offer_id}-{_day(offer)}"[:80], "date": _day(offer), "kind": "price-change",
                        "concerns": {"offers": [offer_id], "models": [offer["model"]]},
                        "title": f"Price change: {nm.get(offer['model'], {}).get('name', offer['model'])} "
                                 f"at {offer.get('host', '')}".strip(),
                        "old": price(oo[offer_id]), "new": price(offer), "sources": ["models-dev"]})
    return [{**entry, "reviewed": entry["date"]} for entry in out if entry["date"]]


def _lower_first(label: str) -> str:
    """A label inside a sentence: "Open weights, OSI-approved licence" -> "open weights, OSI-approved licence"."""
    return label[:1].lower() + label[1:]


def write_changes(data: Path, entries: list[dict]) -> int:
    """Append the entries data/changelog.yml does not have yet (by id); return how many."""
    path = data / "changelog.yml"
    text = path.read_text(encoding="utf-8")
    have = {r["id"] for r in (yaml.safe_load(text) or {}).get("changelog") or []}
    fresh = [e for e in entries if e["id"] not in have]
    if fresh:
        class Plain(yaml.SafeDumper):  # the data refuses YAML aliases: a date used twice is written twice
            def ignore_aliases(self, data) -> bool:
                return True
        block = yaml.dump(fresh, Dumper=Plain, allow_unicode=True, sort_keys=False, width=100,
                          default_flow_style=None)
        path.write_text(text.rstrip("\n") + "\n" + "".join("  " + line if line.strip() else line
                                                           for line in block.splitlines(keepends=True)),
                        encoding="utf-8")
    return len(fresh)


def run(root: Path, data: Path, out=print) -> list[str]:
    old = {name: _old(data, name) for name in NAMES}
    result = catalogue.build(root, data)
    for name in NAMES:
        text = yamlout.document(name, result.files[name], schema_line(name), COMMENTS[name])
        (data / f"{name}.yml").write_text(text, encoding="utf-8")
    licences_path = data / "licences.yml"
    head = [line for line in licences_path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    comments = [line[2:] if line.startswith("# ") else line[1:] for line in head[1:]]
    licences_path.write_text(yamlout.document("licences", result.licences, schema_line("licences"), comments),
                             encoding="utf-8")
    lines = report(old, result.files)
    names = {licence["id"]: licence["name"] for licence in result.licences}
    if added := write_changes(data, changes(old, result.files, licences=names)):
        lines.append(f"change log: {added} new entries in changelog.yml")
    counts = {name: len(result.files[name]) for name in NAMES}
    stubs = sum(1 for l in result.licences if l.get("stub"))
    lines.append("wrote " + ", ".join(f"{n} {name}" for name, n in counts.items())
                 + f", {len(result.licences)} licences ({stubs} stubs to review)")
    lines += result.report
    for line in lines:
        out(line)
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="make import", description=__doc__.split("\n")[0])
    parser.add_argument("source", type=Path, help="folder holding osai-index/, model-openness-tool/, fmti/, "
                                                  "models-dev/, endoflife-date/")
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "data")
    args = parser.parse_args(argv)
    try:
        run(args.source, args.data)
    except read.ImportError_ as error:
        print(f"make import: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
