"""Figures: a chart with its caption, kept together, that may float past the paragraphs after it.

A figure too tall for the room left on a page used to move to the next page and leave that room blank
(a third of a page). Instead it is put aside once (`DeferFigure`): the text after it (body paragraphs and
the headings above them, `document.may_pass_figure`) fills the page, and the page flow puts the figure on
the next page where the text running on ends (before the next heading), at the latest at the top of the
page after, and earlier when anything else comes (a table, another figure, a part title, a page break): a
figure never leaves its part and never cuts a paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence

from juesuan_pdf.typeset.layout.boxes import Action, Box, FrameState, KeepTogether


class Figure(KeepTogether):
    """A chart and its caption (see the module documentation)."""

    def __init__(self, content: Sequence[Box], frame: FrameState) -> None:
        super().__init__(content, frame)
        self.parts = list(content)
        self.may_float = True

    def split(self, width: float, height: float) -> list[Box]:
        """Put aside once when it does not fit; after that, move to the next page whole as any group."""
        if self.may_float and self._height(width, height) > height + 1e-6:
            self.may_float = False
            return [DeferFigure(self)]
        return super().split(width, height)

    def _height(self, width: float, height: float) -> float:
        """The parts stacked, with the spaces between them."""
        total = 0.0
        last = len(self.parts) - 1
        for i, part in enumerate(self.parts):
            total += part.wrap(width, height)[1]
            total += (part.space_before if i else 0.0) + (part.space_after if i < last else 0.0)
        return total


class DeferFigure(Action):
    """Hands a figure that does not fit here to the page flow, which places it later."""

    def __init__(self, figure: Figure) -> None:
        super().__init__()
        self.figure = figure


class FlushFigures(Action):
    """The story's end: a figure still put aside there is placed before it (it is no body paragraph)."""
