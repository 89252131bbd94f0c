"""Performance annex model: derived 执行率, indicator numbering, and the example as published (errors kept)."""

from __future__ import annotations

import tomllib
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import cattrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from juesuan_pdf.load.toml import CONVERTER
from juesuan_pdf.model.performance import (
    FundingRow,
    Indicator,
    Performance,
    number_within_groups,
)

EXAMPLE = Path(__file__).parents[2] / "examples" / "zhaohua-renshe-2023"


def load_example() -> Performance:
    """The example's annex: its own file while it exists, else the [performance] table of report.toml."""
    path = EXAMPLE / "performance.toml"
    if not path.exists():
        path = EXAMPLE / "report.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    return CONVERTER.structure(data["performance"], Performance)


@pytest.fixture(scope="module")
def perf() -> Performance:
    return load_example()


# ---------------------------------------------------------------------------------------- 执行率
def test_rate_of_the_department_form() -> None:
    row = FundingRow(Decimal("1948.3"), Decimal("5105.18"), Decimal("4454.96"))
    assert row.rate == Decimal("87.26")


def test_full_execution_prints_two_decimals() -> None:
    assert str(FundingRow(annual_budget=Decimal("196.5"), executed=Decimal("196.5")).rate) == "100.00"


def test_rate_rounds_half_up() -> None:
    # 1 / 32 = 3.125 %: half-up gives 3.13 where half-even would give 3.12.
    assert FundingRow(annual_budget=Decimal(32), executed=Decimal(1)).rate == Decimal("3.13")


@pytest.mark.parametrize(
    "row",
    [
        FundingRow(),
        FundingRow(annual_budget=Decimal("2167.7")),
        FundingRow(annual_budget=Decimal(0), executed=Decimal(1)),
    ],
)
def test_no_rate_without_both_figures_or_with_a_zero_budget(row: FundingRow) -> None:
    assert row.rate is None


amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2)


@given(amounts, amounts)
def test_rate_is_the_half_up_quotient(budget: Decimal, executed: Decimal) -> None:
    expected = (executed * 100 / budget).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert FundingRow(annual_budget=budget, executed=executed).rate == expected


@given(amounts)
def test_spending_the_whole_budget_is_100_percent(budget: Decimal) -> None:
    assert FundingRow(annual_budget=budget, executed=budget).rate == Decimal("100.00")


def test_blank_line() -> None:
    assert FundingRow().is_blank
    assert not FundingRow(annual_budget=Decimal(1)).is_blank


# ---------------------------------------------------------------------------------------- 指标N：
def _ind(level1: str, level2: str) -> Indicator:
    return Indicator(level1, level2, "x", "≥1", "1")


def test_numbering_restarts_with_each_level2_group() -> None:
    rows = (
        _ind("产出", "数量"),
        _ind("产出", "数量"),
        _ind("产出", "质量"),
        _ind("效益", "质量"),
        _ind("效益", "质量"),
    )
    assert number_within_groups(rows) == (1, 2, 1, 1, 2)


def test_numbering_of_the_example_matches_the_published_form(perf: Performance) -> None:
    assert perf.department_table is not None
    published = (1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 1, 2, 1, 2, 1, 1, 2, 3, 4, 1, 1, 1)  # reference lines 445–646
    assert perf.department_table.indicator_numbers() == published


# ---------------------------------------------------------------------------------------- root
def test_empty_annex() -> None:
    assert Performance().scores == {}


def test_unknown_key_is_refused() -> None:
    data = {"department_report": {"title": "t", "sectoins": []}}
    with pytest.raises(cattrs.BaseValidationError):
        CONVERTER.structure(data, Performance)


def test_indicator_values_must_be_text() -> None:
    data = {"level1": "产出指标", "level2": "数量指标", "name": "n", "target": 1300, "actual": "1651人"}
    with pytest.raises(cattrs.BaseValidationError):
        CONVERTER.structure(data, Indicator)


# ---------------------------------------------------------------------------------------- the example
def test_example_shape(perf: Performance) -> None:
    assert perf.department_report is not None
    assert len(perf.department_report.sections) == 25
    assert len(perf.transfer_tables) == 1
    assert len(perf.project_tables) == 7
    assert [len(r.sections) for r in perf.project_reports] == [23, 23]


def test_example_scores_as_published(perf: Performance) -> None:
    # E6: 86 here vs 97 in 第二部分; E7: 96 in the 转移支付 form vs 98 in its 附件2 report.
    scores = perf.scores
    assert scores["广元市昭化区部门整体支出绩效目标自评表"] == 86
    assert scores["就业创业补助资金"] == 96
    assert [t.score for t in perf.project_tables] == [95, 91, 96, 93, 93, 93, 91]


def test_example_rates(perf: Performance) -> None:
    assert perf.department_table is not None
    assert perf.department_table.funding.total.rate == Decimal("87.26")
    assert perf.transfer_tables[0].funding.total.rate is None  # 全年执行数 left blank (E23)
    assert all(t.funding.total.rate == Decimal("100.00") for t in perf.project_tables)


def test_example_money_as_written(perf: Performance) -> None:
    assert perf.department_table is not None
    assert str(perf.department_table.funding.total.initial_budget) == "1948.3"
    assert str(perf.project_tables[-1].funding.total.annual_budget) == "70"


def test_example_keeps_published_errors(perf: Performance) -> None:
    dept = perf.department_table
    assert dept is not None
    by_name = {i.name: i for i in dept.indicators}
    assert by_name["城乡居民参保缴费人数"].actual == "54416"  # E28: no unit
    assert by_name["确保城镇新增就业人数"].actual == "1651人"  # E8
    transfer = perf.transfer_tables[0]
    assert {i.name: i.target for i in transfer.indicators}["城镇新增就业人数"] == "≥1600人"  # E23
    assert "社会保险补贴人数108人" in transfer.achieved  # E29
    pension = perf.project_tables[2]
    assert pension.indicators[0].actual == "10221人" and "10316人" in pension.achieved  # E9
    assert perf.department_report is not None
    assert "机构职能。" in perf.department_report.headings  # E24: numbering lost, kept
    assert "在编在职人员总数62人" in perf.department_report.sections[3].paragraphs[0]  # E19
