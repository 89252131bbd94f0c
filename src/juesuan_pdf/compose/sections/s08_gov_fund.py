"""八、政府性基金预算支出决算情况说明: the fund's expenditure, with its 项 when non-zero."""

from __future__ import annotations

from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.sections import fund_sentence, paras
from juesuan_pdf.doc import Block
from juesuan_pdf.model.finance import Fund
from juesuan_pdf.model.report import Report

FUND: Fund = "政府性基金"


def expenditure_sentence(report: Report, profile: Profile) -> str:
    """`{Y}年度政府性基金预算拨款支出X万元。` (with the account breakdown when non-zero)."""
    return fund_sentence(report, profile, FUND, profile.say("s08.fund"))


def build(report: Report, profile: Profile) -> list[Block]:
    """The one sentence."""
    return list(paras(expenditure_sentence(report, profile)))
