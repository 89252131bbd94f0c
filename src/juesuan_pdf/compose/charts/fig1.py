"""图1：收支决算总计变动情况图 — 收入总计 and 支出总计, last year and this year."""

from __future__ import annotations

from decimal import Decimal

from juesuan_pdf.compose.charts import two_years
from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.doc import BarChart
from juesuan_pdf.model.report import Report

CATEGORIES = ("fig1.income", "fig1.expenditure")
"""The profile's sentence keys of the two categories."""


def totals(report: Report, profile: Profile) -> tuple[Decimal, Decimal]:
    """The figures called 收、支总计: the 总计, or 本年收入合计 and 本年支出合计 when the profile says so."""
    if profile.totals_basis == "本年合计":
        return report.income.amount, report.expenditure.amount
    return report.income_grand_total, report.expenditure_grand_total


def build(report: Report, profile: Profile) -> BarChart:
    """Two categories, one bar per year (last year's 收入总计 and 支出总计 each their own figure)."""
    current = totals(report, profile)
    prior = (report.totals.income_prior, report.totals.expenditure_prior)
    categories = [profile.say(key) for key in CATEGORIES]
    return two_years(profile, "fig1", report.year, categories, current, prior)
