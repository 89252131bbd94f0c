"""Document assembly: doc blocks → flowables → a multi-pass platypus build with outline and contents.

This module owns the document template (`DocTemplate`), the flowables for headings, the cover and the
table of contents, and the `to_flowables` registrations of every block kind except tables (tables.py)
and charts (charts.py). Page orientation follows the blocks: `doc.PageBreak(orientation=…)` switches it,
and a landscape `doc.Table` gets landscape pages of its own.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    NextPageTemplate,
)
from reportlab.platypus import KeepTogether as RLKeepTogether
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Spacer as RLSpacer
from reportlab.platypus.tableofcontents import IndexingFlowable

from juesuan_pdf import doc
from juesuan_pdf.typeset import pdfmeta
from juesuan_pdf.typeset.dispatch import RenderContext, to_flowables
from juesuan_pdf.typeset.pages import COVER, LANDSCAPE, PORTRAIT, PageNumberStyle, page_templates

# ---------------------------------------------------------------------------------------------------------
# Font and text access: the only places this module touches the font set and the paragraph factory.


def font_name(ctx: RenderContext, role: str, bold: bool = False) -> str:
    """The registered font name of a role."""
    return str(ctx.fonts.font_name(role, bold))


def font_runs(ctx: RenderContext, role: str, text: str) -> list[tuple[str, str]]:
    """`text` cut into (font name, text) pieces: the role's font, other fonts where it lacks a glyph."""
    return list(ctx.fonts.font_runs(role, text))


def text_width(ctx: RenderContext, role: str, text: str, size: float) -> float:
    """The advance width of `text` in the role's fonts at `size`."""
    return float(sum(stringWidth(part, name, size) for name, part in font_runs(ctx, role, text)))


def make_text(
    runs: Sequence[doc.Run], style: doc.blocks.ParaStyle, ctx: RenderContext, size: float | None = None
) -> Flowable:
    """A paragraph flowable for `runs` set in `style`."""
    return _interim_paragraph(runs, style, ctx, size)


def _interim_paragraph(
    runs: Sequence[doc.Run], style: doc.blocks.ParaStyle, ctx: RenderContext, size: float | None
) -> Flowable:
    """TEMPORARY stand-in until typeset.paragraph lands: reportlab's Paragraph with escaped text."""
    from xml.sax.saxutils import escape

    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    geo = ctx.geometry
    role = {"title": "title", "subtitle": "title", "caption": "caption", "note": "table"}.get(style, "body")
    fs = size or {"title": geo.title_size, "caption": geo.caption_size, "note": geo.table_size}.get(
        style, geo.body_size
    )
    align = {"title": TA_CENTER, "subtitle": TA_CENTER, "center": TA_CENTER, "caption": TA_CENTER, "right": TA_RIGHT}
    pstyle = ParagraphStyle(
        style,
        fontName=font_name(ctx, role),
        fontSize=fs,
        leading=max(geo.line_pitch, fs * 1.3) if fs >= geo.body_size else fs * 1.5,
        alignment=align.get(style, TA_JUSTIFY),
        firstLineIndent=2 * fs if style == "body" else 0,
        wordWrap="CJK",
    )
    parts = []
    for run in runs:
        name = font_name(ctx, run.role or role, run.bold)
        parts.append(f'<font face="{name}">{escape(run.text)}</font>')
    return Paragraph("".join(parts), pstyle)


# ---------------------------------------------------------------------------------------------------------
# Headings


class HeadingFlowable(Flowable):  # type: ignore[misc]
    """A heading's text that also marks an outline destination and a contents entry.

    `afterFlowable` recognises it by type; it never splits (a heading moves to the next page whole)
    and keeps with the next flowable so no page ends with a heading.
    """

    def __init__(self, inner: Flowable, level: int, key: str, toc_text: str, *, outline: bool, toc: bool) -> None:
        super().__init__()
        self.inner = inner
        self.level = level
        self.key = key
        self.toc_text = toc_text
        self.outline = outline
        self.toc = toc
        self.keepWithNext = True

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """The inner text's size."""
        self.width, self.height = self.inner.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Headings never split."""
        return []

    def draw(self) -> None:
        """Draw the text and register the destination at its top edge."""
        self.inner.drawOn(self.canv, 0, 0)
        self.canv.bookmarkHorizontal(self.key, 0, self.height)


class BookmarkFlowable(Flowable):  # type: ignore[misc]
    """An invisible outline destination (for a table with a bookmark of its own); keeps with the next flowable."""

    def __init__(self, level: int, key: str, text: str) -> None:
        super().__init__()
        self.level = level
        self.key = key
        self.toc_text = text
        self.outline = True
        self.toc = False
        self.keepWithNext = True

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Takes no room."""
        return 0, 0

    def draw(self) -> None:
        """Register the destination here."""
        self.canv.bookmarkHorizontal(self.key, 0, 0)


