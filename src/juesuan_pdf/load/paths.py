"""Data-file paths: how a location in the TOML is written for the user, and on which line it stands.

A path is a tuple of keys and list indexes, e.g. ("accounts", 2, "code"); users see it written as in
their file, with list items counted from 1: `accounts[第3个].code`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

Path = tuple[str | int, ...]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_\-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_\-]+|"[^"]*"|'[^']*'))*)\s*=""")


def render(path: Sequence[str | int]) -> str:
    """`path` as the user writes it: keys joined with dots, list items as [第N个] counted from 1."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[第{part + 1}个]"
        else:
            out += ("." if out else "") + part
    return out or "（文件顶层）"


_KEY_PART = re.compile(r"""[A-Za-z0-9_\-]+|"[^"]*"|'[^']*'""")


def _split_key(text: str) -> list[str]:
    parts = _KEY_PART.findall(text)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


def line_index(text: str) -> dict[Path, int]:
    """Map every table header and key of a TOML text to its 1-based line number.

    A small scanner, not a parser: it follows [table] and [[array]] headers and `key =` lines, and skips
    the insides of multi-line strings and arrays, which is all a path lookup needs. The loader and the
    checker both ask for the index of the same text: the last few are kept (each caller gets its own copy).
    """
    return dict(_line_index(text))


@functools.lru_cache(maxsize=4)
def _line_index(text: str) -> dict[Path, int]:
    index: dict[Path, int] = {}
    counters: dict[Path, int] = {}
    table: Path = ()
    in_string: str | None = None
    depth = 0
    # TOML ends a line at \n only; str.splitlines() would also split at U+2028, \x0c, \x85… inside strings.
    for number, line in enumerate(text.split("\n"), 1):
        if in_string:
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        if depth > 0:
            depth += _bracket_balance(line)
            continue
        header = _HEADER.match(line)
        if header and "=" not in line.split("]")[0]:
            keys = tuple(_split_key(header.group(2)))
            # A new parent item restarts the numbering of the arrays nested in it.
            for nested in [k for k in counters if len(k) > len(keys) and k[: len(keys)] == keys]:
                del counters[nested]
            if header.group(1) == "[[":
                counters[keys] = counters.get(keys, -1) + 1
                table = (*_with_indexes(keys, counters), counters[keys])
            else:
                table = _with_indexes(keys, counters)
            index.setdefault(table, number)
            continue
        key = _KEY.match(line)
        if key:
            path = table + tuple(_split_key(key.group(1)))
            index.setdefault(path, number)
            value = line[key.end():].strip()
            for quote in ('"""', "'''"):
                if value.startswith(quote) and value.count(quote) == 1:
                    in_string = quote
            if value.startswith("["):
                depth = _bracket_balance(value)
    return index


_CODE = re.compile(r"""("(?:[^"\\]|\\.)*"|'[^']*'|#.*)""")
"""Strings and a comment on one line: brackets inside them do not open or close an array."""


def _bracket_balance(line: str) -> int:
    """Arrays opened minus arrays closed on `line`, outside its strings and comment."""
    code = _CODE.sub("", line)
    return code.count("[") - code.count("]")


def _with_indexes(keys: tuple[str, ...], counters: dict[Path, int]) -> Path:
    """Insert the current index after every prefix of `keys` that is an array of tables."""
    out: list[str | int] = []
    for i, key in enumerate(keys):
        out.append(key)
        prefix = keys[: i + 1]
        if prefix in counters and i < len(keys) - 1:
            out.append(counters[prefix])
    return tuple(out)


def line_of(index: dict[Path, int], path: Path) -> int | None:
    """The line of `path`, or of its nearest written ancestor."""
    for end in range(len(path), 0, -1):
        if path[:end] in index:
            return index[path[:end]]
    return None


def key_at(index: dict[Path, int], line: int) -> Path | None:
    """The deepest key or table written at or before `line` (where a value on that line belongs)."""
    best: tuple[int, int, Path] | None = None
    for path, at in index.items():
        if at <= line and (best is None or (at, len(path)) > best[:2]):
            best = (at, len(path), path)
    return None if best is None else best[2]


def places_of(text: str, needle: str, limit: int = 5) -> list[tuple[str, int]]:
    """Where `needle` occurs in a TOML text: (the key as the user writes it, line), at most `limit` of them."""
    index = line_index(text)
    found: list[tuple[str, int]] = []
    for number, line in enumerate(text.split("\n"), 1):
        if needle in line and len(found) < limit:
            path = key_at(index, number)
            found.append((render(path) if path else "（文件顶层）", number))
    return found
