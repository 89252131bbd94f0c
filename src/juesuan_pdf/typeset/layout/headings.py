"""Headings: a heading's text with its outline destination and contents entry, bookmarks for tables, and
the groups that keep headings with the start of what follows (no page ends with a heading)."""

from __future__ import annotations

from collections.abc import Sequence

from juesuan_pdf import doc
from juesuan_pdf.typeset.layout.boxes import Action, Box, FrameState, PageBreak
from juesuan_pdf.typeset.layout.dispatch import LayoutContext, to_boxes
from juesuan_pdf.typeset.layout.frames import Anchor, Item
from juesuan_pdf.typeset.layout.paragraph import TextBox, styled
from juesuan_pdf.typeset.styles import StyleSheet


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


