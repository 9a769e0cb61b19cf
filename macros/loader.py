"""Reads one YAML data file safely and keeps the line of every mapping key and list item.

Contract: `read_yaml(path, shown_as)` returns a `Mapping` tree (`LineDict`/`LineList`, which are a
plain dict/list with line numbers attached) or raises DataError with one Problem per defect found
before validation can start: unreadable bytes, a byte-order mark, YAML syntax, duplicate keys.
"""
from __future__ import annotations

from pathlib import Path

import yaml
import yaml.cyaml  # noqa: F401  (libyaml, when PyYAML was built with it)

from .problems import DataError, Problem

MAX_BYTES = 1_000_000  # a data file is hand-edited text; anything larger is a mistake (or an attack)
MAX_DEPTH = 20  # our deepest record nests 8 levels; deeper is a mistake, and would exhaust the stack


class LineDict(dict):
    """A dict that knows the line of its own start and of each key."""

    line: int = 1
    key_lines: dict


class LineList(list):
    """A list that knows the line of its own start and of each item."""

    line: int = 1
    item_lines: list


class _Guards:
    """What both loaders share: the file's name, problems found, and the composer's guards."""

    def _setup(self, shown_as: str) -> None:
        self.shown_as = shown_as
        self.problems: list[Problem] = []
        self.depth = 0

    def compose_node(self, parent, index):
        # Aliases (*name) are refused: a few lines of them can expand to billions of values.
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases (&name, *name) are not allowed", self.peek_event().start_mark)
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None, None, f"values are nested more than {MAX_DEPTH} levels deep",
                    self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Loader(_Guards, yaml.SafeLoader):
    """SafeLoader that records lines and collects duplicate keys instead of keeping the last one.
    Pure Python: slow, but its messages are the ones editors see."""

    def __init__(self, stream, shown_as: str):
        super().__init__(stream)
        self._setup(shown_as)


if yaml.__with_libyaml__:
    class _FastLoader(_Guards, yaml.composer.Composer, yaml.cyaml.CParser, yaml.constructor.SafeConstructor,
                      yaml.resolver.Resolver):
        """The same composer, guards and constructors over libyaml's scanner and parser (about ten
        times faster). Only used for text that parses: any error is re-read with _Loader."""

        def __init__(self, stream, shown_as: str):
            yaml.cyaml.CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            self._setup(shown_as)
else:  # PyYAML built without libyaml
    _FastLoader = None


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, (str, int, float, bool)) or key is None:
            loader.problems.append(Problem(loader.shown_as, line, "syntax",
                                           "a key must be a plain word; quote it or remove it"))
            continue
        if key in mapping:
            loader.problems.append(Problem(
                loader.shown_as, line, "syntax",
                f"duplicate key '{key}' (first set on line {mapping.key_lines[key]}); "
                "keep one of the two"))
            continue
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line
    return mapping


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    items = LineList(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line + 1
    items.item_lines = [child.start_mark.line + 1 for child in node.value]
    return items


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode):
    # PyYAML raises a bare ValueError for 2026-02-30; keep the text so validation reports it.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


for _cls in filter(None, (_Loader, _FastLoader)):
    _cls.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _cls.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    _cls.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _hint(problem: str) -> str:
    if "aliases" in problem:
        return "write the value out in full"
    if "nested" in problem:
        return "close the brackets you opened, or flatten the value"
    if "constructor for the tag" in problem:
        return "remove the '!' tag before the value: data is plain text"
    if "'\\t'" in problem or "tab" in problem:
        return "indent with spaces, not tabs"
    if "expected ',' or ']'" in problem:
        return "a '[' list is not closed: end it with ']' on the same line"
    if "expected ',' or '}'" in problem:
        return "a '{' mapping is not closed: end it with '}' on the same line"
    if "mapping values are not allowed" in problem:
        return "a value contains ': '; put the whole value in double quotes"
    if "could not find expected ':'" in problem:
        return "a line lacks 'key: value', or a quote is not closed"
    return "check indentation and quotes on this line and the one before"


def _decode(raw: bytes, shown_as: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DataError([Problem(shown_as, 1, "file",
                                 "starts with a byte-order mark; save it as UTF-8 without BOM")])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError([Problem(shown_as, line, "file",
                                 f"byte 0x{raw[error.start]:02x} is not UTF-8; save the file as UTF-8")]) from None


def _fast(text: str, shown_as: str):
    """The document read with libyaml, or None when anything is unusual (a control character, a
    syntax error, a duplicate key, ...): the slow reader then finds it and words the message."""
    if yaml.reader.Reader.NON_PRINTABLE.search(text):
        return None
    loader = _FastLoader(text, shown_as)
    try:
        document = loader.get_single_data()
    except (yaml.YAMLError, RecursionError):
        return None
    finally:
        loader.dispose()
    if loader.problems or not isinstance(document, LineDict):
        return None
    return document


def read_yaml(path: Path, shown_as: str) -> LineDict:
    """Parse one data file; raise DataError naming file and line for anything unreadable."""
    if not path.is_file():
        raise DataError([Problem(shown_as, 1, "file", "is missing; restore it from git")])
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DataError([Problem(shown_as, 1, "file",
                                 f"is {size:,} bytes, over the {MAX_BYTES:,}-byte limit for a data file; "
                                 "split or shorten it")])
    text = _decode(path.read_bytes(), shown_as)
    if not text.strip() or all(line.lstrip().startswith("#") or not line.strip()
                               for line in text.splitlines()):
        raise DataError([Problem(shown_as, 1, "file",
                                 f"is empty; it must start with '{path.stem}:' and a list of records")])
    if _FastLoader is not None:
        document = _fast(text, shown_as)
        if document is not None:
            return document
    try:
        # Checks the whole text for control characters at once, before any parsing.
        loader = _Loader(text, shown_as)
    except yaml.reader.ReaderError as error:  # a control character such as NUL
        line = text[: error.position].count("\n") + 1
        raise DataError([Problem(shown_as, line, "file",
                                 f"contains the control character U+{error.character:04X}, which YAML "
                                 "does not allow; delete it (it is invisible in most editors: retype "
                                 "the line)")]) from None
    try:
        document = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        problem = error.problem or "cannot be parsed"
        raise DataError([Problem(shown_as, line, "syntax",
                                 f"YAML error: {problem}; {_hint(problem)}")]) from None
    except yaml.YAMLError as error:  # non-marked errors: rare, but never a traceback
        raise DataError([Problem(shown_as, 1, "syntax",
                                 f"YAML error: {' '.join(str(error).split())}")]) from None
    finally:
        loader.dispose()
    if loader.problems:
        raise DataError(loader.problems)
    if not isinstance(document, LineDict):
        raise DataError([Problem(shown_as, 1, "file",
                                 f"must be a mapping that starts with '{path.stem}:'")])
    return document

