"""公开08表 一般公共预算财政拨款基本支出决算表: 基本支出 by economic code, 人员经费 beside 公用经费.

Form: national/Sichuan three-block layout (科目编码 · 科目名称 · 决算数 per block; 人员经费 over the first,
公用经费 over the other two), footer `人员经费合计 · 公用经费合计` [V structure from published fixtures, DOMAIN.md
§3.2]. Rows: every 款 of 301/302/303 from the code table (printed even when zero [K]) and the 款 with figures of
the other 公用经费 classes (307/309/310/399). The footer figures are the model's 人员经费 and 公用经费 (第二部分 六).
No 基本支出 at all: the empty-table note.
"""

from __future__ import annotations

from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.tables import _rows as r
from juesuan_pdf.doc import Cell, Row, Table
from juesuan_pdf.model.report import Report

NUMBER = 8
FULL_CLASSES = ("301", "302", "303")


def header(profile: Profile) -> tuple[Row, ...]:
    """人员经费 over the first block, 公用经费 over the other two; 科目编码 · 科目名称 · 决算数 in each."""
    personnel, public = r.words(profile, "t08.personnel", "t08.public")
    block = r.words(profile, "code", "name", "actual")
    return (r.label(personnel, colspan=3), r.label(public, colspan=6)), tuple(
        r.label(t) for _ in range(3) for t in block
    )


def build(report: Report, profile: Profile) -> Table:
    """The 一般公共预算财政拨款基本支出决算表 of `report`."""
    personnel, public = blocks(report)
    body = [*r.block_rows([personnel, *r.spread(public, 2)]), footer(report, profile)]
    basic = report.basic_expenditure
    empty = basic.amount == 0 and not basic.personnel_items and not basic.public_items
    note = r.empty_note(report, profile, profile.say("t08.empty")) if empty else r.note(report, profile, "t08.note")
    return Table(
        columns=r.BLOCK_COLUMNS * 3,
        header_rows=header(profile),
        body_rows=tuple(body),
        notes=(note,),
        landscape=True,
        **r.frame(report, profile, NUMBER),
    )


def blocks(report: Report) -> tuple[list[r.EconomicRow], list[r.EconomicRow]]:
    """(人员经费 rows, 公用经费 rows) from the model's personnel and public items."""
    basic = report.basic_expenditure
    table = r.code_table(report)
    personnel = r.economic_rows(report, basic.personnel_items, table.personnel_classes, FULL_CLASSES)
    public = r.economic_rows(report, basic.public_items, table.public_classes, FULL_CLASSES)
    return personnel, public


def footer(report: Report, profile: Profile) -> Row:
    """人员经费合计 and 公用经费合计 as the model states them."""
    basic = report.basic_expenditure
    personnel, public = r.words(profile, "t08.personnel_total", "t08.public_total")
    return (
        r.text(personnel, colspan=2, bold=True),
        r.money(basic.personnel, bold=True),
        r.text(public, colspan=5, bold=True),
        r.money(basic.public, bold=True),
    )


def footer_cells(table: Table) -> tuple[Cell, ...]:
    """The footer row of a built table (for tests)."""
    return table.body_rows[-1]
