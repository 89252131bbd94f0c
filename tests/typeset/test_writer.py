"""The writer draws frames where they say: each item kind written and read back from the PDF."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from pypdf import PdfReader

from juesuan_pdf import doc
from juesuan_pdf.typeset import writer
from juesuan_pdf.typeset.fonts import FontSet
from juesuan_pdf.typeset.layout import text
from juesuan_pdf.typeset.layout.frames import (
    BLACK,
    Anchor,
    Circle,
    GlyphRun,
    Link,
    OutlineMark,
    Page,
    Polygon,
    Rect,
    Rules,
    Wedge,
    grey,
)

FONTS = FontSet()


def _pdf(pages: list[Page]) -> bytes:
    return writer.write(pages, doc.Metadata("写出测试"), initial_font=FONTS.font_name("body"), initial_size=16)


def _page(*items: object, number: int = 1, size: tuple[float, float] = (400.0, 300.0)) -> Page:
    return Page(number, "portrait", size[0], size[1], tuple(items))  # type: ignore[arg-type]


def test_text_lands_at_its_glyph_positions_with_spacing_and_actual_text() -> None:
    glyphs = text.shape_text("收入合计4454.96万元", "body", False, 12, FONTS)
    xs = tuple(i * 14.5 for i in range(len(glyphs)))  # spread out: character spacing between glyphs
    run = GlyphRun(50, 200, tuple(glyphs), xs)
    pdf = _pdf([_page(run)])
    with pdfplumber.open(io.BytesIO(pdf)) as reader:
        chars = reader.pages[0].chars
    assert "".join(c["text"] for c in chars) == "收入合计4454.96万元"
    for c, x in zip(chars, xs, strict=True):
        assert c["x0"] == pytest.approx(50 + x, abs=0.01)
        assert c["y0"] == pytest.approx(200 - 0.12 * 12, abs=1.5)  # baseline at 200 (descent below)
    content = PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data()  # type: ignore[union-attr]
    expected = "收入合计4454.96万元".encode("utf-16-be").hex().upper()
    assert f"/ActualText <FEFF{expected}>".encode() in content


def test_rules_shapes_and_wedges_are_drawn_where_they_say() -> None:
    items = (
        Rules(((10.0, 10.0, 110.0, 10.0), (10.0, 10.0, 10.0, 60.0)), 0.5),
        Rect(150, 20, 40, 30, fill=grey(0.5), stroke=BLACK, line_width=1),
        Polygon(((220.0, 20.0), (260.0, 20.0), (240.0, 60.0)), fill=grey(0.3)),
        Wedge(320, 150, 40, 0, 90, fill=grey(0.7)),
        Circle(320, 60, 20, stroke=BLACK),
    )
    with pdfplumber.open(io.BytesIO(_pdf([_page(*items)]))) as reader:
        page = reader.pages[0]
        lines = sorted(
            (round(ln["x0"]), round(300 - ln["bottom"]), round(ln["x1"]), round(300 - ln["top"])) for ln in page.lines
        )
        assert lines == [(10, 10, 10, 60), (10, 10, 110, 10)]
        assert {ln["linewidth"] for ln in page.lines} == {0.5}
        (rect,) = page.rects
        assert (round(rect["x0"]), round(rect["x1"]), round(rect["width"]), round(rect["height"])) == (150, 190, 40, 30)
        curves = [
            (round(c["x0"]), round(c["x1"]), round(300 - c["bottom"]), round(300 - c["top"])) for c in page.curves
        ]
        assert (220, 260, 20, 60) in curves  # the triangle
        assert (320, 360, 150, 190) in curves  # the quarter pie: centre to 40 right and up
        assert (300, 340, 40, 80) in curves  # the circle


def test_links_destinations_and_outline() -> None:
    pages = [
        _page(Link(10, 10, 200, 30, "second")),
        _page(Anchor("second", 50, 250), OutlineMark("第二页", "second", 0, False), number=2),
    ]
    reader = PdfReader(io.BytesIO(_pdf(pages)))
    (annot,) = [a.get_object() for a in reader.pages[0]["/Annots"]]
    assert [round(float(v)) for v in annot["/Rect"]] == [10, 10, 200, 30]
    (entry,) = reader.outline
    assert entry.title == "第二页" and reader.get_destination_page_number(entry) == 1
    assert float(entry.top) == pytest.approx(250)


def test_each_page_keeps_its_own_size() -> None:
    pdf = _pdf([_page(size=(595.0, 842.0)), _page(number=2, size=(842.0, 595.0))])
    reader = PdfReader(io.BytesIO(pdf))
    assert [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages] == [(595, 842), (842, 595)]


def test_same_pages_give_the_same_bytes() -> None:
    glyphs = tuple(text.shape_text("同一输入", "body", False, 16, FONTS))
    pages = [_page(GlyphRun(10, 10, glyphs, text.natural(glyphs)[0]))]
    assert _pdf(pages) == _pdf(pages)
