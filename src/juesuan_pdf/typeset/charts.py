"""Charts: doc.BarChart and doc.PieChart → vector Drawings with their captions, kept together.

Every string in a drawing gets an explicit font (reportlab's chart widgets default to a non-embedded
Helvetica), bar value axes start at 0 (an axis starting elsewhere makes a bar of zero height lie), and
fills are distinct greys with outlines so the charts read the same printed in black and white. Bars use
reportlab's VerticalBarChart; pies and legends are drawn here (reportlab's side labels overprint for small
neighbouring slices and its legend columns overlap long names). Labels are printed exactly as the
document gives them; the typesetter formats no numbers of its own except the value-axis ticks.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Circle, Drawing, Group, PolyLine, Rect, String, Wedge
from reportlab.lib.colors import Color, black, white
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable
from reportlab.platypus import Spacer as RLSpacer

from juesuan_pdf import doc
from juesuan_pdf.errors import BuildError
from juesuan_pdf.typeset import linebreak as lb
from juesuan_pdf.typeset.dispatch import RenderContext, to_flowables
from juesuan_pdf.typeset.fonts import covers, register
from juesuan_pdf.typeset.render import Figure, make_text

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


SWATCH = 9.0
"""Side of a legend swatch, pt."""


def legend_layout(font: str, texts: Sequence[str], width: float) -> tuple[int, float]:
    """Columns and column width for a legend of `texts` within `width`: as many columns as fit, at most 3."""
    widest = max((stringWidth(t, font, LABEL_SIZE) for t in texts), default=0.0)
    column = SWATCH + 6 + widest + 18
    return max(1, min(3, len(texts), int(width // column))), column


def legend(font: str, entries: Sequence[tuple[Color, str]], width: float) -> Group:
    """A legend: grey swatches with black outlines and their texts, row by row in as many columns as fit.

    Drawn from its top-left corner at (0, 0) downwards; `legend_height` gives its height.
    """
    columns, column = legend_layout(font, [t for _, t in entries], width)
    group = Group()
    pitch = LABEL_SIZE * 1.5
    for k, (color, text) in enumerate(entries):
        row, col = divmod(k, columns)
        x, y = col * column, -(row + 1) * pitch
        group.add(Rect(x, y + 1, SWATCH, SWATCH, fillColor=color, strokeColor=black, strokeWidth=0.5))
        group.add(_string(x + SWATCH + 6, y + 2, text, font))
    return group


def legend_height(font: str, texts: Sequence[str], width: float) -> float:
    """Height of the legend of `texts` laid out in `width`."""
    columns, _ = legend_layout(font, texts, width)
    return math.ceil(len(texts) / columns) * LABEL_SIZE * 1.5


def legend_width(font: str, texts: Sequence[str], width: float) -> float:
    """Width of the legend's used columns (to centre it)."""
    columns, column = legend_layout(font, texts, width)
    return min(columns, len(texts)) * column - 18


# ---------------------------------------------------------------------------------------------------------
# Bar charts


def bar_drawing(chart: doc.BarChart, font: str, width: float, height: float) -> Drawing:
    """Vertical bars, one series per year (say), value axis from 0, every bar labelled, legend on top."""
    drawing = _drawing(width, height, font)
    bars = _bar_chart(chart, font, width, height)
    drawing.add(bars, name="chart")
    drawing.add(_string(bars.x - 6, bars.y + bars.height + 8, chart.unit, font, "end"), name="unit")
    names = [s.name for s in chart.series]
    key = legend(font, [(grey(i), n) for i, n in enumerate(names)], bars.width)
    # Centred over the plot, on the top edge of the drawing.
    key.translate(bars.x + (bars.width - legend_width(font, names, bars.width)) / 2, height)
    drawing.add(key, name="legend")
    return drawing


def _bar_chart(chart: doc.BarChart, font: str, width: float, height: float) -> VerticalBarChart:
    """The bar chart widget with fonts, greys, labels and a zero-based value axis."""
    bars = VerticalBarChart()
    bars.x = 56
    bars.width = width - bars.x - 10
    names = category_names(chart, font, bars.width)
    # Room under the axis for the longest (wrapped) category name.
    bars.y = 8 + max((n.count("\n") + 1 for n in names), default=1) * LABEL_SIZE * 1.25
    bars.height = height - bars.y - 48
    bars.data = [[float(v) for v in s.values] for s in chart.series]
    bars.barSpacing = 2
    bars.groupSpacing = 24
    for i in range(len(chart.series)):
        bars.bars[i].fillColor = grey(i)
        bars.bars[i].strokeColor = black
        bars.bars[i].strokeWidth = 0.5
    _bar_labels(bars, chart, font)
    _category_axis(bars, names, font)
    _value_axis(bars, chart, font)
    return bars


