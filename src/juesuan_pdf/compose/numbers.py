"""Number formatting for the document: the only module that imports babel.

Amounts are rounded half-up by `model.money.quantize` first and only then formatted, because babel
rounds half-to-even. The pattern has no grouping: the disclosure writes `43718.03`, not `43,718.03`.
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal

from juesuan_pdf.model.money import quantize


def money_table(d: Decimal) -> str:
    """An amount in a table cell: always 2 decimals, no grouping, half-up.

    >>> money_table(Decimal("112"))
    '112.00'
    >>> money_table(Decimal("226.085"))
    '226.09'
    >>> money_table(Decimal("43718.03"))
    '43718.03'
    """
    return format_decimal(quantize(d, 2), format="0.00", locale="zh_CN", decimal_quantization=True)
