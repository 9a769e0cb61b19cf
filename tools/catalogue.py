"""The catalogue of editing mistakes: each kind of mistake, how to make it in a copy of data/, and what
the editor must be told. One table feeds two things: tests/test_catalogue.py (every kind gives one line
per problem naming file, line, record and field, with a hint) and the error catalogue in CONTRIBUTING.md
(`make catalogue` rewrites it from the real messages; a test fails when it is stale).

Mutations find their target through the parsed data (the first record, the first tree's root, ...)
rather than through fixed text, so they keep working when the data is edited.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from macros.data import DataError, load_site
from macros.models import CARD_FACTS
from macros.data.loader import read_yaml
from macros.data.validate import locate
from tools.project import CHECKOUT, ROOT

CONTRIBUTING = ROOT / "CONTRIBUTING.md"
# The mistakes are made in a small, fixed copy of data/ of their own, so that the messages (their
# ids, lists and line numbers) stay the same whatever editors do to the site's data.
FIXTURE = CHECKOUT / "tests" / "fixtures" / "data"
TODAY = dt.date.today()
START, END = "<!-- catalogue:start -->", "<!-- catalogue:end -->"
# One problem as an editor sees it: file, line, record.field (or syntax/file), message.
LINE = re.compile(r"^data/[^:\s]+:\d+: [^\s:]+: \S[^\n]*$")


class Data:
    """A copy of data/ to break, with helpers that find a value's line through the loader."""

    def __init__(self, directory: Path):
        self.dir = directory

    def path(self, file: str) -> Path:
        return self.dir / file

    def raw(self, file: str):
        return read_yaml(self.path(file), f"data/{file}")

    def lines(self, file: str) -> list[str]:
        return self.path(file).read_text(encoding="utf-8").splitlines(keepends=True)

    def write_lines(self, file: str, lines: list[str]) -> None:
        self.path(file).write_text("".join(lines), encoding="utf-8")

    def where(self, file: str, loc: tuple) -> tuple[int, str]:
        """Line and `record.field` of a value, as the validator names them."""
        return locate(self.raw(file), loc)

    def set(self, file: str, loc: tuple, value: str) -> tuple[int, str]:
        """Replace the value of `key: value` at `loc` (a one-line value) with the YAML text `value`."""
        line, where = self.where(file, loc)
        lines = self.lines(file)
        key = re.escape(str(loc[-1]))
        new, count = re.subn(rf"^(\s*(?:- )?{key}:)[^\n]*", lambda m: f"{m.group(1)} {value}",
                             lines[line - 1].rstrip("\n"))
        assert count == 1, f"{file}:{line}: no '{loc[-1]}:' to change in {lines[line - 1]!r}"
        lines[line - 1] = new + "\n"
        self.write_lines(file, lines)
        return line, self.renamed(file, loc, where)

    def renamed(self, file: str, loc: tuple, before: str) -> str:
        """How the validator names `loc` after the edit (a changed id changes the record's name)."""
        try:
            return self.where(file, loc)[1]
        except DataError:  # the edit broke the syntax: the message names no record
            return before

    def set_item(self, file: str, loc: tuple, value: str) -> tuple[int, str]:
        """Replace one item of a flow list `[a, b]` (loc ends with the item's index)."""
        line, where = self.where(file, loc)
        lines = self.lines(file)
        items = self.raw(file)
        for part in loc[:-1]:
            items = items[part]
        old = items[loc[-1]]
        lines[line - 1] = re.sub(rf"\b{re.escape(old)}\b", value, lines[line - 1], count=1)
        self.write_lines(file, lines)
        return line, where

    def insert_before(self, file: str, loc: tuple, item: dict) -> int:
        """Insert a list item (written as a one-line flow mapping) before the list item at `loc`;
        return the new item's line."""
        line, _ = self.where(file, loc)
        lines = self.lines(file)
        indent = re.match(r"^(\s*)", lines[line - 1]).group(1)
        lines.insert(line - 1, f"{indent}- {json.dumps(item, ensure_ascii=False)}\n")
        self.write_lines(file, lines)
        return line

    def insert_after(self, file: str, loc: tuple, text: str) -> int:
        """Insert a line with the indentation of the key at `loc` right after it; return its line."""
        line, _ = self.where(file, loc)
        lines = self.lines(file)
        indent = re.match(r"^(\s*)(- )?", lines[line - 1])
        lines.insert(line, " " * len(indent.group(0)) + text + "\n")
        self.write_lines(file, lines)
        return line + 1

    def delete(self, file: str, loc: tuple) -> int:
        line, _ = self.where(file, loc)
        lines = self.lines(file)
        del lines[line - 1]
        self.write_lines(file, lines)
        return line

    def text_line(self, file: str, loc: tuple, edit: Callable[[str], str]) -> int:
        line, _ = self.where(file, loc)
        lines = self.lines(file)
        lines[line - 1] = edit(lines[line - 1])
        self.write_lines(file, lines)
        return line

    def record(self, file: str, index: int = 0):
        name = file.removesuffix(".yml")
        return self.raw(file)[name][index]


