"""A deterministic YAML writer for the files `make import` writes: the same records always give the same
bytes (a second import from the same snapshots changes nothing), in the layout editors know from the
hand-written files (two spaces a level, `- id:` items, short lists in brackets), read back by the
build exactly as written (YAML 1.1, as PyYAML and the editors' settings read it).

Plain scalars only where YAML 1.1 reads them back as the same text; everything else in double
quotes, escaped as JSON escapes it (a subset of YAML's escapes) plus the characters YAML takes for
line breaks (NEL, LS, PS)."""
from __future__ import annotations

import datetime as dt
import json
import math
import re

import yaml

_RESOLVER = yaml.resolver.Resolver()
# Plain when it is words: no indicator at the start, no ': ' or ' #', nothing YAML reads as another type.
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ._/()+'-]*[A-Za-z0-9._/)+-]|[A-Za-z]")
_FLOW_ITEM = re.compile(r"[A-Za-z][A-Za-z0-9._/+-]*")
_BREAKS = {"\u0085": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


def _is_plain(text: str, pattern=_PLAIN) -> bool:
    return (bool(pattern.fullmatch(text)) and ": " not in text and " #" not in text
            and _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str")


def scalar(value, flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"not a finite number: {value}")
        if value == int(value) and abs(value) < 1e15:
            return f"{int(value)}.0" if not flow else f"{int(value)}.0"
        text = repr(value)
        if "e" in text or "E" in text:  # YAML 1.1 wants a point and no bare exponent
            text = f"{value:.12f}".rstrip("0")
        return text
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        if _is_plain(value, _FLOW_ITEM if flow else _PLAIN):
            return value
        quoted = json.dumps(value, ensure_ascii=False)
        for char, escape in _BREAKS.items():
            quoted = quoted.replace(char, escape)
        return quoted
    raise TypeError(f"cannot write {type(value).__name__} {value!r}")


def _flow_list(items: list) -> str | None:
    """`[a, b]` for a short list of scalars, else None (written as a block)."""
    if not all(isinstance(i, (str, int, float, bool, dt.date)) for i in items):
        return None
    text = "[" + ", ".join(scalar(i, flow=True) for i in items) + "]"
    return text if len(text) <= 100 else None


def _lines(value, indent: int) -> list[str]:
    """The lines of a mapping's or list's content at `indent` spaces."""
    pad = " " * indent
    out: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            out += _entry(f"{pad}{key}:", item, indent)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                inner = _lines(item, indent + 2)
                out.append(f"{pad}- {inner[0].lstrip()}")
                out += inner[1:]
            elif isinstance(item, list):
                raise TypeError("a list in a list")
            else:
                out.append(f"{pad}- {scalar(item)}")
    return out


def _entry(head: str, item, indent: int) -> list[str]:
    if isinstance(item, dict):
        return [head, *_lines(item, indent + 2)] if item else [f"{head} {{}}"]
    if isinstance(item, list):
        if not item:
            return [f"{head} []"]
        flow = _flow_list(item)
        return [f"{head} {flow}"] if flow is not None else [head, *_lines(item, indent + 2)]
    return [f"{head} {scalar(item)}"]


def document(name: str, records: list[dict], first_line: str, comments: list[str] = (),
             extra: dict | None = None) -> str:
    """The whole file: its schema line, comment lines, `name:` and its records (then `extra` keys)."""
    out = [first_line, *[f"# {c}" if c else "#" for c in comments]]
    out += _entry(f"{name}:", records, 0)
    for key, value in (extra or {}).items():
        out += _entry(f"{key}:", value, 0)
    return "\n".join(out) + "\n"
