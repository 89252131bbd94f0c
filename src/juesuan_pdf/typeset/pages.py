"""Page geometry profiles and the page templates drawn from them (GB/T 9704-2012 by default).

A `Geometry` is plain data: paper, text block (版心), type sizes and where the page number goes.
`page_templates` turns it into reportlab PageTemplates — a cover page without a page number, portrait
body pages and landscape pages for wide tables — that can be mixed in one document.

GB/T 9704-2012 §5.2 and §7.5: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, 22 lines of 28 characters
in 三号 (16 pt); the page number is 四号 (14 pt) with a 一字线 on each side ("— 1 —"), its top 7 mm
below the 版心, odd pages flush right and even pages flush left, each one character in.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import attrs
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, PageTemplate

SMALL_PITCH_EM = 1.3
"""Line pitch of text off the grid (table cells, captions, notes), in em of its size."""


def small_pitch(size: float) -> float:
    """Line pitch of text off the grid at `size`: `SMALL_PITCH_EM` × size, rounded to 0.01 pt."""
    return round(size * SMALL_PITCH_EM, 2)


PORTRAIT = "portrait"
LANDSCAPE = "landscape"
COVER = "cover"


@attrs.frozen
class Block:
    """A text block (版心) on a page: the page size and the block's lower-left corner and size, in pt."""

    page_width: float
    page_height: float
    x: float
    y: float
    width: float
    height: float

    @property
    def top(self) -> float:
        """Distance from the top of the page to the top of the block."""
        return self.page_height - (self.y + self.height)


@attrs.frozen
class Geometry:
    """A page geometry profile: blocks for portrait and landscape pages, type sizes and page-number placement."""

    name: str
    portrait: Block
    landscape: Block
    lines_per_page: int
    chars_per_line: int
    body_size: float
    title_size: float
    heading_size: float
    table_size: float
    caption_size: float
    page_number_size: float
    page_number_gap: float
    """Distance from the bottom of the block to the top of the page number line."""
    note_size: float = 12.0
    """Notes under tables and charts (小四)."""

    @property
    def line_pitch(self) -> float:
        """Body line pitch: the block height shared out over the grid's lines (28.95 pt in GB/T 9704)."""
        return self.portrait.height / self.lines_per_page

    @property
    def char_pitch(self) -> float:
        """Body character pitch that puts `chars_per_line` characters on a line (15.79 pt in GB/T 9704)."""
        return self.portrait.width / self.chars_per_line

    @property
    def table_line_pitch(self) -> float:
        """Line pitch of table text: `small_pitch` keeps cells compact yet legible."""
        return small_pitch(self.table_size)

    def block(self, orientation: str) -> Block:
        """The text block of a page orientation ('portrait' or 'landscape')."""
        return self.landscape if orientation == LANDSCAPE else self.portrait


def _gbt9704(name: str = "gbt9704", table_size: float = 10.5) -> Geometry:
    """GB/T 9704-2012: A4, 37 mm top, 28 mm left, 156 × 225 mm block; landscape pages turn the block a quarter."""
    width, height = A4
    portrait = Block(width, height, 28 * mm, height - 37 * mm - 225 * mm, 156 * mm, 225 * mm)
    # Turned pages keep the same margins turned with the sheet: the 天头 becomes the left margin and the
    # 订口 the top, so the block is 225 × 156 mm and the binding edge stays where it was.
    landscape = Block(height, width, 37 * mm, width - 28 * mm - 156 * mm, 225 * mm, 156 * mm)
    return Geometry(
        name=name,
        portrait=portrait,
        landscape=landscape,
        lines_per_page=22,
        chars_per_line=28,
        body_size=16.0,
        title_size=22.0,
        heading_size=16.0,
        table_size=table_size,
        caption_size=12.0,
        page_number_size=14.0,
        page_number_gap=7 * mm,
    )


PROFILES: Mapping[str, Geometry] = {
    "gbt9704": _gbt9704(),
    # Same pages, tables one size smaller (小五, 9 pt) for wide forms with many columns.
    "gbt9704-compact-tables": _gbt9704("gbt9704-compact-tables", table_size=9.0),
}


def geometry(name: str) -> Geometry:
    """The geometry profile called `name`; raises ValueError listing the known ones."""
    try:
        return PROFILES[name]
    except KeyError:
        raise ValueError(f"unknown geometry profile {name!r}; known: {', '.join(sorted(PROFILES))}") from None


FontRuns = Callable[[str], list[tuple[str, str]]]
"""Cuts a text into (registered font name, text) pieces: the page-number font, fallbacks where it lacks glyphs."""


@attrs.frozen
class PageNumberStyle:
    """How page numbers are printed: a format with `{n}`, how to pick fonts for its text, and the geometry."""

    fmt: str
    font_runs: FontRuns
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
    size = style.geometry.page_number_size
    runs = style.font_runs(style.fmt.format(n=n))
    width = sum(canvas.stringWidth(text, font, size) for font, text in runs)
    x, y = page_number_position(style, block, n, width)
    canvas.saveState()
    for font, text in runs:
        canvas.setFont(font, size)
        canvas.drawString(x, y, text)
        x += canvas.stringWidth(text, font, size)
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
