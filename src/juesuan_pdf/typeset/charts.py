"""Charts: doc.BarChart and doc.PieChart → vector Drawings with their captions, kept together.

Every string in a drawing gets an explicit font (reportlab's chart widgets default to a non-embedded
Helvetica), bar value axes start at 0 (an axis starting elsewhere makes a bar of zero height lie), and
fills are distinct greys with black outlines so the charts read the same printed in black and white.
Labels are printed exactly as the document gives them; the typesetter formats no numbers of its own
except the value-axis ticks.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import Color, black, white
from reportlab.platypus import Flowable
from reportlab.platypus import KeepTogether as RLKeepTogether

from juesuan_pdf import doc
from juesuan_pdf.typeset.dispatch import RenderContext, to_flowables
from juesuan_pdf.typeset.render import font_name, make_text

# Grey levels for series and slices: alternate dark and light so neighbours always contrast.
GREYS: tuple[float, ...] = (0.35, 0.78, 0.55, 0.92, 0.2, 0.66, 0.45, 0.85, 0.28, 0.72)
LABEL_SIZE = 10.5
"""五号: chart labels, legend and ticks."""


def grey(i: int) -> Color:
    """The i-th fill of the palette (cycling)."""
    level = GREYS[i % len(GREYS)]
    return Color(level, level, level)


def nice_axis(top_value: float, steps: int = 5) -> tuple[float, float]:
    """An axis maximum above `top_value` with room for labels, and a round step (1, 2 or 5 × 10^k)."""
    if top_value <= 0:
        return 1.0, 0.2
    raw = top_value * 1.15 / steps
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return step * math.ceil(top_value * 1.15 / step), step


def tick_label(value: float) -> str:
    """A value-axis tick: an integer when whole, else up to two decimals without trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def chart_size(ctx: RenderContext) -> tuple[float, float]:
    """Drawing size: the frame's width and nine body lines high."""
    return ctx.geometry.portrait.width, 9 * ctx.geometry.line_pitch


def _string(x: float, y: float, text: str, font: str, anchor: str = "start") -> String:
    """A label with our font set explicitly."""
    return String(x, y, text, fontName=font, fontSize=LABEL_SIZE, textAnchor=anchor, fillColor=black)


def _drawing(width: float, height: float, font: str) -> Drawing:
    """An empty drawing whose default font is ours, so nothing falls back to Helvetica."""
    drawing = Drawing(width, height)
    drawing.initialFontName = font
    drawing.initialFontSize = LABEL_SIZE
    return drawing


def _legend(font: str, pairs: Sequence[tuple[Color, str]], x: float, y: float, columns: int) -> Legend:
    """A legend of grey swatches with black outlines, `columns` across, anchored at its top-left."""
    legend = Legend()
    legend.fontName = font
    legend.fontSize = LABEL_SIZE
    legend.x, legend.y = x, y
    legend.boxAnchor = "nw"
    legend.alignment = "right"
    legend.columnMaximum = max(1, math.ceil(len(pairs) / columns))
    legend.dx = legend.dy = 9
    legend.deltay = LABEL_SIZE * 1.5
    legend.deltax = 12
    legend.strokeColor = black
    legend.strokeWidth = 0.5
    legend.colorNamePairs = list(pairs)
    return legend


# ---------------------------------------------------------------------------------------------------------
# Bar charts


def bar_drawing(chart: doc.BarChart, font: str, width: float, height: float) -> Drawing:
    """Vertical bars, one series per year (say), value axis from 0, every bar labelled, legend on top."""
    drawing = _drawing(width, height, font)
    bars = _bar_chart(chart, font, width, height)
    drawing.add(bars, name="chart")
    drawing.add(_string(bars.x - 6, bars.y + bars.height + 8, chart.unit, font, "end"), name="unit")
    pairs = [(grey(i), s.name) for i, s in enumerate(chart.series)]
    legend = _legend(font, pairs, 0, height - 2, columns=len(pairs))
    # Centre the one-row legend over the plot.
    legend.x = bars.x + bars.width / 2 - _legend_width(pairs, font) / 2
    drawing.add(legend, name="legend")
    return drawing


