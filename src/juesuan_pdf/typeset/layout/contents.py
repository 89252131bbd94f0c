"""The table of contents: one row per heading (and bookmarked table) within the contents' depth, dot leaders
and the page number, which is filled in once every heading has landed (the rows reserve room for three
figures, so their size never depends on the numbers)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

import attrs

from juesuan_pdf import doc
from juesuan_pdf.typeset import linebreak as lb
from juesuan_pdf.typeset.layout import text
from juesuan_pdf.typeset.layout.boxes import Box
from juesuan_pdf.typeset.layout.dispatch import LayoutContext, to_boxes
from juesuan_pdf.typeset.layout.frames import GlyphRun, Item, Link, Page
from juesuan_pdf.typeset.layout.paragraph import styled
from juesuan_pdf.typeset.styles import StyleSheet, TextStyle


@attrs.frozen
class TocEntry:
    """One contents entry: the heading's level, text and destination key."""

    level: int
    text: str
    key: str


def toc_entries(blocks: Iterable[doc.Block], levels: int) -> list[TocEntry]:
    """The contents entries of a document, in reading order: headings marked for it and tables with a
    bookmark of their own (one level below the heading before them), of level ≤ `levels`."""
    out: list[TocEntry] = []
    level = 0
    for i, block in enumerate(blocks):
        if isinstance(block, doc.KeepTogether):
            out += toc_entries(block.blocks, levels)
        else:
            level, entry = doc.contents_entry(block, level, levels)
            if entry is not None:
                key = block.key if isinstance(block, doc.Heading) else table_key(cast(doc.Table, block), i)
                out.append(TocEntry(*entry, key))
    return out


def table_key(table: doc.Table, index: int) -> str:
    """The destination key of a table's bookmark: its own key, else its place in the block list."""
    return table.key or f"table-{index}"


@attrs.define(eq=False)
class PendingNumber:
    """Where a contents row's leaders and page number go, filled in once every heading has landed:
    leaders from `start` to the number, which ends at `right`, on the baseline `y`; `x` is the row's left."""

    key: str
    x: float
    y: float
    start: float
    right: float


class PageNumbers:
    """The contents' page numbers: where each heading landed, and the rows waiting for them."""

    def __init__(self, fonts: text.Fonts, size: float) -> None:
        self.fonts = fonts
        self.size = size
        self.pages: dict[str, int] = {}

    def landed(self, key: str, page: int) -> None:
        """Record the page a heading landed on (its first)."""
        self.pages.setdefault(key, page)

    def fill(self, pending: PendingNumber) -> list[Item]:
        """The leaders and the number of a row, or nothing when its heading never landed."""
        page = self.pages.get(pending.key)
        if page is None:
            return []
        number = text.shape_text(str(page), "body", False, self.size, self.fonts)
        width = text.width_of(number)
        out: list[Item] = []
        dots = self._leaders(pending.start, pending.right - width - self.size * 0.25)
        if dots is not None:
            out.append(attrs.evolve(dots, x=pending.x + dots.x, y=pending.y))
        out.append(text.solid_run(number, pending.x + pending.right - width, pending.y))
        return out

    def _leaders(self, x0: float, x1: float) -> GlyphRun | None:
        """Dot leaders between x0 and x1 (from the row's left): one run of '.' glyphs at a fixed pitch, so the
        dots of all rows align and the entry, its leaders and its number read as one line ("说明……21")."""
        pitch = self.size / 2
        dot = text.shape_text(".", "body", False, self.size, self.fonts)[0]
        start = (int(x0 / pitch) + 1) * pitch
        count = int((x1 - start - dot.advance) / pitch) + 1
        if count <= 0:
            return None
        return GlyphRun(start, 0.0, (dot,) * count, tuple(k * pitch for k in range(count)))


