"""Charts: zero-based value axes, given labels, our font on every string, zero slices, width, the PDF."""

from __future__ import annotations

import itertools
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.graphics.shapes import Drawing, Group, String, UserNode, Wedge
from reportlab.pdfbase.pdfmetrics import stringWidth

import support
from juesuan_pdf import doc
from juesuan_pdf.typeset import TypesetOptions, _font_set, typeset
from juesuan_pdf.typeset.charts import (
    bar_drawing,
    grey,
    nice_axis,
    pie_drawing,
    place_labels,
    slice_angles,
    spread,
    tick_label,
    wrap_label,
)
from juesuan_pdf.typeset.pages import geometry

WIDTH = geometry("gbt9704").portrait.width

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
def font() -> str:
    """The registered body font of the default font set."""
    return str(_font_set(TypesetOptions()).font_name("body"))


def strings(drawing: Drawing) -> list[String]:
    """Every String a drawing renders, widgets expanded to their shapes."""
    out: list[String] = []

    def walk(node: object) -> None:
        if isinstance(node, UserNode):
            walk(node.provideNode())
        elif isinstance(node, String):
            out.append(node)
        elif isinstance(node, Group):
            for child in node.contents:
                walk(child)

    for node in drawing.expandUserNodes().contents:
        walk(node)
    return out


def test_bar_value_axis_starts_at_zero_even_when_values_are_close(font: str) -> None:
    drawing = bar_drawing(BARS, font, WIDTH, 260)
    axis = drawing.contents[0].valueAxis
    assert axis.valueMin == 0
    drawing.expandUserNodes()  # lays the axis out
    assert axis._valueMin == 0
    assert axis._valueMax >= 4454.96


def test_bars_carry_the_given_labels_and_the_legend_the_series(font: str) -> None:
    texts = [s.text for s in strings(bar_drawing(BARS, font, WIDTH, 260))]
    for label in ("4228.88", "1100", "4454.96", "1150.5", "收入总计", "支出总计", "2022年", "2023年", "万元"):
        assert label in texts


def drawings(font: str) -> list[Drawing]:
    """The bar and the pie drawing."""
    return [bar_drawing(BARS, font, WIDTH, 260), pie_drawing(PIE, font, WIDTH, 260)]


@pytest.mark.parametrize("which", [0, 1])
def test_every_string_uses_our_font(which: int, font: str) -> None:
    drawing = drawings(font)[which]
    found = strings(drawing)
    assert found
    assert {s.fontName for s in found} == {font}
    assert drawing.initialFontName == font


def test_bar_series_fills_are_distinct_greys(font: str) -> None:
    bars = bar_drawing(BARS, font, WIDTH, 260).contents[0]
    fills = [bars.bars[i].fillColor for i in range(2)]
    assert all(c.red == c.green == c.blue for c in fills)
    assert abs(fills[0].red - fills[1].red) >= 0.3


def test_zero_slices_are_not_drawn_but_are_in_the_legend(font: str) -> None:
    drawing = pie_drawing(PIE, font, WIDTH, 260)
    pie = drawing.contents[0]
    wedges = [w for w in pie.contents if isinstance(w, Wedge)]
    sweeps = [round(w.endangledegrees - w.startangledegrees, 1) for w in wedges]
    assert sweeps == [round(360 * 4454.96 / 4504.46, 1), round(360 * 49.5 / 4504.46, 1)]
    assert [s.text for s in pie.contents if isinstance(s, String)] == ["4454.96万元 98.9%", "49.5万元 1.1%"]
    legend = [s.text for s in drawing.contents[1].contents if isinstance(s, String)]
    assert legend == ["财政拨款收入 4454.96万元 98.9%", "事业收入 0万元 0%", "其他收入 49.5万元 1.1%"]
    # Grey by position in the full list: the third slice keeps the third grey although the second is not drawn.
    assert wedges[1].fillColor == grey(2)


def test_slices_run_clockwise_from_twelve_o_clock() -> None:
    assert slice_angles([1.0, 1.0, 2.0]) == [(90.0, 0.0), (0.0, -90.0), (-90.0, -270.0)]


