"""Numbers inside the reference's texts read against what states them again: a rate in a form's
completion text against its indicator, a rate written beside its two amounts, and the funds a
project report says were allocated (`下达…共计2167.7万元`) against its form."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from juesuan_pdf.check import check
from juesuan_pdf.errors import ERROR, NOTICE, Finding
from juesuan_pdf.load import loads

EXAMPLE = Path(__file__).parents[2] / "examples" / "zhaohua-renshe-2023" / "report.toml"
TEXT = EXAMPLE.read_text("utf-8")
BASE = {(f.rule, f.message) for f in check(loads(TEXT))}


def new_findings(old: str, new: str, count: int = 1) -> list[Finding]:
    """What the example reports beyond its own findings once `old` (written `count` times) reads `new`."""
    assert TEXT.count(old) == count, old
    return [f for f in check(loads(TEXT.replace(old, new))) if (f.rule, f.message) not in BASE]


def test_a_rate_in_the_completion_text_against_its_indicator() -> None:
    [f] = new_findings("生活补助发放及时率95%", "生活补助发放及时率59%")
    assert f.level == NOTICE and f.rule == "指标完成值"
    assert f.paths == ("performance.project_tables[第4个].indicators[第3个].actual",
                       "performance.project_tables[第4个].achieved")
    assert "写作“生活补助发放及时率59%”" in f.message


def test_a_rate_beside_its_two_amounts() -> None:
    [f] = new_findings("实际到位83.64万元，到位率100%", "实际到位73.64万元，到位率100%")
    assert f.level == ERROR and f.rule == "同一数字两处"
    assert f.paths == ("performance.project_reports[第2个].sections[第4个].paragraphs[第1个]",)
    assert "73.64 ÷ 83.64 = 88.04%，不是 100%" in f.message


def test_a_rate_within_its_printed_precision_passes() -> None:
    """83.46 ÷ 83.64 = 99.78 %, printed without decimals as 100 %: no finding."""
    assert new_findings("实际到位83.64万元，到位率100%", "实际到位83.46万元，到位率100%") == []


def test_funds_allocated_in_a_project_report_against_its_form() -> None:
    found = new_findings("属于上级资金，共计2167.7万元", "属于上级资金，共计2176.7万元", count=2)
    assert len(found) == 2 and all(f.level == ERROR for f in found)
    assert found[0].paths == ("performance.project_reports[第1个].sections[第2个].paragraphs[第1个]",
                              "performance.transfer_tables[第1个].funding.total.annual_budget")
    assert "所写的项目预算（“就业创业补助资金”自评表全年预算数） 2176.7万元" in found[0].message


SPENDING = "2023年本年支出合计4454.96万元，其中：基本支出1056.77万元，占23.7%；"


def test_spending_restated_in_the_department_report() -> None:
    """zhaohua's 附件1 paragraph on 支出 with a sentence on 人员/公用经费, “三公”经费 and 机关运行经费
    added: the data's figures pass, a mistyped one is an 错误 naming its key."""
    right = SPENDING + "人员经费969.97万元，公用经费86.8万元；“三公”经费支出9.41万元，机关运行经费86.8万元。"
    assert new_findings(SPENDING, right) == []
    [f] = new_findings(SPENDING, right.replace("公用经费86.8万元", "公用经费86.9万元"))
    assert f.level == ERROR and f.rule == "同一数字两处"
    assert f.paths[1] == "basic_expenditure.public_total"
    assert f.values == (Decimal("86.9"), Decimal("86.8"), Decimal("0.1"))
    [f] = new_findings(SPENDING, right.replace("9.41万元", "9.14万元"))
    assert f.paths[1] == "sangong.actual" and "所写的“三公”经费 9.14万元" in f.message


def test_a_budget_stated_by_the_same_words_is_not_read_as_the_actual() -> None:
    """`年初预算“三公”经费14.8万元，其中：公务接待费14.8万元` states zhaohua's budget, not its 决算 9.41."""
    budget = SPENDING + "年初预算“三公”经费14.8万元，其中：公务接待费14.8万元。"
    assert new_findings(SPENDING, budget) == []