def category_names(chart: doc.BarChart, font: str, plot_width: float) -> list[str]:
    """Category names wrapped to their group's width (Chinese names have no spaces to break at, so
    reportlab would let them run into each other)."""
    room = plot_width / max(1, len(chart.categories)) - LABEL_SIZE
    return [wrap_label(name, font, room) for name in chart.categories]


def _bar_labels(bars: VerticalBarChart, chart: doc.BarChart, font: str) -> None:
    """Each bar carries its given label just above its top."""
    bars.barLabelFormat = "values"
    bars.barLabelArray = [list(s.labels) for s in chart.series]
    bars.barLabels.fontName = font
    bars.barLabels.fontSize = LABEL_SIZE
    bars.barLabels.boxAnchor = "s"
    bars.barLabels.dy = 2
    bars.barLabels.nudge = 2


def _category_axis(bars: VerticalBarChart, names: Sequence[str], font: str) -> None:
    """Category names under the groups."""
    axis = bars.categoryAxis
    axis.categoryNames = list(names)
    axis.labels.fontName = font
    axis.labels.fontSize = LABEL_SIZE
    axis.labels.boxAnchor = "n"
    axis.labels.textAnchor = "middle"
    axis.labels.dy = -4
    axis.strokeColor = black
    axis.tickDown = 0


def wrap_label(text: str, font: str, width: float) -> str:
    """`text` with line feeds where it must break to fit `width` (line breaking by the Chinese rules)."""
    items = [lb.Item(ch, stringWidth(ch, font, LABEL_SIZE), LABEL_SIZE) for ch in text]
    # The lines are drawn as plain strings at natural widths: no compressed marks, no shrunk gaps.
    params = lb.Params(max(width, LABEL_SIZE), align="left", compress=False, max_shrink=0.0)
    lines = lb.break_lines(items, params)
    return "\n".join(text[line.start : line.end] for line in lines) or text


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


def pie_drawing(chart: doc.PieChart, font: str, width: float, pie_height: float) -> Drawing:
    """The pie (`pie_height` tall, values beside the slices) above a legend naming every slice.

    Zero slices are not drawn but stay in the legend. Slices run clockwise from twelve o'clock in
    legend order, so each value beside the pie matches the legend entry of the same grey.
    """
    texts = [f"{s.name} {s.label}" for s in chart.slices]
    below = legend_height(font, texts, width) + 6
    drawing = _drawing(width, pie_height + below, font)
    drawn = [(i, s) for i, s in enumerate(chart.slices) if s.value > 0]
    if drawn:
        size = min(pie_height - 2 * LABEL_SIZE - 12, width * 0.4)
        drawing.add(pie_group(drawn, font, (width / 2, below + pie_height / 2), size / 2), name="chart")
    key = legend(font, [(grey(i), t) for i, t in enumerate(texts)], width)
    key.translate((width - legend_width(font, texts, width)) / 2, below)
    drawing.add(key, name="legend")
    return drawing


@attrs.frozen
class SliceLabel:
    """Where a slice's value goes: the slice's mid-angle (degrees), its side and the label's baseline."""

    angle: float
    right: bool
    y: float


def slice_angles(values: Sequence[float]) -> list[tuple[float, float]]:
    """(start, end) angles in degrees of each slice, clockwise from twelve o'clock (end < start)."""
    total = sum(values)
    out, start = [], 90.0
    for v in values:
        end = start - 360.0 * v / total
        out.append((start, end))
        start = end
    return out


def place_labels(angles: Sequence[tuple[float, float]], cy: float, r: float) -> list[SliceLabel]:
    """Label positions beside the pie: each at its slice's height, pushed apart to one line per label."""
    labels = []
    for start, end in angles:
        # A whole disc has no middle: its label goes at three o'clock.
        mid = (start + end) / 2 if start - end < 359.99 else 0.0
        labels.append(SliceLabel(mid, math.cos(math.radians(mid)) >= 0, cy + 1.1 * r * math.sin(math.radians(mid))))
    out = list(labels)
    for right in (True, False):
        side = sorted((k for k, lab in enumerate(labels) if lab.right == right), key=lambda k: -labels[k].y)
        ys = spread([labels[k].y for k in side], LABEL_SIZE * 1.3, cy - 1.3 * r, cy + 1.3 * r)
        for k, y in zip(side, ys, strict=True):
            out[k] = attrs.evolve(labels[k], y=y)
    return out


