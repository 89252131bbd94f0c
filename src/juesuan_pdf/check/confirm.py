"""Figures a second, independent statement confirms: no suspects when a sum they belong to breaks.

An auditor who finds a 项 line's 基本支出 equal to the economic item booking the same money (2080505
养老支出 = 30108 养老保险缴费), or a line's 本年支出 closing its own row (年初结转 + 本年收入 = 本年支出 +
年末结转), takes that line as right when a column sum breaks, and looks among the others. `locate`
leaves these figures out of the candidates that only share the broken sums; a figure whose own value
explains the gap (a swapped digit) is still named.
"""

from __future__ import annotations

from juesuan_pdf.load.paths import Path
from juesuan_pdf.model.finance import FISCAL_FUNDS
from juesuan_pdf.model.money import total
from juesuan_pdf.model.report import Report

from .economic import ECONOMIC_TO_FUNCTIONAL


def confirmed(report: Report) -> frozenset[Path]:
    """The figures (as `locate.figure_key` writes them) that agree exactly with a second statement."""
    found: set[Path] = set()
    items = report.basic_expenditure.items
    for code, functional in ECONOMIC_TO_FUNCTIONAL.items():
        booked = [(i, it) for i, it in enumerate(items) if it.code == code]
        lines = [(k, a) for k, a in enumerate(report.accounts) if a.fund == "一般公共预算" and a.code in functional]
        if not booked or not lines or any(a.actual != a.basic for _, a in lines):
            continue
        if total(it.amount for _, it in booked) == total(a.basic for _, a in lines):
            found.update(("accounts", k) for k, _ in lines)
            found.update(("basic_expenditure", "items", i, "amount") for i, _ in booked)
    for k, a in enumerate(report.accounts):
        if a.fund in FISCAL_FUNDS and a.income is not None and a.carry_in + a.income == a.actual + a.carry_out:
            found.add(("accounts", k))
    return frozenset(found)
