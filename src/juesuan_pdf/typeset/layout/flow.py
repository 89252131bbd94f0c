"""The paginator: boxes in, pages of frames out.

Pages begin lazily (a break before anything is placed only switches the next page's template), each page
has one frame (its block), and a box goes where the last one ended: it is drawn when it fits, cut by
`split` when it does not, or moved whole to the next page. Spaces between boxes merge (the larger wins),
and none is left at the top of a page. `Paginator` knows nothing of documents: `document.DocumentFlow`
adds headings, outline marks and floating figures through its two hooks, `choose` and `placed`.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence

import attrs

from juesuan_pdf.errors import BuildError
from juesuan_pdf.typeset.layout.boxes import FUZZ, Action, Box, FrameBreak, FrameState, NullAction, PageBreak
from juesuan_pdf.typeset.layout.frames import Item, Page


@attrs.frozen
class Template:
    """A kind of page: its size, the frame text flows into (x, y, width, height) and what follows it.

    `next` names the template of the page after (a cover is followed by a body page); `furniture` gives
    the items every page of this kind carries (its page number) from the page's number.
    """

    name: str
    page_width: float
    page_height: float
    frame: tuple[float, float, float, float]
    next: str | None = None
    furniture: Callable[[int], Sequence[Item]] | None = None


class Paginator:
    """Fills pages from a list of boxes (see the module documentation)."""

    def __init__(self, templates: Sequence[Template], first: str, frame: FrameState) -> None:
        self.templates = {t.name: t for t in templates}
        self.template = self.templates[first]
        self.next_template: str | None = None
        self.frame = frame
        self.pages: list[Page] = []
        self.items: list[Item] | None = None  # the page being filled; None before it begins
        self.y = 0.0
        self.at_top = True
        self.prev_after = 0.0
        # Boxes already moved to a new page once because they did not fit (a box that does not fit on an
        # empty page either is too tall for any page).
        self._postponed: weakref.WeakSet[Box] = weakref.WeakSet()

    # -- hooks -------------------------------------------------------------------------------------

    def choose(self, following: Box | None) -> list[Box]:
        """Boxes to place before `following` (the next box of the story, None at its end); called before
        each box."""
        return []

    def placed(self, box: Box) -> None:
        """`box` has been drawn (or carried out, for an action) on the current page."""

    def act(self, action: Action) -> None:
        """Carry out an action the paginator does not know itself."""
        raise TypeError(f"unknown action {type(action).__name__}")

    # -- pages -------------------------------------------------------------------------------------

    @property
    def page(self) -> int:
        """The number of the page being filled (or the last one ended)."""
        return len(self.pages) + (1 if self.items is not None else 0)

    def _begin_page(self) -> None:
        t = self.template
        self.items = list(t.furniture(len(self.pages) + 1)) if t.furniture else []
        _, y, w, h = t.frame
        self.y, self.at_top, self.prev_after = y + h, True, 0.0
        following = self._following()
        self.frame.empty = True
        self.frame.width, self.frame.height = w, h
        self.frame.next_width, self.frame.next_height = following.frame[2], following.frame[3]

    def _following(self) -> Template:
        """The template of the page after this one, as things stand."""
        if self.next_template:
            return self.templates[self.next_template]
        return self.templates[self.template.next] if self.template.next else self.template

    def _end_page(self, broken: bool = False) -> None:
        assert self.items is not None
        t = self.template
        self.pages.append(Page(len(self.pages) + 1, t.name, t.page_width, t.page_height, tuple(self.items), broken))
        self.items = None
        self.template = self._following()
        self.next_template = None

    def _switch(self, name: str | None) -> None:
        """Let the next page use template `name` (unless it is the one it would use anyway)."""
        if name and name != (self.next_template or self.template.name):
            self.next_template = name

    # -- boxes -------------------------------------------------------------------------------------

    def run(self, boxes: Sequence[Box]) -> list[Page]:
        """Lay out every box; the pages, the last one ended."""
        queue = list(boxes)
        queue.reverse()  # the next box is at the end: cheap to take and to put back
        while queue:
            if self.items is None and isinstance(queue[-1], PageBreak):
                # A break before anything is on the page only picks the template of this page.
                brk = queue.pop()
                assert isinstance(brk, PageBreak)
                if brk.template and brk.template != self.template.name:
                    self.template = self.templates[brk.template]
                    self.next_template = None
                if not queue:
                    break
            if self.items is None:
                self._begin_page()
            self._handle(queue)
        if self.items is not None:
            self._end_page()
        return self.pages

    def _handle(self, queue: list[Box]) -> None:
        queue.extend(reversed(self.choose(queue[-1] if queue else None)))
        box = queue.pop()
        if isinstance(box, PageBreak):
            self._switch(box.template)
            self._end_page(broken=True)
            self.placed(box)
        elif isinstance(box, FrameBreak):
            self._end_page()
            self.placed(box)
        elif isinstance(box, NullAction):
            self.placed(box)
        elif isinstance(box, Action):
            self.act(box)
            self.placed(box)
        elif self._add(box):
            self.placed(box)
        else:
            pieces = self._split(box)
            if pieces and not isinstance(pieces[0], Action):
                if not self._add(pieces[0]):
                    raise BuildError(f"排版错误：第 {self.page} 页上分割后的内容仍放不下（{pieces[0]!r}）")
                self.placed(pieces[0])
                queue.extend(reversed(pieces[1:]))
            elif pieces:
                queue.extend(reversed(pieces))
            else:
                if box in self._postponed:
                    raise BuildError(f"排版错误：内容比一整页还高，无法排下（第 {self.page} 页，{box!r}）")
                self._postponed.add(box)
                queue.append(box)
                self._end_page()

    def _space(self, box: Box) -> float:
        """The space above `box` here: none at the top of the frame; its own less what the last left."""
        if self.at_top:
            return 0.0
        return max(box.space_before - self.prev_after, 0.0)

    def _add(self, box: Box) -> bool:
        """Draw `box` here if it fits."""
        assert self.items is not None
        x, bottom, width, _ = self.template.frame
        space = self._space(box)
        room = self.y - bottom - space
        if room <= 0:
            return False
        _, h = box.wrap(width, room)
        y = self.y - h - space
        if y < bottom - FUZZ:
            return False
        box.draw(self.items, x, y)
        if h > 0:
            self.frame.empty = False
        y -= box.space_after
        self.prev_after = box.space_after
        if y != self.y:
            self.at_top = False
        self.y = y
        return True

    def _split(self, box: Box) -> list[Box]:
        """`box` cut to the room left (after its space)."""
        _, bottom, width, _ = self.template.frame
        room = self.y - bottom - self._space(box)
        if room <= 0:
            return []
        return box.split(width, room)
