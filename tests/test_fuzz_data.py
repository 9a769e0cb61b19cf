"""Property: whatever an editor does to valid data, the whole pipeline (read, validate, render every
macro the pages call, write every export) either succeeds or the loader reports the data as
`file:line: record.field: message` lines; no other exception ever gets out.

Hypothesis mutates a copy of data/ in two ways: structurally (a value replaced by another type or
hostile text, a key renamed or removed, an item duplicated or dropped) and as raw text (characters
inserted, a line deleted or duplicated, indentation changed)."""
from __future__ import annotations

import datetime as dt
import json
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
from macros.data.schema import schema_line
from macros.data.validate import problems
from tools.catalogue import LINE, TODAY
from tests.support import ROOT, fast_dump, fast_load, render_everything

ORIGINAL = {name: (ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8") for name in FILES}
PARSED = {name: fast_load(text) for name, text in ORIGINAL.items()}

# Characters of every kind that could break an output or hide in text: line breaks of every system,
# C0 and C1 controls, direction controls, a byte-order mark, a lone surrogate, non-characters.
AWKWARD = ["\r", "\r\n", "\x85", "\u2028", "\u2029", "\v", "\f", "\x00", "\x1b", "\x1c", "\x7f", "\x9b",
           "\u202e", "\u2066", "\ufeff", "\ud800", "\ufffe", "\t", "\u00a0", "\u200b"]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 10**12), st.integers(-2**70, 2**70), st.floats(allow_nan=True),
    st.sampled_from([float("inf"), float("-inf"), float("nan"), 1e308, 1.0e306, 1e-320, 5e-324, -0.0, 1e12, 1e13]),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)), st.text(max_size=40),
    st.builds(lambda a, c, b: a + c + b, st.text(max_size=5), st.sampled_from(AWKWARD), st.text(max_size=5)),
    st.sampled_from(["", "   ", "<script>alert(1)</script>", "a|b", "x" * 600, "--> {{ x }}",
                     "Open", "open", "closed-api", "2026-02-30", "\u202eevil", "😀", "=HYPERLINK(\"x\")",
                     "Trust #1 and data", "C:\\models", "~x~", "*[x]: y"]))
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


def _at(doc, path):
    for part in path:
        doc = doc[part]
    return doc


# Leaves that hold a number, and leaves that hold a text: where an extreme number or an awkward
# character lands.
NUMBERS = [(name, p) for name, doc in PARSED.items() for p in PATHS[name]
           if isinstance(_at(doc, p), (int, float)) and not isinstance(_at(doc, p), bool)]
TEXTS = [(name, p) for name, doc in PARSED.items() for p in PATHS[name] if isinstance(_at(doc, p), str)]
EXTREME = [float("inf"), float("-inf"), float("nan"), 1e308, 1.0e306, 1e-320, 5e-324, 1e13, 2**70, -1]


@st.composite
def structural(draw):
    name = draw(st.sampled_from(sorted(FILES)))
    doc = fast_load(ORIGINAL[name])
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
    return name, _dump(doc, name)


def _dump(doc, name: str) -> bytes:
    """YAML text of `doc` under the file's schema line; characters UTF-8 cannot hold (a lone
    surrogate) as escapes."""
    try:
        text = fast_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8")
    except UnicodeEncodeError:
        text = yaml.safe_dump(doc, allow_unicode=False, sort_keys=False).encode("utf-8")  # escapes it
    return schema_line(name).encode("utf-8") + b"\n" + text


@st.composite
def targeted(draw):
    """A number replaced by an extreme one, or an awkward character put into a text."""
    name, path = draw(st.one_of(st.sampled_from(NUMBERS), st.sampled_from(TEXTS)))
    doc = fast_load(ORIGINAL[name])
    parent = _at(doc, path[:-1])
    value = parent[path[-1]]
    if isinstance(value, (int, float)):
        parent[path[-1]] = draw(st.sampled_from(EXTREME))
    else:
        at = draw(st.integers(0, len(value)))
        parent[path[-1]] = value[:at] + draw(st.sampled_from(AWKWARD)) + value[at:]
    return name, _dump(doc, name)


@st.composite
def textual(draw):
    name = draw(st.sampled_from(sorted(FILES)))
    lines = ORIGINAL[name].splitlines(keepends=True)
    index = draw(st.integers(0, len(lines) - 1))
    action = draw(st.sampled_from(["insert", "delete", "duplicate", "indent", "dedent", "bytes"]))
    if action == "insert":
        text = lines[index]
        at = draw(st.integers(0, len(text)))
        lines[index] = text[:at] + draw(st.one_of(st.text(min_size=1, max_size=5), st.sampled_from(
            ["\r", "\x85", "\u2028", "\u202e", "\ufeff", " #", "\\x1b", "\\ud800"]))) + text[at:]
    elif action == "delete":
        del lines[index]
    elif action == "duplicate":
        lines.insert(index, lines[index])
    elif action == "indent":
        lines[index] = draw(st.sampled_from(["  ", "\t", " "])) + lines[index]
    elif action == "dedent":
        lines[index] = lines[index].lstrip()
    raw = "".join(lines).encode("utf-8", "surrogatepass")
    if action == "bytes":
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=4)) + raw[at:]
    return name, raw


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(structural(), textual(), targeted()))
def test_any_edit_is_accepted_or_reported_as_lines(edit):
    name, content = edit
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("schema"))
        (data / f"{name}.yml").write_bytes(content)
        try:
            site = load_site(data, today=TODAY)
        except DataError as error:
            assert error.problems
            for problem in map(str, error.problems):
                assert LINE.match(problem), problem
            return
        made = render_everything(site)
        assert made and all(isinstance(text, str) for text in made.values())
        for path, text in made.items():
            text.encode("utf-8")  # as the build writes it: no half characters
            if path.endswith(".json"):
                json.loads(text)  # valid JSON: no NaN or Infinity


@settings(max_examples=400, deadline=None)
@given(st.one_of(structural(), targeted()))
def test_every_rejected_edit_is_explained_in_the_editors_words(edit):
    """msgspec decides whether a file is valid; validate.problems() says why it is not. The two must
    agree, or an editor would see msgspec's own wording (or, worse, a file accepted with no error)."""
    name, content = edit
    try:
        raw = fast_load(content)
    except yaml.YAMLError:  # a lone surrogate, escaped: only the pure-Python parser reads it back
        raw = yaml.safe_load(content)
    try:
        msgspec.convert(raw, FILES[name])
        rejected = False
    except (msgspec.ValidationError, UnicodeEncodeError):  # the latter: a lone surrogate (to_model)
        rejected = True
    found = list(problems(raw, FILES[name]))
    assert bool(found) == rejected, (rejected, found)
