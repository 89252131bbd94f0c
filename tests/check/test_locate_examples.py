"""Which figure `locate` names when one typo breaks sums of the examples' data: figures cleared by the
same money stated apart are no suspects, and the one line off its usual value is named alone."""

from __future__ import annotations

from pathlib import Path

from juesuan_pdf.check import check
from juesuan_pdf.errors import ERROR, Finding
from juesuan_pdf.load import loads

EXAMPLES = Path(__file__).parents[2] / "examples"


def errors_with(example: str, old: str, new: str) -> list[Finding]:
    """The 错误 of an example whose one data line `old` is written as `new`."""
    text = (EXAMPLES / example / "report.toml").read_text("utf-8")
    assert text.count(f"\n{old}\n") == 1, old
    changed = text.replace(f"\n{old}\n", f"\n{new}\n")
    return [f for f in check(loads(changed)) if f.level == ERROR and not f.accepted]


def test_lines_confirmed_by_their_economic_item_are_no_suspects() -> None:
    """culture-tourism: 2070101 基本支出 half a 万元 off breaks the 基本支出 column. Of the seven lines
    with 基本支出, 2080505/2101101/2101102/2210201 equal their contribution items (30108, 30110, 30113):
    the three others are named, and no near-fit of a cleared line's digits is offered instead."""
    found = errors_with("synthetic-county-culture-tourism-2022", "basic = 420.15", "basic = 420.65")
    column = [f for f in found if f.paths[-1] == "expenditure.basic"]
    assert len(column) == 1
    assert column[0].paths[:3] == ("accounts[第1个].basic", "accounts[第2个].basic", "accounts[第3个].basic")
    assert "最可能有误的是2070101 420.65、2070104 310.42、2070109 265.30" in column[0].message
    assert not any("2210201" in f.message or "2080505" in f.message for f in found)


def test_the_one_line_whose_budget_left_its_actual_is_named() -> None:
    """zhaohua: every 项 line's 全年预算数 equals its 决算 but 2080711's, mistyped 141.0 for 140.1."""
    found = errors_with("zhaohua-renshe-2023", "budget = 140.1", "budget = 141.0")
    [f] = [f for f in found if "general_budget.budget" in f.paths]
    assert f.paths[0] == "accounts[第14个].budget"
    assert "最可能有误的是2080711 141.0（同一合计中只有它与同一科目的预算数或决算数不一致" in f.message


def test_the_figures_left_when_the_confirmed_are_set_aside_are_named() -> None:
    """hospital: the 事业 line's 基本支出 half a 万元 off breaks only the 基本支出 column. The 一般公共预算
    lines there close their own rows or equal their contribution items; the 事业 line and the stated
    本年基本支出 are all that is left, and both are named."""
    found = errors_with("synthetic-county-hospital-2023", "basic = 23015.55", "basic = 23016.05")
    [f] = found
    assert f.paths[:2] == ("accounts[第6个].basic", "expenditure.basic")
    assert "最可能有误的是2100201 23016.05、本年基本支出 24310.55" in f.message
    assert "（同一合计的其余各数都与另一处所写的同一笔钱相符）" in f.message


def test_a_sangong_item_off_its_sangong_figure_is_named() -> None:
    """culture-tourism: 30217 公务接待费 3.86 (= 七's 公务接待费) typed as last year's 3.59 breaks 公用经费;
    of its twelve items only 30217 left the figure 七 states for the same money, by exactly the gap."""
    found = errors_with("synthetic-county-culture-tourism-2022", 'code = "30217"\namount = 3.86',
                        'code = "30217"\namount = 3.59')
    [f] = [f for f in found if "公用经费各经济分类科目" in f.message]
    assert f.paths[0] == "basic_expenditure.items[第15个].amount"
    assert "最可能有误的是30217 公务接待费 3.59（同一合计中只有它与“三公”经费中公务接待费决算数不一致" in f.message


def test_digits_that_fit_the_gap_only_within_a_long_sums_tolerance_are_no_evidence() -> None:
    """culture-tourism 2070101 half a 万元 off: 一般公共预算财政拨款收入 3859.16 → 3859.61 would fit the gap 0.50
    within the 尾差 of nine lines (0.045), but a real swap leaves at most a cent or two: it is not named."""
    found = errors_with("synthetic-county-culture-tourism-2022", "basic = 420.15", "basic = 420.65")
    assert not any("最可能有误的是一般公共预算财政拨款收入" in f.message for f in found)


