"""Charts as frames: bar, tick, label, legend and wedge positions read off the items (no PDF).

The pinned numbers are those the first version's reportlab drawings put on the page (read back from its PDF
with pdfplumber): the port must not move anything by more than 0.01 pt.
"""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juesuan_pdf import doc
from juesuan_pdf.errors import BuildError
from juesuan_pdf.typeset.fonts import FontSet
from juesuan_pdf.typeset.geometry import geometry
from juesuan_pdf.typeset.layout import charts
from juesuan_pdf.typeset.layout.boxes import Spacer
from juesuan_pdf.typeset.layout.dispatch import LayoutContext, to_boxes
from juesuan_pdf.typeset.layout.figures import Figure
from juesuan_pdf.typeset.layout.frames import BLACK, WHITE, Circle, GlyphRun, Item, Polygon, Rect, Rules, Wedge, grey
from juesuan_pdf.typeset.layout.paragraph import TextBox

TOL = 0.01

BARS = doc.BarChart(
    "图1：收支总计变动情况",
    ("收入总计", "支出总计"),
    (
        doc.Series("2022年", (Decimal("4228.88"), Decimal("1100")), ("4228.88", "1100")),
        doc.Series("2023年", (Decimal("4454.96"), Decimal("1150.5")), ("4454.96", "1150.5")),
    ),
    key="fig1",
)
PIE = doc.PieChart(
    "图2：收入结构",
    (
        doc.Slice("财政拨款收入", Decimal("4454.96"), "4454.96万元 98.9%"),
        doc.Slice("事业收入", Decimal("0"), "0万元 0%"),
        doc.Slice("其他收入", Decimal("49.5"), "49.5万元 1.1%"),
    ),
    key="fig2",
)


@pytest.fixture(scope="module")
def ctx() -> LayoutContext:
    return LayoutContext(FontSet(), geometry("gbt9704"))


def items_of(box: charts.ChartBox, x: float = 0.0, y: float = 0.0) -> list[Item]:
    out: list[Item] = []
    box.draw(out, x, y)
    return out


def runs(items: list[Item]) -> dict[str, GlyphRun]:
    return {i.text: i for i in items if isinstance(i, GlyphRun)}


def rects(items: list[Item]) -> list[Rect]:
    return [i for i in items if isinstance(i, Rect)]


def near(a: float, b: float, tol: float = TOL) -> bool:
    return abs(a - b) <= tol


# ---------------------------------------------------------------------------------------------------------
# Bar charts


def test_bar_chart_size_is_the_frame_width_and_nine_lines(ctx: LayoutContext) -> None:
    box = charts.bar_chart_box(BARS, ctx)
    assert box.wrap(500, 10) == (ctx.geometry.portrait.width, 9 * ctx.geometry.line_pitch)
    assert box.split(500, 10) == []


def test_bars_sit_where_the_old_drawing_put_them(ctx: LayoutContext) -> None:
    bars = [r for r in rects(items_of(charts.bar_chart_box(BARS, ctx))) if r.width > 20]
    expected = [  # x, y, width, height, grey: series 2022 then 2023, each category in turn
        (105.0702, 21.125, 40.8918, 135.177, 0.35),
        (293.1725, 21.125, 40.8918, 35.16173, 0.35),
        (154.1404, 21.125, 40.8918, 142.4037, 0.78),
        (342.2427, 21.125, 40.8918, 36.77597, 0.78),
    ]
    assert len(bars) == len(expected)
    for bar, (x, y, w, h, level) in zip(bars, expected, strict=True):
        assert near(bar.x, x) and near(bar.y, y) and near(bar.width, w) and near(bar.height, h)
        assert bar.fill == grey(level) and bar.stroke == BLACK and bar.line_width == 0.5


