"""Units of the web writer: contents nesting, anchors, chart geometry, table cell floors (no browser)."""

from __future__ import annotations

import math
import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest

from juesuan_pdf import doc
from juesuan_pdf.web.anchors import safe_id, slots
from juesuan_pdf.web.blocks import Entry, contents_entries, contents_list, heading_tag
from juesuan_pdf.web.charts import WIDTH, bar_svg, nice_axis, pie_svg, text_width, wrap
from juesuan_pdf.web.tables import min_width, text_em


class Balance(HTMLParser):
    """Whether every opened ul/li is closed in order."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ok = True
        self.depths: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.depths.append(self.stack.count("ul"))
        else:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag != "a":
            self.ok = self.ok and bool(self.stack) and self.stack.pop() == tag


def test_contents_nest_one_list_per_level() -> None:
    entries = [Entry(0, "第一部分", "a"), Entry(1, "一、", "b"), Entry(2, "（一）", "c"), Entry(1, "二、", "d"),
               Entry(0, "第二部分", "e"), Entry(2, "（一）", "f")]
    parser = Balance()
    parser.feed(contents_list(entries))
    assert parser.ok and parser.stack == []
    assert parser.depths == [1, 2, 3, 2, 1, 3]


def test_contents_entries_follow_the_pdf_rules() -> None:
    table = doc.Table(columns=(), header_rows=(), body_rows=(), outline_text="一、收入支出决算总表", key="t1")
    blocks = (doc.Heading(0, "第五部分 附表", "p5"), table, doc.Heading(3, "1.深层。", "x"),
              doc.Heading(1, "不列入", "y", toc=False))
    entries = contents_entries(slots(blocks), 2)
    assert entries == [Entry(0, "第五部分 附表", "p5"), Entry(1, "一、收入支出决算总表", "t1")]


def test_anchors_are_unique_and_url_safe() -> None:
    blocks = (doc.Heading(1, "甲", "部门职责"), doc.Heading(1, "乙", "部门职责"), doc.Heading(1, "丙", "plain-key"),
              doc.Heading(1, "丁", "plain-key"))
    anchors = [s.anchor for s in slots(blocks)]
    assert len(set(anchors)) == 4
    assert anchors[2] == "plain-key" and anchors[3] == "plain-key-2"
    assert safe_id("部门职责").isascii()
    assert slots(blocks)[1].label == anchors[0]


def test_heading_levels_map_to_h2_to_h6() -> None:
    assert [heading_tag(level) for level in range(7)] == ["h2", "h3", "h4", "h5", "h6", "h6", "h6"]


def test_value_axis_is_round_and_above_the_top_bar() -> None:
    assert nice_axis(4454.96) == (6000.0, 2000.0)
    for top in (0.3, 9.41, 112.0, 3943.86, 12345.67):
        axis, step = nice_axis(top)
        mantissa = step / 10 ** math.floor(math.log10(step))
        assert axis >= top * 1.15 and round(mantissa, 6) in (1, 2, 5) and axis / step <= 10
    assert nice_axis(0) == (1.0, 1.0)


def test_bars_are_proportional_and_labelled_with_the_charts_labels() -> None:
    chart = doc.BarChart("图", ("收入", "支出"), (doc.Series("2023年度", (Decimal(100), Decimal(50)), ("100", "50")),))
    svg, _ = bar_svg(chart)
    heights = [float(h) for h in re.findall(r'height="([^"]+)" fill="#5a5a5a" stroke', svg)]
    assert heights[-2] == pytest.approx(2 * heights[-1], abs=0.02)
    assert ">100</text>" in svg and ">50</text>" in svg


def test_pie_draws_only_nonzero_slices_and_a_whole_disc_as_a_circle() -> None:
    pie = doc.PieChart("图", (doc.Slice("甲", Decimal(0), "0万元 0%"),
                              doc.Slice("乙", Decimal("9.41"), "9.41万元 100%")))
    svg, _ = pie_svg(pie)
    assert svg.count("<circle") == 1 and "<path" not in svg
    assert "甲 0万元 0%" in svg and "乙 9.41万元 100%" in svg
    halves = doc.PieChart("图", (doc.Slice("甲", Decimal(1), "a"), doc.Slice("乙", Decimal(3), "b")))
    assert pie_svg(halves)[0].count("<path") == 2


def test_cell_floors_keep_names_whole_and_figures_free() -> None:
    assert text_em("社会保障和就业支出") == 9 and text_em("2080101") == 3.5
    assert min_width(doc.Cell("4454.96", kind="money")) == 0
    assert min_width(doc.Cell("社会保障和就业支出", indent=1.0)) == 10.0
    assert min_width(doc.Cell("项目（政策）资金（万元）", kind="label")) == 4.0
    assert min_width(doc.Cell("很长的说明" * 10)) == 14.0


def test_long_labels_wrap_within_the_drawing() -> None:
    assert wrap("国有资本经营预算财政拨款收入 12.5万元 2.5%", 200) == ["国有资本经营预算财政拨款收入", "12.5万元 2.5%"]
    assert wrap("国有资本经营预算财政拨款收入", 100) == ["国有资本经营预", "算财政拨款收入"]
    assert wrap("甲乙 丙丁", 1000) == ["甲乙 丙丁"]
    long_name = "国有资本经营预算财政拨款收入国有资本经营预算财政拨款收入"
    pie = doc.PieChart("图", (doc.Slice(long_name, Decimal(1), "1万元 100%"),))
    svg, _ = pie_svg(pie)
    texts = re.findall(r'<text x="([^"]+)" y="[^"]+" text-anchor="start" font-size="14">([^<]+)</text>', svg)
    assert len(texts) > 1 and all(float(x) + text_width(t) <= WIDTH for x, t in texts)
