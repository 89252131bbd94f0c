"""How figures are printed: 万元 amounts, percentages, table money, Chinese ordinals and dates.

This is the only module that imports Babel. Babel rounds half-to-even, so every value is first rounded
half-up by `model.money.quantize` and only then formatted; the patterns never group thousands
(`43718.03`, not `43,718.03`).

>>> wan(Decimal("4454.960"))
'4454.96'
>>> pct(Decimal("5.30"))
'5.3'
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from typing import TYPE_CHECKING

from juesuan_pdf.model.money import quantize

if TYPE_CHECKING:
    from babel import Locale
    from babel.numbers import NumberPattern

# Babel is imported when the first figure is printed: choosing a profile (as `validate` does) prints none.

_DIGITS = "零一二三四五六七八九"


@functools.cache
def _locale() -> Locale:
    """Babel's zh_CN data."""
    from babel import Locale

    return Locale.parse("zh_CN")


@functools.cache
def _pattern(places: int, *, fixed: bool) -> NumberPattern:
    """A Babel pattern without grouping: `0.##` (trailing zeros dropped) or `0.00` (fixed), parsed once."""
    from babel.numbers import parse_pattern

    text = "0" if places <= 0 else "0." + ("0" if fixed else "#") * places
    return parse_pattern(text)


@functools.lru_cache(maxsize=8192)
def _format(value: Decimal, places: int, *, fixed: bool) -> str:
    """`value` rounded half-up to `places` and formatted; `-0` never appears. Cached: documents repeat figures."""
    from babel.numbers import format_decimal

    rounded = quantize(value, places)
    if rounded == 0:
        rounded = abs(rounded)
    return format_decimal(rounded, format=_pattern(places, fixed=fixed), locale=_locale())


def wan(value: Decimal, places: int = 2) -> str:
    """An amount in 万元 as sentences print it: at most two decimals, trailing zeros dropped.

    >>> [wan(Decimal(x)) for x in ("43718.03", "112.00", "7.20", "0")]
    ['43718.03', '112', '7.2', '0']
    """
    return _format(value, places, fixed=False)


def pct(value: Decimal, places: int = 1, *, fixed: bool = False) -> str:
    """A percentage figure (without the % sign), trailing zeros dropped (`5.3`, `100`, `0`) or kept when `fixed`.

    >>> [pct(Decimal(x)) for x in ("5.3", "100.0", "23.72", "0")]
    ['5.3', '100', '23.7', '0']
    >>> pct(Decimal("81.015"), 2), pct(Decimal("22.6"), 2, fixed=True), pct(Decimal("100"), 2, fixed=True)
    ('81.02', '22.60', '100.00')
    """
    return _format(value, places, fixed=fixed)


def money_table(value: Decimal, places: int = 2) -> str:
    """An amount as tables print it: always two decimals, no grouping (`112.00`).

    >>> money_table(Decimal("112"))
    '112.00'
    """
    return _format(value, places, fixed=True)


def count(value: int) -> str:
    """A count (辆, 批次, 人次, 个) as digits."""
    return str(value)


def cn_number(n: int) -> str:
    """A Chinese numeral for 1–9999 as ordinals print it: 一, 十, 十一, 二十, 三十三, 一百零五.

    >>> [cn_number(n) for n in (1, 10, 11, 20, 33, 105)]
    ['一', '十', '十一', '二十', '三十三', '一百零五']
    """
    if not 0 < n < 10000:
        raise ValueError(f"cn_number supports 1–9999, got {n}")
    if 10 <= n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    return _cn_positional(n)


def _cn_positional(n: int) -> str:
    """The positional reading of `n` (千/百/十 with a single 零 for skipped places)."""
    out: list[str] = []
    zero_pending = False
    for unit, size in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
        digit, n = divmod(n, size)
        if digit == 0:
            zero_pending = bool(out)
            continue
        if zero_pending:
            out.append("零")
            zero_pending = False
        out.append(_DIGITS[digit] + unit)
    return "".join(out)


def date_cn(day: dt.date) -> str:
    """A date as Chinese documents print it: `2024年9月10日`.

    >>> date_cn(dt.date(2024, 9, 10))
    '2024年9月10日'
    """
    return f"{day.year}年{day.month}月{day.day}日"
