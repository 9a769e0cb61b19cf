"""The fast reader (macros/loader.py, built straight from libyaml's events) gives exactly the tree the
full loader gives, lines included, or leaves the text to the full loader, whose messages editors see."""
from __future__ import annotations

import math

import datetime as dt

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.data import loader
from macros.models import FILES
from macros.data import DataError
from tests import support
from tests.support import fast_dump, fast_load
from tests.test_fuzz_data import structural, textual

pytestmark = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")


def slow(path, monkeypatch):
    """read_yaml with the fast reader switched off."""
    with monkeypatch.context() as m:
        m.setattr(yaml, "__with_libyaml__", False)
        return loader.read_yaml(path, path.name, loader.MAX_BYTES * 10)


def assert_same(fast, full, where="document"):
    assert type(fast) is type(full), f"{where}: {type(fast).__name__} != {type(full).__name__}"
    if isinstance(full, loader.LineDict):
        assert (fast.line, fast.key_lines, list(fast)) == (full.line, full.key_lines, list(full)), where
        for key in full:
            assert_same(fast[key], full[key], f"{where}.{key}")
    elif isinstance(full, loader.LineList):
        assert (fast.line, fast.item_lines, len(fast)) == (full.line, full.item_lines, len(full)), where
        for index, (a, b) in enumerate(zip(fast, full)):
            assert_same(a, b, f"{where}[{index}]")
    elif isinstance(full, float) and math.isnan(full):
        assert isinstance(fast, float) and math.isnan(fast), where
    else:
        assert fast == full, where


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_data_file_reads_the_same_both_ways(name, tmp_path, monkeypatch):
    path = support.ROOT / "data" / f"{name}.yml"
    fast = loader._fast(path.read_text(encoding="utf-8"))
    assert fast is not None, "plain data must take the fast way"
    assert_same(fast, slow(path, monkeypatch))


SCALARS = """\
things:
  - id: a
    int: 12
    negative: -3
    float: 1.5
    exponent: 1e3
    flag: true
    other-flag: off
    nothing: ~
    empty:
    date: 2026-11-21
    bad-date: 2026-02-30
    quoted-number: "12"
    single: 'it''s'
    folded: >
      two
      lines
    literal: |
      kept
      as is
    flow: [1, "two", {three: 3}]
    1: integer key
    "with: colon": x
"""


def test_scalars_of_every_kind_read_the_same(tmp_path, monkeypatch):
    path = tmp_path / "things.yml"
    path.write_text(SCALARS, encoding="utf-8")
    fast = loader._fast(SCALARS)
    assert fast is not None
    assert_same(fast, slow(path, monkeypatch))
    record = fast["things"][0]
    assert record["date"] == dt.date(2026, 11, 21) and record["bad-date"] == "2026-02-30"
    assert record["nothing"] is None and record["other-flag"] is False and record[1] == "integer key"


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n",                # anchors and aliases
    "a: !!str 1\n",                    # tags
    "a: !custom 1\n",
    "a: 1\na: 2\n",                    # duplicate keys
    "? [a, b]\n: 1\n",                 # complex keys
    "base: {a: 1}\nx:\n  <<: {b: 2}\n",  # merge keys
    "a: 1\n---\nb: 2\n",               # two documents
    "a: [" * 30 + "]" * 30 + "\n",     # deep nesting
    "a: [1, 2\n",                      # syntax error
    "- just\n- a list\n",              # not a mapping
    "",
])
def test_unusual_text_is_left_to_the_full_loader(text):
    assert loader._fast(text) is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(edit=st.one_of(structural(), textual()))
def test_edited_files_read_the_same_both_ways_or_go_to_the_full_loader(edit, tmp_path, monkeypatch):
    name, content = edit
    path = tmp_path / f"{name}.yml"
    path.write_bytes(content)
    outcomes = []
    for read in (lambda: loader.read_yaml(path, path.name), lambda: slow(path, monkeypatch)):
        try:
            outcomes.append(read())
        except DataError as error:
            outcomes.append(error)
    fast, full = outcomes
    if isinstance(full, DataError) and isinstance(fast, DataError):
        assert fast.report() == full.report()  # the fast reader gave up: the same message
    elif isinstance(full, DataError):
        # libyaml parses a little more than PyYAML's own parser does (e.g. "[w?x]"); such text goes
        # on to validation and gets its message there. Whatever the loader itself refuses
        # (duplicate keys, aliases, nesting, control characters, bytes) the fast reader refuses too.
        assert all(p.message.startswith("YAML error:") for p in full.problems), full.report()
    else:
        assert not isinstance(fast, DataError), fast.report()
        assert_same(fast, full)


@pytest.mark.parametrize("name", sorted(FILES))
def test_hostile_text_reads_the_same_both_ways(name, tmp_path, monkeypatch):
    from tests.test_hostile import _hostile, fields, sampled  # every text field: markup, quotes, line breaks, ...
    document = fast_load((support.ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))
    for parent, key, longest, prose in fields(sampled(document, name), FILES[name], name):
        parent[key] = _hostile("mark", parent[key], longest, prose)
    text = fast_dump(document, allow_unicode=True, sort_keys=False, width=10**6)
    path = tmp_path / f"{name}.yml"
    path.write_text(text, encoding="utf-8")
    fast = loader._fast(text)
    assert fast is not None
    assert_same(fast, slow(path, monkeypatch))
