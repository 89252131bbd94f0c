"""The report root: one department's 决算 for one year, and the figures derived from it.

Derived figures (收支总计, 财政拨款收支总计, class totals, shares' denominators) are properties, so a
sentence, a chart and a table that state the same figure read the same property.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Literal

import attrs

from juesuan_pdf.model.accounts import CodeTable, ancestors, is_functional, is_well_formed, named_table
from juesuan_pdf.model.department import Department
from juesuan_pdf.model.finance import (
    AccountLine,
    Balances,
    BasicExpenditure,
    EconomicItem,
    Expenditure,
    Fiscal,
    Fund,
    GeneralBudget,
    GrandTotals,
    Income,
    Sangong,
    group_by,
)
from juesuan_pdf.model.money import Rounding, total
from juesuan_pdf.model.other import Assets, PerformanceManagement, Procurement, RunningCost
from juesuan_pdf.model.performance import Performance


@attrs.frozen
class Acceptance:
    """A finding the publisher reviewed and publishes as it stands: its rule, one of its paths, and why.

    `values` pins the figures accepted, as the checker lists them (e.g. `["97", "86"]`): when a figure
    changes, the finding is an 错误 again. An entry without values still accepts its finding (older
    data files), with a 提示 asking to pin them.
    """

    rule: str
    path: str
    reason: str
    values: tuple[str, ...] = ()


@attrs.frozen
class Publication:
    """Publication facts and choices.

    - `date`: printed on the cover and used as the PDF creation date.
    - `glossary`: replaces the wording of generic 名词解释 entries, term → text.
    - `fonts`: font files by role (e.g. body → a licensed 仿宋_GB2312 file); unnamed roles use the bundled fonts.
    - `accepted`: findings reviewed and published as they stand (a document reproduced as once published).

    Document settings (README “文档样式设置”): each left out keeps the profile's wording, so an old data
    file builds the same document.

    - `profile`: the document profile by name (default: the Sichuan 2023 profile).
    - `change_places` / `change_rounding`: change rates (增长/下降 x%): 1 or 2 decimals, 四舍五入 or 截断.
    - `share_places` / `share_rounding`: shares and completion rates (占 x%, 完成预算的 x%), the same choices.
    - `trailing_zero`: a rate's trailing zeros kept (保留: `22.60%`, `100.00%`) or dropped (去掉: `22.6%`,
      `100%`, the default), for change rates and shares alike.
    - `prior_year_word`: `与2022年度相比` (年度) or `与2022年相比` (年), in every comparison.
    - `fund_year_word`, `appropriation_word`: 八/九's `2023年度政府性基金预算拨款支出`: 年 or 年度,
      预算拨款 or 预算财政拨款.
    - `totals_wording`: unequal 收、支总计 stated apart (分列) or as `收、支总计各是A、B万元` (各是).
    - `totals_basis`: the figures 一 and 图1 call 收、支总计: the 总计 (default) or, as some documents do,
      本年收入合计 and 本年支出合计 (本年合计); `[totals]` then gives last year's 本年合计.
    - `no_budget`: what a budget of 0 says instead of a completion rate (e.g. 年初未安排预算).
    - `empty_fund`: 八/九 for a fund with no income, lines or carry-overs: its amount (金额, `…预算拨款支出0万元。`)
      or that it has none (无, `…无政府性基金预算财政拨款收入，也没有使用…安排的支出。`).
    - `zero_foreign_reception`: 外事接待 of 0 with its batch clause (完整) or just `外事接待支出0万元。` (简写).
    - `headings`: profile heading texts replaced by key (`"overview.duties" = "一、主要职能"`).
    - `sentences`: profile sentence templates replaced by key (the README lists them), same slots only.
    - `numbered_duties`: false: 第一部分's paragraphs follow the heading without a `1.主要职能。` line.
    - `labels`: 公开表 and annex form words replaced by key (`"table.t13.reception" = "公务接待费用"`).
    - `table_titles`: 公开表 titles replaced by number (`8 = "一般公共预算财政拨款基本支出决算明细表"`).
    - `toc_levels`: the 目录 depth: 1 (parts only), 2 (parts and 一、, the default) or 3 (also （一）).
    """

    date: dt.date | None = None
    glossary: dict[str, str] = attrs.field(factory=dict)
    fonts: dict[str, str] = attrs.field(factory=dict)
    accepted: tuple[Acceptance, ...] = ()
    profile: str = ""
    change_places: Literal[1, 2] | None = None
    change_rounding: Rounding | None = None
    share_places: Literal[1, 2] | None = None
    share_rounding: Rounding | None = None
    trailing_zero: Literal["保留", "去掉"] | None = None
    prior_year_word: Literal["年", "年度"] | None = None
    fund_year_word: Literal["年", "年度"] | None = None
    appropriation_word: Literal["预算拨款", "预算财政拨款"] | None = None
    totals_wording: Literal["分列", "各是"] | None = None
    totals_basis: Literal["总计", "本年合计"] | None = None
    no_budget: str | None = None
    zero_foreign_reception: Literal["完整", "简写"] | None = None
    empty_fund: Literal["金额", "无"] | None = None
    headings: dict[str, str] = attrs.field(factory=dict)
    sentences: dict[str, str] = attrs.field(factory=dict)
    numbered_duties: bool | None = None
    table_titles: dict[str, str] = attrs.field(factory=dict)
    labels: dict[str, str] = attrs.field(factory=dict)
    toc_levels: Literal[1, 2, 3] | None = None


@attrs.frozen
class Report:
    """Everything one 部门决算公开 document states, as data."""

    year: int
    department: Department
    income: Income = Income()
    expenditure: Expenditure = Expenditure()
    balances: Balances = Balances()
    totals: GrandTotals = GrandTotals()
    fiscal: Fiscal = Fiscal()
    general_budget: GeneralBudget = GeneralBudget()
    accounts: tuple[AccountLine, ...] = ()
    basic_expenditure: BasicExpenditure = BasicExpenditure()
    project_expenditure: tuple[EconomicItem, ...] = ()
    sangong: Sangong = Sangong()
    running_cost: RunningCost = RunningCost()
    procurement: Procurement = Procurement()
    assets: Assets = Assets()
    performance_management: PerformanceManagement = PerformanceManagement()
    performance: Performance = Performance()
    publication: Publication = Publication()
    classification: dict[str, str] = attrs.field(factory=dict)
    given: frozenset[str] | None = attrs.field(default=None, kw_only=True)
    """The keys the data file wrote (dotted paths such as `sangong.actual`; a section written as "无"
    counts as given), filled by the loader; None for a report built in code (everything counts as given)."""

    written_none: frozenset[str] = attrs.field(factory=frozenset, kw_only=True)
    """The sections the data file wrote as “无” (also in `given`), filled by the loader."""

    def is_given(self, path: str) -> bool:
        """Whether the data file wrote `path` (always true for a report built in code)."""
        return self.given is None or path in self.given

    # 科目名称 -----------------------------------------------------------------------------------
    def codes(self) -> CodeTable:
        """The year's code table with this data file's own names (`[classification]`, a line's or an item's
        `name`) for the codes the table lacks: the one lookup every sentence, table and chart uses."""
        functional: dict[str, str] = {}
        economic: dict[str, str] = {}
        for code, name in self.classification.items():
            (functional if is_functional(code) else economic)[code] = name
        for line in self.accounts:
            if line.name:
                functional.setdefault(line.code, line.name)
        items = (*self.basic_expenditure.items, *self.project_expenditure)
        for item in items:
            if item.name:
                economic.setdefault(item.code, item.name)
        used = {c for line in self.accounts if is_well_formed(line.code) for c in ancestors(line.code)}
        used |= {c for item in items if is_well_formed(item.code) for c in ancestors(item.code)}
        used |= {c for c in self.general_budget.class_totals if is_well_formed(c)}
        return named_table(self.year, tuple(sorted(functional.items())), tuple(sorted(economic.items())),
                           tuple(sorted(used)))

    # 收支总计 ---------------------------------------------------------------------------------
    @property
    def income_grand_total(self) -> Decimal:
        """收入总计: 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余."""
        b = self.balances
        return self.income.amount + b.non_fiscal_surplus_used + b.carry_in

    @property
    def expenditure_grand_total(self) -> Decimal:
        """支出总计: 本年支出合计 + 结余分配 + 年末结转和结余."""
        b = self.balances
        return self.expenditure.amount + b.distribution + b.carry_out

    # 财政拨款 -----------------------------------------------------------------------------------
    def lines_of(self, fund: Fund) -> tuple[AccountLine, ...]:
        """Account lines financed from `fund`, in code order."""
        return tuple(sorted((a for a in self.accounts if a.fund == fund), key=lambda a: a.code))

    def fund_expenditure(self, fund: Fund) -> Decimal:
        """This year's expenditure from one fund: the stated 一般公共预算 total, else the sum of its lines."""
        if fund == "一般公共预算":
            return self.general_budget_total
        return total(a.actual for a in self.lines_of(fund))

    @property
    def fiscal_expenditure(self) -> Decimal:
        """财政拨款支出: the three appropriation funds."""
        return total(self.fund_expenditure(f) for f in ("一般公共预算", "政府性基金", "国有资本经营"))

    @property
    def fiscal_income_grand_total(self) -> Decimal:
        """财政拨款收入总计: 财政拨款收入 + 年初财政拨款结转和结余."""
        return self.income.fiscal + self.fiscal.carry_in.amount

    @property
    def fiscal_expenditure_grand_total(self) -> Decimal:
        """财政拨款支出总计: 财政拨款支出 + 年末财政拨款结转和结余."""
        return self.fiscal_expenditure + self.fiscal.carry_out.amount

    # 一般公共预算 -------------------------------------------------------------------------------
    @property
    def general_budget_lines(self) -> tuple[AccountLine, ...]:
        """The 项 lines of 一般公共预算财政拨款支出 (五（三）), in code order."""
        return self.lines_of("一般公共预算")

    @property
    def general_budget_lines_sum(self) -> Decimal:
        """The sum of the 一般公共预算 项 lines."""
        return total(a.actual for a in self.general_budget_lines)

    @property
    def general_budget_total(self) -> Decimal:
        """一般公共预算财政拨款支出: as stated, else the sum of its lines."""
        stated = self.general_budget.total
        return self.general_budget_lines_sum if stated is None else stated

    @property
    def general_budget_budget(self) -> Decimal:
        """一般公共预算 全年预算数: as stated, else the sum of the lines' budgets."""
        stated = self.general_budget.budget
        if stated is not None:
            return stated
        return total(a.budget or Decimal(0) for a in self.general_budget_lines)

    def general_budget_classes(self) -> list[tuple[str, Decimal]]:
        """(类 code, amount) of 一般公共预算 expenditure in code order: stated class totals, else sums."""
        stated = self.general_budget.class_totals
        return [
            (code, stated.get(code, total(a.actual for a in lines)))
            for code, lines in group_by(self.general_budget_lines, 3)
        ]

    def class_expenditure(self, fund: Fund) -> dict[str, Decimal]:
        """Expenditure per 类 from one fund, in code order: stated 一般公共预算 class totals, else line sums."""
        if fund == "一般公共预算":
            return dict(self.general_budget_classes())
        return {code: total(a.actual for a in lines) for code, lines in group_by(self.lines_of(fund), 3)}

    def class_expenditure_all(self, funds: Iterable[Fund] | None = None) -> dict[str, Decimal]:
        """Expenditure per 类 over several funds (every fund with lines by default), in code order."""
        chosen = tuple(funds) if funds is not None else tuple(dict.fromkeys(a.fund for a in self.accounts))
        result: dict[str, Decimal] = {}
        for fund in chosen:
            for code, amount in self.class_expenditure(fund).items():
                result[code] = result.get(code, Decimal(0)) + amount
        return dict(sorted(result.items()))

    def fund_split(self, fund: Fund) -> tuple[Decimal, Decimal]:
        """(基本支出, 项目支出) of one fund: 项目支出 sums the lines; 一般公共预算 基本支出 is the stated one (六)."""
        lines = self.lines_of(fund)
        basic = total(a.basic for a in lines)
        if fund == "一般公共预算":
            basic = self.basic_expenditure.amount
        return basic, total(a.project for a in lines)
