"""pdfops writes the same content-stream operators as reportlab's text object and `canvas.lines`."""

from __future__ import annotations

import io

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from juesuan_pdf.typeset import pdfops
from juesuan_pdf.typeset.fonts import FontSet
from juesuan_pdf.typeset.writer import PDFCanvas

# More than 256 different characters, so the text crosses into a second font subset.
MANY = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 300))


def _canvas() -> Canvas:
    return Canvas(io.BytesIO(), invariant=1)


def _reportlab_line(
    canv: Canvas, x: float, y: float, xs: list[float], text: str, stretches: list[pdfops.Stretch]
) -> None:
    """The line as reportlab's text object writes it: an origin per subset piece, no origin before the first."""
    tx = canv.beginText()
    del tx._code[1:]  # the origin beginText sets; the writer's first piece sets its own
    for start, end, font, size, spacing, mode in stretches:
        tx.setFont(font, size)
        tx.setCharSpace(spacing)
        tx.setTextRenderMode(mode)
        at = start
        for _subset, codes in pdfmetrics.getFont(font).splitString(text[start:end], canv._doc):
            tx.setTextOrigin(x + xs[at], y)
            tx.textOut(text[at : at + len(codes)])
            at += len(codes)
    canv.addLiteral(f"/Span <</ActualText <FEFF{text.replace(chr(10), '').encode('utf-16-be').hex().upper()}>>> BDC")
    canv.drawText(tx)
    canv.addLiteral("EMC")


def test_text_writer_matches_reportlab() -> None:
    fonts = FontSet()
    body, heading = fonts.font_name("body"), fonts.font_name("heading1")
    theirs, ours = _canvas(), PDFCanvas(io.BytesIO(), invariant=1)
    # Stretches across two subsets, a font change with render modes, a skipped line feed, an empty line.
    lines: list[tuple[float, float, str, list[pdfops.Stretch]]] = [
        (12.5, 700.123456, "预算（决算）" + MANY, [(0, 306, body, 10.5, 0.123456789, 2)]),
        (100, 1e-9, "收入支出ABC 1.5%\n合计", [
            (0, 7, heading, 16, -0.21, 0), (7, 12, body, 9, 0.0, 2), (13, 15, body, 9, 0.5, 0),
        ]),
        (72, 500, "预算（决算）" + MANY, [(0, 300, body, 10.5, 0.0, 0), (300, 306, heading, 12, 1.25, 0)]),
        (0, 0, "", []),
    ]
    for x, y, text, stretches in lines:
        xs = [3.25 * i for i in range(len(text))]
        _reportlab_line(theirs, x, y, xs, text, stretches)
        ours.addLiteral(ours.text.line(x, y, xs, text, stretches))
    # A page's content stream is its literals joined by line feeds.
    assert "\n".join(ours._code) == "\n".join(theirs._code)


def test_lines_match_reportlab() -> None:
    segments = [(0, 0, 100.5, 0), (12.345678, 3, 12.345678, -7.1), (1e-8, 2, 3, 4)]
    theirs, ours = _canvas(), _canvas()
    theirs.lines(segments)
    theirs.lines([])
    pdfops.lines(ours, segments)
    pdfops.lines(ours, [])
    assert "\n".join(ours._code) == "\n".join(theirs._code)


def test_numbers_are_written_as_reportlab_writes_them() -> None:
    from reportlab.lib.rl_accel import fp_str

    for x in (0, 0.0, -0.0, 1, 1.0, 0.5, -0.5, 1000, 123.456789, 1e-7, 2e-7, -3.14159265, 99999.5):
        assert pdfops.num(x) == fp_str(x)


def test_preformatted_numbers_are_written_as_the_numbers() -> None:
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFDocument

    numbers = [0, 1000, 500.5, 1000 / 3, -0.0, 1e-7, 2048 * 1000 / 2048, 0.1 + 0.2]
    document = PDFDocument()
    assert PDFArray(pdfops.pdf_numbers(numbers)).format(document) == PDFArray(numbers).format(document)
