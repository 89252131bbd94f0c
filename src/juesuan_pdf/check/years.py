"""Completion rates and year-over-year comparisons (SPEC §7.6, DOMAIN §6.1 rules 16, 17)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise

import attrs

from juesuan_pdf.errors import ERROR, NOTICE
from juesuan_pdf.load.paths import Path
from juesuan_pdf.model.money import percent, ratio_percent, total
from juesuan_pdf.model.report import Report

from .base import (
    Problem,
)
from .tolerance import percent_agrees, show


def zero_budget_rates(report: Report) -> Iterator[Problem]:
    """提示 when a 三公 completion rate would divide by a zero budget (“完成预算的0%”, E17).

    A 三公 budget of 0 as a whole gives one finding; otherwise each component the document states a
    rate for (公务用车购置及运行维护费, 公务接待费) is judged on its own.
    """
    if report.publication.no_budget:
        return  # the document words a budget of 0 (`年初未安排预算`) and prints no rate
    if "sangong" in report.written_none:
        yield from _zero_budget_lines(report)
        return  # `sangong = "无"`: the document says there is none and prints no rate
    sg = report.sangong
    vehicles: tuple[Path, ...] = (("sangong", "budget", "vehicle_purchase"), ("sangong", "budget", "vehicle_running"))
    checks: tuple[tuple[str, Decimal, Decimal, tuple[Path, ...]], ...] = (
        ("公务用车购置及运行维护费", sg.budget.vehicles, sg.actual.vehicles, vehicles),
        ("公务接待费", sg.budget.reception, sg.actual.reception, (("sangong", "budget", "reception"),)),
    )
    if sg.budget.amount == 0:
        checks = (("“三公”经费", sg.budget.amount, sg.actual.amount, (("sangong", "budget"),)),)
    for label, budget, actual, paths in checks:
        if budget != 0:
            continue
        message = (f"{label}预算数为 0、决算数为 {show(actual)}：完成预算的百分比无从计算（除数为 0），"
                   "不应写作“完成预算的0%”")
        yield Problem(NOTICE, message, tuple(p for p in paths), (budget, actual))
    yield from _zero_budget_lines(report)


def _zero_budget_lines(report: Report) -> Iterator[Problem]:
    """The same for 五（三）: the 一般公共预算 total and each 项 line with a stated budget of 0."""
    stated: list[tuple[str, Decimal | None, Decimal, Path]] = [
        ("一般公共预算财政拨款支出", report.general_budget.budget, report.general_budget_total,
         ("general_budget", "budget")),
    ]
    stated += [(f"科目 {a.code} ", a.budget, a.actual, ("accounts", i, "budget"))
               for i, a in enumerate(report.accounts) if a.fund == "一般公共预算"]
    for label, budget, actual, path in stated:
        if budget is not None and budget == 0:
            message = f"{label}全年预算数为 0、决算数为 {show(actual)}：完成预算的百分比无从计算（除数为 0）"
            yield Problem(NOTICE, message, (path,), (budget, actual))


@attrs.frozen
class Comparison:
    """A figure compared with last year: its name, this year's amount, last year's and the stated reason."""

    label: str
    current: Decimal
    prior: Decimal | None
    prior_path: Path
    reason: str
    reason_path: Path


def comparisons(report: Report) -> list[Comparison]:
    """The year-over-year comparisons the document states."""
    r = report
    sg_prior = r.sangong.prior.amount if r.sangong.prior is not None else None
    own_year = r.publication.totals_basis == "本年合计"  # 一 calls 本年收入合计 its 收支总计
    return [
        Comparison("本年收入合计" if own_year else "收支总计", r.income.amount if own_year else r.income_grand_total,
                   r.totals.income_prior, _prior_path(("totals",), r.totals.prior_income), r.totals.reason,
                   ("totals", "reason")),
        Comparison("财政拨款收支总计", r.fiscal_income_grand_total, r.fiscal.comparison.income_prior,
                   _prior_path(("fiscal", "comparison"), r.fiscal.comparison.prior_income),
                   r.fiscal.comparison.reason, ("fiscal", "comparison", "reason")),
        Comparison("一般公共预算财政拨款支出", r.general_budget_total, r.general_budget.comparison.prior,
                   ("general_budget", "comparison", "prior"), r.general_budget.comparison.reason,
                   ("general_budget", "comparison", "reason")),
        Comparison("机关运行经费", r.running_cost.amount, r.running_cost.prior, ("running_cost", "prior"),
                   r.running_cost.reason, ("running_cost", "reason")),
        Comparison("“三公”经费", r.sangong.actual.amount, sg_prior, ("sangong", "prior"), "", ()),
    ]


def _prior_path(base: Path, apart: Decimal | None) -> Path:
    """Where last year's 收入总计 is written: `prior_income` when given apart, else `prior`."""
    return (*base, "prior_income" if apart is not None else "prior")


