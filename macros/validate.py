"""Turns a parsed data file into its typed model, and any failure into Problems that name the file,
the line, the record and the field, with what was expected, what was found and how to fix it.
"""
from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterable

from pydantic import BaseModel, ValidationError

from .loader import LineDict, LineList
from .models import KEBAB
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


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that owns the last key of `loc` (to suggest field names)."""
    current: object = model
    for part in loc:
        while typing.get_origin(current) in (list, typing.Union, types.UnionType, typing.Annotated):
            args = [a for a in typing.get_args(current) if a is not type(None)]
            current = args[0]
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = field.annotation
    while typing.get_origin(current) in (list, typing.Union, types.UnionType):
        current = [a for a in typing.get_args(current) if a is not type(None)][0]
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def explain(error: dict, model: type[BaseModel]) -> str:
    """One pydantic error as a sentence an editor can act on."""
    kind, found, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    loc = error["loc"]
    field = str(loc[-1]) if loc else ""
    if kind == "missing":
        return f"required field '{field}' is missing; add '{field}: ...'"
    if kind == "extra_forbidden":
        owner = _model_at(model, loc[:-1])
        allowed = sorted(owner.model_fields) if owner else []
        import difflib  # here, not at the top: only a mistake needs it (and it costs 15 ms to import)
        close = difflib.get_close_matches(field, allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed fields: {', '.join(allowed)}"
        return f"unknown field '{field}'; {hint}"
    if kind == "literal_error":
        return f"expected {ctx.get('expected')}, got {_short(found)}"
    if kind == "string_pattern_mismatch":
        message = (f"expected a kebab-case id such as 'data-privacy' (lowercase letters, digits, "
                   f"single hyphens), got {_short(found)}")
        lowered = "-".join(str(found).lower().replace("_", " ").split())
        if lowered != found and re.fullmatch(KEBAB, lowered):
            message += f"; write it as '{lowered}'"
        return message
    if kind == "string_too_short":
        return "is empty or only spaces; write the text or remove the record"
    if kind == "string_too_long":
        return f"is {len(found)} characters, over the limit of {ctx.get('max_length')}; shorten it"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item(s), has {ctx.get('actual_length')}"
    if kind.startswith("date"):
        if isinstance(found, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", found):
            return f"there is no day {found} in the calendar; check the month and the day"
        return f"expected a real date written YYYY-MM-DD (e.g. 2026-11-21), got {_short(found)}"
    if found is None and kind in ("string_type", "list_type", "model_type", "dict_type", "date_type"):
        return f"has no value; write it after '{field}:', or remove the line if the field is optional"
    if kind == "string_type":
        return f"expected text, got {_kind(found)} {_short(found)}; put the value in double quotes"
    if kind == "list_type":
        return f"expected a list ('- item' lines), got {_kind(found)} {_short(found)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected 'key: value' lines, got {_kind(found)} {_short(found)}"
    return f"{error['msg']} (got {_short(found)})"


def to_model(name: str, raw: LineDict, model: type[BaseModel], shown_as: str) -> BaseModel:
    """Validate one parsed file; raise DataError with one Problem per field error."""
    try:
        return model.model_validate(raw)
    except ValidationError as errors:
        problems = []
        for error in errors.errors(include_url=False):
            line, where = locate(raw, error["loc"])
            problems.append(Problem(shown_as, line, where, explain(error, model)))
        raise DataError(problems) from None
