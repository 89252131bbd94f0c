"""Table arithmetic (SPEC §7.1–7.4, DOMAIN §6.1 rules 1–10): totals, 类 = Σ 项, 基本 = 人员 + 公用."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

import attrs

from juesuan_pdf.errors import ERROR
from juesuan_pdf.load.paths import Path
from juesuan_pdf.model.finance import (
    EXPENDITURE_KINDS,
    EXPENDITURE_NAMES,
    FISCAL_FUNDS,
    INCOME_NAMES,
    AccountLine,
    Expenditure,
    Fund,
    Income,
)
from juesuan_pdf.model.money import ZERO
from juesuan_pdf.model.report import Report

from .base import (
    Figure,
    Problem,
    Side,
    class_name,
    code_table,
    compare_sums,
    economic_label,
    single,
)
from .tolerance import show


def income_sum(report: Report) -> Iterator[Problem]:
    """本年收入合计 = the sum of the eight income sources (SPEC §7.1)."""
    yield from _stated_total(report.income, "income", INCOME_NAMES, "本年收入合计")


def expenditure_sum(report: Report) -> Iterator[Problem]:
    """本年支出合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助 (SPEC §7.1; K7)."""
    yield from _stated_total(report.expenditure, "expenditure", EXPENDITURE_NAMES, "本年支出合计")


def _stated_total(section: Income | Expenditure, key: str, names: dict[str, str], label: str) -> Iterator[Problem]:
    """A section's stated total, when written, equals the sum of its items."""
    if section.total is None:
        return
    parts = tuple(Figure(names[name], (key, name), amount) for name, amount in section.items())
    yield from compare_sums(Side(parts), single(label, (key, "total"), section.total))


def grand_total_balance(report: Report) -> Iterator[Problem]:
    """收入总计 (收入合计 + 使用非财政拨款结余 + 年初结转和结余) = 支出总计 (支出合计 + 结余分配 + 年末结转和结余)."""
    b = report.balances
    income = Side((
        Figure("本年收入合计", _income_total_path(report), report.income.amount),
        Figure("使用非财政拨款结余", ("balances", "non_fiscal_surplus_used"), b.non_fiscal_surplus_used),
        Figure("年初结转和结余", ("balances", "carry_in"), b.carry_in),
    ))
    expenditure = Side((
        Figure("本年支出合计", _expenditure_total_path(report), report.expenditure.amount),
        Figure("结余分配", ("balances", "distribution"), b.distribution),
        Figure("年末结转和结余", ("balances", "carry_out"), b.carry_out),
    ))
    yield from compare_sums(income, expenditure, "收入总计：")


def _income_total_path(report: Report) -> Path:
    """Where 本年收入合计 is written (the section when it is derived)."""
    return ("income", "total") if report.income.total is not None else ("income",)


def _expenditure_total_path(report: Report) -> Path:
    """Where 本年支出合计 is written (the section when it is derived)."""
    return ("expenditure", "total") if report.expenditure.total is not None else ("expenditure",)


def fiscal_balance(report: Report) -> Iterator[Problem]:
    """Per appropriation fund: 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余 (DOMAIN §6.1 rules 4, 7)."""
    for fund in FISCAL_FUNDS:
        field = FUND_INCOME_KEYS[fund]
        income = Side((
            Figure("年初财政拨款结转和结余", ("fiscal", "carry_in", field), report.fiscal.carry_in.of(fund)),
            Figure("本年收入", ("income", field), getattr(report.income, field)),
        ))
        expenditure = Figure("本年支出", fund_expenditure_path(report, fund), report.fund_expenditure(fund))
        spent = Side((
            expenditure,
            Figure("年末财政拨款结转和结余", ("fiscal", "carry_out", field), report.fiscal.carry_out.of(fund)),
        ))
        results = compare_sums(income, spent, f"{fund}财政拨款：")
        if expenditure.path != ("accounts",):
            yield from results
            continue
        # 本年支出 written nowhere but in the fund's lines: for `locate` the lines are the figures of the sum,
        # so a typo in one is seen here as in the other sums it breaks
        lines = tuple(_line(a, i) for i, a in enumerate(report.accounts) if a.fund == fund)
        for p in results:
            items: list[tuple[Figure, int]] = []
            for f, side in p.items:
                items += [(line, side) for line in lines] if f is expenditure else [(f, side)]
            yield attrs.evolve(p, items=tuple(items))


def fund_expenditure_path(report: Report, fund: Fund) -> Path:
    """Where a fund's expenditure is written: the stated total, else the account lines."""
    if fund == "一般公共预算" and report.general_budget.total is not None:
        return ("general_budget", "total")
    return ("accounts",)


