"""公开12表 国有资本经营预算财政拨款支出决算表: 国有资本经营 expenditure by account, 基本/项目.

Form: national/Sichuan (项目 · 本年支出 (合计 · 基本支出 · 项目支出)), DOMAIN.md §3.2 [K]; rows by account,
合计 first. Figures: the model's 国有资本经营 fund expenditure (第二部分 九). All zero: the empty-table note.
"""

from __future__ import annotations

from decimal import Decimal

from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.tables import _rows as r
from juesuan_pdf.doc import Table
from juesuan_pdf.model.finance import AccountLine, Fund
from juesuan_pdf.model.report import Report

NUMBER = 12
FUND: Fund = "国有资本经营"


def build(report: Report, profile: Profile) -> Table:
    """The 国有资本经营预算财政拨款支出决算表 of `report`."""
    totals = total_values(report)
    lines = report.lines_of(FUND)
    empty = not lines and not any(totals)
    note = r.empty_note(report, profile, profile.say("t12.empty")) if empty else r.note(report, profile, "t12.note")
    body = r.tree_rows(r.account_tree(report, lines, _values))
    return r.account_table(
        report,
        profile,
        NUMBER,
        header=r.spent_header(profile, profile.label("table.total")),
        totals=totals,
        body=body,
        notes=(note,),
        blank_zero=empty,
    )


def total_values(report: Report) -> tuple[Decimal, ...]:
    """The 合计 row: 国有资本经营预算财政拨款支出, 基本支出, 项目支出."""
    return (report.fund_expenditure(FUND), *report.fund_split(FUND))


def _values(line: AccountLine) -> tuple[Decimal, ...]:
    return line.actual, line.basic, line.project
