"""doc.BarChart / doc.PieChart as inline SVG figures with a title, a description and their data as a table.

The drawing is for the eye; a screen reader gets the SVG's title and description and the figures as a
table (visually hidden). Coordinates are computed from the chart's Decimals and written with two
decimals, so the same chart always gives the same markup. Every printed label is the chart's own label.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal

from juesuan_pdf import doc
from juesuan_pdf.web.anchors import Slot
from juesuan_pdf.web.dispatch import text, to_html

GREYS = ("#5a5a5a", "#b4b4b4", "#8c8c8c", "#d9d9d9", "#3c3c3c", "#a0a0a0", "#787878", "#ececec")
"""Fills by series or slice, in order (the PDF's greys: the page prints in black)."""

WIDTH = 420
FONT = 14


def n(value: float) -> str:
    """A coordinate with two decimals and no negative zero."""
    out = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if out in ("-0", "") else out


def nice_axis(top: float, steps: int = 5) -> tuple[float, float]:
    """An axis maximum above `top` and a round step (1, 2 or 5 × 10^k), about `steps` steps."""
    if top <= 0:
        return 1.0, 1.0
    raw = top * 1.15 / steps
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return step * math.ceil(top * 1.15 / step), step


def _label(x: float, y: float, value: str, anchor: str = "middle", size: int = FONT) -> str:
    return f'<text x="{n(x)}" y="{n(y)}" text-anchor="{anchor}" font-size="{size}">{text(value)}</text>'


PITCH = FONT * 1.4
"""Line pitch of labels that take several lines."""


def text_width(value: str, size: float = FONT) -> float:
    """The width of `value` set at `size`, roughly: CJK characters a full em, others about half."""
    return sum(1.0 if ord(ch) > 0x2E7F else 0.55 for ch in value) * size


def wrap(value: str, room: float) -> list[str]:
    """`value` in lines no wider than `room`: broken at the last space that fits, else between characters."""
    lines: list[str] = []
    line = ""
    for ch in value:
        if line and text_width(line + ch) > room:
            cut = line.rfind(" ")
            head, line = (line[:cut], line[cut + 1:] + ch) if cut > 0 else (line, ch)
            lines.append(head.strip())
        else:
            line += ch
    return [*lines, line.strip()] if line.strip() else lines


def _lines(x: float, y: float, lines: Sequence[str], anchor: str = "middle") -> str:
    """One text element per line, the first line's baseline at `y`."""
    return "".join(_label(x, y + k * PITCH, line, anchor) for k, line in enumerate(lines))


def legend(entries: Sequence[str], top: float) -> tuple[str, float]:
    """Swatches and texts, one entry after another (a long one wrapped); the markup and the height used."""
    x = 40 + FONT * 1.5
    out, y = [], top
    for i, entry in enumerate(entries):
        lines = wrap(entry, WIDTH - x - 8)
        out.append(f'<rect x="40" y="{n(y)}" width="{FONT}" height="{FONT}" fill="{GREYS[i % len(GREYS)]}" '
                   f'stroke="#000" stroke-width="0.6"/>')
        out.append(_lines(x, y + FONT * 0.9, lines, "start"))
        y += (len(lines) - 1) * PITCH + FONT * 1.6
    return "".join(out), y - top


def bar_svg(chart: doc.BarChart) -> tuple[str, float]:
    """The bars, their labels, the category names, the value axis and the legend; and the height."""
    legend_svg, legend_h = legend([s.name for s in chart.series], 8)
    top, plot_h, left, right = legend_h + 48, 220.0, 56.0, WIDTH - 16.0
    values = [float(v) for s in chart.series for v in s.values]
    axis_max, step = nice_axis(max(values, default=0.0))
    bottom = top + plot_h
    out = [legend_svg, _label(left - 6, top - 20, chart.unit, "end")]
    ticks = round(axis_max / step)
    for k in range(ticks + 1):
        y = bottom - plot_h * k / ticks
        out.append(f'<line x1="{n(left)}" y1="{n(y)}" x2="{n(right)}" y2="{n(y)}" stroke="#ddd"/>')
        out.append(_label(left - 6, y + 4, f"{step * k:g}", "end"))
    group = (right - left) / max(len(chart.categories), 1)
    bar = min(group * 0.7 / max(len(chart.series), 1), 72.0)
    for c in range(len(chart.categories)):
        x0 = left + group * c + (group - bar * len(chart.series)) / 2
        for s, series in enumerate(chart.series):
            h = plot_h * float(series.values[c]) / axis_max
            x = x0 + bar * s
            out.append(f'<rect x="{n(x)}" y="{n(bottom - h)}" width="{n(bar)}" height="{n(h)}" '
                       f'fill="{GREYS[s % len(GREYS)]}" stroke="#000" stroke-width="0.6"/>')
            out.append(_label(x + bar / 2, bottom - h - 5, series.labels[c], size=FONT - 1))
    names = [wrap(category, group - 6) for category in chart.categories]
    for c, lines in enumerate(names):
        out.append(_lines(left + group * (c + 0.5), bottom + FONT + 6, lines))
    out.append(f'<line x1="{n(left)}" y1="{n(bottom)}" x2="{n(right)}" y2="{n(bottom)}" stroke="#000"/>')
    return "".join(out), bottom + FONT + 16 + (max(map(len, names), default=1) - 1) * PITCH


def pie_svg(chart: doc.PieChart) -> tuple[str, float]:
    """Slices clockwise from twelve o'clock in legend order (zero slices only in the legend); the height."""
    cx, cy, r = WIDTH / 2, 110.0, 95.0
    total = sum((s.value for s in chart.slices if s.value > 0), Decimal(0))
    out, start = [], 0.0
    for i, s in enumerate(chart.slices):
        if s.value <= 0 or total <= 0:
            continue
        sweep = 360 * float(s.value / total)
        out.append(_slice(cx, cy, r, start, sweep, GREYS[i % len(GREYS)]))
        start += sweep
    legend_svg, legend_h = legend([f"{s.name} {s.label}" for s in chart.slices], cy + r + 20)
    return "".join(out) + legend_svg, cy + r + 20 + legend_h + 4


def _slice(cx: float, cy: float, r: float, start: float, sweep: float, fill: str) -> str:
    if sweep >= 359.999:
        return f'<circle cx="{n(cx)}" cy="{n(cy)}" r="{n(r)}" fill="{fill}" stroke="#000" stroke-width="0.6"/>'

    def point(angle: float) -> str:
        rad = math.radians(angle - 90)
        return f"{n(cx + r * math.cos(rad))} {n(cy + r * math.sin(rad))}"

    large = 1 if sweep > 180 else 0
    return (f'<path d="M{n(cx)} {n(cy)} L{point(start)} A{n(r)} {n(r)} 0 {large} 1 {point(start + sweep)} Z" '
            f'fill="{fill}" stroke="#000" stroke-width="0.6"/>')


def bar_data(chart: doc.BarChart) -> tuple[str, str]:
    """The bar chart's figures as table rows (a category per row, a series per column) and a description."""
    head = "<tr><td></td>" + "".join(f'<th scope="col">{text(s.name)}</th>' for s in chart.series) + "</tr>"
    rows = "".join(
        f'<tr><th scope="row">{text(c)}</th>'
        + "".join(f'<td class="num">{text(s.labels[i])}</td>' for s in chart.series) + "</tr>"
        for i, c in enumerate(chart.categories))
    desc = "；".join(
        f"{c}：" + "，".join(f"{s.name}{s.labels[i]}" for s in chart.series) for i, c in enumerate(chart.categories))
    return f"<thead>{head}</thead><tbody>{rows}</tbody>", f"{desc}（{chart.unit}）"


def pie_data(chart: doc.PieChart) -> tuple[str, str]:
    """The pie chart's slices as table rows and a description."""
    rows = "".join(f'<tr><th scope="row">{text(s.name)}</th><td class="num">{text(s.label)}</td></tr>'
                   for s in chart.slices)
    desc = "；".join(f"{s.name} {s.label}" for s in chart.slices)
    return f"<tbody>{rows}</tbody>", desc


def figure(chart: doc.BarChart | doc.PieChart, anchor: str) -> str:
    """The chart as a `figure`: SVG image (title, description), hidden data table, visible caption."""
    drawing, height = bar_svg(chart) if isinstance(chart, doc.BarChart) else pie_svg(chart)
    rows, desc = bar_data(chart) if isinstance(chart, doc.BarChart) else pie_data(chart)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {n(height)}" role="img" '
           f'aria-labelledby="{anchor}-title {anchor}-desc"><title id="{anchor}-title">{text(chart.caption)}</title>'
           f'<desc id="{anchor}-desc">{text(desc)}</desc><g aria-hidden="true">{drawing}</g></svg>')
    data = f'<table class="sr-only"><caption>{text(chart.caption)}</caption>{rows}</table>'
    return (f'<figure class="chart" id="{anchor}" aria-labelledby="{anchor}-caption">{svg}{data}'
            f'<figcaption id="{anchor}-caption">{text(chart.caption)}</figcaption></figure>')


@to_html.register
def _bar(block: doc.BarChart, slot: Slot) -> str:
    return figure(block, slot.anchor)


@to_html.register
def _pie(block: doc.PieChart, slot: Slot) -> str:
    return figure(block, slot.anchor)
