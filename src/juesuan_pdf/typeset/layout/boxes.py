"""Boxes: what the paginator (`flow`) places — blocks that measure, split and draw themselves as frames.

The contract of a box (the same as a platypus flowable's, minus reportlab):

- `wrap(width, height)` → (w, h): the size the box takes in a frame `width` wide with `height` left;
- `split(width, height)` → boxes: pieces whose first fits in `height`, or [] when the box cannot be cut
  there (it then moves to the next page whole);
- `draw(out, x, y)`: append the box's items (`frames.Item`) with its lower left corner at (x, y);
- `space_before` / `space_after`: vertical space around it; the larger of two adjacent spaces wins
  (space after one box counts against space before the next), and no space is left at the top of a page.

Actions (`Action`) take no room: the paginator carries them out (page breaks, a figure put aside).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from juesuan_pdf.typeset.layout.frames import Item

FUZZ = 1e-6
"""Slack in height comparisons, as layout sums many floats."""


@attrs.define(eq=False)
class FrameState:
    """The frame being filled, kept by the paginator: whether it is still empty (boxes ask before giving up
    on keeping things together: moving on to an empty page would not help), its full height and that of
    the next page's frame (a group that would not fit there either does not move)."""

    empty: bool = False
    width: float = 0.0
    height: float = 0.0
    next_width: float = 0.0
    next_height: float = 0.0


class Box:
    """A block of the page flow (see the module documentation for the contract)."""

    space_before: float = 0.0
    space_after: float = 0.0
    keep_with_next: bool = False

    def __init__(self) -> None:
        self.width = 0.0
        self.height = 0.0

    def wrap(self, width: float, height: float) -> tuple[float, float]:
        """The size taken in a frame `width` wide with `height` left (default: nothing)."""
        return self.width, self.height

    def split(self, width: float, height: float) -> list[Box]:
        """Pieces whose first fits in `height`; [] when the box cannot be cut there."""
        return []

    def draw(self, out: list[Item], x: float, y: float) -> None:
        """Append the items of the box with its lower left corner at (x, y)."""


class Spacer(Box):
    """Blank vertical space."""

    def __init__(self, height: float) -> None:
        super().__init__()
        self.height = height

    def wrap(self, width: float, height: float) -> tuple[float, float]:
        return width, self.height


class Action(Box):
    """A box that takes no room and tells the paginator to do something."""


@attrs.define(eq=False)
class PageBreak(Action):
    """End the page unless it is still empty; the next page uses `template` when given.

    `before_headings` lets the story move the break before the headings just above it (for breaks the
    typesetter adds itself, like the switch to landscape pages for a wide table, which must not strand
    its heading).
    """

    template: str | None = None
    before_headings: bool = False

    def __attrs_post_init__(self) -> None:
        Box.__init__(self)


class FrameBreak(Action):
    """End the page now, whatever is on it (the rest of a cut table starts a new page)."""


class NullAction(Action):
    """Does nothing (keeps a group's place in the flow)."""


class KeepTogether(Box):
    """Boxes kept on one page when they fit on one; otherwise they flow as they are.

    When the group does not fit in the room left, it moves to the next page (a page break goes in front
    of it) unless that page would not hold it either or the page is still empty; then its boxes flow on
    from here.
    """

    def __init__(self, content: Sequence[Box], frame: FrameState) -> None:
        super().__init__()
        self.content = list(content) or [NullAction()]
        self.frame = frame
        self.natural = 0.0
        self.first = 0.0
        # The group's spaces are those of its first and last boxes.
        drawn = [b for b in self.content if not isinstance(b, Action)]
        self.space_before = drawn[0].space_before if drawn else 0.0
        self.space_after = drawn[-1].space_after if drawn else 0.0

    def wrap(self, width: float, height: float) -> tuple[float, float]:
        """Always too tall, so the paginator asks `split` (which decides)."""
        self.natural, self.first = stacked_height(self.content, width)
        self.width = width
        return width, float("inf")

    def split(self, width: float, height: float) -> list[Box]:
        """The boxes, after a page break when the group should start on the next page."""
        self.wrap(width, height)
        at_top = self.frame.empty
        too_tall = self.natural > height
        if too_tall or self.first > height:
            if too_tall:
                # At the top of a page that is no smaller than the next, moving on would not help.
                brk = not (at_top and self.frame.height >= self.frame.next_height)
            else:
                brk = self.frame.next_width >= self.frame.width and self.frame.next_height >= self.natural
            return [FrameBreak() if brk else NullAction(), *self.content]
        return list(self.content)


def stacked_height(boxes: Sequence[Box], width: float) -> tuple[float, float]:
    """The height of `boxes` stacked (spaces between them merged), and the first one's height.

    Boxes of no height take no space, not even their spaces.
    """
    total, first, prev_after, at_top = 0.0, None, 0.0, True
    for b in boxes:
        if isinstance(b, Action):
            continue
        _, h = b.wrap(width, 0xFFFFFFF)
        if first is None:
            first = h
        if h <= FUZZ:
            continue
        total += h
        if not at_top:
            total += max(b.space_before - prev_after, 0.0)
        at_top = False
        prev_after = b.space_after
        total += prev_after
    return total - prev_after, first or 0.0
