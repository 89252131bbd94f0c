"""The account lines stated a second time: 项目支出 by economic class (公开09), and each appropriation
line's carry-overs and income (公开10/11 rows against their 合计 and against themselves).

Each case is the natural-resources example (two 政府性基金 lines with carry-overs, five 项目支出 economic
items) with one figure changed in its text, as a clerk would mistype it.
"""

from __future__ import annotations

from pathlib import Path

from juesuan_pdf.check import check
from juesuan_pdf.errors import ERROR, Finding
from juesuan_pdf.load import loads

EXAMPLE = Path(__file__).parents[2] / "examples" / "synthetic-county-natural-resources-2023" / "report.toml"
TEXT = EXAMPLE.read_text("utf-8")


def changed(old: str, new: str) -> str:
    """The example's text with the one line `old` written as `new`."""
    assert TEXT.count(f"\n{old}\n") == 1, old
    return TEXT.replace(f"\n{old}\n", f"\n{new}\n")


def findings(text: str, rule_title: str) -> list[Finding]:
    """The findings whose message comes from a rule, by a part of its message."""
    return [f for f in check(loads(text), text) if rule_title in f.message]


def test_the_example_states_its_lines_consistently() -> None:
    assert [f.render() for f in check(loads(TEXT)) if f.level == ERROR] == []


def test_a_project_economic_item_off_by_half_a_wan_breaks_the_functional_sum() -> None:
    """Which of the five items moved is not in the data: the finding names the economic items as a group."""
    text = changed("amount = 540", "amount = 540.5")
    [f] = findings(text, "一般公共预算项目支出各经济分类科目")
    assert f.level == ERROR and f.rule == "基本支出和项目支出"
    assert "相差 0.5" in f.message and "project_expenditure" in f.paths


def test_a_project_economic_item_with_two_digits_swapped_is_named() -> None:
    text = changed("amount = 540", "amount = 450")
    [f] = findings(text, "一般公共预算项目支出各经济分类科目")
    assert f.level == ERROR
    # 120 → 210 would close the gap as well: both swaps are named, the other items are not
    assert f.paths[:2] == ("project_expenditure[第1个].amount", "project_expenditure[第2个].amount")
    assert "最可能有误的是经济分类科目 30226 劳务费 120、经济分类科目 30227 委托业务费 450" in f.message


def test_a_line_carry_out_typo_is_named_by_its_fund_and_its_own_row() -> None:
    text = changed("carry_out = 400", "carry_out = 40")
    carry = findings(text, "政府性基金各项级科目的年末财政拨款结转和结余")
    assert [f.rule for f in carry] == ["财政拨款收支"]
    assert carry[0].message.startswith("公开10表：")
    assert carry[0].paths[:2] == ("accounts[第10个].carry_out", "accounts[第11个].carry_out")
    row = findings(text, "科目 2120801（政府性基金）")
    assert len(row) == 1 and row[0].level == ERROR
    assert "accounts[第10个].carry_out" in row[0].paths
    assert "年初结转和结余 500 + 本年收入 4100 = 4600" in row[0].message
    assert "相差 360" in row[0].message


def test_a_line_expenditure_typo_is_named_by_its_row() -> None:
    """A stale 项目支出 of the line (last year's 4000) breaks the fund's sums and the line's own row,
    which names it: the row's income and carry-overs are stated and agree with each other."""
    text = changed("project = 4200", "project = 4000")
    row = findings(text, "科目 2120801（政府性基金）")
    assert len(row) == 1 and row[0].level == ERROR
    assert "accounts[第10个]" in row[0].paths
    assert "本年支出 4000" in row[0].message


def test_lines_without_income_or_carry_overs_are_not_judged_row_by_row() -> None:
    """zhaohua states neither income nor carry-overs per line: the row rule has nothing to compare."""
    zhaohua = (EXAMPLE.parents[1] / "zhaohua-renshe-2023" / "report.toml").read_text("utf-8")
    assert [f for f in check(loads(zhaohua)) if f.rule == "财政拨款收支"] == []


def test_a_general_budget_line_giving_only_its_income_leaves_carry_overs_to_the_fund() -> None:
    """culture-tourism's 2070199 without its carry-over keys: income 1466.25 against 决算 1484.67 is
    closed by `[fiscal]`'s carry-overs, which no table prints by line for 一般公共预算 — no finding."""
    culture = EXAMPLE.parents[1] / "synthetic-county-culture-tourism-2022" / "report.toml"
    original = culture.read_text("utf-8")
    text = original.replace("\ncarry_in = 120\ncarry_out = 101.58\n", "\n")
    assert text.count("carry_in = 120") == original.count("carry_in = 120") - 1
    assert [f.render() for f in check(loads(text)) if f.rule == "财政拨款收支"] == []
