"""Turns a parsed data file into its typed model, and any failure into Problems that name the file,
the line, the record and the field, with what was expected, what was found and how to fix it.

msgspec converts a valid file in one fast step. It stops at a file's first error, so when a file is
not valid, `problems()` walks the file against the same models and reports every error in it.
"""
from __future__ import annotations

import datetime as dt
import math
import re
import types
import typing
import unicodedata
from collections.abc import Iterable, Iterator

import msgspec

from ..models import (FORBIDDEN, KEBAB, LINK_TARGET, PATTERNS, URL_PATTERN, Strict, is_prose_meta, is_text_meta,
                      struct_fields)
from .loader import LineDict, LineList
from .problems import DataError, Problem

Loc = tuple  # a path into a data file: ("dimensions", 3, "favors")


def locate(raw: LineDict, loc: Iterable) -> tuple[int, str]:
    """Line of `loc` in the parsed file, and 'record.field' naming it for an editor.

    The record is the top-level list item's id; deeper items with an id show as `nodes[volume]`,
    others as `branches[1]`. Where the path ends at a missing key, the line is its parent's.
    """
    node, line, record, path = raw, raw.line, "", []
    for part in loc:
        part = part.strip("[]") if isinstance(part, str) and part.startswith("[") else part
        if isinstance(node, LineDict) and part in node:
            line, node = node.key_lines[part], node[part]
            path.append(str(part))
        elif isinstance(node, LineList) and isinstance(part, int) and 0 <= part < len(node):
            line, node = node.item_lines[part], node[part]
            item_id = node.get("id") if isinstance(node, LineDict) else None
            if not (isinstance(item_id, str) and re.fullmatch(KEBAB, item_id)):
                item_id = None  # a malformed id would garble the line: name the item by position
            if isinstance(item_id, str) and not record and len(path) == 1:
                record, path = item_id, []  # a top-level record: name it by its id
            elif isinstance(item_id, str):
                path[-1] += f"[{item_id}]"
            elif path:
                path[-1] += f"[{part}]"
        else:
            path.append(str(part))
            break
    where = ".".join(path)
    if record:
        where = f"{record}.{where}" if where else record
    return line, where or "file"


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _kind(value: object) -> str:
    return {bool: "yes/no", int: "a number", float: "a number", str: "text", list: "a list",
            dict: "a mapping", LineDict: "a mapping", LineList: "a list",
            type(None): "nothing"}.get(type(value), type(value).__name__)


def _choices(values: tuple) -> str:
    quoted = [repr(v) for v in values]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


