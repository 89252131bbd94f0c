"""Document assembly: doc blocks → flowables → one platypus layout pass with outline and contents.

This module owns the document template (`DocTemplate`), the flowables for headings, the cover and the
table of contents, and the `to_flowables` registrations of every block kind except tables (tables.py)
and charts (charts.py). Page orientation follows the blocks: `doc.PageBreak(orientation=…)` switches it,
and a landscape `doc.Table` gets landscape pages of its own.

One pass suffices because the contents' size does not depend on its page numbers: they are PDF forms
filled in when the headings land (`PageNumbers`), where platypus' TableOfContents needs two or three passes.
"""

from __future__ import annotations

import collections
import datetime as dt
import hashlib
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import cast

import attrs
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    ActionFlowable,
    BaseDocTemplate,
    Flowable,
)
from reportlab.platypus import KeepTogether as RLKeepTogether
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Spacer as RLSpacer
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from juesuan_pdf import doc
from juesuan_pdf.errors import BuildError
from juesuan_pdf.typeset import linebreak as lb
from juesuan_pdf.typeset import paragraph, pdfmeta
from juesuan_pdf.typeset.dispatch import FrameState, RenderContext, to_flowables
from juesuan_pdf.typeset.pages import COVER, LANDSCAPE, PORTRAIT, Geometry, PageNumberStyle, page_templates
from juesuan_pdf.typeset.styles import StyleSheet, TextStyle

# ---------------------------------------------------------------------------------------------------------
# Font and text access: the only places this module touches the font set and the paragraph factory.


def font_name(ctx: RenderContext, role: str, bold: bool = False) -> str:
    """The registered font name of a role."""
    return str(ctx.fonts.font_name(role, bold))


def style_sheet(geo: Geometry) -> StyleSheet:
    """The text styles of a geometry profile (`StyleSheet.of`)."""
    return StyleSheet.of(geo)


def make_text(
    runs: Sequence[doc.Run], style: doc.blocks.ParaStyle, ctx: RenderContext, size: float | None = None
) -> Flowable:
    """A paragraph flowable for `runs` set in the paragraph style `style`, optionally at another size."""
    text_style = style_sheet(ctx.geometry).para(style)
    if size is not None and size != text_style.size:
        text_style = text_style.with_(size=size, leading=StyleSheet.small_leading(size), tracking=0.0)
    return paragraph.make_text(runs, text_style, ctx.fonts)


# ---------------------------------------------------------------------------------------------------------
# Headings


class HeadingFlowable(Flowable):  # type: ignore[misc]
    """A heading's text that also marks an outline destination and a contents entry.

    `afterFlowable` recognises it by type; it never splits (a heading moves to the next page whole),
    and `group_headings` keeps it with the start of what follows so no page ends with a heading.
    """

    def __init__(
        self, inner: Flowable, level: int, key: str, toc_text: str, *, outline: bool, toc: bool, frame: FrameState
    ) -> None:
        super().__init__()
        self.inner = inner
        self.frame = frame
        self.level = level
        self.key = key
        self.toc_text = toc_text
        self.outline = outline
        self.toc = toc
        # HeadingGroup keeps it with what follows; platypus' keepWithNext would keep the whole follower.
        self.keepWithNext = False

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """The inner text's size."""
        self.width, self.height = self.inner.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """A heading moves to the next page whole; only one taller than an empty page splits like text.

        The first piece keeps the destination and the outline and contents entries.
        """
        if not self.frame.empty:
            return []
        pieces = self.inner.split(avail_width, avail_height)
        if len(pieces) != 2:
            return []
        first = HeadingFlowable(
            pieces[0], self.level, self.key, self.toc_text, outline=self.outline, toc=self.toc, frame=self.frame
        )
        first.spaceBefore = self.spaceBefore
        rest = pieces[1]
        rest.spaceAfter, rest.keepWithNext = self.spaceAfter, False
        return [first, rest]

    def draw(self) -> None:
        """Draw the text and register the destination at its top edge."""
        self.inner.drawOn(self.canv, 0, 0)
        self.canv.bookmarkHorizontal(self.key, 0, self.height)


