"""What `make import` makes of the five datasets: the records of models.yml, developers.yml, hosts.yml,
offers.yml, openness.yml and datasets.yml, each with its provenance, and the stub licences a dataset's
licence name calls for. Pure: it reads the snapshots (read.py) and the current data/ (for the fields
editors curate, the families' patterns and the licences), and returns the files' records; __main__.py
writes them (yamlout.py) and prints the change report.

Matching is by id: a record's id is its name in kebab case (models.dev's file name, the OSAI index's
end-model name, ...); a model's or developer's curated `aliases` join other names to it."""
from __future__ import annotations

import datetime as dt
import fnmatch
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import mof, read

DATASET_INFO = {
    "osai-index": dict(name="European Open Source AI Index", licence="CC-BY-4.0",
                       licence_url="https://creativecommons.org/licenses/by/4.0/",
                       credit="Openness ratings from the [European Open Source AI Index](https://osai-index.eu/) "
                              "(CC BY 4.0), by Andreas Liesenfeld and Mark Dingemanse.",
                       citation="Liesenfeld, A. and Dingemanse, M., 2024. Rethinking open source generative AI: "
                                "open-washing and the EU AI Act. In Proceedings of the 2024 ACM Conference on "
                                "Fairness, Accountability, and Transparency (pp. 1774-1787). "
                                "doi:10.5281/zenodo.15386042"),
    "model-openness-tool": dict(name="Model Openness Tool (LF AI & Data)", licence="MIT",
                                licence_url="https://github.com/lfai/model_openness_tool/blob/main/LICENSE",
                                credit="Component licences from the LF AI & Data [Model Openness Tool]"
                                       "(https://github.com/lfai/model_openness_tool) (MIT)."),
    "fmti": dict(name="Foundation Model Transparency Index, December 2025", licence="CC-BY-4.0",
                 licence_url="https://github.com/stanford-crfm/fmti/blob/main/LICENSE.md",
                 credit="Transparency scores from the [Foundation Model Transparency Index]"
                        "(https://crfm.stanford.edu/fmti/) December 2025 (Stanford CRFM, CC BY).",
                 citation="Foundation Model Transparency Index, December 2025. Stanford Center for Research "
                          "on Foundation Models. https://github.com/stanford-crfm/fmti"),
    "models-dev": dict(name="models.dev", licence="MIT",
                       licence_url="https://github.com/anomalyco/models.dev/blob/dev/LICENSE",
                       credit="Model facts, hosts and prices from [models.dev](https://models.dev/) (MIT)."),
    "endoflife-date": dict(name="endoflife.date", licence="MIT",
                           licence_url="https://github.com/endoflife-date/endoflife.date/blob/master/LICENSE",
                           credit="Claude lifecycle dates from [endoflife.date](https://endoflife.date/claude) (MIT)."),
}
# OSAI type -> (input, output) modalities; the index gives only the kind of model.
OSAI_MODALITIES = {"text": (["text"], ["text"]), "code": (["text"], ["text"]), "image": (["text"], ["image"]),
                   "video": (["text", "image"], ["video"]), "audio": (["text", "audio"], ["audio"])}
MODALITIES = ("text", "image", "audio", "video", "pdf")
# The OSAI dimensions that make weights open source, with an OSI-approved licence (OSAID: data information,
# code, parameters).
OPEN_SOURCE_DIMENSIONS = ("datasources_basemodel", "trainingcode", "weights_endmodel")
# The fields of a stub licence record that editors write and the import keeps.
STUB_CURATED = ("not_a_licence", "note")
# The source (sources.yml) of the rules that give a model its Model Openness Framework class (mof.py).
MOF_RULES = "mof-class-rules"


def kebab(text: str, limit: int = 64) -> str:
    """An id: kebab case, at most `limit` characters (ids may hold 80: room for an editor's suffix)."""
    text = re.sub(r"[^a-z0-9]+", "-", str(text).lower().replace("+", "plus")).strip("-")
    return text[:limit].rstrip("-") or "unnamed"


