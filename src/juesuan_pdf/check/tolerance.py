"""尾差 (rounding) tolerance: how far a sum of rounded figures may miss its stated total.

Every amount of the document is rounded to 0.01 万元 from a figure in 元, so each item of a sum may be
off by up to 0.005 万元 and a sum of n items by up to 0.005 × n. A gap within that is a 尾差 (提示);
a larger gap is an error. A printed percentage may differ from the exact quotient by one unit of its
last printed digit.

>>> allowed_gap(2)
Decimal('0.010')
>>> sum_level(Decimal("0.02"), 20)
'提示'
>>> sum_level(Decimal("0.06"), 2)
'错误'
"""

from __future__ import annotations

from decimal import Decimal

from juesuan_pdf.errors import ERROR, NOTICE, Level

CENT = Decimal("0.01")
HALF_CENT = Decimal("0.005")
"""The largest rounding error of one amount written with two decimals (万元)."""


def allowed_gap(items: int) -> Decimal:
    """The largest 尾差 a sum of `items` rounded amounts may show against its stated total."""
    return HALF_CENT * max(items, 0)


def sum_level(gap: Decimal, items: int) -> Level | None:
    """None when a sum of `items` amounts misses its total by `gap` = 0; 提示 within the 尾差; else 错误."""
    if gap == 0:
        return None
    return NOTICE if abs(gap) <= allowed_gap(items) else ERROR


def percent_agrees(printed: Decimal, exact: Decimal) -> bool:
    """Whether a printed percentage is the exact one give or take one unit of its last printed digit.

    >>> percent_agrees(Decimal("63.6"), Decimal("63.58"))
    True
    >>> percent_agrees(Decimal("63.4"), Decimal("63.58"))
    False
    """
    exponent = printed.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return abs(printed - exact) <= Decimal(1).scaleb(-places)


def show(amount: Decimal) -> str:
    """An amount or tolerance as the message writes it: no exponent, at least two decimals when fractional.

    >>> show(Decimal("0.010")), show(Decimal("0.015")), show(Decimal("4454.96")), show(Decimal("86.8"))
    ('0.01', '0.015', '4454.96', '86.8')
    """
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2 and amount == amount.quantize(CENT):
        amount = amount.quantize(CENT)
    return f"{amount:f}"
