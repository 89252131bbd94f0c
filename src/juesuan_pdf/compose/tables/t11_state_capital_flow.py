"""公开11表 国有资本经营预算财政拨款收入支出决算表: the 国有资本经营 fund's carry-overs, income, expenditure.

Form: as 公开10表 for 国有资本经营预算, DOMAIN.md §3.2 [K]. Figures: the model's 国有资本经营 income,
carry-overs and fund expenditure (第二部分 九). All zero: printed with the empty-table note (SPEC §6).
"""

from __future__ import annotations

from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.tables._fund_flow import build_fund_flow
from juesuan_pdf.doc import Table
from juesuan_pdf.model.report import Report

NUMBER = 11


def build(report: Report, profile: Profile) -> Table:
    """The 国有资本经营预算财政拨款收入支出决算表 of `report`."""
    return build_fund_flow(report, profile, NUMBER, "国有资本经营", profile.say("t11.fund"))
