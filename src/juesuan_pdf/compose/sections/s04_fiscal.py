"""四、财政拨款收入支出决算总体情况说明: 财政拨款收、支总计 and their change, with 图4."""

from __future__ import annotations

from typing import TYPE_CHECKING

from juesuan_pdf.compose import phrases
from juesuan_pdf.compose.charts import fig4
from juesuan_pdf.compose.phrases import amount
from juesuan_pdf.compose.sections import paras
from juesuan_pdf.doc import Block
from juesuan_pdf.model.report import Report

if TYPE_CHECKING:
    from juesuan_pdf.compose.profiles import Profile


def fiscal_sentence(report: Report, profile: Profile) -> str:
    """`{Y}年度财政拨款收、支总计均为T万元。与{Y-1}年度相比，财政拨款收、支总计各增加…。主要变动原因是…。`"""
    income, spent = report.fiscal_income_grand_total, report.fiscal_expenditure_grand_total
    subject = "财政拨款收、支总计"
    if income == spent:
        head = f"{report.year}年度{subject}均为{amount(income)}。"
    else:
        head = f"{report.year}年度财政拨款收入总计{amount(income)}，财政拨款支出总计{amount(spent)}。"
    comparison = report.fiscal.comparison
    compared = phrases.compare(
        income, comparison.prior, profile.wording.totals, profile.percent_places, prev=report.year - 1, subject=subject
    )
    reason = phrases.reason_sentence(profile.wording.change_reason, comparison.reason) if compared else ""
    return head + phrases.sentence(compared) + reason


def build(report: Report, profile: Profile) -> list[Block]:
    """The sentence and 图4."""
    return [*paras(fiscal_sentence(report, profile)), fig4.build(report, profile)]
