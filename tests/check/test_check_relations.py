"""The relations of issue 12: figures restated in text, year-over-year reasons, nesting, vehicles,
the Σ of 项 budgets, and pointing at the figure most likely wrong."""

from __future__ import annotations

import pytest
from factory import BASE, DEPARTMENT_REPORT, D, evolve, make_report

from juesuan_pdf.check import check, run
from juesuan_pdf.check.locate import typo_sources
from juesuan_pdf.check.registry import BY_ID, RULES
from juesuan_pdf.check.years import stated_changes
from juesuan_pdf.errors import ERROR, NOTICE, Finding
from juesuan_pdf.model.finance import Balances, Fiscal, FundAmounts, Income, VehicleCount, Vehicles, YearOnYear
from juesuan_pdf.model.performance import Section
from juesuan_pdf.model.report import Report


def only(rule_id: str, report: Report) -> Finding:
    found = run(BY_ID[rule_id], report)
    assert len(found) == 1, [f.render() for f in found]
    return found[0]


def with_paragraph(text: str) -> Report:
    sections = (*DEPARTMENT_REPORT.sections, Section(1, "二、部门资金收支情况", (text,)))
    return make_report(performance=evolve(BASE.performance, department_report=evolve(DEPARTMENT_REPORT,
                                                                                      sections=sections)))


def test_rule_ids_are_unique_and_every_rule_has_a_title() -> None:
    assert len(BY_ID) == len(RULES)
    assert all(r.title and r.family and r.level in (ERROR, NOTICE) for r in RULES)


# numbers inside free text ------------------------------------------------------------------------
def test_a_reason_stating_the_wrong_change_and_rate() -> None:
    """Another department's case: 下降9.5% where the figures fall 7.8%, 减少252.45万元 where they fall 232.45."""
    gb = evolve(BASE.general_budget, total=D("2747.55"), comparison=YearOnYear(
        prior=D("2980"), reason="较上年减少252.45万元，下降9.5%，主要原因是项目支出减少"))
    found = run(BY_ID["reason-figures"], make_report(general_budget=gb))
    assert [f.values for f in found] == [("减少252.45万元", "减少232.45万元"), ("下降9.5%", "下降7.80%")]
    assert all(f.level == ERROR and f.paths[0] == "general_budget.comparison.reason" for f in found)


def test_a_reason_stating_the_right_change_passes() -> None:
    gb = evolve(BASE.general_budget, comparison=YearOnYear(prior=D("90"), reason="较上年增加10万元，增长11.1%"))
    assert run(BY_ID["reason-figures"], make_report(general_budget=gb)) == []


def test_amounts_listed_as_items_of_a_reason_are_not_the_change() -> None:
    assert stated_changes("新增安家补助196.5万元、档案整理29.14万元") == []
    assert stated_changes("比2022年度增长5.3%") == [("增长", D("5.3"), "%")]


def test_report_restating_basic_expenditure_wrongly() -> None:
    f = only("report-figures", with_paragraph("本年支出合计100万元，其中：基本支出66万元，项目支出40万元。"))
    assert f.level == ERROR and f.values == (D("66"), D("60"), D("6"))
    assert f.paths == ("performance.department_report.sections[第2个].paragraphs[第1个]", "expenditure.basic")


def test_report_restating_staffing_wrongly() -> None:
    f = only("report-figures", with_paragraph("总编制10名，在编在职人员总数8人，其中：公务员8人。"))
    assert f.paths[1] == "department.staffing.in_post" and f.values == (D("8"), D("9"), D("1"))


def test_a_bare_staffing_total_opening_a_clause_is_read_and_its_parts_are_not() -> None:
    """`编制11名，其中：行政编制8名…` states the total (the data's is 10); 行政编制 and 事业编制 are parts."""
    f = only("report-figures", with_paragraph("编制11名，其中：行政编制8名，事业编制3名。"))
    assert f.paths[1] == "department.staffing.authorised" and f.values == (D("11"), D("10"), D("1"))
    assert run(BY_ID["report-figures"], with_paragraph("编制10名，其中：行政编制8名，事业编制2名。")) == []


def test_other_sources_and_carry_overs_restated_in_the_department_report() -> None:
    """附件1's 其他收入 and 年初结转和结余 against the data; a 财政拨款 carry-over under the same words is no typo,
    and a source the data leaves at 0 is not read (it may be another unit's money)."""
    money = {"income": Income(general_budget=D("100"), other=D("2"), total=D("102")),
             "balances": Balances(carry_in=D("5")), "fiscal": Fiscal(carry_in=FundAmounts(general_budget=D("3")))}
    text = "其他收入2万元。另有年初结转和结余5万元，其中一般公共预算财政拨款年初结转和结余3万元。事业收入7万元。"
    report = with_paragraph(text)
    assert run(BY_ID["report-figures"], evolve(report, **money)) == []
    f = only("report-figures", evolve(with_paragraph(text.replace("其他收入2万元", "其他收入2.5万元")), **money))
    assert f.paths[1] == "income.other" and f.values == (D("2.5"), D("2"), D("0.5"))
    f = only("report-figures", evolve(with_paragraph(text.replace("结余5万元", "结余6万元")), **money))
    assert f.paths[1] == "balances.carry_in"


