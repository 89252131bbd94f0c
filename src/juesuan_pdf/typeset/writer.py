"""The PDF writer: pages of frames (`layout.frames`) drawn with reportlab's canvas.

It decides nothing about layout: every glyph run, rule, shape, link, destination and outline mark is
drawn where its page says. Text is written per run of glyphs of one font whose gaps are all equal (one
text operator with PDF character spacing, Tc), each run with its own text origin, and every line is
marked with its source text (/ActualText), because extractors that guess word breaks from glyph gaps
(poppler's pdftotext) would otherwise read a justified line as "2 0 2 3 年 本 年".
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from reportlab.pdfgen.canvas import Canvas

from juesuan_pdf import doc
from juesuan_pdf.typeset import pdfmeta, pdfops
from juesuan_pdf.typeset.layout.frames import (
    Anchor,
    Circle,
    Color,
    Glyph,
    GlyphRun,
    Link,
    OutlineMark,
    Page,
    Polygon,
    Rect,
    Rules,
    Wedge,
)

FAKE_BOLD_STROKE = 0.03
"""Outline stroke, in em, that thickens a face that has no bold of its own."""

SPACING_TOLERANCE = 1e-4
"""Glyph gaps that differ by less than this (pt) are drawn with one character-spacing value."""


def write(
    pages: Sequence[Page],
    metadata: doc.Metadata,
    *,
    initial_font: str,
    initial_size: float,
    created: dt.datetime | None = None,
) -> bytes:
    """The PDF bytes of `pages`, with the document's information entries and a fixed date."""
    buffer = io.BytesIO()
    first = pages[0] if pages else None
    meta = pdfmeta.doc_template_kwargs(metadata)
    canv = PDFCanvas(
        buffer,
        pagesize=(first.width, first.height) if first else (595.0, 842.0),
        invariant=meta["invariant"],
        pageCompression=meta["pageCompression"],
        initialFontName=initial_font,
        initialFontSize=initial_size,
        initialLeading=initial_size * 1.2,
        lang=meta["lang"],
    )
    canv.setAuthor(meta["author"])
    canv.setTitle(meta["title"])
    canv.setSubject(meta["subject"])
    canv.setCreator(meta["creator"])
    canv.setProducer(meta["producer"])
    canv.setKeywords(meta["keywords"])
    canv.setViewerPreference("DisplayDocTitle", "true")
    canv.setDateFormatter(pdfmeta.date_formatter(pdfmeta.creation_date(metadata, created)))
    canv.showOutline()
    with pdfmeta.binary_streams():
        for page in pages:
            canv.setPageSize((page.width, page.height))
            _draw_page(canv, page)
            canv.showPage()
        canv.save()
    return buffer.getvalue()


def _draw_page(canv: PDFCanvas, page: Page) -> None:
    for item in page.items:
        if isinstance(item, GlyphRun):
            draw_run(canv, item)
        elif isinstance(item, Rules):
            canv.saveState()
            canv.setLineWidth(item.width)
            canv.setStrokeColorRGB(*item.color)
            pdfops.lines(canv, item.segments)
            canv.restoreState()
        elif isinstance(item, Rect | Polygon | Wedge | Circle):
            _draw_shape(canv, item)
        elif isinstance(item, Link):
            canv.linkRect("", item.key, (item.x0, item.y0, item.x1, item.y1), relative=0, Border="[0 0 0]")
        elif isinstance(item, Anchor):
            canv.bookmarkHorizontal(item.key, item.x, item.y)
        elif isinstance(item, OutlineMark):
            canv.addOutlineEntry(item.text, item.key, level=item.level, closed=item.closed)
        else:  # pragma: no cover - every item kind is drawn above
            raise TypeError(f"cannot draw {type(item).__name__}")


