"""公开10表 政府性基金预算财政拨款收入支出决算表: the 政府性基金 fund's carry-overs, income and expenditure.

Form: national/Sichuan layout (项目 · 年初结转和结余 · 本年收入 · 本年支出 (小计 · 基本支出 · 项目支出) ·
年末结转和结余), DOMAIN.md §3.2 [K]; rows by account, 合计 first. Figures: the model's 政府性基金 income,
carry-overs and fund expenditure (第二部分 八). All zero: printed with the empty-table note (SPEC §6).
"""

from __future__ import annotations

from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.tables._fund_flow import build_fund_flow
from juesuan_pdf.doc import Table
from juesuan_pdf.model.report import Report

NUMBER = 10


def build(report: Report, profile: Profile) -> Table:
    """The 政府性基金预算财政拨款收入支出决算表 of `report`."""
    return build_fund_flow(report, profile, NUMBER, "政府性基金", profile.say("t10.fund"))
