"""Charts: doc.BarChart and doc.PieChart → a `ChartBox` of frame items, with the caption under it.

Every string of a chart is set in one face that has all its characters (a chart label has no per-character
fallback), bar value axes start at 0 (an axis starting elsewhere makes a bar of zero height lie), and fills
are distinct greys with outlines so the charts read the same printed in black and white. Labels are
printed exactly as the document gives them; the typesetter formats no numbers of its own except the
value-axis ticks. Pies put each value beside the pie at its slice's height, pushed apart so small
neighbouring slices do not overprint; legends have as many columns as fit.

The geometry is that of the reportlab drawing the first version built (a `VerticalBarChart` widget with a
zero-based value axis, pies and legends of plain shapes), computed here without reportlab so the pages
keep their look: see `bar_items` for the bar chart's rules.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Literal

import attrs

from juesuan_pdf import doc
from juesuan_pdf.errors import BuildError
from juesuan_pdf.typeset import linebreak as lb
from juesuan_pdf.typeset.layout import frames
from juesuan_pdf.typeset.layout.boxes import Box, Spacer
from juesuan_pdf.typeset.layout.dispatch import LayoutContext, to_boxes
from juesuan_pdf.typeset.layout.figures import Figure
from juesuan_pdf.typeset.layout.frames import BLACK, WHITE, Color, Glyph, Item, Polygon, Rect, Rules
from juesuan_pdf.typeset.layout.paragraph import make_text
from juesuan_pdf.typeset.layout.text import Fonts, solid_run

GREYS: tuple[float, ...] = (0.35, 0.78, 0.55, 0.92, 0.2, 0.66, 0.45, 0.85, 0.28, 0.72)
"""Grey levels for series and slices: alternate dark and light so neighbours always contrast."""

LABEL_SIZE = 10.5
"""五号: chart labels, legend and ticks."""

LEADING = LABEL_SIZE * 1.2
"""Line pitch of a label of several lines (a wrapped category name)."""

SWATCH = 9.0
"""Side of a legend swatch, pt."""

OUTLINE = 0.5
"""Width of bar, swatch and pointer outlines."""

AXIS_WIDTH = 1.0
GRID_WIDTH = 0.4
GRID_GREY = 0.8
TICK_LENGTH = 5.0

PLOT_LEFT = 56.0
"""Room left of the plot for the value-axis numbers."""
PLOT_RIGHT = 10.0
PLOT_TOP = 48.0
"""Room above the plot for the unit and the legend."""

BAR_WIDTH, BAR_SPACING, GROUP_SPACING = 10.0, 2.0, 24.0
"""Proportions of a category's slot: its bars, the gaps between them, half the group gap at each side."""

Anchor = Literal["start", "middle", "end"]
BoxAnchor = Literal["n", "s", "e"]


def grey(i: int) -> Color:
    """The i-th fill of the palette (cycling)."""
    return frames.grey(GREYS[i % len(GREYS)])


def nice_axis(top_value: float, steps: int = 5) -> tuple[float, float]:
    """An axis maximum above `top_value` with room for labels, and a round step (1, 2 or 5 × 10^k)."""
    if top_value <= 0:
        return 1.0, 0.2
    raw = top_value * 1.15 / steps
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return step * math.ceil(top_value * 1.15 / step), step


def axis_ticks(top: float, step: float) -> list[float]:
    """The tick values 0, step, 2·step, … up to `top` (a tick a hair above it, from rounding, counts)."""
    count = int(top / step)
    if count * step > top + 1e-8 * step:
        count -= 1
    return [i * step for i in range(count + 1)]


