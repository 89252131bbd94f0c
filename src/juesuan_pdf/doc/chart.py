"""Charts as data: plain Decimals with their printed labels and a caption. No drawing here.

Labels are formatted by `compose` (the typesetter knows no number formats), so what a chart prints is
exactly what the sentences print.
"""

from __future__ import annotations

from decimal import Decimal

import attrs


@attrs.frozen
class Series:
    """One bar series: a name for the legend, one value per category and its printed label."""

    name: str
    values: tuple[Decimal, ...]
    labels: tuple[str, ...]


@attrs.frozen
class BarChart:
    """Vertical bars by category (e.g. 收入总计/支出总计) with one series per year. Value axis from 0."""

    caption: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str = "万元"
    key: str = ""


@attrs.frozen
class Slice:
    """One slice of a structure chart: its name, value and printed label (e.g. '112万元 2.5%')."""

    name: str
    value: Decimal
    label: str


@attrs.frozen
class PieChart:
    """A structure chart (shares of a whole). Zero slices are listed in the legend but not drawn."""

    caption: str
    slices: tuple[Slice, ...]
    unit: str = "万元"
    key: str = ""