def test_the_line_another_sum_singles_out_is_named_over_digits_that_fit() -> None:
    """zhaohua 2080109 项目支出 half a 万元 off: the 类 and total sums single it out (the one line off its
    budget); the 项目支出 column, where 196.5 → 196.05 would fit the gap with its old 0.04, names it too."""
    found = errors_with("zhaohua-renshe-2023", "project = 102.62", "project = 103.12")
    column = [f for f in found if f.paths[-1] == "expenditure.project"]
    assert len(column) == 1 and column[0].paths[0] == "accounts[第4个].project"
    assert "最可能有误的是2080109 103.12（另一处合计相差同样的数，其中只有它与同一科目的预算数或决算数不一致）" in (
        column[0].message)
    assert not any("196.5" in f.message.split("最可能有误的是")[-1] for f in found)


def test_a_swap_in_a_lines_column_explains_its_total() -> None:
    """culture-tourism 2070109 项目支出 410 → 401: the line's total 666.30 shows no swap of its own digits,
    its 项目支出 column does; 2070204 512.04 (from 521.04) fits as exactly, so both are named."""
    found = errors_with("synthetic-county-culture-tourism-2022", "project = 410", "project = 401")
    [f] = [f for f in found if f.paths[-1] == "general_budget.total"]
    assert f.paths[:2] == ("accounts[第3个]", "accounts[第5个]")
    assert "最可能有误的是2070109 666.30、2070204 512.04（它像是由正确值误写而来）" in f.message


def test_an_item_no_other_figure_states_is_listed_with_the_others_left() -> None:
    """culture-tourism: 30102 津贴补贴 half a 万元 off breaks only the 人员经费 sum. 人员经费 itself is held
    by 基本支出 = 人员经费 + 公用经费, and 30108/30110/30113 equal their 项 lines: the four items left are
    listed to check, each with its path and line, the changed one among them."""
    text = (EXAMPLES / "synthetic-county-culture-tourism-2022" / "report.toml").read_text("utf-8")
    changed = text.replace('code = "30102"\namount = 210.50', 'code = "30102"\namount = 211.00')
    [f] = [f for f in check(loads(changed), changed) if f.level == ERROR]
    assert "若只有一处写错，应在以下4项之中，请逐项核对：30101 基本工资 380.20、30102 津贴补贴 211.00、" in f.message
    assert f.paths[2:] == tuple(f"basic_expenditure.items[第{k}个].amount" for k in (1, 2, 3, 4))
    assert "basic_expenditure.items[第2个].amount（第180行）" in f.render()
    assert "30108" not in f.message and "最可能有误" not in f.message


def test_the_figure_every_other_sum_clears_is_the_one_left() -> None:
    """zhaohua K7: 基本支出 + 项目支出 misses 本年支出合计 by 0.06; 基本支出 and the total are held by the
    sums they are in, so the one figure left is 项目支出 (the reference's own error, accepted as published)."""
    text = (EXAMPLES / "zhaohua-renshe-2023" / "report.toml").read_text("utf-8")
    [f] = [f for f in check(loads(text)) if f.paths[-1] == "expenditure.total" and f.level == ERROR]
    assert f.message.endswith("若只有一处写错，应是项目支出 3398.25")
    assert f.accepted


def test_nothing_is_listed_when_no_figure_of_the_sum_is_cleared() -> None:
    """education: a 项 line's 全年预算数 one off breaks only Σ 全年预算数, which nothing else states: every
    figure of that sum is as likely, and naming them all would say nothing."""
    found = errors_with("synthetic-county-education-2024", "budget = 5100", "budget = 5101")
    [f] = [f for f in found if "general_budget.budget" in f.paths]
    assert "若只有一处写错" not in f.message and "最可能有误" not in f.message


def test_digits_that_fit_in_a_figure_of_one_broken_sum_lose_to_the_figures_of_all() -> None:
    """culture-tourism 2070109 项目支出 410 typed 409.37 breaks four sums by 0.63. 30227's 1350.81 would be
    1350.18 swapped, which fits the gap of the one sum it is in (function against economic class), but its
    typo would not have broken the other three: the lines in all four are named there, not 30227."""
    found = errors_with("synthetic-county-culture-tourism-2022", "project = 410", "project = 409.37")
    [f] = [f for f in found if "project_expenditure" in f.paths]
    assert "最可能有误的是2070104 85.60、2070109 409.37、2070204 512.04" in f.message
    assert "30227" not in f.message and f.paths[0] == "accounts[第2个].project"
