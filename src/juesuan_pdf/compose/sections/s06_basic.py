"""六、一般公共预算财政拨款基本支出决算情况说明: 人员经费 and 公用经费 with their economic items."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from juesuan_pdf.compose import phrases
from juesuan_pdf.compose.phrases import amount
from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.sections import paras
from juesuan_pdf.doc import Block
from juesuan_pdf.model.accounts import CodeTable
from juesuan_pdf.model.finance import EconomicItem
from juesuan_pdf.model.report import Report


def named_items(items: Iterable[EconomicItem], codes: CodeTable) -> list[tuple[str, Decimal]]:
    """(name, amount) of the non-zero items in code order; the item's own name wins over the table's."""
    return [(i.name or codes.economic_name(i.code), i.amount) for i in items if i.amount != 0]


def group_sentence(profile: Profile, label: str, total: Decimal, items: list[tuple[str, Decimal]]) -> str:
    """`人员经费P万元，主要包括：基本工资x万元、…。` (just the total when no item is non-zero)."""
    if not items:
        return profile.say("s06.group_empty", label=label, amount=amount(total))
    return profile.say("s06.group", label=label, amount=amount(total), items=phrases.amount_items(items))


def basic_sentences(report: Report, profile: Profile) -> list[str]:
    """The three paragraphs: the total, 人员经费 and 公用经费; one sentence when the data writes it as “无”."""
    basic = report.basic_expenditure
    if "basic_expenditure" in report.written_none and basic.amount == 0:
        return [profile.say("s06.none", year=report.year, subject=report.department.subject)]
    codes = report.codes()
    return [
        profile.say("s06.total", year=report.year, amount=amount(basic.amount)),
        group_sentence(
            profile, profile.say("s06.personnel"), basic.personnel, named_items(basic.personnel_items, codes)
        ),
        group_sentence(profile, profile.say("s06.public"), basic.public, named_items(basic.public_items, codes)),
    ]


def build(report: Report, profile: Profile) -> list[Block]:
    """The three paragraphs."""
    return list(paras(*basic_sentences(report, profile)))
