"""图2：收入决算结构图 — 本年收入合计 by source (the same items as the sentence of 二)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from juesuan_pdf.compose.charts import structure
from juesuan_pdf.doc import PieChart
from juesuan_pdf.model.report import Report

if TYPE_CHECKING:
    from juesuan_pdf.compose.profiles import Profile

SOURCE_NAMES = {
    "general_budget": "一般公共预算财政拨款收入",
    "gov_fund": "政府性基金预算财政拨款收入",
    "state_capital": "国有资本经营预算财政拨款收入",
    "higher_subsidy": "上级补助收入",
    "business": "事业收入",
    "operating": "经营收入",
    "affiliated": "附属单位上缴收入",
    "other": "其他收入",
}
"""The document's name of each income source (field of `model.finance.Income`)."""


def sources(report: Report) -> list[tuple[str, Decimal]]:
    """(name, amount) of the eight sources in document order, zeros included."""
    return [(SOURCE_NAMES[field], value) for field, value in report.income.items()]


def build(report: Report, profile: Profile) -> PieChart:
    """One slice per source, shares of 本年收入合计."""
    return structure(profile, "fig2", sources(report), report.income.amount)
