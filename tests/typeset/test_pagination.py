"""Pagination faults issue 13 item 6 ends: a figure that does not fit lets the text after it fill the page
instead of leaving a third of it blank, and short texts in narrow cells are not letter-spaced."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest

from juesuan_pdf import doc
from juesuan_pdf.typeset import geometry, typeset
from juesuan_pdf.typeset.layout.frames import Circle, GlyphRun, Item, Page, Polygon, Rect, Rules, Wedge

BODY = "为贯彻落实政府信息公开的要求，本单位依法编制并公开本年度的收入支出情况，收入合计4454.96万元，增长5.3%。"


def _chart(n: int) -> doc.BarChart:
    series = doc.Series("2023年度", (Decimal(100), Decimal(200)), ("100", "200"))
    return doc.BarChart(f"图{n}：示例图", ("收入", "支出"), (series,))


def _pages(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as reader:
        return [(page.extract_text() or "").replace("\n", "").replace(" ", "") for page in reader.pages]


def _fill(pdf: bytes) -> list[float]:
    """How far down each page its lowest text or drawing reaches, as a share of the text block (GB/T 9704:
    37 mm top and 225 mm block on portrait pages, 28 mm and 156 mm on landscape ones)."""
    mm = 72 / 25.4
    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as reader:
        for page in reader.pages:
            top, height = (28 * mm, 156 * mm) if page.width > page.height else (37 * mm, 225 * mm)
            objects = page.chars + page.rects + page.lines + page.curves
            bottoms = [o["bottom"] for o in objects if o["bottom"] < top + height + 2]
            out.append((max(bottoms) - top) / height if bottoms else 0.0)
    return out


def _document(*blocks: doc.Block) -> doc.Document:
    return doc.Document(doc.Metadata("示例"), tuple(blocks))


def test_a_figure_that_does_not_fit_lets_the_following_text_fill_the_page() -> None:
    blocks: list[doc.Block] = [doc.Para.of(BODY * 7), _chart(1)]
    blocks += [doc.Heading(1, "二、后续说明", "h2"), *(doc.Para.of(f"第{k}段。" + BODY) for k in range(8))]
    pdf = typeset(_document(*blocks))
    pages, fill = _pages(pdf), _fill(pdf)
    assert fill[0] > 0.9  # the text after the figure filled the first page
    assert "图1：示例图" not in pages[0] and "图1：示例图" in "".join(pages[1:])
    # Every paragraph reads back whole: the figure went after the paragraph running over the page end.
    text = "".join(pages)
    assert all(f"第{k}段。{BODY}" in text for k in range(8))


def test_a_figure_does_not_float_past_a_table_or_another_figure() -> None:
    table = doc.Table(
        columns=(doc.Column(), doc.Column()),
        header_rows=((doc.Cell("项目", kind="label"), doc.Cell("金额", kind="label")),),
        body_rows=((doc.Cell("收入"), doc.Cell("1.00", kind="money")),),
        title="示例表",
    )
    pdf = typeset(_document(doc.Para.of(BODY * 7), _chart(1), doc.Para.of(BODY), table, _chart(2)))
    text = "".join(_pages(pdf))
    assert text.index("图1：示例图") < text.index("示例表") < text.index("图2：示例图")


def test_a_figure_that_fits_stays_where_it_is() -> None:
    pdf = typeset(_document(doc.Para.of(BODY), _chart(1), doc.Para.of("图后的段落。")))
    (page,) = _pages(pdf)
    assert page.index("图1：示例图") < page.index("图后的段落。")


EXAMPLES = sorted((Path(__file__).parents[2] / "examples").glob("*/report.toml"))


@pytest.mark.parametrize("data", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_no_page_is_less_than_half_full_unless_a_break_ends_it(data: Path) -> None:
    """Issue 13 item 6: a page less than half full is the last of a part, of a table or form that starts
    its own page, or the page before a landscape table: a page break ends it (read off the frames)."""
    from juesuan_pdf.compose import compose
    from juesuan_pdf.load import load
    from juesuan_pdf.typeset import lay_out

    pages = lay_out(compose(load(data)))
    short = [p.number for p in pages[:-1] if _frame_fill(p) < 0.5 and not p.broken]
    assert short == []


def _frame_fill(page: Page) -> float:
    """How far down the text block its lowest item reaches (page furniture below the block left out)."""
    block = geometry("gbt9704").landscape if page.width > page.height else geometry("gbt9704").portrait
    lows = [_low(i) for i in page.items]
    inside = [y for y in lows if y is not None and y >= block.y - 1]
    return (block.y + block.height - min(inside)) / block.height if inside else 0.0


def _low(item: Item) -> float | None:
    """The lowest y of an item that takes room (glyph runs: their baseline less a descent)."""
    if isinstance(item, GlyphRun):
        return item.y - 0.12 * (item.glyphs[0].size if item.glyphs else 0.0)
    if isinstance(item, Rect | Wedge | Circle):
        return item.y - (item.r if isinstance(item, Wedge | Circle) else 0.0)
    if isinstance(item, Rules):
        return min(min(y1, y2) for _, y1, _, y2 in item.segments)
    if isinstance(item, Polygon):
        return min(y for _, y in item.points)
    return None
