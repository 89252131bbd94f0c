"""第四部分 附件: evaluation reports and the self-evaluation forms (绩效自评表).

Everything here is data as the department publishes it. Indicator values are text as written
(`≥1300人`, `＝100%`, `定性优良中差`), because the forms mix operators, units and qualitative scales and
the document must print them exactly. Money is `Decimal` in 万元 as written (`1948.3` stays `1948.3`);
the only figure derived here is the execution rate (执行率 = 全年执行数 ÷ 全年预算数, half-up, 2 decimals),
which the forms print as `87.26%` / `100.00%`.

Known inconsistencies of the published example (DOMAIN.md §6.2, E6–E9, E19–E29) are kept as published:
the checker reports them; the model does not correct them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

import attrs

from juesuan_pdf.model.money import percent

RATE_PLACES = 2
"""The forms print execution rates with two decimals (`87.26%`, `100.00%`)."""

HeadingLevel = Literal[1, 2, 3, 4]
"""Heading level of a report section: 1 一、, 2 （一）, 3 1., 4 （1） (the text keeps its own numbering)."""


@attrs.frozen
class Section:
    """One headed block of a written report: the heading exactly as published and the paragraphs under it.

    The heading keeps the report's own numbering, irregular or missing (`机构职能。` lacks its （二）, E24);
    `level` says how it is set, since the numbering cannot be trusted to tell.
    """

    level: HeadingLevel
    heading: str
    paragraphs: tuple[str, ...] = ()


@attrs.frozen
class EvaluationReport:
    """A written evaluation report (部门预算绩效评价报告 or a project's 绩效评价报告): title and sections."""

    title: str
    sections: tuple[Section, ...] = ()

    @property
    def headings(self) -> tuple[str, ...]:
        """The section headings in reading order."""
        return tuple(s.heading for s in self.sections)


@attrs.frozen
class FundingRow:
    """One fund line of a form's funding block (万元). A blank cell of the form is None.

    `initial_budget` 年初预算数, `annual_budget` 全年预算数 (A), `executed` 全年执行数 (B).
    """

    initial_budget: Decimal | None = None
    annual_budget: Decimal | None = None
    executed: Decimal | None = None

    @property
    def rate(self) -> Decimal | None:
        """执行率 in percent (B ÷ A, half-up to 2 decimals); None when either figure is blank or A is zero."""
        if self.executed is None or self.annual_budget is None:
            return None
        return percent(self.executed, self.annual_budget, RATE_PLACES)

    @property
    def is_blank(self) -> bool:
        """Whether the form prints this line with no figures at all."""
        return self.initial_budget is None and self.annual_budget is None and self.executed is None


@attrs.frozen
class Funding:
    """The funding block of the 部门整体 and 项目 forms: the six fixed fund lines of the official form."""

    total: FundingRow  # 年度资金总额
    appropriation: FundingRow = FundingRow()  # （一）财政拨款小计
    general_budget: FundingRow = FundingRow()  # 1.一般公共预算
    government_fund: FundingRow = FundingRow()  # 2.政府性基金
    state_capital: FundingRow = FundingRow()  # 3.国有资本经营预算
    other: FundingRow = FundingRow()  # （二）其他资金

    def rows(self) -> tuple[FundingRow, ...]:
        """The six lines in the form's order."""
        return (
            self.total,
            self.appropriation,
            self.general_budget,
            self.government_fund,
            self.state_capital,
            self.other,
        )


@attrs.frozen
class Indicator:
    """One row of an indicator block: 一级/二级/三级 指标, 年度指标值, 实际完成值, 偏差原因 (text as written).

    Every row names its own 一级 and 二级 指标; the form merges equal neighbours into one cell.
    """

    level1: str
    level2: str
    name: str
    target: str
    actual: str
    note: str = ""


@attrs.frozen
class DepartmentSelfEvaluation:
    """部门整体支出绩效目标自评表: header, funding, 年度目标 vs 完成情况, indicators, 自评得分.

    `title` is the form's title as published (it carries the region: 广元市昭化区部门整体支出绩效目标自评表).
    Its indicator rows are numbered 指标1：, 指标2：… within each 二级指标 (derived, see `indicator_numbers`).
    """

    title: str
    competent_department: str  # 主管部门
    implementing_unit: str  # 实施单位
    funding: Funding
    goal: str  # 年度目标
    achieved: str  # 完成情况
    score: Decimal  # 自评得分（分）
    indicators: tuple[Indicator, ...] = ()

    def indicator_numbers(self) -> tuple[int, ...]:
        """Each indicator's number within its run of equal (一级, 二级) 指标: the form's `指标N：`."""
        return number_within_groups(self.indicators)


@attrs.frozen
class ProjectSelfEvaluation:
    """项目支出绩效自评表 of one project: header, funding, 预期目标 vs 全年实际完成情况, indicators, 自评得分.

    `competent_department` / `implementing_unit` keep the budget codes as printed (`323－…部门`, `323001-…`).
    """

    name: str  # 项目（政策）名称
    competent_department: str  # 主管部门
    implementing_unit: str  # 实施单位
    funding: Funding
    goal: str  # 年度总体目标：预期目标
    achieved: str  # 年度总体目标：全年实际完成情况
    score: Decimal  # 自评得分（分）
    indicators: tuple[Indicator, ...] = ()


@attrs.frozen
class TransferFunding:
    """资金投入情况 of a 转移支付 form: only 全年预算数 (A) and 全年执行数 (B) are used on each line."""

    total: FundingRow  # 年度资金总额
    central: FundingRow = FundingRow()  # 其中：中央财政资金
    local: FundingRow = FundingRow()  # 地方财政资金
    other: FundingRow = FundingRow()  # 其他资金

    def rows(self) -> tuple[FundingRow, ...]:
        """The four lines in the form's order."""
        return (self.total, self.central, self.local, self.other)


@attrs.frozen
class ManagementItem:
    """One line of 资金管理情况: 情况说明 and 存在问题和改进措施 (either may be blank)."""

    explanation: str = ""
    problems: str = ""


@attrs.frozen
class FundManagement:
    """资金管理情况 of a 转移支付 form: the seven fixed aspects of the official form, in its order."""

    allocation: ManagementItem = ManagementItem()  # 分配科学性
    issuance: ManagementItem = ManagementItem()  # 下达及时性
    disbursement: ManagementItem = ManagementItem()  # 拨付合规性
    usage: ManagementItem = ManagementItem()  # 使用规范性
    execution: ManagementItem = ManagementItem()  # 执行准确性
    performance_management: ManagementItem = ManagementItem()  # 预算绩效管理情况
    responsibility: ManagementItem = ManagementItem()  # 支出责任履行情况

    def items(self) -> tuple[ManagementItem, ...]:
        """The seven aspects in the form's order."""
        return (
            self.allocation,
            self.issuance,
            self.disbursement,
            self.usage,
            self.execution,
            self.performance_management,
            self.responsibility,
        )


@attrs.frozen
class TransferSelfEvaluation:
    """转移支付（项目）自评表 (e.g. 就业创业补助资金): header, 资金投入, 资金管理, goals, indicators, score."""

    name: str  # 转移支付（项目）名称
    central_department: str  # 中央主管部门
    local_department: str  # 地方主管部门
    user_unit: str  # 资金使用单位
    funding: TransferFunding
    management: FundManagement
    goal: str  # 总体目标
    achieved: str  # 全年实际完成情况
    score: Decimal  # 自评得分（分）
    indicators: tuple[Indicator, ...] = ()


@attrs.frozen
class Performance:
    """第四部分 附件 as data.

    附件1 is the department's evaluation report followed by its 附表: the 部门整体 form, the 转移支付 forms and
    the 项目 forms, in that order; 附件2 holds the project evaluation reports. Everything is optional so a
    document without an annex still loads (`Performance()` is the empty annex).
    """

    department_report: EvaluationReport | None = None
    department_table: DepartmentSelfEvaluation | None = None
    transfer_tables: tuple[TransferSelfEvaluation, ...] = ()
    project_tables: tuple[ProjectSelfEvaluation, ...] = ()
    project_reports: tuple[EvaluationReport, ...] = ()

    @property
    def is_empty(self) -> bool:
        """True when the data has no report and no self-evaluation form (the document then has no annex)."""
        return self.department_report is None and self.department_table is None and not (
            self.transfer_tables or self.project_tables or self.project_reports
        )

    @property
    def scores(self) -> dict[str, Decimal]:
        """自评得分 by form: the 部门整体 form under its title, the others under their project name."""
        found: dict[str, Decimal] = {}
        if self.department_table is not None:
            found[self.department_table.title] = self.department_table.score
        found.update((t.name, t.score) for t in self.transfer_tables)
        found.update((t.name, t.score) for t in self.project_tables)
        return found


def number_within_groups(indicators: tuple[Indicator, ...]) -> tuple[int, ...]:
    """1, 2, 3 … restarting whenever the (一级, 二级) pair changes from the row before."""
    numbers: list[int] = []
    previous: tuple[str, str] | None = None
    for row in indicators:
        key = (row.level1, row.level2)
        numbers.append(numbers[-1] + 1 if key == previous else 1)
        previous = key
    return tuple(numbers)
