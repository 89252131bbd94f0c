"""pdfops writes the same content-stream operators as reportlab's text object and `canvas.lines`."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from juesuan_pdf.typeset import pdfops
from juesuan_pdf.typeset.fonts import FontSet
from juesuan_pdf.typeset.writer import PDFCanvas

# More than 256 different characters, so the text crosses into a second font subset.
MANY = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 300))


def _canvas() -> Canvas:
    return Canvas(io.BytesIO(), invariant=1)


def test_text_object_matches_reportlab() -> None:
    fonts = FontSet()
    body, heading = fonts.font_name("body"), fonts.font_name("heading1")
    theirs, ours = _canvas(), PDFCanvas(io.BytesIO(), invariant=1)

    tx = theirs.beginText(12.5, 700.123456)
    tx.setFont(body, 10.5)
    tx.setCharSpace(0.123456789)
    tx.setTextRenderMode(2)
    tx.textOut("预算（决算）" + MANY)
    tx.setTextOrigin(100, 1e-9)
    tx.setFont(heading, 16)
    tx.setTextRenderMode(0)
    tx.setCharSpace(-0.21)
    tx.textOut("收入支出ABC 1.5%")
    theirs.drawText(tx)

    ot = pdfops.Text(ours, ours.document, 12.5, 700.123456)
    ot.set_font(body, 10.5)
    ot.set_char_space(0.123456789)
    ot.set_render_mode(2)
    ot.show(ot.pieces("预算（决算）" + MANY))
    ot.set_origin(100, 1e-9)
    ot.set_font(heading, 16)
    ot.set_render_mode(0)
    ot.set_char_space(-0.21)
    ot.show(ot.pieces("收入支出ABC 1.5%"))
    ot.draw()

    assert ours._code == theirs._code


def test_lines_match_reportlab() -> None:
    segments = [(0, 0, 100.5, 0), (12.345678, 3, 12.345678, -7.1), (1e-8, 2, 3, 4)]
    theirs, ours = _canvas(), _canvas()
    theirs.lines(segments)
    pdfops.lines(ours, segments)
    assert ours._code == theirs._code


def test_numbers_are_written_as_reportlab_writes_them() -> None:
    from reportlab.lib.rl_accel import fp_str

    for x in (0, 0.0, -0.0, 1, 1.0, 0.5, -0.5, 1000, 123.456789, 1e-7, 2e-7, -3.14159265, 99999.5):
        assert pdfops.num(x) == fp_str(x)
