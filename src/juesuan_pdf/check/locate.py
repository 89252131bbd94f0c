"""Point at the figure most likely wrong when sums break.

A mistyped item breaks every sum it belongs to by the same amount: an item found in two broken sums
with the same gap (a 项 line breaking its 类 and the 基本/项目 total), or in one and stated elsewhere
with a value off by that gap (附件1 restating 基本支出), is the first suspect. In one sum, an item
whose value is a typical typo of the value that would close the gap, within the sum's 尾差 (two
digits swapped, the decimal point moved one place), is a suspect too, and so is an item that misses
its usual value by the gap (a 项 line whose 决算 no longer equals its 全年预算数); the item explaining
the gap most exactly wins. When every other item with a usual value sits on it, the one item off
its usual value by the gap is named alone. Figures an exact comparison of the same money stated apart
confirms (`confirm.py`) are no suspects; when they are set aside and at most three figures of a broken
sum are left, those are named. Suspects are named first in the finding's paths and in its message.

When no item stands out, the figures the gap may lie in are listed after the finding's own paths: those
of the broken sum left once the confirmed are set aside and, with them, every figure of a sum that holds
(a figure moved by the gap would have broken that sum too, so a held 人员经费 sends the user to its
items). The message says the list rests on one typo; nothing is listed when nothing was set aside.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from itertools import pairwise

import attrs

from juesuan_pdf.errors import ERROR
from juesuan_pdf.load.paths import Path

from .base import Figure, Problem
from .confirm import Balance
from .tolerance import show

MAX_SUSPECTS = 3
"""More candidates than this point at nothing in particular."""

EXPLAINED_WITHIN = Decimal("0.02")
"""How far a figure's likely correct value (a digit swap undone, its usual value) may leave the gap
unexplained in data that shows rounding (a sum somewhere off by its 尾差). A genuine typo leaves only the
sum's rounding, which in practice is a cent or two even in a sum of twenty items; the worst-case 尾差 of a
long sum (0.10 for 20) would let a swap of two hundredths digits (0.45, 0.54) "explain" any half-万元 typo
of another item. In data whose every other sum holds exactly, a genuine typo explains its gap exactly."""


@attrs.frozen
class _Evidence:
    """What the report's sums say about every broken one: the gaps (and 尾差) of the broken sums each
    figure is in (`seen`), those in which it is the one item off its usual value (`singled`), the
    figures confirmed and held elsewhere, and how exactly a likely correct value must close a gap."""

    seen: dict[Path, list[tuple[Decimal, Decimal]]]
    singled: dict[Path, list[tuple[Decimal, Decimal]]]
    confirmed: frozenset[Path]
    held: Sequence[Balance]
    explained_within: Decimal


def locate(problems: Sequence[Problem], confirmed: frozenset[Path] = frozenset(),
           held: Sequence[Balance] = ()) -> list[Problem]:
    """The problems with the most likely wrong figures of broken sums named first; `confirmed` figures
    (in a comparison that holds exactly, `confirm.py`) are no suspects. When none stands out, the
    figures neither confirmed nor `held` by a sum that would have shown the gap are listed to check."""
    broken = [p for p in problems if _beyond_rounding(p)]
    within = EXPLAINED_WITHIN if any(p.within_rounding for p in problems) else Decimal(0)
    seen: dict[Path, list[tuple[Decimal, Decimal]]] = {}
    singled: dict[Path, list[tuple[Decimal, Decimal]]] = {}
    for p in broken:
        assert p.gap is not None
        for key in {figure_key(f.path) for f, _ in p.items}:
            seen.setdefault(key, []).append((abs(p.gap), p.slack))
        for f in _sole_deviation(p, min(p.slack, within)):
            singled.setdefault(figure_key(f.path), []).append((abs(p.gap), p.slack))
    evidence = _Evidence(seen, singled, confirmed, held, within)
    return [_with_suspects(p, evidence) if _beyond_rounding(p) and not p.twice else p for p in problems]


def _beyond_rounding(problem: Problem) -> bool:
    """A broken sum beyond its 尾差 (a gap within it is rounding, and no item is to blame)."""
    return bool(problem.items and problem.gap and problem.level == ERROR)


def figure_key(path: Path) -> Path:
    """The figure a path stands for: a 项 line's kind columns (`accounts[3].basic`) count as the line,
    whose 合计 they make up, so a typo in one is seen in the sums of the line and of the column."""
    return path[:2] if path[:1] == ("accounts",) and len(path) > 2 else path


def _with_suspects(problem: Problem, evidence: _Evidence) -> Problem:
    assert problem.gap is not None
    seen, singled, confirmed = evidence.seen, evidence.singled, evidence.confirmed
    gap = problem.gap
    slack = problem.slack
    within = min(slack, evidence.explained_within)
    # broken sums holding the item whose gap is this one's, give or take both sums' 尾差
    counts = {f: sum(1 for g, s in seen.get(figure_key(f.path), []) if abs(g - abs(gap)) <= slack + s)
              for f, _ in problem.items if f.amount and f.path not in confirmed}
    most = max(counts.values(), default=0)
    shared = [f for f, n in counts.items() if n == most and most >= 2]
    explained: dict[Figure, tuple[Decimal, str]] = {}
    for f, side in problem.items:
        if f.path in confirmed:
            continue  # a second statement agrees with it: a near-fit of its digits is coincidence
        meant = [(m, "它像是由正确值误写而来") for m in _typo_sources_of(f)] if f.amount else []
        if f.amount and f.usual is not None and f.usual != f.amount:
            meant.append((f.usual, f"它与{f.usual_is}恰好相差这个数"))
        for value, reason in meant:
            residual = abs(side * (f.amount - value) - gap)
            if residual <= within and (f not in explained or residual < explained[f][0]):
                explained[f] = (residual, reason)
    best = min((r for r, _ in explained.values()), default=None)
    closest = [f for f, (r, _) in explained.items() if r == best]
    sole = _sole_deviation(problem, within)
    # one figure in more broken sums than any other outweighs digits that merely fit the gap elsewhere
    alone = shared if len(shared) == 1 else []
    # the figure another broken sum with the same gap singles out (the one line off its budget there)
    echoed = _unique([f for f, _ in problem.items if f.amount and f.path not in confirmed and any(
        abs(g - abs(gap)) <= slack + s for g, s in singled.get(figure_key(f.path), []))])
    echo = echoed if len(echoed) == 1 and not sole else []
    # digits fitting the gap in a figure of fewer broken sums than others with this gap are a coincidence:
    # its typo would not have broken the others
    fitting = [f for f in closest if f in shared] or ([] if shared else closest)
    suspects = _unique(sole or echo or fitting or alone or shared)
    why = explained[suspects[0]][1] if suspects and suspects[0] in explained else "它同时使另一处合计相差同样的数"
    if sole:
        why = f"同一合计中只有它与{sole[0].usual_is}不一致，且恰好相差这个数"
    elif echo:
        why = f"另一处合计相差同样的数，其中只有它与{echo[0].usual_is}不一致"
    left = _uncleared(problem, confirmed)
    if (not suspects or len(suspects) > MAX_SUSPECTS) and left:
        suspects, why = left, "同一合计的其余各数都与另一处所写的同一笔钱相符"
    if not suspects or len(suspects) > MAX_SUSPECTS:
        return _with_candidates(problem, confirmed, evidence.held, shared)
    paths = tuple(dict.fromkeys((*(f.path for f in suspects), *problem.paths)))
    named = "、".join(f"{f.label} {show(f.amount)}" for f in suspects)
    return attrs.evolve(problem, paths=paths, message=f"{problem.message}；最可能有误的是{named}（{why}）")


def _with_candidates(problem: Problem, confirmed: frozenset[Path], held: Sequence[Balance],
                     shared: list[Figure]) -> Problem:
    """The problem with the figures the gap may lie in listed after its own paths: those of the broken
    sum that neither an exact comparison confirms nor a sum that holds clears (a figure moved by the gap
    would have broken it too) and, when other sums broke by the same gap, that are in as many of them as
    any (`shared`: a typo elsewhere would not have broken them all). Nothing is listed when nothing is set
    aside: the list would be the sum."""
    assert problem.gap is not None
    reach = abs(problem.gap) - problem.slack
    aside = set(confirmed).union(*(b.paths for b in held if reach > b.hides))
    figures = _unique([f for f, _ in problem.items if f.amount])
    left = [f for f in figures if f.path not in aside and (not shared or f in shared)]
    if not left or len(left) == len(figures):
        return problem
    paths = tuple(dict.fromkeys((*problem.paths, *(f.path for f in left))))
    named = "、".join(f"{f.label} {show(f.amount)}" for f in left)
    where = f"应是{named}" if len(left) == 1 else f"应在以下{len(left)}项之中，请逐项核对：{named}"
    return attrs.evolve(problem, paths=paths, message=f"{problem.message}；{IF_ONE_TYPO}，{where}")


IF_ONE_TYPO = "其余各数与别处的勾稽关系相符，若只有一处写错"
"""How a finding introduces the figures left to check: the others are cleared, on the premise of one typo."""


def _typo_sources_of(figure: Figure) -> list[Decimal]:
    """The values a figure may have been mistyped from: its own digits', or one of its parts' (a 项 line
    whose 项目支出 has two digits swapped has a total no swap of its own digits explains)."""
    found = typo_sources(figure.amount)
    if len(figure.parts) > 1:
        found += [figure.amount - part + meant for part in figure.parts for meant in typo_sources(part)]
    return list(dict.fromkeys(found))


def _uncleared(problem: Problem, confirmed: frozenset[Path]) -> list[Figure]:
    """The figures of a broken sum left when those a second statement confirms are set aside; none when
    no figure is confirmed (then every figure is a candidate and naming them says nothing)."""
    figures = _unique([f for f, _ in problem.items if f.amount])
    left = [f for f in figures if f.path not in confirmed]
    return left if len(left) < len(figures) else []


def _sole_deviation(problem: Problem, slack: Decimal) -> list[Figure]:
    """The one item off its usual value (a 项 line whose 决算 differs from its 全年预算数) when every
    other item of the sum that has a usual value sits on it, and it is off by the sum's gap."""
    assert problem.gap is not None
    usual = [(f, side) for f, side in problem.items if f.usual is not None]
    off = [(f, side) for f, side in usual if f.usual != f.amount]
    if len(usual) < 2 or len(off) != 1:
        return []
    f, side = off[0]
    assert f.usual is not None
    return [f] if abs(side * (f.amount - f.usual) - problem.gap) <= slack else []


def _unique(figures: list[Figure]) -> list[Figure]:
    return list(dict.fromkeys(figures))


def typo_sources(written: Decimal) -> list[Decimal]:
    """The values `written` may have been mistyped from: two adjacent digits swapped, the point moved.

    >>> typo_sources(Decimal("121"))
    [Decimal('12.1'), Decimal('1210'), Decimal('211.00'), Decimal('112.00'), Decimal('120.10')]
    """
    if written <= 0:
        return []
    found = [written / 10, written * 10]
    text = f"{written:.2f}"
    digits = [i for i, c in enumerate(text) if c.isdigit()]
    for a, b in pairwise(digits):
        if text[a] != text[b]:
            chars = list(text)
            chars[a], chars[b] = chars[b], chars[a]
            found.append(Decimal("".join(chars)))
    return [v for v in dict.fromkeys(found) if v != written and v > 0]
