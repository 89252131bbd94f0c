"""公开04表 财政拨款收入支出决算总表: appropriation income by fund and expenditure by class and fund.

Form: national/Sichuan layout, DOMAIN.md §3.2 [K]: 收入 (项目 · 行次 · 金额) | 支出 (项目 · 行次 · 合计 ·
一般公共预算财政拨款 · 政府性基金预算财政拨款 · 国有资本经营预算财政拨款). Income: the three funds, 本年收入合计,
年初财政拨款结转和结余 with its three funds, 总计; expenditure: every 类 of the year, 本年支出合计,
年末财政拨款结转和结余 (by fund in its columns), 总计. 行次 numbering is [G] as in 公开01表. Figures are the
model's (第二部分 四): 财政拨款收入, fund expenditure, carry-overs and 财政拨款收支总计.
"""

from __future__ import annotations

from decimal import Decimal

from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.tables import _rows as r
from juesuan_pdf.doc import Column, Row, Table
from juesuan_pdf.model.money import ZERO
from juesuan_pdf.model.report import Report

NUMBER = 4
COLUMNS: tuple[Column, ...] = (
    r.ITEM_COLUMN,
    r.SERIAL_COLUMN,
    r.MONEY_COLUMN,
    r.ITEM_COLUMN,
    r.SERIAL_COLUMN,
    *([r.MONEY_COLUMN] * 4),
)


def header(profile: Profile) -> tuple[Row, ...]:
    """收入 (项目 · 行次 · 金额) | 支出 (项目 · 行次 · 合计 and the three funds), and the 栏次 row."""
    income, spent, item, serial, amount, total, column_no = r.words(
        profile, "income", "expenditure", "item", "serial", "amount", "total", "column_no"
    )
    return (
        (r.label(income, colspan=3), r.label(spent, colspan=6)),
        (
            r.label(item),
            r.label(serial),
            r.label(amount),
            r.label(item),
            r.label(serial),
            r.label(total),
            *(r.label(profile.label(k)) for k in r.FUND_KEYS),
        ),
        (
            r.label(column_no),
            r.label(""),
            r.label("1"),
            r.label(column_no),
            r.label(""),
            *(r.label(str(i)) for i in range(2, 6)),
        ),
    )


def build(report: Report, profile: Profile) -> Table:
    """The 财政拨款收入支出决算总表 of `report`."""
    body = r.two_sides(income_side(report, profile), expenditure_side(report, profile))
    return Table(
        columns=COLUMNS,
        header_rows=header(profile),
        body_rows=body,
        notes=(r.note(report, profile, "t04.note"),),
        landscape=True,
        **r.frame(report, profile, NUMBER),
    )


def income_side(report: Report, profile: Profile) -> r.Side:
    """The income side: three funds, 本年收入合计, 年初财政拨款结转和结余 by fund, 总计."""
    inc = report.income
    carry = report.fiscal.carry_in
    first, second, third = r.words(profile, "t04.income.1", "t04.income.2", "t04.income.3")
    items = [
        r.Entry(first, (inc.general_budget,)),
        r.Entry(second, (inc.gov_fund,)),
        r.Entry(third, (inc.state_capital,)),
    ]
    total, carried, grand = r.words(profile, "income_total", "t04.carry_in", "grand_total")
    funds = [profile.label(k) for k in r.FUND_KEYS]
    summary = [
        r.Entry(total, (inc.fiscal,), bold=True),
        r.Entry(carried, (carry.amount,)),
        *(r.Entry(f"　　{h}", (carry.of(f),)) for f, h in zip(r.FISCAL_FUNDS, funds, strict=True)),
        r.Entry(grand, (report.fiscal_income_grand_total,), bold=True),
    ]
    return items, summary


def expenditure_side(report: Report, profile: Profile) -> r.Side:
    """The expenditure side: every 类 by fund, 本年支出合计, 年末财政拨款结转和结余, 总计."""
    per_fund = [report.class_expenditure(f) for f in r.FISCAL_FUNDS]
    with_figures = {c for d in per_fund for c in d}
    items = [
        r.Entry(name, _by_fund([d.get(code, ZERO) for d in per_fund]))
        for code, name in r.statement_class_labels(report, with_figures)
    ]
    carry = report.fiscal.carry_out
    total, carried, grand = r.words(profile, "spent_total", "t04.carry_out", "grand_total")
    summary = [
        r.Entry(total, _by_fund([report.fund_expenditure(f) for f in r.FISCAL_FUNDS]), bold=True),
        r.Entry(carried, _by_fund([carry.of(f) for f in r.FISCAL_FUNDS])),
        r.Entry(grand, (report.fiscal_expenditure_grand_total, None, None, None), bold=True),
    ]
    return items, summary


def _by_fund(amounts: list[Decimal]) -> tuple[Decimal | None, ...]:
    """合计 then the three funds."""
    return (sum(amounts, ZERO), *amounts)
