"""公开05表 财政拨款支出决算明细表: appropriation expenditure by functional account, fund and 基本/项目.

Form [G] — the least certain of the 13 (no published Sichuan 05 body was found, DOMAIN.md §3.2): this
module follows TABLES.md, rows by account (类/款/项, 合计 first) and columns 合计 then, for each of
一般公共预算财政拨款 / 政府性基金预算财政拨款 / 国有资本经营预算财政拨款, 小计 · 基本支出 · 项目支出.
Figures: 合计 row from the model's fund expenditure (第二部分 四/五) and 基本支出 (六); 类 rows of
一般公共预算 use the stated class totals (五（二）).
"""

from __future__ import annotations

from decimal import Decimal

from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.tables import _rows as r
from juesuan_pdf.doc import Row, Table
from juesuan_pdf.model.finance import AccountLine
from juesuan_pdf.model.money import ZERO
from juesuan_pdf.model.report import Report

NUMBER = 5
SUB = ("subtotal", "basic", "project")
N_MONEY = 1 + 3 * len(SUB)


def header(profile: Profile) -> tuple[Row, ...]:
    """项目 · 合计 · three fund groups of 小计/基本支出/项目支出, and the 栏次 row."""
    item, total, code, name = r.words(profile, "item", "total", "code", "name")
    funds = [profile.label(k) for k in r.FUND_KEYS]
    first = (
        r.label(item, colspan=2),
        r.label(total, rowspan=2),
        *(r.label(h, colspan=len(SUB)) for h in funds),
    )
    second = (r.label(code), r.label(name), *(r.label(s) for _ in funds for s in r.words(profile, *SUB)))
    return first, second, r.serial_row(profile, 2, N_MONEY)


def build(report: Report, profile: Profile) -> Table:
    """The 财政拨款支出决算明细表 of `report`."""
    rows = [r.total_row(profile.label("table.total"), total_values(report)), *r.tree_rows(tree(report))]
    return Table(
        columns=r.account_columns(N_MONEY),
        header_rows=header(profile),
        body_rows=tuple(rows),
        notes=(r.note(report, profile, "t05.note"),),
        landscape=True,
        **r.frame(report, profile, NUMBER),
    )


def total_values(report: Report) -> tuple[Decimal, ...]:
    """The 合计 row: 财政拨款支出, then per fund its expenditure, 基本支出 and 项目支出."""
    values: list[Decimal] = [report.fiscal_expenditure]
    for fund in r.FISCAL_FUNDS:
        values += [report.fund_expenditure(fund), *report.fund_split(fund)]
    return tuple(values)


def line_values(line: AccountLine) -> tuple[Decimal, ...]:
    """One line: its expenditure in 合计 and in its fund's group (小计, 基本, 项目)."""
    values = [ZERO] * N_MONEY
    values[0] = line.actual
    at = 1 + 3 * r.FISCAL_FUNDS.index(line.fund)
    values[at : at + 3] = [line.actual, line.basic, line.project]
    return tuple(values)


def tree(report: Report) -> list[r.TreeRow]:
    """The account rows of the appropriation funds' lines."""
    lines = [a for a in report.accounts if a.fund in r.FISCAL_FUNDS]
    overrides: dict[str, tuple[Decimal | None, ...]] = {}
    general = report.class_expenditure("一般公共预算")
    for code, amount in report.class_expenditure_all(r.FISCAL_FUNDS).items():
        stated: list[Decimal | None] = [None] * N_MONEY
        stated[0] = amount
        if code in general:
            stated[1] = general[code]
        overrides[code] = tuple(stated)
    return r.account_tree(report, lines, line_values, overrides)