def test_the_department_forms_budget_and_execution_restated_in_its_report() -> None:
    assert run(BY_ID["report-figures"], with_paragraph("部门全年预算数100万元，全年执行数100万元。")) == []
    f = only("report-figures", with_paragraph("部门全年预算数100万元，全年执行数101万元。"))
    assert f.paths[1] == "performance.department_table.funding.total.executed"


def test_a_project_reports_initial_budget_and_execution_against_its_form() -> None:
    def reporting(text: str) -> Report:
        rep = evolve(BASE.performance.project_reports[0], sections=(Section(1, "一、项目概况", (text,)),))
        return make_report(performance=evolve(BASE.performance, project_reports=(rep,)))

    assert run(BY_ID["report-budgets"], reporting("项目年初预算40万元，全年实际支出40万元。")) == []
    f = only("report-budgets", reporting("项目年初预算40万元，全年实际支出40.5万元。"))
    assert f.paths[1] == "performance.project_tables[第1个].funding.total.executed"
    f = only("report-budgets", reporting("项目年初预算4万元，全年实际支出40万元。"))
    assert f.paths[1] == "performance.project_tables[第1个].funding.total.initial_budget"


def test_a_units_staffing_stated_by_its_kind_is_read_when_it_is_the_only_kind() -> None:
    """`学校核定事业编制11名，年末在编在职教职工9人` states both totals; `核定行政编制8名，事业编制2名` states parts."""
    f = only("report-figures", with_paragraph("学校核定事业编制11名，年末在编在职教职工9人。"))
    assert f.paths[1] == "department.staffing.authorised" and f.values == (D("11"), D("10"), D("1"))
    f = only("report-figures", with_paragraph("学校核定事业编制10名，年末在编在职教职工8人。"))
    assert f.paths[1] == "department.staffing.in_post"
    assert run(BY_ID["report-figures"], with_paragraph("核定行政编制8名，事业编制2名。")) == []


def test_a_label_inside_a_longer_name_is_not_read() -> None:
    assert run(BY_ID["report-figures"], with_paragraph("一般公共预算基本支出77万元用于人员。")) == []


def test_project_report_budget_against_its_form() -> None:
    report_ = evolve(BASE.performance.project_reports[0], sections=(
        Section(1, "一、项目概况", ("该项目预算安排资金45万元，实际到位45万元。",)),))
    performance = evolve(BASE.performance, project_reports=(report_,))
    f = only("report-budgets", make_report(performance=performance))
    assert f.values == (D("45"), D("40"), D("5"))
    assert f.paths[1] == "performance.project_tables[第1个].funding.total.annual_budget"


# year over year ---------------------------------------------------------------------------------------
def test_prior_year_figures_nest() -> None:
    gb = evolve(BASE.general_budget, comparison=YearOnYear(prior=D("95"), reason="新增就业服务项目经费10万元"))
    f = only("prior-year", make_report(general_budget=gb))
    assert f.paths == ("general_budget.comparison.prior", "totals.prior") and f.level == ERROR


def test_a_reason_for_no_change() -> None:
    running_cost = evolve(BASE.running_cost, prior=D("10"), reason="压减开支")
    f = only("reason-zero-change", make_report(running_cost=running_cost))
    assert f.level == NOTICE and f.paths[0] == "running_cost.reason"


def test_one_change_two_reasons() -> None:
    gb = evolve(BASE.general_budget, comparison=YearOnYear(prior=D("90"), reason="人员增加"))
    f = only("reason-twice", make_report(general_budget=gb))
    assert f.paths == ("totals.reason", "general_budget.comparison.reason")


# vehicles, budgets ---------------------------------------------------------------------------------------
def test_no_vehicles_statement_against_a_count() -> None:
    assets = evolve(BASE.assets, vehicle_statement="本单位无公务用车。")
    found = run(BY_ID["vehicles-held"], make_report(assets=assets))
    assert [f.paths for f in found] == [("sangong.vehicles_held.sedan.count", "assets.vehicle_statement"),
                                        ("assets.vehicles.principal", "assets.vehicle_statement")]
    assert all(f.level == ERROR for f in found)