@dataclass(frozen=True)
class Case:
    kind: str  # the mistake, as the guide names it
    file: str  # data file it is made in
    mutate: Callable[[Data], tuple]  # makes the mistake; returns (line, where) the message must name
    expect: str  # part of the message: what is wrong and the hint


# --- mutations that need a little logic --------------------------------------------------------

def _tree(d: Data):
    tree = d.record("trees.yml")
    nodes = {n["id"]: i for i, n in enumerate(tree["nodes"])}
    return tree, nodes


def _cycle(d: Data):
    """Point a branch of the first node below the root back at the root."""
    tree, nodes = _tree(d)
    root = tree["nodes"][nodes[tree["root"]]]
    child = next(b["next"] for b in root["branches"] if b["next"] in nodes)
    at = ("trees", 0, "nodes", nodes[child], "branches", 0, "next")
    return d.set("trees.yml", at, tree["root"])


def _dead_end(d: Data):
    """Give the root's criterion a new answer that no branch of the tree handles."""
    tree, nodes = _tree(d)
    criterion = tree["nodes"][nodes[tree["root"]]]["criterion"]
    criteria = d.raw("criteria.yml")["criteria"]
    index = [c["id"] for c in criteria].index(criterion)
    answer = {**criteria[index]["answers"][0], "id": "not-sure", "label": "Not sure", "short": "Not sure"}
    d.insert_before("criteria.yml", ("criteria", index, "answers", 0), answer)
    return d.where("trees.yml", ("trees", 0, "nodes", nodes[tree["root"]], "branches"))


def _unreachable(d: Data):
    """Add a node that no branch leads to."""
    tree, nodes = _tree(d)
    root = tree["nodes"][nodes[tree["root"]]]
    orphan = {"id": "orphan", "criterion": root["criterion"],
              "branches": [dict(b) for b in root["branches"]]}
    line = d.insert_before("trees.yml", ("trees", 0, "nodes", 0), orphan)
    return line, f"{tree['id']}.nodes[orphan].id"


def _dangling_branch(d: Data):
    tree, nodes = _tree(d)
    return d.set("trees.yml", ("trees", 0, "nodes", nodes[tree["root"]], "branches", 0, "next"), "nowhere")


def _row_against_the_model(d: Data):
    """Make the first cheat-sheet row recommend an option the model does not give for its answers."""
    row = d.record("cheatsheet.yml")
    options = [o["id"] for o in d.raw("options.yml")["options"]]
    other = next(o for o in options if o != row["recommend"][0])
    return d.set_item("cheatsheet.yml", ("cheatsheet", 0, "recommend", 0), other)


def _same_rule_twice(d: Data):
    """Give the second cheat-sheet row the first row's answers (`when`, a one-line flow mapping)."""
    first, _ = d.where("cheatsheet.yml", ("cheatsheet", 0, "when"))
    line, where = d.where("cheatsheet.yml", ("cheatsheet", 1, "when"))
    lines = d.lines("cheatsheet.yml")
    lines[line - 1] = lines[first - 1]
    d.write_lines("cheatsheet.yml", lines)
    return line, where