def general_budget_lines_at(report: Report) -> list[tuple[int, AccountLine]]:
    """The 一般公共预算 项 lines in code order, each with its index in `accounts` (for its path)."""
    found = [(i, a) for i, a in enumerate(report.accounts) if a.fund == "一般公共预算"]
    return sorted(found, key=lambda pair: pair[1].code)


def general_budget_lines(report: Report) -> Iterator[Problem]:
    """The 项 lines of 一般公共预算 add up to the stated 一般公共预算财政拨款支出 (SPEC §7.3; K1)."""
    stated = report.general_budget.total
    lines = report.general_budget_lines
    if stated is None or not lines:
        return
    parts = tuple(_line(line, i) for i, line in general_budget_lines_at(report))
    left = Side(parts, "一般公共预算财政拨款支出的项级科目", ("accounts",))
    right = single("一般公共预算财政拨款支出", ("general_budget", "total"), stated)
    yield from compare_sums(left, right)


def class_lines(report: Report) -> Iterator[Problem]:
    """Each stated 类 total equals the sum of its 项 lines (SPEC §7.3; K2)."""
    table = code_table(report)
    lines = general_budget_lines_at(report)
    for code, stated in report.general_budget.class_totals.items():
        name = class_name(table, code)
        parts = tuple(_line(a, i) for i, a in lines if a.class_code == code)
        left = Side(parts, f"{name}的项级科目", ("accounts",))
        right = single(name, ("general_budget", "class_totals", code), stated)
        yield from compare_sums(left, right)


def _line(line: AccountLine, i: int) -> Figure:
    """A 项 line's 决算 as one figure of a sum: usual value its budget, made up of its columns."""
    columns = tuple(c for c in (getattr(line, kind) for kind in EXPENDITURE_KINDS) if c)
    return Figure(line.code, ("accounts", i), line.actual, line.budget, parts=columns)


def class_totals_sum(report: Report) -> Iterator[Problem]:
    """The 类 totals add up to 一般公共预算财政拨款支出 (SPEC §7.3)."""
    gb = report.general_budget
    if gb.total is None or not gb.class_totals:
        return
    table = code_table(report)
    stated_codes = set(gb.class_totals)
    codes = sorted(stated_codes | {code for code, _ in report.general_budget_classes()})
    amounts = dict(report.general_budget_classes()) | dict(gb.class_totals)
    parts = tuple(
        Figure(class_name(table, c), ("general_budget", "class_totals", c) if c in stated_codes else ("accounts",),
               amounts[c])
        for c in codes
    )
    right = single("一般公共预算财政拨款支出", ("general_budget", "total"), gb.total)
    yield from compare_sums(Side(parts), right)


def expenditure_by_kind(report: Report) -> Iterator[Problem]:
    """Per kind (基本/项目/…), the 项 lines add up to the stated 本年支出 of that kind (T03 合计 = Σ 项)."""
    if not report.accounts:
        return
    for kind in EXPENDITURE_KINDS:
        label = EXPENDITURE_NAMES[kind]
        parts = tuple(Figure(a.code, ("accounts", i, kind), getattr(a, kind), _usual(a, getattr(a, kind)))
                      for i, a in enumerate(report.accounts))
        left = Side(parts, f"各项级科目的{label}", ("accounts",))
        right = single(f"本年{label}", ("expenditure", kind), getattr(report.expenditure, kind))
        yield from compare_sums(left, right)


def basic_lines_vs_economic(report: Report) -> Iterator[Problem]:
    """The 基本支出 of the 一般公共预算 项 lines equals 基本支出 by economic class (T06 = T08, D-006)."""
    be = report.basic_expenditure
    if be.total is None and not be.items:
        return
    parts = tuple(Figure(a.code, ("accounts", i, "basic"), a.basic, _usual(a, a.basic))
                  for i, a in general_budget_lines_at(report))
    left = Side(parts, "一般公共预算各项级科目的基本支出", ("accounts",))
    path: Path = ("basic_expenditure", "total") if be.total is not None else ("basic_expenditure", "items")
    yield from compare_sums(left, single("一般公共预算财政拨款基本支出", path, be.amount), independent=True)


def basic_split(report: Report) -> Iterator[Problem]:
    """基本支出 = 人员经费 + 公用经费 (SPEC §7.4)."""
    be = report.basic_expenditure
    if be.total is None:
        return
    personnel = ("basic_expenditure", "personnel_total" if be.personnel_total is not None else "items")
    public = ("basic_expenditure", "public_total" if be.public_total is not None else "items")
    left = Side((Figure("人员经费", personnel, be.personnel), Figure("公用经费", public, be.public)))
    yield from compare_sums(left, single("基本支出", ("basic_expenditure", "total"), be.total))


