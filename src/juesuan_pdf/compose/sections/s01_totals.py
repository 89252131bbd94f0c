"""一、收入支出决算总体情况说明: 收、支总计 and their change from last year, with 图1."""

from __future__ import annotations

from juesuan_pdf.compose.charts import fig1
from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.sections import grand_total_sentence, paras
from juesuan_pdf.doc import Block
from juesuan_pdf.model.report import Report


def totals_sentence(report: Report, profile: Profile) -> str:
    """`{Y}年度收、支总计均为T万元。与{Y-1}年度相比，收、支总计各增加…。主要变动原因是…。`"""
    return grand_total_sentence(report, profile, fig1.totals(report, profile), report.totals)


def build(report: Report, profile: Profile) -> list[Block]:
    """The sentence and 图1."""
    return [*paras(totals_sentence(report, profile)), fig1.build(report, profile)]
