"""The checker on the reference example: K1–K7 of SPEC §7 at their levels, and nothing outside DOMAIN §6.2."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from juesuan_pdf.check import check
from juesuan_pdf.errors import ERROR, NOTICE, Finding
from juesuan_pdf.load import loads

EXAMPLE = Path(__file__).parents[2] / "examples" / "zhaohua-renshe-2023"


def example_text() -> str:
    """The example's data file as text (for line numbers)."""
    return (EXAMPLE / "report.toml").read_text(encoding="utf-8")


def D(text: str) -> Decimal:
    return Decimal(text)


# SPEC §7: the known inconsistencies the checker must report (rule, level, figures compared).
REQUIRED = {
    "K1": ("类款项合计", NOTICE, (D("4454.98"), D("4454.96"), D("0.02"))),
    "K2": ("类款项合计", NOTICE, (D("3943.88"), D("3943.86"), D("0.02"))),
    "K3": ("人员经费和公用经费", NOTICE, (D("86.81"), D("86.8"), D("0.01"))),
    "K4": ("同一数字两处", ERROR, (D("97"), D("86"), D("11"))),
    "K5": ("同一数字两处", ERROR, (D("5105.18"), D("4454.96"), D("650.22"))),
    # E8: 1651 in the 部门整体 form, 1994 in the 转移支付 form (written bare) and the 工作经费 form
    "K6": ("指标完成值", NOTICE, ("1651人", "1994", "1994人")),
    "K7": ("支出合计", ERROR, (D("4455.02"), D("4454.96"), D("0.06"))),
}
# DOMAIN §6.2: other errors of the reference the checker may report, each from figures the model holds.
ALLOWED = {
    "E1": ("基本支出和项目支出", NOTICE, (D("3398.21"), D("3398.25"), D("0.04"))),  # 项目支出 3398.25 is wrong
    # E5 in 附件1: “预算执行总体进度为100%” (twice) while the 部门整体 form executes 4454.96 of 5105.18
    "E5": ("同一数字两处", NOTICE, (D("100"), D("87.26"))),
    "E7": ("同一数字两处", ERROR, (D("98"), D("96"), D("2"))),
    "E9": ("指标完成值", NOTICE, ("10221人", "10316人")),
    "E19": ("文中分项", NOTICE, (62, 60)),
    "E17": ("完成率", NOTICE, (D("0"), D("0"))),
    "E25": ("变动原因", NOTICE, (D("242.69"), D("226.08"))),
    "E20": ("项目个数", NOTICE, (24, 22)),
    "E22": ("成本指标", NOTICE, (D("215"), D("109.38"), D("105.62"))),
    "E23": ("成本指标", NOTICE, (D("1847.48"),)),
    "E24": ("标题编号", NOTICE, ("机构职能。", "部门资金收支情况", "部门预算绩效分析", "部门预算总体绩效分析。",
                              "部门预算项目绩效分析。", "重点领域绩效分析。", "评价结论及建议", "评价结论。",
                              "存在问题。")),
    # E24's kind in 附件2: the reference prints “个性指标绩效分析。” without its （三） (line 2080)
    "E24b": ("标题编号", NOTICE, ("个性指标绩效分析。",)),
    "E28": ("指标完成值", NOTICE, ("54416", "人")),
}


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    text = example_text()
    return check(loads(text), text)


def key(f: Finding) -> tuple[str, str, tuple[Decimal | int | str, ...]]:
    return (f.rule, f.level, f.values)


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_reports_each_known_inconsistency(findings: list[Finding], name: str) -> None:
    assert REQUIRED[name] in [key(f) for f in findings]


def test_reports_nothing_outside_the_reference_errors(findings: list[Finding]) -> None:
    known = set(REQUIRED.values()) | set(ALLOWED.values())
    assert [f.render() for f in findings if key(f) not in known] == []


def test_every_finding_has_a_path_and_a_line(findings: list[Finding]) -> None:
    assert all(f.paths and f.line for f in findings)


def test_k7_message(findings: list[Finding]) -> None:
    (k7,) = [f for f in findings if key(f) == REQUIRED["K7"]]
    assert k7.paths == ("expenditure.basic", "expenditure.project", "expenditure.total")
    expected = "基本支出 1056.77 + 项目支出 3398.25 = 4455.02，与本年支出合计 4454.96 相差 0.06（超出尾差容许 0.01）"
    assert expected in k7.message


def test_k5_names_both_budgets(findings: list[Finding]) -> None:
    (k5,) = [f for f in findings if key(f) == REQUIRED["K5"]]
    assert k5.paths == ("performance.department_table.funding.general_budget.annual_budget", "general_budget.budget")
    assert "87.26%" in k5.message



def test_a_score_without_its_form_named_is_compared_with_the_form_its_subject_names() -> None:
    """Without `evaluation`, 十（四）'s “…部门整体（含部门预算项目）” is the 部门整体 form and “就业创业补助资金专项预算
    项目” the form named 就业创业补助资金: the same comparisons as with the forms named (K4 accepted), and a
    changed score is an 错误."""
    text = (EXAMPLE / "report.toml").read_text("utf-8")
    bare = "\n".join(line for line in text.splitlines() if not line.startswith("evaluation = "))

    def scores(source: str) -> list[tuple[str, str, tuple[str, ...], str]]:
        return [(f.level, f.message, f.paths, f.accepted) for f in check(loads(source))
                if f.paths and f.paths[0].startswith("performance_management.scores")]

    assert scores(bare) == scores(text) and scores(text)
    changed = bare.replace('score = 96\nsummary = "充分发挥', 'score = 95\nsummary = "充分发挥')
    [(level, message, paths, accepted)] = [s for s in scores(changed) if s not in scores(bare)]
    assert level == ERROR and not accepted and "95分" in message
    assert paths == ("performance_management.scores[第2个].score", "performance.transfer_tables[第1个].score")