def personnel_items(report: Report) -> Iterator[Problem]:
    """人员经费 = the sum of its economic items (301, 303) (SPEC §7.4)."""
    yield from _items_against_total(report, personnel=True)


def public_items(report: Report) -> Iterator[Problem]:
    """公用经费 = the sum of its economic items (302, 307, 310, 399) (SPEC §7.4; K3)."""
    yield from _items_against_total(report, personnel=False)


def _items_against_total(report: Report, *, personnel: bool) -> Iterator[Problem]:
    """人员经费 or 公用经费, when the data states it, against the sum of its economic items."""
    be = report.basic_expenditure
    total, items = (be.personnel_total, be.personnel_items) if personnel else (be.public_total, be.public_items)
    if total is None or not items:
        return
    name = "人员经费" if personnel else "公用经费"
    left = _economic_side(report, personnel=personnel, group=f"{name}各经济分类科目")
    right = single(name, ("basic_expenditure", "personnel_total" if personnel else "public_total"), total)
    yield from compare_sums(left, right)


def _economic_side(report: Report, *, personnel: bool, group: str) -> Side:
    """The 人员经费 or 公用经费 items as one grouped side."""
    items = report.basic_expenditure.items
    sangong = sangong_bookings(report)
    table = code_table(report)
    parts = tuple(
        Figure(economic_label(table, item), ("basic_expenditure", "items", i, "amount"), item.amount,
               *sangong.get(item.code, ()))
        for i, item in enumerate(items)
        if item.is_personnel == personnel
    )
    return Side(parts, group, ("basic_expenditure", "items"))


def sangong_bookings(report: Report) -> dict[str, tuple[Decimal, str]]:
    """The 三公 figure (and its name) each 三公 economic code books, for codes with one 基本支出 item and no
    项目支出 item: the value the item has when 七's figure is all of it (a hint for `locate`, no rule)."""
    table = code_table(report)
    if table is None:
        return {}
    tp, actual = table.three_public, report.sangong.actual
    named = {tp.outbound: (actual.abroad, "因公出国（境）费"), tp.reception: (actual.reception, "公务接待费"),
             tp.vehicle_running: (actual.vehicle_running, "公务用车运行维护费"),
             tp.vehicle_purchase: (actual.vehicle_purchase, "公务用车购置费")}
    basic = Counter(item.code for item in report.basic_expenditure.items)
    project = {item.code for item in report.project_expenditure}
    return {code: (amount, f"“三公”经费中{name}决算数") for code, (amount, name) in named.items()
            if basic[code] == 1 and code not in project}



def budget_lines(report: Report) -> Iterator[Problem]:
    """The 项 lines' 全年预算数 add up to the stated 一般公共预算 全年预算数 (五（三）, T06 预算 column)."""
    stated = report.general_budget.budget
    lines = general_budget_lines_at(report)
    if stated is None or not any(a.budget is not None for _, a in lines):
        return
    parts = tuple(Figure(a.code, ("accounts", i, "budget"), a.budget or ZERO, a.actual) for i, a in lines)
    left = Side(parts, "一般公共预算各项级科目的全年预算数", ("accounts",))
    yield from compare_sums(left, single("一般公共预算全年预算数", ("general_budget", "budget"), stated))


def _usual(line: AccountLine, column: Decimal) -> Decimal | None:
    """The value of one of a line's columns that would make its 决算 equal its 全年预算数."""
    return None if line.budget is None else column - line.actual + line.budget


FUND_INCOME_KEYS: dict[Fund, str] = {
    "一般公共预算": "general_budget",
    "政府性基金": "gov_fund",
    "国有资本经营": "state_capital",
    "上级补助": "higher_subsidy",
    "事业": "business",
    "经营": "operating",
    "附属单位上缴": "affiliated",
    "其他": "other",
}
"""The `[income]` key each fund's account lines book their income under (公开02's column)."""


def account_income(report: Report) -> Iterator[Problem]:
    """公开02 rows against its 合计: per fund, the account lines' income (a line without `income` books
    its expenditure, `AccountLine.income_amount`) adds up to the `[income]` key of that fund. Only funds
    with lines are judged (a source no line books leaves its column's rows empty)."""
    for fund, key in FUND_INCOME_KEYS.items():
        lines = [(i, a) for i, a in enumerate(report.accounts) if a.fund == fund]
        if not lines:
            continue
        parts = tuple(Figure(f"{a.code}（{fund}）", ("accounts", i, "income" if a.income is not None else "fund"),
                             a.income_amount, parts=() if a.income is not None else _line(a, i).parts)
                      for i, a in lines)
        left = Side(parts, f"{fund}各项级科目的本年收入", ("accounts",))
        right = single(INCOME_NAMES[key], ("income", key), getattr(report.income, key))
        for problem in compare_sums(left, right, "公开02表："):
            # lines that all book their expenditure differ within the 尾差 only as their expenditure does,
            # which the expenditure rules report already
            if problem.level == ERROR or any(a.income is not None for _, a in lines):
                yield problem


