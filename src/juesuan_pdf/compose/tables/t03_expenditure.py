"""公开03表 支出决算表: this year's expenditure by functional account and by kind.

Form: national/Sichuan 部门决算 支出决算表 (项目 · 本年支出合计 · 基本支出 · 项目支出 · 上缴上级支出 · 经营支出 ·
对附属单位补助支出), DOMAIN.md §3.2 [V words for 本年支出合计/基本支出/项目支出, K for the rest]. Rows by account
(类/款/项, 合计 first). The 合计 row is the model's 本年支出 (the figures of 第二部分 三); 类 rows' 本年支出合计 are
the stated class totals (五（二）) plus other funds' lines.
"""

from __future__ import annotations

from decimal import Decimal

from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.tables import _rows as r
from juesuan_pdf.doc import Table
from juesuan_pdf.model.finance import AccountLine
from juesuan_pdf.model.report import Report

NUMBER = 3
MONEY_KEYS = ("spent_total", "basic", "project", "t03.remit_upper", "t03.operating", "t03.subsidy_affiliated")
"""The profile's words (`table.…`) of the six amount columns."""


def build(report: Report, profile: Profile) -> Table:
    """The 支出决算表 of `report`."""
    return r.tree_account_table(
        report,
        profile,
        NUMBER,
        money_keys=MONEY_KEYS,
        totals=total_values(report),
        tree=tree(report),
        note_key="t03.note",
    )


def total_values(report: Report) -> tuple[Decimal, ...]:
    """The 合计 row: 本年支出合计 and the five kinds as the model states them."""
    e = report.expenditure
    return e.amount, e.basic, e.project, e.remit_upper, e.operating, e.subsidy_affiliated


def line_values(line: AccountLine) -> tuple[Decimal, ...]:
    """One account line's expenditure: its total and the five kinds."""
    return line.actual, line.basic, line.project, line.remit_upper, line.operating, line.subsidy_affiliated


def tree(report: Report) -> list[r.TreeRow]:
    """The account rows (类/款/项) of the expenditure table."""
    stated = report.class_expenditure_all()
    overrides = {code: (amount, None, None, None, None, None) for code, amount in stated.items()}
    return r.account_tree(report, report.accounts, line_values, overrides)