Marker = HeadingFlowable | BookmarkFlowable

# Which font role and paragraph style each heading level uses (GB/T 9704: 一、 黑体, （一） 楷体, 1. and （1） body).
HEADING_LOOK: dict[int, tuple[str, doc.blocks.ParaStyle]] = {
    0: ("title", "title"),
    1: ("heading1", "body"),
    2: ("heading2", "body"),
    3: ("body", "body"),
    4: ("body", "body"),
}


@to_flowables.register
def _heading(block: doc.Heading, ctx: RenderContext) -> list[Flowable]:
    role, style = HEADING_LOOK.get(block.level, HEADING_LOOK[4])
    inner = make_text((doc.Run(block.text, role=role),), style, ctx)
    heading = HeadingFlowable(inner, block.level, block.key, block.text, outline=block.outline, toc=block.toc)
    if block.level == 0:
        # A part title stands alone on its line with a blank grid line after it.
        heading.spaceAfter = ctx.geometry.line_pitch
    out: list[Flowable] = [heading]
    if block.page_break_before:
        out.insert(0, RLPageBreak())
    return out


# ---------------------------------------------------------------------------------------------------------
# Plain blocks


@to_flowables.register
def _para(block: doc.Para, ctx: RenderContext) -> list[Flowable]:
    return [make_text(block.runs, block.style, ctx)]


@to_flowables.register
def _page_break(block: doc.PageBreak, ctx: RenderContext) -> list[Flowable]:
    if block.orientation is None:
        return [RLPageBreak()]
    return [NextPageTemplate(LANDSCAPE if block.orientation == "landscape" else PORTRAIT), RLPageBreak()]


@to_flowables.register
def _spacer(block: doc.Spacer, ctx: RenderContext) -> list[Flowable]:
    return [RLSpacer(0, block.lines * ctx.geometry.line_pitch)]


@to_flowables.register
def _keep_together(block: doc.KeepTogether, ctx: RenderContext) -> list[Flowable]:
    inner = [f for b in block.blocks for f in to_flowables(b, ctx)]
    return [RLKeepTogether(inner)]


# ---------------------------------------------------------------------------------------------------------
# Cover


class CoverFlowable(Flowable):  # type: ignore[misc]
    """A whole cover page: title lines in the upper third, the lower lines in the lower quarter."""

    def __init__(self, title: Sequence[Flowable], lower: Sequence[Flowable]) -> None:
        super().__init__()
        self.title = list(title)
        self.lower = list(lower)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Takes the whole frame."""
        self.width, self.height = avail_width, avail_height
        return avail_width, avail_height

    def draw(self) -> None:
        """Stack the title lines from a third down, and the lower lines ending a tenth from the bottom."""
        y = self.height * 2 / 3
        for f in self.title:
            _, h = f.wrap(self.width, self.height)
            y -= h
            f.drawOn(self.canv, 0, y)
        heights = [f.wrap(self.width, self.height)[1] for f in self.lower]
        y = self.height * 0.1 + sum(heights)
        for f, h in zip(self.lower, heights, strict=True):
            y -= h
            f.drawOn(self.canv, 0, y)


@to_flowables.register
def _cover(block: doc.Cover, ctx: RenderContext) -> list[Flowable]:
    size = ctx.geometry.title_size * 1.2
    title = [make_text((doc.Run(t, role="title"),), "title", ctx, size=size) for t in block.title_lines]
    lower = [make_text((doc.Run(t, role="heading2"),), "center", ctx) for t in block.lower_lines]
    return [CoverFlowable(title, lower)]


# ---------------------------------------------------------------------------------------------------------
# Table of contents


@attrs.frozen
class TocEntry:
    """One contents line as recorded during a pass: level, text, physical page and destination key."""

    level: int
    text: str
    page: int
    key: str


class TocRow(Flowable):  # type: ignore[misc]
    """One contents line: the heading text indented by level, dot leaders, the page number flush right."""

    def __init__(self, entry: TocEntry, ctx: RenderContext) -> None:
        super().__init__()
        self.entry = entry
        self.ctx = ctx
        self.role = "heading1" if entry.level == 0 else "body"
        self.size = ctx.geometry.body_size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """One grid line."""
        self.width, self.height = avail_width, self.ctx.geometry.line_pitch
        return self.width, self.height

    def draw(self) -> None:
        """Text, leaders and number on one baseline; the line links to the heading."""
        canv, e, size = self.canv, self.entry, self.size
        baseline = (self.height - size) / 2 + 0.12 * size
        indent = e.level * size
        num = str(e.page)
        num_font = font_name(self.ctx, "body")
        num_w = canv.stringWidth(num, num_font, size)
        room = self.width - indent - num_w - 2 * size
        text = _fit(e.text, self.ctx, self.role, size, room)
        end = indent + _draw_runs(canv, self.ctx, self.role, size, indent, baseline, text)
        _leaders(canv, size, end + size * 0.25, self.width - num_w - size * 0.25, baseline)
        canv.setFont(num_font, size)
        canv.drawRightString(self.width, baseline, num)
        canv.linkRect("", e.key, (0, 0, self.width, self.height), relative=1, Border="[0 0 0]")


def _fit(text: str, ctx: RenderContext, role: str, size: float, room: float) -> str:
    """`text`, cut with an ellipsis if it does not fit in `room` (contents lines are one line each)."""
    if text_width(ctx, role, text, size) <= room:
        return text
    while text and text_width(ctx, role, text + "…", size) > room:
        text = text[:-1]
    return text + "…"


def _draw_runs(canv: Canvas, ctx: RenderContext, role: str, size: float, x: float, y: float, text: str) -> float:
    """Draw `text` in the role's font (falling back per character) and return its width."""
    start = x
    for name, part in font_runs(ctx, role, text):
        canv.setFont(name, size)
        canv.drawString(x, y, part)
        x += canv.stringWidth(part, name, size)
    return x - start


