"""Read a report data file: TOML → `model.Report`, with every problem reported at once, in Chinese.

tomllib reads floats as `Decimal` so money stays exact. cattrs structures the model with strict hooks:
no silent coercion of "2023" or 2023.7 to an int, no string read as a list of characters, unknown keys
refused with a suggestion. Each problem names the path as written in the file, its line, the value and
what was expected.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import tomllib
import typing
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path as FsPath
from typing import Any, Literal, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn

from juesuan_pdf.errors import ERROR, Finding, IncompleteError, LoadError
from juesuan_pdf.load.given import declared_none, given_paths
from juesuan_pdf.load.paths import Path, line_index, line_of, render
from juesuan_pdf.model.money import decimals
from juesuan_pdf.model.report import Report

RULE = "数据文件"
UNFILLED = "待填"
"""The value a template or `next-year` writes where the clerk still has to fill something in."""
UNFILLED_RULE = "待填写"
LOADER_FIELDS = ("given", "written_none")
"""Report fields the loader fills from what the file wrote; a data file cannot set them."""


class BadValue(Exception):
    """A value of the wrong kind; `expected` says in Chinese what belongs there."""

    def __init__(self, expected: str, value: object) -> None:
        super().__init__(expected)
        self.expected = expected
        self.value = value


def describe(value: object) -> str:
    """A short Chinese description of a bad value, quoting it."""
    kinds = {bool: "布尔值", str: "文字", int: "整数", Decimal: "小数", list: "列表", dict: "表"}
    kind = next((name for t, name in kinds.items() if type(value) is t), type(value).__name__)
    shown = repr(value) if not isinstance(value, dict | list) else ("{…}" if isinstance(value, dict) else "[…]")
    if isinstance(value, str):
        shown = f"“{value[:40]}”"
    elif isinstance(value, Decimal):
        shown = str(value)
    return f"{kind} {shown}"


def _int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadValue("整数（不带引号、不带小数点）", value)
    return value


def _bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise BadValue("true 或 false（不带引号）", value)
    return value


def _str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise BadValue("文字（用英文双引号括起来）", value)
    return value


def _decimal(value: object, _: type) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise BadValue("金额数字（万元，不带引号，如 4454.96）", value)
    amount = Decimal(value)
    if not amount.is_finite() or decimals(amount) > 2:
        raise BadValue("金额数字（万元，最多两位小数）", value)
    return amount


def _date(value: object, _: type) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise BadValue("日期（如 2024-09-20，不带引号）", value)
    return value


def _literal(value: object, type_: type) -> object:
    allowed = get_args(type_)
    # `True == 1`: compare types too, or a bool would pass for a level number.
    if not any(value == a and type(value) is type(a) for a in allowed):
        raise BadValue("以下之一：" + "、".join(f"“{a}”" for a in allowed), value)
    return value


def _origin(type_: Any) -> object:
    return get_origin(type_)


def make_converter() -> cattrs.Converter:
    """A converter that refuses wrong types and unknown keys and reports all problems at once."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(int, _int)
    conv.register_structure_hook(bool, _bool)
    conv.register_structure_hook(str, _str)
    conv.register_structure_hook(Decimal, _decimal)
    conv.register_structure_hook(dt.date, _date)
    conv.register_structure_hook_func(lambda t: _origin(t) is Literal, _literal)
    conv.register_structure_hook_factory(lambda t: _origin(t) is tuple, lambda t: _tuple_hook(conv, t))
    conv.register_structure_hook_factory(lambda t: _origin(t) is dict, lambda t: _dict_hook(conv, t))
    conv.register_structure_hook_factory(attrs.has, lambda t: _class_hook(conv, t))
    return conv


