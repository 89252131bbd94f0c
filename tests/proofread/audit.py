"""The typographic audit of a finished PDF (TYPESETTING.md §1.5): what a careful proof-reader checks.

`audit(pdf)` returns an `Audit`; `Audit.problems()` lists every finding as a line of text and is empty
for a clean document. The line rules are the typesetter's own (`linebreak.NO_START`, `NO_END`), so the
audit and the line breaker cannot disagree about what 避头尾 forbids.
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from juesuan_pdf.typeset.linebreak import CLOSING, NO_END, NO_START
from proofread.lines import Segment, pages

FURNITURE = re.compile(r"^[\s—–\-\d.·…]+$")
"""Page numbers (— 3 —) and contents leaders (……12) are not text lines."""

EDGE_TOLERANCE = 0.5
"""How far (pt) a line may end from the text block's edge and still count as reaching it."""

PAIRS = ("——", "……")
"""Doubled marks that must not be torn over a line end."""


@dataclass
class Audit:
    """Findings by kind (each a short description with its page), and the document's outline and metadata."""

    bad_start: list[str] = field(default_factory=list)
    bad_end: list[str] = field(default_factory=list)
    torn_pair: list[str] = field(default_factory=list)
    ragged: list[str] = field(default_factory=list)
    overhang: list[str] = field(default_factory=list)
    off_page: list[str] = field(default_factory=list)
    fonts: list[str] = field(default_factory=list)
    outline: int = 0
    title: bool = False
    lang: str = ""
    lines: int = 0

    def problems(self) -> list[str]:
        """Every finding, one line each; empty when the document is clean."""
        out = [
            f"{kind}: {item}"
            for kind, items in (
                ("bad-start", self.bad_start),
                ("bad-end", self.bad_end),
                ("torn-pair", self.torn_pair),
                ("ragged", self.ragged),
                ("overhang", self.overhang),
                ("off-page", self.off_page),
                ("font", self.fonts),
            )
            for item in items
        ]
        if not self.outline:
            out.append("outline: none")
        if not self.title:
            out.append("title: none")
        if not self.lang:
            out.append("lang: none")
        return out

    @property
    def clean(self) -> bool:
        """No finding at all."""
        return not self.problems()


def audit(pdf: str | Path) -> Audit:
    """Audit every page of `pdf` (needs poppler's pdffonts for the font check)."""
    result = Audit()
    for page in pages(pdf):
        text = [s for s in page.segments if not FURNITURE.match(s.text)]
        result.lines += len(text)
        _line_edges(text, result)
        _block_edges(page.width, text, result)
        result.off_page += [
            str(s) for s in page.segments if s.x0 < -EDGE_TOLERANCE or s.x1 > page.width + EDGE_TOLERANCE
        ]
    result.fonts = bad_fonts(pdf)
    reader = PdfReader(str(pdf))
    result.outline = _count(reader.outline)
    result.title = bool((reader.metadata or {}).get("/Title"))
    result.lang = str(reader.trailer["/Root"].get("/Lang", ""))
    return result


def _line_edges(segments: Sequence[Segment], result: Audit) -> None:
    """避头尾 at both ends of every line, and doubled marks kept whole."""
    for s in segments:
        if len(s.text) > 1 and s.text[0] in NO_START:
            result.bad_start.append(str(s))
        if len(s.text) > 1 and s.text[-1] in NO_END:
            result.bad_end.append(f"p{s.page}: …{s.text[-30:]}")
    for a, b in itertools.pairwise(segments):
        if any(a.text.endswith(p[0]) and b.text.startswith(p[1]) for p in PAIRS) and _continues(a, b):
            result.torn_pair.append(f"p{a.page}: {a.text[-10:]} | {b.text[:10]}")


def _block_edges(width: float, segments: Sequence[Segment], result: Audit) -> None:
    """Justified body lines end at the text block's right edge, and no line runs past it.

    The edge is where most long lines end. A line followed by a continuation of its paragraph (same font,
    size and left edge, on the next line) that stops short of the edge by more than a point but less than
    three ems is unjustified; a shortfall of several ems is a paragraph's last line.
    """
    body = [s for s in segments if s.x1 - s.x0 > 0.5 * width and s.size >= 9]
    if len(body) < 3:
        return
    common = Counter(round(s.x1) for s in body).most_common(1)[0][0]
    edge = max(s.x1 for s in body if round(s.x1) == common)
    for a, b in itertools.pairwise(body):
        if _continues(a, b) and abs(a.x0 - b.x0) < EDGE_TOLERANCE and 1.0 < edge - a.x1 < 3 * a.size:
            result.ragged.append(f"p{a.page}: {edge - a.x1:.1f} pt short: …{a.text[-20:]}")
    for s in body:
        # A closing mark at a line end may have its blank half past the edge (it is compressed away).
        allowance = EDGE_TOLERANCE + (0.5 * s.size if s.text[-1] in CLOSING else 0.0)
        if s.x1 - edge > allowance:
            result.overhang.append(f"p{s.page}: {s.x1 - edge:.1f} pt past the edge: …{s.text[-20:]}")


def _continues(a: Segment, b: Segment) -> bool:
    """Whether `b` is the next line of the same text as `a` (same face and size, a line below)."""
    return a.font == b.font and a.size == b.size and 0 < b.top - a.top < 3 * a.size


def bad_fonts(pdf: str | Path) -> list[str]:
    """Fonts pdffonts reports as not embedded or without a ToUnicode map."""
    pdffonts = shutil.which("pdffonts")
    if pdffonts is None:
        raise RuntimeError("pdffonts (poppler-utils) is needed for the font check")
    out = subprocess.run([pdffonts, str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
    bad = []
    for line in out[2:]:
        cols = line.split()
        # Read from the right: … emb sub uni object generation.
        if len(cols) >= 6 and (cols[-5] != "yes" or cols[-3] != "yes"):
            bad.append(f"{cols[0]} (embedded {cols[-5]}, ToUnicode {cols[-3]})")
    return bad


def _count(outline: Any) -> int:
    return sum(_count(item) if isinstance(item, list) else 1 for item in outline)
