"""图1：收支决算总计变动情况图 — 收入总计 and 支出总计, last year and this year."""

from __future__ import annotations

from juesuan_pdf.compose.charts import two_years
from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.doc import BarChart
from juesuan_pdf.model.report import Report

CATEGORIES = ("收入总计", "支出总计")


def build(report: Report, profile: Profile) -> BarChart:
    """Two categories, one bar per year (last year's 收入总计 and 支出总计 each their own figure)."""
    current = (report.income_grand_total, report.expenditure_grand_total)
    prior = (report.totals.income_prior, report.totals.expenditure_prior)
    return two_years(profile, "fig1", report.year, CATEGORIES, current, prior)
