"""第四部分 (附件) as a whole: heading numbers, project counts, indicator units and 成本指标 against funds."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from juesuan_pdf.errors import ERROR, NOTICE
from juesuan_pdf.load.paths import Path
from juesuan_pdf.model.money import total
from juesuan_pdf.model.performance import EvaluationReport, Indicator
from juesuan_pdf.model.report import Report

from .base import Problem
from .forms import forms
from .tolerance import allowed_gap, show

# ------------------------------------------------------------------------------------- headings
_NUMERALS = "零一二三四五六七八九"
_STYLES = (
    (re.compile(r"^([一二三四五六七八九十]+)、"), "{}、", True),
    (re.compile(r"^（([一二三四五六七八九十]+)）"), "（{}）", True),
    (re.compile(r"^(\d+)[.．、]"), "{}.", False),
    (re.compile(r"^（(\d+)）"), "（{}）", False),
)


def chinese_number(text: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23 (up to 99).

    >>> [chinese_number(t) for t in ("一", "十", "十二", "二十", "二十三")]
    [1, 10, 12, 20, 23]
    """
    if "十" not in text:
        return _NUMERALS.index(text)
    tens, _, ones = text.partition("十")
    return (_NUMERALS.index(tens) if tens else 1) * 10 + (_NUMERALS.index(ones) if ones else 0)


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _NUMERALS[tens] + "十")
    return head + (_NUMERALS[ones] if ones else "")


def numbering(heading: str) -> tuple[int, str, bool] | None:
    """A heading's number, the pattern of its style and whether it is written in Chinese numerals."""
    for pattern, style, chinese in _STYLES:
        match = pattern.match(heading.strip())
        if match:
            number = chinese_number(match.group(1)) if chinese else int(match.group(1))
            return number, style, chinese
    return None


def heading_numbers(report: Report) -> Iterator[tuple[Path, str, str]]:
    """Per written report of 第四部分: the headings whose number is missing or out of sequence."""
    for rep, path in evaluation_reports(report):
        yield from _report_headings(rep, path)


def _report_headings(rep: EvaluationReport, path: Path) -> Iterator[tuple[Path, str, str]]:
    """(path, heading, what it should be) for each heading out of sequence among its siblings."""
    groups: dict[tuple[int, ...], list[int]] = {}
    parents: list[int] = []
    for k, section in enumerate(rep.sections):
        del parents[section.level - 1:]
        groups.setdefault((*parents, section.level), []).append(k)
        parents += [k] * (section.level - len(parents))
    for members in groups.values():
        found = [numbering(rep.sections[k].heading) for k in members]
        styled = [n for n in found if n is not None]
        if not styled:
            continue
        _, style, chinese = styled[0]
        # an excerpt may start at 四、: the first numbered heading sets where counting starts
        first = next(p for p, n in enumerate(found) if n is not None)
        start = max(1, styled[0][0] - first)
        for position, (k, number) in enumerate(zip(members, found, strict=True), start):
            if number is None or number[0] != position:
                expected = style.format(chinese_numeral(position) if chinese else position)
                yield (*path, "sections", k, "heading"), rep.sections[k].heading, expected


def report_headings(report: Report) -> Iterator[Problem]:
    """提示: the headings of a 附件 report are numbered in sequence among their siblings (E24)."""
    by_report: dict[Path, list[tuple[Path, str, str]]] = {}
    for where, heading, expected in heading_numbers(report):
        by_report.setdefault(where[:-3], []).append((where, heading, expected))
    titles = {path: rep.title for rep, path in evaluation_reports(report)}
    for report_path, wrong in by_report.items():
        wrong.sort(key=lambda w: w[0])
        listed = "；".join(f"“{h.strip()}”应编为“{e}”" for _, h, e in wrong)
        message = f"《{titles[report_path]}》标题编号不连续（{len(wrong)}处）：{listed}"
        yield Problem(NOTICE, message, tuple(w for w, _, _ in wrong), tuple(h for _, h, _ in wrong))


def evaluation_reports(report: Report) -> list[tuple[EvaluationReport, Path]]:
    """The written evaluation reports of 第四部分 with their paths, the department's first."""
    p = report.performance
    found: list[tuple[EvaluationReport, Path]] = [
        (rep, ("performance", "project_reports", i)) for i, rep in enumerate(p.project_reports)
    ]
    if p.department_report is not None:
        found.insert(0, (p.department_report, ("performance", "department_report")))
    return found


# ------------------------------------------------------------------------------------- project counts
_KIND_COUNT = re.compile(r"该类项目(?:总数|共)(\d+)个")