class BookmarkFlowable(Flowable):  # type: ignore[misc]
    """An invisible outline destination (for a table with a bookmark of its own), grouped like a heading."""

    def __init__(self, level: int, key: str, text: str) -> None:
        super().__init__()
        self.level = level
        self.key = key
        self.toc_text = text
        self.outline = True
        # Contents rows exist only for entries within the contents' depth; a page number for a key
        # without a row is simply never written, so every bookmark may report where it landed.
        self.toc = True
        # HeadingGroup keeps it with what follows; platypus' keepWithNext would keep the whole follower.
        self.keepWithNext = False

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Takes no room."""
        return 0, 0

    def draw(self) -> None:
        """Register the destination here."""
        self.canv.bookmarkHorizontal(self.key, 0, 0)


Marker = HeadingFlowable | BookmarkFlowable


@to_flowables.register
def _heading(block: doc.Heading, ctx: RenderContext) -> list[Flowable]:
    # The style sheet picks the look by level (GB/T 9704: 一、 黑体, （一） 楷体, 1. and （1） body face);
    # a centred heading is a title line (an annex report's title), set like a subtitle, not indented.
    sheet = style_sheet(ctx.geometry)
    style = sheet.para("subtitle") if block.centered else sheet.heading(block.level)
    inner = paragraph.make_text((doc.Run(block.text),), style, ctx.fonts)
    heading = HeadingFlowable(
        inner,
        block.level,
        block.key,
        doc.entry_label(block.text),
        outline=block.outline,
        toc=block.toc,
        frame=ctx.frame,
    )
    heading.spaceBefore, heading.spaceAfter = style.space_before, style.space_after
    out: list[Flowable] = [heading]
    if block.page_break_before:
        out.insert(0, new_page())
    return out


class HeadingGroup(Flowable):  # type: ignore[misc]
    """Headings (and bookmarks) glued to the start of what follows them, so no page ends with a heading.

    Unlike platypus' keepWithNext, which keeps the headings with the *whole* next flowable (a long
    paragraph or table then jumps to the next page and leaves a gap), the group only needs the
    headings plus the first piece the follower can split off (two lines of a paragraph, the first rows
    of a table). It draws whole when everything fits, splits into its parts when the start fits, and
    moves to the next page otherwise.
    """

    def __init__(self, markers: Sequence[Marker], follower: Flowable, frame: FrameState) -> None:
        super().__init__()
        self.frame = frame
        self.markers = list(markers)
        self.follower = follower
        self._heights: list[float] = []

    def _children(self) -> list[Flowable]:
        return [*self.markers, self.follower]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """The stacked height of the headings and the whole follower, spaces between them included."""
        self.width = avail_width
        # wrapOn lends each child the canvas (platypus lends it only to the group), which some need.
        self._heights = [f.wrapOn(self.canv, avail_width, avail_height)[1] for f in self._children()]
        spaces = sum(f.getSpaceBefore() + f.getSpaceAfter() for f in self._children())
        self.height = sum(self._heights) + spaces - self._children()[0].getSpaceBefore()
        self.height -= self.follower.getSpaceAfter()
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        """The first heading's space before."""
        return float(self.markers[0].getSpaceBefore())

    def getSpaceAfter(self) -> float:
        """The follower's space after."""
        return float(self.follower.getSpaceAfter())

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Headings plus the follower's first piece when they fit; nothing (next page) otherwise."""
        room = avail_height
        for i, f in enumerate(self.markers):
            room -= f.wrapOn(self.canv, avail_width, room)[1] + f.getSpaceAfter() + (f.getSpaceBefore() if i else 0)
        room -= self.follower.getSpaceBefore()
        pieces = self.follower.splitOn(self.canv, avail_width, room) if room > 0 else []
        if _first_piece_fits(pieces, self.canv, avail_width, room) or self.frame.empty:
            return [*self.markers, *(pieces or [self.follower])]
        return []

    def draw(self) -> None:
        """Stack the children from the top."""
        y = self.height
        for i, (f, h) in enumerate(zip(self._children(), self._heights, strict=True)):
            y -= (f.getSpaceBefore() if i else 0) + h
            f.drawOn(self.canv, 0, y)
            y -= f.getSpaceAfter()


