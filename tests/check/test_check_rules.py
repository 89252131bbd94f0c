"""One test per 勾稽关系 rule: a tiny consistent Report, one figure changed, the one finding it causes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from factory import BASE, DEPARTMENT_REPORT, D, evolve, make_report

from juesuan_pdf.check import check, run
from juesuan_pdf.check.registry import RULES, Rule
from juesuan_pdf.errors import ERROR, NOTICE, Finding
from juesuan_pdf.model.finance import AccountLine, EconomicItem, SangongAmounts, VehicleCount, Vehicles
from juesuan_pdf.model.other import EvaluationScore, VehiclesByUse
from juesuan_pdf.model.performance import FundingRow, Indicator
from juesuan_pdf.model.report import Report

TESTS = {r.test.__name__: r for r in RULES}


def findings(name: str, report: Report) -> list[Finding]:
    """The findings of the rule whose test is the function `name`."""
    return run(TESTS[name], report)


def only(name: str, report: Report) -> Finding:
    """The single finding the rule whose test is `name` yields on `report`."""
    found = findings(name, report)
    assert len(found) == 1, [f.render() for f in found]
    return found[0]


def test_consistent_report_has_no_findings() -> None:
    assert check(BASE) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_is_silent_on_the_consistent_report(rule: Rule) -> None:
    assert run(rule, BASE) == []


def test_every_rule_has_a_docstring() -> None:
    assert all(rule.test.__doc__ and rule.title for rule in RULES)


# 1. 收入合计、支出合计 ------------------------------------------------------------------------------
def test_income_sum_names_sources_and_total() -> None:
    report = make_report(income=evolve(BASE.income, business=D("0.5")))
    f = only("income_sum", report)
    assert f.level == ERROR
    assert f.paths == ("income.general_budget", "income.business", "income.total")
    assert f.values == (D("100.5"), D("100"), D("0.5"))


def test_expenditure_sum_gap_beyond_tolerance_is_an_error() -> None:
    """K7's shape: 基本 + 项目 miss 本年支出合计 by 0.06 with 0.01 allowed for two items."""
    report = make_report(expenditure=evolve(BASE.expenditure, basic=D("1056.77"), project=D("3398.25"),
                                            total=D("4454.96")))
    f = only("expenditure_sum", report)
    assert f.level == ERROR
    assert f.paths == ("expenditure.basic", "expenditure.project", "expenditure.total")
    assert f.values == (D("4455.02"), D("4454.96"), D("0.06"))
    assert f.message == ("基本支出 1056.77 + 项目支出 3398.25 = 4455.02，与本年支出合计 4454.96 相差 0.06"
                         "（超出尾差容许 0.01）")


def test_expenditure_sum_gap_within_tolerance_is_a_notice() -> None:
    report = make_report(expenditure=evolve(BASE.expenditure, total=D("100.01")))
    f = only("expenditure_sum", report)
    assert f.level == NOTICE
    assert "在尾差容许 0.01 以内" in f.message


# 2. 收支总计 ----------------------------------------------------------------------------------------
def test_grand_total_balance() -> None:
    report = make_report(balances=evolve(BASE.balances, carry_out=D("5")))
    f = only("grand_total_balance", report)
    assert f.level == ERROR
    assert f.paths == ("income.total", "expenditure.total", "balances.carry_out")
    assert f.values == (D("100"), D("105"), D("5"))


def test_fiscal_balance_per_fund() -> None:
    report = make_report(fiscal=evolve(BASE.fiscal, carry_in=evolve(BASE.fiscal.carry_in, general_budget=D("3"))))
    f = only("fiscal_balance", report)
    assert f.level == ERROR
    assert f.paths == ("fiscal.carry_in.general_budget", "income.general_budget", "general_budget.total")
    assert f.values == (D("103"), D("100"), D("3"))


# 3. 类 = Σ 项, 类 → 总额 -----------------------------------------------------------------------------
def test_general_budget_lines_against_total() -> None:
    """K1's shape: the 项 lines add up to 0.01 more than the stated total, within 0.005 × 3."""
    report = make_report(general_budget=evolve(BASE.general_budget, total=D("99.99")))
    f = only("general_budget_lines", report)
    assert f.paths == ("accounts[第1个]", "accounts[第2个]", "accounts[第3个]", "general_budget.total")
    assert (f.level, f.values) == (NOTICE, (D("100"), D("99.99"), D("0.01")))