def spread(ys: Sequence[float], gap: float, low: float, high: float) -> list[float]:
    """`ys` (top to bottom) moved as little as possible so neighbours are `gap` apart within [low, high]."""
    out = list(ys)
    for k in range(len(out)):
        out[k] = min(out[k], high - k * gap, out[k - 1] - gap if k else high)
    for k in reversed(range(len(out))):
        out[k] = max(out[k], low + (len(out) - 1 - k) * gap, out[k + 1] + gap if k + 1 < len(out) else low)
    return out


def pie_group(drawn: Sequence[tuple[int, doc.Slice]], font: str, center: tuple[float, float], r: float) -> Group:
    """Grey wedges (grey index = position in the full list) with each value beside the pie and a pointer."""
    cx, cy = center
    group = Group()
    angles = slice_angles([float(s.value) for _, s in drawn])
    for (i, _), (start, end) in zip(drawn, angles, strict=True):
        if len(drawn) == 1:
            group.add(Circle(cx, cy, r, fillColor=grey(i), strokeColor=black, strokeWidth=0.75))
        else:
            group.add(Wedge(cx, cy, r, end, start, fillColor=grey(i), strokeColor=white, strokeWidth=0.75))
    for (_, s), lab in zip(drawn, place_labels(angles, cy, r), strict=True):
        _add_slice_label(group, font, (cx, cy), r, lab, s.label)
    return group


def _add_slice_label(
    group: Group, font: str, center: tuple[float, float], r: float, lab: SliceLabel, text: str
) -> None:
    """A value label beside the pie with a pointer from its slice's rim."""
    cx, cy = center
    rad = math.radians(lab.angle)
    rim = (cx + r * math.cos(rad), cy + r * math.sin(rad))
    sign = 1 if lab.right else -1
    elbow_x = cx + sign * (r + 10)
    text_x = elbow_x + sign * 6
    group.add(
        PolyLine([*rim, elbow_x, lab.y + 3.5, text_x - sign * 2, lab.y + 3.5], strokeColor=black, strokeWidth=0.5)
    )
    group.add(_string(text_x, lab.y, text, font, "start" if lab.right else "end"))


# ---------------------------------------------------------------------------------------------------------
# Block registrations


def _with_caption(drawing: Drawing, caption: str, ctx: RenderContext) -> list[Flowable]:
    """The drawing with its caption under it, never separated by a page break."""
    text = make_text((doc.Run(caption),), "caption", ctx)
    # Half a grid line above the chart and below the caption sets the figure off from the prose.
    gap = ctx.geometry.line_pitch / 2
    text.spaceAfter = gap
    return [Figure([RLSpacer(0, gap), drawing, text])]


def chart_font(ctx: RenderContext, texts: Sequence[str]) -> str:
    """The font for every string of a chart: the body face if it has all their characters, else the first
    face of the set that does. A drawing string has one font, so no per-character fallback is possible;
    a character no face has raises BuildError (via the font set's check) instead of printing a box."""
    ctx.fonts.check([(t, "body", False) for t in texts])
    needed = set("".join(texts))
    for face in ctx.fonts.fallbacks("body", False):
        if all(covers(face, ch) for ch in needed):
            return register(face)
    missing = "".join(sorted(needed))
    raise BuildError(f"图中文字没有一种字体能全部显示，请为 body 角色指定覆盖这些字符的字体：{missing}")


def _bar_texts(chart: doc.BarChart) -> list[str]:
    return [
        chart.unit,
        *chart.categories,
        *(s.name for s in chart.series),
        *(t for s in chart.series for t in s.labels),
    ]


@to_flowables.register
def _bar_chart_block(block: doc.BarChart, ctx: RenderContext) -> list[Flowable]:
    width, height = chart_size(ctx)
    font = chart_font(ctx, [*_bar_texts(block), "0123456789."])
    return _with_caption(bar_drawing(block, font, width, height), block.caption, ctx)


@to_flowables.register
def _pie_chart_block(block: doc.PieChart, ctx: RenderContext) -> list[Flowable]:
    width, _ = chart_size(ctx)
    font = chart_font(ctx, [f"{s.name} {s.label}" for s in block.slices])
    return _with_caption(pie_drawing(block, font, width, 7 * ctx.geometry.line_pitch), block.caption, ctx)