def _tuple_hook(conv: cattrs.Converter, type_: Any) -> Callable[[object, Any], tuple[Any, ...]]:
    element = get_args(type_)[0]

    def hook(value: object, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise BadValue("列表（用 [ ] 或 [[ ]] 写）", value)
        return tuple(_each(conv, list(enumerate(value)), element, type_))

    return hook


def _dict_hook(conv: cattrs.Converter, type_: Any) -> Callable[[object, Any], dict[str, Any]]:
    element = get_args(type_)[1]

    def hook(value: object, _: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise BadValue("表（键 = 值）", value)
        return dict(zip(value, _each(conv, list(value.items()), element, type_), strict=True))

    return hook


def _each(conv: cattrs.Converter, items: list[tuple[Any, object]], element: Any, type_: Any) -> list[Any]:
    """Structure every item, collecting all failures with their index or key."""
    out: list[Any] = []
    errors: list[Exception] = []
    for key, item in items:
        try:
            out.append(conv.structure(item, element))
        except Exception as exc:
            exc.__notes__ = [*getattr(exc, "__notes__", []), IterableValidationNote(str(key), key, element)]
            errors.append(exc)
    if errors:
        raise cattrs.IterableValidationError("列表中有错误", errors, type_)
    return out


def _class_hook(conv: cattrs.Converter, cls: Any) -> Callable[[object, Any], Any]:
    inner = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True)

    def hook(value: object, _: Any) -> Any:
        if not isinstance(value, dict):
            raise BadValue("表（用 [名称] 或 {{ }} 写的一组键值）", value)
        return inner(value, cls)

    return hook


CONVERTER = make_converter()


def flatten(exc: BaseException, path: Path = ()) -> list[tuple[Path, BaseException]]:
    """The leaf errors of a cattrs exception group, each with the data path it occurred at."""
    if isinstance(exc, BaseExceptionGroup):
        leaves: list[tuple[Path, BaseException]] = []
        for sub in exc.exceptions:
            leaves.extend(flatten(sub, path + _note_path(sub)))
        return leaves
    return [(path, exc)]


def _note_path(exc: BaseException) -> Path:
    for note in getattr(exc, "__notes__", []):
        name = getattr(note, "name", None)
        if name is not None and hasattr(note, "type"):
            return (name,)
        index = getattr(note, "index", None)
        if index is not None:
            return (index,)
    return ()


def _allowed_keys(report_type: type, path: Path) -> list[str]:
    """The field names allowed at `path` (for suggestions after a misspelt key)."""
    cls: Any = report_type
    for part in path:
        if isinstance(part, int):
            continue
        if not attrs.has(cls):
            return []
        field = attrs.fields_dict(cls).get(part)
        if field is None:
            return []
        cls = _unwrap(typing.get_type_hints(cls)[part])
    return [f.name for f in attrs.fields(cls)] if attrs.has(cls) else []


def _unwrap(type_: Any) -> Any:
    """The attrs class inside `X | None` or `tuple[X, ...]`, else the type itself."""
    for arg in get_args(type_) or ():
        if attrs.has(arg):
            return arg
    return type_


def to_findings(exc: BaseException, index: dict[Path, int], root: type = Report) -> list[Finding]:
    """Chinese findings for every leaf problem of a structuring failure."""
    findings: list[Finding] = []
    for path, leaf in flatten(exc):
        findings.extend(_leaf_findings(path, leaf, index, root))
    return findings


def _leaf_findings(path: Path, leaf: BaseException, index: dict[Path, int], root: type) -> list[Finding]:
    if isinstance(leaf, ForbiddenExtraKeysError):
        allowed = _allowed_keys(root, path)
        return [_unknown_key((*path, key), allowed, index) for key in sorted(leaf.extra_fields)]
    if isinstance(leaf, BadValue):
        message = f"应为{leaf.expected}，实际为{describe(leaf.value)}"
        return [Finding(ERROR, RULE, message, (render(path),), (describe(leaf.value),), line_of(index, path))]
    if isinstance(leaf, KeyError):
        return [Finding(ERROR, RULE, "缺少必填项", (render(path),), (), line_of(index, path[:-1]))]
    return [Finding(ERROR, RULE, f"无法读取：{leaf}", (render(path),), (), line_of(index, path))]


def _unknown_key(path: Path, allowed: list[str], index: dict[Path, int]) -> Finding:
    key = str(path[-1])
    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f"，是否应为“{close[0]}”？" if close else ("。允许的键：" + "、".join(allowed) if allowed else "")
    return Finding(ERROR, RULE, f"未知的键“{key}”（拼写错误的键不会被忽略）{hint}", (render(path),), (key,),
                   line_of(index, path))


def _code_findings(report: Report, index: dict[Path, int]) -> list[Finding]:
    """Account codes must be written as digits of the right length (the checker validates them further)."""
    wrong: list[tuple[Path, str, str]] = []
    items: list[tuple[Path, str]]
    for i, line in enumerate(report.accounts):
        if not re.fullmatch(r"\d{7}", line.code):
            wrong.append((("accounts", i, "code"), line.code, "7位数字的功能分类项级科目编码（如 2080101）"))
    for code in report.general_budget.class_totals:
        if not re.fullmatch(r"\d{3}", code):
            wrong.append((("general_budget", "class_totals", code), code, "3位数字的功能分类类级科目编码（如 208）"))
    items = [(("basic_expenditure", "items", i), it.code) for i, it in enumerate(report.basic_expenditure.items)]
    items += [(("project_expenditure", i), it.code) for i, it in enumerate(report.project_expenditure)]
    for prefix, code in items:
        if not re.fullmatch(r"\d{3}|\d{5}", code):
            wrong.append(((*prefix, "code"), code, "3位或5位数字的经济分类科目编码（如 30101）"))
    return [
        Finding(ERROR, RULE, f"应为{expected}，实际为“{value}”", (render(path),), (value,), line_of(index, path))
        for path, value, expected in wrong
    ]


def loads(text: str, source: str = "") -> Report:
    """The report written in TOML `text`; raises LoadError listing every problem."""
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        where = (source,) if source else ()
        raise LoadError([Finding(ERROR, RULE, f"TOML 格式错误：{_toml_message(exc)}", where)]) from None
    index = line_index(text)
    own = [key for key in LOADER_FIELDS if key in data]  # set by the loader below, never by the data file
    if own:
        allowed = [f.name for f in attrs.fields(Report) if f.name not in LOADER_FIELDS]
        raise LoadError([_unknown_key((key,), allowed, index) for key in own])
    data, declared = declared_none(data, Report)
    unfilled = unfilled_paths(data)
    if unfilled:
        raise IncompleteError(_unfilled_findings(data, unfilled, index))
    try:
        report = CONVERTER.structure(data, Report)
    except (ClassValidationError, BadValue, cattrs.BaseValidationError) as exc:
        raise LoadError(to_findings(exc, index)) from None
    problems = _code_findings(report, index)
    if problems:
        raise LoadError(problems)
    return attrs.evolve(report, given=given_paths(data) | declared, written_none=declared)


def unfilled_paths(data: object, path: Path = ()) -> list[Path]:
    """The paths whose value is still the marker `待填`, in file order."""
    if isinstance(data, str):
        return [path] if data.strip() == UNFILLED else []
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in unfilled_paths(value, (*path, key))]
    if isinstance(data, list):
        return [p for i, value in enumerate(data) for p in unfilled_paths(value, (*path, i))]
    return []


