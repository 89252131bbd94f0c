"""Figures 图1–图7 as chart data: one module per figure, each `build(report, profile)` → BarChart | PieChart.

A figure reads the same model properties as the sentence next to it, and its labels are printed by
`compose.numbers` exactly as the sentence prints them. The helpers below are internal, may change.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from juesuan_pdf.compose.numbers import wan
from juesuan_pdf.compose.phrases import amount
from juesuan_pdf.doc import BarChart, Block, Para, PieChart, Series, Slice

if TYPE_CHECKING:
    from juesuan_pdf.compose.profiles import Profile


def series(name: str, values: Sequence[Decimal]) -> Series:
    """A bar series with its values printed as the sentences print amounts (no unit: the axis has it)."""
    return Series(name, tuple(values), tuple(wan(v) for v in values))


def two_years(
    profile: Profile,
    key: str,
    year: int,
    categories: Sequence[str],
    current: Sequence[Decimal],
    prior: Decimal | None,
) -> BarChart:
    """Bars of last year (when known; one figure for every category) and this year, side by side."""
    bars = [series(f"{year}年度", current)]
    if prior is not None:
        bars.insert(0, series(f"{year - 1}年度", [prior] * len(categories)))
    return BarChart(caption=profile.captions[key], categories=tuple(categories), series=tuple(bars), key=key)


def structure(profile: Profile, key: str, items: Sequence[tuple[str, Decimal]], whole: Decimal) -> PieChart:
    """Slices of `whole` labelled `112万元 2.5%` (zero slices stay: the legend lists them)."""
    slices = tuple(Slice(name, value, f"{amount(value)} {profile.rate(value, whole)}".strip()) for name, value in items)
    return PieChart(caption=profile.captions[key], slices=slices, key=key)


def drawn(block: Block, profile: Profile) -> Block:
    """`block` itself, or for a chart whose every amount is 0 the profile's sentence saying so (no empty
    figure is drawn)."""
    if isinstance(block, PieChart):
        values = [s.value for s in block.slices]
    elif isinstance(block, BarChart):
        values = [v for s in block.series for v in s.values]
    else:
        return block
    if any(values):
        return block
    title = block.caption.split("：", 1)[-1]
    return Para.of(profile.no_chart.format(title=title))
