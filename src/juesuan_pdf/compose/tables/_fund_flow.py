"""The shared body of 公开10表 and 公开11表: one fund's carry-overs, income and expenditure by account (internal)."""

from __future__ import annotations

from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.tables import _rows as r
from juesuan_pdf.doc import Table
from juesuan_pdf.model.finance import Fund
from juesuan_pdf.model.report import Report


def build_fund_flow(report: Report, profile: Profile, number: int, fund: Fund, fund_words: str) -> Table:
    """A fund's 收入支出决算表; an all-zero table carries the empty-table note."""
    totals = r.fund_flow_totals(report, fund)
    lines = report.lines_of(fund)
    empty = not lines and not any(totals)
    rows = [r.total_row(profile.label("table.total"), totals, blank_zero=empty)]
    rows += r.tree_rows(r.account_tree(report, lines, r.fund_flow_line))
    if empty:
        note = r.empty_note(report, profile, profile.say("fund_flow.empty", fund=fund_words))
    else:
        note = profile.say("fund_flow.note", subject=report.department.subject, fund=fund_words)
    return Table(
        columns=r.account_columns(6),
        header_rows=r.fund_flow_header(profile),
        body_rows=tuple(rows),
        notes=(note,),
        landscape=True,
        **r.frame(report, profile, number),
    )
