"""The text flowable: runs of plain text set by `linebreak` and drawn glyph by glyph with reportlab.

This module owns turning `doc.Run`s into a reportlab Flowable. Each character is given a face (its role's,
or a fallback found by `fonts`), measured, broken into lines by `linebreak` and drawn with PDF character
spacing (`Tc`) per stretch of evenly spaced glyphs, each font subset from its own text origin, each line
marked with its source text as /ActualText. The extracted text is exactly the source text: no markup is
interpreted (`<b>` and `&amp;` print as written) and no space is invented.

Public: `make_text(runs, style, fonts)` / `make_plain(text, style, fonts)` → `TextFlowable`; `shape` and
`draw_line` for code that places set lines itself (table cells).

The flowable follows platypus' wrap/split/draw contract: it splits between lines, keeping at least two
lines on each side of a page break (no orphan, no widow) when the paragraph has four lines or more.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

import attrs
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from juesuan_pdf.doc import Run
from juesuan_pdf.typeset import linebreak, pdfops
from juesuan_pdf.typeset.fonts import Face, FontSet, advance, ink_extent, register
from juesuan_pdf.typeset.styles import TextStyle

EM_TOP = 0.88
"""Top of the ideographic em box above the baseline, in em (CJK fonts: 880/−120 units)."""

FAKE_BOLD_STROKE = 0.03
"""Outline stroke, in em, that thickens a face that has no bold of its own."""

SPACING_TOLERANCE = 1e-4
"""Glyph gaps that differ by less than this (pt) are drawn with one character-spacing value."""


@attrs.frozen
class Glyph:
    """One character with its registered font name, size, advance in the font, fake-bold flag and kern.

    `kern` (pt, negative to tighten) changes only where the next glyph goes, not the advance the PDF
    font records for this one.
    """

    char: str
    font: str
    size: float
    advance: float
    fake_bold: bool = False
    kern: float = 0.0


JOINING = frozenset("—―")
"""Marks whose doubled glyphs must touch: the two halves of a 破折号 (——) form one unbroken rule."""


def shape(runs: Sequence[Run], style: TextStyle, fonts: FontSet) -> list[Glyph]:
    """The glyphs of `runs`: each run in its role's face (bold or not), uncovered characters in a fallback."""
    glyphs: list[Glyph] = []
    for run in runs:
        role = run.role or style.role
        for seg in fonts.segments(run.text, role, run.bold or style.bold):
            name = register(seg.face)
            for i, ch in enumerate(seg.text):
                width = 0.0 if ch == "\n" else advance(name, ch, style.size)
                joins = ch in JOINING and seg.text[i + 1 : i + 2] == ch
                kern = -_join_gap(seg.face, ch) * style.size if joins else 0.0
                glyphs.append(Glyph(ch, name, style.size, width, seg.face.fake_bold, kern))
    return glyphs


def _join_gap(face: Face, ch: str) -> float:
    """The blank between two copies of `ch` set side by side (right plus left side bearing), in em.

    CJK fonts draw U+2014 proportionally (Noto: ink 0.04–0.85 of a 0.89 em advance), so —— would show a
    break in the middle; pulling the second half back by the side bearings joins them.
    """
    extent = ink_extent(face, ch)
    if extent is None:
        return 0.0
    left, right, adv = extent
    return max(0.0, (adv - right) + left)


