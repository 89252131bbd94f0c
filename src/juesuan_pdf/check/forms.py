"""The self-evaluation forms of 第四部分 against 第二部分 and themselves (SPEC §7.7): scores, funds."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

from juesuan_pdf.errors import ERROR
from juesuan_pdf.load.paths import Path
from juesuan_pdf.model.money import ZERO, percent
from juesuan_pdf.model.performance import (
    DepartmentSelfEvaluation,
    EvaluationReport,
    Funding,
    FundingRow,
    ProjectSelfEvaluation,
    TransferFunding,
    TransferSelfEvaluation,
)
from juesuan_pdf.model.report import Report

from .base import (
    Figure,
    Problem,
    Side,
    compare_sums,
    single,
    stated_twice,
)
from .sums import fund_expenditure_path
from .tolerance import show


@attrs.frozen
class Form:
    """A self-evaluation form of 第四部分 with where it is written and how messages name it."""

    name: str
    label: str
    path: Path
    form: DepartmentSelfEvaluation | TransferSelfEvaluation | ProjectSelfEvaluation


def forms(report: Report) -> list[Form]:
    """The self-evaluation forms in document order: 部门整体, 转移支付, 项目."""
    p = report.performance
    found: list[Form] = []
    if p.department_table is not None:
        t = p.department_table
        found.append(Form(t.title, "部门整体支出绩效目标自评表", ("performance", "department_table"), t))
    found += [Form(t.name, f"“{t.name}”自评表", ("performance", "transfer_tables", i), t)
              for i, t in enumerate(p.transfer_tables)]
    found += [Form(t.name, f"“{t.name}”自评表", ("performance", "project_tables", i), t)
              for i, t in enumerate(p.project_tables)]
    return found


def find_form(all_forms: Sequence[Form], name: str) -> Form | None:
    """The form named `name` exactly, else the one whose name ends with it (a title with its region)."""
    exact = [f for f in all_forms if f.name == name]
    loose = [f for f in all_forms if f.name.endswith(name)]
    return next(iter(exact or loose), None)


def form_of_subject(all_forms: Sequence[Form], subject: str) -> Form | None:
    """The one form a 十（四） subject written without `evaluation` stands for: the 部门整体 form for a
    subject naming 整体 (`某某县教育局部门整体`), else the one form whose name the subject holds or that
    holds the subject (`就业创业补助资金专项预算项目` / `就业创业补助资金`); None when not exactly one."""
    if "整体" in subject:
        found = [f for f in all_forms if isinstance(f.form, DepartmentSelfEvaluation)]
    else:
        found = [f for f in all_forms if not isinstance(f.form, DepartmentSelfEvaluation)
                 and f.name and (f.name in subject or subject in f.name)]
    return found[0] if len(found) == 1 else None


def scores_stated_twice(report: Report) -> Iterator[Problem]:
    """A 自评得分 in 十（四） equals the score of the self-evaluation form it names (SPEC §7.7; K4) or, when
    it names none, of the one form its subject stands for (`form_of_subject`)."""
    all_forms = forms(report)
    for i, s in enumerate(report.performance_management.scores):
        if not all_forms:
            continue
        path: Path = ("performance_management", "scores", i)
        if not s.evaluation:
            form = form_of_subject(all_forms, s.subject)
            if form is None:
                continue  # no form named, none stands out: nothing to compare
        else:
            form = find_form(all_forms, s.evaluation)
        if form is None:
            message = f"第二部分十（四）“{s.subject}”所对应的自评表“{s.evaluation}”在第四部分附件中找不到"
            yield Problem(ERROR, message, ((*path, "evaluation"),), (s.evaluation,))
            continue
        first = Figure(f"第二部分十（四）“{s.subject}”自评得分", (*path, "score"), Decimal(s.score))
        second = Figure(f"{form.label}的自评得分", (*form.path, "score"), form.form.score)
        yield from stated_twice(first, second, unit="分")


_SCORE = re.compile(r"(?:自评得分|综合评价|评价得分)(?:为)?(\d+(?:\.\d+)?)分")


def report_scores(report: Report) -> Iterator[Problem]:
    """A score a written evaluation report states equals its self-evaluation form's score (E6, E7)."""
    p = report.performance
    pairs: list[tuple[EvaluationReport, Path, Form | None]] = []
    all_forms = forms(report)
    if p.department_report is not None:
        dept = [f for f in all_forms if isinstance(f.form, DepartmentSelfEvaluation)]
        pairs.append((p.department_report, ("performance", "department_report"), next(iter(dept), None)))
    for i, rep in enumerate(p.project_reports):
        named = sorted((f for f in all_forms if f.name in rep.title), key=lambda f: -len(f.name))
        pairs.append((rep, ("performance", "project_reports", i), next(iter(named), None)))
    for rep, path, form in pairs:
        if form is not None:
            yield from _report_score(rep, path, form)


