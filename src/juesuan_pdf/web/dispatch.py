"""The block → HTML dispatcher that every block kind registers with (internal, may change)."""

from __future__ import annotations

import functools
from html import escape

from juesuan_pdf.web.anchors import Slot


@functools.singledispatch
def to_html(block: object, slot: Slot) -> str:
    """The HTML of one block (its kind's registered function)."""
    raise TypeError(f"no HTML for block kind {type(block).__name__}")


def text(value: str) -> str:
    """Text from the data, escaped for element content and attribute values alike."""
    return escape(value, quote=True)


def attr(name: str, value: str | int | None) -> str:
    """` name="value"`, or nothing for an empty value or a span of 1."""
    if value in (None, "", 1):
        return ""
    return f' {name}="{text(str(value))}"'
