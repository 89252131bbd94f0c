"""二、收入决算情况说明: 本年收入合计 by its eight sources with shares, and 图2."""

from __future__ import annotations

from juesuan_pdf.compose.charts import fig2
from juesuan_pdf.compose.phrases import amount
from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.sections import paras
from juesuan_pdf.doc import Block
from juesuan_pdf.model.report import Report


def income_sentence(report: Report, profile: Profile) -> str:
    """`{Y}年本年收入合计I万元，其中：一般公共预算财政拨款收入a万元，占pa%；…。`"""
    whole = report.income.amount
    items = profile.shares(fig2.sources(report), whole)
    return profile.say("s02.income", year=report.year, total=amount(whole), items=items)


def build(report: Report, profile: Profile) -> list[Block]:
    """The sentence and 图2."""
    return [*paras(income_sentence(report, profile)), fig2.build(report, profile)]
