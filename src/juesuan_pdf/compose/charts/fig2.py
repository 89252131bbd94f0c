"""图2：收入决算结构图 — 本年收入合计 by source (the same items as the sentence of 二)."""

from __future__ import annotations

from decimal import Decimal

from juesuan_pdf.compose.charts import structure
from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.doc import PieChart
from juesuan_pdf.model.finance import INCOME_NAMES
from juesuan_pdf.model.report import Report


def sources(report: Report) -> list[tuple[str, Decimal]]:
    """(name, amount) of the eight sources in document order, zeros included."""
    return [(INCOME_NAMES[field], value) for field, value in report.income.items()]


def build(report: Report, profile: Profile) -> PieChart:
    """One slice per source, shares of 本年收入合计."""
    return structure(profile, "fig2", sources(report), report.income.amount)
