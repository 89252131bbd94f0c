"""第二部分 sections 一 … 十: one module per section, each `build(report, profile) -> list[Block]`.

Each module also exposes its sentences as functions of the report and profile, so tests compare them
with the reference's sentences without building blocks. The helpers below are internal, may change.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from juesuan_pdf.compose import phrases
from juesuan_pdf.compose.numbers import wan
from juesuan_pdf.compose.phrases import account_name, amount
from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.doc import Heading, Para
from juesuan_pdf.model.finance import Fund, FundAmounts, GrandTotals
from juesuan_pdf.model.money import Change, change
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
    """八/九: `{Y}年度{label}预算拨款支出X万元。`, with the 项 breakdown when the fund spent anything.

    A fund with nothing at all (no income, lines or carry-overs) is said to be absent when the profile
    says so (`empty_fund_absent`) rather than given as 0万元.
    """
    if profile.empty_fund_absent and _fund_is_empty(report, fund):
        return profile.say("fund.none", year=report.year, subject=report.department.subject, fund=label)
    spent = amount(report.fund_expenditure(fund))
    head = profile.wording.fund_expenditure.format(year=report.year, fund=label, amount=spent)
    lines = [line for line in report.lines_of(fund) if line.actual != 0]
    if not lines:
        return head + "。"
    codes = report.codes()
    items = "；".join(f"{account_name(codes, line.code, line.name)}{amount(line.actual)}" for line in lines)
    return profile.say("fund.items", head=head, items=items)


def _fund_is_empty(report: Report, fund: Fund) -> bool:
    """Whether `fund` has no account line, no income and no carry-over in or out."""
    income = FundAmounts(report.income.general_budget, report.income.gov_fund, report.income.state_capital).of(fund)
    carried = (report.fiscal.carry_in.of(fund), report.fiscal.carry_out.of(fund))
    return not report.lines_of(fund) and income == 0 and not any(carried)


def _changes(
    profile: Profile, totals: tuple[Decimal, Decimal], comparison: GrandTotals
) -> tuple[Change, Change] | None:
    """The changes of 收入总计 and 支出总计 from last year (None when a prior figure is unknown).

    A rate the data states as published replaces the computed one (the checker compares them).
    """
    priors = (comparison.income_prior, comparison.expenditure_prior)
    stated = (comparison.income_rate, comparison.expenditure_rate)
    p = profile.change
    found: list[Change] = []
    for current, prior, rate in zip(totals, priors, stated, strict=True):
        if prior is None:
            return None
        c = change(current, prior, p.places, p.rounding)
        found.append(c if rate is None or c.rate is None else attrs.evolve(c, rate=rate))
    return found[0], found[1]


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
    subject = profile.say("totals.subject", prefix=prefix)
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
    changes = _changes(profile, totals, comparison)
    if changes is None:
        compared = ""
    else:
        first, second = changes
        places, fixed = profile.change.places, profile.change.fixed
        same = income == spent and first.previous == second.previous
        if first.direction != second.direction:  # one rose, the other fell (or stayed): each said on its own
            each = {
                "income": phrases.phrase_of(first, places, fixed=fixed),
                "spent": phrases.phrase_of(second, places, fixed=fixed),
            }
            compared = w.totals_apart.format(prev=report.year - 1, prefix=prefix, **each)
        else:
            changed = (
                phrases.phrase_of(first, places, fixed=fixed)
                if same
                else phrases.pair_phrase(first, second, places, fixed=fixed)
            )
            template = w.totals.flat if first.direction == "flat" else w.totals.changed
            compared = template.format(change=changed, prev=report.year - 1, subject=subject)
    reason = phrases.reason_sentence(w.change_reason, comparison.reason) if compared else ""
    return head + phrases.sentence(compared) + reason
