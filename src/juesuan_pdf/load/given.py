"""What a data file wrote: the keys present, and the sections it declares it has none of (`= "无"`).

A section (a table or a list of tables) written as the text “无” — `sangong = "无"`,
`project_expenditure = "无"`, `[assets]` with `vehicles = "无"` — says the department has none of it: the
value is taken out before the file is structured (the section keeps its empty default) and its path
counts as given. The checker (`check.completeness`) refuses a section that is neither written nor
declared “无”, so a document never shows zeros the data never gave.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, get_args, get_origin

import attrs

NONE_WORD = "无"
"""The value that declares a section empty."""


def declared_none(data: dict[str, Any], root: type) -> tuple[dict[str, Any], frozenset[str]]:
    """`data` without the sections written as “无”, and the dotted paths of those sections."""
    found: set[str] = set()
    return _strip(data, root, "", found), frozenset(found)


def given_paths(data: dict[str, Any], prefix: str = "") -> frozenset[str]:
    """Every key the data wrote, as dotted paths (`sangong`, `sangong.actual`, `sangong.actual.abroad`);
    lists of tables count as their key only."""
    paths: set[str] = set()
    for key, value in data.items():
        path = f"{prefix}{key}"
        paths.add(path)
        if isinstance(value, dict):
            paths |= given_paths(value, path + ".")
    return frozenset(paths)


@functools.cache
def field_types(cls: type) -> Mapping[str, Any]:
    """`typing.get_type_hints(cls)`, worked out once per class: it compiles every annotation of the class
    each time (~0.1 ms per class), and the loader asks for each table's class once per table and again
    to structure it."""
    return MappingProxyType(typing.get_type_hints(cls))


def _strip(data: dict[str, Any], cls: Any, prefix: str, found: set[str]) -> dict[str, Any]:
    hints = field_types(cls) if attrs.has(cls) else {}
    out: dict[str, Any] = {}
    for key, value in data.items():
        kind = hints.get(key)
        if kind is None:
            out[key] = value
        elif isinstance(value, str) and value.strip() == NONE_WORD and _is_section(kind):
            found.add(f"{prefix}{key}")
        elif isinstance(value, dict) and attrs.has(_section_class(kind)):
            out[key] = _strip(value, _section_class(kind), f"{prefix}{key}.", found)
        else:
            out[key] = value
    return out


def _is_section(kind: Any) -> bool:
    """Whether a field holds a table or a list of tables (not a text, a number or a date)."""
    origin = get_origin(kind)
    return attrs.has(_section_class(kind)) or origin in (tuple, dict)


def _section_class(kind: Any) -> Any:
    """The attrs class a field holds, through `X | None`; else the type itself."""
    for arg in get_args(kind) or ():
        if attrs.has(arg):
            return arg
    return kind
