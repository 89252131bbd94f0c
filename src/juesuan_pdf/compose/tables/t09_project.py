"""公开09表 一般公共预算财政拨款项目支出决算表: 项目支出 by economic code, in blocks like 公开08表.

Form [G] (no published Sichuan 09 body was found; DOMAIN.md §3.2, TABLES.md): three blocks of 科目编码 ·
科目名称 · 决算数 listing the economic 类 and 款 with figures of the model's `project_expenditure`, code order;
footer `项目支出合计` with the fund's 项目支出 (sum of the 一般公共预算 account lines, the figure 公开06表 shows).
When the data gives no economic detail, the blocks stay empty and a note says so.
"""

from __future__ import annotations

from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.tables import _rows as r
from juesuan_pdf.doc import Row, Table
from juesuan_pdf.model.finance import Fund
from juesuan_pdf.model.report import Report

NUMBER = 9
FUND: Fund = "一般公共预算"


def header(profile: Profile) -> tuple[Row, ...]:
    """Three blocks of 科目编码 · 科目名称 · 决算数."""
    return (tuple(r.label(t) for _ in range(3) for t in r.words(profile, "code", "name", "actual")),)


def build(report: Report, profile: Profile) -> Table:
    """The 一般公共预算财政拨款项目支出决算表 of `report`."""
    rows = r.economic_rows(report, report.project_expenditure, r.code_table(report).economic_classes())
    body = [*r.block_rows(r.spread(rows, 3)), footer(report, profile)]
    return Table(
        columns=r.BLOCK_COLUMNS * 3,
        header_rows=header(profile),
        body_rows=tuple(body),
        notes=notes(report, profile),
        landscape=True,
        **r.frame(report, profile, NUMBER),
    )


def footer(report: Report, profile: Profile) -> Row:
    """项目支出合计: the fund's 项目支出."""
    _, project = report.fund_split(FUND)
    return (r.text(profile.label("table.t09.total"), colspan=8, bold=True), r.money(project, bold=True))


def notes(report: Report, profile: Profile) -> tuple[str, ...]:
    """The note; the empty-table note when there is no 项目支出, a caveat when it has no economic detail."""
    _, project = report.fund_split(FUND)
    if not project:
        return (r.empty_note(report, profile, profile.say("t09.empty")),)
    note = r.note(report, profile, "t09.note")
    if not report.project_expenditure:
        return (note + profile.say("t09.no_detail"),)
    return (note,)