def _first_piece_fits(pieces: Sequence[Flowable], canv: Canvas, width: float, room: float) -> bool:
    """Whether a split gave a real first piece that fits in `room` (not a page-break action)."""
    if not pieces or isinstance(pieces[0], ActionFlowable | RLPageBreak):
        return False
    return bool(pieces[0].wrapOn(canv, width, room)[1] <= room + 1e-6)


def group_headings(flowables: Sequence[Flowable], frame: FrameState) -> list[Flowable]:
    """The story with every run of heading and bookmark flowables grouped with the flowable after it."""
    out: list[Flowable] = []
    run: list[Marker] = []
    for f in flowables:
        if isinstance(f, HeadingFlowable | BookmarkFlowable):
            run.append(f)
        elif run and not isinstance(f, ActionFlowable | RLPageBreak):
            out.append(HeadingGroup(run, f, frame))
            run = []
        else:
            out.extend(run)
            out.append(f)
            run = []
    out.extend(run)
    return out


# ---------------------------------------------------------------------------------------------------------
# Plain blocks


def new_page(template: str | None = None, *, before_headings: bool = False) -> Flowable:
    """Start a new page (with another page template, if given) unless the current page is still empty.

    Breaks come from several places (a part heading, an orientation switch, a landscape table, the
    cover); where two meet, or the document starts with one, an empty page would otherwise be printed.
    On an empty page the template switch still applies, to that page. `before_headings` lets
    `merge_breaks` move the break before the headings just above it (for breaks the typesetter adds
    itself, like the switch to landscape pages for a wide table, which must not strand its heading).
    """
    brk = PageBreakIfNotEmpty(template)
    brk.before_headings = before_headings
    return brk


@to_flowables.register
def _para(block: doc.Para, ctx: RenderContext) -> list[Flowable]:
    return [make_text(block.runs, block.style, ctx)]


@to_flowables.register
def _page_break(block: doc.PageBreak, ctx: RenderContext) -> list[Flowable]:
    if block.orientation is None:
        return [new_page()]
    return [new_page(LANDSCAPE if block.orientation == "landscape" else PORTRAIT)]


@to_flowables.register
def _spacer(block: doc.Spacer, ctx: RenderContext) -> list[Flowable]:
    return [RLSpacer(0, block.lines * ctx.geometry.line_pitch)]


@to_flowables.register
def _keep_together(block: doc.KeepTogether, ctx: RenderContext) -> list[Flowable]:
    inner = [f for b in block.blocks for f in to_flowables(b, ctx)]
    return [RLKeepTogether(inner)]


# ---------------------------------------------------------------------------------------------------------
# Figures


class Figure(RLKeepTogether):  # type: ignore[misc]
    """A chart with its caption, kept together, that may float past the paragraphs after it.

    A figure too tall for the room left on a page used to move to the next page and leave that room
    blank (a third of a page). Instead it is deferred once (`DeferFigure`): the text after it (body
    paragraphs and the headings above them, `may_pass_figure`) fills the page, and the document template
    puts the figure on the next page where the text running on ends (before the next heading), at the
    latest at the top of the page after, and earlier when anything else comes (a table, another figure, a
    part title, a page break): a figure never leaves its part and never cuts a paragraph.
    """

    def __init__(self, content: Sequence[Flowable]) -> None:
        super().__init__(list(content))
        self.parts = list(content)
        self.may_float = True

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Defer once when it does not fit; after that, move to the next page whole as before.

        (platypus asks a KeepTogether to split even when it fits, so the height decides.)
        """
        if self.may_float and self._height(avail_width, avail_height) > avail_height + 1e-6:
            self.may_float = False
            return [DeferFigure(self)]
        return list(super().split(avail_width, avail_height))

    def _height(self, avail_width: float, avail_height: float) -> float:
        """The parts stacked, with the spaces between them."""
        total = 0.0
        for i, part in enumerate(self.parts):
            total += part.wrapOn(self.canv, avail_width, avail_height)[1]
            total += (part.getSpaceBefore() if i else 0.0) + (part.getSpaceAfter() if i < len(self.parts) - 1 else 0.0)
        return total


class DeferFigure(ActionFlowable):  # type: ignore[misc]
    """Hands a figure that does not fit here to the document template, which places it later."""

    def __init__(self, figure: Figure) -> None:
        super().__init__()
        self.figure = figure

    def apply(self, template: BaseDocTemplate) -> None:
        """Let the template hold the figure (only our DocTemplate knows how)."""
        template.defer(self.figure)


class FlushFigures(ActionFlowable):  # type: ignore[misc]
    """The story's end: a figure still deferred there is placed before it (it is no body paragraph)."""

    def apply(self, template: BaseDocTemplate) -> None:
        """Nothing to do: `DocTemplate.filterFlowables` has put the figures back already."""


