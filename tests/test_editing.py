"""An editor's ordinary edits pass the suite with no test edited. Each edit is made on a copy of the
project, as an editor would make it (records reviewed today, ids renamed everywhere they are used),
and the tests that read the site's data then run on that copy (OVC_PROJECT): a failure means a
test holds today's ids, counts or titles, or the site cannot take the edit.

The edits: a record added to every file, a source added and cited, an option added and a cheat-sheet
row routed to it, every file's first id renamed everywhere, a guide step added (its count then shows
in every title), and in every file a record removed that nothing references and no article's fact
rests on."""
from __future__ import annotations

import copy
import datetime as dt
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from macros import decision
from macros.data import load_site
from macros.data.schema import schema_line
from macros.models import FILES
from tests.support import QUIET_ENV, ROOT, copy_project, fast_dump, fast_load

TODAY = dt.date.today().isoformat()
HERE = Path(__file__).resolve().parent
# The tests that read the site's data, its pages and its exports.
DATA_TESTS = ["test_articles.py", "test_data.py", "test_decision.py", "test_knowledge_base.py", "test_build.py",
              "test_render.py", "test_exports.py", "test_presentation.py", "test_prerender.py", "test_links.py",
              "test_reading.py", "test_calculator.py"]


# --- a copy's data, edited as YAML ---------------------------------------------------------------------

