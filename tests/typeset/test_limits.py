"""Text too long for its place (issue 14, item 2): wrapped, split or refused with a message, never drawn
off the page and never a layout traceback."""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest
from pypdf import PdfReader

from juesuan_pdf import doc
from juesuan_pdf.errors import BuildError
from juesuan_pdf.typeset import typeset

NAME = "示例市示例区" + "人力资源和社会保障综合服务管理" * 4 + "局"  # 67 characters


def _document(*blocks: doc.Block) -> doc.Document:
    return doc.Document(doc.Metadata("示例"), tuple(blocks))


def _off_page(pdf: bytes) -> list[str]:
    """Characters drawn (partly) outside their page."""
    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as reader:
        for page in reader.pages:
            out += [
                c["text"]
                for c in page.chars
                if c["x0"] < -0.5 or c["x1"] > page.width + 0.5 or c["top"] < -0.5 or c["bottom"] > page.height + 0.5
            ]
    return out


def _text(pdf: bytes) -> str:
    """The document's text without line breaks, page-number footers and contents leaders."""
    with pdfplumber.open(io.BytesIO(pdf)) as reader:
        text = "".join(page.extract_text() for page in reader.pages).replace("\n", "")
    return re.sub(r"— \d+ —|\s*\.{3,}\s*\d+", "", text)


def test_a_long_caption_wraps_inside_the_table_width() -> None:
    cells = (doc.Cell("项目", kind="label"), doc.Cell("金额", kind="label"))
    table = doc.Table(
        columns=(doc.Column(), doc.Column()),
        header_rows=(cells,),
        body_rows=((doc.Cell("一、收入"), doc.Cell("1.00", kind="money")),),
        title="收入支出决算总表",
        caption_left=f"部门：{NAME}",
        caption_right="金额单位：万元",
    )
    pdf = typeset(_document(table))
    assert _off_page(pdf) == []
    with pdfplumber.open(io.BytesIO(pdf)) as reader:
        page = reader.pages[0]
        right = max(c["x1"] for c in page.chars if c["text"] in NAME)
        grid_right = max(line["x1"] for line in page.lines)
    assert right <= grid_right + 0.5
    assert f"部门：{NAME}" in _text(pdf)


def test_a_heading_taller_than_a_page_is_split_and_keeps_its_entries() -> None:
    heading = "很长的标题" * 150  # 750 characters: about 27 lines of 16 pt, more than a page holds
    pdf = typeset(
        _document(
            doc.TableOfContents(title="目录", levels=1),
            doc.Heading(0, "第一部分", "part1", page_break_before=True),
            doc.Heading(1, heading, "long"),
            doc.Para.of("正文。"),
        )
    )
    assert _off_page(pdf) == []
    text = _text(pdf)
    assert text.count(heading) == 2  # in the contents and as the heading, both split over pages
    outline = PdfReader(io.BytesIO(pdf)).outline
    assert [item.title for item in outline[1]] == [heading]  # nested under 第一部分


def test_a_cover_that_cannot_hold_its_lines_is_refused_with_its_text() -> None:
    cover = doc.Cover((NAME * 6, "2023年度部门决算"), ("2024年9月30日",))
    with pytest.raises(BuildError, match=r"封面文字太长.*示例市示例区"):
        typeset(_document(cover))


def test_a_long_cover_title_moves_up_rather_than_into_the_lower_lines() -> None:
    cover = doc.Cover((NAME * 2, "2023年度部门决算"), ("2024年9月30日",))
    pdf = typeset(_document(cover))
    assert _off_page(pdf) == []
    with pdfplumber.open(io.BytesIO(pdf)) as reader:
        chars = reader.pages[0].chars
    date_top = min(c["top"] for c in chars if c["text"] == "日")
    title_bottom = max(c["bottom"] for c in chars if c["text"] == "算")
    assert title_bottom < date_top


def test_a_cell_taller_than_a_page_is_split_across_pages() -> None:
    note = "很长的说明文字" * 500
    cells = (doc.Cell("项目", kind="label"), doc.Cell("说明", kind="label"))
    table = doc.Table(
        columns=(doc.Column(), doc.Column(weight=3)),
        header_rows=(cells,),
        body_rows=((doc.Cell("甲"), doc.Cell(note)), (doc.Cell("乙"), doc.Cell("短"))),
        title="表",
    )
    pdf = typeset(_document(table))
    assert _off_page(pdf) == []
    with pdfplumber.open(io.BytesIO(pdf)) as reader:
        assert len(reader.pages) >= 3
        chars = [c["text"] for page in reader.pages for c in page.chars]
    assert chars.count("很") == 500 and "短" in chars