def test_class_total_against_its_lines() -> None:
    """K2's shape: a 类's two 项 lines add up to 0.01 more than the stated 类 (0.01 allowed)."""
    totals = {"208": D("89.99"), "221": D("10")}
    report = make_report(general_budget=evolve(BASE.general_budget, class_totals=totals))
    f = only("class_lines", report)
    assert f.level == NOTICE
    assert f.paths == ("accounts[第1个]", "accounts[第2个]", "general_budget.class_totals.208")
    assert f.values == (D("90"), D("89.99"), D("0.01"))
    assert "社会保障和就业支出（类）" in f.message


def test_class_totals_against_total() -> None:
    totals = {"208": D("90"), "221": D("11")}
    report = make_report(general_budget=evolve(BASE.general_budget, class_totals=totals))
    f = only("class_totals_sum", report)
    assert f.level == ERROR
    assert f.paths == ("general_budget.class_totals.208", "general_budget.class_totals.221", "general_budget.total")
    assert f.values == (D("101"), D("100"), D("1"))


# 4. 项 split, 基本支出 = 人员 + 公用 = Σ items -------------------------------------------------------
def test_expenditure_by_kind_rolls_up_the_lines() -> None:
    lines = (*BASE.accounts[:1], AccountLine("2080199", budget=D("40"), project=D("39.9")), BASE.accounts[2])
    f = only("expenditure_by_kind", make_report(accounts=lines))
    assert f.paths == ("accounts[第2个].project", "expenditure.project")
    assert (f.level, f.values) == (ERROR, (D("39.9"), D("40"), D("0.1")))
    assert f.message.startswith("各项级科目的项目支出（1项）合计 39.9，与本年项目支出 40 相差 0.1")


def test_basic_lines_against_economic_items() -> None:
    report = make_report(basic_expenditure=evolve(BASE.basic_expenditure, total=D("61")))
    f = only("basic_lines_vs_economic", report)
    assert f.paths == ("accounts[第1个].basic", "accounts[第3个].basic", "basic_expenditure.total")
    assert (f.level, f.values) == (ERROR, (D("60"), D("61"), D("1")))


def test_basic_split() -> None:
    report = make_report(basic_expenditure=evolve(BASE.basic_expenditure, total=D("60.5")))
    f = only("basic_split", report)
    assert f.paths == ("basic_expenditure.personnel_total", "basic_expenditure.public_total",
                       "basic_expenditure.total")
    assert (f.level, f.values) == (ERROR, (D("60"), D("60.5"), D("0.5")))


def test_personnel_items() -> None:
    report = make_report(basic_expenditure=evolve(BASE.basic_expenditure, personnel_total=D("49.99")))
    f = only("personnel_items", report)
    assert (f.level, f.values) == (NOTICE, (D("50"), D("49.99"), D("0.01")))
    assert f.paths == ("basic_expenditure.items[第1个].amount", "basic_expenditure.items[第2个].amount",
                       "basic_expenditure.personnel_total")


def test_public_items() -> None:
    """K3's shape: the items add up to 0.01 more than the stated 公用经费."""
    report = make_report(basic_expenditure=evolve(BASE.basic_expenditure, public_total=D("9.99")))
    f = only("public_items", report)
    assert (f.level, f.values) == (NOTICE, (D("10"), D("9.99"), D("0.01")))
    assert f.paths == ("basic_expenditure.items[第3个].amount", "basic_expenditure.items[第4个].amount",
                       "basic_expenditure.items[第5个].amount", "basic_expenditure.public_total")


# 5. 三公 --------------------------------------------------------------------------------------------
def test_vehicles_bought_amounts_against_purchase_cost() -> None:
    bought = Vehicles(sedan=VehicleCount(1, D("20")), suv=VehicleCount(1, D("25")))
    sangong = evolve(BASE.sangong, vehicles_bought=bought,
                     actual=evolve(BASE.sangong.actual, vehicle_purchase=D("40")))
    f = only("vehicles_bought", make_report(sangong=sangong))
    assert f.level == ERROR
    assert f.paths == ("sangong.vehicles_bought.sedan.amount", "sangong.vehicles_bought.suv.amount",
                       "sangong.actual.vehicle_purchase")
    assert f.values == (D("45"), D("40"), D("5"))


