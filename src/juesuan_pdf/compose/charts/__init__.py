"""Figures 图1–图7 as chart data: one module per figure, each `build(report, profile)` → BarChart | PieChart.

A figure reads the same model properties as the sentence next to it, and its labels are printed by
`compose.numbers` exactly as the sentence prints them. The helpers below are internal, may change.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from juesuan_pdf.compose.numbers import wan
from juesuan_pdf.compose.phrases import amount
from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.doc import BarChart, Block, Para, PieChart, Series, Slice


def series(name: str, values: Sequence[Decimal]) -> Series:
    """A bar series with its values printed as the sentences print amounts (no unit: the axis has it)."""
    return Series(name, tuple(values), tuple(wan(v) for v in values))


def two_years(
    profile: Profile,
    key: str,
    year: int,
    categories: Sequence[str],
    current: Sequence[Decimal],
    prior: Decimal | Sequence[Decimal | None] | None,
) -> BarChart:
    """Bars of last year (when known: one figure for every category, or one per category) and this year."""
    bars = [series(profile.say("chart.year", year=year), current)]
    priors = [prior] * len(categories) if prior is None or isinstance(prior, Decimal) else list(prior)
    known = [p for p in priors if p is not None]
    if len(known) == len(categories):
        bars.insert(0, series(profile.say("chart.year", year=year - 1), known))
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