def _card_without_facts(d: Data):
    """Take every fact out of the first card, one line each."""
    card = d.record("cards.yml")
    for fact in reversed([f for f in CARD_FACTS if f in card]):
        d.delete("cards.yml", ("cards", 0, fact))
    return d.where("cards.yml", ("cards", 0, "id"))


def _change_about_nothing(d: Data):
    """Make the first change concern a record its data file does not have."""
    kind = next(iter(d.record("changelog.yml")["concerns"]))
    return d.set_item("changelog.yml", ("changelog", 0, "concerns", kind, 0), "no-such-record")


def _change_without_new_value(d: Data):
    """Take away the value after from the first change that gives one (its 'new:' line)."""
    entries = d.raw("changelog.yml")["changelog"]
    index = next(i for i, e in enumerate(entries) if "new" in e)
    line, where = d.where("changelog.yml", ("changelog", index, "old"))
    d.delete("changelog.yml", ("changelog", index, "new"))
    return line, where


def _leaf_against_the_model(d: Data):
    """Make the first leaf of the first tree another option than the model gives for its path."""
    tree, nodes = _tree(d)
    options = [o["id"] for o in d.raw("options.yml")["options"]]
    for n_index, node in enumerate(tree["nodes"]):
        for b_index, branch in enumerate(node["branches"]):
            if branch["next"] not in nodes:
                other = next(o for o in options if o != branch["next"])
                return d.set("trees.yml", ("trees", 0, "nodes", n_index, "branches", b_index, "next"), other)
    raise AssertionError("the first tree has no leaf")


def _empty_category(d: Data):
    line = d.insert_before("categories.yml", ("categories", 0),
                           {"id": "unused", "name": "Unused", "description": "Nothing uses this.",
                            "sources": list(d.record("categories.yml")["sources"]),
                            "reviewed": "2026-11-01"})
    return line, "unused.id"


def _case_twin(d: Data):
    first = d.record("categories.yml", 0)["id"]
    return d.set("categories.yml", ("categories", 1, "id"), first.upper())


def _tab(d: Data):
    line = d.text_line("categories.yml", ("categories", 0, "name"), lambda text: "\t" + text.lstrip(" "))
    return line, "syntax"


def _bom(d: Data):
    path = d.path("faq.yml")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    return 1, "file"


def _latin1(d: Data):
    line, _ = d.where("faq.yml", ("faq", 0, "answer"))
    lines = d.lines("faq.yml")
    lines[line - 1] = lines[line - 1].rstrip("\n") + " café\n"
    d.path("faq.yml").write_bytes("".join(lines).encode("latin-1", errors="replace"))
    return line, "file"


def _control(d: Data):
    line = d.text_line("faq.yml", ("faq", 0, "id"), lambda text: text.replace("id:", "id:\x00", 1))
    return line, "file"


def _cut_by_comment(d: Data):
    return d.set("categories.yml", (*CATEGORY, "name"), "Trust #1 and data")[0], "syntax"


def _bare_address(d: Data):
    line = d.insert_after("sources.yml", ("sources", 0, "title"), "url: www.example.org")
    return line, f"{d.record('sources.yml')['id']}.url"


def _link(d: Data):
    """faq.yml replaced by a symbolic link to a file outside data/."""
    outside = d.dir.parent / "elsewhere.yml"
    outside.write_bytes(d.path("faq.yml").read_bytes())
    d.path("faq.yml").unlink()
    d.path("faq.yml").symlink_to(outside)
    return 1, "file"


def _whole(file: str, content: str | bytes, line: int = 1, where: str = "file"):
    def mutate(d: Data):
        path = d.path(file)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return line, where
    return mutate


def _remove(file: str):
    def mutate(d: Data):
        d.path(file).unlink()
        return 1, "file"
    return mutate


def _stray(d: Data):
    d.path("option.yml").write_text("options: []\n", encoding="utf-8")
    return 1, "file"


def _capitals(d: Data):
    d.path("FAQ.yml").write_bytes(d.path("faq.yml").read_bytes())
    return 1, "file"