def test_value_axis_ticks_grid_and_numbers(ctx: LayoutContext) -> None:
    items = items_of(charts.bar_chart_box(BARS, ctx))
    ticks = [0.0, 2000.0, 4000.0, 6000.0]
    ys = [21.125, 85.05542, 148.9858, 212.9162]  # 4454.96 → axis to 6000 in steps of 2000
    grid, axis = (r for r in items if isinstance(r, Rules) and r.segments[0][1] == r.segments[0][3])
    assert grid.width == 0.4 and grid.color == grey(0.8)
    assert [round(s[1], 2) for s in grid.segments] == [round(y, 2) for y in ys]
    assert all(near(s[0], 56.0) and near(s[2], 432.2047) for s in grid.segments)
    assert axis.width == 1.0 and len(axis.segments) == 1
    assert near(axis.segments[0][0], 56.0) and near(axis.segments[0][2], 432.2047) and near(axis.segments[0][1], 21.125)
    value_axis = next(r for r in items if isinstance(r, Rules) and r.segments[0][0] == r.segments[0][2])
    assert value_axis.width == 1.0 and value_axis.color == BLACK
    assert near(value_axis.segments[0][3], 212.9162)
    assert [(round(s[0], 2), round(s[2], 2)) for s in value_axis.segments[1:]] == [(56.0, 51.0)] * 4
    labels = runs(items)
    for tick, y in zip(ticks, ys, strict=True):
        run = labels[charts.tick_label(tick)]
        # Right-aligned 5 pt left of the axis, centred on the tick (baseline 0.4 em below it).
        assert near(run.right, 51.0) and near(run.y, y - 4.2)


def test_bar_labels_and_category_names(ctx: LayoutContext) -> None:
    labels = runs(items_of(charts.bar_chart_box(BARS, ctx)))
    # Each label centred over its bar, its baseline 6.1 pt above the bar's top.
    assert near(labels["4228.88"].x, 106.2381) and near(labels["4228.88"].y, 162.402)
    assert near(labels["1150.5"].x, 347.2431) and near(labels["1150.5"].y, 64.001)
    assert near(labels["收入总计"].x, 129.0512) and near(labels["收入总计"].y, 6.625)
    assert near(labels["支出总计"].y, 6.625)
    assert near(labels["万元"].right, 50.0) and near(labels["万元"].y, 220.916)


def test_legend_is_centred_over_the_plot_on_the_top_edge(ctx: LayoutContext) -> None:
    items = items_of(charts.bar_chart_box(BARS, ctx))
    swatches = [r for r in rects(items) if r.width == charts.SWATCH]
    assert [(round(r.x, 4), round(r.y, 4)) for r in swatches] == [(186.1769, 246.1662), (253.1024, 246.1662)]
    assert [r.fill for r in swatches] == [grey(0.35), grey(0.78)]
    labels = runs(items)
    assert near(labels["2022年"].x, 201.1769) and near(labels["2022年"].y, 247.166)
    assert near(labels["2023年"].x, 253.1024 + 15)


def test_draw_moves_every_item_to_the_given_corner(ctx: LayoutContext) -> None:
    box = charts.bar_chart_box(BARS, ctx)
    here, there = items_of(box), items_of(box, 72.5, 300.25)
    for a, b in zip(here, there, strict=True):
        if isinstance(a, GlyphRun | Rect) and isinstance(b, GlyphRun | Rect):
            assert near(b.x - a.x, 72.5, 1e-9) and near(b.y - a.y, 300.25, 1e-9)
        elif isinstance(a, Rules) and isinstance(b, Rules):
            assert all(near(q[1] - p[1], 300.25, 1e-9) for p, q in zip(a.segments, b.segments, strict=True))


