"""五、一般公共预算财政拨款支出决算情况说明: （一）总体 + 图5, （二）结构 + 图6, （三）具体 per 项."""

from __future__ import annotations

from typing import TYPE_CHECKING

from juesuan_pdf.compose import phrases
from juesuan_pdf.compose.charts import fig5, fig6
from juesuan_pdf.compose.phrases import amount
from juesuan_pdf.compose.sections import para, paras, subheading
from juesuan_pdf.doc import Block
from juesuan_pdf.model.finance import AccountLine
from juesuan_pdf.model.report import Report

if TYPE_CHECKING:
    from juesuan_pdf.compose.profiles import Profile

SUBJECT = "一般公共预算财政拨款支出"


def overall_sentence(report: Report, profile: Profile) -> str:
    """（一）`{Y}年度一般公共预算财政拨款支出G万元，占本年支出合计的p%。与{Y-1}年度相比，…。主要变动原因是…。`"""
    spent = report.general_budget_total
    share = profile.rate(spent, report.expenditure.amount)
    head = f"{report.year}年度{SUBJECT}{amount(spent)}，占本年支出合计的{share}。"
    comparison = report.general_budget.comparison
    compared = phrases.compare(
        spent,
        comparison.prior,
        profile.wording.general_budget,
        profile.percent_places,
        prev=report.year - 1,
        subject=SUBJECT,
    )
    reason = phrases.reason_sentence(profile.wording.change_reason, comparison.reason) if compared else ""
    return head + phrases.sentence(compared) + reason


def structure_sentence(report: Report, profile: Profile) -> str:
    """（二）`{Y}年度一般公共预算财政拨款支出G万元，主要用于以下方面：教育支出112万元，占2.5%；…。`"""
    spent = report.general_budget_total
    items = phrases.share_items(fig6.class_items(report), spent, profile.percent_places, profile.wording.of_nothing)
    if not items:  # no 类 to list: never "主要用于以下方面：。"
        return f"{report.year}年度{SUBJECT}{amount(spent)}。"
    return f"{report.year}年度{SUBJECT}{amount(spent)}，主要用于以下方面：{items}。"


def budget_sentence(report: Report, profile: Profile) -> str:
    """（三）`{Y}年度一般公共预算支出全年预算数为B万元，支出决算数为A万元，完成全年预算数的p%。其中：`"""
    budget, spent = report.general_budget_budget, report.general_budget_total
    rate = profile.completion(spent, budget)
    done = f"，完成全年预算数的{rate}" if rate else ""
    such = "其中：" if report.general_budget_lines else ""
    return f"{report.year}年度一般公共预算支出全年预算数为{amount(budget)}，支出决算数为{amount(spent)}{done}。{such}"


def line_sentence(number: int, line: AccountLine, report: Report, profile: Profile) -> str:
    """`{n}.{类}（类）{款}（款）{项}（项）：全年预算为b万元，支出决算为a万元，完成全年预算的p%。` (+ gap reason)."""
    name = phrases.account_name(report.codes(), line.code, line.name)
    if line.budget is None:
        return f"{number}.{name}：支出决算为{amount(line.actual)}。"
    rate = profile.completion(line.actual, line.budget)
    done = f"，完成全年预算的{rate}" if rate else ""
    figures = f"全年预算为{amount(line.budget)}，支出决算为{amount(line.actual)}{done}。"
    return f"{number}.{name}：{figures}" + phrases.budget_gap_sentence(line.actual, line.budget, line.budget_note)


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