def test_vehicles_bought_count_without_amount() -> None:
    sangong = evolve(BASE.sangong, vehicles_bought=Vehicles(sedan=VehicleCount(1, D("0"))))
    f = only("vehicles_bought", make_report(sangong=sangong))
    assert (f.level, f.paths, f.values) == (ERROR, ("sangong.vehicles_bought.sedan",), (1, D("0")))


def test_vehicles_held_against_vehicles_by_use() -> None:
    report = make_report(assets=evolve(BASE.assets, vehicles=VehiclesByUse(principal=1, emergency=1)))
    f = only("vehicles_held", report)
    assert (f.level, f.paths, f.values) == (ERROR, ("sangong.vehicles_held.sedan.count", "assets.vehicles.principal",
                                                 "assets.vehicles.emergency"), (1, 2))


def test_receptions_add_up_to_reception_cost() -> None:
    sangong = evolve(BASE.sangong, domestic_reception=evolve(BASE.sangong.domestic_reception, amount=D("2.5")))
    f = only("receptions", make_report(sangong=sangong))
    assert f.paths == ("sangong.domestic_reception.amount", "sangong.actual.reception")
    assert (f.level, f.values) == (ERROR, (D("2.5"), D("3"), D("0.5")))


def test_sangong_economic_item_above_its_component() -> None:
    items = (*BASE.basic_expenditure.items[:3], EconomicItem("30217", D("4")), BASE.basic_expenditure.items[4])
    report = make_report(basic_expenditure=evolve(BASE.basic_expenditure, items=items, public_total=D("11")))
    f = only("sangong_economic_items", report)
    assert f.paths == ("basic_expenditure.items[第4个].amount", "sangong.actual.reception")
    assert (f.level, f.values) == (ERROR, (D("4"), D("3"), D("1")))


# 6. rates and year over year ------------------------------------------------------------------------
def test_zero_budget_rate_is_a_notice() -> None:
    """E17's shape: 公务用车 budget 0 and actual 0 would print “完成预算的0%”."""
    sangong = evolve(BASE.sangong, budget=SangongAmounts(reception=D("5")),
                     actual=SangongAmounts(reception=D("3")))
    f = only("zero_budget_rates", make_report(sangong=sangong))
    assert f.level == NOTICE
    assert f.paths == ("sangong.budget.vehicle_purchase", "sangong.budget.vehicle_running")
    assert f.values == (D("0"), D("0"))
    assert "公务用车购置及运行维护费" in f.message


def test_negative_prior_year_is_an_error() -> None:
    report = make_report(running_cost=evolve(BASE.running_cost, prior=D("-1")))
    f = only("prior_year", report)
    assert (f.level, f.paths, f.values) == (ERROR, ("running_cost.prior",), (D("-1"), D("10")))


def test_reason_listing_more_than_the_change() -> None:
    """E25's shape: the listed increases exceed the change; one finding for a reason stated twice."""
    reason = "新增就业服务项目经费10万元、培训经费5万元"
    report = make_report(totals=evolve(BASE.totals, reason=reason),
                         general_budget=evolve(BASE.general_budget,
                                               comparison=evolve(BASE.general_budget.comparison, reason=reason)))
    f = only("reason_amounts", report)
    assert f.level == NOTICE
    assert f.paths == ("totals.reason", "general_budget.comparison.reason")
    assert f.values == (D("15"), D("10"))


def test_no_sangong_budget_at_all_is_one_notice() -> None:
    sangong = evolve(BASE.sangong, budget=SangongAmounts(), actual=SangongAmounts(),
                     domestic_reception=evolve(BASE.sangong.domestic_reception, amount=D("0")))
    f = only("zero_budget_rates", make_report(sangong=sangong))
    assert (f.level, f.paths, f.values) == (NOTICE, ("sangong.budget",), (D("0"), D("0")))


def test_no_rate_notice_when_sangong_is_written_as_none() -> None:
    """`sangong = "无"`: the document says there is none and prints no rate, so nothing to warn about."""
    sangong = evolve(BASE.sangong, budget=SangongAmounts(), actual=SangongAmounts(),
                     domestic_reception=evolve(BASE.sangong.domestic_reception, amount=D("0")))
    report = evolve(make_report(sangong=sangong), written_none=frozenset({"sangong"}))
    assert findings("zero_budget_rates", report) == []