def may_pass_figure(flowable: Flowable) -> bool:
    """Whether a deferred figure may let `flowable` go first: body text, and headings (level 1 and below)
    with the body text they are kept with, as figures float in books; never a table, another figure, a
    part title or a page break."""
    if isinstance(flowable, HeadingGroup):
        return all(isinstance(m, HeadingFlowable) and m.level >= 1 for m in flowable.markers) and may_pass_figure(
            flowable.follower
        )
    if isinstance(flowable, HeadingFlowable):
        return flowable.level >= 1
    return isinstance(flowable, paragraph.TextFlowable) and flowable.style.role == "body"


# ---------------------------------------------------------------------------------------------------------
# Cover


class CoverFlowable(Flowable):  # type: ignore[misc]
    """A whole cover page: title lines in the upper third, the lower lines in the lower quarter.

    A title too long for the upper third (a long department name) starts higher, so it never runs into the
    lower lines; a cover that cannot hold its lines at all is refused rather than drawn off the page.
    """

    def __init__(self, title: Sequence[Flowable], lower: Sequence[Flowable]) -> None:
        super().__init__()
        self.title = list(title)
        self.lower = list(lower)
        self._top = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Takes the whole frame."""
        self.width, self.height = avail_width, avail_height
        title = sum(f.wrap(avail_width, avail_height)[1] for f in self.title)
        lower = avail_height * 0.1 + sum(f.wrap(avail_width, avail_height)[1] for f in self.lower)
        if title + lower > avail_height + 1e-6:
            text = "".join(getattr(f, "text", "") for f in self.title)
            raise BuildError(f"封面文字太长，一页排不下：“{_excerpt(text)}”（{len(text)} 字），请缩短。")
        self._top = min(avail_height, max(avail_height * 2 / 3, lower + title))
        return avail_width, avail_height

    def draw(self) -> None:
        """Stack the title lines from a third down, and the lower lines ending a tenth from the bottom."""
        y = self._top
        for f in self.title:
            _, h = f.wrap(self.width, self.height)
            y -= h
            f.drawOn(self.canv, 0, y)
        heights = [f.wrap(self.width, self.height)[1] for f in self.lower]
        y = self.height * 0.1 + sum(heights)
        for f, h in zip(self.lower, heights, strict=True):
            y -= h
            f.drawOn(self.canv, 0, y)


def _excerpt(text: str, length: int = 24) -> str:
    """The start of a long text, for a message."""
    return text if len(text) <= length else text[:length] + "…"


@to_flowables.register
def _cover(block: doc.Cover, ctx: RenderContext) -> list[Flowable]:
    sheet = style_sheet(ctx.geometry)
    # The cover title is set a size up from document titles, on a leading that keeps lines apart.
    size = ctx.geometry.title_size * 1.2
    big = sheet.para("title").with_(size=size, leading=size * 1.6)
    title = [paragraph.make_text((doc.Run(t),), big, ctx.fonts) for t in block.title_lines]
    lower = [make_text((doc.Run(t),), "center", ctx) for t in block.lower_lines]
    return [CoverFlowable(title, lower)]


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


class PageNumbers:
    """The contents' page numbers, written once the headings have landed: one pass instead of several.

    Each contents row places a PDF form XObject where its leaders and page number go; the form's content
    is written as soon as both the row's geometry and the heading's page are known (reportlab resolves
    form references when the file is saved). The contents' height never depends on the numbers (rows
    reserve room for three figures), so one layout pass gives the final pages.
    """

    def __init__(self, font: str, size: float) -> None:
        self.font = font
        self.size = size
        self.rows: dict[str, tuple[float, float]] = {}
        self.pages: dict[str, int] = {}
        self.written: set[str] = set()

    @staticmethod
    def form_name(key: str) -> str:
        """A form name safe for any heading key (PDF names cannot hold every character)."""
        return "toc" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def place(self, canv: Canvas, key: str, start: float, right: float) -> None:
        """Use the entry's form at the current origin (the row's left end, on its last baseline)."""
        canv.doForm(self.form_name(key))
        self.rows[key] = (start, right)
        self._write(canv, key)

    def landed(self, canv: Canvas, key: str, page: int) -> None:
        """Record the page a heading landed on."""
        self.pages.setdefault(key, page)
        self._write(canv, key)

    def _write(self, canv: Canvas, key: str) -> None:
        """Define the entry's form (leaders from the text's end, the number flush right) once both are known."""
        if key in self.written or key not in self.rows or key not in self.pages:
            return
        start, right = self.rows[key]
        number = str(self.pages[key])
        width = stringWidth(number, self.font, self.size)
        canv.beginForm(self.form_name(key), 0, -self.size, right + self.size, 2 * self.size)
        _leaders(canv, self.font, self.size, start, right - width - self.size * 0.25, 0)
        canv.setFont(self.font, self.size)
        canv.drawRightString(right, 0, number)
        canv.endForm()
        self.written.add(key)


class TocRow(Flowable):  # type: ignore[misc]
    """One contents entry: the heading text indented by level, dot leaders from its last line to the page
    number, which stands flush right on that line. A long entry wraps: its lines but the last are
    justified and the lines after the first hang one em further in, so the entry reads as one block."""

    def __init__(self, entry: TocEntry, ctx: RenderContext, numbers: PageNumbers) -> None:
        super().__init__()
        self.entry = entry
        self.ctx = ctx
        self.numbers = numbers
        self.role = "heading1" if entry.level == 0 else "body"
        self.size = ctx.geometry.body_size
        # Shaped like any paragraph (fallback faces, joined dashes), drawn by `paragraph.draw_line`.
        style = TextStyle(self.role, self.size, ctx.geometry.line_pitch)
        self.glyphs = paragraph.shape((doc.Run(entry.text),), style, ctx.fonts)
        self.lines: list[lb.Line] = []
        # A row taller than a page is split between lines (`split`): the parts keep their lines, and only
        # the last carries the leaders and the page number.
        self.fixed: list[lb.Line] | None = None
        self.numbered = True

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """One grid line per line of text."""
        self.width = avail_width
        if self.fixed is not None:
            self.lines = self.fixed
            self.height = len(self.lines) * self.ctx.geometry.line_pitch
            return self.width, self.height
        items = [lb.Item(g.char, g.advance + g.kern, g.size) for g in self.glyphs]
        # Room for the number column (3 figures) and a gap of leaders on the last line; a negative first
        # indent gives the first line the hang back.
        measure = avail_width - self.indent - 3 * self.size
        params = lb.Params(measure - self.size, first_indent=-self.size, align="justify")
        self.lines = lb.break_lines(items, params) or [lb.Line(0, 0, (0.0,), 0.0, True)]
        last = self.lines[-1]
        if len(self.lines) > 1 and last.end - last.start <= 2:
            # A last line of one or two characters looks lost: give it a few more from the line above.
            narrower = lb.Params(measure - 4 * self.size, first_indent=-self.size, align="justify")
            self.lines = lb.break_lines(items, narrower)
        self.height = len(self.lines) * self.ctx.geometry.line_pitch
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """A row moves to the next page whole; only one taller than an empty page is cut between lines."""
        if not self.ctx.frame.empty:
            return []
        self.wrap(avail_width, avail_height)
        cut = int((avail_height + 1e-6) // self.ctx.geometry.line_pitch)
        if cut < 1 or cut >= len(self.lines):
            return []
        parts = []
        for lines, numbered in ((self.lines[:cut], False), (self.lines[cut:], self.numbered)):
            part = TocRow(self.entry, self.ctx, self.numbers)
            part.fixed, part.numbered = lines, numbered
            parts.append(part)
        return parts

    @property
    def indent(self) -> float:
        """Left indent: one em per level below the top."""
        return float(self.entry.level * self.size)

    def draw(self) -> None:
        """Text lines, then the leaders-and-number form on the last baseline; the entry links to the heading."""
        canv, pitch, size = self.canv, self.ctx.geometry.line_pitch, self.size
        y = 0.0
        for k, line in enumerate(self.lines):
            y = self.height - (k + 1) * pitch + (pitch - size) / 2 + 0.12 * size
            paragraph.draw_line(canv, self.glyphs, line, self.indent + size, y)
        last = self.lines[-1]
        end = self.indent + size + (last.xs[0] if last.xs else 0.0) + last.width
        if self.numbered:
            canv.saveState()
            canv.translate(0, y)
            self.numbers.place(canv, self.entry.key, end + size * 0.25, self.width)
            canv.restoreState()
        canv.linkRect("", self.entry.key, (0, 0, self.width, self.height), relative=1, Border="[0 0 0]")


def _leaders(canv: Canvas, font: str, size: float, x0: float, x1: float, y: float) -> None:
    """Dot leaders between x0 and x1: one run of '.' glyphs spaced to a fixed pitch, so the dots of all
    lines align and the entry, its leaders and its number read as one line ("说明……21") when extracted."""
    pitch = size / 2
    dot = canv.stringWidth(".", font, size)
    start = (int(x0 / pitch) + 1) * pitch
    count = int((x1 - start - dot) / pitch) + 1
    if count <= 0:
        return
    # Character spacing is graphics state and outlives the text object: keep it from leaking.
    canv.saveState()
    text = canv.beginText(start, y)
    text.setFont(font, size)
    text.setCharSpace(pitch - dot)
    text.textOut("." * count)
    canv.drawText(text)
    canv.restoreState()


class TocFlowable(Flowable):  # type: ignore[misc]
    """The contents rows; `bind` gives it the document's entries and the page-number forms before layout."""

    def __init__(self, ctx: RenderContext, levels: int) -> None:
        super().__init__()
        self.ctx = ctx
        self.levels = levels
        self._rows: list[TocRow] = []

    def bind(self, blocks: Iterable[doc.Block], numbers: PageNumbers) -> None:
        """Make the rows for the headings of `blocks`."""
        self._rows = [TocRow(e, self.ctx, numbers) for e in toc_entries(blocks, self.levels)]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Height of all rows."""
        self.width = avail_width
        self.height = sum(row.wrap(avail_width, avail_height)[1] for row in self._rows)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Hand the rows to the frame, which places as many as fit on each page."""
        return list(self._rows) if self.height > avail_height else []

    def draw(self) -> None:
        """Draw every row, top to bottom."""
        top = self.height
        for row in self._rows:
            top -= row.height
            row.drawOn(self.canv, 0, top)