def _subfolder(d: Data):
    (d.dir / "drafts").mkdir()
    (d.dir / "drafts" / "faq.yml").write_bytes(d.path("faq.yml").read_bytes())
    return 1, "file"


def _modeline(d: Data):
    lines = d.lines("faq.yml")
    d.write_lines("faq.yml", lines[1:])
    return 1, "file"


def _no_space(d: Data):
    line = d.text_line("categories.yml", (*CATEGORY, "name"), lambda text: text.replace("name: ", "name:", 1))
    return line, "syntax"


def _indented(d: Data):
    line = d.text_line("categories.yml", (*CATEGORY, "name"), lambda text: " " + text)
    return line, "syntax"


def _tab_after_colon(d: Data):
    line = d.text_line("categories.yml", (*CATEGORY, "name"), lambda text: text.replace("name: ", "name:\t", 1))
    return line, "syntax"


def _missing_dash(d: Data):
    second = d.where("categories.yml", ("categories", 1))[0]
    lines = d.lines("categories.yml")
    lines[second - 1] = lines[second - 1].replace("- id:", "  id:", 1)
    d.write_lines("categories.yml", lines)
    return second, "syntax"


def _step_with_point(d: Data):
    criteria = d.raw("criteria.yml")["criteria"]
    index = next(i for i, c in enumerate(criteria) if "guide" in c)
    return d.set("criteria.yml", ("criteria", index, "guide", "step"), f"{criteria[index]['guide']['step']}.0")


def _too_long_folded(d: Data):
    """2,000 characters in a '>' block: the line break it ends with makes 2,001."""
    line, where = d.set("faq.yml", ("faq", 0, "answer"), ">")
    lines = d.lines("faq.yml")
    lines.insert(line, "      " + "x" * 2000 + "\n")
    d.write_lines("faq.yml", lines)
    return line, where


def _top_key(d: Data):
    line = d.text_line("faq.yml", ("faq",), lambda text: text.replace("faq:", "faqs:", 1))
    return line, "faqs"


def _missing(d: Data):
    record = d.where("categories.yml", ("categories", 0))
    d.delete("categories.yml", ("categories", 0, "description"))
    return record[0], f"{record[1]}.description"


def _duplicate_key(d: Data):
    line = d.insert_after("categories.yml", ("categories", 0, "name"), "name: Another name")
    return line, "syntax"


def _alias(d: Data):
    d.set("categories.yml", ("categories", 0, "name"), "&label Trust")
    return d.set("categories.yml", ("categories", 0, "description"), "*label")[0], "syntax"


def _deep(d: Data):
    return d.set("faq.yml", ("faq", 0, "answer"), "[" * 30 + "]" * 30)[0], "syntax"


def _unclosed_list(d: Data):
    line, _ = d.set("categories.yml", ("categories", 0, "sources"),
                    "[" + ", ".join(d.record("categories.yml")["sources"]))
    return line + 1, "syntax"


def _colon(d: Data):
    return d.set("categories.yml", ("categories", 0, "name"), "Trust: and data")[0], "syntax"


def _python_tag(d: Data):
    return d.set("categories.yml", ("categories", 0, "name"), "!!python/object/apply:os.system [ls]")[0], "syntax"


def _open_model(d: Data) -> int:
    """The index of the first model of the catalogue that has a licence (an open-weight one)."""
    return next(i for i, m in enumerate(d.raw("models.yml")["models"]) if m.get("licence"))


def _open_model_field(field: str, value: str):
    def mutate(d: Data):
        return d.set("models.yml", ("models", _open_model(d), field), value)
    return mutate


def _open_model_without_licence(d: Data):
    index = _open_model(d)
    d.delete("models.yml", ("models", index, "licence"))
    return d.where("models.yml", ("models", index, "openness"))


def _default_model(which: str, pick: Callable[[list, set], str]):
    """Name `pick(models, ids of the models with a priced offer)` as the calculator's default `which`."""
    def mutate(d: Data):
        offered = {o["model"] for o in d.raw("offers.yml")["offers"]
                   if o.get("input") is not None and o.get("output") is not None and (o["input"] or o["output"])}
        return d.set("calculator.yml", ("default_models", which), pick(d.raw("models.yml")["models"], offered))
    return mutate