def test_vehicles_statement_without_counts_is_fine() -> None:
    assets = evolve(BASE.assets, vehicle_statement="本单位无公务用车。", vehicles=evolve(BASE.assets.vehicles,
                                                                                        principal=0))
    sangong = evolve(BASE.sangong, vehicles_held=Vehicles())
    assert run(BY_ID["vehicles-held"], make_report(assets=assets, sangong=sangong)) == []


def test_sum_of_line_budgets() -> None:
    lines = (evolve(BASE.accounts[0], budget=D("55")), *BASE.accounts[1:])
    f = only("budget-lines", make_report(accounts=lines))
    assert f.level == ERROR and f.values == (D("105"), D("100"), D("5"))


# pointing at the figure most likely wrong -----------------------------------------------------------
def test_a_line_breaking_two_sums_is_named_first() -> None:
    lines = (*BASE.accounts[:2], evolve(BASE.accounts[2], basic=D("10.5")))
    found = [f for f in check(make_report(accounts=lines)) if f.level == ERROR]
    assert found and all(f.paths[0].startswith("accounts[第3个]") for f in found if f.rule != "经济分类与功能分类")
    assert any("最可能有误的是2210201 10.5" in f.message for f in found)


def test_a_swapped_item_is_named_in_a_long_sum() -> None:
    items = tuple(evolve(it, amount=D("1.2")) if it.code == "30211" else it for it in BASE.basic_expenditure.items)
    items = (*items[:4], evolve(items[4], amount=D("2.1")))
    be = evolve(BASE.basic_expenditure, items=items, public_total=D("10.2"), total=D("60.2"))
    f = next(f for f in check(make_report(basic_expenditure=be)) if f.rule == "人员经费和公用经费")
    assert f.paths[0] == "basic_expenditure.items[第5个].amount"


@pytest.mark.parametrize(("written", "meant"), [("3398.52", "3398.25"), ("10567.7", "1056.77"), ("105.677", "1056.77")])
def test_typo_sources(written: str, meant: str) -> None:
    assert D(meant) in typo_sources(D(written))


def test_vehicle_type_count_named() -> None:
    sangong = evolve(BASE.sangong, vehicles_held=Vehicles(sedan=VehicleCount(count=2)))
    f = only("vehicles-held", make_report(sangong=sangong))
    assert f.paths == ("sangong.vehicles_held.sedan.count", "assets.vehicles.principal")


def test_units_by_kind_against_the_list() -> None:
    f = only("units-by-kind", with_paragraph("本局为行政机构，下设2个参公事业单位。"))
    assert f.values == (2, 0) and f.paths[1] == "department.units" and f.level == ERROR


def test_report_restating_the_year_totals_in_short() -> None:
    f = only("report-figures", with_paragraph("本部门2023年收入100万元，支出101万元。"))
    assert f.paths[1] == "expenditure.total" and f.values == (D("101"), D("100"), D("1"))


def test_findings_carry_structured_paths() -> None:
    lines = (*BASE.accounts[:2], evolve(BASE.accounts[2], basic=D("10.5")))
    f = next(f for f in check(make_report(accounts=lines)) if f.rule == "经济分类与功能分类")
    assert f.where == (("accounts", 2, "basic"), ("basic_expenditure", "items", 1, "amount"))
    assert f.paths == ("accounts[第3个].basic", "basic_expenditure.items[第2个].amount")


def test_report_restating_a_share_wrongly() -> None:
    text = "本年支出合计100万元，其中：基本支出60万元，占66%；项目支出40万元，占40%。"
    f = only("report-figures", with_paragraph(text))
    assert f.values == (D("66"), D("60.00")) and f.paths[1] == "expenditure.basic" and f.level == ERROR


def test_a_figure_the_text_states_otherwise_is_named_first() -> None:
    """基本支出 66 in the data while 附件1 writes 60 and the lines add up to 60: 基本支出 is the suspect."""
    report = with_paragraph("本年支出合计100万元，其中：基本支出60万元，项目支出40万元。")
    report = evolve(report, expenditure=evolve(BASE.expenditure, basic=D("66"), total=D("106")))
    f = next(f for f in check(report) if f.rule == "基本支出和项目支出" and "expenditure.basic" in f.paths)
    assert f.paths[0] == "expenditure.basic" and "最可能有误的是本年基本支出 66" in f.message


def test_words_that_may_mean_another_figure_are_not_read_as_typos() -> None:
    """With 事业收入 besides 财政拨款, 基本支出 may be the 一般公共预算 one: not read as a typo of the total."""
    report = with_paragraph("本年支出合计110万元，其中：基本支出60万元。")
    report = evolve(report, income=evolve(BASE.income, business=D("10"), total=D("110")),
                    expenditure=evolve(BASE.expenditure, basic=D("70"), total=D("110")))
    assert run(BY_ID["report-figures"], report) == []
