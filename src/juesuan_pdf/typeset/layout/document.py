"""Document layout: doc blocks → boxes → pages, with headings, outline marks, floating figures, the cover and
the table of contents.

Page orientation follows the blocks: `doc.PageBreak(orientation=…)` switches it, and a landscape
`doc.Table` gets landscape pages of its own. The contents come first but their page numbers are known only
once the headings have landed: the contents rows reserve room for three figures, so their size never
depends on the numbers, and the numbers (with their dot leaders) are filled in after the last page.
"""

from __future__ import annotations

import collections
from collections.abc import Iterable, Iterator, Sequence
from typing import cast

import attrs

from juesuan_pdf import doc
from juesuan_pdf.errors import BuildError
from juesuan_pdf.typeset import linebreak as lb
from juesuan_pdf.typeset.geometry import COVER, LANDSCAPE, PORTRAIT, Block, Geometry
from juesuan_pdf.typeset.layout import text
from juesuan_pdf.typeset.layout.boxes import Action, Box, FrameBreak, FrameState, KeepTogether, PageBreak, Spacer
from juesuan_pdf.typeset.layout.dispatch import LayoutContext, to_boxes
from juesuan_pdf.typeset.layout.figures import DeferFigure, Figure, FlushFigures
from juesuan_pdf.typeset.layout.flow import Paginator, Template
from juesuan_pdf.typeset.layout.frames import Anchor, GlyphRun, Item, Link, OutlineMark, Page
from juesuan_pdf.typeset.layout.paragraph import TextBox, make_text, styled
from juesuan_pdf.typeset.styles import StyleSheet, TextStyle

# ---------------------------------------------------------------------------------------------------------
# Headings


class HeadingBox(Box):
    """A heading's text that also marks an outline destination and a contents entry.

    It never splits (a heading moves to the next page whole), and `group_headings` keeps it with the start
    of what follows so no page ends with a heading.
    """

    def __init__(
        self, inner: Box, level: int, key: str, toc_text: str, *, outline: bool, toc: bool, frame: FrameState
    ) -> None:
        super().__init__()
        self.inner = inner
        self.frame = frame
        self.level = level
        self.key = key
        self.toc_text = toc_text
        self.outline = outline
        self.toc = toc

    def wrap(self, width: float, height: float) -> tuple[float, float]:
        """The inner text's size."""
        self.width, self.height = self.inner.wrap(width, height)
        return self.width, self.height

    def split(self, width: float, height: float) -> list[Box]:
        """A heading moves to the next page whole; only one taller than an empty page splits like text.

        The first piece keeps the destination and the outline and contents entries.
        """
        if not self.frame.empty:
            return []
        pieces = self.inner.split(width, height)
        if len(pieces) != 2:
            return []
        first = HeadingBox(
            pieces[0], self.level, self.key, self.toc_text, outline=self.outline, toc=self.toc, frame=self.frame
        )
        first.space_before = self.space_before
        rest = pieces[1]
        rest.space_after, rest.keep_with_next = self.space_after, False
        return [first, rest]

    def draw(self, out: list[Item], x: float, y: float) -> None:
        """The text, and the destination at its top edge."""
        self.inner.draw(out, x, y)
        out.append(Anchor(self.key, x, y + self.height))


class BookmarkBox(Box):
    """An invisible outline destination (for a table with a bookmark of its own), grouped like a heading."""

    def __init__(self, level: int, key: str, label: str) -> None:
        super().__init__()
        self.level = level
        self.key = key
        self.toc_text = label
        self.outline = True
        # Contents rows exist only for entries within the contents' depth; a page number for a key
        # without a row is simply never written, so every bookmark may report where it landed.
        self.toc = True

    def draw(self, out: list[Item], x: float, y: float) -> None:
        """The destination here."""
        out.append(Anchor(self.key, x, y))


Marker = HeadingBox | BookmarkBox


