"""三、支出决算情况说明: 本年支出合计 by its five kinds with shares, and 图3."""

from __future__ import annotations

from juesuan_pdf.compose.charts import fig3
from juesuan_pdf.compose.phrases import amount
from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.sections import paras
from juesuan_pdf.doc import Block
from juesuan_pdf.model.report import Report


def expenditure_sentence(report: Report, profile: Profile) -> str:
    """`{Y}年本年支出合计E万元，其中：基本支出b万元，占pb%；…。`"""
    whole = report.expenditure.amount
    items = profile.shares(fig3.kinds(report), whole)
    return profile.say("s03.expenditure", year=report.year, total=amount(whole), items=items)


def build(report: Report, profile: Profile) -> list[Block]:
    """The sentence and 图3."""
    return [*paras(expenditure_sentence(report, profile)), fig3.build(report, profile)]
