"""公开01表 收入支出决算总表: income by source and expenditure by function class, with carry-overs and 总计.

Form: the national/Sichuan 部门决算 layout (收入 | 支出 sides, each 项目 · 行次 · 金额), DOMAIN.md §3.2.
Certain: the column words and the summary rows (本年收入合计 / 使用非财政拨款结余 / 年初结转和结余 / 总计;
本年支出合计 / 结余分配 / 年末结转和结余 / 总计) [V]. Less certain [K/G]: the 行次 numbering (here: the income
side 1…, then the expenditure side continues) and that every 类 of the year is printed (the code table's
`statement.classes`), zero classes included.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.tables import _rows as r
from juesuan_pdf.doc import Cell, Row, Table
from juesuan_pdf.model.report import Report

NUMBER = 1
INCOME_KEYS = tuple(f"table.t01.income.{n}" for n in range(1, 9))
"""The profile's labels of the eight income sources, in `Income.items()` order."""
COLUMNS = (r.ITEM_COLUMN, r.SERIAL_COLUMN, r.MONEY_COLUMN) * 2


def header(profile: Profile) -> tuple[Row, ...]:
    """收入 | 支出, each 项目 · 行次 · 金额, and the 栏次 row."""
    income, spent, item, serial, amount, column_no = r.words(
        profile, "income", "expenditure", "item", "serial", "amount", "column_no"
    )
    side = (r.label(item), r.label(serial), r.label(amount))
    return (
        (r.label(income, colspan=3), r.label(spent, colspan=3)),
        side * 2,
        (r.label(column_no), r.label(""), r.label("1"), r.label(column_no), r.label(""), r.label("2")),
    )


def build(report: Report, profile: Profile) -> Table:
    """The 收入支出决算总表 of `report`."""
    body = r.two_sides(income_side(report, profile), expenditure_side(report, profile))
    notes = (r.note(report, profile, "t01.note"),)
    return Table(
        columns=COLUMNS, header_rows=header(profile), body_rows=body, notes=notes, **r.frame(report, profile, NUMBER)
    )


def income_side(report: Report, profile: Profile) -> tuple[list[r.Entry], list[r.Entry]]:
    """(item rows, summary rows) of the income side: the eight sources, then 本年收入合计 … 总计."""
    labels = [profile.label(k) for k in INCOME_KEYS]
    items = [r.Entry(lab, (amount,)) for lab, (_, amount) in zip(labels, report.income.items(), strict=True)]
    b = report.balances
    total, used, carry_in, grand = r.words(profile, "income_total", "surplus_used", "carry_in", "grand_total")
    summary = [
        r.Entry(total, (report.income.amount,), bold=True),
        r.Entry(used, (b.non_fiscal_surplus_used,)),
        r.Entry(carry_in, (b.carry_in,)),
        r.Entry(grand, (report.income_grand_total,), bold=True),
    ]
    return items, summary


def expenditure_side(report: Report, profile: Profile) -> tuple[list[r.Entry], list[r.Entry]]:
    """(class rows, summary rows) of the expenditure side: every 类 of the year, then 本年支出合计 … 总计."""
    by_class = report.class_expenditure_all()
    items = [
        r.Entry(name, (by_class.get(code, Decimal(0)),)) for code, name in r.statement_class_labels(report, by_class)
    ]
    b = report.balances
    total, distribution, carry_out, grand = r.words(profile, "spent_total", "distribution", "carry_out", "grand_total")
    summary = [
        r.Entry(total, (report.expenditure.amount,), bold=True),
        r.Entry(distribution, (b.distribution,)),
        r.Entry(carry_out, (b.carry_out,)),
        r.Entry(grand, (report.expenditure_grand_total,), bold=True),
    ]
    return items, summary


def amounts(table_rows: Sequence[Row]) -> dict[str, str]:
    """Label → printed amount of every labelled cell pair in the body (for tests)."""
    found: dict[str, str] = {}
    for row in table_rows:
        for i in (0, 3):
            cell: Cell = row[i]
            if cell.text:
                found.setdefault(cell.text, row[i + 2].text)
    return found