@to_boxes.register
def _heading(block: doc.Heading, ctx: LayoutContext) -> list[Box]:
    # The style sheet picks the look by level (GB/T 9704: 一、 黑体, （一） 楷体, 1. and （1） body face);
    # a centred heading is a title line (an annex report's title), set like a subtitle, not indented.
    sheet = StyleSheet.of(ctx.geometry)
    style = sheet.para("subtitle") if block.centered else sheet.heading(block.level)
    inner = styled((doc.Run(block.text),), style, ctx.fonts)
    label = doc.entry_label(block.text)
    heading = HeadingBox(inner, block.level, block.key, label, outline=block.outline, toc=block.toc, frame=ctx.frame)
    heading.space_before, heading.space_after = style.space_before, style.space_after
    out: list[Box] = [heading]
    if block.page_break_before:
        out.insert(0, PageBreak())
    return out


class HeadingGroup(Box):
    """Headings (and bookmarks) glued to the start of what follows them, so no page ends with a heading.

    The group only needs the headings plus the first piece the follower can split off (two lines of a
    paragraph, the first rows of a table), not the whole follower: it draws whole when everything fits,
    splits into its parts when the start fits, and moves to the next page otherwise.
    """

    def __init__(self, markers: Sequence[Marker], follower: Box, frame: FrameState) -> None:
        super().__init__()
        self.frame = frame
        self.markers = list(markers)
        self.follower = follower
        self._heights: list[float] = []
        self.space_before = self.markers[0].space_before
        self.space_after = follower.space_after

    def _children(self) -> list[Box]:
        return [*self.markers, self.follower]

    def wrap(self, width: float, height: float) -> tuple[float, float]:
        """The stacked height of the headings and the whole follower, spaces between them included."""
        self.width = width
        children = self._children()
        self._heights = [c.wrap(width, height)[1] for c in children]
        spaces = sum(c.space_before + c.space_after for c in children)
        self.height = sum(self._heights) + spaces - children[0].space_before - self.follower.space_after
        return self.width, self.height

    def split(self, width: float, height: float) -> list[Box]:
        """Headings plus the follower's first piece when they fit; nothing (next page) otherwise."""
        room = height
        for i, m in enumerate(self.markers):
            room -= m.wrap(width, room)[1] + m.space_after + (m.space_before if i else 0)
        room -= self.follower.space_before
        pieces = self.follower.split(width, room) if room > 0 else []
        if _first_piece_fits(pieces, width, room) or self.frame.empty:
            return [*self.markers, *(pieces or [self.follower])]
        return []

    def draw(self, out: list[Item], x: float, y: float) -> None:
        """Stack the children from the top."""
        top = y + self.height
        for i, (c, h) in enumerate(zip(self._children(), self._heights, strict=True)):
            top -= (c.space_before if i else 0) + h
            c.draw(out, x, top)
            top -= c.space_after


def _first_piece_fits(pieces: Sequence[Box], width: float, room: float) -> bool:
    """Whether a split gave a real first piece that fits in `room` (not a page-break action)."""
    if not pieces or isinstance(pieces[0], Action):
        return False
    return bool(pieces[0].wrap(width, room)[1] <= room + 1e-6)


def group_headings(boxes: Sequence[Box], frame: FrameState) -> list[Box]:
    """The story with every run of heading and bookmark boxes grouped with the box after it."""
    out: list[Box] = []
    run: list[Marker] = []
    for b in boxes:
        if isinstance(b, HeadingBox | BookmarkBox):
            run.append(b)
        elif run and not isinstance(b, Action):
            out.append(HeadingGroup(run, b, frame))
            run = []
        else:
            out.extend(run)
            out.append(b)
            run = []
    out.extend(run)
    return out


def may_pass_figure(box: Box) -> bool:
    """Whether a deferred figure may let `box` go first: body text, and headings (level 1 and below) with
    the body text they are kept with, as figures float in books; never a table, another figure, a part
    title or a page break."""
    if isinstance(box, HeadingGroup):
        return all(isinstance(m, HeadingBox) and m.level >= 1 for m in box.markers) and may_pass_figure(box.follower)
    if isinstance(box, HeadingBox):
        return box.level >= 1
    return isinstance(box, TextBox) and box.style.role == "body"


# ---------------------------------------------------------------------------------------------------------
# Plain blocks


@to_boxes.register
def _para(block: doc.Para, ctx: LayoutContext) -> list[Box]:
    return [make_text(block.runs, block.style, ctx)]


