"""第二部分 sections 一 … 十: one module per section, each `build(report, profile) -> list[Block]`.

Each module also exposes its sentences as functions of the report and profile, so tests compare them
with the reference's sentences without building blocks. The helpers below are internal, may change.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from juesuan_pdf.compose import phrases
from juesuan_pdf.compose.phrases import account_name, amount
from juesuan_pdf.doc import Heading, Para
from juesuan_pdf.model.finance import Fund, YearOnYear
from juesuan_pdf.model.report import Report

if TYPE_CHECKING:
    from juesuan_pdf.compose.profiles import Profile


def para(text: str) -> Para:
    """A body paragraph of one run (first line indented)."""
    return Para.of(text)


def paras(*texts: str) -> list[Para]:
    """Body paragraphs for the non-empty texts."""
    return [para(t) for t in texts if t]


def subheading(text: str, key: str, level: int = 2) -> Heading:
    """A heading inside a section ((一) level 2 by default), in outline and contents."""
    return Heading(level, text, key=key)


def fund_sentence(report: Report, fund: Fund, label: str) -> str:
    """八/九: `{Y}年度{label}支出X万元。`, with the 项 breakdown when the fund spent anything."""
    head = f"{report.year}年度{label}支出{amount(report.fund_expenditure(fund))}"
    lines = [line for line in report.lines_of(fund) if line.actual != 0]
    if not lines:
        return head + "。"
    codes = report.codes()
    items = "；".join(f"{account_name(codes, line.code, line.name)}{amount(line.actual)}" for line in lines)
    return f"{head}，主要用于：{items}。"


def grand_total_sentence(
    report: Report, profile: Profile, totals: tuple[Decimal, Decimal], comparison: YearOnYear, prefix: str = ""
) -> str:
    """`{Y}年度{prefix}收、支总计均为T万元。与{Y-1}年度相比，{prefix}收、支总计各增加…。主要变动原因是…。`

    The sentence of 一 (prefix "") and of 四 (prefix 财政拨款): income and expenditure grand totals, stated
    once when equal and apart when not, then their change from last year and its reason.
    """
    income, spent = totals
    subject = f"{prefix}收、支总计"
    if income == spent:
        head = f"{report.year}年度{subject}均为{phrases.amount(income)}。"
    else:
        head = f"{report.year}年度{prefix}收入总计{phrases.amount(income)}，{prefix}支出总计{phrases.amount(spent)}。"
    compared = phrases.compare(
        income, comparison.prior, profile.wording.totals, profile.percent_places, prev=report.year - 1, subject=subject
    )
    reason = phrases.reason_sentence(profile.wording.change_reason, comparison.reason) if compared else ""
    return head + phrases.sentence(compared) + reason
