"""Read a report data file: TOML → `model.Report`, with every problem reported at once, in Chinese.

tomllib reads floats as `Decimal` so money stays exact. cattrs structures the model with strict hooks:
no silent coercion of "2023" or 2023.7 to an int, no string read as a list of characters, unknown keys
refused with a suggestion. Each problem names the path as written in the file, its line, the value and
what was expected.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import tomllib
import typing
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path as FsPath
from typing import Any, Literal, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)

from juesuan_pdf.errors import ERROR, Finding, IncompleteError, LoadError, os_message, printable
from juesuan_pdf.load import limits
from juesuan_pdf.load.given import declared_none, field_types, given_paths
from juesuan_pdf.load.paths import Path, line_index, line_of, render
from juesuan_pdf.load.syntax import syntax_finding
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
    kinds = {bool: "布尔值", str: "文字", int: "整数", Decimal: "小数", list: "列表", dict: "表", dt.date: "日期",
             dt.datetime: "日期时间", dt.time: "时刻"}
    kind = next((name for t, name in kinds.items() if type(value) is t), type(value).__name__)
    if isinstance(value, bool):
        shown = "true" if value else "false"
    elif isinstance(value, dt.date | dt.time):
        shown = value.isoformat()
    elif isinstance(value, dict | list):
        shown = "{…}" if isinstance(value, dict) else "[…]"
    elif isinstance(value, str):
        shown = f"“{printable(value[:40])}”" + ("…" if len(value) > 40 else "")
    elif isinstance(value, int) and value.bit_length() > 128:  # str() refuses ints of over 4300 digits
        shown = f"（{value.bit_length()} 位二进制的大数）"
    elif isinstance(value, Decimal | int):
        shown = str(value) if len(str(value)) <= 40 else f"{str(value)[:40]}…"
    else:
        shown = printable(repr(value))[:40]
    return f"{kind} {shown}"


def _int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadValue("整数（不带引号、不带小数点）", value)
    if not 0 <= value <= limits.MAX_COUNT:
        raise BadValue(f"0 到 {limits.MAX_COUNT} 之间的整数（个数、人数等不能为负）", value)
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
    if isinstance(value, int) and value.bit_length() > 128:
        raise BadValue("不超过 1 万亿（1000000000000）万元的金额；请检查单位是否为万元、是否多写了零", value)
    amount = Decimal(value)
    if amount.is_finite() and amount.copy_abs() > limits.MAX_AMOUNT:  # copy_abs: no context, no Overflow
        raise BadValue("不超过 1 万亿（1000000000000）万元的金额；请检查单位是否为万元、是否多写了零", value)
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
    inner = _fields_hook(conv, cls)

    def hook(value: object, _: Any) -> Any:
        if not isinstance(value, dict):
            raise BadValue("表（用 [名称] 或 {{ }} 写的一组键值）", value)
        return inner(value)

    return hook


def _fields_hook(conv: cattrs.Converter, cls: Any) -> Callable[[dict[str, Any]], Any]:
    """Structure a table into the attrs class `cls` as cattrs' `make_dict_structure_fn` does with detailed
    validation and forbidden extra keys, with the same errors: each field's failure noted with an
    `AttributeValidationNote` naming it, the unknown keys in one `ForbiddenExtraKeysError`, all raised in one
    `ClassValidationError`.

    cattrs writes and compiles a function per class; compiling the model's 80 classes was the largest
    single cost of a cold `validate` (~40 ms). This one loop serves every class.
    """
    hints = field_types(cls)
    fields = []
    for a in attrs.fields(cls):
        type_ = hints.get(a.name, a.type)
        note = f"Structuring class {cls.__qualname__} @ attribute {a.name}"
        fields.append((a.name, a.alias, type_, conv.get_structure_hook(type_, cache_result=False),
                       a.default is not attrs.NOTHING, note))
    allowed = {name for name, *_ in fields}
    where = "While structuring " + cls.__name__

    def structure(value: dict[str, Any]) -> Any:
        res: dict[str, Any] = {}
        errors: list[Exception] = []
        for name, alias, type_, handler, optional, note in fields:
            if optional and name not in value:
                continue
            try:
                res[alias] = handler(value[name], type_)
            except Exception as exc:
                exc.__notes__ = [*getattr(exc, "__notes__", []), AttributeValidationNote(note, name, type_)]
                errors.append(exc)
        unknown = set(value) - allowed
        if unknown:
            errors.append(ForbiddenExtraKeysError("", cls, unknown))
        if errors:
            raise ClassValidationError(where, errors, cls)
        try:
            return cls(**res)
        except Exception as exc:
            raise ClassValidationError(where, [exc], cls) from exc

    return structure


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
        return [_missing_key(path, index, root)]
    return [Finding(ERROR, RULE, f"无法读取这个值（{type(leaf).__name__}）", (render(path),), (), line_of(index, path))]


def _missing_key(path: Path, index: dict[Path, int], root: type) -> Finding:
    """"Missing key", with the table it belongs in (and that table's line) and an example line to add."""
    key = str(path[-1])
    table = path[:-1]
    line = index.get(table) if table else None
    header = ".".join(str(p) for p in table if isinstance(p, str))
    header = f"第{table[-1] + 1}个 [[{header}]]" if table and isinstance(table[-1], int) else f" [{header}]"
    where = "在" + header + (f"（第{line}行）下" if line else "下") if table else "在文件开头"
    example = "2024" if path == ("year",) else _example(_field_type(root, path))
    return Finding(ERROR, RULE, f"缺少必填项：请{where}加一行，如 {key} = {example}", (render(path),), (),
                   line or line_of(index, table))


def _field_type(root: type, path: Path) -> Any:
    """The model type of the field at `path`, or None when the path leaves the model."""
    cls: Any = root
    for part in path:
        if isinstance(part, int):
            continue
        cls = _unwrap(cls)
        if not attrs.has(cls) or part not in attrs.fields_dict(cls):
            return None
        cls = typing.get_type_hints(cls)[part]
    return cls


def _example(type_: Any) -> str:
    """An example value of `type_` as written in TOML."""
    args = [a for a in get_args(type_) if a is not type(None)]
    if _origin(type_) is Literal:
        return f'"{args[0]}"'
    if args and _origin(type_) is not tuple and _origin(type_) is not dict:
        return _example(args[0])
    examples = {int: "0", Decimal: "0.00（万元）", str: '"……"', bool: "false", dt.date: "2024-09-20"}
    if type_ in examples:
        return examples[type_]
    if _origin(type_) is tuple:
        return "[ ]（或 [[…]] 表数组）"
    return "{ }（或 [表名] 下的若干键值）"


def _unknown_key(path: Path, allowed: list[str], index: dict[Path, int]) -> Finding:
    import difflib  # (only for a misspelt key: 1.5 ms of imports)

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
        if not re.fullmatch(r"[0-9]{7}", line.code):
            wrong.append((("accounts", i, "code"), line.code, "7位数字的功能分类项级科目编码（如 2080101）"))
    for code in report.general_budget.class_totals:
        if not re.fullmatch(r"[0-9]{3}", code):
            wrong.append((("general_budget", "class_totals", code), code, "3位数字的功能分类类级科目编码（如 208）"))
    items = [(("basic_expenditure", "items", i), it.code) for i, it in enumerate(report.basic_expenditure.items)]
    items += [(("project_expenditure", i), it.code) for i, it in enumerate(report.project_expenditure)]
    for prefix, code in items:
        if not re.fullmatch(r"[0-9]{3}|[0-9]{5}", code):
            wrong.append(((*prefix, "code"), code, "3位或5位数字的经济分类科目编码（如 30101）"))
    return [_code_finding(path, value, expected, index) for path, value, expected in wrong]


def _code_finding(path: Path, value: str, expected: str, index: dict[Path, int]) -> Finding:
    # Only ASCII digits are a code: "２０８" passes `\d` and would break every code lookup later.
    ascii_digits = value.translate(_FULL_WIDTH_DIGITS)
    hint = f"（其中有全角数字，应写作“{ascii_digits}”，请用英文输入法输入数字）" if ascii_digits != value else ""
    shown = printable(value)
    return Finding(ERROR, RULE, f"应为{expected}，实际为“{shown}”{hint}", (render(path),), (shown,),
                   line_of(index, path))


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _duplicate_findings(data: dict[str, Any], index: dict[Path, int]) -> list[Finding]:
    """Entries written twice: identical entries of a list of tables, and the same code twice in one list.

    An account may appear once per fund (the same 项 financed from two funds is two lines); any other
    list keyed by `code` holds each code once.
    """
    findings: list[Finding] = []
    for path, items in _tables_lists(data):
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            identity = repr(sorted(item.items(), key=lambda kv: kv[0]))
            what = "与第{n}个条目{at}完全相同"
            if isinstance(item.get("code"), str):
                identity = repr((item["code"], item.get("fund")))  # any value may sit in `fund`, a list too
                what = "编码“{code}”与第{n}个条目{at}重复" + ("（同一资金来源）" if "fund" in item else "")
            if identity in seen:
                first = seen[identity]
                line = line_of(index, (*path, first))
                at = f"（第{line}行）" if line else ""
                message = what.format(n=first + 1, at=at, code=printable(str(item.get("code"))))
                message += "；请删去重复的条目或改正编码"
                findings.append(Finding(ERROR, RULE, message, (render((*path, i)),), (), line_of(index, (*path, i))))
            else:
                seen[identity] = i
    return sorted(findings, key=lambda f: f.line or 0)


def _tables_lists(data: dict[str, Any]) -> list[tuple[Path, list[dict[str, Any]]]]:
    """Every list of tables in `data` (to the depth the model has), with its path."""
    out: list[tuple[Path, list[dict[str, Any]]]] = []
    stack: list[tuple[Path, object]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(((*path, k), v) for k, v in value.items())
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            out.append((path, value))
            stack.extend(((*path, i), v) for i, v in enumerate(value))
    return out


def parse(text: str, source: str = "") -> dict[str, Any]:
    """The tables of TOML `text` (a leading BOM accepted); raises LoadError with a Chinese syntax message."""
    text = text.removeprefix("\ufeff")  # Notepad saves UTF-8 with a byte-order mark
    deep = limits.depth_line(text)
    if deep is not None:
        raise LoadError([limits.depth_finding(deep, source)])
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise LoadError([syntax_finding(text, exc, source)]) from None
    except RecursionError:  # nesting the scan above did not see; never a traceback
        raise LoadError([limits.depth_finding(None, source)]) from None
    except ValueError:  # int() refuses more than 4300 digits (CPython's guard against slow conversions)
        raise LoadError([limits.digits_finding(text, source)]) from None


def loads(text: str, source: str = "") -> Report:
    """The report written in TOML `text`; raises LoadError listing every problem."""
    data = parse(text, source)
    index = line_index(text)
    problems = limits.data_findings(data, index)
    if problems:
        raise LoadError(problems)
    problems = _duplicate_findings(data, index)
    if problems:
        raise LoadError(problems)
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


def read_text(path: str | os.PathLike[str]) -> str:
    """The text of the data file at `path`; raises LoadError (never blocks, never a traceback) when unusable.

    Only regular files are read: a FIFO would block forever and /dev/zero never ends, so the kind of file
    is looked at before it is opened; its size is capped (limits.MAX_FILE_BYTES).
    """
    file = FsPath(path)
    name = printable(str(file))
    if "\x00" in str(file):
        raise LoadError([Finding(ERROR, RULE, f"数据文件名中有空字符（\\u0000）：{name}")])
    try:
        info = file.stat()
        if stat.S_ISDIR(info.st_mode):
            raise LoadError([Finding(ERROR, RULE, f"应为数据文件，实际为文件夹：{name}")])
        if not stat.S_ISREG(info.st_mode):
            raise LoadError([Finding(ERROR, RULE, f"应为普通的数据文件，实际为{_file_kind(info.st_mode)}：{name}")])
        too_big = limits.size_finding(info.st_size, name)
        if too_big:
            raise LoadError([too_big])
        with open(file, "rb") as f:
            data = f.read(limits.MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise LoadError([_not_found(file)]) from None
    except OSError as exc:
        raise LoadError([Finding(ERROR, RULE, os_message(exc, file))]) from None
    too_big = limits.size_finding(len(data), name)
    if too_big:
        raise LoadError([too_big])
    try:
        return data.decode("utf-8").removeprefix("\ufeff")  # Notepad saves UTF-8 with a byte-order mark
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            message = "是 UTF-16 编码（记事本的“Unicode”）保存的：请在记事本“另存为”中选择 UTF-8 编码"
            raise LoadError([Finding(ERROR, RULE, message, (name,), (), 1)]) from None
        message = ("不是 UTF-8 编码的文本（可能是用 GBK/ANSI 编码保存的）：请在记事本“另存为”中选择 UTF-8 编码，"
                   "或用其他编辑器转为 UTF-8")
        raise LoadError([Finding(ERROR, RULE, message, (name,), (), line)]) from None


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "管道（FIFO）"), (stat.S_ISCHR, "字符设备"), (stat.S_ISBLK, "块设备"),
             (stat.S_ISSOCK, "套接字"))
    return next((name for test, name in kinds if test(mode)), "特殊文件")


def _not_found(file: FsPath) -> Finding:
    """File not found, saying where it looked: the absolute path and the current folder."""
    try:
        here = os.getcwd()
    except OSError:
        here = "（无法确定）"
    absolute = os.path.abspath(file) if here != "（无法确定）" else str(file)
    message = (f"找不到数据文件：{printable(str(file))}（查找的位置：{printable(absolute)}；"
               f"当前文件夹：{printable(here)}）")
    return Finding(ERROR, RULE, message)


def load(path: str | os.PathLike[str]) -> Report:
    """The report in the TOML file at `path`; raises LoadError (never a traceback) when it cannot be used."""
    return load_with_text(path)[0]


def load_with_text(path: str | os.PathLike[str]) -> tuple[Report, str]:
    """The report at `path` and the text it was read from (the checker finds its lines in that text)."""
    text = read_text(path)
    return loads(text, printable(str(FsPath(path)))), text
