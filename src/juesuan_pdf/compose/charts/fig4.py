"""图4：财政拨款收、支决算总计变动情况 — 财政拨款收入总计 and 支出总计, last year and this year."""

from __future__ import annotations

from juesuan_pdf.compose.charts import two_years
from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.doc import BarChart
from juesuan_pdf.model.report import Report

CATEGORIES = ("fig4.income", "fig4.expenditure")
"""The profile's sentence keys of the two categories."""


def build(report: Report, profile: Profile) -> BarChart:
    """Two categories, one bar per year."""
    current = (report.fiscal_income_grand_total, report.fiscal_expenditure_grand_total)
    c = report.fiscal.comparison
    categories = [profile.say(key) for key in CATEGORIES]
    return two_years(profile, "fig4", report.year, categories, current, (c.income_prior, c.expenditure_prior))