def tick_label(value: float) -> str:
    """A value-axis tick: an integer when whole, else up to two decimals without trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def chart_font(fonts: Fonts, texts: Sequence[str]) -> str:
    """The font for every string of a chart: the body face if it has all their characters, else the first
    face of the set that does. A chart string has one font, so no per-character fallback is possible;
    a character no face has raises BuildError (via the font set's check) instead of printing a box."""
    fonts.check([(t, "body", False) for t in texts])
    face = fonts.covering_face("".join(texts), "body")
    if face is None:
        missing = "".join(sorted(set("".join(texts))))
        raise BuildError(f"图中文字没有一种字体能全部显示，请为 body 角色指定覆盖这些字符的字体：{missing}")
    return fonts.glyph_font(face)


@attrs.frozen
class Labeller:
    """Sets a chart's strings: each in the chart's one font at `LABEL_SIZE`, as solid glyph runs."""

    fonts: Fonts
    font: str

    def glyphs(self, text: str) -> list[Glyph]:
        """The glyphs of one line of `text`."""
        return [Glyph(ch, self.font, LABEL_SIZE, self.fonts.advance(self.font, ch, LABEL_SIZE)) for ch in text]

    def width(self, text: str) -> float:
        """The width of one line of `text`."""
        return sum(self.fonts.advance(self.font, ch, LABEL_SIZE) for ch in text)

    def line(self, text: str, x: float, y: float, anchor: Anchor = "start") -> frames.GlyphRun:
        """One line with its baseline at `y`, starting, centred or ending at `x`."""
        glyphs = self.glyphs(text)
        if anchor != "start":
            width = sum(g.advance for g in glyphs)
            x -= width if anchor == "end" else width / 2
        return solid_run(glyphs, x, y)

    def block(self, lines: Sequence[str], x: float, y: float, box: BoxAnchor, anchor: Anchor) -> list[Item]:
        """Lines stacked `LEADING` apart in a box hung by its top centre (n), bottom centre (s) or right
        middle (e) from (x, y); the first baseline is one size below the box's top, and the lines are
        aligned to the box's left edge, centre or right edge."""
        widths = [self.width(t) for t in lines]
        box_width, box_height = max(widths, default=0.0), LEADING * len(lines)
        top = {"n": 0.0, "s": box_height, "e": box_height / 2}[box]
        left = -box_width if box == "e" else -box_width / 2
        out: list[Item] = []
        for k, (text, width) in enumerate(zip(lines, widths, strict=True)):
            shift = {"start": 0.0, "middle": (box_width - width) / 2, "end": box_width - width}[anchor]
            out.append(solid_run(self.glyphs(text), x + left + shift, y + top - LABEL_SIZE - k * LEADING))
        return out


class ChartBox(Box):
    """A chart: a fixed-size box whose items (laid out from its lower left corner) never split."""

    def __init__(self, width: float, height: float, items: Sequence[Item]) -> None:
        super().__init__()
        self.width = width
        self.height = height
        self.items = tuple(items)

    def draw(self, out: list[Item], x: float, y: float) -> None:
        out.extend(shifted(item, x, y) for item in self.items)


def shifted(item: Item, dx: float, dy: float) -> Item:
    """`item` moved by (dx, dy)."""
    if isinstance(item, frames.GlyphRun | Rect | frames.Circle | frames.Wedge):
        return attrs.evolve(item, x=item.x + dx, y=item.y + dy)
    if isinstance(item, Polygon):
        return attrs.evolve(item, points=tuple((x + dx, y + dy) for x, y in item.points))
    if isinstance(item, Rules):
        segments = tuple((x1 + dx, y1 + dy, x2 + dx, y2 + dy) for x1, y1, x2, y2 in item.segments)
        return attrs.evolve(item, segments=segments)
    raise TypeError(f"a chart draws no {type(item).__name__}")


# ---------------------------------------------------------------------------------------------------------
# Legends


def legend_layout(labeller: Labeller, texts: Sequence[str], width: float) -> tuple[int, float]:
    """Columns and column width for a legend of `texts` within `width`: as many columns as fit, at most 3."""
    widest = max((labeller.width(t) for t in texts), default=0.0)
    column = SWATCH + 6 + widest + 18
    return max(1, min(3, len(texts), int(width // column))), column


def legend_height(labeller: Labeller, texts: Sequence[str], width: float) -> float:
    """Height of the legend of `texts` laid out in `width`."""
    columns, _ = legend_layout(labeller, texts, width)
    return math.ceil(len(texts) / columns) * LABEL_SIZE * 1.5


def legend_width(labeller: Labeller, texts: Sequence[str], width: float) -> float:
    """Width of the legend's used columns (to centre it)."""
    columns, column = legend_layout(labeller, texts, width)
    return min(columns, len(texts)) * column - 18


def legend(labeller: Labeller, texts: Sequence[str], width: float, left: float, top: float) -> list[Item]:
    """Grey swatches with black outlines and their texts, row by row in as many columns as fit in `width`,
    from the top left corner (left, top) downwards. Entry k has the fill `grey(k)`."""
    columns, column = legend_layout(labeller, texts, width)
    pitch = LABEL_SIZE * 1.5
    out: list[Item] = []
    for k, text in enumerate(texts):
        row, col = divmod(k, columns)
        x, y = left + col * column, top - (row + 1) * pitch
        out.append(Rect(x, y + 1, SWATCH, SWATCH, fill=grey(k), stroke=BLACK, line_width=OUTLINE))
        out.append(labeller.line(text, x + SWATCH + 6, y + 2))
    return out


# ---------------------------------------------------------------------------------------------------------
# Bar charts


def wrap_label(labeller: Labeller, text: str, width: float) -> list[str]:
    """`text` cut into the lines it must break into to fit `width` (by the Chinese line-breaking rules)."""
    items = [lb.Item(ch, labeller.width(ch), LABEL_SIZE) for ch in text]
    # The lines are drawn as plain strings at natural widths: no compressed marks, no shrunk gaps.
    params = lb.Params(max(width, LABEL_SIZE), align="left", compress=False, max_shrink=0.0)
    lines = [text[line.start : line.end] for line in lb.break_lines(items, params)]
    return lines if "".join(lines) else [text]


def category_lines(labeller: Labeller, chart: doc.BarChart, plot_width: float) -> list[list[str]]:
    """Category names wrapped to their group's width (Chinese names have no spaces to break at, so
    unwrapped they would run into each other)."""
    room = plot_width / max(1, len(chart.categories)) - LABEL_SIZE
    return [wrap_label(labeller, name, room) for name in chart.categories]


def bar_items(chart: doc.BarChart, labeller: Labeller, width: float, height: float) -> list[Item]:
    """Vertical bars, one series per year (say), value axis from 0, every bar labelled, legend on top.

    The plot starts `PLOT_LEFT` in, with room under its axis for the longest wrapped category name. Each
    category has an equal slot; its bars and spaces share the slot in the proportions `GROUP_SPACING`
    (half each side) : `BAR_WIDTH` per bar : `BAR_SPACING` between bars. The value axis runs from 0 to a
    round maximum (`nice_axis`) with a tick and a grey grid line per step; each bar's label sits 4 pt
    above its top (below a negative bar), names hang 4 pt under the axis, tick numbers end 5 pt left of it.
    """
    left, plot_width = PLOT_LEFT, width - PLOT_LEFT - PLOT_RIGHT
    names = category_lines(labeller, chart, plot_width)
    bottom = 8 + max((len(n) for n in names), default=1) * LABEL_SIZE * 1.25
    plot_height = height - bottom - PLOT_TOP
    top_value = max((float(v) for s in chart.series for v in s.values), default=0.0)
    axis_top, step = nice_axis(top_value)
    ticks = axis_ticks(axis_top, step)
    per_unit = plot_height / axis_top

    def at(value: float) -> float:
        return bottom + per_unit * value

    out: list[Item] = [
        Rules(tuple((left, at(t), left + plot_width, at(t)) for t in ticks), GRID_WIDTH, frames.grey(GRID_GREY))
    ]
    categories = _category_count(chart)
    slot = plot_width / (categories or 1)
    bars, labels = _bars(chart, labeller, left, slot, at)
    out += bars + labels
    out.append(Rules(((left, bottom, left + plot_width, bottom),), AXIS_WIDTH))
    for i, lines in enumerate(names[:categories]):
        out += labeller.block(lines, left + (i + 0.5) * slot, bottom - 4, "n", "middle")
    axis = [(left, bottom, left, bottom + plot_height)]
    axis += [(left, at(t), left - TICK_LENGTH, at(t)) for t in ticks]
    out.append(Rules(tuple(axis), AXIS_WIDTH))
    for t in ticks:
        out += labeller.block([tick_label(t)], left - TICK_LENGTH, at(t), "e", "start")
    out.append(labeller.line(chart.unit, left - 6, bottom + plot_height + 8, "end"))
    series = [s.name for s in chart.series]
    # Centred over the plot, on the top edge of the chart.
    indent = (plot_width - legend_width(labeller, series, plot_width)) / 2
    out += legend(labeller, series, plot_width, left + indent, height)
    return out


def _category_count(chart: doc.BarChart) -> int:
    """Categories that have bars (the longest series)."""
    return max((len(s.values) for s in chart.series), default=0)


def _bars(
    chart: doc.BarChart, labeller: Labeller, left: float, slot: float, at: Callable[[float], float]
) -> tuple[list[Item], list[Item]]:
    """The bars (series by series, each category `slot` wide) and their labels."""
    count = len(chart.series)
    scale = slot / (GROUP_SPACING + count * BAR_WIDTH + (count - 1) * BAR_SPACING)
    bar_width = BAR_WIDTH * scale
    base = at(0.0)
    bars: list[Item] = []
    labels: list[Item] = []
    for row, series in enumerate(chart.series):
        offset = GROUP_SPACING / 2 * scale + row * (BAR_WIDTH + BAR_SPACING) * scale
        for col, value in enumerate(series.values):
            x = left + col * slot + offset
            rise = at(float(value)) - base
            # A zero bar is not drawn; its label still sits on the axis (under it for a value below 0).
            if abs(rise) >= 1e-7 and bar_width > 1e-7:
                bars.append(Rect(x, base, bar_width, rise, fill=grey(row), stroke=BLACK, line_width=OUTLINE))
            down = rise <= -1e-8 or (rise <= 1e-8 and value < 0)
            text = series.labels[col] if col < len(series.labels) else ""
            if text:
                labels += _bar_label(labeller, text, x + bar_width / 2, base + rise, down)
    return bars, labels


def _bar_label(labeller: Labeller, text: str, x: float, end: float, down: bool) -> list[Item]:
    """A bar's label centred 4 pt beyond its end: above a bar going up, below one going down."""
    if down:
        return labeller.block(text.split("\n"), x, end - 4, "n", "middle")
    return labeller.block(text.split("\n"), x, end + 4, "s", "middle")


# ---------------------------------------------------------------------------------------------------------
# Pie charts


def pie_items(chart: doc.PieChart, labeller: Labeller, width: float, pie_height: float) -> tuple[list[Item], float]:
    """The pie (`pie_height` tall, values beside the slices) above a legend naming every slice, and the
    chart's height.

    Zero slices are not drawn but stay in the legend. Slices run clockwise from twelve o'clock in
    legend order, so each value beside the pie matches the legend entry of the same grey.
    """
    texts = [f"{s.name} {s.label}" for s in chart.slices]
    below = legend_height(labeller, texts, width) + 6
    out: list[Item] = []
    drawn = [(i, s) for i, s in enumerate(chart.slices) if s.value > 0]
    if drawn:
        size = min(pie_height - 2 * LABEL_SIZE - 12, width * 0.4)
        out += pie(drawn, labeller, (width / 2, below + pie_height / 2), size / 2)
    out += legend(labeller, texts, width, (width - legend_width(labeller, texts, width)) / 2, below)
    return out, pie_height + below


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



def pie(
    drawn: Sequence[tuple[int, doc.Slice]], labeller: Labeller, center: tuple[float, float], r: float
) -> list[Item]:
    """Grey wedges (grey index = position in the full list) with white edges, each value beside the pie
    with a pointer from its slice's rim; a single slice is a whole disc with a black edge."""
    cx, cy = center
    out: list[Item] = []
    angles = slice_angles([float(s.value) for _, s in drawn])
    for (i, _), (start, end) in zip(drawn, angles, strict=True):
        if len(drawn) == 1:
            out.append(frames.Circle(cx, cy, r, fill=grey(i), stroke=BLACK, line_width=0.75))
        else:
            out.append(frames.Wedge(cx, cy, r, end, start - end, fill=grey(i), stroke=WHITE, line_width=0.75))
    for (_, s), lab in zip(drawn, place_labels(angles, cy, r), strict=True):
        out += _slice_label(labeller, center, r, lab, s.label)
    return out


def _slice_label(labeller: Labeller, center: tuple[float, float], r: float, lab: SliceLabel, text: str) -> list[Item]:
    """A value label beside the pie with a pointer from its slice's rim."""
    cx, cy = center
    rad = math.radians(lab.angle)
    rim = (cx + r * math.cos(rad), cy + r * math.sin(rad))
    sign = 1 if lab.right else -1
    elbow_x = cx + sign * (r + 10)
    text_x = elbow_x + sign * 6
    pointer = (rim, (elbow_x, lab.y + 3.5), (text_x - sign * 2, lab.y + 3.5))
    return [
        Polygon(pointer, closed=False, stroke=BLACK, line_width=OUTLINE),
        labeller.line(text, text_x, lab.y, "start" if lab.right else "end"),
    ]


# ---------------------------------------------------------------------------------------------------------
# Block registrations


def chart_width(ctx: LayoutContext) -> float:
    """Charts are as wide as the portrait frame."""
    return ctx.geometry.portrait.width


def bar_texts(chart: doc.BarChart) -> list[str]:
    """Every string a bar chart prints (the tick numbers are digits and a point)."""
    labels = [t for s in chart.series for t in s.labels]
    return [chart.unit, *chart.categories, *(s.name for s in chart.series), *labels, "0123456789."]


def bar_chart_box(chart: doc.BarChart, ctx: LayoutContext) -> ChartBox:
    """The bar chart, the frame's width wide and nine body lines high."""
    width, height = chart_width(ctx), 9 * ctx.geometry.line_pitch
    labeller = Labeller(ctx.fonts, chart_font(ctx.fonts, bar_texts(chart)))
    return ChartBox(width, height, bar_items(chart, labeller, width, height))


def pie_chart_box(chart: doc.PieChart, ctx: LayoutContext) -> ChartBox:
    """The pie chart, the frame's width wide: a pie seven body lines high above its legend."""
    width = chart_width(ctx)
    labeller = Labeller(ctx.fonts, chart_font(ctx.fonts, [f"{s.name} {s.label}" for s in chart.slices]))
    items, height = pie_items(chart, labeller, width, 7 * ctx.geometry.line_pitch)
    return ChartBox(width, height, items)


def with_caption(chart: ChartBox, caption: str, ctx: LayoutContext) -> list[Box]:
    """The chart with its caption under it, kept on one page."""
    text = make_text((doc.Run(caption),), "caption", ctx)
    # Half a grid line above the chart and below the caption sets the figure off from the prose.
    gap = ctx.geometry.line_pitch / 2
    text.space_after = gap
    return [Figure([Spacer(gap), chart, text], ctx.frame)]


@to_boxes.register
def _bar_chart_block(block: doc.BarChart, ctx: LayoutContext) -> list[Box]:
    return with_caption(bar_chart_box(block, ctx), block.caption, ctx)


@to_boxes.register
def _pie_chart_block(block: doc.PieChart, ctx: LayoutContext) -> list[Box]:
    return with_caption(pie_chart_box(block, ctx), block.caption, ctx)
