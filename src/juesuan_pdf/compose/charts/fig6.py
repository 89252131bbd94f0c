"""图6：一般公共预算财政拨款支出决算结构 — the expenditure by 类 (the same items as 五（二）)."""

from __future__ import annotations

from decimal import Decimal

from juesuan_pdf.compose.charts import structure
from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.doc import PieChart
from juesuan_pdf.model.report import Report


def class_items(report: Report) -> list[tuple[str, Decimal]]:
    """(类 name, amount) of 一般公共预算 expenditure in code order."""
    codes = report.codes()
    return [(codes.functional_name(code), value) for code, value in report.general_budget_classes()]


def build(report: Report, profile: Profile) -> PieChart:
    """One slice per 类, shares of 一般公共预算财政拨款支出."""
    return structure(profile, "fig6", class_items(report), report.general_budget_total)
