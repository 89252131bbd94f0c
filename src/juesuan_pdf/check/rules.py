"""The 勾稽关系 rules (SPEC.md §7, DOMAIN.md §6.1): one function per rule, `(Report) -> Iterable[Finding]`.

Each rule compares figures the data file states (or the model derives from them) and yields a Finding
naming the rule, the figures, the gap and the data-file paths involved. Sums of rounded figures are
judged with the 尾差 tolerance of `tolerance.py`: within it a 提示, beyond it an 错误. A figure stated
twice must agree exactly. `RULES` at the bottom lists every rule in the order the checker runs them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal

import attrs

from juesuan_pdf.errors import ERROR, NOTICE, Finding
from juesuan_pdf.load.paths import Path, render
from juesuan_pdf.model.accounts import CodeTable, UnknownYearError
from juesuan_pdf.model.finance import (
    EXPENDITURE_KINDS,
    EXPENDITURE_NAMES,
    FISCAL_FUNDS,
    INCOME_NAMES,
    VEHICLE_TYPE_NAMES,
    AccountLine,
    Fund,
)
from juesuan_pdf.model.money import ZERO, percent, total
from juesuan_pdf.model.performance import (
    DepartmentSelfEvaluation,
    EvaluationReport,
    Funding,
    FundingRow,
    Indicator,
    ProjectSelfEvaluation,
    TransferFunding,
    TransferSelfEvaluation,
)
from juesuan_pdf.model.report import Report

from .codes import account_codes, classification_names, code_year, economic_codes
from .completeness import missing_breakdowns, missing_sections
from .stated_rates import stated_rates
from .tolerance import allowed_gap, show, sum_level

Rule = Callable[[Report], Iterable[Finding]]

FUND_INCOME_FIELDS: dict[Fund, str] = {
    "一般公共预算": "general_budget",
    "政府性基金": "gov_fund",
    "国有资本经营": "state_capital",
}
GROUP_THRESHOLD = 4
"""Sums of more items than this are written as “…（n项）合计 S” instead of listing every item."""


# ------------------------------------------------------------------------------------------- helpers
@attrs.frozen
class Figure:
    """One figure of the data file: what the message calls it, where it is written and its amount."""

    label: str
    path: Path
    amount: Decimal


@attrs.frozen
class Side:
    """One side of a comparison: a sum of figures, or a group of figures summed under one label."""

    parts: tuple[Figure, ...]
    group: str = ""
    group_path: Path = ()

    @property
    def amount(self) -> Decimal:
        """The exact sum of the parts."""
        return total(p.amount for p in self.parts)

    @property
    def rounded_items(self) -> int:
        """How many rounded (non-zero) figures the sum adds up."""
        return sum(1 for p in self.parts if p.amount != 0)

    @property
    def paths(self) -> tuple[Path, ...]:
        """The paths to name: each non-zero part's (the first part's if all are zero), or for a group of
        more than `GROUP_THRESHOLD` figures the group's path."""
        if self.group_path and (self.rounded_items > GROUP_THRESHOLD or not self.parts):
            return (self.group_path,)
        shown = [p.path for p in self.parts if p.amount != 0]
        return tuple(shown) or tuple(p.path for p in self.parts[:1])

    def text(self) -> str:
        """The side as the message writes it: `a 1 + b 2 = 3`, `label（n项）合计 3` or `label 3`."""
        nonzero = [p for p in self.parts if p.amount != 0]
        if self.group or len(nonzero) > GROUP_THRESHOLD:
            label = self.group or "各项"
            return f"{label}（{len(nonzero)}项）合计 {show(self.amount)}"
        if len(self.parts) == 1:
            return f"{self.parts[0].label} {show(self.amount)}"
        if not nonzero:
            return "、".join(p.label for p in self.parts) + " 均为 0"
        if len(nonzero) == 1:
            return f"{nonzero[0].label} {show(self.amount)}"
        return " + ".join(f"{p.label} {show(p.amount)}" for p in nonzero) + f" = {show(self.amount)}"


def single(label: str, path: Path, amount: Decimal) -> Side:
    """A side holding one stated figure."""
    return Side((Figure(label, path, amount),))


def compare_sums(rule: str, left: Side, right: Side, context: str = "") -> Iterator[Finding]:
    """A finding when two sums differ: 提示 within the 尾差 of their rounded items, 错误 beyond."""
    gap = left.amount - right.amount
    items = _items_for_tolerance(left, right)
    level = sum_level(gap, items)
    if level is None:
        return
    tolerance = show(allowed_gap(items))
    judged = f"在尾差容许 {tolerance} 以内" if level == NOTICE else f"超出尾差容许 {tolerance}"
    message = f"{context}{left.text()}，与{right.text()} 相差 {show(abs(gap))}（{judged}）"
    paths = tuple(render(p) for p in (*left.paths, *right.paths))
    yield Finding(level, rule, message, paths, (left.amount, right.amount, abs(gap)))


def _items_for_tolerance(left: Side, right: Side) -> int:
    """Rounded items of a comparison: the summed side's items (the stated total is the reference)."""
    if len(right.parts) == 1 and not right.group:
        return left.rounded_items
    if len(left.parts) == 1 and not left.group:
        return right.rounded_items
    return left.rounded_items + right.rounded_items