def _price_typed_twice(d: Data):
    """Type a default for an input the catalogue fills (the closed model's input price)."""
    index = [f["id"] for f in d.raw("calculator.yml")["calculator"]].index("closed-input-price")
    line = d.insert_after("calculator.yml", ("calculator", index, "id"), "default: 2.5")
    return line, "closed-input-price.default"


def _rename(file: str, loc: tuple, new_key: str):
    def mutate(d: Data):
        line = d.text_line(file, loc, lambda text: text.replace(f"{loc[-1]}:", f"{new_key}:", 1))
        return line, f"{d.where(file, loc[:-1])[1]}.{new_key}"
    return mutate


def _set(file: str, loc: tuple, value: str):
    return lambda d: d.set(file, loc, value)


def _set_item(file: str, loc: tuple, value: str):
    return lambda d: d.set_item(file, loc, value)


def _copy_id(file: str, field: str = "id"):
    name = file.removesuffix(".yml")

    def mutate(d: Data):
        return d.set(file, (name, 1, field), json.dumps(d.record(file, 0)[field], ensure_ascii=False))
    return mutate


CATEGORY = ("categories", 0)
DIMENSION = ("dimensions", 0)

CASES: list[Case] = [
    # the file as a whole
    Case("missing data file", "faq.yml", _remove("faq.yml"), "is missing; restore it from git"),
    Case("empty file", "faq.yml", _whole("faq.yml", ""), "is empty; it must start with 'faq:'"),
    Case("file with only comments", "faq.yml", _whole("faq.yml", "# nothing yet\n"), "is empty"),
    Case("unknown data file (a typo in its name)", "option.yml", _stray,
         "is not a data file, so the build would ignore it"),
    Case("data file name in capitals", "FAQ.yml", _capitals, "data/faq.yml is read, this one is not"),
    Case("file in a folder of data/", "drafts/faq.yml", _subfolder, "is not a data file, so the build would ignore it"),
    Case("schema line removed", "faq.yml", _modeline, "the first line must name the file's schema"),
    Case("file that is a list, not a mapping", "faq.yml", _whole("faq.yml", "- a\n- b\n"),
         "must be a mapping that starts with 'faq:'"),
    Case("wrong top-level key", "faq.yml", _top_key, "unknown field 'faqs'; did you mean 'faq'?"),
    Case("non-UTF-8 bytes", "faq.yml", _latin1, "is not UTF-8; save the file as UTF-8"),
    Case("byte-order mark", "faq.yml", _bom, "byte-order mark; save it as UTF-8 without BOM"),
    Case("invisible control character", "faq.yml", _control, "control character U+0000"),
    Case("very large file", "faq.yml", _whole("faq.yml", "faq:\n" + "#" * 1_000_001 + "\n"),
         "over the 1,000,000-byte limit"),
    # YAML syntax
    Case("no space after ':'", "categories.yml", _no_space, "has no space after ':', so YAML reads it as text"),
    Case("field indented differently", "categories.yml", _indented, "indent the fields of a record alike"),
    Case("tab after ':'", "categories.yml", _tab_after_colon, "a tab follows a ':'; write a space after it"),
    Case("'- ' missing before a record", "categories.yml", _missing_dash,
         "a new record starts here without its '- '"),
    Case("text over the length limit, with its line break", "faq.yml", _too_long_folded,
         "is 2001 characters, over the limit of 2000"),
    Case("YAML syntax error (unquoted colon)", "categories.yml", _colon,
         "mapping values are not allowed here; a value contains ': '; put the whole value in double quotes"),
    Case("unclosed bracket", "categories.yml", _unclosed_list, "YAML error"),
    Case("tab indentation", "categories.yml", _tab, "indent with spaces, not tabs"),
    Case("duplicate key", "categories.yml", _duplicate_key, "duplicate key 'name'"),
    Case("anchor and alias (&, *)", "categories.yml", _alias, "anchors and aliases"),
    Case("values nested too deeply", "faq.yml", _deep, "nested more than 20 levels"),
    Case("YAML tag (!!python/...)", "categories.yml", _python_tag, "remove the '!' tag"),
    # fields
    Case("missing required field", "categories.yml", _missing, "required field 'description' is missing"),
    Case("unknown field (a typo)", "dimensions.yml", _rename("dimensions.yml", (*DIMENSION, "favors"), "favours"),
         "unknown field 'favours'; did you mean 'favors'?"),
    Case("empty string", "categories.yml", _set("categories.yml", (*CATEGORY, "name"), '""'),
         "is empty or only spaces"),
    Case("text that is only whitespace", "categories.yml",
         _set("categories.yml", (*CATEGORY, "name"), '"   \\t  "'), "is empty or only spaces"),
    Case("field left without a value", "categories.yml", _set("categories.yml", (*CATEGORY, "name"), ""),
         "has no value; write it after 'name:'"),
    Case("number where text belongs", "categories.yml", _set("categories.yml", (*CATEGORY, "name"), "42"),
         "expected text, got a number 42; put the value in double quotes"),
    Case("list where text belongs", "categories.yml",
         _set("categories.yml", (*CATEGORY, "name"), "[Trust, data]"), "expected text, got a list"),
    Case("text where a list belongs", "categories.yml",
         _set("categories.yml", (*CATEGORY, "sources"), "decision-guide"), "expected a list"),
    Case("empty list", "categories.yml", _set("categories.yml", (*CATEGORY, "sources"), "[]"),
         "needs at least 1 item(s), has 0"),
    Case("text over the length limit", "faq.yml", _set("faq.yml", ("faq", 0, "answer"), "x" * 2001),
         "over the limit of 2000; shorten it"),
    Case("value outside an enum", "dimensions.yml", _set("dimensions.yml", (*DIMENSION, "favors"), "opne"),
         "expected 'open', 'closed' or 'depends', got 'opne'"),
    # ids
    Case("id that is not kebab-case", "categories.yml",
         _set("categories.yml", (*CATEGORY, "id"), "Trust_and data"), "expected a kebab-case id"),
    Case("ids that differ only by case", "categories.yml", _case_twin, "write it as '"),
    Case("duplicate id", "categories.yml", _copy_id("categories.yml"), "duplicate id"),
    Case("term used twice in the glossary", "glossary.yml", _copy_id("glossary.yml", "term"),
         "is already used by term"),
    # references
    Case("unknown reference", "dimensions.yml",
         _set("dimensions.yml", (*DIMENSION, "category"), "no-such-category"),
         "unknown category 'no-such-category' (see data/categories.yml); expected one of:"),
    Case("unknown source", "categories.yml",
         _set_item("categories.yml", (*CATEGORY, "sources", 0), "no-such-source"),
         "unknown source 'no-such-source' (see data/sources.yml)"),
    Case("category nothing belongs to", "categories.yml", _empty_category, "has no dimensions"),
    # dates
    Case("date not written YYYY-MM-DD", "categories.yml",
         _set("categories.yml", (*CATEGORY, "reviewed"), "21/11/2026"),
         "expected a real date written YYYY-MM-DD"),
    Case("impossible date", "categories.yml", _set("categories.yml", (*CATEGORY, "reviewed"), "2026-02-30"),
         "there is no day 2026-02-30 in the calendar"),
    Case("date with a time of day", "categories.yml",
         _set("categories.yml", (*CATEGORY, "reviewed"), "2026-11-21 10:30"),
         "expected a date without a time of day; write it as '2026-11-21'"),
    Case("review date in the future", "categories.yml",
         _set("categories.yml", (*CATEGORY, "reviewed"), "2099-01-01"),
         "review date 2099-01-01 is later than today"),
    # decision trees
    Case("cycle in the decision tree", "trees.yml", _cycle, "a decision tree must only lead forward"),
    Case("dead end in the decision tree", "trees.yml", _dead_end, "has no branch (a dead end)"),
    Case("unreachable node in the decision tree", "trees.yml", _unreachable, "cannot be reached from root"),
    Case("branch leading nowhere", "trees.yml", _dangling_branch, "is neither a node of this tree nor an option"),
    # the decision model
    Case("cheat-sheet row contradicting the model", "cheatsheet.yml", _row_against_the_model,
         "fix the row's 'when' or 'recommend', or the answers' requires and prefers in criteria.yml"),
    Case("the same cheat-sheet rule twice", "cheatsheet.yml", _same_rule_twice,
         "merge the two rows into one, naming both situations"),
    Case("change about a record that does not exist", "changelog.yml", _change_about_nothing,
         "record 'no-such-record' (see data/"),
    Case("change with a value before but none after", "changelog.yml", _change_without_new_value,
         "'new' is missing: give both the value before ('old') and after ('new'), or neither"),
    Case("tree leaf contradicting the model", "trees.yml", _leaf_against_the_model,
         "change the leaf, or the answers' requires and prefers in criteria.yml"),
    Case("answer requiring a value no property has", "criteria.yml",
         _set_item("criteria.yml", ("criteria", 1, "answers", 0, "requires", "data-location", 0), "on-premises"),
         "unknown value of property 'data-location' 'on-premises'"),
    Case("two answers no option satisfies together", "criteria.yml",
         _set("criteria.yml", ("criteria", 4, "answers", 0, "requires"),
              "{frontier-access: [first], customisation: [trained-on-your-data]}"),
         "so a reader giving both would get no option that resolves the conflict"),
    Case("option without a value of a property", "options.yml",
         _set("options.yml", ("options", 0, "has"), "{data-location: [provider-standard-terms]}"),
         "gives no value of 'operations'"),
    Case("calculator default outside its limits", "calculator.yml",
         _set("calculator.yml", ("calculator", 0, "default"), "-5"), "must be at least 0, got -5"),
    Case("whole number written with a point", "criteria.yml", _step_with_point, "expected a whole number"),
    Case("text where a number belongs", "calculator.yml",
         _set("calculator.yml", ("calculator", 0, "default"), "ten"), "expected a number, got text 'ten'"),
    Case("infinite number", "calculator.yml", _set("calculator.yml", ("calculator", 0, "default"), ".inf"),
         "expected a finite number (at most 1e+12), got .inf"),
    Case("not a number (.nan)", "calculator.yml", _set("calculator.yml", ("calculator", 0, "min"), ".nan"),
         "expected a finite number (at most 1e+12), got .nan"),
    Case("number too large", "calculator.yml", _set("calculator.yml", ("calculator", 0, "default"), "1.0e+306"),
         "must be at most 1e+12"),
    Case("step too small", "calculator.yml", _set("calculator.yml", ("calculator", 0, "step"), "1.0e-320"),
         "must be at least 1e-06"),
    Case("calculator default model that is not in the catalogue", "calculator.yml",
         _set("calculator.yml", ("default_models", "closed"), "gpt-9"),
         "unknown model 'gpt-9' (see data/models.yml); name a closed model with a priced offer"),
    Case("closed model as the calculator's open default", "calculator.yml",
         _default_model("open", lambda models, offered: next(m["id"] for m in models if m["openness"] == "closed")),
         "is a closed model (openness: closed in data/models.yml), not an open-weight model"),
    Case("calculator default model without a priced offer", "calculator.yml",
         _default_model("open", lambda models, offered: next(m["id"] for m in models
                                                             if m["openness"] != "closed" and m["id"] not in offered)),
         "has no priced offer in data/offers.yml"),
    Case("price typed beside the catalogue's", "calculator.yml", _price_typed_twice,
         "'default' has no place here: its default comes from the catalogue"),
    # links in text
    Case("link to a script", "faq.yml",
         _set("faq.yml", ("faq", 0, "answer"), '"See [this](javascript:alert(1))."'),
         "a link must lead to a web address (https://...) or to a page of the site"),
    Case("link in a field that shows plain text", "categories.yml",
         _set("categories.yml", (*CATEGORY, "name"), '"Trust [and](https://example.org) data"'),
         "this field shows plain text only"),
    Case("link to a page that does not exist", "faq.yml",
         _set("faq.yml", ("faq", 0, "answer"), '"See [the guide](guides.md)."'),
         "leads to 'guides.md', which is not a page of the site"),
    Case("source address that is not a web address", "sources.yml", _bare_address,
         "expected a web address, https://..., got 'www.example.org'"),
    # characters that hide in text
    Case("invisible control character in text", "categories.yml",
         _set("categories.yml", (*CATEGORY, "name"), '"Trust\\x1b and data"'),
         "contains U+001B, an invisible control character; delete it"),
    Case("text-direction control in text", "categories.yml",
         _set("categories.yml", (*CATEGORY, "name"), '"Trust \\u202e and data"'),
         "a text-direction control that can make text read differently from what it is"),
    Case("half a character (lone surrogate)", "categories.yml",
         _set("categories.yml", (*CATEGORY, "name"), '"Trust \\ud800"'), "half of a character (a lone surrogate"),
    Case("value cut short by a comment", "categories.yml", _cut_by_comment,
         "' #' after 'Trust' starts a YAML comment"),
    Case("data file that is a link", "faq.yml", _link, "is a symbolic link; a data file must be a regular file"),
    # the model catalogue
    Case("unknown licence of a model", "models.yml", _open_model_field("licence", "llama-five"),
         "unknown licence 'llama-five' (see data/licences.yml)"),
    Case("open-weight model without a licence", "models.yml", _open_model_without_licence,
         "an open-weight model needs its 'licence'"),
    Case("unknown developer of a model family", "families.yml",
         _set("families.yml", ("families", 0, "developer"), "open-ai"), "unknown developer 'open-ai'"),
    Case("offer for a model that is not in the catalogue", "offers.yml",
         _set("offers.yml", ("offers", 0, "model"), "gpt-9"), "unknown model 'gpt-9' (see data/models.yml)"),
    Case("card for a model that is not in the catalogue", "cards.yml",
         _set("cards.yml", ("cards", 0, "id"), "gpt-9"), "unknown model 'gpt-9' (see data/models.yml)"),
    Case("card that gives no fact", "cards.yml", _card_without_facts, "gives no fact: add what its text states"),
    Case("openness of an unknown kind", "models.yml", _open_model_field("openness", "open-ish"),
         "expected 'closed', 'open-weights-restricted', 'open-weights-osi' or 'open-source', got 'open-ish'"),
]