def _unfilled_findings(data: dict[str, Any], unfilled: list[Path], index: dict[Path, int]) -> list[Finding]:
    """One 错误 per unfilled value, plus the problems of everything that is filled in.

    The filled-in part is structured with every unfilled value removed, so a clerk sees the complete to-do
    list and the typing mistakes at once, but not a "missing key" for a value that is only still to fill.
    """
    message = f"尚未填写（仍为“{UNFILLED}”），请填入实际内容"
    findings = [Finding(ERROR, UNFILLED_RULE, message, (render(p),), (), line_of(index, p)) for p in unfilled]
    pruned = _without(data, set(unfilled))
    try:
        CONVERTER.structure(pruned, Report)
    except (ClassValidationError, BadValue, cattrs.BaseValidationError) as exc:
        marked = {render(p) for p in unfilled}
        findings += [f for f in to_findings(exc, index) if not set(f.paths) & marked]
    return sorted(findings, key=lambda f: f.line or 0)


def _without(data: object, drop: set[Path], path: Path = ()) -> object:
    """`data` with the values at the `drop` paths removed (list items too)."""
    if isinstance(data, dict):
        return {k: _without(v, drop, (*path, k)) for k, v in data.items() if (*path, k) not in drop}
    if isinstance(data, list):
        return [_without(v, drop, (*path, i)) for i, v in enumerate(data) if (*path, i) not in drop]
    return data


def _toml_message(exc: tomllib.TOMLDecodeError) -> str:
    """tomllib's message with its position in Chinese (the message itself stays as tomllib words it)."""
    text = str(exc)
    match = re.search(r"\(at line (\d+), column (\d+)\)", text)
    if match:
        return f"第{match.group(1)}行第{match.group(2)}列：{text[: match.start()].strip()}"
    return text


def load(path: str | os.PathLike[str]) -> Report:
    """The report in the TOML file at `path`; raises LoadError (never a traceback) when it cannot be used."""
    file = FsPath(path)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LoadError([Finding(ERROR, RULE, f"找不到数据文件：{file}")]) from None
    except IsADirectoryError:
        raise LoadError([Finding(ERROR, RULE, f"应为数据文件，实际为文件夹：{file}")]) from None
    except UnicodeDecodeError:
        raise LoadError([Finding(ERROR, RULE, f"数据文件不是 UTF-8 编码的文本：{file}")]) from None
    except OSError as exc:
        raise LoadError([Finding(ERROR, RULE, f"无法读取数据文件 {file}：{exc.strerror}")]) from None
    return loads(text, str(file))
