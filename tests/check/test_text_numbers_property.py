"""Free text is read, never guessed: any text is checked without failing, and a figure is compared only
where a label states it."""

from __future__ import annotations

from factory import BASE, DEPARTMENT_REPORT, evolve, make_report
from hypothesis import given, settings
from hypothesis import strategies as st

from juesuan_pdf.check import check, run
from juesuan_pdf.check.registry import BY_ID
from juesuan_pdf.check.years import stated_changes
from juesuan_pdf.model.finance import YearOnYear
from juesuan_pdf.model.performance import Section

PIECES = st.sampled_from([
    "基本支出", "项目支出", "本年支出合计", "收入", "支出", "总编制", "在编在职人员总数", "退休人员", "，", "。", "：",
    "占", "%", "万元", "人", "名", "个", "较上年", "增加", "减少", "下降", "主要原因是", "其中", "60", "40", "100",
    "9.5", "0.01", "年", "参公", "事业单位", "该类项目总数", "（", "）", " ",
    "编制", "核定事业编制", "行政编制", "在编在职教职工", "其他收入", "事业收入", "年初结转和结余", "年末结转和结余",
    "全年预算数", "全年执行数", "年初预算", "全年实际支出", "一般公共预算财政拨款",
])
TEXT = st.lists(PIECES, max_size=30).map("".join)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_any_report_text_is_checked_without_failing(text: str) -> None:
    sections = (*DEPARTMENT_REPORT.sections, Section(2, "（一）收支情况。", (text,)))
    report = make_report(performance=evolve(BASE.performance, department_report=evolve(DEPARTMENT_REPORT,
                                                                                        sections=sections)))
    for finding in check(report):
        assert finding.paths and finding.message


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_any_project_report_text_is_checked_without_failing(text: str) -> None:
    rep = evolve(BASE.performance.project_reports[0], sections=(Section(1, "一、项目概况", (text,)),))
    report = make_report(performance=evolve(BASE.performance, project_reports=(rep,)))
    for finding in check(report):
        assert finding.paths and finding.message


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_any_reason_is_read_without_failing(text: str) -> None:
    gb = evolve(BASE.general_budget, comparison=YearOnYear(prior=BASE.general_budget.comparison.prior, reason=text))
    found = run(BY_ID["reason-figures"], make_report(general_budget=gb))
    assert len(found) <= len(stated_changes(text))
    if "较上年" not in text:
        assert found == []
