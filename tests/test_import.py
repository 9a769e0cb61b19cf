"""`make import` on a small sample of the five datasets (tests/fixtures/reference/, in their repositories'
layout): what it writes is valid data, a second run changes no byte, what editors curate survives a
re-import, and a changed price shows in the change report and on the Model catalogue page. Never needs
../shared: the sample is committed."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from macros.data import load_site
from macros.models import CURATED
from macros.render.pages import families_table
from tests.support import ROOT
from tools.catalogue import FIXTURE
from tools.importers import __main__ as make_import
from tools.importers import mof

REFERENCE = ROOT / "tests" / "fixtures" / "reference"
WRITTEN = [*make_import.NAMES, "licences", "changelog"]


def _import(data: Path, reference: Path = REFERENCE) -> list[str]:
    lines: list[str] = []
    make_import.run(reference, data, out=lines.append)
    return lines


def _snapshot(data: Path) -> dict[str, bytes]:
    return {name: (data / f"{name}.yml").read_bytes() for name in WRITTEN}


def _defaults_from_the_sample(data: Path) -> None:
    """The calculator opens with a closed and an open-weight model of the catalogue: once the sample's
    models replace the fixture's, name two the sample has (a priced closed one; a priced open one with
    a parameter count)."""
    models = yaml.safe_load((data / "models.yml").read_text(encoding="utf-8"))["models"]
    priced = {o["model"] for o in yaml.safe_load((data / "offers.yml").read_text(encoding="utf-8"))["offers"]
              if o.get("input") and o.get("output")}
    closed = next(m["id"] for m in models if m["id"] in priced and m["openness"] == "closed")
    open_ = next(m["id"] for m in models if m["id"] in priced and m["openness"] != "closed"
                 and (m.get("parameters") or {}).get("total"))
    path = data / "calculator.yml"
    text = re.sub(r"(?m)^  closed: .*$", f"  closed: {closed}", path.read_text(encoding="utf-8"), count=1)
    path.write_text(re.sub(r"(?m)^  open: .*$", f"  open: {open_}", text, count=1), encoding="utf-8")


def _calculator_models(data: Path) -> set[str]:
    return set(yaml.safe_load((data / "calculator.yml").read_text(encoding="utf-8"))["default_models"].values())


def _cards_for_the_sample(data: Path) -> None:
    """A card (cards.yml, curated) names a model by its id: once the sample's models replace the
    fixture's, keep the cards of the models the sample has, as an editor would after such an import."""
    models = {m["id"] for m in yaml.safe_load((data / "models.yml").read_text(encoding="utf-8"))["models"]}
    path = data / "cards.yml"
    text = path.read_text(encoding="utf-8")
    cards = yaml.safe_load(text)["cards"]
    kept = [c for c in cards if c["id"] in models]
    if kept != cards:
        head = "".join(line for line in text.splitlines(keepends=True) if line.startswith("#"))
        path.write_text(head + yaml.safe_dump({"cards": kept}, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture
def data(tmp_path) -> Path:
    """A copy of the fixture data/, imported once from the sample."""
    copy = tmp_path / "data"
    shutil.copytree(FIXTURE, copy)
    _import(copy)
    _defaults_from_the_sample(copy)
    _cards_for_the_sample(copy)
    return copy


def test_the_import_writes_valid_data_with_provenance(data):
    site = load_site(data)
    assert site.models.models, "the sample gave no model"
    datasets = {d.id: d for d in site.datasets.datasets}
    for model in site.models.models:
        assert model.provenance, model.id
        for origin in model.provenance:
            assert origin.dataset in datasets
            assert datasets[origin.dataset].commit in origin.url, "the evidence link names the imported commit"
        if model.openness != "closed":
            assert model.licence in site.by_id["licences"], f"{model.id}: an open-weight model without its licence"
    assert any(d.transparency_index for d in site.developers.developers), "no FMTI score attached"
    assert site.offers.offers and all(o.model in site.by_id["models"] for o in site.offers.offers)


def test_a_second_import_changes_no_byte(data):
    before = _snapshot(data)
    lines = _import(data)
    assert _snapshot(data) == before
    assert not any(line.startswith(("new models", "price change", "deprecated:", "retired:")) for line in lines)


def test_what_editors_curate_survives_a_reimport(data):
    path = data / "models.yml"
    models = yaml.safe_load(path.read_text(encoding="utf-8"))["models"]
    target = models[0]["id"]
    text = path.read_text(encoding="utf-8")
    # an editor's note and a hidden model, written into the record as an editor would
    text = re.sub(rf"(  - id: {re.escape(target)}\n)", r"\1    note: Checked by hand against the model card.\n"
                                                    r"    show: false\n", text, count=1)
    path.write_text(text, encoding="utf-8")
    _import(data)
    again = {m["id"]: m for m in yaml.safe_load(path.read_text(encoding="utf-8"))["models"]}
    assert again[target]["note"] == "Checked by hand against the model card."
    assert again[target]["show"] is False
    assert "note" in CURATED["models"] and "show" in CURATED["models"]
    load_site(data)


def test_a_changed_price_shows_in_the_report_and_on_the_page(data, tmp_path):
    reference = tmp_path / "reference"
    shutil.copytree(REFERENCE, reference)
    offer = yaml.safe_load((data / "offers.yml").read_text(encoding="utf-8"))["offers"][0]
    [toml] = [p for p in (reference / "models-dev" / "providers").rglob("*.toml")
              if p.relative_to(reference / "models-dev").as_posix() == offer["provenance"][0]["file"]]
    # cheaper than every other offer of the model, so that the page (its cheapest offer) shows it
    new = 0.01
    text = toml.read_text(encoding="utf-8")
    toml.write_text(re.sub(r"(?m)^input = [0-9._]+$", f"input = {new}", text, count=1), encoding="utf-8")
    # the model shows on the page when a family of its developer matches it (families.yml is curated)
    model = next(m for m in yaml.safe_load((data / "models.yml").read_text(encoding="utf-8"))["models"]
                 if m["id"] == offer["model"])
    families = (data / "families.yml").read_text(encoding="utf-8")
    family = next(f for f in yaml.safe_load(families)["families"] if f["developer"] == model["developer"])
    families = re.sub(rf"(  - id: {re.escape(family['id'])}\n)", rf'\1    match: ["{model["id"]}"]\n', families, count=1)
    (data / "families.yml").write_text(families, encoding="utf-8")
    lines = _import(data, reference)
    assert any(line.startswith(f"price change: {offer['id']} input") and str(new) in line for line in lines), lines
    site = load_site(data)
    # ...and in the change log, as a price change of that offer and its model, the new price its value
    [entry] = [e for e in site.changelog.changelog if offer["id"] in e.concerns.get("offers", [])]
    assert entry.kind == "price-change" and offer["model"] in entry.concerns["models"]
    assert str(new) in entry.new and str(offer["input"]) in entry.old
    assert site.by_id["models"][offer["model"]].family == family["id"]
    page = families_table(site)
    others = [o.input for o in site.offers.offers if o.model == offer["model"] and o.id != offer["id"]
              and o.input is not None]
    assert all(price > new for price in others), "the sample has a cheaper offer; lower `new`"
    assert f"US${new:.2f} in" in page


def test_a_missing_dataset_is_named(tmp_path):
    reference = tmp_path / "reference"
    shutil.copytree(REFERENCE, reference)
    shutil.rmtree(reference / "fmti")
    from tools.importers.read import ImportError_
    with pytest.raises(ImportError_, match="fmti"):
        _import(tmp_path / "data", reference)


def test_a_licence_rule_naming_a_closed_model_publishes_it_and_logs_the_change(data):
    """An editor's `assigned` rule that names a model by its id says its weights are published under
    that licence, whatever a dataset rated; a pattern (which may also match a family's API-only
    models) never turns a closed model open. The change reaches the report and the change log."""
    models = yaml.safe_load((data / "models.yml").read_text(encoding="utf-8"))["models"]
    closed = [m for m in models if m["openness"] == "closed"]
    # the model the rule opens is not one the calculator needs closed; the pattern's may be
    named = next(m for m in closed if m["id"] not in _calculator_models(data))
    patterned = next(m for m in closed if m is not named)
    text = (data / "licences.yml").read_text(encoding="utf-8")
    licence = next(l for l in yaml.safe_load(text)["licences"] if not l.get("stub") and l.get("kind") != "usage-policy")
    rule = (f'    assigned:\n      - models: ["{named["id"]}", "{patterned["id"]}*"]\n'
            f'        url: "https://example.org/licence"\n        note: "test rule"\n')
    head = f"  - id: {licence['id']}\n"
    start = text.index(head)
    end = text.index("    terms:", start)
    block = re.sub(r"(?ms)^    assigned:\n(?:      .*?\n)*(?=    \w)", "", text[start:end])
    (data / "licences.yml").write_text(text[:start] + block + rule + text[end:], encoding="utf-8")
    lines = _import(data)
    site = load_site(data)
    now = site.by_id["models"][named["id"]]
    assert now.openness != "closed" and now.licence == licence["id"]
    assert any(c.fact == "openness" for c in now.claims) or not any(
        p.dataset == "osai-index" for p in now.provenance), "the dataset's contrary rating is not kept"
    assert site.by_id["models"][patterned["id"]].openness == "closed", "a pattern opened a closed model"
    assert any(line.startswith(f"openness: {named['id']} closed ->") for line in lines), lines
    [entry] = [e for e in site.changelog.changelog if e.kind == "openness-change"
               and named["id"] in e.concerns.get("models", [])]
    assert entry.old and entry.new and entry.old != entry.new


# --- the Model Openness Framework class (tools/importers/mof.py, the tool's own rules) ---------------

OPEN = min(mof.OPEN)  # any licence the tool counts as open
NOT_OPEN = "Proprietary"


def _release(components: dict[str, str | None], name: str = "GPT-4o", licence: dict | None = None) -> dict:
    """A release in the tool's file format: each component by its name, with its own licence (None: it
    gives none, and inherits the release's)."""
    return {"name": name, "license": licence or {}, "producer": "Test",
            "components": [{"name": n, **({"license": l} if l is not None else {})} for n, l in components.items()]}


def _needed(level: int) -> list[str]:
    """The names of the components a class needs: its own required ones and those of the classes above."""
    return [mof.BY_ID[cid].name for cls in range(3, level - 1, -1) for cid in mof.required(cls)]


def _mof_import(data: Path, tmp_path: Path, document: dict) -> dict:
    """Import the sample with its Model Openness Tool file replaced by `document`; the model's openness
    record."""
    reference = tmp_path / "reference"
    if reference.exists():
        shutil.rmtree(reference)
    shutil.copytree(REFERENCE, reference)
    [path] = (reference / "model-openness-tool" / "models").glob("*.yml")
    release = yaml.safe_load(path.read_text(encoding="utf-8"))["release"]
    document = {"framework": {"name": "Model Openness Framework", "version": "1.0", "date": "2024-12-15"},
                **document, "release": {**document["release"], "name": release["name"]}}
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    _import(data, reference)
    load_site(data)
    records = yaml.safe_load((data / "openness.yml").read_text(encoding="utf-8"))["openness"]
    [record] = [r for r in records if r.get("mof", {}).get("file") == f"models/{path.name}"]
    return record


def test_a_model_with_every_class_iii_component_open_is_class_iii_and_one_closed_licence_drops_it(data, tmp_path):
    assert not mof.is_open(NOT_OPEN) and mof.is_open(OPEN)
    needed = _needed(3)
    record = _mof_import(data, tmp_path, {"release": _release(dict.fromkeys(needed, OPEN))})
    assert record["mof"]["mof_class"] == "III"
    assert "mof-class-rules" in record["sources"], "a derived class cites the rules it comes from"
    for name in needed:
        closed = {**dict.fromkeys(needed, OPEN), name: NOT_OPEN}
        assert _mof_import(data, tmp_path, {"release": _release(closed)})["mof"]["mof_class"] == "none", name
    missing = {n: OPEN for n in needed[1:]}
    assert _mof_import(data, tmp_path, {"release": _release(missing)})["mof"]["mof_class"] == "none"


def test_a_class_the_file_states_is_used_as_stated(data, tmp_path):
    record = _mof_import(data, tmp_path, {"release": _release({}), "classification": {"class": 2}})
    assert record["mof"]["mof_class"] == "II"
    assert "mof-class-rules" not in record["sources"], "a stated class is the file's, not the rules'"


def test_each_class_needs_the_components_of_the_classes_above_it_under_open_licences():
    report, paper = mof.BY_ID[mof.TECHNICAL_REPORT].name, mof.BY_ID[mof.RESEARCH_PAPER].name
    for level, label in ((3, "III"), (2, "II"), (1, "I")):
        needed = _needed(level)
        assert mof.classify(_release(dict.fromkeys(needed, OPEN))) == label
        for name in needed:
            if name == report and paper in needed:
                continue  # the paper stands in for it (test_a_research_paper_stands_in_for_the_technical_report)
            # a component of class c not open: no class c or below; the class above c, if c is below III
            of = mof.BY_NAME[name].mof_class
            expected = mof.CLASSES[of + 1] if of < 3 else "none"
            for licence in (NOT_OPEN, "unlicensed"):
                assert mof.classify(_release({**dict.fromkeys(needed, OPEN), name: licence})) == expected, (name, licence)
    # optional components are never needed, and a class below never counts without the classes above
    optional = [c.name for c in mof.COMPONENTS if not c.required]
    assert optional and mof.classify(_release(dict.fromkeys(optional, OPEN))) == "none"
    below = [n for n in _needed(1) if n not in _needed(2)]
    assert mof.classify(_release(dict.fromkeys(below, OPEN))) == "none"


def test_a_component_without_its_own_licence_inherits_the_releases():
    needed = _needed(3)
    unlicensed = dict.fromkeys(needed, None)
    assert mof.classify(_release(unlicensed)) == "none"
    assert mof.classify(_release(unlicensed, licence={"distribution": {"name": OPEN}})) == "III"
    assert mof.classify(_release(unlicensed, licence={"distribution": {"name": NOT_OPEN}})) == "none"
    # the licence for the component's type comes before the release's
    kinds = {c.kind for c in mof.COMPONENTS if c.name in needed}
    by_type = {kind: {"name": OPEN} for kind in kinds}
    assert mof.classify(_release(unlicensed, licence={"distribution": {"name": NOT_OPEN}, **by_type})) == "III"
    # a component's own word wins, "unlicensed" included
    first = {**unlicensed, needed[0]: "unlicensed"}
    assert mof.classify(_release(first, licence={"distribution": {"name": OPEN}})) == "none"


def test_a_research_paper_stands_in_for_the_technical_report():
    report, paper = mof.BY_ID[mof.TECHNICAL_REPORT].name, mof.BY_ID[mof.RESEARCH_PAPER].name
    without = {n: OPEN for n in _needed(3) if n != report}
    assert mof.classify(_release(without)) == "none"
    assert mof.classify(_release({**without, paper: OPEN})) == "III"
    assert mof.classify(_release({**without, paper: NOT_OPEN})) == "none"
    assert mof.classify(_release({n: OPEN for n in _needed(1) if n != report})) == "I"


def test_the_port_gives_the_tools_own_expected_results():
    """The tool's test models (Test_Data/expected_results.json at the snapshot's commit) with the class
    and the progress per class the tool itself reported for each."""
    text = (REFERENCE / "model-openness-tool" / "Test_Data" / "expected_results.json").read_text(encoding="utf-8")
    expected = json.loads(re.sub(r",(\s*[}\]])", r"\1", text))["models"]  # the file has trailing commas
    assert expected
    classes = set()
    for model in expected:
        release, want = model["release"], model["classification"]
        assert mof.classify(release) == mof.CLASSES[want["class"]], release["name"]
        got = mof.progress(release)
        for cls, value in want["progress"].items():
            assert got[int(cls)] == pytest.approx(value), (release["name"], cls)
        classes.add(want["class"])
    assert classes == {0, 1, 2, 3}, "the tool's test models cover every class"


def test_what_an_editor_says_of_a_stub_survives_a_reimport(data):
    """A stub whose name is no licence's (`not_a_licence`) keeps that and its note, and its terms say
    there is no text to read."""
    path = data / "licences.yml"
    text = path.read_text(encoding="utf-8")
    stub = next(l for l in yaml.safe_load(text)["licences"] if l.get("stub"))
    start = text.index(f"  - id: {stub['id']}\n")
    at = text.index("    stub: true\n", start) + len("    stub: true\n")
    path.write_text(text[:at] + '    not_a_licence: true\n    note: "Checked: no licence is named."\n' + text[at:],
                    encoding="utf-8")
    _import(data)
    again = {l["id"]: l for l in yaml.safe_load(path.read_text(encoding="utf-8"))["licences"]}[stub["id"]]
    assert again["not_a_licence"] is True and again["note"] == "Checked: no licence is named."
    assert all("no text to read" in term["summary"] for term in again["terms"].values())
    site = load_site(data)
    assert site.by_id["licences"][stub["id"]].not_a_licence
