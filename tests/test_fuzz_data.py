"""Property: whatever an editor does to valid data, the loader either accepts the result or reports it
as `file:line: record.field: message` lines; it never fails with any other exception.

Hypothesis mutates a copy of data/ in two ways: structurally (a value replaced by another type or
hostile text, a key renamed or removed, an item duplicated or dropped) and as raw text (characters
inserted, a line deleted or duplicated, indentation changed)."""
from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import msgspec
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.models import FILES
from macros.data import DataError
from macros.data import load_site
from macros.data.validate import problems
from tools.catalogue import LINE, TODAY
from tests.support import ROOT

ORIGINAL = {name: (ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8") for name in FILES}
PARSED = {name: yaml.safe_load(text) for name, text in ORIGINAL.items()}

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 10**12), st.floats(allow_nan=True),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)), st.text(max_size=40),
    st.sampled_from(["", "   ", "<script>alert(1)</script>", "a|b", "x" * 600, "--> {{ x }}",
                     "Open", "open", "closed-api", "2026-02-30", "\u202eevil", "😀"]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                     st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                      max_leaves=6)


def _paths(node, path=()):
    """Every path into a parsed document."""
    yield path
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _paths(child, (*path, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _paths(child, (*path, index))


PATHS = {name: [p for p in _paths(doc) if p] for name, doc in PARSED.items()}


@st.composite
def structural(draw):
    name = draw(st.sampled_from(sorted(FILES)))
    doc = yaml.safe_load(ORIGINAL[name])
    path = draw(st.sampled_from(PATHS[name]))
    parent = doc
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    action = draw(st.sampled_from(["replace", "remove", "rename", "duplicate"]))
    if action == "replace":
        parent[last] = draw(values)
    elif action == "remove":
        del parent[last]
    elif action == "rename" and isinstance(parent, dict):
        parent[draw(st.text(min_size=1, max_size=12))] = parent.pop(last)
    elif action == "duplicate" and isinstance(parent, list):
        parent.append(parent[last])
    return name, yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8")


@st.composite
def textual(draw):
    name = draw(st.sampled_from(sorted(FILES)))
    lines = ORIGINAL[name].splitlines(keepends=True)
    index = draw(st.integers(0, len(lines) - 1))
    action = draw(st.sampled_from(["insert", "delete", "duplicate", "indent", "dedent", "bytes"]))
    if action == "insert":
        text = lines[index]
        at = draw(st.integers(0, len(text)))
        lines[index] = text[:at] + draw(st.text(min_size=1, max_size=5)) + text[at:]
    elif action == "delete":
        del lines[index]
    elif action == "duplicate":
        lines.insert(index, lines[index])
    elif action == "indent":
        lines[index] = draw(st.sampled_from(["  ", "\t", " "])) + lines[index]
    elif action == "dedent":
        lines[index] = lines[index].lstrip()
    raw = "".join(lines).encode("utf-8")
    if action == "bytes":
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=4)) + raw[at:]
    return name, raw


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(structural(), textual()))
def test_any_edit_is_accepted_or_reported_as_lines(edit):
    name, content = edit
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("schema"))
        (data / f"{name}.yml").write_bytes(content)
        try:
            load_site(data, today=TODAY)
        except DataError as error:
            assert error.problems
            for problem in map(str, error.problems):
                assert LINE.match(problem), problem


@settings(max_examples=400, deadline=None)
@given(structural())
def test_every_rejected_edit_is_explained_in_the_editors_words(edit):
    """msgspec decides whether a file is valid; validate.problems() says why it is not. The two must
    agree, or an editor would see msgspec's own wording (or, worse, a file accepted with no error)."""
    name, content = edit
    raw = yaml.safe_load(content)
    try:
        msgspec.convert(raw, FILES[name])
        rejected = False
    except msgspec.ValidationError:
        rejected = True
    found = list(problems(raw, FILES[name]))
    assert bool(found) == rejected, (rejected, found)
