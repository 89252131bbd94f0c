"""六、一般公共预算财政拨款基本支出决算情况说明: 人员经费 and 公用经费 with their economic items."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from juesuan_pdf.compose import phrases
from juesuan_pdf.compose.phrases import amount
from juesuan_pdf.compose.sections import paras
from juesuan_pdf.doc import Block
from juesuan_pdf.model.accounts import CodeTable
from juesuan_pdf.model.finance import EconomicItem
from juesuan_pdf.model.report import Report

if TYPE_CHECKING:
    from juesuan_pdf.compose.profiles import Profile


def named_items(items: Iterable[EconomicItem], codes: CodeTable) -> list[tuple[str, Decimal]]:
    """(name, amount) of the non-zero items in code order; the item's own name wins over the table's."""
    return [(i.name or codes.economic_name(i.code), i.amount) for i in items if i.amount != 0]


def group_sentence(label: str, total: Decimal, items: list[tuple[str, Decimal]]) -> str:
    """`人员经费P万元，主要包括：基本工资x万元、…。` (just the total when no item is non-zero)."""
    if not items:
        return f"{label}{amount(total)}。"
    return f"{label}{amount(total)}，主要包括：{phrases.amount_items(items)}。"


def basic_sentences(report: Report, profile: Profile) -> list[str]:
    """The three paragraphs: the total, 人员经费 and 公用经费."""
    basic = report.basic_expenditure
    codes = report.codes()
    return [
        f"{report.year}年度一般公共预算财政拨款基本支出{amount(basic.amount)}，其中：",
        group_sentence("人员经费", basic.personnel, named_items(basic.personnel_items, codes)),
        group_sentence("公用经费", basic.public, named_items(basic.public_items, codes)),
    ]


def build(report: Report, profile: Profile) -> list[Block]:
    """The three paragraphs."""
    return list(paras(*basic_sentences(report, profile)))
