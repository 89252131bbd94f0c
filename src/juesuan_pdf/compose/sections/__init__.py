"""第二部分 sections 一 … 十: one module per section, each `build(report, profile) -> list[Block]`.

Each module also exposes its sentences as functions of the report and profile, so tests compare them
with the reference's sentences without building blocks. The helpers below are internal, may change.
"""

from __future__ import annotations

from decimal import Decimal

from juesuan_pdf.compose import phrases
from juesuan_pdf.compose.numbers import wan
from juesuan_pdf.compose.phrases import account_name, amount
from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.doc import Heading, Para
from juesuan_pdf.model.accounts import load_code_table
from juesuan_pdf.model.finance import Fund, GrandTotals
from juesuan_pdf.model.money import change
from juesuan_pdf.model.report import Report


def para(text: str) -> Para:
    """A body paragraph of one run (first line indented)."""
    return Para.of(text)


def paras(*texts: str) -> list[Para]:
    """Body paragraphs for the non-empty texts."""
    return [para(t) for t in texts if t]


def subheading(text: str, key: str, level: int = 2) -> Heading:
    """A heading inside a section ((一) level 2 by default), in outline and contents."""
    return Heading(level, text, key=key)


def fund_sentence(report: Report, profile: Profile, fund: Fund, label: str) -> str:
    """八/九: `{Y}年度{label}预算拨款支出X万元。`, with the 项 breakdown when the fund spent anything."""
    spent = amount(report.fund_expenditure(fund))
    head = profile.wording.fund_expenditure.format(year=report.year, fund=label, amount=spent)
    lines = [line for line in report.lines_of(fund) if line.actual != 0]
    if not lines:
        return head + "。"
    codes = load_code_table(report.year)
    items = "；".join(f"{account_name(codes, line.code, line.name)}{amount(line.actual)}" for line in lines)
    return f"{head}，主要用于：{items}。"


def grand_total_sentence(
    report: Report, profile: Profile, totals: tuple[Decimal, Decimal], comparison: GrandTotals, prefix: str = ""
) -> str:
    """`{Y}年度收、支总计均为T万元。与{Y-1}年度相比，收、支总计各增加…。主要变动原因是…。`

    The sentence of 一 (prefix "") and of 四 (prefix 财政拨款): income and expenditure grand totals, stated
    once when equal and apart when not, then their change from last year and its reason. When this
    year's or last year's totals differ, each total is compared with its own last-year figure
    (`收、支总计各减少A、B万元，各下降p%、q%`).
    """
    income, spent = totals
    subject = f"{prefix}收、支总计"
    w = profile.wording
    if income == spent:
        head = w.totals_equal.format(year=report.year, prefix=prefix, total=amount(income))
    else:
        head = w.totals_unequal.format(
            year=report.year,
            prefix=prefix,
            income=amount(income),
            spent=amount(spent),
            income_n=wan(income),
            spent_n=wan(spent),
        )
    prior_in, prior_out = comparison.income_prior, comparison.expenditure_prior
    if income == spent and prior_in == prior_out:
        compared = profile.compare(income, prior_in, w.totals, prev=report.year - 1, subject=subject)
    elif prior_in is None or prior_out is None:
        compared = ""
    else:
        p = profile.change
        both = (change(income, prior_in, p.places, p.rounding), change(spent, prior_out, p.places, p.rounding))
        template = w.totals.flat if all(c.direction == "flat" for c in both) else w.totals.changed
        changed = phrases.pair_phrase(*both, places=p.places)
        compared = template.format(change=changed, prev=report.year - 1, subject=subject)
    reason = phrases.reason_sentence(w.change_reason, comparison.reason) if compared else ""
    return head + phrases.sentence(compared) + reason
