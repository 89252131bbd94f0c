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
HEADER: tuple[Row, ...] = (
    (r.label("收入", colspan=3), r.label("支出", colspan=6)),
    (
        r.label("项目"),
        r.label("行次"),
        r.label("金额"),
        r.label("项目"),
        r.label("行次"),
        r.label("合计"),
        *(r.label(h) for h in r.FUND_HEADERS),
    ),
    (r.label("栏次"), r.label(""), r.label("1"), r.label("栏次"), r.label(""), *(r.label(str(i)) for i in range(2, 6))),
)


def build(report: Report, profile: Profile) -> Table:
    """The 财政拨款收入支出决算总表 of `report`."""
    body = r.two_sides(income_side(report), expenditure_side(report))
    return Table(
        columns=COLUMNS,
        header_rows=HEADER,
        body_rows=body,
        notes=(r.note(report, profile, "t04.note"),),
        landscape=True,
        **r.frame(report, profile, NUMBER),
    )


def income_side(report: Report) -> r.Side:
    """The income side: three funds, 本年收入合计, 年初财政拨款结转和结余 by fund, 总计."""
    inc = report.income
    carry = report.fiscal.carry_in
    items = [
        r.Entry("一、一般公共预算财政拨款", (inc.general_budget,)),
        r.Entry("二、政府性基金预算财政拨款", (inc.gov_fund,)),
        r.Entry("三、国有资本经营预算财政拨款", (inc.state_capital,)),
    ]
    summary = [
        r.Entry("本年收入合计", (inc.fiscal,), bold=True),
        r.Entry("年初财政拨款结转和结余", (carry.amount,)),
        *(r.Entry(f"　　{h}", (carry.of(f),)) for f, h in zip(r.FISCAL_FUNDS, r.FUND_HEADERS, strict=True)),
        r.Entry("总计", (report.fiscal_income_grand_total,), bold=True),
    ]
    return items, summary


def expenditure_side(report: Report) -> r.Side:
    """The expenditure side: every 类 by fund, 本年支出合计, 年末财政拨款结转和结余, 总计."""
    per_fund = [report.class_expenditure(f) for f in r.FISCAL_FUNDS]
    with_figures = {c for d in per_fund for c in d}
    items = [
        r.Entry(name, _by_fund([d.get(code, ZERO) for d in per_fund]))
        for code, name in r.statement_class_labels(report, with_figures)
    ]
    carry = report.fiscal.carry_out
    summary = [
        r.Entry("本年支出合计", _by_fund([report.fund_expenditure(f) for f in r.FISCAL_FUNDS]), bold=True),
        r.Entry("年末财政拨款结转和结余", _by_fund([carry.of(f) for f in r.FISCAL_FUNDS])),
        r.Entry("总计", (report.fiscal_expenditure_grand_total, None, None, None), bold=True),
    ]
    return items, summary


def _by_fund(amounts: list[Decimal]) -> tuple[Decimal | None, ...]:
    """合计 then the three funds."""
    return (sum(amounts, ZERO), *amounts)