def prior_year(report: Report) -> Iterator[Problem]:
    """Last year's figures are amounts, never negative (SPEC §7.6), and nest as this year's do:
    一般公共预算财政拨款支出 ≤ 财政拨款收支总计 ≤ 收支总计."""
    all_ = comparisons(report)
    for c in all_:
        if c.prior is not None and c.prior < 0:
            message = f"上年{c.label} {show(c.prior)} 为负数，无法与本年 {show(c.current)} 比较"
            yield Problem(ERROR, message, (c.prior_path,), (c.prior, c.current))
    # with 一 on 本年合计 its figure leaves out the carry-overs 财政拨款收支总计 counts: no nesting then
    nestable = all_[1:3] if report.publication.totals_basis == "本年合计" else all_[:3]
    nested = [c for c in nestable if c.prior is not None and c.prior >= 0]
    for outer, inner in pairwise(nested):
        assert outer.prior is not None and inner.prior is not None
        if inner.prior > outer.prior:
            message = (f"上年{inner.label} {show(inner.prior)} 大于上年{outer.label} {show(outer.prior)}"
                       f"（相差 {show(inner.prior - outer.prior)}），前者是后者的一部分")
            yield Problem(ERROR, message, (inner.prior_path, outer.prior_path), (inner.prior, outer.prior), 2)


_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)万元")


def reason_amounts(report: Report) -> Iterator[Problem]:
    """提示 when the amounts a change's reason lists add up to more than the change itself (E25)."""
    seen: dict[tuple[str, Decimal], list[Comparison]] = {}
    for c in comparisons(report):
        if c.prior is not None and c.reason and c.current != c.prior:
            seen.setdefault((c.reason, c.current - c.prior), []).append(c)
    for (reason, delta), group in seen.items():
        listed = [Decimal(m) for m in _AMOUNT.findall(reason)]
        if len(listed) < 2 or total(listed) <= abs(delta):
            continue
        word = "增加" if delta > 0 else "减少"
        labels = "、".join(c.label for c in group)
        message = (f"{labels}{word} {show(abs(delta))}，而原因中列举的金额 {' + '.join(show(x) for x in listed)}"
                   f" = {show(total(listed))}，超过{word}额（若其他项目有反向变动可不改，请核对）")
        paths = tuple(c.reason_path for c in group)
        yield Problem(NOTICE, message, paths, (total(listed), abs(delta)))



_DIRECTION = "增加|减少|增长|下降|上升|降低|减少了|增加了|增长了|下降了"
_CHANGE = re.compile(
    r"(?:较上年|比上年|与上年相比|较\d{4}年(?:度)?|比\d{4}年(?:度)?|同比)[^，。；,;]{0,12}?"
    rf"({_DIRECTION})\s*(\d+(?:\.\d+)?)\s*(万元|%|％)"
    rf"(?:[，,]\s*({_DIRECTION})\s*(\d+(?:\.\d+)?)\s*(万元|%|％))?"
)
_UP = ("增加", "增长", "上升")
_YEAR_ONLY = re.compile(r"(?:\d{4}年度?|本年度?|今年)?")
_REASON_STARTS = re.compile(r"主要原因|原因是|原因为|主要是|主要用于|主要因|由于|因为|其中")


def stated_changes(text: str) -> list[tuple[str, Decimal, str]]:
    """The changes against last year a text states: (direction word, number, 万元 or %).

    Only a clause that names last year (较上年/比上年/较2022年/同比 …) before the reason itself
    (主要原因是/主要是/由于 …) counts: amounts listed as items of a reason (新增…7.2万元, 人员经费较上年
    增加30万元) are not the change and are left alone.

    >>> stated_changes("较上年减少252.45万元，下降9.5%，主要原因是人员减少")
    [('减少', Decimal('252.45'), '万元'), ('下降', Decimal('9.5'), '%')]
    >>> stated_changes("新增安家补助196.5万元"), stated_changes("主要是人员经费较上年增加30万元")
    ([], [])
    >>> stated_changes("主要原因是项目完成，较上年下降9.5%")
    [('下降', Decimal('9.5'), '%')]
    """
    found = []
    reason_at = (m.start() if (m := _REASON_STARTS.search(text)) else len(text))
    for m in _CHANGE.finditer(text):
        clause = re.split(r"[，。；,;：:]", text[: m.start()])[-1]
        if m.start() > reason_at and not _YEAR_ONLY.fullmatch(clause.strip()):
            continue
        for word, number, unit in ((m.group(1), m.group(2), m.group(3)), (m.group(4), m.group(5), m.group(6))):
            if word:
                found.append((word.rstrip("了"), Decimal(number), "%" if unit in "%％" else unit))
    return found


