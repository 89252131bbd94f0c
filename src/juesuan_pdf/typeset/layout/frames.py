"""Frames: the pages a layout produces, as plain data — positioned glyph runs, rules, shapes, links and
outline marks (the shape Typst's layout uses).

Nothing here knows reportlab or PDF: the writer (`typeset.writer`) draws these pages, and layout tests
read positions straight off them. Coordinates are PDF points from the page's lower left corner.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

Color = tuple[float, float, float]
"""An RGB colour, each channel 0–1."""

BLACK: Color = (0.0, 0.0, 0.0)
WHITE: Color = (1.0, 1.0, 1.0)


def grey(level: float) -> Color:
    """A neutral grey (0 black, 1 white)."""
    return (level, level, level)


@attrs.frozen
class Glyph:
    """One character with the font that draws it (its registered name), its size and advance.

    `kern` (pt, negative to tighten) changes only where the next glyph goes, not the advance the font
    records for this one; `fake_bold` thickens a face that has no bold of its own with an outline stroke.
    """

    char: str
    font: str
    size: float
    advance: float
    fake_bold: bool = False
    kern: float = 0.0


@attrs.frozen
class GlyphRun:
    """One set line of text: its glyphs, each placed at `x + xs[i]` on the baseline `y`.

    Every run is one line of source text; the writer marks it with that text (/ActualText), so readers
    extract the characters as written however the line was spaced.
    """

    x: float
    y: float
    glyphs: tuple[Glyph, ...]
    xs: tuple[float, ...]

    @property
    def text(self) -> str:
        """The characters of the line (line feeds left out)."""
        return "".join(g.char for g in self.glyphs if g.char != "\n")

    @property
    def right(self) -> float:
        """The x where the last glyph's advance ends."""
        if not self.glyphs:
            return self.x
        return self.x + self.xs[-1] + self.glyphs[-1].advance


@attrs.frozen
class Rules:
    """Straight segments (x1, y1, x2, y2) stroked as one path, all of one width and colour."""

    segments: tuple[tuple[float, float, float, float], ...]
    width: float
    color: Color = BLACK


@attrs.frozen
class Painted:
    """How a shape is painted: its fill and/or outline (None: not filled / not outlined)."""

    fill: Color | None = attrs.field(default=None, kw_only=True)
    stroke: Color | None = attrs.field(default=None, kw_only=True)
    line_width: float = attrs.field(default=1.0, kw_only=True)


@attrs.frozen
class Rect(Painted):
    """A rectangle from its lower left corner, filled and/or outlined."""

    x: float
    y: float
    width: float
    height: float


@attrs.frozen
class Polygon(Painted):
    """A path through `points`, closed (a shape) or open (a polyline), filled and/or outlined."""

    points: tuple[tuple[float, float], ...]
    closed: bool = True


@attrs.frozen
class Circle(Painted):
    """A circle by its centre and radius."""

    x: float
    y: float
    r: float


@attrs.frozen
class Wedge(Painted):
    """A pie slice: centre, radius, and the arc from `start` anticlockwise through `extent` (degrees)."""

    x: float
    y: float
    r: float
    start: float
    extent: float


@attrs.frozen
class Link:
    """A clickable area (x0, y0, x1, y1) that jumps to the destination `key`."""

    x0: float
    y0: float
    x1: float
    y1: float
    key: str


@attrs.frozen
class Anchor:
    """A named destination: the page scrolled so that `y` is at the top."""

    key: str
    x: float
    y: float


@attrs.frozen
class OutlineMark:
    """A bookmark in the document outline pointing at the destination `key`, at outline depth `level`."""

    text: str
    key: str
    level: int
    closed: bool


Item = GlyphRun | Rules | Rect | Polygon | Circle | Wedge | Link | Anchor | OutlineMark


@attrs.frozen
class Page:
    """One laid-out page: its number (from 1), page template name, size and items in drawing order;
    `broken` when a page break ended it before it was full (the end of a part, before a landscape table)."""

    number: int
    template: str
    width: float
    height: float
    items: tuple[Item, ...]
    broken: bool = False

    def runs(self) -> list[GlyphRun]:
        """The page's text lines in drawing order."""
        return [i for i in self.items if isinstance(i, GlyphRun)]

    def text(self) -> str:
        """The page's text, one line per glyph run (for tests and diagnostics)."""
        return "\n".join(r.text for r in self.runs())


def pages_text(pages: Sequence[Page]) -> str:
    """All pages' text, pages separated by form feeds, as `pdftotext` separates them."""
    return "\f".join(p.text() for p in pages)