def test_zero_budget_of_an_account_line() -> None:
    lines = (evolve(BASE.accounts[0], budget=D("0")), *BASE.accounts[1:])
    f = only("zero_budget_rates", make_report(accounts=lines))
    assert (f.level, f.paths, f.values) == (NOTICE, ("accounts[第1个].budget",), (D("0"), D("50")))


# 7. the same figure twice ---------------------------------------------------------------------------
def test_score_in_10_4_against_its_form() -> None:
    """K4's shape: 十（四） says 97, the 部门整体 form says 90 (found by the title's ending)."""
    scores = (EvaluationScore("部门整体", 97, evaluation="部门整体支出绩效目标自评表"),
              *BASE.performance_management.scores[1:])
    report = make_report(performance_management=evolve(BASE.performance_management, scores=scores))
    f = only("scores_stated_twice", report)
    assert f.level == ERROR
    assert f.paths == ("performance_management.scores[第1个].score", "performance.department_table.score")
    assert f.values == (D("97"), D("90"), D("7"))


def test_score_naming_a_missing_form() -> None:
    scores = (EvaluationScore("某项目", 90, evaluation="不存在的项目"),)
    report = make_report(performance_management=evolve(BASE.performance_management, scores=scores))
    f = only("scores_stated_twice", report)
    assert (f.level, f.paths) == (ERROR, ("performance_management.scores[第1个].evaluation",))


def test_score_in_a_report_against_its_form() -> None:
    """E7's shape: the project report says 98, its form 95."""
    section = evolve(BASE.performance.project_reports[0].sections[0], paragraphs=("项目自评得分98分。",))
    report_ = evolve(BASE.performance.project_reports[0], sections=(section,))
    report = make_report(performance=evolve(BASE.performance, project_reports=(report_,)))
    f = only("report_scores", report)
    assert f.paths == ("performance.project_reports[第1个].sections[第1个].paragraphs[第1个]",
                       "performance.project_tables[第1个].score")
    assert (f.level, f.values) == (ERROR, (D("98"), D("95"), D("3")))


def test_department_form_budget_against_general_budget() -> None:
    """K5's shape: the 部门整体 form's 全年预算数 differs from 五（三）'s; the rates differ with it."""
    table = evolve(BASE.performance.department_table, funding=evolve(BASE.performance.department_table.funding,
                                                                     general_budget=FundingRow(D("100"), D("125"),
                                                                                               D("100"))))
    report = make_report(performance=evolve(BASE.performance, department_table=table))
    found = findings("department_budget", report)
    assert len(found) == 1
    f = found[0]
    assert f.paths == ("performance.department_table.funding.general_budget.annual_budget", "general_budget.budget")
    assert (f.level, f.values) == (ERROR, (D("125"), D("100"), D("25")))
    assert "执行率 80.00% 与完成预算的 100.00%" in f.message


def test_department_form_executed_against_expenditure() -> None:
    line = FundingRow(D("100"), D("100"), D("99"))
    funding = evolve(BASE.performance.department_table.funding, total=line, appropriation=line, general_budget=line)
    table = evolve(BASE.performance.department_table, funding=funding)
    f = only("department_budget", make_report(performance=evolve(BASE.performance, department_table=table)))
    assert f.paths == ("performance.department_table.funding.general_budget.executed", "general_budget.total")
    assert f.values == (D("99"), D("100"), D("1"))


def test_funding_block_sums() -> None:
    funding = evolve(BASE.performance.project_tables[0].funding, total=FundingRow(D("40"), D("45"), D("40")))
    table = evolve(BASE.performance.project_tables[0], funding=funding)
    f = only("funding_sums", make_report(performance=evolve(BASE.performance, project_tables=(table,))))
    assert f.paths == ("performance.project_tables[第1个].funding.appropriation.annual_budget",
                       "performance.project_tables[第1个].funding.total.annual_budget")
    assert (f.level, f.values) == (ERROR, (D("40"), D("45"), D("5")))


def test_transfer_funding_sums() -> None:
    funding = evolve(TRANSFER_FUNDING, central=FundingRow(annual_budget=D("25")))
    table = evolve(BASE.performance.transfer_tables[0], funding=funding)
    f = only("funding_sums", make_report(performance=evolve(BASE.performance, transfer_tables=(table,))))
    assert f.paths == ("performance.transfer_tables[第1个].funding.central.annual_budget",
                       "performance.transfer_tables[第1个].funding.total.annual_budget")
    assert f.values == (D("25"), D("30"), D("5"))


