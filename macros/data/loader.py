"""Reads one YAML data file safely and keeps the line of every mapping key and list item.

Contract: `read_yaml(path, shown_as)` returns a `Mapping` tree (`LineDict`/`LineList`, which are a
plain dict/list with line numbers attached) or raises DataError with one Problem per defect found
before validation can start: unreadable bytes, a byte-order mark, YAML syntax, duplicate keys.
"""
from __future__ import annotations

import re
import stat
from pathlib import Path

import yaml
import yaml.cyaml  # noqa: F401  (libyaml, when PyYAML was built with it)

from .problems import DataError, Problem

MAX_BYTES = 1_000_000  # a data file is hand-edited text; anything larger is a mistake (or an attack)
MAX_DEPTH = 20  # our deepest record nests 8 levels; deeper is a mistake, and would exhaust the stack


class LineDict(dict):
    """A dict that knows the line of its own start and of each key (and, for a whole file, its first
    line of text)."""

    line: int = 1
    key_lines: dict
    first_line: str = ""


class LineList(list):
    """A list that knows the line of its own start and of each item."""

    line: int = 1
    item_lines: list


# After an unquoted value, " #" starts a comment: `name: Trust #1 and data` keeps only "Trust".
_COMMENT_AFTER = re.compile(r"[ \t]+#")


def _cut_by_comment(shown_as: str, text: str, value: str, end) -> Problem | None:
    """A problem when the plain scalar `value` ending at mark `end` is followed by a comment on its line."""
    if not _COMMENT_AFTER.match(text, end.index):
        return None
    return Problem(shown_as, end.line + 1, "syntax",
                   f"' #' after '{value}' starts a YAML comment, so the rest of the line is dropped from "
                   "the value; put the whole value in double quotes, or move the comment to a line of its own")


class _Loader(yaml.SafeLoader):
    """SafeLoader that records lines, collects duplicate keys instead of keeping the last one, and
    refuses aliases and deep nesting. Pure Python: slow, but its messages are the ones editors see."""

    def __init__(self, stream, shown_as: str):
        super().__init__(stream)
        self.text = stream
        self.shown_as = shown_as
        self.problems: list[Problem] = []
        self.depth = 0

    def compose_scalar_node(self, anchor):
        node = super().compose_scalar_node(anchor)
        if not node.style and (cut := _cut_by_comment(self.shown_as, self.text, node.value, node.end_mark)):
            self.problems.append(cut)
        return node

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


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    merged = False
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, (str, int, float, bool)) or key is None:
            loader.problems.append(Problem(loader.shown_as, line, "syntax",
                                           "a key must be a plain word; quote it or remove it"))
            continue
        if key in mapping:
            if merged:  # the rest of a record that lost its '- ': already said
                continue
            if key == "id":  # a second id: the next record, its '- ' missing
                merged = True
                loader.problems.append(Problem(
                    loader.shown_as, line, "syntax",
                    f"a second 'id' in one record (the first is on line {mapping.key_lines[key]}): a new "
                    "record starts here without its '- '; write '- id: ...' and indent its fields like "
                    "the other records'"))
                continue
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


# A number with an exponent written without a sign (5e3, 1.5e3) is a number, as YAML 1.2 and editors read it; PyYAML's
# YAML 1.1 rules took it for text. Otherwise the data is read as YAML 1.1, like the editor settings.
_EXPONENT = re.compile(r"^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)[eE][-+]?[0-9]+$")


class _Resolver(yaml.resolver.Resolver):
    """PyYAML's resolver, with the exponent-only numbers."""


