"""图3：支出决算结构图 — 本年支出合计 by kind (the same items as the sentence of 三)."""

from __future__ import annotations

from decimal import Decimal

from juesuan_pdf.compose.charts import structure
from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.doc import PieChart
from juesuan_pdf.model.finance import EXPENDITURE_NAMES
from juesuan_pdf.model.report import Report


def kinds(report: Report) -> list[tuple[str, Decimal]]:
    """(name, amount) of the five kinds in document order, zeros included."""
    return [(EXPENDITURE_NAMES[field], value) for field, value in report.expenditure.items()]


def build(report: Report, profile: Profile) -> PieChart:
    """One slice per kind, shares of 本年支出合计."""
    return structure(profile, "fig3", kinds(report), report.expenditure.amount)
