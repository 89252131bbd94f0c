"""Money arithmetic: exact sums, half-up rounding at every .xx5, shares and changes."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juesuan_pdf.model.money import change, percent, quantize, total

amounts = st.decimals(min_value=Decimal("0"), max_value=Decimal("1e7"), places=2, allow_nan=False)
positive = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1e7"), places=2, allow_nan=False)


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [("226.085", 2, "226.09"), ("5.25", 1, "5.3"), ("5.35", 1, "5.4"), ("0.005", 2, "0.01"), ("87.255", 2, "87.26")],
)
def test_quantize_rounds_half_up(value: str, places: int, expected: str) -> None:
    assert quantize(Decimal(value), places) == Decimal(expected)


@given(st.integers(min_value=0, max_value=10**8))
def test_half_up_at_every_xx5(cents_times_ten: int) -> None:
    value = Decimal(cents_times_ten * 10 + 5).scaleb(-3)  # x.xx5
    assert quantize(value) == (value + Decimal("0.005")).quantize(Decimal("0.01"), rounding="ROUND_DOWN")


@given(st.lists(amounts, max_size=30))
def test_total_is_exact_sum(parts: list[Decimal]) -> None:
    assert total(parts) == sum(parts, Decimal(0))
    assert total(parts).as_tuple().exponent >= -2


@given(positive)
def test_percent_of_itself_is_100(a: Decimal) -> None:
    assert percent(a, a) == Decimal("100.0")


def test_percent_of_zero_whole_is_none() -> None:
    assert percent(Decimal("0"), Decimal("0")) is None


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [("1056.77", "4454.96", "23.7"), ("112", "4454.96", "2.5"), ("9.41", "14.8", "63.6"), ("248.2", "335.0", "74.1")],
)
def test_reference_shares(part: str, whole: str, expected: str) -> None:
    assert percent(Decimal(part), Decimal(whole)) == Decimal(expected)


def test_reference_changes() -> None:
    up = change(Decimal("4454.96"), Decimal("4228.88"))
    assert (up.delta, up.direction, up.rate) == (Decimal("226.08"), "up", Decimal("5.3"))
    down = change(Decimal("86.8"), Decimal("335.0"))
    assert (down.delta, down.direction, down.rate) == (Decimal("248.2"), "down", Decimal("74.1"))
    flat = change(Decimal("9.41"), Decimal("9.41"))
    assert (flat.delta, flat.direction) == (Decimal(0), "flat")


@given(amounts, amounts)
def test_change_delta_and_direction(cur: Decimal, prev: Decimal) -> None:
    c = change(cur, prev)
    signed = c.delta if c.direction == "up" else -c.delta
    assert prev + signed == cur
    assert (c.rate is None) == (prev == 0)