def test_long_category_names_wrap_and_lift_the_plot(ctx: LayoutContext) -> None:
    chart = doc.BarChart(
        "图",
        ("一般公共服务支出中的行政运行经费", "社会保障和就业支出中的行政事业单位养老支出", "卫生"),
        (doc.Series("2023年", (Decimal(1), Decimal(2), Decimal(3)), ("1", "2", "3")),),
    )
    box = charts.bar_chart_box(chart, ctx)
    items = items_of(box)
    plot_width = box.width - 66
    slot = plot_width / 3
    names = charts.category_lines(charts.Labeller(ctx.fonts, charts.chart_font(ctx.fonts, ["一"])), chart, plot_width)
    assert max(len(n) for n in names) > 1
    bottom = 8 + max(len(n) for n in names) * 10.5 * 1.25
    assert all(near(r.y, bottom) for r in rects(items) if r.width > 20)
    labels = runs(items)
    for i, lines in enumerate(names):
        assert "".join(lines) == chart.categories[i]
        for k, line in enumerate(lines):
            run = labels[line]
            assert near((run.x + run.right) / 2, 56 + (i + 0.5) * slot, 1e-6)  # centred in its slot
            assert near(run.y, bottom - 4 - 10.5 - 12.6 * k, 1e-6)
            assert run.right - run.x <= slot - 10.5 + 1e-6


def test_zero_bar_is_not_drawn_but_labelled_and_a_negative_bar_hangs_down(ctx: LayoutContext) -> None:
    chart = doc.BarChart(
        "图", ("甲", "乙"), (doc.Series("本年", (Decimal(0), Decimal(-5)), ("零", "负五")),), unit="元"
    )
    items = items_of(charts.bar_chart_box(chart, ctx))
    bars = [r for r in rects(items) if r.width > 20]
    assert len(bars) == 1 and bars[0].height < 0
    labels = runs(items)
    base = bars[0].y
    assert near(labels["零"].y, base + 6.1, 1e-6)  # on the axis, as over a bar of no height
    # Under the negative bar: the label box's top 4 pt below the bar's end.
    assert near(labels["负五"].y, base + bars[0].height - 4 - 10.5, 1e-6)


@given(st.just(0.0) | st.floats(min_value=0.001, max_value=1e9))  # 万元 with two decimals
def test_value_axis_covers_the_data_with_round_steps(top: float) -> None:
    axis_top, step = charts.nice_axis(top)
    ticks = charts.axis_ticks(axis_top, step)
    assert ticks[0] == 0 and axis_top >= top and near(ticks[-1], axis_top, step * 1e-6)
    assert len(ticks) <= 8
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert any(near(mantissa, m, 1e-9) for m in (1, 2, 2.5, 5))


# ---------------------------------------------------------------------------------------------------------
# Pie charts


def test_pie_wedges_run_clockwise_from_twelve_o_clock(ctx: LayoutContext) -> None:
    items = items_of(charts.pie_chart_box(PIE, ctx))
    wedges = [i for i in items if isinstance(i, Wedge)]
    assert len(wedges) == 2  # the zero slice is not drawn
    cx, cy = 221.1024, 138.9674
    r = 223.9349 - cy
    big, small = wedges
    assert big.fill == grey(0.35) and small.fill == grey(0.55)  # grey by place in the legend
    assert all(w.stroke == WHITE and w.line_width == 0.75 for w in wedges)
    assert all(near(w.x, cx) and near(w.y, cy) and near(w.r, r) for w in wedges)
    # Each slice runs anticlockwise from its end to its start: the big one ends at twelve o'clock, where
    # the small one starts, and the small one takes 1.1 % of the turn.
    assert near(big.start + big.extent, 90.0)
    assert near(small.start + small.extent, big.start + 360.0) or near(small.start + small.extent, big.start)
    assert near(small.extent, 360 * 49.5 / (4454.96 + 49.5), 0.01)
    end = math.radians(big.start)
    assert near(cx + r * math.cos(end), 215.2403) and near(cy + r * math.sin(end), 223.7324)


def test_pie_values_beside_the_pie_with_pointers(ctx: LayoutContext) -> None:
    items = items_of(charts.pie_chart_box(PIE, ctx))
    labels = runs(items)
    right, left = labels["4454.96万元 98.9%"], labels["49.5万元 1.1%"]
    assert near(right.x, 322.0698) and near(right.y, 45.559)
    assert near(left.right, 120.1349) and near(left.y, 232.376)
    pointers = [i for i in items if isinstance(i, Polygon) and not i.closed]
    assert len(pointers) == 2 and all(p.stroke == BLACK and p.fill is None and p.line_width == 0.5 for p in pointers)
    first = pointers[0].points
    assert near(first[0][0], 224.0351) and near(first[0][1], 54.0506)
    assert near(first[1][0], 316.0698) and near(first[1][1], 49.059)
    assert near(first[2][0], 320.0698) and near(first[2][1], 49.059)


