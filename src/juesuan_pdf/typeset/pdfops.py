"""PDF text and path operators written straight into a canvas's page stream (internal, may change).

The paragraph and table code draws thousands of short runs of one TrueType font each. reportlab's text
object is general (shaping, Type 1 fonts, a cursor kept up to date by measuring every string) and
formats every number afresh with `fp_str`, which without reportlab's optional C accelerator is slow
Python. `Text` writes the very same operators, byte for byte, as `canvas.beginText()` … `drawText()`
for the calls it offers, and `lines` as `canvas.lines()`; numbers are formatted by reportlab's own
`fp_str` and remembered, since the same coordinates recur on every page.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Iterable
from typing import Any

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas


@functools.lru_cache(maxsize=65536)
def num(x: float) -> str:
    """A number as reportlab writes it in content streams (`fp_str`), remembered."""
    return str(fp_str(x))


_escape = functools.lru_cache(maxsize=65536)(escapePDF)
"""`escapePDF`, remembered: the same strings (figures, labels) are shown on many lines."""

_PIECES: weakref.WeakKeyDictionary[Any, dict[tuple[str, str], tuple[tuple[int, bytes], ...]]]
_PIECES = weakref.WeakKeyDictionary()
"""Per PDF document, the subset pieces of each (font, text) shown. A font assigns a character its subset
code the first time the document shows it and keeps it, so splitting the same text again gives the same
pieces: remembered, since table figures and labels recur on every page."""


class Text:
    """A PDF text object (BT … ET) for one canvas, written as reportlab's PDFTextObject writes it.

    Only TrueType (dynamically subset) fonts are set through it, and `set_font` must come before any text;
    `document` is the canvas's PDF document, in which each font keeps its subsets. `draw` appends the
    object to the page.
    """

    def __init__(self, canv: Canvas, document: object, x: float | None = None, y: float = 0.0) -> None:
        self._canv = canv
        self._doc = document
        self._code: list[str] = ["BT"]
        self._font: Any = None
        self._size = 0.0
        self._leading = 0.0
        self._subset = -1
        self._mode = 0
        self._clipping = 0
        self._matrix = "1 0 0 1 "
        if x is not None:  # without an origin, the first piece must set one
            self.set_origin(x, y)

    def set_origin(self, x: float, y: float) -> None:
        """Move the text origin to (x, y) (Tm), as `setTextOrigin`."""
        self._code.append(f"{self._matrix}{num(x)} {num(y)} Tm")

    def set_font(self, name: str, size: float) -> None:
        """Use the registered TrueType font `name` at `size`, as `setFont` (writes nothing until text)."""
        font = pdfmetrics.getFont(name)
        if not getattr(font, "_dynamicFont", False):
            raise TypeError(f"{name} is not a TrueType font")
        self._font, self._size, self._leading = font, size, size * 1.2
        self._subset = -1

    def set_char_space(self, space: float) -> None:
        """Character spacing (Tc), as `setCharSpace`."""
        self._code.append(f"{num(space)} Tc")

    def set_render_mode(self, mode: int) -> None:
        """Text rendering mode (Tr), written only when it changes, as `setTextRenderMode`."""
        if (mode & 4) != self._clipping:
            mode |= 4
            self._clipping = mode & 4
        if self._mode != mode:
            self._mode = mode
            self._code.append(f"{mode} Tr")

    def pieces(self, text: str) -> list[tuple[int, bytes]]:
        """`text` cut where the font switches to another 256-glyph subset: (subset, codes) pairs."""
        known = _PIECES.get(self._doc)
        if known is None:
            known = _PIECES[self._doc] = {}
        key = (self._font.fontName, text)
        found = known.get(key)
        if found is None:
            found = known[key] = tuple(self._font.splitString(text, self._doc))
        return list(found)

    def show(self, pieces: Iterable[tuple[int, bytes]]) -> None:
        """Show encoded pieces (Tj), selecting each subset's font when it changes, as `textOut`."""
        out: list[str] = []
        for subset, codes in pieces:
            if subset != self._subset:
                name = self._font.getSubsetInternalName(subset, self._doc)
                out.append(f"{name} {num(self._size)} Tf {num(self._leading)} TL")
                self._subset = subset
            out.append(f"({_escape(codes)}) Tj")
        self._code.append(" ".join(out))

    def draw(self) -> None:
        """End the text object and append it to the page, as `canvas.drawText`."""
        self._code.append("ET")
        if self._clipping:
            self._code.append(f"{self._mode ^ 4} Tr")
        self._canv.addLiteral(" ".join(self._code))


def lines(canv: Canvas, segments: Iterable[tuple[float, float, float, float]]) -> None:
    """Stroke straight segments (x1, y1, x2, y2) as one path, as `canvas.lines`."""
    canv.addLiteral("n")
    for x1, y1, x2, y2 in segments:
        canv.addLiteral(f"{num(x1)} {num(y1)} m {num(x2)} {num(y2)} l")
    canv.addLiteral("S")