def month_date(value) -> dt.date | None:
    if value is None or value is False:
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for pattern, fmt in ((r"\d{4}-\d{2}-\d{2}", "%Y-%m-%d"), (r"\d{4}-\d{2}", "%Y-%m"), (r"\d{4}", "%Y")):
        match = re.match(pattern, text)
        if match:
            return dt.datetime.strptime(match.group(0), fmt).date()
    return None


def _parameters(name: str, also: str | None = None) -> dict | None:
    """Sizes a release's name states: 70b, 235b-a22b, 17b-16e (17B active in a mixture of 16 experts;
    `also`, the weights' address, may say so where the name does not)."""
    text = name.lower().replace("_", "-")
    if also and re.search(r"\d+b-\d+e(?![a-z])", also.lower()) and not re.search(r"\d+b-\d+e(?![a-z])", text):
        text = re.sub(r"(\d+b)(?![a-z0-9])", r"\1-moe-e", text, count=1).replace("-moe-e", "-1e")
    active = re.search(r"(?:^|[-.])a(\d+(?:\.\d+)?)b(?![a-z])", text)
    sizes = [float(m) for m in re.findall(r"(?:^|[-.:])(\d+(?:\.\d+)?)b(?![a-z0-9])", text)]
    out = {}
    if re.search(r"\d+b-\d+e(?![a-z])", text) and sizes:
        out["active"] = sizes[0] * 1e9
    elif sizes:
        out["total"] = sizes[0] * 1e9
    if active:
        out["active"] = float(active.group(1)) * 1e9
    if not out:
        return None
    return {**out, "basis": "The size its name states (B = billion parameters)."}


