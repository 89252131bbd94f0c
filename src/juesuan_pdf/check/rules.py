"""The code rules (SPEC §7.9): functional and economic codes against the year's code table.

The other rules live by topic in `sums`, `sangong`, `years`, `forms`, `texts`, `economic` and
`procurement`; `registry.RULES` lists them all.
"""

from __future__ import annotations

from collections.abc import Iterator

from juesuan_pdf.errors import ERROR, NOTICE, Finding
from juesuan_pdf.load.paths import Path, render
from juesuan_pdf.model.report import Report

from .base import code_table


def account_codes(report: Report) -> Iterator[Finding]:
    """Functional codes are valid 项 (7 digits, under their 款 and 类) and names match the table (SPEC §7.9)."""
    table = code_table(report)
    if table is None:
        if report.accounts or report.general_budget.class_totals:
            yield Finding(NOTICE, "科目代码", f"没有{report.year}年或更早年度的科目表，未检查科目代码")
        return
    for i, line in enumerate(report.accounts):
        path = render(("accounts", i, "code"))
        problems = table.functional_problems(line.code) or _wrong_level(line.code, 7, "项")
        yield from (Finding(ERROR, "科目代码", p, (path,), (line.code,)) for p in problems)
        if not problems and line.name and not table.name_matches(line.code, line.name):
            expected = table.functional_name(line.code)
            message = f"科目 {line.code} 写作“{line.name}”，{table.year}年科目表为“{expected}”"
            yield Finding(NOTICE, "科目代码", message, (render(("accounts", i, "name")),), (line.name, expected))
    for code in report.general_budget.class_totals:
        problems = table.functional_problems(code) or _wrong_level(code, 3, "类")
        path = render(("general_budget", "class_totals", code))
        yield from (Finding(ERROR, "科目代码", p, (path,), (code,)) for p in problems)


def economic_codes(report: Report) -> Iterator[Finding]:
    """Economic codes of 基本支出 and 项目支出 items are listed 款 (5 digits) under a listed 类 (SPEC §7.9).

    An item's `name` is the department's own wording and is not compared with the table.
    """
    table = code_table(report)
    if table is None:
        return
    basic = report.basic_expenditure.items
    items: list[tuple[Path, str]] = [(("basic_expenditure", "items", i, "code"), it.code) for i, it in enumerate(basic)]
    items += [(("project_expenditure", i, "code"), it.code) for i, it in enumerate(report.project_expenditure)]
    for path, code in items:
        problems = table.economic_problems(code) or _wrong_level(code, 5, "款")
        yield from (Finding(ERROR, "科目代码", p, (render(path),), (code,)) for p in problems)


def _wrong_level(code: str, digits: int, label: str) -> tuple[str, ...]:
    """A problem when `code` is not of the expected length (level)."""
    if len(code) == digits:
        return ()
    return (f"科目代码 {code} 应为{digits}位的{label}级科目",)