def messages(case: Case, workdir: Path) -> tuple[list[str], tuple[int, str]]:
    """Make the mistake in a fresh copy of data/ under `workdir`; return every problem line reported
    (empty if the data loaded) and the (line, where) the mutation says the message must name."""
    copy = workdir / "data"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(FIXTURE, copy)
    if not (workdir / "content").exists():  # the pages, so that links to them are checked
        shutil.copytree(ROOT / "content", workdir / "content")
    expected = case.mutate(Data(copy))
    try:
        load_site(copy, today=TODAY)
    except DataError as error:
        return [str(p) for p in error.problems], expected
    return [], expected


def section(workdir: Path) -> str:
    """The catalogue as Markdown: each mistake, then exactly what the build prints for it."""
    out = [START, "", "<!-- Generated by `make catalogue` from tools/catalogue.py; do not edit by hand. -->", ""]
    for case in CASES:
        found, _ = messages(case, workdir)
        out += [f"**{case.kind}** (in `data/{case.file}`)", "", "```text", *found, "```", ""]
    out.append(END)
    return "\n".join(out)


def mask_lines(text: str) -> str:
    """Line numbers move whenever data is edited; the staleness check ignores them."""
    return re.sub(r"^(data/[a-z_]+\.ya?ml):\d+:", r"\1:N:", text, flags=re.M)


def current_section() -> str:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    return text[text.index(START): text.index(END) + len(END)]


def write(workdir: Path) -> None:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    start, end = text.index(START), text.index(END) + len(END)
    CONTRIBUTING.write_text(text[:start] + section(workdir) + text[end:], encoding="utf-8")


if __name__ == "__main__":
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        write(Path(tmp))
    print(f"updated the error catalogue in {CONTRIBUTING.relative_to(ROOT)}")
    sys.exit(0)
