"""尾差 tolerance: honest rounding never gives an 错误; a printed percentage may be one last-digit unit off."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juesuan_pdf.check.tolerance import allowed_gap, percent_agrees, show, sum_level
from juesuan_pdf.errors import ERROR, NOTICE

CENT = Decimal("0.01")


def wan(yuan: int) -> Decimal:
    """An amount in 元 as the document prints it: 万元, rounded half-up to two decimals."""
    return (Decimal(yuan) / 10000).quantize(CENT, rounding=ROUND_HALF_UP)


@given(st.lists(st.integers(min_value=0, max_value=10**10), min_size=1, max_size=40))
def test_honestly_rounded_items_never_miss_their_total_beyond_the_tolerance(yuan: list[int]) -> None:
    printed_sum = sum((wan(y) for y in yuan), Decimal(0))
    printed_total = wan(sum(yuan))
    assert sum_level(printed_sum - printed_total, len(yuan)) != ERROR


@pytest.mark.parametrize(
    ("gap", "items", "level"),
    [("0", 5, None), ("0.02", 20, NOTICE), ("0.02", 14, NOTICE), ("0.01", 10, NOTICE), ("0.06", 2, ERROR),
     ("0.01", 2, NOTICE), ("-0.01", 2, NOTICE), ("0.01", 1, ERROR), ("0.01", 0, ERROR)],
)
def test_sum_level(gap: str, items: int, level: str | None) -> None:
    assert sum_level(Decimal(gap), items) == level


def test_allowed_gap_is_half_a_cent_per_item() -> None:
    assert [show(allowed_gap(n)) for n in (1, 2, 10, 14, 20)] == ["0.005", "0.01", "0.05", "0.07", "0.10"]


@pytest.mark.parametrize(
    ("printed", "exact", "agrees"),
    [("63.6", "63.58", True), ("5.3", "5.346", True), ("87.26", "87.2630", True), ("5.4", "5.346", True),
     ("5.5", "5.346", False), ("100", "98.7", False), ("0", "0", True)],
)
def test_percent_agrees_within_one_unit_of_the_last_digit(printed: str, exact: str, agrees: bool) -> None:
    assert percent_agrees(Decimal(printed), Decimal(exact)) is agrees
