"""A tiny, fully consistent Report for the checker's tests: `make_report(**overrides)`.

Every figure agrees with every other (the checker finds nothing); a test changes one part with
`attrs.evolve` and asserts the one finding that change causes.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from juesuan_pdf.model.department import Department, Staffing, Unit
from juesuan_pdf.model.finance import (
    AccountLine,
    BasicExpenditure,
    EconomicItem,
    Expenditure,
    GeneralBudget,
    GrandTotals,
    Income,
    Reception,
    Sangong,
    SangongAmounts,
    VehicleCount,
    Vehicles,
    YearOnYear,
)
from juesuan_pdf.model.other import (
    Assets,
    EvaluationScore,
    PerformanceManagement,
    Procurement,
    RunningCost,
    VehiclesByUse,
)
from juesuan_pdf.model.performance import (
    DepartmentSelfEvaluation,
    EvaluationReport,
    Funding,
    FundingRow,
    FundManagement,
    Indicator,
    Performance,
    ProjectSelfEvaluation,
    Section,
    TransferFunding,
    TransferSelfEvaluation,
)
from juesuan_pdf.model.report import Report


def D(text: str) -> Decimal:
    """A Decimal from its text (keeps the written decimals)."""
    return Decimal(text)


def row(budget: str, executed: str | None = None) -> FundingRow:
    """A funding line with equal 年初/全年预算数 and the given 执行数 (default: the budget)."""
    return FundingRow(D(budget), D(budget), D(executed or budget))


def funding(budget: str, executed: str | None = None) -> Funding:
    """A funding block financed wholly from 一般公共预算."""
    line = row(budget, executed)
    return Funding(total=line, appropriation=line, general_budget=line)


ACCOUNTS = (
    AccountLine("2080101", budget=D("50"), basic=D("50"), explanation="指行政单位的基本支出。"),
    AccountLine("2080199", budget=D("40"), project=D("40"), explanation="指其他人社管理事务支出。"),
    AccountLine("2210201", budget=D("10"), basic=D("10"), explanation="指按规定缴纳的住房公积金。"),
)
ITEMS = (
    EconomicItem("30101", D("40")),
    EconomicItem("30113", D("10")),
    EconomicItem("30201", D("6")),
    EconomicItem("30217", D("3")),
    EconomicItem("30211", D("1")),
)
DEPARTMENT_TABLE = DepartmentSelfEvaluation(
    title="某区部门整体支出绩效目标自评表",
    competent_department="某区某局",
    implementing_unit="某区某局",
    funding=funding("100"),
    goal="年度目标",
    achieved="完成情况",
    score=D("90"),
    indicators=(
        Indicator("产出指标", "数量指标", "城镇新增就业人数", "≥40人", "50人"),
        Indicator("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%"),
    ),
)
PROJECT_TABLE = ProjectSelfEvaluation(
    name="就业服务项目",
    competent_department="323－某区某局部门",
    implementing_unit="323001-某区某局",
    funding=funding("40"),
    goal="预期目标",
    achieved="城镇新增就业人数50人",
    score=D("95"),
    indicators=(
        Indicator("产出指标", "数量指标", "城镇新增就业人数", "≥40人", "50"),
        Indicator("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "98%"),
    ),
)
TRANSFER_TABLE = TransferSelfEvaluation(
    name="就业补助资金",
    central_department="人力资源社会保障部",
    local_department="某市人社局",
    user_unit="某区某局",
    funding=TransferFunding(total=FundingRow(annual_budget=D("30")), central=FundingRow(annual_budget=D("30"))),
    management=FundManagement(),
    goal="总体目标",
    achieved="完成情况",
    score=D("93"),
)
PROJECT_REPORT = EvaluationReport(
    title="2023年就业服务项目绩效评价报告",
    sections=(Section(1, "四、评价结论", ("项目完成良好，项目自评得分95分。",)),),
)
DEPARTMENT_REPORT = EvaluationReport(
    title="2023年某区某局部门预算绩效评价报告",
    sections=(Section(1, "四、评价结论及建议", ("部门整体支出绩效自评等级为“优”，自评得分90分。",)),),
)

BASE = Report(
    year=2023,
    department=Department(
        name="某区某局",
        short_name="区某局",
        units=(Unit("某区某局", "行政单位", own_level=True),),
        staffing=Staffing(authorised=10, in_post=9),
    ),
    income=Income(general_budget=D("100"), total=D("100")),
    expenditure=Expenditure(basic=D("60"), project=D("40"), total=D("100")),
    totals=GrandTotals(prior=D("90"), reason="新增就业服务项目经费10万元"),
    general_budget=GeneralBudget(
        total=D("100"),
        budget=D("100"),
        comparison=YearOnYear(prior=D("90"), reason="新增就业服务项目经费10万元"),
        class_totals={"208": D("90"), "221": D("10")},
    ),
    accounts=ACCOUNTS,
    basic_expenditure=BasicExpenditure(
        total=D("60"), personnel_total=D("50"), public_total=D("10"), items=ITEMS
    ),
    sangong=Sangong(
        budget=SangongAmounts(vehicle_running=D("2"), reception=D("5")),
        actual=SangongAmounts(vehicle_running=D("1.5"), reception=D("3")),
        prior=SangongAmounts(vehicle_running=D("2"), reception=D("3")),
        vehicles_held=Vehicles(sedan=VehicleCount(count=1)),
        domestic_reception=Reception(batches=2, persons=10, amount=D("3")),
    ),
    running_cost=RunningCost(amount=D("10"), prior=D("9"), reason="办公设备更新"),
    procurement=Procurement(goods=D("1"), total=D("1"), sme=D("1"), small_micro=D("1"), goods_sme=D("1")),
    assets=Assets(vehicles=VehiclesByUse(principal=1)),
    performance_management=PerformanceManagement(
        scores=(
            EvaluationScore("某区某局部门整体", 90, evaluation="部门整体支出绩效目标自评表"),
            EvaluationScore("就业服务项目", 95, evaluation="就业服务项目"),
        ),
    ),
    performance=Performance(
        department_report=DEPARTMENT_REPORT,
        department_table=DEPARTMENT_TABLE,
        transfer_tables=(TRANSFER_TABLE,),
        project_tables=(PROJECT_TABLE,),
        project_reports=(PROJECT_REPORT,),
    ),
)


def make_report(**overrides: Any) -> Report:
    """The consistent base report with some top-level parts replaced."""
    return attrs.evolve(BASE, **overrides)


def evolve(obj: Any, **changes: Any) -> Any:
    """`attrs.evolve`, re-exported so tests read `evolve(BASE.expenditure, total=D("100.06"))`."""
    return attrs.evolve(obj, **changes)