def running_cost_bound(report: Report) -> Iterator[Problem]:
    """机关运行经费 is paid from the 一般公共预算 basic 公用经费 (DOMAIN §6.1 rule 18): it cannot exceed it."""
    be = report.basic_expenditure
    if be.public_total is None and not be.public_items:
        return
    amount = report.running_cost.amount
    if amount <= be.public:
        return
    path: Path = ("basic_expenditure", "public_total" if be.public_total is not None else "items")
    message = (f"机关运行经费 {show(amount)} 大于一般公共预算财政拨款基本支出中的公用经费 {show(be.public)}"
               f"（相差 {show(amount - be.public)}）：机关运行经费是公用经费的一部分")
    yield Problem(ERROR, message, (("running_cost", "amount"), path), (amount, be.public, amount - be.public), 2)


def project_lines_economic(report: Report) -> Iterator[Problem]:
    """The 项目支出 of the 一般公共预算 项 lines equals 项目支出 by economic class (公开09's items against
    its 项目支出合计, 公开07's 项目支出 column against its 合计 row): one amount stated by function and by
    economic class. Judged when the data gives the economic detail (`[[project_expenditure]]`)."""
    items = report.project_expenditure
    if not items:
        return
    parts = tuple(Figure(a.code, ("accounts", i, "project"), a.project, _usual(a, a.project))
                  for i, a in general_budget_lines_at(report))
    left = Side(parts, "一般公共预算各项级科目的项目支出", ("accounts",))
    table = code_table(report)
    economic = tuple(Figure(f"经济分类科目 {economic_label(table, it)}", ("project_expenditure", i, "amount"),
                            it.amount) for i, it in enumerate(items))
    right = Side(economic, "一般公共预算项目支出各经济分类科目", ("project_expenditure",))
    yield from compare_sums(left, right, independent=True)


FUND_TABLES: dict[Fund, str] = {"政府性基金": "公开10表：", "国有资本经营": "公开11表："}
"""The 公开表 printing a fund's lines with their carry-overs (一般公共预算's lines' are data only)."""


def fund_line_carry(report: Report) -> Iterator[Problem]:
    """Per appropriation fund whose 项 lines state carry-overs, the lines' 年初/年末结转和结余 add up to
    the fund's stated `[fiscal.carry_in]` / `[fiscal.carry_out]` (公开10/11: rows against the 合计 row)."""
    for fund in FISCAL_FUNDS:
        lines = [(i, a) for i, a in enumerate(report.accounts) if a.fund == fund]
        if not any(a.carry_in or a.carry_out for _, a in lines):
            continue
        key = FUND_INCOME_KEYS[fund]
        for side, label in (("carry_in", "年初财政拨款结转和结余"), ("carry_out", "年末财政拨款结转和结余")):
            parts = tuple(Figure(a.code, ("accounts", i, side), getattr(a, side)) for i, a in lines)
            left = Side(parts, f"{fund}各项级科目的{label}", ("accounts",))
            right = single(f"{fund}{label}", ("fiscal", side, key), getattr(report.fiscal, side).of(fund))
            yield from compare_sums(left, right, FUND_TABLES.get(fund, ""))


def fund_line_balance(report: Report) -> Iterator[Problem]:
    """Each appropriation 项 line balances as its fund does: 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余
    (DOMAIN §6.1 rules 4, 7). Judged for the lines 公开10/11 print as rows (政府性基金, 国有资本经营) that state
    their income or a carry-over, and for 一般公共预算 lines that state a carry-over (no table prints their
    row, so a line giving only its income may leave its carry-overs to `[fiscal]`)."""
    for i, a in enumerate(report.accounts):
        carried = bool(a.carry_in or a.carry_out)
        printed = a.fund in FUND_TABLES and a.income is not None
        if a.fund not in FISCAL_FUNDS or not (carried or printed):
            continue
        line: Path = ("accounts", i)
        income = Side((
            Figure("年初结转和结余", (*line, "carry_in"), a.carry_in),
            Figure("本年收入", (*line, "income") if a.income is not None else line, a.income_amount),
        ))
        spent = Side((
            Figure("本年支出", line, a.actual),
            Figure("年末结转和结余", (*line, "carry_out"), a.carry_out),
        ))
        yield from compare_sums(income, spent, f"{FUND_TABLES.get(a.fund, '')}科目 {a.code}（{a.fund}）：",
                                independent=True)