def stated_twice(rule: str, first: Figure, second: Figure, note: str = "", unit: str = "") -> Iterator[Finding]:
    """An 错误 when one figure is stated twice with different values (no tolerance)."""
    if first.amount == second.amount:
        return
    gap = abs(first.amount - second.amount)
    message = (f"{first.label} {show(first.amount)}{unit}，与{second.label} {show(second.amount)}{unit} 不一致"
               f"（相差 {show(gap)}{unit}）")
    yield Finding(ERROR, rule, message + note, (render(first.path), render(second.path)),
                  (first.amount, second.amount, gap))


def code_table(report: Report) -> CodeTable | None:
    """The code table serving the report's year with the data file's own names, or None when none is shipped."""
    try:
        return report.codes()
    except UnknownYearError:
        return None


def class_name(table: CodeTable | None, code: str) -> str:
    """`社会保障和就业支出（类）` for 208 when the table knows it, else `208（类）`."""
    name = table.functional.get(code) if table else None
    return f"{name or code}（类）"


# ------------------------------------------------------------------------------- 1. 收入、支出合计
def income_sum(report: Report) -> Iterator[Finding]:
    """本年收入合计 = the sum of the eight income sources (SPEC §7.1)."""
    inc = report.income
    if inc.total is None:
        return
    parts = tuple(Figure(INCOME_NAMES[name], ("income", name), amount) for name, amount in inc.items())
    yield from compare_sums("收入合计", Side(parts), single("本年收入合计", ("income", "total"), inc.total))


def expenditure_sum(report: Report) -> Iterator[Finding]:
    """本年支出合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助 (SPEC §7.1; K7)."""
    exp = report.expenditure
    if exp.total is None:
        return
    parts = tuple(Figure(EXPENDITURE_NAMES[name], ("expenditure", name), amount) for name, amount in exp.items())
    yield from compare_sums("支出合计", Side(parts), single("本年支出合计", ("expenditure", "total"), exp.total))


# --------------------------------------------------------------------------------- 2. 收支总计
def grand_total_balance(report: Report) -> Iterator[Finding]:
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
    yield from compare_sums("收支总计", income, expenditure, "收入总计：")


def _income_total_path(report: Report) -> Path:
    """Where 本年收入合计 is written (the section when it is derived)."""
    return ("income", "total") if report.income.total is not None else ("income",)


def _expenditure_total_path(report: Report) -> Path:
    """Where 本年支出合计 is written (the section when it is derived)."""
    return ("expenditure", "total") if report.expenditure.total is not None else ("expenditure",)


def fiscal_balance(report: Report) -> Iterator[Finding]:
    """Per appropriation fund: 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余 (DOMAIN §6.1 rules 4, 7)."""
    for fund in FISCAL_FUNDS:
        field = FUND_INCOME_FIELDS[fund]
        income = Side((
            Figure("年初财政拨款结转和结余", ("fiscal", "carry_in", field), report.fiscal.carry_in.of(fund)),
            Figure("本年收入", ("income", field), getattr(report.income, field)),
        ))
        spent = Side((
            Figure("本年支出", _fund_expenditure_path(report, fund), report.fund_expenditure(fund)),
            Figure("年末财政拨款结转和结余", ("fiscal", "carry_out", field), report.fiscal.carry_out.of(fund)),
        ))
        yield from compare_sums("财政拨款收支", income, spent, f"{fund}财政拨款：")


def _fund_expenditure_path(report: Report, fund: Fund) -> Path:
    """Where a fund's expenditure is written: the stated total, else the account lines."""
    if fund == "一般公共预算" and report.general_budget.total is not None:
        return ("general_budget", "total")
    return ("accounts",)


# --------------------------------------------------------------------------- 3. 类 = Σ 项, 类 → 总额
def general_budget_lines_at(report: Report) -> list[tuple[int, AccountLine]]:
    """The 一般公共预算 项 lines in code order, each with its index in `accounts` (for its path)."""
    found = [(i, a) for i, a in enumerate(report.accounts) if a.fund == "一般公共预算"]
    return sorted(found, key=lambda pair: pair[1].code)


def general_budget_lines(report: Report) -> Iterator[Finding]:
    """The 项 lines of 一般公共预算 add up to the stated 一般公共预算财政拨款支出 (SPEC §7.3; K1)."""
    stated = report.general_budget.total
    lines = report.general_budget_lines
    if stated is None or not lines:
        return
    parts = tuple(Figure(line.code, ("accounts", i), line.actual) for i, line in general_budget_lines_at(report))
    left = Side(parts, "一般公共预算财政拨款支出的项级科目", ("accounts",))
    right = single("一般公共预算财政拨款支出", ("general_budget", "total"), stated)
    yield from compare_sums("类款项合计", left, right)


def class_lines(report: Report) -> Iterator[Finding]:
    """Each stated 类 total equals the sum of its 项 lines (SPEC §7.3; K2)."""
    table = code_table(report)
    lines = general_budget_lines_at(report)
    for code, stated in report.general_budget.class_totals.items():
        name = class_name(table, code)
        parts = tuple(Figure(a.code, ("accounts", i), a.actual) for i, a in lines if a.class_code == code)
        left = Side(parts, f"{name}的项级科目", ("accounts",))
        right = single(name, ("general_budget", "class_totals", code), stated)
        yield from compare_sums("类款项合计", left, right)


def class_totals_sum(report: Report) -> Iterator[Finding]:
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
    yield from compare_sums("类款项合计", Side(parts), right)


