"""The cover page: title lines in the upper third, the lower lines in the lower quarter."""

from __future__ import annotations

from collections.abc import Sequence

from juesuan_pdf import doc
from juesuan_pdf.errors import BuildError
from juesuan_pdf.typeset.layout.boxes import Box
from juesuan_pdf.typeset.layout.dispatch import LayoutContext, to_boxes
from juesuan_pdf.typeset.layout.frames import Item
from juesuan_pdf.typeset.layout.paragraph import TextBox, make_text, styled
from juesuan_pdf.typeset.styles import StyleSheet


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


