"""公开02表 收入决算表: this year's income by functional account and by source.

Form: national/Sichuan 部门决算 收入决算表 (项目 · 本年收入合计 · 财政拨款收入 · 上级补助收入 · 事业收入 · 经营收入 ·
附属单位上缴收入 · 其他收入), DOMAIN.md §3.2 [K]. Rows by account (类/款/项 in code order, 合计 first). An
account line's income goes to the column of its fund (the three appropriation funds → 财政拨款收入). The 合计 row
is the model's 本年收入 (the figures of 第二部分 二); 类 rows whose lines book income equal to expenditure use
the stated class totals of 五（二） for the 一般公共预算 part.
"""

from __future__ import annotations

from decimal import Decimal

from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.tables import _rows as r
from juesuan_pdf.doc import Table
from juesuan_pdf.model.finance import AccountLine, Fund
from juesuan_pdf.model.money import ZERO
from juesuan_pdf.model.report import Report

NUMBER = 2
MONEY_KEYS = (
    "income_total",
    "t02.fiscal",
    "t02.higher_subsidy",
    "t02.business",
    "t02.operating",
    "t02.affiliated",
    "t02.other",
)
"""The profile's words (`table.…`) of the seven amount columns."""
_COLUMN_OF: dict[Fund, int] = {
    "一般公共预算": 1,
    "政府性基金": 1,
    "国有资本经营": 1,
    "上级补助": 2,
    "事业": 3,
    "经营": 4,
    "附属单位上缴": 5,
    "其他": 6,
}


def build(report: Report, profile: Profile) -> Table:
    """The 收入决算表 of `report`."""
    return r.tree_account_table(
        report,
        profile,
        NUMBER,
        money_keys=MONEY_KEYS,
        totals=total_values(report),
        tree=tree(report),
        note_key="t02.note",
    )


def total_values(report: Report) -> tuple[Decimal, ...]:
    """The 合计 row: 本年收入合计 and the sources as the model states them."""
    inc = report.income
    return inc.amount, inc.fiscal, inc.higher_subsidy, inc.business, inc.operating, inc.affiliated, inc.other


def line_values(line: AccountLine) -> tuple[Decimal, ...]:
    """One account line's income spread over the seven columns."""
    values = [ZERO] * len(MONEY_KEYS)
    values[0] = values[_COLUMN_OF[line.fund]] = line.income_amount
    return tuple(values)


def tree(report: Report) -> list[r.TreeRow]:
    """The account rows (类/款/项) of the income table."""
    return r.account_tree(report, report.accounts, line_values, _class_overrides(report))


def _class_overrides(report: Report) -> dict[str, tuple[Decimal | None, ...]]:
    """Stated 一般公共预算 class totals, for classes whose every line books income equal to expenditure."""
    stated = report.class_expenditure_all()
    result: dict[str, tuple[Decimal | None, ...]] = {}
    for code, amount in stated.items():
        lines = [a for a in report.accounts if a.class_code == code]
        if all(a.income is None for a in lines) and all(_COLUMN_OF[a.fund] == 1 for a in lines):
            result[code] = (amount, amount, None, None, None, None, None)
    return result