class TextFlowable(Flowable):  # type: ignore[misc]
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
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        self.keepWithNext = style.keep_with_next
        # The glyphs this flowable sets: a fragment sets glyphs[start:end] of its paragraph's tuple.
        self.start, self.end = 0, len(self.glyphs)
        self._lines: dict[float, list[linebreak.Line]] = {}

    # -- layout --------------------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The plain text this flowable sets."""
        return "".join(g.char for g in self.glyphs[self.start : self.end])

    def _params(self, avail_width: float) -> linebreak.Params:
        s = self.style
        indent = 0.0 if self.continued else s.first_indent * s.size
        width = avail_width - s.left_indent * s.size
        return linebreak.Params(width, indent, s.align, s.tracking, justify_last=self.justify_last)

    def _items(self) -> list[linebreak.Item]:
        return [linebreak.Item(g.char, g.advance + g.kern, g.size) for g in self.glyphs[self.start : self.end]]

    def lines(self, avail_width: float) -> list[linebreak.Line]:
        """The lines for a frame `avail_width` wide (computed once per width), indexing `self.glyphs`."""
        if avail_width not in self._lines:
            lines = linebreak.break_lines(self._items(), self._params(avail_width))
            if self.start:
                lines = [linebreak.shifted(line, self.start) for line in lines]
            self._lines[avail_width] = lines
        return self._lines[avail_width]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Lay out for `availWidth`; the height is one leading per line (one for an empty paragraph)."""
        self.width = availWidth
        self.height = max(len(self.lines(availWidth)), 1) * self.style.leading
        return availWidth, self.height

    def minWidth(self) -> float:
        """The widest unbreakable unit (tables size columns by it)."""
        left = self.style.left_indent * self.style.size
        return linebreak.min_width(self._items(), self._params(1e9)) + left

    def maxWidth(self) -> float:
        """The width of the text set on a single line."""
        left = self.style.left_indent * self.style.size
        return linebreak.max_width(self._items(), self._params(1e9)) + left

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Two fragments cut between lines, at least two lines each; [] when that cannot be done here.

        The fragments take their lines from this flowable's breaking: lines after a break do not depend
        on what came before it (no indent, each line broken from its own start), so nothing is re-broken.
        """
        lines = self.lines(availWidth)
        fit = int((availHeight + 1e-6) // self.style.leading)
        cut = min(fit, len(lines) - 2)
        if cut < 2 or fit >= len(lines):
            return []
        end = lines[cut - 1].end
        first = self._fragment(self.start, end, continued=self.continued, justify_last=True)
        first._lines[availWidth] = lines[:cut]
        first.spaceAfter, first.keepWithNext = 0.0, False
        rest = self._fragment(end, self.end, continued=True, justify_last=self.justify_last)
        rest._lines[availWidth] = lines[cut:]
        rest.spaceBefore = 0.0
        return [first, rest]

    def _fragment(self, start: int, end: int, *, continued: bool, justify_last: bool) -> TextFlowable:
        """A copy of this flowable (subclass attributes included) over glyphs start..end of the paragraph."""
        frag = copy.copy(self)
        # Platypus marks a flowable it already moved to a new frame (`_postponed`); a fragment is new.
        for attr in ("_postponed", "_frame", "canv"):
            frag.__dict__.pop(attr, None)
        frag.start, frag.end = start, end
        frag.continued, frag.justify_last = continued, justify_last
        frag._lines = {}
        return frag

    # -- drawing -------------------------------------------------------------------------------------

    def draw(self) -> None:
        """Draw every line: baselines centre the em box in each line's leading."""
        canv: Canvas = self.canv
        s = self.style
        left = s.left_indent * s.size
        offset = (s.leading - s.size) / 2 + EM_TOP * s.size
        for k, line in enumerate(self.lines(self.width)):
            draw_line(canv, self.glyphs, line, left, self.height - k * s.leading - offset)

    def __repr__(self) -> str:
        return f"TextFlowable({self.text[:20]!r}…, {self.style.role}, {self.style.size}pt)"


def draw_line(canv: Canvas, glyphs: Sequence[Glyph], line: linebreak.Line, left: float, baseline: float) -> None:
    """Draw one set line of `glyphs` with its left edge at `left` (tables call this for cell lines too).

    Each stretch of evenly spaced glyphs of one font is one Tj with character spacing (Tc); the line is
    wrapped in /ActualText with its source text, because extractors that guess word breaks from glyph
    gaps (poppler's pdftotext) would read a line loosened by justification as "2 0 2 3 年 本 年".
    """
    actual = "".join(g.char for g in glyphs[line.start : line.end] if g.char != "\n")
    fake_bold = [g.size for g in glyphs[line.start : line.end] if g.fake_bold]
    if fake_bold:  # the stroke that thickens a face without a bold of its own
        canv.saveState()
        canv.setLineWidth(FAKE_BOLD_STROKE * max(fake_bold))
    canv.addLiteral(f"/Span <</ActualText <FEFF{actual.encode('utf-16-be').hex().upper()}>>> BDC")
    text = pdfops.Text(canv, canv._doc)
    for start, end, spacing in _chunks(glyphs, line):
        g = glyphs[start]
        text.set_font(g.font, g.size)
        text.set_char_space(spacing)
        text.set_render_mode(2 if g.fake_bold else 0)
        # reportlab writes one Tj per 256-glyph subset. PDF applies Tc after every glyph, but pdfminer
        # (pdfplumber) drops it between two Tj strings, so each piece gets its own text origin and every
        # reader agrees on positions.
        offset = start
        for piece in text.pieces("".join(x.char for x in glyphs[start:end])):
            text.set_origin(left + line.xs[offset - line.start], baseline)
            text.show([piece])
            offset += len(piece[1])  # one byte per glyph in a TrueType subset
    text.draw()
    canv.addLiteral("EMC")
    if fake_bold:
        canv.restoreState()


def _chunks(glyphs: Sequence[Glyph], line: linebreak.Line) -> list[tuple[int, int, float]]:
    """Stretches (start, end, character spacing) of one font whose glyph gaps are all the same."""
    out: list[tuple[int, int, float]] = []
    i = line.start
    while i < line.end:
        if glyphs[i].char == "\n":
            i += 1
            continue
        j, spacing = i + 1, None
        while j < line.end and _same_font(glyphs[i], glyphs[j]) and glyphs[j].char != "\n":
            gap = line.xs[j - line.start] - line.xs[j - 1 - line.start] - glyphs[j - 1].advance
            if spacing is not None and abs(gap - spacing) > SPACING_TOLERANCE:
                break
            spacing = gap
            j += 1
        out.append((i, j, spacing or 0.0))
        i = j
    return out


def _same_font(a: Glyph, b: Glyph) -> bool:
    return a.font == b.font and a.size == b.size and a.fake_bold == b.fake_bold


def make_text(runs: Sequence[Run], style: TextStyle, fonts: FontSet) -> TextFlowable:
    """The flowable setting `runs` in `style` (fonts resolved and coverage checked now, before layout)."""
    return TextFlowable(shape(runs, style, fonts), style)


def make_plain(text: str, style: TextStyle, fonts: FontSet) -> TextFlowable:
    """The flowable setting one plain run of `text` in `style`."""
    return make_text((Run(text),), style, fonts)
