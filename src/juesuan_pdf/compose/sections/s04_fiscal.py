"""四、财政拨款收入支出决算总体情况说明: 财政拨款收、支总计 and their change, with 图4."""

from __future__ import annotations

from juesuan_pdf.compose.charts import fig4
from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.sections import grand_total_sentence, paras
from juesuan_pdf.doc import Block
from juesuan_pdf.model.report import Report


def fiscal_sentence(report: Report, profile: Profile) -> str:
    """`{Y}年度财政拨款收、支总计均为T万元。与{Y-1}年度相比，财政拨款收、支总计各增加…。主要变动原因是…。`"""
    totals = (report.fiscal_income_grand_total, report.fiscal_expenditure_grand_total)
    return grand_total_sentence(report, profile, totals, report.fiscal.comparison, prefix=profile.say("s04.prefix"))


def build(report: Report, profile: Profile) -> list[Block]:
    """The sentence and 图4."""
    return [*paras(fiscal_sentence(report, profile)), fig4.build(report, profile)]
