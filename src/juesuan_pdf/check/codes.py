"""The classification-code rules (SPEC §7.9): every code a data file uses has a name, from the year's table
or from the data file itself.

A code the table lacks is usable when the data file names it (a 提示 says so): a 项 by its line's `name`, an
economic 款 by its item's `name`, and any 类/款 (or any code at all) in the `[classification]` table. A code
named nowhere is an 错误 that lists the nearest listed codes. Composing uses the same names
(`Report.codes`), so what these rules accept, the build prints.
"""

from __future__ import annotations

from collections.abc import Iterator

from juesuan_pdf.errors import ERROR, NOTICE, Finding
from juesuan_pdf.load.paths import Path, render
from juesuan_pdf.model.accounts import CodeTable, ancestors, is_functional, is_well_formed, level, load_code_table
from juesuan_pdf.model.report import Report

RULE = "科目代码"
_LENGTHS = {True: (3, 5, 7), False: (3, 5)}
_EXPECTED = {True: "3、5或7位数字的功能分类科目代码（2开头）", False: "3或5位数字的经济分类科目代码（3开头）"}


def base_table(report: Report) -> CodeTable:
    """The shipped table serving the report's year (without the data file's names)."""
    return load_code_table(report.year)


def code_year(report: Report) -> Iterator[Finding]:
    """提示 when the report's year has no table of its own and the nearest year's serves it."""
    table = base_table(report)
    if table.year != report.year and (report.accounts or report.basic_expenditure.items or report.project_expenditure):
        message = f"没有{report.year}年的政府收支分类科目表，按最接近的{table.year}年科目表检查科目代码、取科目名称"
        yield Finding(NOTICE, RULE, message, ("year",), (report.year, table.year))


def account_codes(report: Report) -> Iterator[Finding]:
    """Functional codes are 项 (7 digits) whose 类, 款 and 项 each have a name; names match the table."""
    table = base_table(report)
    seen: set[str] = set()
    for i, line in enumerate(report.accounts):
        wrong = _wrong_level(line.code, 7, "项")
        if wrong:
            yield Finding(ERROR, RULE, wrong, (render(("accounts", i, "code")),), (line.code,))
            continue
        own = (line.name, ("accounts", i, "name")) if line.name else None
        yield from _named(report, table, line.code, ("accounts", i, "code"), own, seen, functional=True)
        if line.code in table.functional and line.name and not table.name_matches(line.code, line.name):
            expected = table.functional_name(line.code)
            message = f"科目 {line.code} 写作“{line.name}”，{table.year}年科目表为“{expected}”"
            yield Finding(NOTICE, RULE, message, (render(("accounts", i, "name")),), (line.name, expected))
    for code in report.general_budget.class_totals:
        path: Path = ("general_budget", "class_totals", code)
        wrong = _wrong_level(code, 3, "类")
        if wrong:
            yield Finding(ERROR, RULE, wrong, (render(path),), (code,))
        else:
            yield from _named(report, table, code, path, None, seen, functional=True)


def economic_codes(report: Report) -> Iterator[Finding]:
    """Economic codes of 基本支出 and 项目支出 items are 款 (5 digits) whose 类 and 款 have a name.

    An item's `name` for a listed code is the department's own wording and is not compared with the table.
    """
    table = base_table(report)
    basic = report.basic_expenditure.items
    items: list[tuple[Path, str, str]] = [
        (("basic_expenditure", "items", i), it.code, it.name) for i, it in enumerate(basic)
    ]
    items += [(("project_expenditure", i), it.code, it.name) for i, it in enumerate(report.project_expenditure)]
    seen: set[str] = set()
    for prefix, code, name in items:
        wrong = _wrong_level(code, 5, "款")
        if wrong:
            yield Finding(ERROR, RULE, wrong, (render((*prefix, "code")),), (code,))
            continue
        own = (name, (*prefix, "name")) if name else None
        yield from _named(report, table, code, (*prefix, "code"), own, seen, functional=False)


def classification_names(report: Report) -> Iterator[Finding]:
    """The `[classification]` table names well-formed codes; a name for a listed code is not used (提示)."""
    table = base_table(report)
    for code, name in report.classification.items():
        path = render(("classification", code))
        functional = is_functional(code)
        if not (code.isdigit() and len(code) in _LENGTHS[functional]):
            expected = _EXPECTED[functional]
            yield Finding(ERROR, RULE, f"[classification] 的键应为{expected}，实际为“{code}”", (path,), (code,))
        elif not name.strip():
            yield Finding(ERROR, RULE, f"科目 {code} 的名称为空", (path,), (code,))
        else:
            listed = (table.functional if functional else table.economic).get(code)
            if listed is not None and listed != name:
                message = f"科目 {code} 在{table.year}年科目表中为“{listed}”，[classification] 写的“{name}”不使用"
                yield Finding(NOTICE, RULE, message, (path,), (name, listed))


def _named(
    report: Report, table: CodeTable, code: str, path: Path, own: tuple[str, Path] | None, seen: set[str],
    *, functional: bool,
) -> Iterator[Finding]:
    """For `code` and every level above it that the table lacks: a 提示 when the data file names it (once per
    code), else an 错误 with the nearest listed codes."""
    names = table.functional if functional else table.economic
    kind = "功能分类" if functional else "经济分类"
    for c in ancestors(code):
        if c in names or c in seen:
            continue
        seen.add(c)
        label = f"{kind}{level(c).label}级科目 {c}"
        if c in report.classification:
            given: tuple[str, Path] | None = (report.classification[c], ("classification", c))
        else:
            given = own if c == code else None
        if given is not None:
            name, where = given
            message = f"{label}：{table.year}年科目表中没有此代码，按数据文件的名称“{name}”使用"
            alike = [s for s in table.same_name(c, name, functional) if s != c]
            if alike:
                message += f"（科目表中同名的代码为 {'、'.join(alike)}，请核对代码）"
            yield Finding(NOTICE, RULE, message, (render(where),), (c, name))
            continue
        near = table.nearest(c, functional)
        hint = f"。相近的代码：{'；'.join(near)}" if near else ""
        where_to_name = '该行写明 name = "名称"' if c == code else f'[classification] 表写明 "{c}" = "名称"'
        message = (f"{label}：{table.year}年科目表中没有此代码，数据文件也没有写明它的名称{hint}。"
                   f"代码无误时请在{where_to_name}")
        yield Finding(ERROR, RULE, message, (render(path),), (c,))


def _wrong_level(code: str, digits: int, label: str) -> str:
    """The problem when `code` is not a well-formed code of the expected length (level), else ""."""
    if len(code) == digits and is_well_formed(code):
        return ""
    return f"科目代码 {code} 应为{digits}位的{label}级科目"
