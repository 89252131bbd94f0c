"""The 勾稽关系 checker: every rule of `registry.RULES` applied to a report, as a list of findings.

`check(report)` gives the findings in rule order; `check(report, source_text)` also gives each the line
of the data file where its first figure is written. Rules report structured paths; they are written
out as the user's file spells them (`accounts[第3个].basic`) only here, at the edge.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

from juesuan_pdf.errors import ERROR, NOTICE, Finding
from juesuan_pdf.load.paths import Path, line_index, line_of, render
from juesuan_pdf.model.report import Acceptance, Report

from .base import EVIDENCE, Agreement, Held, Problem, parse_path
from .confirm import balances, cleared
from .locate import locate
from .registry import RULES, Rule
from .tolerance import show

__all__ = ["check", "parse_path", "run"]

ACCEPTED = "已确认"
"""The family of findings about `[[publication.accepted]]` entries themselves."""


def check(report: Report, source_text: str | None = None) -> list[Finding]:
    """All findings of all rules on `report`, in rule order; with `source_text`, each carries its line."""
    results = [(rule, result) for rule in RULES for result in rule.results(report)]
    found = [(rule, p) for rule, p in results if not isinstance(p, EVIDENCE)]
    agreed = cleared(report, (p for _, p in results if isinstance(p, Agreement)))
    within = [p for _, p in found if p.within_rounding]
    held = balances(report, [*(p for _, p in results if isinstance(p, Held)), *within])
    located = locate([p for _, p in found], agreed, held)
    used: dict[int, tuple[str, ...]] = {}
    findings = [_judged(rule.family, rule.id, problem, report.publication.accepted, used)
                for (rule, _), problem in zip(found, located, strict=True)]
    findings += _acceptance_notes(report.publication.accepted, used)
    if source_text is None:
        return findings
    index = line_index(source_text)
    return [_with_line(f, index) for f in findings]


def run(rule: Rule, report: Report) -> list[Finding]:
    """One rule's findings on `report`, as `check` writes them (without acceptances or lines)."""
    return [_judged(rule.family, rule.id, p, (), {}) for p in locate(list(rule.problems(report)))]


def shown(values: Sequence[object]) -> tuple[str, ...]:
    """Figures as an acceptance's `values` writes them (86.8, not 86.80; no exponent)."""
    return tuple(show(v) if isinstance(v, Decimal) else str(v) for v in values)


def _judged(family: str, rule_id: str, problem: Problem, accepted: Sequence[Acceptance],
            used: dict[int, tuple[str, ...]]) -> Finding:
    """The finding, accepted when an acceptance names its rule and a path and pins the same figures."""
    paths = tuple(render(p) for p in problem.paths)
    finding = Finding(problem.level, family, problem.message, paths, problem.values, where=problem.paths)
    for k, acceptance in enumerate(accepted):
        if acceptance.rule not in (family, rule_id) or acceptance.path not in paths:
            continue
        figures = shown(problem.figures)
        used[k] = figures
        if acceptance.values and acceptance.values != figures:
            changed = f"（已确认的是 {'/'.join(acceptance.values)}，现在是 {'/'.join(figures)}：数字已变，须重新复核）"
            return attrs.evolve(finding, level=ERROR, message=finding.message + changed)
        return attrs.evolve(finding, accepted=acceptance.reason)
    return finding


def _acceptance_notes(accepted: Sequence[Acceptance], used: dict[int, tuple[str, ...]]) -> list[Finding]:
    """提示 for acceptances that match nothing and for those that pin no figures."""
    notes = []
    for k, acceptance in enumerate(accepted):
        where = (render(("publication", "accepted", k)),)
        if k not in used:
            message = (f"已确认的“{acceptance.rule}” {acceptance.path} 没有对应的检查结果"
                       "（数据已改正，或规则名、位置写错了），可删去这一条")
            notes.append(Finding(NOTICE, ACCEPTED, message, where, (acceptance.rule, acceptance.path)))
        elif not acceptance.values:
            pins = ", ".join(f'"{v}"' for v in used[k])
            message = (f"已确认的“{acceptance.rule}” {acceptance.path} 没有写所确认的数字：请加上 values = [{pins}]，"
                       "这样数字一变就会重新报告")
            notes.append(Finding(NOTICE, ACCEPTED, message, where, (acceptance.rule, acceptance.path)))
    return notes


def _with_line(finding: Finding, index: dict[Path, int]) -> Finding:
    """The finding with each path's line in the data file and, as its `line`, the line of the first path
    written on a line of its own (a broken sum's most likely wrong figure when `locate` found one)."""
    if finding.line is not None:
        return finding
    paths = finding.where or tuple(parse_path(p) for p in finding.paths)
    lines = tuple(_own_line(index, p) for p in paths)
    first = next((n for n in lines if n is not None), None)
    if first is None:  # only whole sections or lists named: the nearest written ancestor
        first = next((n for n in (line_of(index, p) for p in paths) if n is not None), None)
    return attrs.evolve(finding, line=first, lines=lines)


def _own_line(index: dict[Path, int], path: Path) -> int | None:
    """The line of `path`: its own, or for a key left out (a default) the line of the item holding it;
    none for a whole list (`accounts`), which stands on no one line."""
    if path in index:
        return index[path]
    if (*path, 0) in index or len(path) < 2:
        return None
    return index.get(path[:-1])
