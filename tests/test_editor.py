"""The editor as a real client: yaml-language-server (the YAML engine of VS Code's YAML extension),
run headless over the Language Server Protocol with the project's .vscode/settings.json, agrees with
the build. It flags nothing in the committed data; for every kind of mistake in the error catalogue it
flags the mistake as the build does, except the kinds listed, each with its reason, in
tests/editor_exceptions.yml; and it accepts the ways of writing valid data that the build accepts."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from macros.data import DataError, load_site
from macros.models import FILES
from tools import catalogue
from tools.editor import YamlEditor
from tests.support import ROOT

EXCEPTIONS = yaml.safe_load((ROOT / "tests" / "editor_exceptions.yml").read_text(encoding="utf-8"))["build_only"]


@pytest.fixture(scope="module")
def editor():
    with YamlEditor() as server:
        yield server


def flagged(diagnostics: list[dict]) -> list[str]:
    """What the editor marks as an error or a warning."""
    return [d["message"] for d in diagnostics if d.get("severity", 1) <= 2]


@pytest.mark.parametrize("name", FILES)
def test_the_editor_flags_nothing_in_the_committed_data(editor, name):
    assert flagged(editor.diagnostics(ROOT / "data" / f"{name}.yml")) == []


def _editor_flags(editor, case, workdir: Path) -> bool | None:
    """Whether the editor flags the case's mistake; None when it has no file it could open."""
    found, _ = catalogue.messages(case, workdir)
    assert found, f"{case.kind}: the build accepted it"
    path = workdir / "data" / case.file
    if not path.is_file() or path.is_symlink():
        return None
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return None
    return bool(flagged(editor.diagnostics(path, text)))


def test_every_exception_is_a_kind_of_the_catalogue():
    kinds = {case.kind for case in catalogue.CASES}
    assert set(EXCEPTIONS) <= kinds, f"not in the catalogue: {set(EXCEPTIONS) - kinds}"
    assert all(isinstance(reason, str) and len(reason) > 20 for reason in EXCEPTIONS.values())


@pytest.mark.parametrize("case", catalogue.CASES, ids=[c.kind for c in catalogue.CASES])
def test_the_editor_flags_each_mistake_the_build_reports_or_it_is_a_listed_exception(editor, case, tmp_path):
    flags = _editor_flags(editor, case, tmp_path)
    if case.kind in EXCEPTIONS:
        assert not flags, (f"the editor now flags '{case.kind}': remove it from tests/editor_exceptions.yml")
    else:
        assert flags, (f"the build reports '{case.kind}' and the editor does not: make a schema say it, "
                       "or list it with its reason in tests/editor_exceptions.yml")


# Ways of writing valid data: the build and the editor must both accept each. (file, old, new)
VALID = {
    "date in quotes": ("categories.yml", "reviewed: 2026-11-21", 'reviewed: "2026-11-21"'),
    "folded text": ("categories.yml", "    name: Trust and data", "    name: >\n      Trust and\n      data"),
    "literal text": ("categories.yml", "    name: Trust and data", "    name: |\n      Trust and data"),
    "single quotes": ("categories.yml", "    name: Trust and data", "    name: 'Trust and data'"),
    "a yes/no word in quotes": ("categories.yml", "    name: Trust and data", '    name: "Yes"'),
    "a number in quotes as text": ("categories.yml", "    name: Trust and data", '    name: "1e3"'),
    "a number with an exponent": ("calculator.yml", "default: 5000", "default: 5e3"),
    "a number with underscores": ("calculator.yml", "default: 5000", "default: 5_000"),
    "a comment on its own line": ("categories.yml", "  - id: capability", "  # a comment\n  - id: capability"),
    "Windows line endings": ("categories.yml", "\n", "\r\n"),
    "no line break at the end": ("faq.yml", None, None),
}


@pytest.mark.parametrize("kind", VALID)
def test_both_accept_each_way_of_writing_valid_data(editor, kind, tmp_path):
    file, old, new = VALID[kind]
    data = tmp_path / "data"
    shutil.copytree(catalogue.FIXTURE, data)
    path = data / file
    text = path.read_text(encoding="utf-8")
    if old is None:
        text = text.rstrip("\n")
    else:
        assert old in text, old
        text = text.replace(old, new) if old == "\n" else text.replace(old, new, 1)
    path.write_bytes(text.encode("utf-8"))
    try:
        load_site(data, today=catalogue.TODAY)
    except DataError as error:
        pytest.fail(f"the build refuses {kind}: {error.report()}")
    assert flagged(editor.diagnostics(path, text)) == [], f"the editor flags {kind}"
