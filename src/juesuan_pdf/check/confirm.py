"""Figures cleared by an exact comparison of the same money stated apart: no suspects when a sum breaks.

A one-figure typo breaks every comparison holding the figure. So an auditor who finds a 项 line's
基本支出 equal to the economic item booking the same money (2080505 养老支出 = 30108 养老保险缴费), or a
line closing its own row (年初结转 + 本年收入 = 本年支出 + 年末结转), takes those figures as right when a
column sum breaks, and looks among the others. `locate` leaves cleared figures out of its suspects.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from juesuan_pdf.load.paths import Path
from juesuan_pdf.model.finance import EXPENDITURE_KINDS
from juesuan_pdf.model.report import Report

from .base import Agreement, Problem


def cleared(report: Report, agreements: Iterable[Agreement]) -> frozenset[Path]:
    """The paths of figures in an exact comparison, with what they imply for a 项 line (`with_lines`)."""
    return with_lines(report, {path for a in agreements for path in a.paths})


@attrs.frozen
class Balance:
    """A sum that holds, exactly or within its 尾差: its figures (as `with_lines` clears them) and the
    largest typo one of them could hide in it. A larger gap elsewhere is none of theirs."""

    paths: frozenset[Path]
    hides: Decimal


def balances(report: Report, sums: Iterable[Problem]) -> list[Balance]:
    """The balances of sums that hold (`Held`) or miss only by their 尾差: a figure moved by Δ would have
    left its sum Δ off, so Δ is at most the gap it shows plus the 尾差 its original could have had.

    A line's income left unwritten (`accounts[3].fund`: its expenditure by default) is not a figure typed
    but possibly an omission, which a sum holding the expenditure says nothing about: it is never held."""
    found = []
    for p in sums:
        paths = frozenset(q for q in with_lines(report, (f.path for f, _ in p.items)) if q[-1] != "fund")
        found.append(Balance(paths, abs(p.gap or Decimal(0)) + p.slack))
    return found


def with_lines(report: Report, paths: Iterable[Path]) -> frozenset[Path]:
    """Cleared figures with what they imply for a 项 line: its 决算 (`accounts[3]`, or `accounts[3].fund`
    where its income is its expenditure) is right when it is, or when every non-zero column is; each
    column is right when the 决算 is (one typo at a time)."""
    found = set(paths)
    touched = sorted({p[1] for p in found if len(p) > 1 and p[0] == "accounts" and isinstance(p[1], int)})
    for k in touched:
        line = report.accounts[k]
        whole: Path = ("accounts", k)
        columns = [(*whole, kind) for kind in EXPENDITURE_KINDS if getattr(line, kind)]
        if (*whole, "fund") in found or (columns and all(c in found for c in columns)):
            found.add(whole)
        if whole in found:
            found.update((*whole, kind) for kind in (*EXPENDITURE_KINDS, "fund"))
    return frozenset(found)