# ------------------------------------------------------------------- 4. 项 split, 基本支出 = 人员 + 公用
def expenditure_by_kind(report: Report) -> Iterator[Finding]:
    """Per kind (基本/项目/…), the 项 lines add up to the stated 本年支出 of that kind (T03 合计 = Σ 项)."""
    if not report.accounts:
        return
    for kind in EXPENDITURE_KINDS:
        label = EXPENDITURE_NAMES[kind]
        parts = tuple(Figure(a.code, ("accounts", i, kind), getattr(a, kind)) for i, a in enumerate(report.accounts))
        left = Side(parts, f"各项级科目的{label}", ("accounts",))
        right = single(f"本年{label}", ("expenditure", kind), getattr(report.expenditure, kind))
        yield from compare_sums("基本支出和项目支出", left, right)


def basic_lines_vs_economic(report: Report) -> Iterator[Finding]:
    """The 基本支出 of the 一般公共预算 项 lines equals 基本支出 by economic class (T06 = T08, D-006)."""
    be = report.basic_expenditure
    if be.total is None and not be.items:
        return
    parts = tuple(Figure(a.code, ("accounts", i, "basic"), a.basic) for i, a in general_budget_lines_at(report))
    left = Side(parts, "一般公共预算各项级科目的基本支出", ("accounts",))
    path: Path = ("basic_expenditure", "total") if be.total is not None else ("basic_expenditure", "items")
    yield from compare_sums("基本支出和项目支出", left, single("一般公共预算财政拨款基本支出", path, be.amount))


def basic_split(report: Report) -> Iterator[Finding]:
    """基本支出 = 人员经费 + 公用经费 (SPEC §7.4)."""
    be = report.basic_expenditure
    if be.total is None:
        return
    personnel = ("basic_expenditure", "personnel_total" if be.personnel_total is not None else "items")
    public = ("basic_expenditure", "public_total" if be.public_total is not None else "items")
    left = Side((Figure("人员经费", personnel, be.personnel), Figure("公用经费", public, be.public)))
    yield from compare_sums("人员经费和公用经费", left, single("基本支出", ("basic_expenditure", "total"), be.total))


def personnel_items(report: Report) -> Iterator[Finding]:
    """人员经费 = the sum of its economic items (301, 303) (SPEC §7.4)."""
    be = report.basic_expenditure
    if be.personnel_total is None or not be.personnel_items:
        return
    left = _economic_side(report, personnel=True, group="人员经费各经济分类科目")
    right = single("人员经费", ("basic_expenditure", "personnel_total"), be.personnel_total)
    yield from compare_sums("人员经费和公用经费", left, right)


def public_items(report: Report) -> Iterator[Finding]:
    """公用经费 = the sum of its economic items (302, 307, 310, 399) (SPEC §7.4; K3)."""
    be = report.basic_expenditure
    if be.public_total is None or not be.public_items:
        return
    left = _economic_side(report, personnel=False, group="公用经费各经济分类科目")
    right = single("公用经费", ("basic_expenditure", "public_total"), be.public_total)
    yield from compare_sums("人员经费和公用经费", left, right)


def _economic_side(report: Report, *, personnel: bool, group: str) -> Side:
    """The 人员经费 or 公用经费 items as one grouped side."""
    items = report.basic_expenditure.items
    parts = tuple(
        Figure(item.code, ("basic_expenditure", "items", i, "amount"), item.amount)
        for i, item in enumerate(items)
        if item.is_personnel == personnel
    )
    return Side(parts, group, ("basic_expenditure", "items"))


# ---------------------------------------------------------------------------------------- 5. 三公
def vehicles_bought(report: Report) -> Iterator[Finding]:
    """公务用车购置费 = Σ per-type purchase amounts; a type bought has both a count and an amount (SPEC §7.5)."""
    sg = report.sangong
    parts = tuple(
        Figure(f"{VEHICLE_TYPE_NAMES[t]}购置金额", ("sangong", "vehicles_bought", t, "amount"), c.amount)
        for t, c in sg.vehicles_bought.items()
    )
    right = single("公务用车购置费决算数", ("sangong", "actual", "vehicle_purchase"), sg.actual.vehicle_purchase)
    if any(p.amount for p in parts):
        yield from compare_sums("三公经费", Side(parts), right)
    for vtype, count in sg.vehicles_bought.items():
        if (count.count == 0) != (count.amount == 0):
            path = render(("sangong", "vehicles_bought", vtype))
            label = VEHICLE_TYPE_NAMES[vtype]
            message = f"购置{label} {count.count} 辆、金额 {show(count.amount)}：辆数与金额应同为 0 或同不为 0"
            yield Finding(ERROR, "三公经费", message, (path,), (count.count, count.amount))


def vehicles_held(report: Report) -> Iterator[Finding]:
    """Vehicles held at year end: 七's count by body type equals 十（三）'s count by use."""
    held = report.sangong.vehicles_held.count
    by_use = report.assets.vehicles.count
    if report.assets.vehicle_statement or held == by_use:
        return
    message = f"年末公务用车保有量按车型合计 {held} 辆，与国有资产占有使用情况按用途合计 {by_use} 辆不一致"
    paths = (render(("sangong", "vehicles_held")), render(("assets", "vehicles")))
    yield Finding(ERROR, "三公经费", message, paths, (held, by_use))


