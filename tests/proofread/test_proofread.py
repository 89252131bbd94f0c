"""The proof-reading checks find each fault they are for, on small PDFs made to have it, and pass clean ones."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfWriter
from reportlab.pdfgen.canvas import Canvas

import support
from juesuan_pdf import doc
from juesuan_pdf.typeset import typeset
from juesuan_pdf.typeset.fonts import FontSet
from proofread.audit import audit
from proofread.fidelity import extracted_text, fidelity

LINE = "为贯彻落实政府信息公开的要求本单位依法编制并公开本年度收入支出情况"  # 33 characters
FONTS = FontSet()


@pytest.fixture(autouse=True)
def _poppler() -> None:
    support.require_tool("pdffonts")
    support.require_tool("pdftotext")


def _canvas_pdf(tmp_path: Path, lines: list[tuple[float, str]], *, font: str | None = None, size: float = 12) -> Path:
    """One page with each (x, text) on its own line, 20 pt apart, titled and with an outline entry."""
    out = io.BytesIO()
    canv = Canvas(out, pagesize=(595, 842), invariant=1, lang="zh-CN")
    canv.setTitle("测试")
    canv.bookmarkPage("top")
    canv.addOutlineEntry("测试", "top", 0)
    canv.setFont(font or FONTS.font_name("body"), size)
    for k, (x, text) in enumerate(lines):
        canv.drawString(x, 800 - 20 * k, text)
    canv.save()
    path = tmp_path / "t.pdf"
    path.write_bytes(out.getvalue())
    return path


def _block(text: str, n: int = 4) -> list[tuple[float, str]]:
    return [(50.0, text)] * n


def test_a_typeset_document_is_clean(tmp_path: Path) -> None:
    body = "收入合计4454.96万元，比上年增加226.08万元，增长5.3%。主要原因是人员经费增加——见下表……" * 6
    document = doc.Document(
        doc.Metadata("示例"),
        (doc.Heading(1, "一、收入支出情况", "h1"), doc.Para.of(body), doc.Para.of(body)),
    )
    path = tmp_path / "doc.pdf"
    path.write_bytes(typeset(document))
    result = audit(path)
    assert result.problems() == []
    assert result.lines > 10 and result.outline == 1


def test_lines_starting_or_ending_with_a_forbidden_mark_are_found(tmp_path: Path) -> None:
    path = _canvas_pdf(tmp_path, [*_block(LINE), (50, "，开头的一行"), (50, "结尾的一行（")])
    result = audit(path)
    assert result.bad_start == ["p1: ，开头的一行"]
    assert result.bad_end == ["p1: …结尾的一行（"]


def test_a_torn_dash_is_found(tmp_path: Path) -> None:
    path = _canvas_pdf(tmp_path, [(50, "前一行写到一半—"), (50, "—后一行接着写")])
    assert len(audit(path).torn_pair) == 1


def test_ragged_and_overhanging_body_lines_are_found(tmp_path: Path) -> None:
    short = LINE[:-1]  # one character (12 pt) short of the others: an unjustified line
    longer = LINE + "汉"  # one character past the edge
    path = _canvas_pdf(tmp_path, [*_block(LINE, 3), (50, short), (50, LINE), (50, longer), (50, LINE)])
    result = audit(path)
    assert len(result.ragged) == 1 and "12.0 pt short" in result.ragged[0]
    assert len(result.overhang) == 1


def test_text_off_the_page_is_found(tmp_path: Path) -> None:
    path = _canvas_pdf(tmp_path, [*_block(LINE), (580, "出界")])
    assert audit(path).off_page == ["p1: 出界"]


def test_a_font_that_is_not_embedded_is_found(tmp_path: Path) -> None:
    path = _canvas_pdf(tmp_path, [(50, "Helvetica is not embedded")], font="Helvetica")
    fonts = audit(path).fonts
    assert len(fonts) == 1 and fonts[0].startswith("Helvetica")


def test_missing_outline_title_and_language_are_problems(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    path = tmp_path / "bare.pdf"
    with path.open("wb") as f:
        writer.write(f)
    assert audit(path).problems() == ["outline: none", "title: none", "lang: none"]


def test_fidelity_finds_every_line_but_the_missing_one(tmp_path: Path) -> None:
    path = _canvas_pdf(tmp_path, [(50, "第一行文字"), (50, "第二 行 文 字"), (50, "— 3 —")])
    reference = "第一行文字\n\n第二行文字\n第三行没有印出\n— 7 —\n"
    result = fidelity(extracted_text(path), reference)
    assert result.missing == ((4, "第三行没有印出"),)
    assert result.lines == pytest.approx(2 / 3)
    assert result.characters == pytest.approx(10 / 17)
    assert fidelity(extracted_text(path), reference, lines=range(1, 4)).lines == 1.0
    assert fidelity(extracted_text(path), reference, skip={4}).missing == ()
