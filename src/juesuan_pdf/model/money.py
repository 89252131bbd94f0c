"""Money in 万元 and the one place where figures are rounded (half-up, or truncated where a document truncates).

Amounts are `Decimal` values in 万元 with at most two decimals, exactly as the data gives them.
Shares, changes and completion rates are computed exactly and rounded here, half-up by default, never
by a formatter (a formatter may round half-to-even: 226.085 would become 226.08). Some published documents cut
their change rates instead (`截断`, 23.519% → 23.51%): that choice is a `Rounding` value, applied here too.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Literal

import attrs

ZERO = Decimal("0")
CENT = Decimal("0.01")
HUNDRED = Decimal("100")

Direction = Literal["up", "down", "flat"]

Rounding = Literal["四舍五入", "截断"]
"""How a percentage is cut to its places: rounded half-up (the default) or truncated."""
ROUNDINGS: tuple[Rounding, ...] = ("四舍五入", "截断")
HALF_UP: Rounding = "四舍五入"
_MODES = {"四舍五入": ROUND_HALF_UP, "截断": ROUND_DOWN}


@attrs.frozen
class Precision:
    """How a percentage is printed: its decimal places, how it is cut to them, and whether trailing zeros stay
    (`fixed`: 22.60%, else 22.6%)."""

    places: int = 1
    rounding: Rounding = HALF_UP
    fixed: bool = False


def quantize(value: Decimal, places: int = 2, rounding: Rounding = HALF_UP) -> Decimal:
    """`value` rounded half-up (or truncated) to `places` decimals.

    >>> quantize(Decimal("226.085")), quantize(Decimal("23.5196"), 2, "截断")
    (Decimal('226.09'), Decimal('23.51'))
    """
    return value.quantize(Decimal(1).scaleb(-places), rounding=_MODES[rounding])


def total(amounts: Iterable[Decimal]) -> Decimal:
    """The exact sum of amounts (0 for none)."""
    return sum(amounts, ZERO)


def ratio_percent(part: Decimal, whole: Decimal) -> Decimal | None:
    """`part / whole` in percent, unrounded; None when `whole` is zero (no meaningful rate)."""
    if whole == 0:
        return None
    return part * HUNDRED / whole


def percent(part: Decimal, whole: Decimal, places: int = 1, rounding: Rounding = HALF_UP) -> Decimal | None:
    """`part / whole` in percent rounded half-up (or truncated) to `places`; None when `whole` is zero.

    >>> percent(Decimal("226.08"), Decimal("4228.88"))
    Decimal('5.3')
    >>> percent(Decimal("9.41"), Decimal("14.8"))
    Decimal('63.6')
    """
    exact = ratio_percent(part, whole)
    return None if exact is None else quantize(exact, places, rounding)


@attrs.frozen
class Change:
    """How a figure moved from last year to this year: the absolute difference, its direction and rate.

    `rate` is the change in percent of last year's figure, rounded (or truncated) to `places`; None when last
    year's figure is zero or unknown (a rate from nothing is never stated).
    """

    current: Decimal
    previous: Decimal
    delta: Decimal
    direction: Direction
    rate: Decimal | None


def change(current: Decimal, previous: Decimal, places: int = 1, rounding: Rounding = HALF_UP) -> Change:
    """The change from `previous` to `current`.

    >>> c = change(Decimal("4454.96"), Decimal("4228.88"))
    >>> (c.delta, c.direction, c.rate)
    (Decimal('226.08'), 'up', Decimal('5.3'))
    """
    delta = current - previous
    direction: Direction = "up" if delta > 0 else "down" if delta < 0 else "flat"
    return Change(current, previous, abs(delta), direction, percent(abs(delta), previous, places, rounding))


def decimals(value: Decimal) -> int:
    """How many decimals `value` is written with (`Decimal('7.20')` → 2, `Decimal('112')` → 0)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0