def receptions(report: Report) -> Iterator[Finding]:
    """公务接待费 = 国内公务接待 + 外事接待 amounts (DOMAIN §6.1 rule 18)."""
    sg = report.sangong
    left = Side((
        Figure("国内公务接待费", ("sangong", "domestic_reception", "amount"), sg.domestic_reception.amount),
        Figure("外事接待费", ("sangong", "foreign_reception", "amount"), sg.foreign_reception.amount),
    ))
    yield from compare_sums("三公经费", left, single("公务接待费决算数", ("sangong", "actual", "reception"),
                                                   sg.actual.reception))


def sangong_economic_items(report: Report) -> Iterator[Finding]:
    """The 三公 economic items (30212, 30217, 30231, 31013) do not exceed the 三公 决算 components (D-rule 12)."""
    table = code_table(report)
    if table is None:
        return
    tp, actual = table.three_public, report.sangong.actual
    limits = {
        tp.outbound: ("因公出国（境）费", "abroad", actual.abroad),
        tp.reception: ("公务接待费", "reception", actual.reception),
        tp.vehicle_running: ("公务用车运行维护费", "vehicle_running", actual.vehicle_running),
        tp.vehicle_purchase: ("公务用车购置费", "vehicle_purchase", actual.vehicle_purchase),
    }
    for code, (label, field, limit) in limits.items():
        used = _economic_amounts(report, code)
        amount = total(a for _, a in used)
        if used and amount > limit:
            message = (f"经济分类科目 {code} 合计 {show(amount)}，超过“三公”经费中{label}决算数 {show(limit)}"
                       f"（相差 {show(amount - limit)}）")
            paths = (*(render(p) for p, _ in used), render(("sangong", "actual", field)))
            yield Finding(ERROR, "三公经费", message, paths, (amount, limit, amount - limit))


def _economic_amounts(report: Report, code: str) -> list[tuple[Path, Decimal]]:
    """The basic and project economic items under `code`, with their paths."""
    found: list[tuple[Path, Decimal]] = [
        (("basic_expenditure", "items", i, "amount"), item.amount)
        for i, item in enumerate(report.basic_expenditure.items)
        if item.code == code
    ]
    found += [(("project_expenditure", i, "amount"), item.amount)
              for i, item in enumerate(report.project_expenditure) if item.code == code]
    return found


# ------------------------------------------------------------------------ 6. rates and year over year
def zero_budget_rates(report: Report) -> Iterator[Finding]:
    """提示 when a 三公 completion rate would divide by a zero budget (“完成预算的0%”, E17).

    A 三公 budget of 0 as a whole gives one finding; otherwise each component the document states a
    rate for (公务用车购置及运行维护费, 公务接待费) is judged on its own.
    """
    if report.publication.no_budget:
        return  # the document words a budget of 0 (`年初未安排预算`) and prints no rate
    sg = report.sangong
    vehicles: tuple[Path, ...] = (("sangong", "budget", "vehicle_purchase"), ("sangong", "budget", "vehicle_running"))
    checks: tuple[tuple[str, Decimal, Decimal, tuple[Path, ...]], ...] = (
        ("公务用车购置及运行维护费", sg.budget.vehicles, sg.actual.vehicles, vehicles),
        ("公务接待费", sg.budget.reception, sg.actual.reception, (("sangong", "budget", "reception"),)),
    )
    if sg.budget.amount == 0:
        checks = (("“三公”经费", sg.budget.amount, sg.actual.amount, (("sangong", "budget"),)),)
    for label, budget, actual, paths in checks:
        if budget != 0:
            continue
        message = (f"{label}预算数为 0、决算数为 {show(actual)}：完成预算的百分比无从计算（除数为 0），"
                   "不应写作“完成预算的0%”")
        yield Finding(NOTICE, "完成率", message, tuple(render(p) for p in paths), (budget, actual))
    yield from _zero_budget_lines(report)


def _zero_budget_lines(report: Report) -> Iterator[Finding]:
    """The same for 五（三）: the 一般公共预算 total and each 项 line with a stated budget of 0."""
    stated: list[tuple[str, Decimal | None, Decimal, Path]] = [
        ("一般公共预算财政拨款支出", report.general_budget.budget, report.general_budget_total,
         ("general_budget", "budget")),
    ]
    stated += [(f"科目 {a.code} ", a.budget, a.actual, ("accounts", i, "budget"))
               for i, a in enumerate(report.accounts) if a.fund == "一般公共预算"]
    for label, budget, actual, path in stated:
        if budget is not None and budget == 0:
            message = f"{label}全年预算数为 0、决算数为 {show(actual)}：完成预算的百分比无从计算（除数为 0）"
            yield Finding(NOTICE, "完成率", message, (render(path),), (budget, actual))


@attrs.frozen
class Comparison:
    """A figure compared with last year: its name, this year's amount, last year's and the stated reason."""

    label: str
    current: Decimal
    prior: Decimal | None
    prior_path: Path
    reason: str
    reason_path: Path