@to_flowables.register
def _toc(block: doc.TableOfContents, ctx: RenderContext) -> list[Flowable]:
    style = style_sheet(ctx.geometry).para("title").with_(space_after=ctx.geometry.line_pitch)
    title = paragraph.make_text((doc.Run(block.title),), style, ctx.fonts)
    return [title, TocFlowable(ctx, block.levels)]


# ---------------------------------------------------------------------------------------------------------
# The document template


class DocTemplate(BaseDocTemplate):  # type: ignore[misc]
    """Cover, portrait and landscape pages; outline and contents entries from heading flowables."""

    def __init__(
        self,
        buffer: io.BytesIO,
        ctx: RenderContext,
        metadata: doc.Metadata,
        *,
        created: dt.datetime | None = None,
        first_cover: bool = False,
    ) -> None:
        self.ctx = ctx
        number_style = TextStyle("page_number", ctx.geometry.page_number_size, ctx.geometry.page_number_size)
        numbers = PageNumberStyle(
            ctx.furniture.page_number,
            lambda text: paragraph.shape((doc.Run(text),), number_style, ctx.fonts),
            ctx.geometry,
        )
        super().__init__(
            buffer,
            pagesize=(ctx.geometry.portrait.page_width, ctx.geometry.portrait.page_height),
            pageTemplates=page_templates(numbers, first_cover=first_cover),
            initialFontName=font_name(ctx, "body"),
            initialFontSize=ctx.geometry.body_size,
            **pdfmeta.doc_template_kwargs(metadata),
        )
        self._date = pdfmeta.date_formatter(pdfmeta.creation_date(metadata, created))
        self._open_levels: list[int] = []
        self._deferred: list[Figure] = []
        self._deferred_page = 0
        self.numbers = PageNumbers(font_name(ctx, "body"), ctx.geometry.body_size)
        # Page numbers are drawn while laying out; check their characters now, before anything is laid out.
        ctx.fonts.check([(ctx.furniture.page_number.format(n=1234567890), "page_number", False)])

    def beforeDocument(self) -> None:
        """Each pass starts a fresh outline and fixes the file dates."""
        self._open_levels = []
        self.canv.setDateFormatter(self._date)
        self.canv.showOutline()

    def handle_frameBegin(self, resume: int = 0, pageTopFlowables: object = None) -> None:
        """A new frame is empty until something with height is placed in it (`afterFlowable`)."""
        super().handle_frameBegin(resume, pageTopFlowables)
        self.ctx.frame.empty = True

    def defer(self, figure: Figure) -> None:
        """Hold a figure that does not fit on this page; `filterFlowables` puts it back."""
        self._deferred.append(figure)
        self._deferred_page = self.page

    def filterFlowables(self, flowables: list[Flowable]) -> None:
        """Put deferred figures back at the front on a new page (after the paragraph running over), or before
        anything but body text."""
        if getattr(self, "frame", None) is None:
            return  # platypus' own page-begin actions, run before the new page has a frame
        if not self._deferred:
            return
        first = flowables[0] if flowables else None
        # On the next page the figure waits for the end of the text running on (the subsection, a list
        # after "其中：") and goes before the next heading; a page later it goes first, but never inside
        # a paragraph cut at the page end.
        continues = isinstance(first, paragraph.TextFlowable) and first.continued
        heading = isinstance(first, HeadingGroup | HeadingFlowable)
        pages_on = self.page - self._deferred_page
        if (
            first is None
            or not may_pass_figure(first)
            or (pages_on == 1 and heading)
            or (pages_on >= 2 and not continues)
        ):
            flowables[0:0] = self._deferred
            self._deferred = []

    def afterFlowable(self, flowable: Flowable) -> None:
        """Headings and bookmarks become outline entries; headings also become contents entries."""
        if not isinstance(flowable, ActionFlowable) and getattr(flowable, "height", 0) > 0:
            self.ctx.frame.empty = False
        if isinstance(flowable, HeadingGroup):
            for marker in flowable.markers:
                self._mark(marker)
        elif isinstance(flowable, HeadingFlowable | BookmarkFlowable):
            self._mark(flowable)

    def _mark(self, flowable: Marker) -> None:
        """The outline and contents entries of one heading or bookmark on the current page."""
        if flowable.outline:
            depth = outline_depth(self._open_levels, flowable.level)
            self.canv.addOutlineEntry(flowable.toc_text, flowable.key, level=depth, closed=depth >= 1)
        if flowable.toc:
            self.numbers.landed(self.canv, flowable.key, self.page)


