"""Readers of the five datasets, each in the layout of its upstream repository (a snapshot folder or a
fresh clone): plain records out, no decisions. What each file says is kept as written; catalogue.py
decides what becomes a fact of the site."""
from __future__ import annotations

import csv
import datetime as dt
import re
import subprocess
import tomllib
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# The folder of each dataset under FROM, its id in datasets.yml, and its repository on GitHub.
FOLDERS = {
    "osai-index": ("osai-index", "Language-Technology-Assessment/main-database"),
    "model-openness-tool": ("model-openness-tool", "lfai/model_openness_tool"),
    "fmti": ("fmti", "stanford-crfm/fmti"),
    "models-dev": ("models-dev", "anomalyco/models.dev"),
    "endoflife-date": ("endoflife-date", "endoflife-date/endoflife.date"),
}


class ImportError_(Exception):
    """Something in FROM is not as the importer expects; the message says what and where."""


@dataclass
class Snapshot:
    """One dataset as found under FROM: where, which commit of which repository, and of when."""
    id: str
    path: Path
    repository: str  # owner/name
    commit: str
    date: dt.date
    files: int = 0

    def url(self, relative: str) -> str:
        """The file at this commit on GitHub: the evidence link of what it says."""
        return (f"https://github.com/{self.repository}/blob/{self.commit}/"
                + urllib.parse.quote(relative, safe="/-_.~"))

    def read(self, relative: str) -> str:
        self.files += 1
        return (self.path / relative).read_text(encoding="utf-8-sig")


_ROW = re.compile(r"^\|\s*`([^`/]+)/?`\s*\|\s*([\w.-]+/[\w.-]+)[^|]*\|\s*([0-9a-f]{40})\s*\(([0-9-]{10})\)")


def _from_readme(root: Path) -> dict[str, tuple[str, str, dt.date]]:
    """folder -> (repository, commit, date) from the snapshots' README table."""
    readme = root / "README.md"
    found = {}
    if readme.is_file():
        for line in readme.read_text(encoding="utf-8").splitlines():
            if match := _ROW.match(line):
                found[match.group(1)] = (match.group(2), match.group(3), dt.date.fromisoformat(match.group(4)))
    return found


def _from_git(path: Path) -> tuple[str, dt.date] | None:
    if not (path / ".git").exists():
        return None
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(path), *args], capture_output=True, text=True,
                              check=True).stdout.strip()
    return git("rev-parse", "HEAD"), dt.date.fromisoformat(git("log", "-1", "--format=%cs"))


def snapshots(root: Path) -> dict[str, Snapshot]:
    """Every dataset under `root`: each in its folder, its commit from git (a fresh clone) or else from
    the snapshots' README table."""
    root = Path(root)
    table = _from_readme(root)
    found = {}
    for dataset, (folder, repository) in FOLDERS.items():
        path = root / folder
        if not path.is_dir():
            raise ImportError_(f"{path}: missing; FROM must hold the folder {folder}/ (a snapshot or a clone "
                               f"of https://github.com/{repository})")
        cloned = _from_git(path)
        if cloned:
            commit, date = cloned
        elif folder in table:
            repository, commit, date = table[folder]
        else:
            raise ImportError_(f"{path}: neither a git clone nor listed with its commit in {root / 'README.md'}")
        found[dataset] = Snapshot(dataset, path, repository, commit, date)
    return found


def clean(text) -> str | None:
    """Text as the site keeps it: one kind of line break, no invisible characters, no surrounding
    space; None when nothing is left."""
    if text is None:
        return None
    text = str(text)
    text = re.sub(r"\r\n?|[\u0085\u2028\u2029]", "\n", text)
    text = re.sub(r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\u200b\u202a-\u202e"
                  r"\u2066-\u2069\ufeff\ufffe\uffff]", "", text)
    text = "\n".join(line.rstrip() for line in text.strip().split("\n"))
    return text or None


# --- the European Open Source AI Index ------------------------------------------------------------

@dataclass
class OsaiEntry:
    file: str
    system: dict
    org: dict
    dimensions: dict  # ref -> {class, link, notes}


def osai(snapshot: Snapshot) -> tuple[list[dict], list[OsaiEntry]]:
    """The index's dimensions (from _parameters.yml, in order) and its entries (one YAML per model)."""
    groups = yaml.safe_load(snapshot.read("_parameters.yml"))
    dims = [{"ref": p["ref"], "name": p["name"], "group": g["ref"]} for g in groups for p in g["params"]]
    entries = []
    for path in sorted(snapshot.path.glob("*.yaml"), key=lambda p: p.name):
        if path.name.startswith(("a_submission", "_")):
            continue
        data = yaml.safe_load(snapshot.read(path.name)) or {}
        if not isinstance(data.get("system"), dict):
            continue
        entries.append(OsaiEntry(path.name, data["system"], data.get("org") or {},
                                 {d["ref"]: data.get(d["ref"]) or {} for d in dims}))
    return dims, entries


# --- the Model Openness Tool ----------------------------------------------------------------------

@dataclass
class MotEntry:
    file: str
    release: dict
    data: dict = field(default_factory=dict)  # the whole file: a `classification` beside the release, if any