class TocRow(Box):
    """One contents entry: the heading text indented by level, dot leaders from its last line to the page
    number, which stands flush right on that line. A long entry wraps: its lines but the last are
    justified and the lines after the first hang one em further in, so the entry reads as one block."""

    def __init__(self, entry: TocEntry, ctx: LayoutContext) -> None:
        super().__init__()
        self.entry = entry
        self.ctx = ctx
        self.role = "heading1" if entry.level == 0 else "body"
        self.size = ctx.geometry.body_size
        # Shaped like any paragraph (fallback faces, joined dashes).
        style = TextStyle(self.role, self.size, ctx.geometry.line_pitch)
        self.glyphs = text.shape((doc.Run(entry.text),), style, ctx.fonts)
        self.lines: list[lb.Line] = []
        # A row taller than a page is split between lines (`split`): the parts keep their lines, and only
        # the last carries the leaders and the page number.
        self.fixed: list[lb.Line] | None = None
        self.numbered = True

    def wrap(self, width: float, height: float) -> tuple[float, float]:
        """One grid line per line of text."""
        self.width = width
        if self.fixed is not None:
            self.lines = self.fixed
            self.height = len(self.lines) * self.ctx.geometry.line_pitch
            return self.width, self.height
        items = text.items(self.glyphs)
        # Room for the number column (3 figures) and a gap of leaders on the last line; a negative first
        # indent gives the first line the hang back.
        measure = width - self.indent - 3 * self.size
        params = lb.Params(measure - self.size, first_indent=-self.size, align="justify")
        self.lines = lb.break_lines(items, params) or [lb.Line(0, 0, (0.0,), 0.0, True)]
        last = self.lines[-1]
        if len(self.lines) > 1 and last.end - last.start <= 2:
            # A last line of one or two characters looks lost: give it a few more from the line above.
            narrower = lb.Params(measure - 4 * self.size, first_indent=-self.size, align="justify")
            self.lines = lb.break_lines(items, narrower)
        self.height = len(self.lines) * self.ctx.geometry.line_pitch
        return self.width, self.height

    def split(self, width: float, height: float) -> list[Box]:
        """A row moves to the next page whole; only one taller than an empty page is cut between lines."""
        if not self.ctx.frame.empty:
            return []
        self.wrap(width, height)
        cut = int((height + 1e-6) // self.ctx.geometry.line_pitch)
        if cut < 1 or cut >= len(self.lines):
            return []
        parts: list[Box] = []
        for lines, numbered in ((self.lines[:cut], False), (self.lines[cut:], self.numbered)):
            part = TocRow(self.entry, self.ctx)
            part.fixed, part.numbered = lines, numbered
            parts.append(part)
        return parts

    @property
    def indent(self) -> float:
        """Left indent: one em per level below the top."""
        return float(self.entry.level * self.size)

    def draw(self, out: list[Item], x: float, y: float) -> None:
        """Text lines, then the leaders and number on the last baseline; the entry links to the heading."""
        pitch, size = self.ctx.geometry.line_pitch, self.size
        base = y
        for k, line in enumerate(self.lines):
            base = y + self.height - (k + 1) * pitch + (pitch - size) / 2 + 0.12 * size
            out.append(text.run(self.glyphs, line, x + self.indent + size, base))
        last = self.lines[-1]
        end = self.indent + size + (last.xs[0] if last.xs else 0.0) + last.width
        if self.numbered:
            out.append(cast(Item, PendingNumber(self.entry.key, x, base, end + size * 0.25, self.width)))
        out.append(Link(x, y, x + self.width, y + self.height, self.entry.key))


class TocBox(Box):
    """The contents rows, handed to the page flow one by one when they do not fit on one page."""

    def __init__(self, rows: Sequence[TocRow]) -> None:
        super().__init__()
        self.rows = list(rows)

    def wrap(self, width: float, height: float) -> tuple[float, float]:
        """Height of all rows."""
        self.width = width
        self.height = sum(row.wrap(width, height)[1] for row in self.rows)
        return self.width, self.height

    def split(self, width: float, height: float) -> list[Box]:
        """The rows, which the page flow places as many as fit on each page."""
        return list(self.rows) if self.height > height else []

    def draw(self, out: list[Item], x: float, y: float) -> None:
        """Every row, top to bottom."""
        top = y + self.height
        for row in self.rows:
            top -= row.height
            row.draw(out, x, top)


class TocPlaceholder(Box):
    """The contents block before the story knows its entries (`story` replaces it)."""

    def __init__(self, levels: int) -> None:
        super().__init__()
        self.levels = levels


@to_boxes.register
def _toc(block: doc.TableOfContents, ctx: LayoutContext) -> list[Box]:
    style = StyleSheet.of(ctx.geometry).para("title").with_(space_after=ctx.geometry.line_pitch)
    return [styled((doc.Run(block.title),), style, ctx.fonts), TocPlaceholder(block.levels)]



def filled(page: Page, numbers: PageNumbers) -> Page:
    """`page` with its contents rows' leaders and page numbers in place."""
    if not any(isinstance(i, PendingNumber) for i in page.items):
        return page
    items: list[Item] = []
    for item in page.items:
        if isinstance(item, PendingNumber):
            items += numbers.fill(item)
        else:
            items.append(item)
    return attrs.evolve(page, items=tuple(items))