def test_pie_legend_lists_every_slice_even_zero(ctx: LayoutContext) -> None:
    box = charts.pie_chart_box(PIE, ctx)
    items = items_of(box)
    assert near(box.height, 240.4349)
    swatches = rects(items)
    assert [(round(r.x, 4), round(r.y, 4)) for r in swatches] == [(38.4054, 22.75), (230.1024, 22.75), (38.4054, 7.0)]
    assert [r.fill for r in swatches] == [grey(0.35), grey(0.78), grey(0.55)]
    labels = runs(items)
    assert near(labels["事业收入 0万元 0%"].x, 245.1024) and near(labels["其他收入 49.5万元 1.1%"].y, 8.0)


def test_a_single_slice_is_a_whole_disc(ctx: LayoutContext) -> None:
    chart = doc.PieChart(
        "图", (doc.Slice("财政拨款收入", Decimal(10), "10万元 100%"), doc.Slice("其他", Decimal(0), "0"))
    )
    items = items_of(charts.pie_chart_box(chart, ctx))
    discs = [i for i in items if isinstance(i, Circle)]
    assert len(discs) == 1 and discs[0].stroke == BLACK and discs[0].fill == grey(0.35)
    assert not [i for i in items if isinstance(i, Wedge)]
    label = runs(items)["10万元 100%"]  # at three o'clock
    assert near(label.x, discs[0].x + discs[0].r + 16, 1e-6)


def test_spread_keeps_labels_apart_and_inside() -> None:
    ys = charts.spread([100.0, 99.0, 98.0, 40.0], 10.0, 0.0, 100.0)
    assert ys == [100.0, 90.0, 80.0, 40.0]
    assert charts.spread([5.0, 4.0], 10.0, 0.0, 100.0) == [10.0, 0.0]


# ---------------------------------------------------------------------------------------------------------
# Fonts and the figure


def test_every_string_is_set_in_the_chart_font(ctx: LayoutContext) -> None:
    for box in (charts.bar_chart_box(BARS, ctx), charts.pie_chart_box(PIE, ctx)):
        fonts = {g.font for run in runs(items_of(box)).values() for g in run.glyphs}
        assert fonts == {FontSet().font_name("body")}
        assert all(g.size == 10.5 for run in runs(items_of(box)).values() for g in run.glyphs)


def test_a_character_the_body_face_lacks_moves_the_whole_chart_to_a_face_that_has_all(ctx: LayoutContext) -> None:
    fonts = FontSet()
    face = fonts.covering_face("收入‽", "body")
    assert face is not None and face != fonts.face("body")
    chart = doc.PieChart("图", (doc.Slice("收入‽", Decimal(1), "1"), doc.Slice("支出", Decimal(1), "1")))
    glyph_fonts = {g.font for run in runs(items_of(charts.pie_chart_box(chart, ctx))).values() for g in run.glyphs}
    assert glyph_fonts == {fonts.glyph_font(face)}


def test_a_character_no_face_has_is_refused(ctx: LayoutContext) -> None:
    chart = doc.PieChart("图", (doc.Slice("收入\U000f0000", Decimal(1), "1"),))
    with pytest.raises(BuildError):
        charts.pie_chart_box(chart, ctx)


def test_charts_become_a_figure_with_their_caption(ctx: LayoutContext) -> None:
    for block in (BARS, PIE):
        (figure,) = to_boxes(block, ctx)
        assert isinstance(figure, Figure) and figure.frame is ctx.frame
        space, chart, caption = figure.content
        gap = ctx.geometry.line_pitch / 2
        assert isinstance(space, Spacer) and space.height == gap
        assert isinstance(chart, charts.ChartBox)
        assert isinstance(caption, TextBox) and caption.text == block.caption and caption.space_after == gap