def comparisons(report: Report) -> list[Comparison]:
    """The year-over-year comparisons the document states."""
    r = report
    sg_prior = r.sangong.prior.amount if r.sangong.prior is not None else None
    return [
        Comparison("收支总计", r.income_grand_total, r.totals.prior, ("totals", "prior"), r.totals.reason,
                   ("totals", "reason")),
        Comparison("财政拨款收支总计", r.fiscal_income_grand_total, r.fiscal.comparison.prior,
                   ("fiscal", "comparison", "prior"), r.fiscal.comparison.reason, ("fiscal", "comparison", "reason")),
        Comparison("一般公共预算财政拨款支出", r.general_budget_total, r.general_budget.comparison.prior,
                   ("general_budget", "comparison", "prior"), r.general_budget.comparison.reason,
                   ("general_budget", "comparison", "reason")),
        Comparison("机关运行经费", r.running_cost.amount, r.running_cost.prior, ("running_cost", "prior"),
                   r.running_cost.reason, ("running_cost", "reason")),
        Comparison("“三公”经费", r.sangong.actual.amount, sg_prior, ("sangong", "prior"), "", ()),
    ]


def prior_year(report: Report) -> Iterator[Finding]:
    """Last year's figures are amounts: never negative (SPEC §7.6)."""
    for c in comparisons(report):
        if c.prior is not None and c.prior < 0:
            message = f"上年{c.label} {show(c.prior)} 为负数，无法与本年 {show(c.current)} 比较"
            yield Finding(ERROR, "上年比较", message, (render(c.prior_path),), (c.prior, c.current))


_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)万元")


def reason_amounts(report: Report) -> Iterator[Finding]:
    """提示 when the amounts a change's reason lists add up to more than the change itself (E25)."""
    seen: dict[tuple[str, Decimal], list[Comparison]] = {}
    for c in comparisons(report):
        if c.prior is not None and c.reason and c.current != c.prior:
            seen.setdefault((c.reason, c.current - c.prior), []).append(c)
    for (reason, delta), group in seen.items():
        listed = [Decimal(m) for m in _AMOUNT.findall(reason)]
        if len(listed) < 2 or total(listed) <= abs(delta):
            continue
        word = "增加" if delta > 0 else "减少"
        labels = "、".join(c.label for c in group)
        message = (f"{labels}{word} {show(abs(delta))}，而原因中列举的金额 {' + '.join(show(x) for x in listed)}"
                   f" = {show(total(listed))}，超过{word}额（若其他项目有反向变动可不改，请核对）")
        paths = tuple(render(c.reason_path) for c in group)
        yield Finding(NOTICE, "变动原因", message, paths, (total(listed), abs(delta)))


# ------------------------------------------------------------------------- 7. the same figure twice
@attrs.frozen
class Form:
    """A self-evaluation form of 第四部分 with where it is written and how messages name it."""

    name: str
    label: str
    path: Path
    form: DepartmentSelfEvaluation | TransferSelfEvaluation | ProjectSelfEvaluation


def forms(report: Report) -> list[Form]:
    """The self-evaluation forms in document order: 部门整体, 转移支付, 项目."""
    p = report.performance
    found: list[Form] = []
    if p.department_table is not None:
        t = p.department_table
        found.append(Form(t.title, "部门整体支出绩效目标自评表", ("performance", "department_table"), t))
    found += [Form(t.name, f"“{t.name}”自评表", ("performance", "transfer_tables", i), t)
              for i, t in enumerate(p.transfer_tables)]
    found += [Form(t.name, f"“{t.name}”自评表", ("performance", "project_tables", i), t)
              for i, t in enumerate(p.project_tables)]
    return found


def find_form(all_forms: Sequence[Form], name: str) -> Form | None:
    """The form named `name` exactly, else the one whose name ends with it (a title with its region)."""
    exact = [f for f in all_forms if f.name == name]
    loose = [f for f in all_forms if f.name.endswith(name)]
    return next(iter(exact or loose), None)


def scores_stated_twice(report: Report) -> Iterator[Finding]:
    """A 自评得分 in 十（四） equals the score of the self-evaluation form it names (SPEC §7.7; K4)."""
    all_forms = forms(report)
    for i, s in enumerate(report.performance_management.scores):
        if not s.evaluation or not all_forms:
            continue
        path: Path = ("performance_management", "scores", i)
        form = find_form(all_forms, s.evaluation)
        if form is None:
            message = f"第二部分十（四）“{s.subject}”所对应的自评表“{s.evaluation}”在第四部分附件中找不到"
            yield Finding(ERROR, "同一数字两处", message, (render((*path, "evaluation")),), (s.evaluation,))
            continue
        first = Figure(f"第二部分十（四）“{s.subject}”自评得分", (*path, "score"), Decimal(s.score))
        second = Figure(f"{form.label}的自评得分", (*form.path, "score"), form.form.score)
        yield from stated_twice("同一数字两处", first, second, unit="分")


_SCORE = re.compile(r"(?:自评得分|综合评价|评价得分)(?:为)?(\d+(?:\.\d+)?)分")


def report_scores(report: Report) -> Iterator[Finding]:
    """A score a written evaluation report states equals its self-evaluation form's score (E6, E7)."""
    p = report.performance
    pairs: list[tuple[EvaluationReport, Path, Form | None]] = []
    all_forms = forms(report)
    if p.department_report is not None:
        dept = [f for f in all_forms if isinstance(f.form, DepartmentSelfEvaluation)]
        pairs.append((p.department_report, ("performance", "department_report"), next(iter(dept), None)))
    for i, rep in enumerate(p.project_reports):
        named = sorted((f for f in all_forms if f.name in rep.title), key=lambda f: -len(f.name))
        pairs.append((rep, ("performance", "project_reports", i), next(iter(named), None)))
    for rep, path, form in pairs:
        if form is not None:
            yield from _report_score(rep, path, form)