def _leaders(canv: Canvas, size: float, x0: float, x1: float, y: float) -> None:
    """Dot leaders between x0 and x1, on a fixed pitch so the dots of all lines align.

    The dots are drawn as small discs, not '.' glyphs: extracted text then reads "heading 12", and no
    font is involved.
    """
    pitch = size / 2
    radius = size * 0.045
    x = (int(x0 / pitch) + 1) * pitch
    while x + radius <= x1:
        canv.circle(x, y + radius, radius, stroke=0, fill=1)
        x += pitch


class TocFlowable(IndexingFlowable):  # type: ignore[misc]
    """The contents: collects heading entries during a pass and draws the previous pass's entries.

    multiBuild repeats the build until two passes record the same entries (keys are the stable
    doc.Heading keys, so entries compare equal once the page numbers settle).
    """

    def __init__(self, ctx: RenderContext, levels: int) -> None:
        super().__init__()
        self.ctx = ctx
        self.levels = levels
        self.entries: list[TocEntry] = []
        self._last: list[TocEntry] = []

    def notify(self, kind: str, stuff: Any) -> None:
        """Record a heading entry (`afterFlowable` sends a TocEntry)."""
        if kind == "TOCEntry" and isinstance(stuff, TocEntry) and stuff.level <= self.levels:
            self.entries.append(stuff)

    def beforeBuild(self) -> None:
        """Start a pass: the entries of the previous pass are what gets drawn."""
        self._last, self.entries = self.entries, []

    def isSatisfied(self) -> bool:
        """Done when this pass recorded what the previous one did."""
        return self._last == self.entries

    def rows(self) -> list[Flowable]:
        """One row flowable per entry of the previous pass."""
        return [TocRow(e, self.ctx) for e in self._last]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Height of all rows (one grid line each)."""
        self.width = avail_width
        self.height = len(self._last) * self.ctx.geometry.line_pitch
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Hand the rows to the frame, which places as many as fit on each page."""
        return self.rows() if self.height > avail_height else []

    def drawOn(self, canv: Canvas, x: float, y: float, _sW: float = 0) -> None:
        """Draw every row, top to bottom."""
        top = y + self.height
        for row in self.rows():
            _, h = row.wrap(self.width, self.height)
            top -= h
            row.drawOn(canv, x, top)