TRANSFER_FUNDING = BASE.performance.transfer_tables[0].funding


# 8. indicators --------------------------------------------------------------------------------------
def test_same_indicator_with_different_counts() -> None:
    """K6's shape: one count stated as 50 in one form and 60人 in another (rates may differ)."""
    indicators = (Indicator("产出指标", "数量指标", "城镇新增就业人数", "≥40人", "60人"),
                  *BASE.performance.project_tables[0].indicators[1:])
    table = evolve(BASE.performance.project_tables[0], indicators=indicators)
    f = only("repeated_indicators", make_report(performance=evolve(BASE.performance, project_tables=(table,))))
    assert f.level == NOTICE
    assert f.paths == ("performance.department_table.indicators[第1个].actual",
                       "performance.project_tables[第1个].indicators[第1个].actual")
    assert f.values == ("50人", "60人")


@pytest.mark.parametrize(("a", "b"), [("8.5万人", "85000人"), ("50人", "50"), ("95%", "98%"), ("优", "良")])
def test_indicator_values_that_do_not_count_as_different(a: str, b: str) -> None:
    first = evolve(BASE.performance.department_table, indicators=(Indicator("一", "二", "指标", "", a),))
    second = evolve(BASE.performance.project_tables[0], indicators=(Indicator("一", "二", "指标", "", b),))
    report = make_report(performance=evolve(BASE.performance, department_table=first, project_tables=(second,)))
    assert findings("repeated_indicators", report) == []


def test_each_projects_cost_is_its_own() -> None:
    """A 成本指标 with one wording in every project's form (项目支出 286.45万元 / 42.35万元) is no repeated count."""
    first = evolve(BASE.performance.department_table,
                   indicators=(Indicator("成本指标", "经济成本指标", "项目支出", "≤300万元", "286.45万元"),))
    second = evolve(BASE.performance.project_tables[0],
                    indicators=(Indicator("成本指标", "经济成本指标", "项目支出", "≤50万元", "42.35万元"),))
    report = make_report(performance=evolve(BASE.performance, department_table=first, project_tables=(second,)))
    assert findings("repeated_indicators", report) == []


def test_text_breakdown_that_does_not_add_up() -> None:
    """E19's shape: 总数62人，其中 33 + 26 + 1 = 60 (an aside in brackets is no part)."""
    text = ("在编在职人员总数62人，其中：公务员（含参公人员）33人，事业人员26人（含划转3人），机关工勤1人。"
            "退休人员28人。")
    section = evolve(DEPARTMENT_REPORT.sections[0], paragraphs=(text,))
    report_ = evolve(DEPARTMENT_REPORT, sections=(section,))
    f = only("text_breakdowns", make_report(performance=evolve(BASE.performance, department_report=report_)))
    assert f.paths == ("performance.department_report.sections[第1个].paragraphs[第1个]",)
    assert (f.level, f.values) == (NOTICE, (62, 60))


@pytest.mark.parametrize("text", ["总编制53名，其中：行政编制12名，事业编制41名。", "共有10人，其中女性3人。"])
def test_text_breakdowns_that_are_fine(text: str) -> None:
    section = evolve(DEPARTMENT_REPORT.sections[0], paragraphs=(text,))
    report_ = evolve(DEPARTMENT_REPORT, sections=(section,))
    report = make_report(performance=evolve(BASE.performance, department_report=report_))
    assert findings("text_breakdowns", report) == []


# economic ↔ functional, glossary -------------------------------------------------------------------
def test_contribution_item_against_its_account_line() -> None:
    """30113 住房公积金 10.5 while 2210201 (all 基本支出) is 10: the same money twice, an 错误 (DOMAIN rule 13)."""
    items = (*BASE.basic_expenditure.items[:1], EconomicItem("30113", D("10.5")), *BASE.basic_expenditure.items[2:])
    report = make_report(basic_expenditure=evolve(BASE.basic_expenditure, items=items))
    f = only("contributions", report)
    assert f.paths == ("basic_expenditure.items[第2个].amount", "accounts[第3个].basic")
    assert (f.level, f.values) == (ERROR, (D("10.5"), D("10"), D("0.5")))


