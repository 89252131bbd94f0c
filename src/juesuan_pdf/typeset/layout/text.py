"""The one text pipeline: shape → break → place, for paragraphs, headings, table cells, the contents and
page numbers alike.

`shape` gives each character a face (its role's, or a fallback the font set finds), its advance and the
kerning that joins a doubled 破折号; `linebreak` breaks the glyphs into lines; `run` places one set line
as a `frames.GlyphRun`. The fonts come in through the `Fonts` protocol, so this module (like all of
`layout`) never touches reportlab: `typeset.fonts.FontSet` is the implementation a build uses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol, TypeVar, cast

import attrs

from juesuan_pdf.doc import Run
from juesuan_pdf.typeset import linebreak
from juesuan_pdf.typeset.layout.frames import Glyph, GlyphRun
from juesuan_pdf.typeset.styles import TextStyle

JOINING = frozenset("—―")
"""Marks whose doubled glyphs must touch: the two halves of a 破折号 (——) form one unbroken rule."""


class Face(Protocol):
    """A font face as the layout sees it: only whether it is thickened by a stroke."""

    @property
    def fake_bold(self) -> bool: ...


FaceT = TypeVar("FaceT", bound=Face)
FaceT_co = TypeVar("FaceT_co", bound=Face, covariant=True)


class Segment(Protocol[FaceT_co]):
    """A stretch of text set in one face."""

    @property
    def text(self) -> str: ...

    @property
    def face(self) -> FaceT_co: ...


class FontsOf(Protocol[FaceT]):
    """What layout asks of a font set: faces per role with fallbacks, names and metrics (`typeset.fonts.FontSet`
    is a `FontsOf[fonts.Face]`)."""

    def segments(self, text: str, role: str, bold: bool = False) -> Sequence[Segment[FaceT]]:
        """`text` cut into runs of one face each; raises BuildError for characters no face has."""
        ...

    def glyph_font(self, face: FaceT) -> str:
        """The name glyphs of `face` carry (the writer draws them with it)."""
        ...

    def advance(self, font: str, char: str, size: float) -> float:
        """A character's advance in pt at `size` in the font named `font`."""
        ...

    def join_gap(self, face: FaceT, char: str) -> float:
        """The blank between two copies of `char` set side by side, in em (0 when the font does not say)."""
        ...

    def check(self, texts: Iterable[tuple[str, str, bool]]) -> None:
        """Check (text, role, bold) triples before layout; raises for characters no face has."""
        ...

    def covering_face(self, text: str, role: str, bold: bool = False) -> FaceT | None:
        """The first face of `role`'s fallback order that has every character of `text` (None if none has):
        for strings that must be set in one face (chart labels)."""
        ...


Fonts = FontsOf[Any]
"""A font set with faces of any type: what layout code takes."""


def shape(runs: Sequence[Run], style: TextStyle, fonts: Fonts) -> list[Glyph]:
    """The glyphs of `runs`: each run in its role's face (bold or not), uncovered characters in a fallback."""
    glyphs: list[Glyph] = []
    for r in runs:
        glyphs += shape_text(r.text, r.role or style.role, r.bold or style.bold, style.size, fonts)
    return glyphs


def shape_text(text: str, role: str, bold: bool, size: float, fonts: Fonts) -> list[Glyph]:
    """The glyphs of one plain text in `role` at `size`."""
    glyphs: list[Glyph] = []
    for seg in fonts.segments(text, role, bold):
        face = seg.face
        name = fonts.glyph_font(face)
        fake_bold = face.fake_bold
        t = seg.text
        known = _GLYPHS.get((name, size, fake_bold))
        if known is None:
            known = _GLYPHS[(name, size, fake_bold)] = {}
        # Almost always every glyph is known and none joins the next: looked up at C speed (a glyph is
        # truthy, a miss is None).
        found = list(map(known.get, t))
        if all(found) and JOINING.isdisjoint(t):
            glyphs += cast(list[Glyph], found)
            continue
        for i, ch in enumerate(t):
            if ch in JOINING and t[i + 1 : i + 2] == ch:
                kern = -fonts.join_gap(face, ch) * size
                glyphs.append(attrs.evolve(_glyph(known, ch, name, size, fake_bold, fonts), kern=kern))
            else:
                glyphs.append(found[i] or _glyph(known, ch, name, size, fake_bold, fonts))
    return glyphs


_GLYPHS: dict[tuple[str, float, bool], dict[str, Glyph]] = {}
"""Glyphs are immutable and the same few thousand recur (a document has ~2000 distinct characters in a
handful of sizes): one object per character, font, size and weight, measured once per process (a table of
characters per font, size and weight)."""


_ITEMS: dict[int, linebreak.Item] = {}
"""The line breaker's item of each glyph in `_GLYPHS`, by the glyph's id (those glyphs live as long as the
process, so their ids are never reused): every text set is turned into items, mostly of known glyphs."""


def _glyph(known: dict[str, Glyph], ch: str, font: str, size: float, fake_bold: bool, fonts: Fonts) -> Glyph:
    """The glyph of `ch` in `font` at `size` (`known`: the glyphs of that font, size and weight)."""
    glyph = known.get(ch)
    if glyph is None:
        width = 0.0 if ch == "\n" else fonts.advance(font, ch, size)
        glyph = known[ch] = Glyph(ch, font, size, width, fake_bold)
        _ITEMS[id(glyph)] = _item(glyph)
    return glyph


def items(glyphs: Sequence[Glyph]) -> list[linebreak.Item]:
    """The line breaker's view of glyphs: character, advance (with kerning) and size."""
    out = list(map(_ITEMS.get, map(id, glyphs)))
    if all(out):  # glyphs of `_GLYPHS` only: their items are made (an item is truthy, a miss None)
        return cast(list[linebreak.Item], out)
    return [item or _item(g) for item, g in zip(out, glyphs, strict=True)]


def _item(g: Glyph) -> linebreak.Item:
    return linebreak.Item(g.char, g.advance + g.kern, g.size)


def run(glyphs: Sequence[Glyph], line: linebreak.Line, left: float, baseline: float) -> GlyphRun:
    """One set line of `glyphs` (its `start:end`) placed with its measure's left edge at `left`."""
    return GlyphRun(left, baseline, tuple(glyphs[line.start : line.end]), tuple(line.xs))


def natural(glyphs: Sequence[Glyph]) -> tuple[tuple[float, ...], float]:
    """Each glyph's x set solid on one line, and the line's width."""
    xs: list[float] = []
    width = 0.0
    for g in glyphs:
        xs.append(width)
        width += g.advance + g.kern
    return tuple(xs), width


def solid_run(glyphs: Sequence[Glyph], x: float, baseline: float) -> GlyphRun:
    """`glyphs` set solid on one line starting at `x` (labels, page numbers)."""
    xs, _ = natural(glyphs)
    return GlyphRun(x, baseline, tuple(glyphs), xs)


def width_of(glyphs: Sequence[Glyph]) -> float:
    """The width of `glyphs` set solid (`natural`'s width, added in the same order, without the xs)."""
    width = 0.0
    for g in glyphs:
        width += g.advance + g.kern
    return width