def _report_score(rep: EvaluationReport, path: Path, form: Form) -> Iterator[Finding]:
    """Every score a report's paragraphs state, compared with its form's score."""
    for k, section in enumerate(rep.sections):
        for j, text in enumerate(section.paragraphs):
            for match in _SCORE.finditer(text):
                where = (*path, "sections", k, "paragraphs", j)
                first = Figure(f"《{rep.title}》所写的自评得分", where, Decimal(match.group(1)))
                second = Figure(f"{form.label}的自评得分", (*form.path, "score"), form.form.score)
                yield from stated_twice("同一数字两处", first, second, unit="分")


def department_budget(report: Report) -> Iterator[Finding]:
    """部门整体自评表 一般公共预算 全年预算数/执行数 equal 五（三）'s (SPEC §7.7; K5)."""
    table = report.performance.department_table
    if table is None:
        return
    row, row_field = _general_budget_row(table.funding)
    base: Path = ("performance", "department_table", "funding", row_field)
    gb_budget, gb_total = report.general_budget_budget, report.general_budget_total
    if row.annual_budget is not None and _budget_stated(report):
        note = _rates_note(row, gb_total, gb_budget)
        first = Figure("部门整体支出绩效目标自评表一般公共预算全年预算数", (*base, "annual_budget"), row.annual_budget)
        second = Figure("第二部分五（三）一般公共预算财政拨款支出全年预算数", _budget_path(report), gb_budget)
        yield from stated_twice("同一数字两处", first, second, note)
    if row.executed is not None:
        first = Figure("部门整体支出绩效目标自评表一般公共预算全年执行数", (*base, "executed"), row.executed)
        second = Figure("一般公共预算财政拨款支出", _fund_expenditure_path(report, "一般公共预算"), gb_total)
        yield from stated_twice("同一数字两处", first, second)


def _general_budget_row(funding: Funding) -> tuple[FundingRow, str]:
    """The form's 1.一般公共预算 line, or 年度资金总额 when that line is blank."""
    if not funding.general_budget.is_blank:
        return funding.general_budget, "general_budget"
    return funding.total, "total"


def _budget_stated(report: Report) -> bool:
    """Whether the data states a 一般公共预算 全年预算数 (as a total or on any 项 line)."""
    return report.general_budget.budget is not None or any(a.budget is not None for a in report.general_budget_lines)


def _budget_path(report: Report) -> Path:
    """Where the 一般公共预算 全年预算数 is written: stated, else the lines' budgets."""
    return ("general_budget", "budget") if report.general_budget.budget is not None else ("accounts",)


def _rates_note(row: FundingRow, actual: Decimal, budget: Decimal) -> str:
    """The two completion rates that differ along with the budgets, for the message."""
    ours = percent(actual, budget, 2)
    theirs = row.rate
    if theirs is None or ours is None or theirs == ours:
        return ""
    return f"；执行率 {show(theirs)}% 与完成预算的 {show(ours)}% 随之不同"


FUNDING_LABELS = {
    "total": "年度资金总额",
    "appropriation": "（一）财政拨款小计",
    "general_budget": "1.一般公共预算",
    "government_fund": "2.政府性基金",
    "state_capital": "3.国有资本经营预算",
    "other": "（二）其他资金",
    "central": "中央财政资金",
    "local": "地方财政资金",
}
COLUMN_LABELS = {"initial_budget": "年初预算数", "annual_budget": "全年预算数", "executed": "全年执行数"}


def funding_sums(report: Report) -> Iterator[Finding]:
    """In each form's funding block: 总额 = 财政拨款小计 + 其他资金; 小计 = the three funds (中央 + 地方 + 其他)."""
    for form in forms(report):
        funding = form.form.funding
        if isinstance(funding, TransferFunding):
            yield from _funding_sum(form, funding, "total", ("central", "local", "other"))
        else:
            yield from _funding_sum(form, funding, "total", ("appropriation", "other"))
            yield from _funding_sum(form, funding, "appropriation", ("general_budget", "government_fund",
                                                                     "state_capital"))


def _funding_sum(
    form: Form, funding: Funding | TransferFunding, whole: str, parts: Sequence[str]
) -> Iterator[Finding]:
    """One comparison per column (年初预算数/全年预算数/全年执行数): `whole` against the sum of `parts`."""
    base: Path = (*form.path, "funding")
    for column, column_label in COLUMN_LABELS.items():
        stated = getattr(getattr(funding, whole), column)
        values = [(p, getattr(getattr(funding, p), column)) for p in parts]
        if stated is None or all(v is None for _, v in values):
            continue
        left = Side(tuple(Figure(FUNDING_LABELS[p], (*base, p, column), v or ZERO) for p, v in values))
        right = single(FUNDING_LABELS[whole], (*base, whole, column), stated)
        yield from compare_sums("自评表资金", left, right, f"{form.label}{column_label}：")


# --------------------------------------------------------------------------- 8. indicators (提示)
_QUANTITY = re.compile(r"(\d+(?:\.\d+)?)\s*(万)?\s*([^\d\s.%％]*)")