def test_civil_servant_medical_contribution_against_its_line() -> None:
    """30111 公务员医疗补助缴费 is booked under 2101103 公务员医疗补助 as 30113 is under 2210201."""
    lines = (*BASE.accounts, AccountLine("2101103", budget=D("2"), basic=D("2"), explanation="指公务员医疗补助。"))
    items = (*BASE.basic_expenditure.items, EconomicItem("30111", D("2.5")))
    basic = evolve(BASE.basic_expenditure, items=items)
    f = only("contributions", make_report(accounts=lines, basic_expenditure=basic))
    assert f.paths == ("basic_expenditure.items[第6个].amount", "accounts[第4个].basic")


def test_contribution_rule_skips_lines_with_project_money() -> None:
    lines = (*BASE.accounts[:2], evolve(BASE.accounts[2], project=D("1")))
    assert findings("contributions", make_report(accounts=lines)) == []


def test_account_line_without_glossary_text() -> None:
    lines = (evolve(BASE.accounts[0], explanation=""), *BASE.accounts[1:])
    f = only("glossary_entries", make_report(accounts=lines))
    assert (f.level, f.paths, f.values) == (NOTICE, ("accounts[第1个].explanation",), ("2080101",))
    assert "行政运行" in f.message


# 10. 政府采购 ---------------------------------------------------------------------------------------
def test_procurement_total() -> None:
    f = only("procurement", make_report(procurement=evolve(BASE.procurement, total=D("2"))))
    assert f.paths == ("procurement.goods", "procurement.total")
    assert (f.level, f.values) == (ERROR, (D("1"), D("2"), D("1")))


def test_procurement_part_above_whole() -> None:
    report = make_report(procurement=evolve(BASE.procurement, small_micro=D("1.5")))
    f = only("procurement", report)
    assert f.paths == ("procurement.small_micro", "procurement.sme")
    assert (f.level, f.values) == (ERROR, (D("1.5"), D("1"), D("0.5")))


# check() -------------------------------------------------------------------------------------------
def test_check_adds_line_numbers_from_the_source_text() -> None:
    report = make_report(expenditure=evolve(BASE.expenditure, total=D("100.5")))
    source = "year = 2023\n\n[expenditure]\nbasic = 60\nproject = 40\ntotal = 100.5\n"
    f = check(report, source)[0]
    assert f.rule == "支出合计"
    # the stated total breaks 支出合计 and 收支总计 by the same 0.5: it is named first, with its line
    assert f.paths[0] == "expenditure.total" and "最可能有误的是本年支出合计 100.5" in f.message
    assert f.line == 6
    assert check(report)[0].line is None


def test_parse_path_inverts_render() -> None:
    from juesuan_pdf.check import parse_path
    from juesuan_pdf.load.paths import render

    path = ("performance", "project_reports", 0, "sections", 11, "paragraphs", 2)
    assert parse_path(render(path)) == path
    assert parse_path("general_budget.class_totals.208") == ("general_budget", "class_totals", "208")


def test_decimal_values_are_decimals() -> None:
    report = make_report(income=evolve(BASE.income, total=D("101")))
    assert all(isinstance(v, Decimal) for v in check(report)[0].values)


def test_achievement_text_states_another_count() -> None:
    """E9's shape: the row says 50, the form's 全年实际完成情况 text says 城镇新增就业人数52人."""
    table = evolve(BASE.performance.department_table, achieved="全年城镇新增就业人数52人，满意度98%。")
    f = only("achievement_text", make_report(performance=evolve(BASE.performance, department_table=table)))
    assert f.level == NOTICE
    assert f.paths == ("performance.department_table.indicators[第1个].actual",
                       "performance.department_table.achieved")
    assert f.values == ("50人", "52人")


def test_a_long_sum_names_its_list_rather_than_every_item() -> None:
    lines = tuple(AccountLine(f"20801{k:02d}", basic=D("1")) for k in (1, 2, 3, 4, 5, 6))
    gb = evolve(BASE.general_budget, total=D("5"), class_totals={})
    f = only("general_budget_lines", make_report(accounts=lines, general_budget=gb))
    assert f.paths == ("accounts", "general_budget.total")
    assert f.message.startswith("一般公共预算财政拨款支出的项级科目（6项）合计 6，与一般公共预算财政拨款支出 5 相差 1")