@to_flowables.register
def _toc(block: doc.TableOfContents, ctx: RenderContext) -> list[Flowable]:
    title = make_text((doc.Run(block.title, role="title"),), "title", ctx)
    title.spaceAfter = ctx.geometry.line_pitch
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
        numbers = PageNumberStyle(ctx.furniture.page_number, font_name(ctx, "page_number"), ctx.geometry)
        super().__init__(
            buffer,
            pagesize=(ctx.geometry.portrait.page_width, ctx.geometry.portrait.page_height),
            pageTemplates=page_templates(numbers, first_cover=first_cover),
            initialFontName=font_name(ctx, "body"),
            initialFontSize=ctx.geometry.body_size,
            **pdfmeta.doc_template_kwargs(metadata),
        )
        self._date = pdfmeta.date_formatter(pdfmeta.creation_date(metadata, created))
        self._outline_level = -1

    def beforeDocument(self) -> None:
        """Each pass starts a fresh outline and fixes the file dates."""
        self._outline_level = -1
        self.canv.setDateFormatter(self._date)
        self.canv.showOutline()

    def afterFlowable(self, flowable: Flowable) -> None:
        """Headings and bookmarks become outline entries; headings also become contents entries."""
        if not isinstance(flowable, HeadingFlowable | BookmarkFlowable):
            return
        if flowable.outline:
            # reportlab refuses an entry more than one level below the previous one; clamp instead.
            level = min(flowable.level, self._outline_level + 1)
            self.canv.addOutlineEntry(flowable.toc_text, flowable.key, level=level, closed=level >= 1)
            self._outline_level = level
        if flowable.toc:
            self.notify("TOCEntry", TocEntry(flowable.level, flowable.toc_text, self.page, flowable.key))


# ---------------------------------------------------------------------------------------------------------
# The story


def story(blocks: Iterable[doc.Block], ctx: RenderContext) -> list[Flowable]:
    """All flowables of the document, with orientation switches and table bookmarks put in."""
    return [f for part in _story_parts(list(blocks), ctx) for f in part]


def _story_parts(blocks: list[doc.Block], ctx: RenderContext) -> Iterator[list[Flowable]]:
    """Flowables block by block; landscape tables switch to landscape pages and back on their own."""
    orientation = PORTRAIT
    auto_landscape = False
    level = -1
    for i, block in enumerate(blocks):
        wants_landscape = isinstance(block, doc.Table) and block.landscape
        if isinstance(block, doc.Cover):
            yield ([NextPageTemplate(COVER), RLPageBreak()] if i else [])
        elif wants_landscape and orientation != LANDSCAPE:
            yield [NextPageTemplate(LANDSCAPE), RLPageBreak()]
            orientation, auto_landscape = LANDSCAPE, True
        elif auto_landscape and not wants_landscape and not isinstance(block, doc.PageBreak):
            yield [NextPageTemplate(PORTRAIT), RLPageBreak()]
            orientation, auto_landscape = PORTRAIT, False
        if isinstance(block, doc.PageBreak) and block.orientation is not None:
            orientation, auto_landscape = block.orientation, False
        if isinstance(block, doc.Heading) and block.outline:
            level = block.level
        if isinstance(block, doc.Table) and block.outline_text:
            yield [BookmarkFlowable(level + 1, block.key or f"table-{i}", block.outline_text)]
        yield to_flowables(block, ctx)
        if isinstance(block, doc.Cover):
            yield [RLPageBreak()]


def _has_toc(blocks: Iterable[doc.Block]) -> bool:
    """Whether the document needs several passes (a table of contents)."""
    return any(isinstance(b, doc.TableOfContents) for b in blocks)


def render(document: doc.Document, ctx: RenderContext, created: dt.datetime | None = None) -> bytes:
    """The PDF bytes of `document` laid out with `ctx`; `created` overrides the metadata's date."""
    buffer = io.BytesIO()
    first_cover = bool(document.blocks) and isinstance(document.blocks[0], doc.Cover)
    template = DocTemplate(buffer, ctx, document.metadata, created=created, first_cover=first_cover)
    flowables = story(document.blocks, ctx)
    if _has_toc(document.blocks):
        template.multiBuild(flowables)
    else:
        template.build(flowables)
    return buffer.getvalue()


class InterimFonts:
    """TEMPORARY font set until typeset.fonts lands: every role maps to a TTF file path, no fallback."""

    def __init__(self, paths: dict[str, str]) -> None:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        self.names: dict[str, str] = {}
        for path in sorted(set(paths.values())):
            name = "JS-" + path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, path))
            self.names[path] = name
        self.roles = {role: self.names[p] for role, p in paths.items()}

    def font_name(self, role: str, bold: bool = False) -> str:
        """The role's font; bold uses the 'bold' role when given."""
        if bold and "bold" in self.roles:
            return self.roles["bold"]
        return self.roles.get(role, self.roles["body"])

    def font_runs(self, role: str, text: str) -> list[tuple[str, str]]:
        """The whole text in the role's font."""
        return [(self.font_name(role), text)]
