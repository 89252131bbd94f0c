"""Document layout: doc blocks → boxes → pages. The page flow of a document (outline marks and contents page
numbers for headings, floating figures), the story (orientation switches, table bookmarks, page breaks
merged) and the plain block kinds.

Page orientation follows the blocks: `doc.PageBreak(orientation=…)` switches it, and a landscape
`doc.Table` gets landscape pages of its own. Headings, the cover, the contents, tables and charts register
their own layouts (`headings`, `cover`, `contents`, `tables`, `charts`).
"""

from __future__ import annotations

import collections
from collections.abc import Iterable, Iterator, Sequence

from juesuan_pdf import doc
from juesuan_pdf.typeset.geometry import COVER, LANDSCAPE, PORTRAIT
from juesuan_pdf.typeset.layout import cover as _cover  # noqa: F401  (registers doc.Cover)
from juesuan_pdf.typeset.layout.boxes import Action, Box, KeepTogether, PageBreak, Spacer
from juesuan_pdf.typeset.layout.contents import (
    PageNumbers,
    TocBox,
    TocPlaceholder,
    TocRow,
    filled,
    table_key,
    toc_entries,
)
from juesuan_pdf.typeset.layout.dispatch import LayoutContext, to_boxes
from juesuan_pdf.typeset.layout.figures import DeferFigure, Figure, FlushFigures
from juesuan_pdf.typeset.layout.flow import Paginator
from juesuan_pdf.typeset.layout.frames import OutlineMark, Page
from juesuan_pdf.typeset.layout.headings import (
    BookmarkBox,
    HeadingBox,
    HeadingGroup,
    Marker,
    group_headings,
    may_pass_figure,
)
from juesuan_pdf.typeset.layout.pages import templates
from juesuan_pdf.typeset.layout.paragraph import TextBox, make_text

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
            if isinstance(b, TocPlaceholder):
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
    return [filled(page, numbers) for page in pages]