@to_boxes.register
def _page_break(block: doc.PageBreak, ctx: LayoutContext) -> list[Box]:
    if block.orientation is None:
        return [PageBreak()]
    return [PageBreak(LANDSCAPE if block.orientation == "landscape" else PORTRAIT)]


@to_boxes.register
def _spacer(block: doc.Spacer, ctx: LayoutContext) -> list[Box]:
    return [Spacer(block.lines * ctx.geometry.line_pitch)]


@to_boxes.register
def _keep_together(block: doc.KeepTogether, ctx: LayoutContext) -> list[Box]:
    return [KeepTogether([b for inner in block.blocks for b in to_boxes(inner, ctx)], ctx.frame)]


# ---------------------------------------------------------------------------------------------------------
# Cover


class CoverBox(Box):
    """A whole cover page: title lines in the upper third, the lower lines in the lower quarter.

    A title too long for the upper third (a long department name) starts higher, so it never runs into the
    lower lines; a cover that cannot hold its lines at all is refused rather than drawn off the page.
    """

    def __init__(self, title: Sequence[TextBox], lower: Sequence[TextBox]) -> None:
        super().__init__()
        self.title = list(title)
        self.lower = list(lower)
        self._top = 0.0

    def wrap(self, width: float, height: float) -> tuple[float, float]:
        """Takes the whole frame."""
        self.width, self.height = width, height
        title = sum(b.wrap(width, height)[1] for b in self.title)
        lower = height * 0.1 + sum(b.wrap(width, height)[1] for b in self.lower)
        if title + lower > height + 1e-6:
            words = "".join(b.text for b in self.title)
            raise BuildError(f"封面文字太长，一页排不下：“{_excerpt(words)}”（{len(words)} 字），请缩短。")
        self._top = min(height, max(height * 2 / 3, lower + title))
        return width, height

    def draw(self, out: list[Item], x: float, y: float) -> None:
        """Stack the title lines from a third down, and the lower lines ending a tenth from the bottom."""
        top = y + self._top
        for b in self.title:
            _, h = b.wrap(self.width, self.height)
            top -= h
            b.draw(out, x, top)
        heights = [b.wrap(self.width, self.height)[1] for b in self.lower]
        top = y + self.height * 0.1 + sum(heights)
        for b, h in zip(self.lower, heights, strict=True):
            top -= h
            b.draw(out, x, top)


def _excerpt(words: str, length: int = 24) -> str:
    """The start of a long text, for a message."""
    return words if len(words) <= length else words[:length] + "…"


@to_boxes.register
def _cover(block: doc.Cover, ctx: LayoutContext) -> list[Box]:
    sheet = StyleSheet.of(ctx.geometry)
    # The cover title is set a size up from document titles, on a leading that keeps lines apart.
    size = ctx.geometry.title_size * 1.2
    big = sheet.para("title").with_(size=size, leading=size * 1.6)
    title = [styled((doc.Run(t),), big, ctx.fonts) for t in block.title_lines]
    lower = [make_text((doc.Run(t),), "center", ctx) for t in block.lower_lines]
    return [CoverBox(title, lower)]


# ---------------------------------------------------------------------------------------------------------
# Table of contents


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


class _TocPlaceholder(Box):
    """The contents block before the story knows its entries (`story` replaces it)."""

    def __init__(self, levels: int) -> None:
        super().__init__()
        self.levels = levels


@to_boxes.register
def _toc(block: doc.TableOfContents, ctx: LayoutContext) -> list[Box]:
    style = StyleSheet.of(ctx.geometry).para("title").with_(space_after=ctx.geometry.line_pitch)
    return [styled((doc.Run(block.title),), style, ctx.fonts), _TocPlaceholder(block.levels)]


# ---------------------------------------------------------------------------------------------------------
# Pages


def page_number_position(geo: Geometry, block: Block, n: int, width: float) -> tuple[float, float]:
    """Where the page number's baseline starts: odd pages right, even pages left, one character in."""
    size = geo.page_number_size
    # The standard puts the top of the number line 7 mm below the block; digits and dashes reach
    # about 0.75 em above the baseline, so the baseline sits that much lower again.
    baseline = block.y - geo.page_number_gap - 0.75 * size
    if n % 2:
        return block.x + block.width - size - width, baseline
    return block.x + size, baseline


