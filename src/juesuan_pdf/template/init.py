"""`init`: a complete data file to fill in, generated from the model's keys and their descriptions.

Every key is written with a comment saying what goes there and where it appears in the document.
Figures, counts, dates and the texts a clerk must write say `待填`, the marker `load` lists line by line
until each is filled; keys with a usable default keep it; each array of tables has one entry to copy.
The first line points editors to the JSON Schema (`juesuan-pdf schema`).
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from juesuan_pdf.check.completeness import SECTIONS
from juesuan_pdf.load.toml import UNFILLED
from juesuan_pdf.template.fields import Key, keys

SCHEMA_FILE = "report.schema.json"
TODO = json.dumps(UNFILLED, ensure_ascii=False)
TO_FILL_TEXTS = frozenset({
    "YearOnYear.reason", "GrandTotals.reason", "AccountLine.explanation", "Sangong.reason",
    "Sangong.vehicle_running_use",
    "RunningCost.reason", "Procurement.purpose", "Reception.content", "Trips.purpose",
    "PerformanceManagement.reports_formed", "EvaluationScore.summary",
})
"""Texts with an empty default that the document still needs (a sentence is built around them)."""
NONE_ALLOWED = frozenset(s.key for s in SECTIONS if s.may_be_none)
"""Sections a data file may declare empty (`sangong = "无"`), as the completeness check defines them."""
COMMENTED_OUT = frozenset({"Publication.accepted"})
"""Arrays of tables whose example entry is written as comments: an entry only some files need."""
OPTIONAL_KEYS = frozenset({
    "GrandTotals.prior_income", "GrandTotals.prior_expenditure", "GrandTotals.income_rate",
    "GrandTotals.expenditure_rate",
})
"""Keys written as comments, ready to uncomment: alternatives to `prior` (a year whose two totals differed)
and rates copied from a published text, which a new file does not have."""


def template(year: int, subject: str = "部门") -> str:
    """The text of a new data file for `year` and `subject` (部门 or 单位)."""
    out = [
        f"#:schema ./{SCHEMA_FILE}",
        f"# 部门决算公开数据文件 —— {year} 年度（由 juesuan-pdf init 生成）",
        "#",
        "# 把每个“待填”换成实际内容；金额以“万元”为单位，直接写数字（不加引号，最多两位小数）；",
        "# 文字用英文双引号括起来；个数写整数。以 # 开头的是说明，不影响结果。",
        "# 填写过程中随时运行 juesuan-pdf validate 本文件：它逐行列出还没填的项和填错的项。",
        "# 决算软件导出的公开表工作簿可用 juesuan-pdf import-tables 工作簿 --into 本文件 直接导入金额。",
        "# 没有的内容：标明“可删除”的行或段可以删去；标明可写“无”的段，没有时删去本段并按说明写 键 = \"无\"",
        "# （如在文件开头写 sangong = \"无\"）；数组（[[…]]）每项一段，可复制增加。",
        "",
    ]
    overrides = {"year": year, "department.subject": subject}
    _emit_table(out, keys(), "", overrides, commented=False)
    return "\n".join(out).rstrip("\n") + "\n"


def _emit_table(out: list[str], children: tuple[Key, ...], header: str, overrides: dict[str, Any],
                *, commented: bool, defaults: Any = None) -> None:
    """The scalar keys of a table, then its sub-tables and arrays of tables (TOML needs that order)."""
    for key in children:
        if key.kind in ("table", "tables"):
            continue
        optional = key.ref in OPTIONAL_KEYS and not commented
        hash_ = "# " if commented or _is_setting(key) or optional else ""
        out.append(f"{'' if optional else hash_}# {key.description}{_choices(key)}")
        out.append(f"{hash_}{key.name} = {_value(key, overrides, defaults)}")
    for key in children:
        if key.kind not in ("table", "tables"):
            continue
        path = f"{header}.{key.name}" if header else key.name
        nested = commented or key.ref in COMMENTED_OUT
        mark = "# " if nested else ""
        out.append("")
        note = _none_note(key, path)
        if key.kind == "table":
            out.append(f"{mark}# ==== {key.description}{note}")
            out.append(f"{mark}[{path}]")
            sub_defaults = getattr(defaults, key.name, None) if defaults is not None else _instance(key)
            _emit_table(out, key.children, path, overrides, commented=nested, defaults=sub_defaults)
        else:
            out.append(f"{mark}# ==== {key.description}（每项一段，可复制增加）{_none_note(key, path)}")
            out.append(f"{mark}[[{path}]]")
            _emit_table(out, key.children, path, overrides, commented=nested)


def _is_setting(key: Key) -> bool:
    """A document setting left to the profile unless written (`[publication]` keys defaulting to None):
    written as a comment, ready to uncomment."""
    return key.owner == "Publication" and key.default is None and key.kind not in ("table", "tables", "map")


def _none_note(key: Key, path: str) -> str:
    """How to say the department has none of a section: `无` where the checker accepts it, else deleting."""
    if path in NONE_ALLOWED:
        parent, _, last = path.rpartition(".")
        where = f"在 [{parent}] 下" if parent else "在文件开头（year 之后）"
        return f"（没有则删去本段，{where}写 {last} = \"无\"）"
    return "（没有可整段删除）" if key.optional and "删除" not in key.description else ""


def _instance(key: Key) -> Any:
    """The model's default value of a table key, to take its fields' defaults from (None: none)."""
    return key.default if attrs.has(type(key.default)) else None


def _choices(key: Key) -> str:
    if key.kind != "choice":
        return ""
    return "（可选：" + " / ".join(str(c) for c in key.choices) + "）"


def _value(key: Key, overrides: dict[str, Any], defaults: Any) -> str:
    """The value written for a scalar key."""
    if key.path in overrides:
        return _literal(overrides[key.path])
    default = getattr(defaults, key.name, attrs.NOTHING) if defaults is not None else key.default
    if key.kind == "map":
        return "{}"
    if key.kind == "texts":
        return f"[{TODO}]" if not default or default is attrs.NOTHING else _literal(default)
    if key.kind in ("money", "int", "date"):
        return TODO
    if key.kind == "text":
        if default is attrs.NOTHING or not default:
            return TODO if default is attrs.NOTHING or key.ref in TO_FILL_TEXTS else '""'
        return _literal(default)
    if default is attrs.NOTHING or default is None:
        return _literal(key.choices[0]) if _is_setting(key) and key.choices else TODO
    return _literal(default)


def _literal(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r}")


def unfilled_count(text: str) -> int:
    """How many values of a data file's text are still `待填` (comment lines not counted)."""
    return sum(line.count(TODO) for line in text.splitlines() if not line.lstrip().startswith("#"))
