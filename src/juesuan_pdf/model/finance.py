"""Income, expenditure, carry-overs, functional account lines, 基本支出 items and 三公经费.

Figures are stored as the data gives them (stated totals included, so the checker can compare a stated
total with the sum of its parts). Every derived figure is a property here, computed exactly; rounding of
shares and rates happens only in `money.py`.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Literal

import attrs

from juesuan_pdf.model.money import ZERO, total

Fund = Literal[
    "一般公共预算", "政府性基金", "国有资本经营", "上级补助", "事业", "经营", "附属单位上缴", "其他"
]
FUNDS: tuple[Fund, ...] = typing.get_args(Fund)
FISCAL_FUNDS: tuple[Fund, ...] = ("一般公共预算", "政府性基金", "国有资本经营")

INCOME_SOURCES = (
    "general_budget", "gov_fund", "state_capital", "higher_subsidy", "business", "operating", "affiliated", "other",
)
"""Field names of `Income` in the order the document lists the sources."""

EXPENDITURE_KINDS = ("basic", "project", "remit_upper", "operating", "subsidy_affiliated")
"""Field names of `Expenditure` (and of an account line's split) in document order."""

INCOME_NAMES = {
    "general_budget": "一般公共预算财政拨款收入",
    "gov_fund": "政府性基金预算财政拨款收入",
    "state_capital": "国有资本经营预算财政拨款收入",
    "higher_subsidy": "上级补助收入",
    "business": "事业收入",
    "operating": "经营收入",
    "affiliated": "附属单位上缴收入",
    "other": "其他收入",
}
"""The official name of each income source, by `Income` field: one place for sentences, charts and checks."""

EXPENDITURE_NAMES = {
    "basic": "基本支出",
    "project": "项目支出",
    "remit_upper": "上缴上级支出",
    "operating": "经营支出",
    "subsidy_affiliated": "对附属单位补助支出",
}
"""The official name of each kind of expenditure, by `Expenditure` field."""


@attrs.frozen
class Income:
    """本年收入 by source; `total` is 本年收入合计 as stated (None: the sum of the sources)."""

    general_budget: Decimal = ZERO
    gov_fund: Decimal = ZERO
    state_capital: Decimal = ZERO
    higher_subsidy: Decimal = ZERO
    business: Decimal = ZERO
    operating: Decimal = ZERO
    affiliated: Decimal = ZERO
    other: Decimal = ZERO
    total: Decimal | None = None

    def items(self) -> list[tuple[str, Decimal]]:
        """(source field name, amount) in document order."""
        return [(name, getattr(self, name)) for name in INCOME_SOURCES]

    @property
    def sum_of_sources(self) -> Decimal:
        """The sum of the eight sources."""
        return total(amount for _, amount in self.items())

    @property
    def amount(self) -> Decimal:
        """本年收入合计: the stated total, else the sum of the sources."""
        return self.sum_of_sources if self.total is None else self.total

    @property
    def fiscal(self) -> Decimal:
        """财政拨款收入: the three appropriation sources."""
        return self.general_budget + self.gov_fund + self.state_capital


@attrs.frozen
class Expenditure:
    """本年支出 by kind; `total` is 本年支出合计 as stated (None: the sum of the kinds)."""

    basic: Decimal = ZERO
    project: Decimal = ZERO
    remit_upper: Decimal = ZERO
    operating: Decimal = ZERO
    subsidy_affiliated: Decimal = ZERO
    total: Decimal | None = None

    def items(self) -> list[tuple[str, Decimal]]:
        """(kind field name, amount) in document order."""
        return [(name, getattr(self, name)) for name in EXPENDITURE_KINDS]

    @property
    def sum_of_kinds(self) -> Decimal:
        """The sum of the five kinds."""
        return total(amount for _, amount in self.items())

    @property
    def amount(self) -> Decimal:
        """本年支出合计: the stated total, else the sum of the kinds."""
        return self.sum_of_kinds if self.total is None else self.total


@attrs.frozen
class Balances:
    """结转结余: what enters the 收支总计 besides this year's income and expenditure."""

    non_fiscal_surplus_used: Decimal = ZERO
    carry_in: Decimal = ZERO
    distribution: Decimal = ZERO
    carry_out: Decimal = ZERO


@attrs.frozen
class YearOnYear:
    """A figure's prior-year value and the reason for the change (free text, may be empty)."""

    prior: Decimal | None = None
    reason: str = ""


@attrs.frozen
class GrandTotals:
    """Last year's 收入总计 and 支出总计 (收支总计 of 一, 财政拨款收支总计 of 四) and the reason for the change.

    `prior` is last year's figure when income and expenditure totals were equal (an old data file's only
    key, still meaning both); `prior_income` / `prior_expenditure` give them apart and win over `prior`.
    `income_rate` / `expenditure_rate` are change rates as a published document prints them (in percent),
    for documents that computed them from 元 figures or by hand; the checker holds them to the computed
    rate within one unit of their last decimal.
    """

    prior: Decimal | None = None
    prior_income: Decimal | None = None
    prior_expenditure: Decimal | None = None
    reason: str = ""
    income_rate: Decimal | None = None
    expenditure_rate: Decimal | None = None

    @property
    def income_prior(self) -> Decimal | None:
        """Last year's 收入总计: as given apart, else the common `prior`."""
        return self.prior if self.prior_income is None else self.prior_income

    @property
    def expenditure_prior(self) -> Decimal | None:
        """Last year's 支出总计: as given apart, else the common `prior`."""
        return self.prior if self.prior_expenditure is None else self.prior_expenditure


@attrs.frozen
class FundAmounts:
    """An amount per appropriation fund (一般公共预算 / 政府性基金 / 国有资本经营)."""

    general_budget: Decimal = ZERO
    gov_fund: Decimal = ZERO
    state_capital: Decimal = ZERO

    @property
    def amount(self) -> Decimal:
        """The sum over the three funds."""
        return self.general_budget + self.gov_fund + self.state_capital

    def of(self, fund: Fund) -> Decimal:
        """The amount of one appropriation fund."""
        return {"一般公共预算": self.general_budget, "政府性基金": self.gov_fund, "国有资本经营": self.state_capital}[
            fund
        ]


@attrs.frozen
class Fiscal:
    """财政拨款: carry-overs by fund and the comparison of the 财政拨款收支总计 with last year."""

    carry_in: FundAmounts = FundAmounts()
    carry_out: FundAmounts = FundAmounts()
    comparison: GrandTotals = GrandTotals()


@attrs.frozen
class AccountLine:
    """One functional account (项, 7 digits) financed from one fund: budget, expenditure split, texts.

    `name` overrides the code table's name (leave empty to use the table). `income` is this year's income
    booked to the account (None: equal to its expenditure). `explanation` is the 名词解释 text and
    `budget_note` the reason why the actual differs from the budget.
    """

    code: str
    fund: Fund = "一般公共预算"
    name: str = ""
    budget: Decimal | None = None
    basic: Decimal = ZERO
    project: Decimal = ZERO
    remit_upper: Decimal = ZERO
    operating: Decimal = ZERO
    subsidy_affiliated: Decimal = ZERO
    income: Decimal | None = None
    carry_in: Decimal = ZERO
    carry_out: Decimal = ZERO
    explanation: str = ""
    budget_note: str = ""

    @property
    def actual(self) -> Decimal:
        """支出决算: the sum of the expenditure split."""
        return self.basic + self.project + self.remit_upper + self.operating + self.subsidy_affiliated

    @property
    def income_amount(self) -> Decimal:
        """本年收入 booked to the account: as stated, else its expenditure."""
        return self.actual if self.income is None else self.income

    @property
    def class_code(self) -> str:
        """The 类 code (3 digits)."""
        return self.code[:3]

    @property
    def section_code(self) -> str:
        """The 款 code (5 digits)."""
        return self.code[:5]


@attrs.frozen
class GeneralBudget:
    """一般公共预算财政拨款支出 as the document states it (五): total, full-year budget, class totals.

    `class_totals` maps a 类 code to its stated amount (五（二）); classes absent there are the sum of their
    lines. `total` / `budget` None mean the sum of the lines.
    """

    total: Decimal | None = None
    budget: Decimal | None = None
    comparison: YearOnYear = YearOnYear()
    class_totals: dict[str, Decimal] = attrs.field(factory=dict)


@attrs.frozen
class EconomicItem:
    """An amount under an economic classification code (30101 基本工资 …); `name` overrides the table."""

    code: str
    amount: Decimal
    name: str = ""

    @property
    def class_code(self) -> str:
        """The economic 类 (301, 302, …)."""
        return self.code[:3]

    @property
    def is_personnel(self) -> bool:
        """人员经费 are 301 工资福利支出 and 303 对个人和家庭的补助; everything else is 公用经费."""
        return self.class_code in ("301", "303")


@attrs.frozen
class BasicExpenditure:
    """一般公共预算财政拨款基本支出 (六): stated totals and the items by economic code."""

    total: Decimal | None = None
    personnel_total: Decimal | None = None
    public_total: Decimal | None = None
    items: tuple[EconomicItem, ...] = ()

    @property
    def personnel_items(self) -> tuple[EconomicItem, ...]:
        """人员经费 items in code order."""
        return tuple(sorted((i for i in self.items if i.is_personnel), key=lambda i: i.code))

    @property
    def public_items(self) -> tuple[EconomicItem, ...]:
        """公用经费 items in code order."""
        return tuple(sorted((i for i in self.items if not i.is_personnel), key=lambda i: i.code))

    @property
    def personnel(self) -> Decimal:
        """人员经费: as stated, else the sum of its items."""
        stated = self.personnel_total
        return total(i.amount for i in self.personnel_items) if stated is None else stated

    @property
    def public(self) -> Decimal:
        """公用经费: as stated, else the sum of its items."""
        stated = self.public_total
        return total(i.amount for i in self.public_items) if stated is None else stated

    @property
    def amount(self) -> Decimal:
        """基本支出: as stated, else 人员经费 + 公用经费."""
        return self.personnel + self.public if self.total is None else self.total


VehicleType = Literal["sedan", "suv", "small_bus", "medium_large_bus", "other"]
VEHICLE_TYPES: tuple[VehicleType, ...] = ("sedan", "suv", "small_bus", "medium_large_bus", "other")
VEHICLE_TYPE_NAMES: dict[VehicleType, str] = {
    "sedan": "轿车",
    "suv": "越野车",
    "small_bus": "小型客车",
    "medium_large_bus": "中型客车和大型客车",
    "other": "其他车型",
}
"""The vehicle body types as the 三公 sentences and forms name them."""


@attrs.frozen
class SangongAmounts:
    """“三公”经费 by component: 因公出国（境）, 公务用车购置, 公务用车运行维护, 公务接待."""

    abroad: Decimal = ZERO
    vehicle_purchase: Decimal = ZERO
    vehicle_running: Decimal = ZERO
    reception: Decimal = ZERO

    @property
    def vehicles(self) -> Decimal:
        """公务用车购置及运行维护费."""
        return self.vehicle_purchase + self.vehicle_running

    @property
    def amount(self) -> Decimal:
        """The 三公 total."""
        return self.abroad + self.vehicles + self.reception


@attrs.frozen
class VehicleCount:
    """Vehicles of one body type: how many, and for purchases the amount spent."""

    count: int = 0
    amount: Decimal = ZERO


@attrs.frozen
class Vehicles:
    """Vehicles by body type (轿车, 越野车, 小型客车, 中型客车和大型客车, 其他车型)."""

    sedan: VehicleCount = VehicleCount()
    suv: VehicleCount = VehicleCount()
    small_bus: VehicleCount = VehicleCount()
    medium_large_bus: VehicleCount = VehicleCount()
    other: VehicleCount = VehicleCount()

    def items(self) -> list[tuple[VehicleType, VehicleCount]]:
        """(type, count) in document order."""
        return [(t, getattr(self, t)) for t in VEHICLE_TYPES]

    @property
    def count(self) -> int:
        """All vehicles."""
        return sum(c.count for _, c in self.items())

    @property
    def amount(self) -> Decimal:
        """The amount over all types."""
        return total(c.amount for _, c in self.items())


@attrs.frozen
class Reception:
    """Receptions of one kind (国内 or 外事): batches, persons, amount and what they were for."""

    batches: int = 0
    persons: int = 0
    amount: Decimal = ZERO
    content: str = ""


@attrs.frozen
class Trips:
    """因公出国（境）: delegations, persons and purpose."""

    groups: int = 0
    persons: int = 0
    purpose: str = ""


@attrs.frozen
class Sangong:
    """“三公”经费 (七): budget, actual, last year's actual, vehicles, receptions, trips and reasons.

    `prior` None means last year's figures are unknown: the sentences then state no comparison.
    `abroad_reason`, `vehicles_reason` and `reception_reason` give each component's reason for its change.
    """

    budget: SangongAmounts = SangongAmounts()
    actual: SangongAmounts = SangongAmounts()
    prior: SangongAmounts | None = None
    reason: str = ""
    vehicles_bought: Vehicles = Vehicles()
    vehicles_held: Vehicles = Vehicles()
    domestic_reception: Reception = Reception()
    foreign_reception: Reception = Reception()
    trips: Trips = Trips()
    vehicle_running_use: str = ""
    abroad_reason: str = ""
    vehicles_reason: str = ""
    reception_reason: str = ""


def group_by(lines: Iterable[AccountLine], key_len: int) -> Iterator[tuple[str, list[AccountLine]]]:
    """Lines grouped by the first `key_len` digits of their code, in code order."""
    groups: dict[str, list[AccountLine]] = {}
    for line in sorted(lines, key=lambda x: x.code):
        groups.setdefault(line.code[:key_len], []).append(line)
    yield from groups.items()