_Resolver.add_implicit_resolver("tag:yaml.org,2002:float", _EXPONENT, list("-+.0123456789"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:float", _EXPONENT, list("-+.0123456789"))
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


_KEY = re.compile(r"^( *)(?:- )?([A-Za-z_][\w-]*):(?=\s|$)")
_NO_SPACE = re.compile(r"^ *(?:- )?([A-Za-z_][\w-]*):(?![\s/])(\S.*)$")


def _indent_of_key(line: str) -> int | None:
    """Where the key of a `key: value` line starts (after a '- '), or None for other lines."""
    match = _KEY.match(line)
    return None if match is None else len(line) - len(line.lstrip(" -"))


def _explain(problem: str, text: str, line: int) -> tuple[int, str]:
    """The line to report a YAML syntax error on, and what to do about it: PyYAML's own words for
    the commonest mistakes point at the wrong line or the wrong cure."""
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    # `name:Trust` is text, not a field: YAML stumbles a line later.
    for number in range(line, max(line - 3, 0), -1):
        if 0 < number <= len(lines) and (match := _NO_SPACE.match(lines[number - 1])):
            return number, (f"'{match.group(1)}:{match.group(2)[:20]}' has no space after ':', so YAML reads "
                            f"it as text, not as a field; write '{match.group(1)}: {match.group(2)[:20]}'")
    if ":\t" in here:
        return line, "a tab follows a ':'; write a space after it (tabs are not allowed in YAML layout)"
    previous = next((_indent_of_key(lines[n]) for n in range(line - 2, -1, -1)
                     if _indent_of_key(lines[n]) is not None), None)
    indent = _indent_of_key(here)
    if indent is not None and previous is not None and indent != previous and (
            "mapping values are not allowed" in problem or "expected <block end>" in problem):
        return line, (f"this field is indented {indent} spaces and the one above it {previous}; "
                      "indent the fields of a record alike (two spaces a level, no tabs)")
    if "expected <block end>" in problem:
        return line, ("a line is indented less than the lines of its record, or a '- ' is out of place; "
                      "indent it like the fields around it")
    return line, _hint(problem)


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


_STR = "tag:yaml.org,2002:str"


class _Unusual(Exception):
    """Anything the event reader leaves to the full loader (which words the message if needed)."""


_NO_KEY = object()  # a mapping's frame waiting for its next key


def _scalar(event, resolver, constructor):
    if event.tag is not None or event.anchor is not None:  # explicit tags, anchors: the full loader
        raise _Unusual
    tag = resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag == _STR:
        return event.value
    build = _Loader.yaml_constructors.get(tag)
    if build is None:
        raise _Unusual
    return build(constructor, yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style))


def _from_events(text: str, cuts: list):
    """The document built straight from libyaml's events, with the lines the loaders record: the
    same tree as _Loader gives for plain data (tests/test_loader.py), in a fraction of the time.
    Raises _Unusual for anything else: anchors, aliases, tags, complex or duplicate keys, merge keys,
    deep nesting, several documents, any parse error. Plain values cut short by a comment go to
    `cuts` as (value, end mark)."""
    parser = yaml.cyaml.CParser(text)
    resolver, constructor = _Resolver(), yaml.constructor.SafeConstructor()
    try:
        if not (isinstance(parser.get_event(), yaml.StreamStartEvent)
                and isinstance(parser.get_event(), yaml.DocumentStartEvent)):
            raise _Unusual
        root, stack = None, []  # stack: [container, pending key, its line]
        while True:
            event = parser.get_event()
            kind = type(event)
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
                continue
            if kind is yaml.DocumentEndEvent:
                if not isinstance(parser.get_event(), yaml.StreamEndEvent):
                    raise _Unusual
                return root
            line = event.start_mark.line + 1
            if kind is yaml.ScalarEvent:
                value, container = _scalar(event, resolver, constructor), None
                if not event.style and _COMMENT_AFTER.match(text, event.end_mark.index):
                    cuts.append((event.value, event.end_mark))
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if event.anchor is not None or (event.tag is not None and not event.implicit) \
                        or len(stack) >= MAX_DEPTH:
                    raise _Unusual
                if kind is yaml.MappingStartEvent:
                    value = container = LineDict()
                    container.key_lines = {}
                else:
                    value = container = LineList()
                    container.item_lines = []
                container.line = line
            else:  # an alias, or anything unexpected
                raise _Unusual
            if not stack:
                root = value
            else:
                frame = stack[-1]
                parent = frame[0]
                if isinstance(parent, LineList):
                    parent.append(value)
                    parent.item_lines.append(line)
                elif frame[1] is _NO_KEY:  # this is a key
                    if container is not None or not isinstance(value, (str, int, float, bool)) \
                            or value in parent or value == "<<":
                        raise _Unusual
                    frame[1], frame[2] = value, line
                else:
                    parent[frame[1]] = value
                    parent.key_lines[frame[1]] = frame[2]
                    frame[1] = _NO_KEY
            if container is not None:
                stack.append([container, _NO_KEY, 0])
    except (yaml.YAMLError, ValueError, TypeError) as error:
        raise _Unusual from error
    finally:
        parser.dispose()


def _fast(text: str):
    """The document read with libyaml, or None when anything is unusual (a control character, a
    syntax error, a duplicate key, a value cut by a comment, ...): the slow reader then finds it and
    words the message."""
    if yaml.reader.Reader.NON_PRINTABLE.search(text) or ":\t" in text:
        return None  # also a tab after a key's colon: libyaml takes it, PyYAML's parser does not
    cuts: list = []
    try:  # an iterative reader: no nesting can exhaust the stack
        document = _from_events(text, cuts)
    except _Unusual:
        return None
    return document if isinstance(document, LineDict) and not cuts else None


def read_yaml(path: Path, shown_as: str, max_bytes: int = MAX_BYTES) -> LineDict:
    """Parse one data file; raise DataError naming file and line for anything unreadable."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        raise DataError([Problem(shown_as, 1, "file", "is missing; restore it from git")]) from None
    if stat.S_ISLNK(mode):
        raise DataError([Problem(shown_as, 1, "file",
                                 "is a symbolic link; a data file must be a regular file in data/ "
                                 "(replace the link with the file's content)")])
    if not stat.S_ISREG(mode):
        raise DataError([Problem(shown_as, 1, "file",
                                 "is not a regular file (a folder or a device?); replace it with a YAML file")])
    size = path.stat().st_size
    if size > max_bytes:
        raise DataError([Problem(shown_as, 1, "file",
                                 f"is {size:,} bytes, over the {max_bytes:,}-byte limit for a data file; "
                                 "split or shorten it")])
    text = _decode(path.read_bytes(), shown_as)
    if not text.strip() or all(line.lstrip().startswith("#") or not line.strip()
                               for line in text.splitlines()):
        raise DataError([Problem(shown_as, 1, "file",
                                 f"is empty; it must start with '{path.stem}:' and a list of records")])
    first_line = text.split("\n", 1)[0]
    if yaml.__with_libyaml__:
        document = _fast(text)
        if document is not None:
            document.first_line = first_line
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
        problem = error.problem or "cannot be parsed"
        line, hint = _explain(problem, text, mark.line + 1 if mark else 1)
        raise DataError([Problem(shown_as, line, "syntax", f"YAML error: {problem}; {hint}")]) from None
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
    document.first_line = first_line
    return document