def _report_score(rep: EvaluationReport, path: Path, form: Form) -> Iterator[Problem]:
    """Every score a report's paragraphs state, compared with its form's score."""
    for k, section in enumerate(rep.sections):
        for j, text in enumerate(section.paragraphs):
            for match in _SCORE.finditer(text):
                where = (*path, "sections", k, "paragraphs", j)
                first = Figure(f"《{rep.title}》所写的自评得分", where, Decimal(match.group(1)))
                second = Figure(f"{form.label}的自评得分", (*form.path, "score"), form.form.score)
                yield from stated_twice(first, second, unit="分")


def department_budget(report: Report) -> Iterator[Problem]:
    """部门整体自评表 一般公共预算 全年预算数/执行数 equal 五（三）'s (SPEC §7.7; K5)."""
    table = report.performance.department_table
    if table is None:
        return
    row, row_field = _general_budget_row(table.funding)
    base: Path = ("performance", "department_table", "funding", row_field)
    gb_budget, gb_total = report.general_budget_budget, report.general_budget_total
    if row.annual_budget is not None and _budget_stated(report):
        note = _rates_note(row, gb_total, gb_budget)
        first = Figure("部门整体支出绩效目标自评表一般公共预算全年预算数", (*base, "annual_budget"), row.annual_budget)
        second = Figure("第二部分五（三）一般公共预算财政拨款支出全年预算数", _budget_path(report), gb_budget)
        yield from stated_twice(first, second, note)
    if row.executed is not None:
        first = Figure("部门整体支出绩效目标自评表一般公共预算全年执行数", (*base, "executed"), row.executed)
        second = Figure("一般公共预算财政拨款支出", fund_expenditure_path(report, "一般公共预算"), gb_total)
        yield from stated_twice(first, second)


def _general_budget_row(funding: Funding) -> tuple[FundingRow, str]:
    """The form's 1.一般公共预算 line, or 年度资金总额 when that line is blank."""
    if not funding.general_budget.is_blank:
        return funding.general_budget, "general_budget"
    return funding.total, "total"


def _budget_stated(report: Report) -> bool:
    """Whether the data states a 一般公共预算 全年预算数 (as a total or on any 项 line)."""
    return report.general_budget.budget is not None or any(a.budget is not None for a in report.general_budget_lines)


def _budget_path(report: Report) -> Path:
    """Where the 一般公共预算 全年预算数 is written: stated, else the lines' budgets."""
    return ("general_budget", "budget") if report.general_budget.budget is not None else ("accounts",)


def _rates_note(row: FundingRow, actual: Decimal, budget: Decimal) -> str:
    """The two completion rates that differ along with the budgets, for the message."""
    ours = percent(actual, budget, 2)
    theirs = row.rate
    if theirs is None or ours is None or theirs == ours:
        return ""
    return f"；执行率 {show(theirs)}% 与完成预算的 {show(ours)}% 随之不同"


FUNDING_LABELS = {
    "total": "年度资金总额",
    "appropriation": "（一）财政拨款小计",
    "general_budget": "1.一般公共预算",
    "government_fund": "2.政府性基金",
    "state_capital": "3.国有资本经营预算",
    "other": "（二）其他资金",
    "central": "中央财政资金",
    "local": "地方财政资金",
}
COLUMN_LABELS = {"initial_budget": "年初预算数", "annual_budget": "全年预算数", "executed": "全年执行数"}


def funding_sums(report: Report) -> Iterator[Problem]:
    """In each form's funding block: 总额 = 财政拨款小计 + 其他资金; 小计 = the three funds (中央 + 地方 + 其他)."""
    for form in forms(report):
        funding = form.form.funding
        if isinstance(funding, TransferFunding):
            yield from _funding_sum(form, funding, "total", ("central", "local", "other"))
        else:
            yield from _funding_sum(form, funding, "total", ("appropriation", "other"))
            yield from _funding_sum(form, funding, "appropriation", ("general_budget", "government_fund",
                                                                     "state_capital"))


def _funding_sum(
    form: Form, funding: Funding | TransferFunding, whole: str, parts: Sequence[str]
) -> Iterator[Problem]:
    """One comparison per column (年初预算数/全年预算数/全年执行数): `whole` against the sum of `parts`."""
    base: Path = (*form.path, "funding")
    for column, column_label in COLUMN_LABELS.items():
        stated = getattr(getattr(funding, whole), column)
        values = [(p, getattr(getattr(funding, p), column)) for p in parts]
        if stated is None or all(v is None for _, v in values):
            continue
        left = Side(tuple(Figure(FUNDING_LABELS[p], (*base, p, column), v or ZERO) for p, v in values))
        right = single(FUNDING_LABELS[whole], (*base, whole, column), stated)
        yield from compare_sums(left, right, f"{form.label}{column_label}：")

