"""Money in 万元 and the one place where figures are rounded (ROUND_HALF_UP).

Amounts are `Decimal` values in 万元 with at most two decimals, exactly as the data gives them.
Shares, changes and completion rates are computed exactly and rounded here, half-up, never by a
formatter (Babel rounds half-to-even: 226.085 would become 226.08).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

import attrs

ZERO = Decimal("0")
CENT = Decimal("0.01")
HUNDRED = Decimal("100")

Direction = Literal["up", "down", "flat"]


def quantize(value: Decimal, places: int = 2) -> Decimal:
    """`value` rounded half-up to `places` decimals.

    >>> quantize(Decimal("226.085"))
    Decimal('226.09')
    """
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def total(amounts: Iterable[Decimal]) -> Decimal:
    """The exact sum of amounts (0 for none)."""
    return sum(amounts, ZERO)


def ratio_percent(part: Decimal, whole: Decimal) -> Decimal | None:
    """`part / whole` in percent, unrounded; None when `whole` is zero (no meaningful rate)."""
    if whole == 0:
        return None
    return part * HUNDRED / whole


def percent(part: Decimal, whole: Decimal, places: int = 1) -> Decimal | None:
    """`part / whole` in percent rounded half-up to `places`; None when `whole` is zero.

    >>> percent(Decimal("226.08"), Decimal("4228.88"))
    Decimal('5.3')
    >>> percent(Decimal("9.41"), Decimal("14.8"))
    Decimal('63.6')
    """
    exact = ratio_percent(part, whole)
    return None if exact is None else quantize(exact, places)


@attrs.frozen
class Change:
    """How a figure moved from last year to this year: the absolute difference, its direction and rate.

    `rate` is the change in percent of last year's figure, rounded half-up to `places`; None when last
    year's figure is zero or unknown (a rate from nothing is never stated).
    """

    current: Decimal
    previous: Decimal
    delta: Decimal
    direction: Direction
    rate: Decimal | None


def change(current: Decimal, previous: Decimal, places: int = 1) -> Change:
    """The change from `previous` to `current`.

    >>> c = change(Decimal("4454.96"), Decimal("4228.88"))
    >>> (c.delta, c.direction, c.rate)
    (Decimal('226.08'), 'up', Decimal('5.3'))
    """
    delta = current - previous
    direction: Direction = "up" if delta > 0 else "down" if delta < 0 else "flat"
    return Change(current, previous, abs(delta), direction, percent(abs(delta), previous, places))


def decimals(value: Decimal) -> int:
    """How many decimals `value` is written with (`Decimal('7.20')` → 2, `Decimal('112')` → 0)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0
