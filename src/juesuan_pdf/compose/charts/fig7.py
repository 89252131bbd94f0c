"""图7：“三公”经费财政拨款支出结构 — 因公出国（境）, 公务用车购置及运行维护, 公务接待 (as 七（二））."""

from __future__ import annotations

from decimal import Decimal

from juesuan_pdf.compose.charts import structure
from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.doc import PieChart
from juesuan_pdf.model.finance import SangongAmounts
from juesuan_pdf.model.report import Report

COMPONENTS = ("fig7.abroad", "fig7.vehicles", "fig7.reception")
"""The profile's sentence keys of the three components in document order."""


def components(amounts: SangongAmounts, profile: Profile) -> list[tuple[str, Decimal]]:
    """(name, amount) of 因公出国（境）费, 公务用车购置及运行维护费, 公务接待费."""
    names = [profile.say(key) for key in COMPONENTS]
    return list(zip(names, (amounts.abroad, amounts.vehicles, amounts.reception), strict=True))


def build(report: Report, profile: Profile) -> PieChart:
    """One slice per component, shares of the 三公 total."""
    actual = report.sangong.actual
    return structure(profile, "fig7", components(actual, profile), actual.amount)
