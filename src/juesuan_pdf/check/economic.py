"""Economic against functional classification (DOMAIN §6.1 rule 13) and the 名词解释 of each 项 line."""

from __future__ import annotations

from collections.abc import Iterator

from juesuan_pdf.errors import NOTICE
from juesuan_pdf.model.report import Report

from .base import (
    Figure,
    Problem,
    Side,
    code_table,
    compare_sums,
)

ECONOMIC_TO_FUNCTIONAL = {
    "30108": ("2080505",),
    "30109": ("2080506",),
    "30110": ("2101101", "2101102"),
    "30111": ("2101103",),
    "30113": ("2210201",),
}
"""Contributions booked under one economic code and, as 基本支出, under fixed 项 (DOMAIN §6.1 rule 13; 公务员
医疗补助缴费 30111 = 2101103 公务员医疗补助 is the same kind of pair)."""


def contributions(report: Report) -> Iterator[Problem]:
    """A contribution item (30108 养老保险 …) equals its wholly-基本支出 项 lines (30108 = 2080505 …).

    The same money stated twice, by economic and by functional class: a gap beyond the 尾差 is an 错误.
    """
    for code, functional in ECONOMIC_TO_FUNCTIONAL.items():
        items = [(i, it) for i, it in enumerate(report.basic_expenditure.items) if it.code == code]
        matched = [(k, a) for k, a in enumerate(report.accounts) if a.fund == "一般公共预算" and a.code in functional]
        if not items or not matched or any(a.actual != a.basic for _, a in matched):
            continue
        left = Side(tuple(Figure(f"经济分类科目 {code}", ("basic_expenditure", "items", i, "amount"), it.amount)
                          for i, it in items))
        right = Side(tuple(Figure(f"科目 {a.code} 基本支出", ("accounts", k, "basic"), a.basic) for k, a in matched))
        yield from compare_sums(left, right, independent=True)


def glossary_entries(report: Report) -> Iterator[Problem]:
    """提示: each 一般公共预算 项 line needs its 名词解释 text (第三部分, one entry per line; DOMAIN rule 20)."""
    table = code_table(report)
    for i, line in enumerate(report.accounts):
        if line.fund != "一般公共预算" or line.explanation.strip():
            continue
        name = line.name or (table.functional.get(line.code, "") if table else "")
        message = f"科目 {line.code} {name} 没有名词解释（第三部分须为每个项级科目写一条说明）"
        yield Problem(NOTICE, message, (("accounts", i, "explanation"),), (line.code,))