def templates(ctx: LayoutContext) -> list[Template]:
    """Cover (no number, then portrait), portrait and landscape pages from the geometry."""
    geo = ctx.geometry
    style = TextStyle("page_number", geo.page_number_size, geo.page_number_size)

    def numbered(block: Block) -> object:
        def furniture(n: int) -> list[Item]:
            glyphs = text.shape((doc.Run(ctx.furniture.page_number.format(n=n)),), style, ctx.fonts)
            x, y = page_number_position(geo, block, n, text.width_of(glyphs))
            return [text.solid_run(glyphs, x, y)]

        return furniture

    def frame(block: Block) -> tuple[float, float, float, float]:
        return (block.x, block.y, block.width, block.height)

    p, ls = geo.portrait, geo.landscape
    return [
        Template(COVER, p.page_width, p.page_height, frame(p), next=PORTRAIT),
        Template(PORTRAIT, p.page_width, p.page_height, frame(p), furniture=numbered(p)),  # type: ignore[arg-type]
        Template(LANDSCAPE, ls.page_width, ls.page_height, frame(ls), furniture=numbered(ls)),  # type: ignore[arg-type]
    ]


class DocumentFlow(Paginator):
    """The page flow of a document: outline marks and contents pages for headings, floating figures."""

    def __init__(self, ctx: LayoutContext, first: str, numbers: PageNumbers) -> None:
        super().__init__(templates(ctx), first, ctx.frame)
        self.numbers = numbers
        self._open_levels: list[int] = []
        self._deferred: list[Figure] = []
        self._deferred_page = 0

    def act(self, action: Action) -> None:
        """Hold a figure that does not fit on this page; `choose` puts it back."""
        if isinstance(action, DeferFigure):
            self._deferred.append(action.figure)
            self._deferred_page = self.page
        elif not isinstance(action, FlushFigures):
            super().act(action)

    def choose(self, following: Box | None) -> list[Box]:
        """Deferred figures go back in on a new page (after the paragraph running over), or before anything
        but body text."""
        if not self._deferred:
            return []
        # On the next page the figure waits for the end of the text running on (the subsection, a list
        # after "其中："), and goes before the next heading; a page later it goes first, but never inside
        # a paragraph cut at the page end.
        continues = isinstance(following, TextBox) and following.continued
        heading = isinstance(following, HeadingGroup | HeadingBox)
        pages_on = self.page - self._deferred_page
        if (
            following is None
            or not may_pass_figure(following)
            or (pages_on == 1 and heading)
            or (pages_on >= 2 and not continues)
        ):
            figures, self._deferred = self._deferred, []
            return list(figures)
        return []

    def placed(self, box: Box) -> None:
        """Headings and bookmarks become outline marks and contents page numbers."""
        if isinstance(box, HeadingGroup):
            for marker in box.markers:
                self._mark(marker)
        elif isinstance(box, HeadingBox | BookmarkBox):
            self._mark(box)

    def _mark(self, marker: Marker) -> None:
        assert self.items is not None
        if marker.outline:
            depth = outline_depth(self._open_levels, marker.level)
            self.items.append(OutlineMark(marker.toc_text, marker.key, depth, depth >= 1))
        if marker.toc:
            self.numbers.landed(marker.key, self.page)


def outline_depth(open_levels: list[int], level: int) -> int:
    """The outline depth of a heading of `level`: how many open headings above it are of a higher rank.

    `open_levels` (the levels of the entries the next one may nest under) is updated in place. A level
    skipped in the document (a 1. directly under 一、) does not make a deeper bookmark, so siblings stay
    siblings and no entry is more than one level below its parent.
    """
    while open_levels and open_levels[-1] >= level:
        open_levels.pop()
    depth = len(open_levels)
    open_levels.append(level)
    return depth


# ---------------------------------------------------------------------------------------------------------
# The story