def quantity(actual: str) -> tuple[Decimal, str] | None:
    """An indicator value's amount and unit (`8.5万人` → (85000, '人')); None for rates and words.

    >>> quantity("8.5万人"), quantity("85000人"), quantity("98%"), quantity("优")
    ((Decimal('85000.0'), '人'), (Decimal('85000'), '人'), None, None)
    """
    text = actual.strip().lstrip("≥≤=＝><约")
    match = _QUANTITY.fullmatch(text)
    if match is None:
        return None
    amount = Decimal(match.group(1)) * (10000 if match.group(2) else 1)
    return amount, match.group(3)


def same_quantity(a: tuple[Decimal, str], b: tuple[Decimal, str]) -> bool:
    """Whether two indicator quantities agree (a missing unit matches any unit)."""
    return a[0] == b[0] and (a[1] == b[1] or not a[1] or not b[1])


def repeated_indicators(report: Report) -> Iterator[Finding]:
    """提示: the same 三级指标 wording with different 实际完成值 (counts, not rates) in two forms (SPEC §7.8; K6).

    Rates and satisfaction scores belong to their own project and may differ; a count with the same
    wording (城镇新增就业人数) describes one fact of the year.
    """
    by_name: dict[str, list[tuple[Form, int, Indicator, tuple[Decimal, str]]]] = {}
    for form in forms(report):
        for i, row in enumerate(form.form.indicators):
            q = quantity(row.actual)
            if q is not None:
                by_name.setdefault(row.name, []).append((form, i, row, q))
    for name, rows in by_name.items():
        distinct = [r for k, r in enumerate(rows) if not any(same_quantity(r[3], s[3]) for s in rows[:k])]
        if len(distinct) < 2 or len({id(r[0]) for r in rows}) < 2:
            continue
        stated = "，".join(f"{form.label}为“{row.actual}”" for form, _, row, _ in rows)
        message = f"同一三级指标“{name}”的实际完成值不同：{stated}"
        paths = tuple(render((*form.path, "indicators", i, "actual")) for form, i, _, _ in rows)
        yield Finding(NOTICE, "指标完成值", message, paths, tuple(row.actual for _, _, row, _ in rows))


_COUNT_WORD = "人数|人次|数量|个数|次数|件数|户数"


def achievement_text(report: Report) -> Iterator[Finding]:
    """提示: a form's 全年实际完成情况 text states an indicator's count other than its 实际完成值 (E9).

    The indicator is found in the text by its wording without the trailing count word (`…保费人数` →
    `…保费`), followed directly by a number and unit (`…保费10316人`).
    """
    for form in forms(report):
        for i, row in enumerate(form.form.indicators):
            stated = quantity(row.actual)
            if stated is None or not stated[1]:
                continue
            for text in _counts_in_text(form.form.achieved, row.name):
                written = quantity(text)
                if written is not None and not same_quantity(stated, written):
                    message = (f"{form.label}三级指标“{row.name}”的实际完成值为“{row.actual}”，"
                               f"而全年实际完成情况写作“{text}”")
                    paths = (render((*form.path, "indicators", i, "actual")), render((*form.path, "achieved")))
                    yield Finding(NOTICE, "指标完成值", message, paths, (row.actual, text))


def _counts_in_text(text: str, name: str) -> list[str]:
    """The numbers with units that `text` writes right after the indicator `name` (count word optional)."""
    stem = re.sub(f"({_COUNT_WORD}|数)$", "", name)
    if len(stem) < 4:
        return []
    pattern = re.escape(stem) + f"(?:{_COUNT_WORD})?(?:为|达到|达|完成)?" + r"(\d+(?:\.\d+)?万?[^\d\s，。、；,;]*)"
    return [m.group(1) for m in re.finditer(pattern, text)]


_BREAKDOWN = re.compile(r"(?:总数|总编制|总计|共计|共有)(\d+)(人|名|个)，其中：?([^。；]*)")
_ASIDE = re.compile(r"（[^）]*）|\([^)]*\)")


def text_breakdowns(report: Report) -> Iterator[Finding]:
    """提示: a report's `总数N人，其中：a人，b人…` whose parts do not add up to N (E19).

    Parenthesised asides (`（含划转3人）`) are not parts. A single part is taken for a partial
    breakdown (`其中女性3人`) and not judged.
    """
    for rep, path in _reports(report):
        for k, section in enumerate(rep.sections):
            for j, text in enumerate(section.paragraphs):
                for match in _BREAKDOWN.finditer(text):
                    stated, unit = int(match.group(1)), match.group(2)
                    parts = [int(x) for x in re.findall(r"(\d+)" + unit, _ASIDE.sub("", match.group(3)))]
                    if len(parts) < 2 or sum(parts) == stated:
                        continue
                    shown = " + ".join(map(str, parts))
                    message = (f"《{rep.title}》写“{match.group(0)[:24]}…”：总数 {stated}{unit}，"
                               f"其中各项 {shown} = {sum(parts)}{unit}，相差 {abs(stated - sum(parts))}{unit}")
                    where = render((*path, "sections", k, "paragraphs", j))
                    yield Finding(NOTICE, "文中分项", message, (where,), (stated, sum(parts)))


def _reports(report: Report) -> list[tuple[EvaluationReport, Path]]:
    """The written evaluation reports of 第四部分 with their paths."""
    p = report.performance
    found: list[tuple[EvaluationReport, Path]] = [
        (rep, ("performance", "project_reports", i)) for i, rep in enumerate(p.project_reports)
    ]
    if p.department_report is not None:
        found.insert(0, (p.department_report, ("performance", "department_report")))
    return found