def mot(snapshot: Snapshot) -> list[MotEntry]:
    out = []
    for path in sorted((snapshot.path / "models").iterdir(), key=lambda p: p.name):
        if path.suffix not in (".yml", ".yaml"):
            continue
        data = yaml.safe_load(snapshot.read(f"models/{path.name}")) or {}
        if isinstance(data.get("release"), dict):
            out.append(MotEntry(f"models/{path.name}", data["release"], data))
    return out


# --- the Foundation Model Transparency Index -------------------------------------------------------

@dataclass
class FmtiDeveloper:
    name: str
    score: int
    domains: list[tuple[str, int, int]]     # (name, score, of)
    subdomains: list[tuple[str, str, int, int]]  # (domain, name, score, of)
    report: str  # path of its report


def fmti(snapshot: Snapshot, edition: str = "Dec2025") -> list[FmtiDeveloper]:
    indicators = list(csv.DictReader(snapshot.read(f"{edition}/{edition}_indicators.csv").splitlines()))
    place = {row["Indicator"].strip(): (row["Domain"].strip(), row["Subdomain"].strip()) for row in indicators}
    scores = list(csv.DictReader(snapshot.read(f"{edition}/{edition}_scores.csv").splitlines()))
    developers = [name for name in scores[0] if name != "Indicator"]
    reports = {p.name for p in (snapshot.path / edition / "reports").iterdir()}
    out = []
    for name in developers:
        domains: dict[str, list[int]] = {}
        subdomains: dict[tuple[str, str], list[int]] = {}
        for row in scores:
            domain, subdomain = place[row["Indicator"].strip()]
            point = int(row[name])
            domains.setdefault(domain, []).append(point)
            subdomains.setdefault((domain, subdomain), []).append(point)
        report = f"{name.replace(' ', '_')}_fmtransparencyreport_{edition}.csv"
        if report not in reports:
            raise ImportError_(f"{snapshot.path / edition / 'reports'}: no report {report} for {name}")
        out.append(FmtiDeveloper(name, sum(sum(v) for v in domains.values()),
                                 [(d, sum(v), len(v)) for d, v in domains.items()],
                                 [(d, s, sum(v), len(v)) for (d, s), v in subdomains.items()],
                                 f"{edition}/reports/{report}"))
    return out


# --- models.dev ---------------------------------------------------------------------------------------

@dataclass
class Toml:
    path: str          # relative to the repository
    data: dict
    lab: str = ""      # models/<lab>/...
    host: str = ""     # providers/<host>/...
    name: str = ""     # the model id under its folder (lab or host), as models.dev writes it


@dataclass
class ModelsDev:
    models: dict[str, Toml] = field(default_factory=dict)     # "lab/id" -> canonical model
    providers: dict[str, Toml] = field(default_factory=dict)  # host -> provider.toml
    offers: list[Toml] = field(default_factory=list)          # providers/<host>/models/**.toml


def _omit(data: dict, paths: list[str]) -> dict:
    data = {k: (dict(v) if isinstance(v, dict) else v) for k, v in data.items()}
    for path in paths:
        head, _, rest = path.partition(".")
        if not rest:
            data.pop(head, None)
        elif isinstance(data.get(head), dict):
            data[head] = _omit(data[head], [rest])
    return data


def _inherit(base: dict, own: dict) -> dict:
    """A provider's file over its base model's: provider fields win, tables merge."""
    out = dict(base)
    for key, value in own.items():
        out[key] = {**out[key], **value} if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def models_dev(snapshot: Snapshot) -> ModelsDev:
    out = ModelsDev()
    for path in sorted((snapshot.path / "models").rglob("*.toml")):
        relative = path.relative_to(snapshot.path).as_posix()
        lab = path.relative_to(snapshot.path / "models").parts[0]
        name = path.relative_to(snapshot.path / "models" / lab).with_suffix("").as_posix()
        out.models[f"{lab}/{name}"] = Toml(relative, tomllib.loads(snapshot.read(relative)), lab=lab, name=name)
    for folder in sorted((snapshot.path / "providers").iterdir()):
        if not (folder / "provider.toml").is_file():
            continue
        host = folder.name
        out.providers[host] = Toml(f"providers/{host}/provider.toml",
                                   tomllib.loads(snapshot.read(f"providers/{host}/provider.toml")), host=host)
        for path in sorted((folder / "models").rglob("*.toml")):
            relative = path.relative_to(snapshot.path).as_posix()
            data = tomllib.loads(snapshot.read(relative))
            base = data.get("base_model")
            if base:
                if base not in out.models:
                    raise ImportError_(f"{path}: base_model '{base}' is not in models/")
                data = _inherit(_omit(out.models[base].data, data.get("base_model_omit", [])), data)
            name = path.relative_to(folder / "models").with_suffix("").as_posix()
            out.offers.append(Toml(relative, data, host=host, name=name))
    return out


# --- endoflife.date ----------------------------------------------------------------------------------

def endoflife(snapshot: Snapshot, product: str = "anthropic-claude") -> tuple[str, dict]:
    """The product page's front matter: its release cycles with their dates."""
    relative = f"products/{product}.md"
    text = snapshot.read(relative)
    if not text.startswith("---"):
        raise ImportError_(f"{snapshot.path / relative}: no front matter")
    return relative, yaml.safe_load(text.split("---", 2)[1])
