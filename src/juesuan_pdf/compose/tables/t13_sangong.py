"""公开13表 财政拨款“三公”经费支出决算表: 三公 budget and actual by component, one data row.

Form: variant A of DOMAIN.md §3.2 (central 2019+ layout [K]; the column words are [V]): 预算数 over six
columns, then 决算数 over the same six: 合计 · 因公出国（境）费 · 公务用车购置及运行维护费 (小计 · 公务用车购置费 ·
公务用车运行维护费) · 公务接待费; 栏次 1–12. Sichuan's text says 公务用车购置及运行维护费, used here (the
national header says 公务用车购置及运行费). Figures: the model's 三公 budget and actual (第二部分 七).
"""

from __future__ import annotations

from decimal import Decimal

from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.tables import _rows as r
from juesuan_pdf.doc import Cell, Column, Row, Table
from juesuan_pdf.model.finance import SangongAmounts
from juesuan_pdf.model.report import Report

NUMBER = 13
COLUMNS: tuple[Column, ...] = (Column(weight=1.0, min_chars=4),) * 12  # equal widths: one data row


def _group(profile: Profile) -> tuple[tuple[Cell, ...], tuple[Cell, ...]]:
    total, abroad, vehicles, reception, subtotal, purchase, running = r.words(
        profile, "total", "t13.abroad", "t13.vehicles", "t13.reception", "subtotal", "t13.purchase", "t13.running"
    )
    top = (
        r.label(total, rowspan=2),
        r.label(abroad, rowspan=2),
        r.label(vehicles, colspan=3),
        r.label(reception, rowspan=2),
    )
    return top, (r.label(subtotal), r.label(purchase), r.label(running))


def header(profile: Profile) -> tuple[Row, ...]:
    """预算数 | 决算数, each 合计 · 因公出国（境）费 · 公务用车 (小计 · 购置 · 运行维护) · 公务接待费, and 1–12."""
    budget, actual = r.words(profile, "budget", "actual")
    top, second = _group(profile)
    return (
        (r.label(budget, colspan=6), r.label(actual, colspan=6)),
        top * 2,
        second * 2,
        tuple(r.label(str(i)) for i in range(1, 13)),
    )


def values(amounts: SangongAmounts) -> tuple[Decimal, ...]:
    """合计, 出国, 车小计, 购置, 运行维护, 接待 of one set of 三公 amounts."""
    a = amounts
    return a.amount, a.abroad, a.vehicles, a.vehicle_purchase, a.vehicle_running, a.reception


def build(report: Report, profile: Profile) -> Table:
    """The 财政拨款“三公”经费支出决算表 of `report`."""
    s = report.sangong
    figures = (*values(s.budget), *values(s.actual))
    empty = not any(figures)
    note = r.empty_note(report, profile, profile.say("t13.empty")) if empty else r.note(report, profile, "t13.note")
    row = tuple(r.money(v, blank_zero=empty) for v in figures)
    return Table(
        columns=COLUMNS,
        header_rows=header(profile),
        body_rows=(row,),
        notes=(note,),
        landscape=True,
        **r.frame(report, profile, NUMBER),
    )
