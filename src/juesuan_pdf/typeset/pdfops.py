"""PDF text and path operators written straight into a canvas's page stream (internal, may change).

The paragraph and table code draws thousands of short runs of one TrueType font each. reportlab's text
object is general (shaping, Type 1 fonts, a cursor kept up to date by measuring every string) and
formats every number afresh with `fp_str`, which without reportlab's optional C accelerator is slow
Python. `TextWriter` writes the very same operators, byte for byte, as `canvas.beginText()` …
`drawText()` for the calls it stands for, and `lines` as `canvas.lines()`; numbers are formatted by
reportlab's own `fp_str` and remembered, since the same coordinates recur on every page.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas


@functools.lru_cache(maxsize=65536)
def num(x: float) -> str:
    """A number as reportlab writes it in content streams (`fp_str`), remembered."""
    return str(fp_str(x))


@functools.lru_cache(maxsize=4096)
def _pdf_number(x: float) -> bytes:
    return num(x).encode("ascii")


def pdf_numbers(numbers: Iterable[float]) -> list[bytes]:
    """Numbers of a PDF object (a `pdfdoc.PDFArray`'s items) as reportlab's object formatter writes them.

    `pdfdoc.format` writes a number as `fp_str` gives it (digits, a point and a sign: ASCII) and bytes as
    they are, so an array of these bytes is written as the array of numbers was, without formatting
    each number again (slow Python without reportlab's C accelerator; a font's widths are 256 of them).
    """
    return [_pdf_number(x) for x in numbers]


_escape = functools.lru_cache(maxsize=65536)(escapePDF)
"""`escapePDF`, remembered: a text's subset pieces (figures, labels, common characters) recur in others."""

Stretch = tuple[int, int, str, float, float, int]
"""Glyphs `start:end` of a line in one font: (start, end, font name, size, character spacing, render mode)."""


class TextWriter:
    """Lines of TrueType text for one PDF document, each one text object (BT … ET), written as reportlab's
    PDFTextObject writes it for `setFont`, `setCharSpace`, `setTextRenderMode`, `setTextOrigin` and
    `textOut` (a test compares the two).

    A document draws thousands of lines but only a few thousand distinct (font, size, text) stretches: the
    operators of each stretch's subset pieces are made once and kept, so a line costs one string join.
    """

    def __init__(self, document: object) -> None:
        self._doc = document
        self._pieces: dict[tuple[str, float, str], tuple[tuple[int, str], ...]] = {}
        self._names: dict[tuple[str, int], str] = {}
        self._actual: dict[str, str] = {}

    def line(self, x: float, y: float, xs: Sequence[float], text: str, stretches: Iterable[Stretch]) -> str:
        """One text object showing `text` per stretch, each subset piece at its own origin (x + xs[i], y),
        inside a marked-content span whose /ActualText is `text` without its line feeds.

        Extractors that guess word breaks from glyph gaps (poppler's pdftotext) would otherwise read a
        justified line as "2 0 2 3 年 本 年". PDF applies the character spacing (Tc) after every glyph,
        but pdfminer (pdfplumber) drops it between two Tj strings, so every piece gets its own text origin
        and every reader agrees on positions. The span's start, the text object and its end are three
        lines of the content stream, as three `addLiteral` calls would write them.
        """
        actual = self._actual.get(text)
        if actual is None:
            actual = self._actual[text] = text.replace("\n", "").encode("utf-16-be").hex().upper()
        ops = [f"/Span <</ActualText <FEFF{actual}>>> BDC\nBT"]
        at_y = f"{num(y)} Tm "
        mode = 0
        known = self._pieces
        for start, end, font, size, spacing, render in stretches:
            ops.append(f"{num(spacing)} Tc")
            if render != mode:
                mode = render
                ops.append(f"{mode} Tr")
            key = (font, size, text[start:end])
            pieces = known.get(key)
            if pieces is None:
                pieces = known[key] = self._cut(*key)
            for offset, show in pieces:
                ops.append(f"1 0 0 1 {num(x + xs[start + offset])} {at_y}{show}")
        ops.append("ET\nEMC")
        return " ".join(ops)

    def _cut(self, name: str, size: float, text: str) -> tuple[tuple[int, str], ...]:
        """`text` in font `name` at `size`, cut where the font switches to another 256-glyph subset: for each
        piece, the index of its first glyph in `text` and its operators (subset font selection, Tj).

        A font assigns a character its subset code the first time the document shows it and keeps it, so
        the pieces of a text never change within a document (`line` keeps them). Two neighbouring pieces
        are always of different subsets, so each one selects its subset's font, as `textOut` does when
        the subset changes.
        """
        font = pdfmetrics.getFont(name)
        if not getattr(font, "_dynamicFont", False):
            raise TypeError(f"{name} is not a TrueType font")
        # reportlab names a font's subsets when the document first selects one (F1, F2, … in that order):
        # the pieces are made when a text is first shown, so that order is kept.
        tail = f" {num(size)} Tf {num(size * 1.2)} TL ("
        out: list[tuple[int, str]] = []
        offset = 0
        names = self._names
        for subset, codes in font.splitString(text, self._doc):
            subset_name = names.get((name, subset))
            if subset_name is None:
                subset_name = names[name, subset] = font.getSubsetInternalName(subset, self._doc)
            out.append((offset, f"{subset_name}{tail}{_escape(codes)}) Tj"))
            offset += len(codes)  # one byte per glyph in a TrueType subset
        return tuple(out)


def lines(canv: Canvas, segments: Iterable[tuple[float, float, float, float]]) -> None:
    """Stroke straight segments (x1, y1, x2, y2) as one path, as `canvas.lines`.

    A page's content stream is its literals joined by line feeds, so the path is added as one literal of
    lines rather than a literal per segment.
    """
    path = "\n".join([f"{num(x1)} {num(y1)} m {num(x2)} {num(y2)} l" for x1, y1, x2, y2 in segments])
    canv.addLiteral(f"n\n{path}\nS" if path else "n\nS")
