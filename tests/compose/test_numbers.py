"""compose.numbers: amounts, percentages, table money, Chinese ordinals (the reference's forms)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juesuan_pdf.compose.numbers import cn_number, date_cn, money_table, pct, wan
from juesuan_pdf.model.money import quantize


@pytest.mark.parametrize(
    ("value", "printed"),
    [("4454.96", "4454.96"), ("43718.03", "43718.03"), ("7.20", "7.2"), ("112.00", "112"), ("0", "0"),
     ("86.8", "86.8"), ("0.01", "0.01"), ("226.085", "226.09"), ("226.075", "226.08"), ("-0.001", "0"),
     ("-12345678.905", "-12345678.91"), ("1E+3", "1000"), ("-3.10", "-3.1"), ("99.995", "100")],
)
def test_wan(value: str, printed: str) -> None:
    assert wan(D(value)) == printed


@pytest.mark.parametrize(
    ("value", "places", "printed"),
    [("5.3", 1, "5.3"), ("100.0", 1, "100"), ("0", 1, "0"), ("23.72", 1, "23.7"), ("5.25", 1, "5.3"),
     ("0.25", 1, "0.3"), ("81.015", 2, "81.02"), ("80.10", 2, "80.1"), ("63.6", 1, "63.6")],
)
def test_pct(value: str, places: int, printed: str) -> None:
    assert pct(D(value), places) == printed


@pytest.mark.parametrize(
    ("value", "printed"), [("112", "112.00"), ("43718.03", "43718.03"), ("226.085", "226.09"), ("0", "0.00")]
)
def test_money_table(value: str, printed: str) -> None:
    assert money_table(D(value)) == printed


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (27, "二十七"), (31, "三十一"),
     (33, "三十三"), (100, "一百"), (101, "一百零一"), (110, "一百一十"), (1001, "一千零一")],
)
def test_cn_number(n: int, text: str) -> None:
    assert cn_number(n) == text


def test_cn_number_range() -> None:
    with pytest.raises(ValueError):
        cn_number(0)


def test_date_cn() -> None:
    assert date_cn(dt.date(2024, 9, 30)) == "2024年9月30日"


@given(st.decimals(min_value=0, max_value=10**7, places=3, allow_nan=False))
def test_wan_is_the_half_up_value_without_grouping(value: D) -> None:
    printed = wan(value)
    assert "," not in printed
    assert D(printed) == quantize(value, 2)
    assert not printed.endswith(".0") and not (("." in printed) and printed.endswith("0"))


def test_doctests() -> None:
    import doctest

    from juesuan_pdf.compose import numbers

    assert doctest.testmod(numbers).failed == 0