def test_labels_of_small_neighbouring_slices_are_pushed_apart() -> None:
    angles = slice_angles([0.5, 0.5, 0.5, 0.5, 98.0])
    labels = place_labels(angles, cy=0.0, r=80.0)
    right = sorted(lab.y for lab in labels if lab.right)
    assert all(b - a >= 10.5 * 1.3 - 1e-6 for a, b in itertools.pairwise(right))
    assert all(abs(lab.y) <= 1.3 * 80 for lab in labels)


def test_spread_moves_crowded_labels_only_as_needed() -> None:
    assert spread([50, 49, 48, 0], gap=10, low=-100, high=100) == [50, 40, 30, 0]
    assert spread([-95, -96, -97], gap=10, low=-100, high=100) == [-80, -90, -100]


def test_all_zero_pie_draws_only_the_legend(font: str) -> None:
    chart = doc.PieChart("空", (doc.Slice("甲", Decimal(0), "0万元"),))
    drawing = pie_drawing(chart, font, WIDTH, 260)
    assert [type(c).__name__ for c in drawing.contents] == ["Group"]


@pytest.mark.parametrize("which", [0, 1])
def test_drawings_fit_the_frame(which: int, font: str) -> None:
    drawing = drawings(font)[which]
    x0, _, x1, _ = drawing.getBounds()
    assert drawing.width <= WIDTH
    assert x0 >= -0.5 and x1 <= WIDTH + 0.5


@given(st.floats(min_value=0.01, max_value=1e9, allow_nan=False))
def test_nice_axis_covers_the_value_in_round_steps(value: float) -> None:
    top, step = nice_axis(value)
    assert top >= value
    assert 3 <= top / step <= 12
    assert abs(round(top / step) - top / step) < 1e-6


def test_tick_labels_are_plain_numbers() -> None:
    assert [tick_label(v) for v in (0, 1000.0, 2.5, 0.25)] == ["0", "1000", "2.5", "0.25"]


@pytest.fixture(scope="module")
def chart_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A page of text, then a bar chart that must move whole with its caption, then a pie chart."""
    blocks: list[doc.Block] = [doc.Para.of(f"第{i}行。", "plain") for i in range(17)]
    blocks += [BARS, PIE]
    path = tmp_path_factory.mktemp("charts") / "charts.pdf"
    path.write_bytes(typeset(doc.Document(doc.Metadata("图"), tuple(blocks)), TypesetOptions()))
    return path


def test_chart_and_caption_share_a_page(chart_pdf: Path) -> None:
    with pdfplumber.open(chart_pdf) as pdf:
        texts = [re.sub(r"\s+", "", p.extract_text() or "") for p in pdf.pages]
    page = next(i for i, t in enumerate(texts) if "图1：收支总计变动情况" in t)
    assert "4228.88" in texts[page] and "2022年" in texts[page]
    assert "第16行" not in texts[page]


def test_chart_pdf_has_no_helvetica(chart_pdf: Path) -> None:
    support.require_tool("pdffonts")
    out = subprocess.run(["pdffonts", str(chart_pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:]]
    assert rows and all(r[-5:-2] == ["yes", "yes", "yes"] for r in rows)
    assert "Helvetica" not in out


def test_long_category_names_wrap_by_the_chinese_rules(font: str) -> None:
    name = "一般公共预算财政拨款支出（含结转结余）"
    wrapped = wrap_label(name, font, 80)
    assert wrapped.replace("\n", "") == name
    assert all(stringWidth(line, font, 10.5) <= 80 for line in wrapped.split("\n"))
    assert not any(line.startswith(("）", "，")) or line.endswith("（") for line in wrapped.split("\n"))


def test_a_heading_before_a_chart_moves_with_it(tmp_path: Path) -> None:
    blocks: list[doc.Block] = [doc.Para.of(f"第{i}行。", "plain") for i in range(16)]
    blocks += [doc.Heading(1, "一、图前标题", "h"), BARS]
    path = tmp_path / "heading-chart.pdf"
    path.write_bytes(typeset(doc.Document(doc.Metadata("图"), tuple(blocks)), TypesetOptions()))
    with pdfplumber.open(path) as pdf:
        texts = [re.sub(r"\s+", "", p.extract_text() or "") for p in pdf.pages]
    assert len(texts) == 2
    assert "图前标题" not in texts[0]
    assert texts[1].startswith("一、图前标题") and "图1：收支总计变动情况" in texts[1]
