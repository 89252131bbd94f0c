"""Reading one cell of a 公开表 as an amount or a classification code (internal, may change)."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

import attrs

from juesuan_pdf.model.money import quantize
from juesuan_pdf.workbook.locate import Located
from juesuan_pdf.workbook.read import Value, WorkbookError

_NIL = {"", "-", "--", "—", "——", "－", "/"}
_CODE_RE = re.compile(r"\d{3}(?:\d{2}){0,2}")


@attrs.frozen
class Figure:
    """An amount in 万元 read from one cell, and where: `公开02表 D12`."""

    value: Decimal
    where: str


def amount(table: Located, row: int, col: int) -> Figure | None:
    """The amount in a cell in 万元, None when blank; text that is no number is an error naming the cell."""
    value = table.sheet.value(row, col)
    where = table.where(row, col)
    parsed = parse_amount(value)
    if parsed is BAD:
        raise WorkbookError(f"{where}：金额格子里是“{value}”，应为数字（列“{table.path_text(col)}”）")
    if parsed is None:
        return None
    assert isinstance(parsed, Decimal)
    return Figure(in_wan(parsed, table.unit), where)


BAD = object()
"""What `parse_amount` returns for text that is no amount."""


def parse_amount(value: Value) -> Decimal | object | None:
    """A cell's number: numbers as they are, text with thousands separators or full-width digits read as a
    number, blanks and dashes None, anything else `BAD`.

    >>> [parse_amount(v) for v in (4454.96, "1,234.50", " 12 ", "￥3.00", "—", None)]
    [Decimal('4454.96'), Decimal('1234.50'), Decimal('12'), Decimal('3.00'), None, None]
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return BAD
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    text = unicodedata.normalize("NFKC", str(value))
    text = "".join(text.split()).replace(",", "").replace("¥", "")
    if text in _NIL:
        return None
    negative = text.startswith("(") and text.endswith(")")
    try:
        number = Decimal(text.strip("()"))
    except InvalidOperation:
        return BAD
    if not number.is_finite():
        return BAD
    return -number if negative else number


def in_wan(value: Decimal, unit: Decimal) -> Decimal:
    """An amount in 万元: 元 converted (rounded half-up to the 分 of 万元), 万元 kept as written."""
    if unit == 1:
        return value if -value.as_tuple().exponent <= 2 else quantize(value)  # type: ignore[operator]
    return quantize(value * unit)


def code_text(value: Value) -> str:
    """A code cell as digits ('' when blank): numbers stored as numbers lose nothing."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "".join(str(value).split())


def is_code(text: str) -> bool:
    """Whether `text` is a 3-, 5- or 7-digit classification code."""
    return _CODE_RE.fullmatch(text) is not None
