"""Point at the figure most likely wrong when sums break.

A mistyped item breaks every sum it belongs to by the same amount: an item found in two broken sums
with the same gap is the first suspect (a 项 line breaking its 类 and the 基本/项目 total). Within one
sum, an item whose value is a typical typo of the value that would close the gap (two digits swapped,
the decimal point moved one place) is a suspect too. Suspects are named first in the finding's paths
and in its message; nothing is guessed when no item stands out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

import attrs

from juesuan_pdf.load.paths import Path

from .base import Figure, Problem
from .tolerance import show

MAX_SUSPECTS = 3
"""More candidates than this point at nothing in particular."""


def locate(problems: Sequence[Problem]) -> list[Problem]:
    """The problems with the most likely wrong figures of broken sums named first."""
    broken = [p for p in problems if p.items and p.gap]
    seen: Counter[tuple[Path, Decimal]] = Counter()
    for p in broken:
        assert p.gap is not None
        for path in {f.path for f, _ in p.items}:
            seen[path, abs(p.gap)] += 1
    return [_with_suspects(p, seen) if p in broken else p for p in problems]


def _with_suspects(problem: Problem, seen: Counter[tuple[Path, Decimal]]) -> Problem:
    assert problem.gap is not None
    gap = problem.gap
    shared = [f for f, _ in problem.items if seen[f.path, abs(gap)] >= 2]
    typos = [f for f, side in problem.items if is_typo(f.amount, f.amount - side * gap)]
    suspects = _unique([f for f in typos if f in shared] or typos or shared)
    if not suspects or len(suspects) > MAX_SUSPECTS:
        return problem
    paths = tuple(dict.fromkeys((*(f.path for f in suspects), *problem.paths)))
    named = "、".join(f"{f.label} {show(f.amount)}" for f in suspects)
    why = "它同时使另一处合计相差同样的数" if any(f in shared for f in suspects) else "它像是由正确值误写而来"
    return attrs.evolve(problem, paths=paths, message=f"{problem.message}；最可能有误的是{named}（{why}）")


def _unique(figures: list[Figure]) -> list[Figure]:
    return list(dict.fromkeys(figures))


def is_typo(written: Decimal, meant: Decimal) -> bool:
    """Whether `written` is `meant` with two adjacent digits swapped or the decimal point moved one place.

    >>> is_typo(Decimal("3398.52"), Decimal("3398.25")), is_typo(Decimal("10567.7"), Decimal("1056.77"))
    (True, True)
    >>> is_typo(Decimal("86.81"), Decimal("86.31"))
    False
    """
    if meant <= 0 or written == meant:
        return False
    if written == meant * 10 or written * 10 == meant:
        return True
    a, b = f"{written:.2f}", f"{meant:.2f}"
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