# ----------------------------------------------------------------- economic ↔ functional, glossary
ECONOMIC_TO_FUNCTIONAL = {
    "30108": ("2080505",),
    "30109": ("2080506",),
    "30110": ("2101101", "2101102"),
    "30113": ("2210201",),
}
"""Contributions booked under one economic code and, as 基本支出, under fixed 项 (DOMAIN §6.1 rule 13)."""


def contributions(report: Report) -> Iterator[Finding]:
    """提示: a contribution item (30108 养老保险 …) differs from its wholly-基本支出 项 lines (30108 = 2080505 …)."""
    for code, functional in ECONOMIC_TO_FUNCTIONAL.items():
        items = [(i, it) for i, it in enumerate(report.basic_expenditure.items) if it.code == code]
        matched = [(k, a) for k, a in enumerate(report.accounts) if a.fund == "一般公共预算" and a.code in functional]
        if not items or not matched or any(a.actual != a.basic for _, a in matched):
            continue
        left = Side(tuple(Figure(f"经济分类科目 {code}", ("basic_expenditure", "items", i, "amount"), it.amount)
                          for i, it in items))
        right = Side(tuple(Figure(f"科目 {a.code} 基本支出", ("accounts", k, "basic"), a.basic) for k, a in matched))
        for finding in compare_sums("经济分类与功能分类", left, right):
            yield attrs.evolve(finding, level=NOTICE)


def glossary_entries(report: Report) -> Iterator[Finding]:
    """提示: each 一般公共预算 项 line needs its 名词解释 text (第三部分, one entry per line; DOMAIN rule 20)."""
    table = code_table(report)
    for i, line in enumerate(report.accounts):
        if line.fund != "一般公共预算" or line.explanation.strip():
            continue
        name = line.name or (table.functional.get(line.code, "") if table else "")
        message = f"科目 {line.code} {name} 没有名词解释（第三部分须为每个项级科目写一条说明）"
        yield Finding(NOTICE, "名词解释", message, (render(("accounts", i, "explanation")),), (line.code,))


# ------------------------------------------------------------------------------------ 10. 政府采购
def procurement(report: Report) -> Iterator[Finding]:
    """政府采购: total = 货物 + 工程 + 服务; 授予中小企业 = Σ by kind; parts never exceed their whole."""
    pr = report.procurement
    if pr.total is not None:
        kinds = Side((Figure("货物", ("procurement", "goods"), pr.goods),
                      Figure("工程", ("procurement", "works"), pr.works),
                      Figure("服务", ("procurement", "services"), pr.services)))
        yield from compare_sums("政府采购", kinds, single("政府采购支出总额", ("procurement", "total"), pr.total))
    sme_kinds = Side((Figure("货物授予中小企业", ("procurement", "goods_sme"), pr.goods_sme),
                      Figure("工程授予中小企业", ("procurement", "works_sme"), pr.works_sme),
                      Figure("服务授予中小企业", ("procurement", "services_sme"), pr.services_sme)))
    if sme_kinds.amount:
        yield from compare_sums("政府采购", sme_kinds, single("授予中小企业合同金额", ("procurement", "sme"), pr.sme))
    for part, whole in (("sme", "total"), ("small_micro", "sme"), ("goods_sme", "goods"),
                        ("works_sme", "works"), ("services_sme", "services")):
        yield from _not_above(report, part, whole)


PROCUREMENT_LABELS = {
    "sme": "授予中小企业合同金额", "small_micro": "授予小微企业合同金额", "total": "政府采购支出总额",
    "goods": "货物采购", "works": "工程采购", "services": "服务采购",
    "goods_sme": "货物采购授予中小企业", "works_sme": "工程采购授予中小企业", "services_sme": "服务采购授予中小企业",
}


def _not_above(report: Report, part: str, whole: str) -> Iterator[Finding]:
    """An 错误 when a procurement part exceeds the whole it belongs to."""
    pr = report.procurement
    a = getattr(pr, part)
    b = pr.amount if whole == "total" else getattr(pr, whole)
    if a > b:
        names = PROCUREMENT_LABELS[part], PROCUREMENT_LABELS[whole]
        message = f"{names[0]} {show(a)} 超过{names[1]} {show(b)}（相差 {show(a - b)}）"
        paths = (render(("procurement", part)), render(("procurement", whole)))
        yield Finding(ERROR, "政府采购", message, paths, (a, b, a - b))


RULES: tuple[Rule, ...] = (
    missing_sections,
    missing_breakdowns,
    income_sum,
    expenditure_sum,
    grand_total_balance,
    fiscal_balance,
    general_budget_lines,
    class_lines,
    class_totals_sum,
    expenditure_by_kind,
    basic_lines_vs_economic,
    basic_split,
    personnel_items,
    public_items,
    vehicles_bought,
    vehicles_held,
    receptions,
    sangong_economic_items,
    zero_budget_rates,
    prior_year,
    stated_rates,
    reason_amounts,
    scores_stated_twice,
    report_scores,
    department_budget,
    funding_sums,
    repeated_indicators,
    achievement_text,
    text_breakdowns,
    contributions,
    glossary_entries,
    code_year,
    account_codes,
    economic_codes,
    classification_names,
    procurement,
)
"""Every rule, in the order the checker runs them (by SPEC §7 item)."""
