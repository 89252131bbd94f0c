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
INCOME_LABELS = (
    "一、一般公共预算财政拨款收入",
    "二、政府性基金预算财政拨款收入",
    "三、国有资本经营预算财政拨款收入",
    "四、上级补助收入",
    "五、事业收入",
    "六、经营收入",
    "七、附属单位上缴收入",
    "八、其他收入",
)
COLUMNS = (r.ITEM_COLUMN, r.SERIAL_COLUMN, r.MONEY_COLUMN) * 2
HEADER: tuple[Row, ...] = (
    (r.label("收入", colspan=3), r.label("支出", colspan=3)),
    (r.label("项目"), r.label("行次"), r.label("金额"), r.label("项目"), r.label("行次"), r.label("金额")),
    (r.label("栏次"), r.label(""), r.label("1"), r.label("栏次"), r.label(""), r.label("2")),
)


def build(report: Report, profile: Profile) -> Table:
    """The 收入支出决算总表 of `report`."""
    body = r.two_sides(income_side(report), expenditure_side(report))
    notes = (r.note(report, profile, "t01.note"),)
    return Table(columns=COLUMNS, header_rows=HEADER, body_rows=body, notes=notes, **r.frame(report, profile, NUMBER))


def income_side(report: Report) -> tuple[list[r.Entry], list[r.Entry]]:
    """(item rows, summary rows) of the income side: the eight sources, then 本年收入合计 … 总计."""
    items = [r.Entry(lab, (amount,)) for lab, (_, amount) in zip(INCOME_LABELS, report.income.items(), strict=True)]
    b = report.balances
    summary = [
        r.Entry("本年收入合计", (report.income.amount,), bold=True),
        r.Entry("使用非财政拨款结余", (b.non_fiscal_surplus_used,)),
        r.Entry("年初结转和结余", (b.carry_in,)),
        r.Entry("总计", (report.income_grand_total,), bold=True),
    ]
    return items, summary


def expenditure_side(report: Report) -> tuple[list[r.Entry], list[r.Entry]]:
    """(class rows, summary rows) of the expenditure side: every 类 of the year, then 本年支出合计 … 总计."""
    by_class = report.class_expenditure_all()
    items = [
        r.Entry(name, (by_class.get(code, Decimal(0)),)) for code, name in r.statement_class_labels(report, by_class)
    ]
    b = report.balances
    summary = [
        r.Entry("本年支出合计", (report.expenditure.amount,), bold=True),
        r.Entry("结余分配", (b.distribution,)),
        r.Entry("年末结转和结余", (b.carry_out,)),
        r.Entry("总计", (report.expenditure_grand_total,), bold=True),
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
