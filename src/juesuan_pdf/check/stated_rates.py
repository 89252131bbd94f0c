"""Change rates a data file states as published (`[totals] income_rate` …) against the computed rates.

A published document may print rates computed from 元 figures or by hand; the data file may then state
them, and the document prints them as stated. Such a rate must still follow from the figures: it may
differ from the exact rate by less than one unit of its last decimal (23.51 for an exact 23.5078, 38.28
for 38.2877), else it is an 错误 naming both.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from juesuan_pdf.errors import ERROR, Finding
from juesuan_pdf.load.paths import render
from juesuan_pdf.model.finance import GrandTotals
from juesuan_pdf.model.money import ratio_percent
from juesuan_pdf.model.report import Report

from .tolerance import show


def stated_rates(report: Report) -> Iterator[Finding]:
    """错误 when a stated change rate of the 收支总计 (一) or 财政拨款收支总计 (四) is off by a unit or more."""
    r = report
    own_year = r.publication.totals_basis == "本年合计"  # 一 states 本年收入合计 and 本年支出合计
    grand = (r.income.amount, r.expenditure.amount) if own_year else (r.income_grand_total, r.expenditure_grand_total)
    for key, label, totals, comparison in (
        (("totals",), "收支总计", grand, r.totals),
        (
            ("fiscal", "comparison"),
            "财政拨款收支总计",
            (r.fiscal_income_grand_total, r.fiscal_expenditure_grand_total),
            r.fiscal.comparison,
        ),
    ):
        yield from _judge(key, label, totals, comparison)


def _judge(
    key: tuple[str, ...], label: str, totals: tuple[Decimal, Decimal], comparison: GrandTotals
) -> Iterator[Finding]:
    """The findings of one comparison's two stated rates."""
    sides = (
        ("收入总计", "income_rate", totals[0], comparison.income_prior, comparison.income_rate,
         "prior" if comparison.prior_income is None else "prior_income"),
        ("支出总计", "expenditure_rate", totals[1], comparison.expenditure_prior, comparison.expenditure_rate,
         "prior" if comparison.prior_expenditure is None else "prior_expenditure"),
    )
    for side, field, current, prior, stated, prior_field in sides:
        if stated is None:
            continue
        path = render((*key, field))
        # the rate states last year's figure a second time: a rate that no longer fits names both
        prior_path = render((*key, prior_field))
        exact = None if prior is None else ratio_percent(abs(current - prior), prior)
        if prior is None or exact is None:
            message = f"{label}的{side}变动率写作 {show(stated)}%，但上年{side}未给出或为 0，无从计算变动率"
            yield Finding(ERROR, "变动率", message, (path,), (stated,))
            continue
        exponent = stated.as_tuple().exponent
        unit = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
        if abs(stated - exact) >= unit:
            message = (
                f"{label}的{side}变动率写作 {show(stated)}%，按本年 {show(current)}、上年 {show(prior)} "
                f"计算为 {exact.quantize(Decimal('0.0001'))}%，相差一个末位单位以上"
            )
            yield Finding(ERROR, "变动率", message, (path, prior_path), (stated, current, prior))
