"""`make import` on a small sample of the five datasets (tests/fixtures/reference/, in their repositories'
layout): what it writes is valid data, a second run changes no byte, what editors curate survives a
re-import, and a changed price shows in the change report and on the Model catalogue page. Never needs
../shared: the sample is committed."""
from __future__ import annotations

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

REFERENCE = ROOT / "tests" / "fixtures" / "reference"
WRITTEN = [*make_import.NAMES, "licences", "changelog"]


def _import(data: Path, reference: Path = REFERENCE) -> list[str]:
    lines: list[str] = []
    make_import.run(reference, data, out=lines.append)
    return lines


def _snapshot(data: Path) -> dict[str, bytes]:
    return {name: (data / f"{name}.yml").read_bytes() for name in WRITTEN}


@pytest.fixture
def data(tmp_path) -> Path:
    """A copy of the fixture data/, imported once from the sample."""
    copy = tmp_path / "data"
    shutil.copytree(FIXTURE, copy)
    _import(copy)
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
    if len(closed) < 2:
        pytest.skip("the sample has fewer than two closed models")
    named, patterned = closed[0], closed[1]
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