def reason_figures(report: Report) -> Iterator[Problem]:
    """The change and rate a reason states against last year equal the computed ones (SPEC §7.6)."""
    for c in comparisons(report):
        if c.prior is None or not c.reason:
            continue
        delta = c.current - c.prior
        for word, number, unit in stated_changes(c.reason):
            up = word in _UP
            if unit == "万元":
                exact = abs(delta)
                wrong = number != exact
                said, computed = f"{word}{show(number)}万元", f"{_word(delta, unit)}{show(exact)}万元"
            else:
                rate, shown_rate = ratio_percent(abs(delta), c.prior), percent(abs(delta), c.prior, 2)
                if rate is None or shown_rate is None:
                    continue
                wrong = not percent_agrees(number, rate)
                said, computed = f"{word}{show(number)}%", f"{_word(delta, unit)}{show(shown_rate)}%"
            if wrong or (delta != 0 and up != (delta > 0)):
                message = (f"{c.label}的变动原因写“{said}”，而本年 {show(c.current)}、上年 {show(c.prior)}，"
                           f"实际{computed}")
                yield Problem(ERROR, message, (c.reason_path, c.prior_path), (said, computed))


def _word(delta: Decimal, unit: str) -> str:
    """增加/减少 for an amount, 增长/下降 for a rate, as the sign of `delta` says (持平 for none)."""
    if delta == 0:
        return "持平，"
    if unit == "万元":
        return "增加" if delta > 0 else "减少"
    return "增长" if delta > 0 else "下降"


def reason_for_no_change(report: Report) -> Iterator[Problem]:
    """提示: a reason given for a change of zero, or “持平” written where the figures changed."""
    for c in comparisons(report):
        if c.prior is None or not c.reason:
            continue
        if c.current == c.prior:
            message = f"{c.label}本年与上年同为 {show(c.current)}（持平），却写了变动原因“{c.reason[:20]}…”"
            yield Problem(NOTICE, message, (c.reason_path, c.prior_path), (c.current, c.prior))
        elif "持平" in c.reason or "无变化" in c.reason:
            message = (f"{c.label}的变动原因写“持平/无变化”，而本年 {show(c.current)}、上年 {show(c.prior)}，"
                       f"相差 {show(abs(c.current - c.prior))}")
            yield Problem(NOTICE, message, (c.reason_path, c.prior_path), (c.current, c.prior))


def reasons_disagree(report: Report) -> Iterator[Problem]:
    """提示: one change (same this-year and last-year figures) explained by two different reasons."""
    by_change: dict[tuple[Decimal, Decimal], list[Comparison]] = {}
    for c in comparisons(report):
        if c.prior is not None and c.reason and c.current != c.prior:
            by_change.setdefault((c.current, c.prior), []).append(c)
    for (current, prior), group in by_change.items():
        reasons = list(dict.fromkeys(c.reason.strip().rstrip("。") for c in group))
        if len(reasons) > 1:
            labels = "、".join(c.label for c in group)
            message = (f"{labels}是同一变动（本年 {show(current)}、上年 {show(prior)}），"
                       f"却写了{len(reasons)}种不同的变动原因")
            yield Problem(NOTICE, message, tuple(c.reason_path for c in group), tuple(reasons))


def reason_missing(report: Report) -> Iterator[Problem]:
    """提示: a figure changed from last year and no reason is given (the document would print
    “增加150万元，增长9.1%。” and stop; SPEC §7.6 sentences end with 主要原因是…). The 三公 components
    are left out: published documents state their changes without a reason (the reference does)."""
    for c in comparisons(report):
        if c.prior is None or not c.reason_path or c.reason.strip() or c.current == c.prior:
            continue
        word = "增加" if c.current > c.prior else "减少"
        message = (f"{c.label}本年 {show(c.current)}，上年 {show(c.prior)}，{word} {show(abs(c.current - c.prior))}，"
                   "却没有写变动原因（文档只印“增加…，增长…%。”）：请写明主要原因")
        yield Problem(NOTICE, message, (c.reason_path, c.prior_path), (c.current, c.prior))


def publication_date(report: Report) -> Iterator[Problem]:
    """错误: a 决算 is published after its year ends; a date on or before 12-31 of `year` is a typo
    (often the year itself written for the next one)."""
    date = report.publication.date
    if date is None or date.year > report.year:
        return
    message = (f"公开日期 {date.isoformat()} 不晚于 {report.year}年12月31日：{report.year}年度决算只能在"
               f"该年度结束后公开（通常在 {report.year + 1} 年）")
    yield Problem(ERROR, message, (("publication", "date"), ("year",)), (date.isoformat(), report.year))


SCALE_FACTOR = 5
"""A year-over-year change by this factor or more is checked as a likely decimal-point slip."""


def prior_scale(report: Report) -> Iterator[Problem]:
    """提示: last year's figure ≥ 5 times this year's or ≤ a fifth of it — rare for a department's totals
    in one year, and what a decimal point moved one place gives (nothing else states last year's figure)."""
    for c in comparisons(report):
        if c.prior is None or c.prior <= 0 or c.current <= 0:
            continue
        big, small = max(c.prior, c.current), min(c.prior, c.current)
        if big < SCALE_FACTOR * small:
            continue
        times = show((big / small).quantize(Decimal("0.1")).normalize())
        which = "上年数是本年数" if c.prior > c.current else "本年数是上年数"
        message = (f"上年{c.label} {show(c.prior)}，本年 {show(c.current)}：{which}的 {times} 倍，"
                   "请核对上年数（小数点是否错位）")
        yield Problem(NOTICE, message, (c.prior_path,), (c.prior, c.current))
