"""五、一般公共预算财政拨款支出决算情况说明: （一）总体 + 图5, （二）结构 + 图6, （三）具体 per 项."""

from __future__ import annotations

from decimal import Decimal

from juesuan_pdf.compose import phrases
from juesuan_pdf.compose.charts import fig5, fig6
from juesuan_pdf.compose.phrases import amount
from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.sections import para, paras, subheading
from juesuan_pdf.doc import Block
from juesuan_pdf.model.finance import AccountLine
from juesuan_pdf.model.report import Report


def overall_sentence(report: Report, profile: Profile) -> str:
    """（一）`{Y}年度一般公共预算财政拨款支出G万元，占本年支出合计的p%。与{Y-1}年度相比，…。主要变动原因是…。`"""
    spent = report.general_budget_total
    share = profile.rate(spent, report.expenditure.amount)
    head = profile.say("s05.overall", year=report.year, amount=amount(spent), share=share)
    comparison = report.general_budget.comparison
    subject = profile.say("s05.subject")
    wording = profile.wording.general_budget
    compared = profile.compare(spent, comparison.prior, wording, prev=report.year - 1, subject=subject)
    reason = phrases.reason_sentence(profile.wording.change_reason, comparison.reason) if compared else ""
    return head + phrases.sentence(compared) + reason


def structure_sentence(report: Report, profile: Profile) -> str:
    """（二）`{Y}年度一般公共预算财政拨款支出G万元，主要用于以下方面：教育支出112万元，占2.5%；…。`"""
    spent = report.general_budget_total
    items = profile.shares(fig6.class_items(report), spent)
    if not items:  # no 类 to list: never "主要用于以下方面：。"
        return profile.say("s05.structure_none", year=report.year, amount=amount(spent))
    return profile.say("s05.structure", year=report.year, amount=amount(spent), items=items)


def budget_sentence(report: Report, profile: Profile) -> str:
    """（三）`{Y}年度一般公共预算支出全年预算数为B万元，支出决算数为A万元，完成全年预算数的p%。其中：`"""
    budget, spent = report.general_budget_budget, report.general_budget_total
    done = _done(profile, "s05.budget_done", spent, budget)
    such = profile.say("s05.budget_lines") if report.general_budget_lines else ""
    figures = {"budget": amount(budget), "amount": amount(spent), "done": done, "such": such}
    return profile.say("s05.budget", year=report.year, **figures)


def _done(profile: Profile, key: str, actual: Decimal, budget: Decimal) -> str:
    """`，完成全年预算的p%`; a budget of 0 as the profile words it (`，年初未安排预算`), else no rate."""
    if budget == 0 and profile.wording.no_budget:
        return profile.say("no_budget", no_budget=profile.wording.no_budget)
    rate = profile.completion(actual, budget)
    return profile.say(key, rate=rate) if rate else ""


def line_sentence(number: int, line: AccountLine, report: Report, profile: Profile) -> str:
    """`{n}.{类}（类）{款}（款）{项}（项）：全年预算为b万元，支出决算为a万元，完成全年预算的p%。` (+ gap reason)."""
    name = phrases.account_name(report.codes(), line.code, line.name)
    if line.budget is None:
        return profile.say("s05.line_unbudgeted", n=number, name=name, amount=amount(line.actual))
    done = _done(profile, "s05.line_done", line.actual, line.budget)
    figures = {"budget": amount(line.budget), "amount": amount(line.actual), "done": done}
    head = profile.say("s05.line", n=number, name=name, **figures)
    return head + phrases.budget_gap_sentence(line.actual, line.budget, line.budget_note)


def line_sentences(report: Report, profile: Profile) -> list[str]:
    """One sentence per 一般公共预算 项, numbered from 1 in code order."""
    return [line_sentence(n, line, report, profile) for n, line in enumerate(report.general_budget_lines, 1)]


def build(report: Report, profile: Profile) -> list[Block]:
    """The three sub-sections with 图5 and 图6."""
    return [
        subheading(profile.heading("s05.1"), "s05.1"),
        para(overall_sentence(report, profile)),
        fig5.build(report, profile),
        subheading(profile.heading("s05.2"), "s05.2"),
        para(structure_sentence(report, profile)),
        fig6.build(report, profile),
        subheading(profile.heading("s05.3"), "s05.3"),
        *paras(budget_sentence(report, profile), *line_sentences(report, profile)),
    ]
