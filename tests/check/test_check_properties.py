"""Properties of the checker: moving any stated figure of a consistent report is caught, at its path."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest
from factory import BASE
from hypothesis import given
from hypothesis import strategies as st

from juesuan_pdf.check import check
from juesuan_pdf.errors import ERROR
from juesuan_pdf.load.paths import Path, render

STATED = [
    ("income", "total"),
    ("income", "general_budget"),
    ("expenditure", "total"),
    ("expenditure", "basic"),
    ("expenditure", "project"),
    ("general_budget", "total"),
    ("general_budget", "budget"),
    ("general_budget", "class_totals", "208"),
    ("accounts", 0, "basic"),
    ("accounts", 1, "project"),
    ("basic_expenditure", "total"),
    ("basic_expenditure", "personnel_total"),
    ("basic_expenditure", "public_total"),
    ("sangong", "actual", "reception"),
    ("sangong", "domestic_reception", "amount"),
    ("procurement", "total"),
    ("procurement", "sme"),
    ("performance", "department_table", "score"),
    ("performance", "project_tables", 0, "score"),
    ("performance", "department_table", "funding", "general_budget", "annual_budget"),
    ("performance", "department_table", "funding", "general_budget", "executed"),
]


def moved(obj: Any, path: Path, delta: Decimal) -> Any:
    """`obj` with the figure at `path` moved by `delta` (attrs fields, tuple items and dict keys)."""
    if not path:
        return obj + delta
    head, rest = path[0], path[1:]
    if isinstance(obj, tuple):
        assert isinstance(head, int)
        return (*obj[:head], moved(obj[head], rest, delta), *obj[head + 1:])
    if isinstance(obj, dict):
        return {**obj, head: moved(obj[head], rest, delta)}
    assert isinstance(head, str)
    value = getattr(obj, head)
    return attrs.evolve(obj, **{head: moved(value, rest, delta)})


@given(path=st.sampled_from(STATED), cents=st.integers(min_value=100, max_value=10**6), sign=st.sampled_from([1, -1]))
def test_moving_a_stated_figure_gives_an_error_naming_it(path: Path, cents: int, sign: int) -> None:
    report = moved(BASE, path, Decimal(sign * cents) / 100)
    errors = [f for f in check(report) if f.level == ERROR]
    assert any(names(p, render(path)) for f in errors for p in f.paths), [f.render() for f in errors]


def names(written: str, target: str) -> bool:
    """Whether a finding's path `written` is `target` or a record or list that contains it."""
    return target == written or target.startswith((written + ".", written + "["))


@pytest.mark.parametrize("path", STATED, ids=render)
def test_each_stated_figure_is_written_where_the_finding_says(path: Path) -> None:
    """Every path of the list is a real field of the base report (so the property above is meaningful)."""
    assert moved(BASE, path, Decimal(0)) == BASE