def outline_depth(open_levels: list[int], level: int) -> int:
    """The outline depth of a heading of `level`: how many open headings above it are of a higher rank.

    `open_levels` (the levels of the entries the next one may nest under) is updated in place. A level
    skipped in the document (a 1. directly under 一、) does not make a deeper bookmark, so siblings stay
    siblings and reportlab never sees an entry more than one level below its parent.
    """
    while open_levels and open_levels[-1] >= level:
        open_levels.pop()
    depth = len(open_levels)
    open_levels.append(level)
    return depth


# ---------------------------------------------------------------------------------------------------------
# The story


def story(blocks: Iterable[doc.Block], ctx: RenderContext) -> list[Flowable]:
    """All flowables of the document, with orientation switches and table bookmarks put in."""
    blocks = list(blocks)
    _check_keys(blocks)
    return group_headings(merge_breaks([f for part in _story_parts(blocks, ctx) for f in part]), ctx.frame)


def merge_breaks(flowables: Sequence[Flowable]) -> list[Flowable]:
    """The story with added breaks moved before the headings they follow, and adjacent breaks made one.

    A heading directly before an added break (the switch to landscape pages for a wide table) would end
    its page, so the break goes first. platypus skips a break on a page nothing has been drawn on yet,
    but only the first of several, so a run of breaks becomes one; the last page template named wins.
    """
    out: list[Flowable] = []
    for f in flowables:
        if not isinstance(f, PageBreakIfNotEmpty):
            out.append(f)
            continue
        k = len(out)
        while k and f.before_headings and isinstance(out[k - 1], HeadingFlowable | BookmarkFlowable):
            k -= 1
        if k and isinstance(out[k - 1], PageBreakIfNotEmpty):
            out[k - 1] = new_page(f.nextTemplate or out[k - 1].nextTemplate, before_headings=out[k - 1].before_headings)
        else:
            out.insert(k, f)
    return out