class _NoAliases(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Records that share a list (a copied record's sources) are written out in full: data refuses aliases."""

    def ignore_aliases(self, data) -> bool:
        return True


class Project:
    def __init__(self, root: Path):
        self.root = root
        self.docs = {name: fast_load((root / "data" / f"{name}.yml").read_text(encoding="utf-8"))
                     for name in FILES}

    def records(self, name: str) -> list:
        return self.docs[name][name]

    def save(self) -> None:
        for name, doc in self.docs.items():
            text = yaml.dump(doc, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=100)
            (self.root / "data" / f"{name}.yml").write_text(schema_line(name) + "\n" + text, encoding="utf-8")

    def replace_in_content(self, pattern: str, new: str) -> None:
        for page in (self.root / "content").rglob("*.md"):
            text = page.read_text(encoding="utf-8")
            page.write_text(re.sub(pattern, new, text), encoding="utf-8")


def _retitle(record: dict, suffix: str) -> dict:
    """The record with every text (not its references) told apart: an editor writes new words."""
    out = {}
    for key, value in record.items():
        if key in ("id", "sources", "reviewed", "as_of", "category", "option", "also", "access", "recommend",
                   "when", "criterion", "root", "next", "answer", "family", "side", "kind", "tone", "favors",
                   "openness", "how_common", "group", "modalities", "effect", "seed", "url", "published",
                   # the catalogue's references and coded values (models.yml and the files beside it)
                   "developer", "licence", "also_under", "model", "host", "dataset", "fact", "facts", "dimension",
                   "rating", "component", "mof", "osi", "status", "input", "output", "commit", "repository",
                   "licence_url", "policy_url", "date", "released", "deprecated", "retired", "weights_url", "match",
                   "unit", "value", "checked", "report", "models", "mof_class", "file",
                   "law", "topic", "applies_from", "concerns", "has",
                   "requires", "prefers"):
            out[key] = value
        elif isinstance(value, str):
            out[key] = f"{value} {suffix}"
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            out[key] = [f"{v} {suffix}" for v in value]
        elif isinstance(value, dict):
            out[key] = _retitle(value, suffix)
        elif isinstance(value, list):
            out[key] = [_retitle(v, suffix) if isinstance(v, dict) else v for v in value]
        else:
            out[key] = value
    return out


def _new_situation(rows: list, site) -> dict:
    """Answers no cheat-sheet row has yet (a row per rule): one answer of one criterion."""
    used = [row["when"] for row in rows]
    return next({c.id: a.id} for c in site.criteria.criteria for a in c.answers if {c.id: a.id} not in used)


def add_a_record_to_every_file(p: Project, site) -> None:
    for name in FILES:
        if name == "calculator":  # its inputs are exactly the formula's
            continue
        records = p.records(name)
        new = _retitle(copy.deepcopy(records[-1]), "(added)")
        new["id"] = f"{records[-1]['id']}-added"
        new["reviewed"] = dt.date.today()
        if name == "glossary":
            new["term"], new["aliases"] = f"Zedword {len(records)}", []
        if name == "cards":  # a card's id is its model's: the card of the model added above
            new["id"] = p.records("models")[-1]["id"]
        if name == "criteria":
            new.pop("guide", None)
            for answer in new["answers"]:  # asked last, ruling nothing out and weighing nothing
                answer.pop("requires", None)
                answer.pop("prefers", None)
        if name == "cheatsheet":  # a situation of its own, recommending what the model says for it
            new["when"] = _new_situation(records, site)
            new["recommend"] = [decision.evaluate(new["when"], site.criteria, site.options).option]
        if name == "categories":  # a category shows only with a dimension in it
            dimension = _retitle(copy.deepcopy(p.records("dimensions")[0]), "(in the added category)")
            dimension.update(id="dimension-in-the-added-category", category=new["id"], reviewed=dt.date.today())
            p.records("dimensions").append(dimension)
        records.append(new)


def add_a_source_and_cite_it(p: Project) -> None:
    p.records("sources").append({"id": "an-added-source", "kind": "provider", "title": "An added source",
                                 "url": "https://example.org/an-added-source", "summary": "What it says.",
                                 "reviewed": dt.date.today()})
    p.records("dimensions")[0]["sources"].append("an-added-source")


def add_an_option_and_route_a_row_to_it(p: Project, site) -> None:
    p.records("options").append({"id": "an-added-option", "name": "An added option", "side": "any",
                                 "tone": p.records("options")[0]["tone"], "summary": "What it means.",
                                 "sources": p.records("options")[0]["sources"], "reviewed": dt.date.today()})
    row = copy.deepcopy(p.records("cheatsheet")[0])
    row["when"] = _new_situation(p.records("cheatsheet"), site)
    best = decision.evaluate(row["when"], site.criteria, site.options).option
    row.update(id="a-row-for-the-added-option", situation="A situation the added option suits",
               recommend=[best, "an-added-option"], note="Why it suits.", reviewed=dt.date.today())
    p.records("cheatsheet").append(row)


def rename_the_first_id_of_every_file(p: Project) -> None:
    for name in FILES:
        if name == "calculator":  # the formula's inputs, by name
            continue
        old = p.records(name)[0]["id"]
        new = f"{old}-renamed"
        for doc in p.docs.values():
            _rename(doc, old, new)
        # Where pages use ids: anchors (#id, #option-id), and the helper's links (?criterion=answer).
        p.replace_in_content(rf"(?<=#)((?:option-|outcome-)?){re.escape(old)}(?![a-z0-9-])", rf"\g<1>{new}")
        p.replace_in_content(rf"(?<=[?&]){re.escape(old)}(?==)", new)
        p.replace_in_content(rf"([?&][a-z0-9-]+=){re.escape(old)}(?![a-z0-9-])", rf"\g<1>{new}")


def _rename(node, old: str, new: str):
    """Every value (and every key, as the cheat sheet's `when` uses ids as keys) equal to `old`."""
    if isinstance(node, dict):
        for key in list(node):
            value = node.pop(key)
            node[new if key == old else key] = new if value == old else _rename(value, old, new)
        return node
    if isinstance(node, list):
        node[:] = [new if v == old else _rename(v, old, new) for v in node]
        return node
    return node


def add_a_guide_step(p: Project) -> int:
    criteria = p.records("criteria")
    steps = [c["guide"]["step"] for c in criteria if "guide" in c]
    criteria.append({"id": "an-added-step", "name": "An added step", "question": "Is there one more question?",
                     "short": "One more?", "guide": {"step": max(steps) + 1, "title": "One more question?"},
                     "answers": [{"id": "yes-more", "label": "Yes", "short": "Yes",
                                  "reason": "The added step only notes it."},
                                 {"id": "no-more", "label": "No", "short": "No",
                                  "reason": "The added step only notes it."}],
                     "sources": criteria[0]["sources"], "reviewed": dt.date.today()})
    return len(steps) + 1


def _fact_patterns() -> list[re.Pattern]:
    facts = yaml.safe_load((HERE / "articles.yml").read_text(encoding="utf-8"))
    return [re.compile(e, re.I) for fact in facts for e in fact["evidence"]]


def remove_an_unreferenced_record_from_every_file(p: Project) -> list[str]:
    """In each file, the last record whose id nothing else names (in data or pages) and whose words
    carry no article's fact; returns what was removed."""
    patterns = _fact_patterns()
    pages = " ".join(page.read_text(encoding="utf-8") for page in (p.root / "content").rglob("*.md"))
    removed = []
    for name in FILES:
        if name in ("calculator", "trees", "criteria", "options", "categories", "sources"):
            continue  # the model, the formula and the groups: records others stand on
        records = p.records(name)
        if len(records) < 2:
            continue
        everything = fast_dump({k: v for k, v in p.docs.items()})  # once per file: the catalogue is large
        for record in reversed(records):
            others = everything.replace(f"id: {record['id']}\n", "", 1)
            text = " ".join(str(v) for v in record.values())
            if re.search(rf"(?<![a-z0-9-]){re.escape(record['id'])}(?![a-z0-9-])", others + pages):
                continue
            if any(pattern.search(text) for pattern in patterns):
                continue
            records.remove(record)
            removed.append(f"{name}: {record['id']}")
            break
    return removed


# --- the edits, each on its own copy, then the data tests on it -------------------------------------------

def edited(tmp: Path, group: tuple[str, ...]) -> Path:
    """A copy of the project with the group's edits made on it, in order."""
    project = copy_project(tmp / re.sub(r"\W+", "-", group[0]))
    p = Project(project)
    site = load_site(ROOT / "data")
    for edit in group:
        _edit(p, site, edit)
    p.save()
    return project


def _edit(p: Project, site, edit: str) -> None:
    if edit == "add a record to every file":
        add_a_record_to_every_file(p, site)
    elif edit == "add a source and cite it":
        add_a_source_and_cite_it(p)
    elif edit == "add an option and route a cheat-sheet row to it":
        add_an_option_and_route_a_row_to_it(p, site)
    elif edit == "rename every file's first id everywhere":
        rename_the_first_id_of_every_file(p)
    elif edit == "add a guide step":
        add_a_guide_step(p)
    elif edit == "remove a record nothing references":
        assert remove_an_unreferenced_record_from_every_file(p), "no record could be removed"
    else:
        raise ValueError(edit)


EDITS = ["add a record to every file", "add a source and cite it", "add an option and route a cheat-sheet row to it",
         "rename every file's first id everywhere", "add a guide step", "remove a record nothing references"]
# The edits that add records go together on one copy (each adds what the others leave alone): with the
# catalogue's data, each run of the data tests takes minutes, and three runs are what two cores allow.
GROUPS = [("add a record to every file", "add a source and cite it", "add an option and route a cheat-sheet row to it",
           "add a guide step"),
          ("rename every file's first id everywhere",),
          ("remove a record nothing references",)]
assert sorted(e for g in GROUPS for e in g) == sorted(EDITS), "every edit is in one group"


def _run_tests(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
                           *[str(HERE / t) for t in DATA_TESTS]], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **QUIET_ENV, "OVC_PROJECT": str(project)}, timeout=1800)


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict[tuple[str, ...], subprocess.CompletedProcess]:
    """Every group's test run, two at a time (the machine's cores)."""
    tmp = tmp_path_factory.mktemp("edits")
    projects = {group: edited(tmp, group) for group in GROUPS}
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(projects, pool.map(_run_tests, projects.values())))


@pytest.mark.parametrize("group", GROUPS, ids=[g[0] if len(g) == 1 else "add records" for g in GROUPS])
def test_an_ordinary_edit_passes_the_data_tests(results, group):
    result = results[group]
    assert result.returncode == 0, f"after {' + '.join(repr(e) for e in group)} the tests fail:\n{result.stdout[-4000:]}"


def test_every_count_and_title_follows_a_new_guide_step(tmp_path):
    """The guide's name is its number of steps: after a step is added, the nav, the page, the home
    page, the helper and the exports say the new number, and none the old."""
    from macros.render.labels import number_word
    from tests.support import build
    project = edited(tmp_path, ("add a guide step",))
    steps = len(decision.guide(load_site(project / "data").criteria))
    result = build(tmp_path / "site", project)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    new, old = f"{number_word(steps)}-step guide", f"{number_word(steps - 1)}-step guide"
    for path in ["guide/index.html", "index.html", "helper/index.html", "compare/index.html",
                 "exports/guide.md", "exports/index.json", "embed/guide/index.html"]:
        text = (site / path).read_text(encoding="utf-8").lower().replace("\\-", "-")
        assert new in text and old not in text, path
