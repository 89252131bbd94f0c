"""How figures are printed: 万元 amounts, percentages, table money, Chinese ordinals and dates.

Every value is rounded half-up by `model.money.quantize` and then written out by the standard library's
Decimal formatting: plain digits with a `.` and never a thousands separator (`43718.03`, not
`43,718.03`), the way 公开 documents print figures. (Babel was used here once; a locale library is not
needed for this one fixed pattern, and loading its zh_CN data cost every build ~30 ms.)

>>> wan(Decimal("4454.960"))
'4454.96'
>>> pct(Decimal("5.30"))
'5.3'
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal

from juesuan_pdf.model.money import quantize

_DIGITS = "零一二三四五六七八九"


@functools.lru_cache(maxsize=8192)
def _format(value: Decimal, places: int, *, fixed: bool) -> str:
    """`value` rounded half-up to `places` and formatted; `-0` never appears. Cached: documents repeat figures.

    `fixed` keeps `places` decimals (`112.00`); otherwise trailing zeros and a bare point are dropped (`112`).
    """
    rounded = quantize(value, places)
    if rounded == 0:
        rounded = abs(rounded)
    text = f"{rounded:f}"
    if not fixed and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


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
