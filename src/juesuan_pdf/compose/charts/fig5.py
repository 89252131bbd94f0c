"""图5：一般公共预算财政拨款支出决算变动情况 — the expenditure of last year and this year."""

from __future__ import annotations

from juesuan_pdf.compose.charts import two_years
from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.doc import BarChart
from juesuan_pdf.model.report import Report

CATEGORIES = ("fig5.expenditure",)
"""The profile's sentence key of the category."""


def build(report: Report, profile: Profile) -> BarChart:
    """One category, one bar per year."""
    prior = report.general_budget.comparison.prior
    categories = [profile.say(key) for key in CATEGORIES]
    return two_years(profile, "fig5", report.year, categories, (report.general_budget_total,), prior)
