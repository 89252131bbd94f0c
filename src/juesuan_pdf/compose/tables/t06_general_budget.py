"""公开06表 一般公共预算财政拨款支出决算表: 一般公共预算 expenditure by functional account, 基本/项目.

Form: national/Sichuan 部门决算 (项目 · 本年支出 (小计 · 基本支出 · 项目支出)), DOMAIN.md §3.2 [K]. Rows by
account (类/款/项, 合计 first). The 合计 小计 is the model's 一般公共预算财政拨款支出 (五（一）), its 基本支出 the
stated 基本支出 (六); 类 rows' 小计 are the stated class totals (五（二）), 款 and 项 rows the account lines
(五（三）). Some years add 年初结转和结余 / 本年收入 / 年末结转和结余 columns: not printed here.
"""

from __future__ import annotations

from decimal import Decimal

from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.tables import _rows as r
from juesuan_pdf.doc import Table
from juesuan_pdf.model.finance import AccountLine, Fund
from juesuan_pdf.model.report import Report

NUMBER = 6
FUND: Fund = "一般公共预算"


def build(report: Report, profile: Profile) -> Table:
    """The 一般公共预算财政拨款支出决算表 of `report`."""
    if report.lines_of(FUND):
        notes = (r.note(report, profile, "t06.note"),)
    else:
        notes = (r.empty_note(report, profile, profile.say("t06.empty")),)
    return r.account_table(
        report,
        profile,
        NUMBER,
        header=r.spent_header(profile, profile.label("table.subtotal")),
        totals=total_values(report),
        body=r.tree_rows(tree(report)),
        notes=notes,
    )


def total_values(report: Report) -> tuple[Decimal, ...]:
    """The 合计 row: 一般公共预算财政拨款支出, 基本支出, 项目支出."""
    return (report.fund_expenditure(FUND), *report.fund_split(FUND))


def line_values(line: AccountLine) -> tuple[Decimal, ...]:
    """One line: 支出决算, 基本支出, 项目支出."""
    return line.actual, line.basic, line.project


def tree(report: Report) -> list[r.TreeRow]:
    """The account rows; 类 小计 are the stated class totals of 五（二）."""
    overrides = {code: (amount, None, None) for code, amount in report.class_expenditure(FUND).items()}
    return r.account_tree(report, report.lines_of(FUND), line_values, overrides)