def _draw_shape(canv: PDFCanvas, item: Rect | Polygon | Wedge | Circle) -> None:
    """A filled and/or outlined shape, in its own graphics state."""
    stroke, fill = int(item.stroke is not None), int(item.fill is not None)
    canv.saveState()
    _paint(canv, item.fill, item.stroke, item.line_width)
    if isinstance(item, Rect):
        canv.rect(item.x, item.y, item.width, item.height, stroke=stroke, fill=fill)
    elif isinstance(item, Circle):
        canv.circle(item.x, item.y, item.r, stroke=stroke, fill=fill)
    else:
        path = canv.beginPath()
        if isinstance(item, Wedge):
            # An arc, as reportlab draws a pie slice, not a polygon: the rim then renders the same.
            path.moveTo(item.x, item.y)
            path.arcTo(item.x - item.r, item.y - item.r, item.x + item.r, item.y + item.r, item.start, item.extent)
            path.close()
        else:
            path.moveTo(*item.points[0])
            for point in item.points[1:]:
                path.lineTo(*point)
            if item.closed:
                path.close()
        canv.drawPath(path, stroke=stroke, fill=fill)
    canv.restoreState()


def _paint(canv: Canvas, fill: Color | None, stroke: Color | None, width: float) -> None:
    if fill is not None:
        canv.setFillColorRGB(*fill)
    if stroke is not None:
        canv.setStrokeColorRGB(*stroke)
        canv.setLineWidth(width)


class PDFCanvas(Canvas):  # type: ignore[misc]
    """reportlab's canvas, which also hands out its PDF document (`document`) and a text writer for it.

    A TrueType font is embedded as subsets of 256 glyphs kept per document, and text is written per
    subset (`pdfops.TextWriter`), which needs that document; reportlab keeps it in an attribute of its
    own, so this class receives it when reportlab stores it, instead of reading reportlab's field.
    """

    text: pdfops.TextWriter

    @property
    def _doc(self) -> object:
        return self.document

    @_doc.setter
    def _doc(self, value: object) -> None:
        self.document = value
        self.text = pdfops.TextWriter(value)


def draw_run(canv: PDFCanvas, run: GlyphRun) -> None:
    """One line of text: a text object with a piece per stretch of one font and equal spacing."""
    glyphs = run.glyphs
    chars = "".join([g.char for g in glyphs])
    stretches, fake_bold = chunks(glyphs, run.xs)
    if fake_bold is not None:  # the stroke that thickens a face without a bold of its own
        canv.saveState()
        canv.setLineWidth(FAKE_BOLD_STROKE * fake_bold)
    canv.addLiteral(canv.text.line(run.x, run.y, run.xs, chars, stretches))
    if fake_bold is not None:
        canv.restoreState()


def chunks(glyphs: Sequence[Glyph], xs: Sequence[float]) -> tuple[list[pdfops.Stretch], float | None]:
    """Stretches of one font whose glyph gaps are all the same, and the largest size of a fake-bold glyph.

    Glyph gap j is x[j] − x[j−1] − advance[j−1]; a stretch ends where the font, size or weight changes,
    at a line feed, or where a gap differs from the one before it by more than SPACING_TOLERANCE, and its
    character spacing is its last gap.
    """
    out: list[pdfops.Stretch] = []
    bold: float | None = None
    i, n = 0, len(glyphs)
    while i < n:
        first = glyphs[i]
        # Called for every glyph of the document: the comparisons are written out, not a helper, and the
        # previous glyph's x and advance are kept, not looked up again (whole-line operations with `map`
        # and `operator.attrgetter` were tried: slower than this loop's specialised attribute reads).
        font, size, fake_bold = first.font, first.size, first.fake_bold
        if fake_bold and (bold is None or size > bold):
            bold = size
        if first.char == "\n":
            i += 1
            continue
        j, spacing, x_before, advance = i + 1, None, xs[i], first.advance
        while j < n:
            g = glyphs[j]
            if g.font != font or g.size != size or g.fake_bold != fake_bold or g.char == "\n":
                break
            x = xs[j]
            gap = x - x_before - advance
            if spacing is not None:
                change = gap - spacing  # compared both ways, not with abs(): a builtin call per glyph
                if change > SPACING_TOLERANCE or change < -SPACING_TOLERANCE:
                    break
            spacing, x_before, advance = gap, x, g.advance
            j += 1
        out.append((i, j, font, size, spacing or 0.0, 2 if fake_bold else 0))
        i = j
    return out, bold