def _unknown(key: object, model: type[Strict]) -> str:
    allowed = sorted(model.__struct_fields__)
    import difflib  # here, not at the top: only a mistake needs it (and it costs 15 ms to import)
    close = difflib.get_close_matches(str(key), allowed, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"allowed fields: {', '.join(allowed)}"
    return f"unknown field '{key}'; {hint}"


_FORBIDDEN = re.compile(f"[{FORBIDDEN}]")


def _character(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def _forbidden(char: str) -> str:
    """What is wrong with a character free text may not hold, and what to do."""
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return (f"contains U+{code:04X}, half of a character (a lone surrogate, from an escape such as "
                "\"\\ud800\"); write the whole character, e.g. \"\\U0001F600\" or the character itself")
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        return (f"contains {_character(char)}, a text-direction control that can make text read "
                "differently from what it is; delete it (right-to-left text needs none)")
    if code in (0xFFFE, 0xFFFF):
        return f"contains U+{code:04X}, which is not a character; delete it"
    return (f"contains {_character(char)}, an invisible control character; delete it (if you cannot see "
            "it, retype the text around it)")


_LINK_START = re.compile(r"\]\(")
_GOOD_TARGET = re.compile(rf"{LINK_TARGET}\)")


def _links(value: str, prose: bool) -> str | None:
    """What is wrong with the links in a text: none allowed outside prose, and in prose each leads to
    a web address or a page of the site."""
    for start in _LINK_START.finditer(value):
        target = value[start.end():].split(")", 1)[0][:60]
        if not prose:
            return (f"holds a link ('](' then '{target}'), and this field shows plain text only; write the "
                    "words alone, or move the link to a field that shows prose")
        if not _GOOD_TARGET.match(value, start.end()):
            return (f"a link must lead to a web address (https://...) or to a page of the site by its "
                    f"file, such as [the FAQ](faq.md#an-anchor); got '{target}'")
    return None


def _text(value: str, limits: dict, text: bool, prose: bool = False) -> str | None:
    if text and (bad := _FORBIDDEN.search(value)):
        return _forbidden(bad.group())
    if text and (wrong := _links(value, prose)):
        return wrong
    if len(value) > limits.get("max_length", len(value)):  # as written, line breaks included (as msgspec)
        return f"is {len(value)} characters, over the limit of {limits['max_length']}; shorten it"
    if text:
        value = value.strip()  # as the model stores it
    if len(value) < limits.get("min_length", 0) or (text and not value):
        return "is empty or only spaces; write the text or remove the record"
    if limits.get("pattern") == URL_PATTERN and not re.search(URL_PATTERN, value):
        return f"expected a web address, https://..., got {_short(value)}; write it in full, with https://"
    if not text and limits.get("pattern") in PATTERNS and not re.search(limits["pattern"], value):
        return f"expected {PATTERNS[limits['pattern']]}, got {_short(value)}"
    if not text and limits.get("pattern") and not re.search(limits["pattern"], value):
        message = (f"expected a kebab-case id such as 'data-privacy' (lowercase letters, digits, "
                   f"single hyphens), got {_short(value)}")
        lowered = "-".join(value.lower().replace("_", " ").split())
        if lowered != value and re.fullmatch(KEBAB, lowered):
            message += f"; write it as '{lowered}'"
        return message
    return None


def _number(value: float, limits: dict) -> str | None:
    shown = lambda bound: f"{bound:g}"  # noqa: E731 - 0, not 0.0
    if isinstance(value, float) and not math.isfinite(value):
        written = ".nan" if math.isnan(value) else ("-.inf" if value < 0 else ".inf")
        largest = f" (at most {shown(limits['le'])})" if "le" in limits else ""
        return f"expected a finite number{largest}, got {written}"
    if "ge" in limits and not value >= limits["ge"]:
        return f"must be at least {shown(limits['ge'])}, got {value!r}"
    if "gt" in limits and not value > limits["gt"]:
        return f"must be more than {shown(limits['gt'])}, got {value!r}"
    if "lt" in limits and not value < limits["lt"]:
        return f"must be less than {shown(limits['lt'])}, got {value!r}"
    if "le" in limits and not value <= limits["le"]:
        return f"must be at most {shown(limits['le'])}, got {value:g}; a number this large is a mistake"
    return None


def _date(value: object) -> str | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return None
    text = str(value) if isinstance(value, dt.datetime) else value
    day = re.match(r"(\d{4}-\d{2}-\d{2})(?:[ Tt]\d|$)", text) if isinstance(text, str) else None
    if day and not _is_day(day.group(1)):
        return f"there is no day {day.group(1)} in the calendar; check the month and the day"
    if day and day.group(1) != text:
        return f"expected a date without a time of day; write it as '{day.group(1)}'"
    if day:
        return None  # quoted "2026-11-21": text, but a valid date
    return f"expected a real date written YYYY-MM-DD (e.g. 2026-11-21), got {_short(value)}"


def _is_day(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
        return True
    except ValueError:
        return False


_LIMITS = ("min_length", "max_length", "pattern", "ge", "gt", "lt", "le")


def problems(value: object, kind: object, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every way `value` fails to be a `kind` (an annotation from models.py), as (path, sentence)
    pairs; nothing when it is valid. Mirrors what msgspec checks, one rule per type."""
    metas: tuple = ()
    if typing.get_origin(kind) is typing.Annotated:
        metas, kind = kind.__metadata__, kind.__origin__
    limits = {name: getattr(meta, name) for meta in metas for name in _LIMITS
              if getattr(meta, name, None) is not None}
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return
        kind = next(arg for arg in args if arg is not type(None))
        yield from problems(value, kind, loc)
        return
    if value is None:
        yield loc, ("this list item has no value; write it after '-', or remove the line"
                    if loc and isinstance(loc[-1], int) else
                    f"has no value; write it after '{loc[-1] if loc else ''}:', or remove the line "
                    f"if the field is optional")
    elif isinstance(kind, type) and issubclass(kind, Strict):
        if not isinstance(value, dict):
            yield loc, f"expected 'key: value' lines, got {_kind(value)} {_short(value)}"
            return
        fields = struct_fields(kind)
        for key in value:
            if key not in kind.__struct_fields__:
                yield (*loc, key), _unknown(key, kind)
        for field in fields:
            if field.name in value:
                yield from problems(value[field.name], field.type, (*loc, field.name))
            elif field.required:
                yield (*loc, field.name), (f"required field '{field.name}' is missing; "
                                           f"add '{field.name}: ...'")
    elif origin in (list, dict):
        if not isinstance(value, origin):
            expected = "a list ('- item' lines)" if origin is list else "'key: value' lines"
            yield loc, f"expected {expected}, got {_kind(value)} {_short(value)}"
            return
        if len(value) < limits.get("min_length", 0):
            yield loc, f"needs at least {limits['min_length']} item(s), has {len(value)}"
        if len(value) > limits.get("max_length", len(value)):
            yield loc, f"takes at most {limits['max_length']} item(s), has {len(value)}; remove the others"
        if origin is list:
            for index, item in enumerate(value):
                yield from problems(item, args[0], (*loc, index))
        else:
            for key, item in value.items():
                yield from problems(key, args[0], (*loc, key))
                yield from problems(item, args[1], (*loc, key))
    elif origin is typing.Literal:
        if not (isinstance(value, str) and value in args):
            yield loc, f"expected {_choices(args)}, got {_short(value)}"
    elif kind is str:
        if not isinstance(value, str):
            yield loc, f"expected text, got {_kind(value)} {_short(value)}; put the value in double quotes"
        elif message := _text(value, limits, any(map(is_text_meta, metas)), any(map(is_prose_meta, metas))):
            yield loc, message
    elif kind is bool:
        if not isinstance(value, bool):
            yield loc, f"expected true or false, got {_kind(value)} {_short(value)}"
    elif kind in (int, float):
        if isinstance(value, bool) or not isinstance(value, (int, float) if kind is float else int):
            expected = "a whole number" if kind is int else "a number"
            yield loc, f"expected {expected}, got {_kind(value)} {_short(value)}"
        elif message := _number(value, limits):
            yield loc, message
    elif kind is dt.date:
        if message := _date(value):
            yield loc, message
    else:  # a type models.py started to use and this walker does not know yet
        raise TypeError(f"validate.problems() does not know the type {kind!r}")


def _where(error: msgspec.ValidationError) -> Loc:
    """The path of msgspec's message ('... - at `$.faq[3].answer`'), for the rare error the walker
    does not explain itself."""
    path = re.search(r"at `\$([^`]*)`", str(error))
    return tuple(int(part) if part.isdigit() else part
                 for part in re.findall(r"\.(\w+)|\[(\d+)\]", path.group(1) if path else "")
                 for part in [part[0] or part[1]])


def to_model(name: str, raw: LineDict, model: type[Strict], shown_as: str) -> Strict:
    """Validate one parsed file; raise DataError with one Problem per error in it."""
    try:
        return msgspec.convert(raw, model)
    except UnicodeEncodeError:  # a lone surrogate (from an escape such as "\ud800"): msgspec cannot
        found = list(problems(raw, model))  # encode it; the walker names the field that holds it
        raise DataError([Problem(shown_as, *locate(raw, loc), message) for loc, message in found]
                        or [Problem(shown_as, 1, "file", "contains half a character (a lone surrogate, from "
                                    "an escape such as \"\\ud800\"); write the whole character")]) from None
    except msgspec.ValidationError as error:
        found = list(problems(raw, model)) or [(_where(error), str(error).split(" - at ")[0])]
        raise DataError([Problem(shown_as, *locate(raw, loc), message) for loc, message in found]) \
            from None
