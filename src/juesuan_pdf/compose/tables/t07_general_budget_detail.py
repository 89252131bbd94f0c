"""公开07表 一般公共预算财政拨款支出决算明细表: 一般公共预算 expenditure by economic classification.

Form [G] (no published Sichuan 07 body was found; DOMAIN.md §3.2): rows by 部门预算支出经济分类 类 and 款
(301 工资福利支出 …, 款 with figures, code order, 合计 first) × 合计 · 基本支出 · 项目支出. 基本支出 figures are
the economic items of 第二部分 六; 项目支出 figures are the model's `project_expenditure` items. When the data
gives no economic detail of 项目支出, the 合计 row still shows the fund's 项目支出 and a note says so.
"""

from __future__ import annotations

from decimal import Decimal

from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.tables import _rows as r
from juesuan_pdf.doc import Row, Table
from juesuan_pdf.model.finance import Fund
from juesuan_pdf.model.money import ZERO
from juesuan_pdf.model.report import Report

NUMBER = 7
FUND: Fund = "一般公共预算"


def build(report: Report, profile: Profile) -> Table:
    """The 一般公共预算财政拨款支出决算明细表 of `report`."""
    return r.account_table(
        report,
        profile,
        NUMBER,
        header=r.spent_header(profile, profile.label("table.total")),
        totals=total_values(report),
        body=body(report),
        notes=notes(report, profile),
    )


def total_values(report: Report) -> tuple[Decimal, ...]:
    """The 合计 row: 一般公共预算财政拨款支出, 基本支出 (六), 项目支出."""
    return (report.fund_expenditure(FUND), *report.fund_split(FUND))


def body(report: Report) -> list[Row]:
    """One row per economic 类 and 款 with figures: 合计, 基本支出, 项目支出."""
    basic_items = report.basic_expenditure.items
    project_items = report.project_expenditure
    basic = {**r.economic_by_code(basic_items), **r.economic_class_sums(basic_items)}
    project = {**r.economic_by_code(project_items), **r.economic_class_sums(project_items)}
    classes = r.code_table(report).economic_classes()
    rows = r.economic_rows(report, (*basic_items, *project_items), classes)
    return [_row(e, basic.get(e.code, ZERO), project.get(e.code, ZERO)) for e in rows]


def _row(e: r.EconomicRow, basic: Decimal, project: Decimal) -> Row:
    indent = 0.0 if e.is_class else 1.0
    amounts = (r.money(v, blank_zero=True) for v in (basic + project, basic, project))
    return (r.text(e.code), r.text(e.name, indent=indent), *amounts)


def notes(report: Report, profile: Profile) -> tuple[str, ...]:
    """The table's note, saying so when 项目支出 has no economic detail."""
    _, project = report.fund_split(FUND)
    note = r.note(report, profile, "t07.note")
    if project and not report.project_expenditure:
        return (note + profile.say("t07.no_detail"),)
    return (note,)