def _destination_keys(blocks: Iterable[doc.Block]) -> Iterator[str]:
    """The keys that become PDF destinations: headings and bookmarked tables, nested blocks included."""
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


def _story_parts(blocks: list[doc.Block], ctx: RenderContext) -> Iterator[list[Flowable]]:
    """Flowables block by block; landscape tables switch to landscape pages and back on their own."""
    orientation = PORTRAIT
    auto_landscape = False
    level = -1
    for i, block in enumerate(blocks):
        wants_landscape = isinstance(block, doc.Table) and block.landscape
        if isinstance(block, doc.Cover):
            yield [new_page(COVER)]
        elif wants_landscape and orientation != LANDSCAPE:
            yield [new_page(LANDSCAPE, before_headings=True)]
            orientation, auto_landscape = LANDSCAPE, True
        elif auto_landscape and not wants_landscape and not isinstance(block, doc.PageBreak):
            yield [new_page(PORTRAIT, before_headings=True)]
            orientation, auto_landscape = PORTRAIT, False
        if isinstance(block, doc.PageBreak) and block.orientation is not None:
            orientation, auto_landscape = block.orientation, False
        if isinstance(block, doc.Heading) and block.outline:
            level = block.level
        if isinstance(block, doc.Table) and block.outline_text:
            yield [BookmarkFlowable(level + 1, table_key(block, i), block.outline_text)]
        yield to_flowables(block, ctx)
        if isinstance(block, doc.Cover):
            yield [new_page()]


def render(document: doc.Document, ctx: RenderContext, created: dt.datetime | None = None) -> bytes:
    """The PDF bytes of `document` laid out with `ctx` in one pass; `created` overrides the metadata's date."""
    buffer = io.BytesIO()
    first_cover = bool(document.blocks) and isinstance(document.blocks[0], doc.Cover)
    template = DocTemplate(buffer, ctx, document.metadata, created=created, first_cover=first_cover)
    flowables = story(document.blocks, ctx)
    for f in flowables:
        if isinstance(f, TocFlowable):
            f.bind(document.blocks, template.numbers)
    template.build([*flowables, FlushFigures()])
    return buffer.getvalue()
