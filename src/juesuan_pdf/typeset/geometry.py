"""Page geometry profiles as plain data (GB/T 9704-2012 by default): paper, text block (版心), type sizes
and where the page number goes. No reportlab here: layout and tests read the geometry without it, and a
command that never typesets (validate) never imports reportlab.

GB/T 9704-2012 §5.2 and §7.5: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, 22 lines of 28 characters
in 三号 (16 pt); the page number is 四号 (14 pt) with a 一字线 on each side ("— 1 —"), its top 7 mm
below the 版心, odd pages flush right and even pages flush left, each one character in.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

# Computed as reportlab.lib.units and reportlab.lib.pagesizes do, so every figure is the same float.
INCH = 72.0
CM = INCH / 2.54
mm = CM * 0.1
A4 = (210 * mm, 297 * mm)

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
