"""Paragraphs: runs of plain text shaped, broken into lines by `linebreak` and placed as glyph runs.

No markup is interpreted (`<b>` and `&amp;` print as written) and no space is invented. A paragraph
splits between lines at a page end, keeping at least two lines on each side (no orphan, no widow) when
it has four lines or more.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Sequence

from juesuan_pdf import doc
from juesuan_pdf.typeset import linebreak
from juesuan_pdf.typeset.geometry import Geometry
from juesuan_pdf.typeset.layout import text
from juesuan_pdf.typeset.layout.boxes import Box
from juesuan_pdf.typeset.layout.dispatch import LayoutContext
from juesuan_pdf.typeset.layout.frames import Glyph, Item
from juesuan_pdf.typeset.styles import StyleSheet, TextStyle

EM_TOP = 0.88
"""Top of the ideographic em box above the baseline, in em (CJK fonts: 880/−120 units)."""


class TextBox(Box):
    """A paragraph set by `linebreak`: justified CJK lines with 避头尾, punctuation compression and indent.

    A paragraph is broken into lines once per width; a page split hands each fragment its share of those
    lines (they index the one shared glyph tuple), so a long paragraph costs time linear in its length
    however many pages it runs over.
    """

    def __init__(self, glyphs: Sequence[Glyph], style: TextStyle) -> None:
        super().__init__()
        self.glyphs: tuple[Glyph, ...] = tuple(glyphs)
        self.style = style
        self.continued = False  # a fragment after a page break: no first-line indent
        self.justify_last = False  # a fragment before a page break: its last line is justified too
        self.space_before = style.space_before
        self.space_after = style.space_after
        self.keep_with_next = style.keep_with_next
        # The glyphs this box sets: a fragment sets glyphs[start:end] of its paragraph's tuple.
        self.start, self.end = 0, len(self.glyphs)
        self._lines: dict[float, list[linebreak.Line]] = {}

    @property
    def text(self) -> str:
        """The plain text this box sets."""
        return "".join(g.char for g in self.glyphs[self.start : self.end])

    def _params(self, avail_width: float) -> linebreak.Params:
        s = self.style
        indent = 0.0 if self.continued else s.first_indent * s.size
        width = avail_width - s.left_indent * s.size
        return linebreak.Params(width, indent, s.align, s.tracking, justify_last=self.justify_last)

    def lines(self, avail_width: float) -> list[linebreak.Line]:
        """The lines for a frame `avail_width` wide (computed once per width), indexing `self.glyphs`."""
        if avail_width not in self._lines:
            lines = linebreak.break_lines(text.items(self.glyphs[self.start : self.end]), self._params(avail_width))
            if self.start:
                lines = [linebreak.shifted(line, self.start) for line in lines]
            self._lines[avail_width] = lines
        return self._lines[avail_width]

    def wrap(self, width: float, height: float) -> tuple[float, float]:
        """Lay out for `width`; the height is one leading per line (one for an empty paragraph)."""
        self.width = width
        self.height = max(len(self.lines(width)), 1) * self.style.leading
        return width, self.height

    def split(self, width: float, height: float) -> list[Box]:
        """Two fragments cut between lines, at least two lines each; [] when that cannot be done here.

        The fragments take their lines from this box's breaking: lines after a break do not depend on
        what came before it (no indent, each line broken from its own start), so nothing is re-broken.
        """
        lines = self.lines(width)
        fit = int((height + 1e-6) // self.style.leading)
        cut = min(fit, len(lines) - 2)
        if cut < 2 or fit >= len(lines):
            return []
        end = lines[cut - 1].end
        first = self._fragment(self.start, end, continued=self.continued, justify_last=True)
        first._lines[width] = lines[:cut]
        first.space_after, first.keep_with_next = 0.0, False
        rest = self._fragment(end, self.end, continued=True, justify_last=self.justify_last)
        rest._lines[width] = lines[cut:]
        rest.space_before = 0.0
        return [first, rest]

    def _fragment(self, start: int, end: int, *, continued: bool, justify_last: bool) -> TextBox:
        """A copy of this box (subclass attributes included) over glyphs start..end of the paragraph."""
        frag = copy.copy(self)
        frag.start, frag.end = start, end
        frag.continued, frag.justify_last = continued, justify_last
        frag._lines = {}
        return frag

    def draw(self, out: list[Item], x: float, y: float) -> None:
        """Every line: baselines centre the em box in each line's leading."""
        s = self.style
        left = x + s.left_indent * s.size
        offset = (s.leading - s.size) / 2 + EM_TOP * s.size
        top = y + self.height
        for k, line in enumerate(self.lines(self.width)):
            out.append(text.run(self.glyphs, line, left, top - k * s.leading - offset))

    def __repr__(self) -> str:
        return f"TextBox({self.text[:20]!r}…, {self.style.role}, {self.style.size}pt)"


def styled(runs: Sequence[doc.Run], style: TextStyle, fonts: text.Fonts) -> TextBox:
    """The box setting `runs` in `style` (fonts resolved and coverage checked now, before layout)."""
    return TextBox(text.shape(runs, style, fonts), style)


def make_text(runs: Sequence[doc.Run], style: str, ctx: LayoutContext, size: float | None = None) -> TextBox:
    """A paragraph for `runs` set in the paragraph style named `style`, optionally at another size."""
    return styled(runs, _para_style(ctx.geometry, style, size), ctx.fonts)


@functools.lru_cache(maxsize=256)
def _para_style(geo: Geometry, style: str, size: float | None) -> TextStyle:
    """The text style of a paragraph style name, optionally at another size: styles are immutable, and the
    style sheet builds all its paragraph styles each time it is asked for one (hundreds of paragraphs)."""
    text_style = StyleSheet.of(geo).para(style)
    if size is not None and size != text_style.size:
        text_style = text_style.with_(size=size, leading=StyleSheet.small_leading(size), tracking=0.0)
    return text_style