def story(blocks: Sequence[doc.Block], ctx: LayoutContext) -> list[Box]:
    """All boxes of the document, with orientation switches, table bookmarks and contents rows put in."""
    _check_keys(blocks)
    boxes: list[Box] = []
    for part in _story_parts(blocks, ctx):
        for b in part:
            if isinstance(b, _TocPlaceholder):
                b = TocBox([TocRow(e, ctx) for e in toc_entries(blocks, b.levels)])
            boxes.append(b)
    return group_headings(merge_breaks(boxes), ctx.frame)


def merge_breaks(boxes: Sequence[Box]) -> list[Box]:
    """The story with added breaks moved before the headings they follow, and adjacent breaks made one.

    A heading directly before an added break (the switch to landscape pages for a wide table) would end
    its page, so the break goes first. A break on a page nothing has been placed on yet is skipped, but
    only the first of several, so a run of breaks becomes one; the last template named wins.
    """
    out: list[Box] = []
    for b in boxes:
        if not isinstance(b, PageBreak):
            out.append(b)
            continue
        k = len(out)
        while k and b.before_headings and isinstance(out[k - 1], HeadingBox | BookmarkBox):
            k -= 1
        before = out[k - 1] if k else None
        if isinstance(before, PageBreak):
            out[k - 1] = PageBreak(b.template or before.template, before_headings=before.before_headings)
        else:
            out.insert(k, b)
    return out


def _destination_keys(blocks: Iterable[doc.Block]) -> Iterator[str]:
    """The keys that become destinations: headings and bookmarked tables, nested blocks included."""
    for block in blocks:
        if isinstance(block, doc.KeepTogether):
            yield from _destination_keys(block.blocks)
        elif isinstance(block, doc.Heading) or (isinstance(block, doc.Table) and block.outline_text and block.key):
            yield block.key


def _check_keys(blocks: Sequence[doc.Block]) -> None:
    """Refuse duplicate destination keys: two bookmarks with one key would silently point to one place."""
    counts = collections.Counter(_destination_keys(blocks))
    duplicates = sorted(k for k, n in counts.items() if n > 1)
    if duplicates:
        raise ValueError(f"duplicate heading/table keys: {', '.join(duplicates)}")


def _story_parts(blocks: Sequence[doc.Block], ctx: LayoutContext) -> Iterator[list[Box]]:
    """Boxes block by block; landscape tables switch to landscape pages and back on their own."""
    orientation = PORTRAIT
    auto_landscape = False
    level = -1
    for i, block in enumerate(blocks):
        wants_landscape = isinstance(block, doc.Table) and block.landscape
        if isinstance(block, doc.Cover):
            yield [PageBreak(COVER)]
        elif wants_landscape and orientation != LANDSCAPE:
            yield [PageBreak(LANDSCAPE, before_headings=True)]
            orientation, auto_landscape = LANDSCAPE, True
        elif auto_landscape and not wants_landscape and not isinstance(block, doc.PageBreak):
            yield [PageBreak(PORTRAIT, before_headings=True)]
            orientation, auto_landscape = PORTRAIT, False
        if isinstance(block, doc.PageBreak) and block.orientation is not None:
            orientation, auto_landscape = block.orientation, False
        if isinstance(block, doc.Heading) and block.outline:
            level = block.level
        if isinstance(block, doc.Table) and block.outline_text:
            yield [BookmarkBox(level + 1, table_key(block, i), block.outline_text)]
        yield to_boxes(block, ctx)
        if isinstance(block, doc.Cover):
            yield [PageBreak()]


def lay_out(document: doc.Document, ctx: LayoutContext) -> list[Page]:
    """The pages of `document`: every block laid out, the contents' page numbers filled in."""
    # Page numbers are laid out with each page; check their characters now, before anything else.
    ctx.fonts.check([(ctx.furniture.page_number.format(n=1234567890), "page_number", False)])
    blocks = list(document.blocks)
    first = COVER if blocks and isinstance(blocks[0], doc.Cover) else PORTRAIT
    numbers = PageNumbers(ctx.fonts, ctx.geometry.body_size)
    pages = DocumentFlow(ctx, first, numbers).run([*story(blocks, ctx), FlushFigures()])
    return [_filled(page, numbers) for page in pages]


def _filled(page: Page, numbers: PageNumbers) -> Page:
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


__all__ = ["FrameBreak", "lay_out"]