def _legend_width(pairs: Sequence[tuple[Color, str]], font: str) -> float:
    """Approximate width of a one-row legend: swatch, gap and text per entry."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(sum(9 + 12 + stringWidth(name, font, LABEL_SIZE) + 12 for _, name in pairs))


def _bar_chart(chart: doc.BarChart, font: str, width: float, height: float) -> VerticalBarChart:
    """The bar chart widget with fonts, greys, labels and a zero-based value axis."""
    bars = VerticalBarChart()
    bars.x, bars.y = 56, 30
    bars.width, bars.height = width - bars.x - 10, height - bars.y - 48
    bars.data = [[float(v) for v in s.values] for s in chart.series]
    bars.barSpacing = 2
    bars.groupSpacing = 24
    for i in range(len(chart.series)):
        bars.bars[i].fillColor = grey(i)
        bars.bars[i].strokeColor = black
        bars.bars[i].strokeWidth = 0.5
    _bar_labels(bars, chart, font)
    _category_axis(bars, chart, font)
    _value_axis(bars, chart, font)
    return bars


def _bar_labels(bars: VerticalBarChart, chart: doc.BarChart, font: str) -> None:
    """Each bar carries its given label just above its top."""
    bars.barLabelFormat = "values"
    bars.barLabelArray = [list(s.labels) for s in chart.series]
    bars.barLabels.fontName = font
    bars.barLabels.fontSize = LABEL_SIZE
    bars.barLabels.boxAnchor = "s"
    bars.barLabels.dy = 2
    bars.barLabels.nudge = 2


def _category_axis(bars: VerticalBarChart, chart: doc.BarChart, font: str) -> None:
    """Category names under the groups."""
    axis = bars.categoryAxis
    axis.categoryNames = list(chart.categories)
    axis.labels.fontName = font
    axis.labels.fontSize = LABEL_SIZE
    axis.labels.boxAnchor = "n"
    axis.labels.dy = -4
    axis.strokeColor = black
    axis.tickDown = 0


def _value_axis(bars: VerticalBarChart, chart: doc.BarChart, font: str) -> None:
    """Value axis from 0 to a round maximum, light grid lines, plain tick numbers."""
    top = max((float(v) for s in chart.series for v in s.values), default=0.0)
    axis = bars.valueAxis
    axis.valueMin = 0
    axis.valueMax, axis.valueStep = nice_axis(top)
    axis.labels.fontName = font
    axis.labels.fontSize = LABEL_SIZE
    axis.labelTextFormat = tick_label
    axis.strokeColor = black
    axis.visibleGrid = True
    axis.gridStrokeColor = Color(0.8, 0.8, 0.8)
    axis.gridStrokeWidth = 0.4


# ---------------------------------------------------------------------------------------------------------
# Pie charts


def pie_drawing(chart: doc.PieChart, font: str, width: float, height: float) -> Drawing:
    """Slices with side labels; zero slices are not drawn but the legend lists every slice."""
    drawing = _drawing(width, height, font)
    drawn = [(i, s) for i, s in enumerate(chart.slices) if s.value > 0]
    legend_rows = math.ceil(len(chart.slices) / 2)
    legend_h = legend_rows * LABEL_SIZE * 1.5 + 6
    if drawn:
        drawing.add(_pie(drawn, font, width, height - legend_h), name="chart")
    pairs = [(grey(i), f"{s.name} {s.label}") for i, s in enumerate(chart.slices)]
    drawing.add(_legend(font, pairs, 20, legend_h, columns=2 if len(pairs) > 1 else 1), name="legend")
    return drawing


def _pie(drawn: Sequence[tuple[int, doc.Slice]], font: str, width: float, height: float) -> Pie:
    """The pie widget: grey slices (colour index = position in the full list) with labels beside it."""
    pie = Pie()
    size = min(height - 36, width * 0.38)
    pie.width = pie.height = size
    pie.x, pie.y = (width - size) / 2, height - size - 18
    pie.data = [float(s.value) for _, s in drawn]
    pie.labels = [s.label for _, s in drawn]
    pie.sideLabels = True
    pie.sideLabelsOffset = 0.1
    pie.startAngle = 90
    pie.direction = "clockwise"
    pie.simpleLabels = 1
    pie.slices.fontName = font
    pie.slices.fontSize = LABEL_SIZE
    pie.slices.strokeColor = white if len(drawn) > 1 else black
    pie.slices.strokeWidth = 0.75
    for j, (i, _) in enumerate(drawn):
        pie.slices[j].fillColor = grey(i)
        pie.slices[j].label_pointer_strokeColor = black
    return pie


# ---------------------------------------------------------------------------------------------------------
# Block registrations


def _with_caption(drawing: Drawing, caption: str, ctx: RenderContext) -> list[Flowable]:
    """The drawing with its caption under it, never separated by a page break."""
    text = make_text((doc.Run(caption),), "caption", ctx)
    return [RLKeepTogether([drawing, text])]


@to_flowables.register
def _bar_chart_block(block: doc.BarChart, ctx: RenderContext) -> list[Flowable]:
    width, height = chart_size(ctx)
    return _with_caption(bar_drawing(block, font_name(ctx, "body"), width, height), block.caption, ctx)


@to_flowables.register
def _pie_chart_block(block: doc.PieChart, ctx: RenderContext) -> list[Flowable]:
    width, height = chart_size(ctx)
    return _with_caption(pie_drawing(block, font_name(ctx, "body"), width, height), block.caption, ctx)


def values_of(chart: doc.BarChart | doc.PieChart) -> list[Decimal]:
    """Every value a chart shows (for tests that compare a chart with the text)."""
    if isinstance(chart, doc.BarChart):
        return [v for s in chart.series for v in s.values]
    return [s.value for s in chart.slices]
