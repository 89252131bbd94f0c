"""The page templates drawn from a page geometry (`typeset.geometry`, GB/T 9704-2012 by default).

`page_templates` turns a `Geometry` into reportlab PageTemplates — a cover page without a page number, portrait
body pages and landscape pages for wide tables — that can be mixed in one document.

GB/T 9704-2012 §5.2 and §7.5: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, 22 lines of 28 characters
in 三号 (16 pt); the page number is 四号 (14 pt) with a 一字线 on each side ("— 1 —"), its top 7 mm
below the 版心, odd pages flush right and even pages flush left, each one character in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, PageTemplate

from juesuan_pdf.typeset.geometry import (
    COVER,
    LANDSCAPE,
    PORTRAIT,
    PROFILES,
    SMALL_PITCH_EM,
    Block,
    Geometry,
    geometry,
    small_pitch,
)
from juesuan_pdf.typeset.linebreak import Line
from juesuan_pdf.typeset.paragraph import Glyph, draw_line

__all__ = [
    "COVER",
    "LANDSCAPE",
    "PORTRAIT",
    "PROFILES",
    "SMALL_PITCH_EM",
    "Block",
    "Geometry",
    "PageNumberStyle",
    "geometry",
    "page_templates",
    "small_pitch",
]

Shape = Callable[[str], Sequence[Glyph]]
"""Shapes a text in the page-number role (`paragraph.shape`: its face, fallbacks where it lacks glyphs)."""


@attrs.frozen
class PageNumberStyle:
    """How page numbers are printed: a format with `{n}`, how to pick fonts for its text, and the geometry."""

    fmt: str
    shape: Shape
    geometry: Geometry


def page_number_position(style: PageNumberStyle, block: Block, n: int, text_width: float) -> tuple[float, float]:
    """Where the page number's baseline starts: odd pages right, even pages left, one character in."""
    size = style.geometry.page_number_size
    # The standard puts the top of the number line 7 mm below the block; digits and dashes reach
    # about 0.75 em above the baseline, so the baseline sits that much lower again.
    baseline = block.y - style.geometry.page_number_gap - 0.75 * size
    if n % 2:
        return block.x + block.width - size - text_width, baseline
    return block.x + size, baseline


def draw_page_number(style: PageNumberStyle, canvas: Canvas, block: Block) -> None:
    """Draw the current page's number below the block."""
    n = canvas.getPageNumber()
    glyphs = style.shape(style.fmt.format(n=n))
    xs, width = [], 0.0
    for g in glyphs:
        xs.append(width)
        width += g.advance + g.kern
    x, y = page_number_position(style, block, n, width)
    canvas.saveState()
    draw_line(canvas, glyphs, Line(0, len(glyphs), tuple(xs), width, True), x, y)
    canvas.restoreState()


def _frame(block: Block, frame_id: str) -> Frame:
    """A frame exactly the size of the block: no padding, so text starts at the block's edges."""
    return Frame(
        block.x,
        block.y,
        block.width,
        block.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=frame_id,
        showBoundary=0,
    )


def _numbered(style: PageNumberStyle, block: Block) -> Callable[[Canvas, object], None]:
    """An onPage callback drawing the page number for pages with this block."""

    def on_page(canvas: Canvas, _doc: object) -> None:
        draw_page_number(style, canvas, block)

    return on_page


def page_templates(style: PageNumberStyle, *, first_cover: bool = False) -> list[PageTemplate]:
    """Cover (no number, then portrait), portrait and landscape page templates; the first one starts the document."""
    geo = style.geometry
    portrait, landscape = geo.portrait, geo.landscape
    templates = [
        PageTemplate(
            id=COVER,
            frames=[_frame(portrait, COVER)],
            pagesize=(portrait.page_width, portrait.page_height),
            autoNextPageTemplate=PORTRAIT,
        ),
        PageTemplate(
            id=PORTRAIT,
            frames=[_frame(portrait, PORTRAIT)],
            onPage=_numbered(style, portrait),
            pagesize=(portrait.page_width, portrait.page_height),
        ),
        PageTemplate(
            id=LANDSCAPE,
            frames=[_frame(landscape, LANDSCAPE)],
            onPage=_numbered(style, landscape),
            pagesize=(landscape.page_width, landscape.page_height),
        ),
    ]
    # platypus starts with the first template: the cover only when the document opens with one.
    return templates if first_cover else templates[1:] + templates[:1]
