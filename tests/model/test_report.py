"""Derived figures of the report model on the bundled example."""

from decimal import Decimal
from pathlib import Path

import pytest

from juesuan_pdf.load import load
from juesuan_pdf.model.report import Report

EXAMPLE = Path(__file__).parents[2] / "examples" / "zhaohua-renshe-2023" / "report.toml"


@pytest.fixture(scope="module")
def report() -> Report:
    return load(EXAMPLE)


def test_grand_totals_balance(report: Report) -> None:
    assert report.income_grand_total == report.expenditure_grand_total == Decimal("4454.96")
    assert report.fiscal_income_grand_total == Decimal("4454.96")


def test_general_budget_lines_keep_the_rounding_gap(report: Report) -> None:
    assert report.general_budget_lines_sum == Decimal("4454.98")
    assert report.general_budget_total == Decimal("4454.96")
    assert len(report.general_budget_lines) == 20


def test_class_totals_are_the_stated_ones(report: Report) -> None:
    classes = dict(report.general_budget_classes())
    assert classes["208"] == Decimal("3943.86")
    assert list(classes) == ["205", "206", "208", "210", "213", "221"]


def test_basic_split_matches_basic_expenditure(report: Report) -> None:
    assert sum(a.basic for a in report.accounts) == report.basic_expenditure.amount == Decimal("1056.77")
    assert report.basic_expenditure.personnel == Decimal("969.97")
    assert sum(i.amount for i in report.basic_expenditure.public_items) == Decimal("86.81")


def test_units_are_counted_from_the_list(report: Report) -> None:
    dep = report.department
    assert len(dep.subordinate_units) == 7
    assert dep.count_of("参照公务员法管理的事业单位") == 3
    assert dep.count_of("其他事业单位") == 4
    assert dep.count_of("行政单位") == 0


def test_amounts_are_decimal(report: Report) -> None:
    assert isinstance(report.income.general_budget, Decimal)
    assert isinstance(report.sangong.actual.reception, Decimal)