def _clean_url(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if not value:
        return None
    value = str(value).strip().split()[0]
    if not re.match(r"^https?://[^\s<>\"|\[\]()]+$", value) or len(value) > 500:
        return None
    return value


def _text(value, limit: int = 2000) -> str | None:
    text = read.clean(value)
    if text is None:
        return None
    text = text.replace("](", "] (")
    return text if len(text) <= limit else text[:limit - 3].rsplit(" ", 1)[0] + "..."


def _label(value) -> str:
    text = (_text(value, 200) or "unnamed").replace("\n", " ")
    return text if len(text) <= 80 else text[:77].rsplit(" ", 1)[0] + "..."


@dataclass
class Catalogue:
    files: dict[str, list[dict]] = field(default_factory=dict)
    licences: list[dict] = field(default_factory=list)  # the whole of licences.yml, stubs included
    report: list[str] = field(default_factory=list)


def _load(data: Path, name: str) -> list[dict]:
    path = data / f"{name}.yml"
    if not path.is_file():
        return []
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get(name) or []


class Aliases:
    """name -> id, by kebab-case keys: ids, names and curated aliases."""

    def __init__(self):
        self.index: dict[str, str] = {}

    def add(self, key: str, target: str) -> None:
        self.index.setdefault(kebab(key), target)

    def get(self, *names) -> str | None:
        for name in names:
            if name and kebab(name) in self.index:
                return self.index[kebab(name)]
        return None


def build(root: Path, data: Path) -> Catalogue:
    snaps = read.snapshots(root)
    out = Catalogue()
    old = {name: {r["id"]: r for r in _load(data, name) if isinstance(r, dict) and "id" in r}
           for name in ("models", "developers", "hosts", "offers", "openness", "datasets")}
    families = _load(data, "families")
    licences = [l for l in _load(data, "licences") if not l.get("stub")]
    # What an editor says of a stub (that its name is not a licence's, a note) survives the import.
    stub_curated = {l["id"]: {k: l[k] for k in STUB_CURATED if k in l}
                    for l in _load(data, "licences") if l.get("stub") and "id" in l}
    licence_by_id = {l["id"]: l for l in licences}
    licence_alias = {}
    for lic in licences:
        for alias in [lic["name"], lic.get("spdx") or "", *lic.get("aliases", [])]:
            if alias:
                licence_alias.setdefault(" ".join(alias.lower().split()), lic["id"])
    stubs: dict[str, dict] = {}

    def dataset_from(dataset: str, relative: str, facts: list[str]) -> dict:
        return {"dataset": dataset, "file": relative, "url": snaps[dataset].url(relative), "facts": facts}

    # --- developers ----------------------------------------------------------------------------
    developers: dict[str, dict] = {}
    dev_alias = Aliases()
    for record in old["developers"].values():
        for name in [record["id"], record.get("name", ""), *record.get("aliases", [])]:
            dev_alias.add(name, record["id"])

    def developer(name: str, dataset: str, relative: str, url: str | None = None) -> str:
        dev_id = dev_alias.get(name) or kebab(name)
        dev_alias.add(name, dev_id)
        record = developers.setdefault(dev_id, {"id": dev_id, "name": old["developers"].get(dev_id, {}).get(
            "name", name), "provenance": [], "sources": []})
        if url and "url" not in record:
            record["url"] = url
        if dataset not in record["sources"]:
            record["sources"].append(dataset)
        if not any(p["dataset"] == dataset for p in record["provenance"]):
            record["provenance"].append(dataset_from(dataset, relative, ["developer"]))
        return dev_id

    # --- models.dev ------------------------------------------------------------------------------
    mdev = read.models_dev(snaps["models-dev"])
    models: dict[str, dict] = {}
    model_alias = Aliases()
    for record in old["models"].values():
        for name in record.get("aliases", []):
            model_alias.add(name, record["id"])
    lab_names = {host: toml.data.get("name", host) for host, toml in mdev.providers.items()}
    md_ids: dict[str, str] = {}  # "lab/name" -> model id
    for key, toml in sorted(mdev.models.items()):
        model_id = model_alias.get(toml.name) or kebab(toml.name)
        if model_id in models:
            model_id = kebab(f"{toml.lab}-{toml.name}")
        d = toml.data
        dev_id = developer(lab_names.get(toml.lab, toml.lab), "models-dev",
                           f"providers/{toml.lab}/provider.toml" if toml.lab in mdev.providers else toml.path)
        record = {"id": model_id, "name": _label(d.get("name") or toml.name), "developer": dev_id,
                  "released": month_date(d.get("release_date")), "open_weights": bool(d.get("open_weights")),
                  "input": [m for m in (d.get("modalities") or {}).get("input", []) if m in MODALITIES],
                  "output": [m for m in (d.get("modalities") or {}).get("output", []) if m in MODALITIES],
                  "context": (d.get("limit") or {}).get("context") or None,
                  "max_output": (d.get("limit") or {}).get("output") or None,
                  "knowledge": _text(d.get("knowledge")),
                  "status": d.get("status") if d.get("status") in ("beta", "deprecated") else "active",
                  "weights_url": _clean_url((d.get("weights") or [{}])[0].get("url")),
                  "parameters": _parameters(toml.name, (d.get("weights") or [{}])[0].get("url")),
                  "licence_names": [("models-dev", d["license"], toml.path)] if d.get("license") else [],
                  "provenance": [dataset_from("models-dev", toml.path, [
                      f for f, v in (("name", 1), ("released", d.get("release_date")), ("openness", 1),
                                     ("input", d.get("modalities")), ("output", d.get("modalities")),
                                     ("context", (d.get("limit") or {}).get("context")),
                                     ("max_output", (d.get("limit") or {}).get("output")),
                                     ("knowledge", d.get("knowledge")), ("status", d.get("status")),
                                     ("weights-url", d.get("weights"))) if v])],
                  "sources": ["models-dev"], "claims": []}
        models[model_id] = record
        md_ids[key] = model_id
        model_alias.add(toml.name, model_id)
        model_alias.add(model_id, model_id)

    # --- the OSAI index --------------------------------------------------------------------------
    dims, entries = read.osai(snaps["osai-index"])
    openness: dict[str, dict] = {}
    for entry in entries:
        system, org = entry.system, entry.org
        names = [system.get("endmodelname"), system.get("name")]
        model_id = model_alias.get(*names)
        relative = entry.file
        url = snaps["osai-index"].url(relative)
        kinds = [k.strip() for k in str(system.get("type") or "text").split(",")]
        ratings = []
        for dim in dims:
            value = entry.dimensions.get(dim["ref"]) or {}
            rating = value.get("class") if value.get("class") in ("open", "partial", "closed") else "not-rated"
            item = {"dimension": kebab(dim["ref"]), "rating": rating}
            if link := _clean_url(value.get("link")):
                item["url"] = link
            if notes := _text(value.get("notes")):
                item["notes"] = notes
            ratings.append(item)
        rated = {dim["ref"]: (entry.dimensions.get(dim["ref"]) or {}).get("class") for dim in dims}
        if model_id is None:
            model_id = kebab(system.get("endmodelname") or system.get("name"))
            if model_id in models:
                model_id = kebab(f"{model_id}-{org.get('name', '')}")
            inputs, outputs = set(), set()
            for kind in kinds:
                i, o = OSAI_MODALITIES.get(kind, (["text"], ["text"]))
                inputs.update(i)
                outputs.update(o)
            dev_id = developer(org.get("name") or "Unknown", "osai-index", relative, _clean_url(org.get("link")))
            models[model_id] = {
                "id": model_id, "name": _label(system.get("endmodelname") or system.get("name")),
                "developer": dev_id, "released": month_date(system.get("releasedate")),
                "open_weights": rated.get("weights_endmodel") in ("open", "partial"),
                "input": [m for m in MODALITIES if m in inputs], "output": [m for m in MODALITIES if m in outputs],
                "parameters": _parameters(str(system.get("endmodelname") or system.get("name"))),
                "weights_url": _clean_url(system.get("link")) if rated.get("weights_endmodel") == "open" else None,
                "status": "active", "licence_names": [], "claims": [],
                "provenance": [dataset_from("osai-index", relative, ["name", "developer", "released", "openness",
                                                                    "input", "output", "licence"])],
                "sources": ["osai-index"]}
            model_alias.add(model_id, model_id)
        else:
            record = models[model_id]
            record["provenance"].append(dataset_from("osai-index", relative, ["licence", "openness"]))
            record["sources"].append("osai-index")
            osai_date = month_date(system.get("releasedate"))
            if osai_date and record.get("released") and osai_date.strftime("%Y-%m") != record["released"].strftime("%Y-%m"):
                record["claims"] += [
                    {"fact": "released", "dataset": "models-dev", "says": record["released"].isoformat(),
                     "url": record["provenance"][0]["url"], "used": True},
                    {"fact": "released", "dataset": "osai-index", "says": str(system.get("releasedate")), "url": url}]
        for name in names:
            model_alias.add(name or "", model_id)
        record = models[model_id]
        if system.get("endmodellicense"):
            record["licence_names"].append(("osai-index", str(system["endmodellicense"]), relative))
        record["osai_rated"] = rated
        record["osai_url"] = url
        lic_dim = entry.dimensions.get("licenses") or {}
        record["osai_licence_url"] = _clean_url(lic_dim.get("link"))
        # The index's licence field and its own licence notes may name different licences.
        field_id = licence_alias.get(" ".join(str(system.get("endmodellicense") or "").lower().split()))
        noted = _licence_in(str(lic_dim.get("notes") or ""), licence_alias)
        if field_id and noted and noted != field_id:
            record["claims"] += [
                {"fact": "licence", "dataset": "osai-index", "says": _label(f"licence field: {system['endmodellicense']}"),
                 "url": url},
                {"fact": "licence", "dataset": "osai-index", "says": _label(f"licence notes: {lic_dim['notes']}"),
                 "url": url}]
        openness[model_id] = {"id": model_id, "model": model_id, "osai": {
            "entry": _label(system.get("name")), **({"end_model": _label(system["endmodelname"])}
                                                    if system.get("endmodelname") else {}),
            **({"base_model": _label(system["basemodelname"])} if system.get("basemodelname") else {}),
            **({"licence": _label(system["endmodellicense"])} if system.get("endmodellicense") else {}),
            "dimensions": ratings, "file": relative, "url": url}, "sources": ["osai-index"]}

    # --- the Model Openness Tool ---------------------------------------------------------------
    for entry in read.mot(snaps["model-openness-tool"]):
        release = entry.release
        model_id = model_alias.get(release.get("name"))
        if model_id is None:
            continue
        components, weights_licence = [], None
        for component in release.get("components") or []:
            if not isinstance(component, dict) or not component.get("name"):
                continue
            licence = component.get("license") or component.get("licence")
            if isinstance(licence, dict):
                licence = licence.get("name")
            item = {"component": kebab(component["name"])}
            if licence and str(licence).strip():
                item["licence"] = _label(licence)
            components.append(item)
            if item["component"] == "model-parameters-final" and item.get("licence"):
                weights_licence = item["licence"]
        if not weights_licence:
            distribution = ((release.get("license") or {}).get("distribution") or {})
            weights_licence = distribution.get("name") if isinstance(distribution, dict) else None
        record = models[model_id]
        record["provenance"].append(dataset_from("model-openness-tool", entry.file, ["licence"]))
        record["sources"].append("model-openness-tool")
        if weights_licence and str(weights_licence).strip():
            record["licence_names"].append(("model-openness-tool", str(weights_licence).strip(), entry.file))
        # The class the file states, else the class the tool's own rules give it (mof.py, a port of
        # the tool's evaluator, cited as the source mof-class-rules).
        stated = mof.stated(entry.data)
        mof_entry = {"release": _label(release.get("name")), "mof_class": stated or mof.classify(release),
                     "components": components, "file": entry.file,
                     "url": snaps["model-openness-tool"].url(entry.file)}
        openness.setdefault(model_id, {"id": model_id, "model": model_id, "sources": []})
        openness[model_id]["mof"] = mof_entry
        openness[model_id]["sources"] += ["model-openness-tool", *([] if stated else [MOF_RULES])]

    # --- endoflife.date: Claude's lifecycle --------------------------------------------------------
    relative, front = read.endoflife(snaps["endoflife-date"])
    eol_date = snaps["endoflife-date"].date
    for cycle in front.get("releases") or []:
        model_id = model_alias.get(cycle.get("releaseCycle"), cycle.get("releaseLabel"))
        if model_id is None:
            continue
        record = models[model_id]
        facts = []
        deprecated = month_date(cycle.get("eoas")) if cycle.get("eoas") not in (True, False) else None
        retired = month_date(cycle.get("eol")) if cycle.get("eol") not in (True, False) else None
        if deprecated:
            record["deprecated"] = deprecated
            facts.append("deprecated")
            if retired:
                record["retired"] = retired
                facts.append("retired")
            status = "retired" if retired and retired <= eol_date else "deprecated" if deprecated <= eol_date else None
            if status:
                if record["status"] != status and record["status"] != "active":
                    record["claims"] += [{"fact": "status", "dataset": "models-dev", "says": record["status"],
                                          "url": record["provenance"][0]["url"]},
                                         {"fact": "status", "dataset": "endoflife-date", "says": status,
                                          "url": snaps["endoflife-date"].url(relative), "used": True}]
                record["status"] = status
                facts.append("status")
        replacement = cycle.get("recommendedReplacement")
        if replacement and str(replacement).strip().upper() not in ("N/A", "NA", "NONE", ""):
            record["replacement"] = _label(replacement)
            facts.append("replacement")
        if facts:
            record["provenance"].append(dataset_from("endoflife-date", relative, facts))
            record["sources"].append("endoflife-date")

    # --- licences ---------------------------------------------------------------------------------
    for model_id, record in sorted(models.items()):
        assigned, also, named = None, [], False
        for lic in licences:
            for rule in lic.get("assigned", []):
                if any(fnmatch.fnmatchcase(model_id, pattern) for pattern in rule.get("models", [])):
                    if lic.get("kind") == "usage-policy":
                        also.append(lic["id"])
                    elif assigned is None:
                        assigned = (lic["id"], rule.get("url"))
                        named = model_id in rule.get("models", [])
        if named and not record["open_weights"]:
            # An editor's rule names the model (by its id, not a pattern, which may also match the
            # family's API-only models) and puts its weights under a licence: they are published,
            # whatever a dataset's rating says; that rating stays on the page as the dataset's claim.
            record["open_weights"] = True
            if record.get("osai_url"):
                record["claims"].append({"fact": "openness", "dataset": "osai-index",
                                         "says": "end-model weights rated closed", "url": record["osai_url"]})
        said = []  # (dataset, name, file, licence id or None)
        for dataset, name, relative in record.pop("licence_names"):
            said.append((dataset, name, relative, licence_alias.get(" ".join(name.lower().split()))))
        chosen = assigned[0] if assigned else next((s[3] for s in said if s[3]), None)
        if record["open_weights"] and chosen is None:
            name = next((s[1] for s in said), None)
            stub_id = kebab(f"unreviewed-{name}" if name else "licence-not-stated", 60)
            chosen = stub_id
            stub = stubs.setdefault(stub_id, _stub(stub_id, name, record.get("osai_licence_url"),
                                                   stub_curated.get(stub_id, {})))
            if name and name.lower() not in stub["aliases"]:
                stub["aliases"].append(name.lower())
        ids = {s[3] for s in said if s[3]}
        if said and (len(ids | ({chosen} if chosen else set())) > 1 or (ids and chosen not in ids)):
            for dataset, name, relative, lic_id in said:
                record["claims"].append({"fact": "licence", "dataset": dataset, "says": _label(name),
                                         "url": snaps[dataset].url(relative), "used": lic_id == chosen})
        record["licence"] = chosen if record["open_weights"] else None
        record["also_under"] = sorted(set(also)) if record["open_weights"] else []
        osi = bool(licence_by_id.get(chosen, {}).get("osi_approved"))
        rated = record.pop("osai_rated", None) or {}
        record.pop("osai_licence_url", None)
        record.pop("osai_url", None)
        if not record["open_weights"]:
            record["openness"] = "closed"
        elif osi and all(rated.get(d) == "open" for d in OPEN_SOURCE_DIMENSIONS):
            record["openness"] = "open-source"
        else:
            record["openness"] = "open-weights-osi" if osi else "open-weights-restricted"

    # --- families ------------------------------------------------------------------------------------
    for model_id, record in models.items():
        best, best_len = None, -1
        for family in families:
            if family.get("developer") != record["developer"]:
                continue
            for pattern in family.get("match", []):
                if fnmatch.fnmatchcase(model_id, pattern):
                    length = len(pattern.replace("*", ""))
                    if length > best_len:
                        best, best_len = family["id"], length
        record["family"] = best

    # --- hosts and offers ------------------------------------------------------------------------
    hosts, offers = {}, {}
    offer_alias = _offer_index(models)
    unmatched = 0
    for host, toml in sorted(mdev.providers.items()):
        d = toml.data
        hosts[kebab(host)] = {"id": kebab(host), "name": _label(d.get("name") or host),
                              "url": _clean_url(d.get("doc")),
                              "provenance": [dataset_from("models-dev", toml.path, [])], "sources": ["models-dev"]}
    for toml in mdev.offers:
        d = toml.data
        base = d.get("base_model")
        model_id = md_ids.get(base) if base else None
        model_id = model_id or _match_offer(toml.name, offer_alias)
        if model_id is None:
            unmatched += 1
            continue
        cost = d.get("cost") or {}
        offer_id = kebab(f"{toml.host}-{toml.name}")
        if offer_id in offers:
            continue
        offer = {"id": offer_id, "model": model_id, "host": kebab(toml.host), "name": _label(toml.name)}
        for key, src in (("input", "input"), ("output", "output"), ("cached_input", "cache_read")):
            if isinstance(cost.get(src), (int, float)) and not isinstance(cost.get(src), bool):
                offer[key] = float(cost[src])
        limit = d.get("limit") or {}
        if limit.get("context"):
            offer["context"] = int(limit["context"])
        if limit.get("output"):
            offer["max_output"] = int(limit["output"])
        offer["status"] = d.get("status") if d.get("status") in ("beta", "deprecated") else "active"
        offer["provenance"] = [dataset_from("models-dev", toml.path, ["price", "context", "max_output"])]
        offer["sources"] = ["models-dev"]
        offers[offer_id] = offer
    out.report.append(f"{unmatched} host offers matched no model and were left out")

    # --- FMTI ------------------------------------------------------------------------------------------
    for scored in read.fmti(snaps["fmti"]):
        dev_id = developer(scored.name, "fmti", scored.report)
        developers[dev_id]["transparency_index"] = {
            "index": "FMTI December 2025", "score": scored.score, "of": sum(n for _, _, n in scored.domains),
            "domains": [{"name": _label(n), "score": s, "of": o} for n, s, o in scored.domains],
            "subdomains": [{"name": _label(n), "domain": _label(dom), "score": s, "of": o}
                           for dom, n, s, o in scored.subdomains],
            "report": snaps["fmti"].url(scored.report)}
        for p in developers[dev_id]["provenance"]:
            if p["dataset"] == "fmti":
                p["facts"] = []

    # A developer no dataset names any more stays while a family names it (families.yml is curated).
    for family in families:
        if family.get("developer") not in developers and family.get("developer") in old["developers"]:
            developers[family["developer"]] = dict(old["developers"][family["developer"]])

    # --- finish: as_of, reviewed, curated fields, order ---------------------------------------------
    def finish(name: str, record: dict, order: list[str]) -> dict:
        dates = [snaps[s].date for s in record.get("sources", []) if s in snaps]
        record["sources"] = sorted(set(record.get("sources", [])), key=record["sources"].index)
        record["as_of"] = max(dates) if dates else max(s.date for s in snaps.values())
        prior = old.get(name, {}).get(record["id"], {})
        from macros.models import CURATED
        for key in CURATED.get(name, ()):
            if key in prior:
                record[key] = prior[key]
        record.setdefault("reviewed", record["as_of"])
        keys = [k for k in order if record.get(k) not in (None, [], {})] + \
               [k for k in record if k not in order and record.get(k) not in (None, [], {})]
        if name == "models" and record.get("show") is False:
            keys.insert(keys.index("claims") if "claims" in keys else len(keys), "show")
        return {k: record[k] for k in dict.fromkeys(keys) if k in record}

    model_order = ["id", "name", "family", "developer", "released", "openness", "licence", "also_under", "input",
                   "output", "context", "max_output", "parameters", "knowledge", "status", "deprecated", "retired",
                   "replacement", "weights_url", "show", "note", "aliases", "claims", "provenance", "sources", "as_of",
                   "reviewed"]
    for record in models.values():
        record.pop("open_weights")
        record["claims"] = _unique(record["claims"])
        if record.get("status") == "active":
            record.pop("status")
    out.files["models"] = [finish("models", models[k], model_order) for k in sorted(models)]
    out.files["developers"] = [finish("developers", developers[k], ["id", "name", "url", "aliases", "transparency_index",
                                                                  "note", "provenance", "sources", "as_of",
                                                                  "reviewed"]) for k in sorted(developers)]
    out.files["hosts"] = [finish("hosts", hosts[k], ["id", "name", "url", "access", "note", "provenance", "sources",
                                                     "as_of", "reviewed"]) for k in sorted(hosts)]
    for offer in offers.values():
        if offer["status"] == "active":
            offer.pop("status")
    out.files["offers"] = [finish("offers", offers[k], ["id", "model", "host", "name", "input", "output",
                                                        "cached_input", "context", "max_output", "status",
                                                        "provenance", "sources", "as_of", "reviewed"])
                           for k in sorted(offers)]
    out.files["openness"] = [finish("openness", openness[k], ["id", "model", "osai", "mof", "note", "sources",
                                                              "as_of", "reviewed"]) for k in sorted(openness)]
    out.files["datasets"] = [finish("datasets", {
        "id": s.id, **{k: v for k, v in DATASET_INFO[s.id].items() if k in ("name",)},
        "repository": f"https://github.com/{s.repository}", "commit": s.commit, "date": s.date,
        **{k: v for k, v in DATASET_INFO[s.id].items() if k != "name"}, "files": s.files, "sources": [s.id]},
        ["id", "name", "repository", "commit", "date", "licence", "licence_url", "credit", "citation", "files",
         "sources", "as_of", "reviewed"]) for s in snaps.values()]
    for record in out.files["datasets"]:
        record.pop("as_of", None)
    newest = max(s.date for s in snaps.values())
    for stub in stubs.values():
        stub["reviewed"] = newest
    out.licences = [*licences, *[stubs[k] for k in sorted(stubs)]]
    return out


def _licence_in(notes: str, aliases: dict[str, str]) -> str | None:
    """The licence a text names for the weights, by the longest of the licences' names and spellings it
    contains; sentences about the code or the data alone are left out."""
    sentences = re.split(r"(?<=[.;])\s+", " ".join(notes.lower().split()))
    text = " ".join(t for t in sentences if not re.search(r"\b(code|data|datasets?)\b", t)
                    or re.search(r"\b(weights?|model)\b", t))
    found = [(len(alias), target) for alias, target in aliases.items()
             if len(alias) >= 6 and re.search(rf"(?<![a-z0-9.]){re.escape(alias)}(?![a-z0-9])", text)]
    return max(found)[1] if found else None


def _unique(items: list[dict]) -> list[dict]:
    seen, out = set(), []
    for item in items:
        key = tuple(sorted((k, str(v)) for k, v in item.items()))
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _stub(stub_id: str, name: str | None, url: str | None, curated: dict | None = None) -> dict:
    """The record of a licence name no record covers: every term unknown. `curated`, what an editor
    wrote on it before (STUB_CURATED), is kept; a name marked `not_a_licence` has no text to read."""
    curated = curated or {}
    summary = ("Unknown: the dataset names no licence, so there is no text to read." if curated.get("not_a_licence")
               else "Not yet read in the licence text.")
    unknown = {"value": "unknown", "summary": summary, "checked": "no"}
    stub = {"id": stub_id, "name": _label(name) if name else "Licence not stated in the datasets",
            "osi_approved": False}
    if url:
        stub["url"] = url
    stub.update({"checked": "no", "checked_note": "Added by make import for a licence name no record covered.",
                 "aliases": [], "terms": {k: dict(unknown) for k in (
                     "commercial_use", "user_threshold", "attribution", "acceptable_use_policy",
                     "outputs_to_train_models", "licensor_may_restrict_later", "field_of_use", "distribution")},
                 "stub": True, **curated, "sources": ["osai-index" if name else "models-dev"], "reviewed": None})
    return stub


_OFFER_PREFIX = re.compile(r"^(?:(?:global|us|eu|apac|jp|au)\.)?(?:[a-z0-9-]+\.)?")
_OFFER_SUFFIX = re.compile(r"(?:-v\d+(?::\d+)?|:\d+|-maas|-turbo|-fp8|-tput|-fast|-instant|-versatile|"
                           r"-latest|-free|:free|:[0-9.]+b|-preview)+$")


def _keys(name: str) -> list[str]:
    key = kebab(name)
    keys = [key, re.sub(r"-\d{8}$", "", key), re.sub(r"-instruct$", "", key), re.sub(r"-\d{4}$", "", key)]
    return list(dict.fromkeys(keys))


def _offer_index(models: dict) -> dict[str, str]:
    index: dict[str, str] = {}
    for model_id in sorted(models):
        for key in _keys(model_id):
            index.setdefault(key, model_id)
    return index


def _match_offer(name: str, index: dict[str, str]) -> str | None:
    last = name.rsplit("/", 1)[-1].lower()
    last = re.sub(r"(\d)p(\d)", r"\1.\2", last)
    candidates = [last, _OFFER_PREFIX.sub("", last, count=1)]
    candidates += [_OFFER_SUFFIX.sub("", c) for c in list(candidates)]
    for candidate in candidates:
        for key in _keys(candidate):
            if key in index:
                return index[key]
    return None