def project_counts(report: Report) -> Iterator[Problem]:
    """Counts of projects agree: self-evaluated and monitored projects are among those with goals
    (十（四）); the projects 附件1 counts by kind (`该类项目总数11个`) add up to the goals set (E20)."""
    pm = report.performance_management
    if not pm.goals_count:
        return
    goals: Path = ("performance_management", "goals_count")
    if pm.monitored_count > pm.goals_count:
        message = f"开展绩效监控的项目 {pm.monitored_count} 个，多于编制绩效目标的项目 {pm.goals_count} 个"
        yield Problem(ERROR, message, (("performance_management", "monitored_count"), goals),
                      (pm.monitored_count, pm.goals_count), 2)
    evaluated = len(report.performance.project_tables) + len(report.performance.transfer_tables)
    if evaluated > pm.goals_count:
        message = f"第四部分有 {evaluated} 张项目自评表，多于编制绩效目标的项目 {pm.goals_count} 个"
        yield Problem(ERROR, message, (("performance", "project_tables"), goals), (evaluated, pm.goals_count), 2)
    rep = report.performance.department_report
    if rep is None:
        return
    counted: list[tuple[Path, int]] = []
    for k, section in enumerate(rep.sections):
        for j, text in enumerate(section.paragraphs):
            where: Path = ("performance", "department_report", "sections", k, "paragraphs", j)
            counted += [(where, int(m.group(1))) for m in _KIND_COUNT.finditer(text)]
    if len(counted) >= 2 and sum(n for _, n in counted) != pm.goals_count:
        shown = " + ".join(str(n) for _, n in counted)
        message = (f"《{rep.title}》按类列出的项目 {shown} = {sum(n for _, n in counted)} 个，"
                   f"而十（四）编制绩效目标的项目为 {pm.goals_count} 个")
        yield Problem(NOTICE, message, (*(w for w, _ in counted), goals),
                      (sum(n for _, n in counted), pm.goals_count))


# ------------------------------------------------------------------------------------- indicators
_BARE = re.compile(r"^\s*\d+(?:\.\d+)?\s*$")
_UNIT = re.compile(r"\d+(?:\.\d+)?\s*(万)?\s*([^\d\s.%％≥≤=＝><]+)\s*$")


def borrowed_unit(indicator: Indicator) -> str | None:
    """The unit a bare 实际完成值 (`54416`) takes from its 年度指标值 (`≥76000人` → 人); None otherwise.

    >>> borrowed_unit(Indicator("产出指标", "数量指标", "参保人数", "≥76000人", "54416"))
    '人'
    >>> borrowed_unit(Indicator("产出指标", "数量指标", "参保人数", "≥76000人", "54416人")) is None
    True
    """
    if not _BARE.match(indicator.actual):
        return None
    match = _UNIT.search(indicator.target.strip())
    return None if match is None else (match.group(1) or "") + match.group(2)


def indicator_units(report: Report) -> Iterator[Problem]:
    """提示: a 实际完成值 written without the unit its 年度指标值 has, in a form that writes other values
    of that unit with it (E28); it is read in that unit. A form writing all such values bare is its style."""
    for form in forms(report):
        rows = form.form.indicators
        written = {m.group(2) for row in rows if (m := _UNIT.search(row.actual.strip()))}
        for i, row in enumerate(rows):
            unit = borrowed_unit(row)
            if unit and unit in written:
                message = (f"{form.label}三级指标“{row.name}”的实际完成值“{row.actual.strip()}”没有单位"
                           f"（年度指标值为“{row.target}”），应写作“{row.actual.strip()}{unit}”")
                yield Problem(NOTICE, message, ((*form.path, "indicators", i, "actual"),), (row.actual, unit))


_MONEY = re.compile(r"^\s*[≤≥=＝<>约]*\s*(\d+(?:\.\d+)?)\s*万元\s*$")


def cost_indicators(report: Report) -> Iterator[Problem]:
    """提示: a form's 成本指标 in 万元 add up to no more than its 全年执行数, and state none while the
    执行数 is blank (E22, E23)."""
    for form in forms(report):
        costs = [(i, Decimal(m.group(1))) for i, row in enumerate(form.form.indicators)
                 if "成本" in row.level1 + row.level2 and (m := _MONEY.match(row.actual))]
        if not costs:
            continue
        paths = tuple((*form.path, "indicators", i, "actual") for i, _ in costs)
        spent = total(a for _, a in costs)
        executed = form.form.funding.total.executed
        executed_path: Path = (*form.path, "funding", "total", "executed")
        if executed is None:
            message = f"{form.label}的成本指标实际完成 {show(spent)}万元，而资金的全年执行数未填"
            yield Problem(NOTICE, message, (*paths, executed_path), (spent,))
        elif spent - executed > allowed_gap(len(costs)):
            listed = " + ".join(show(a) for _, a in costs)
            message = (f"{form.label}的成本指标实际完成 {listed} = {show(spent)}万元，"
                       f"超过资金全年执行数 {show(executed)}万元（相差 {show(spent - executed)}）")
            yield Problem(NOTICE, message, (*paths, executed_path), (spent, executed, spent - executed), 2)
