"""Visual text lines of a PDF page, read with pdfplumber: characters on one baseline, cut into segments
where a gap wider than about an em separates them (table cells side by side, a number column)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber

BASELINE_TOLERANCE = 2.0
"""Characters whose tops differ by at most this (pt) sit on one line."""

CELL_GAP_EM = 0.9
"""A horizontal gap wider than this (em of the character before it) starts a new segment."""


@dataclass(frozen=True)
class Segment:
    """A run of characters on one line: its text, extent, type size and the font of its first character."""

    page: int
    text: str
    x0: float
    x1: float
    top: float
    size: float
    font: str

    def __str__(self) -> str:
        return f"p{self.page}: {self.text[:30]}"


@dataclass(frozen=True)
class Page:
    """A page's width and its segments, top to bottom, left to right."""

    number: int
    width: float
    height: float
    segments: tuple[Segment, ...]


def pages(pdf: str | Path) -> Iterator[Page]:
    """Every page of `pdf` with its segments."""
    with pdfplumber.open(str(pdf)) as doc:
        for number, page in enumerate(doc.pages, 1):
            chars = [c for c in page.chars if c["text"].strip()]
            yield Page(number, float(page.width), float(page.height), tuple(_segments(number, chars)))


def _segments(page: int, chars: list[dict[str, Any]]) -> Iterator[Segment]:
    rows: list[list[dict[str, Any]]] = []
    for c in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        if rows and abs(rows[-1][0]["top"] - c["top"]) <= BASELINE_TOLERANCE:
            rows[-1].append(c)
        else:
            rows.append([c])
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        start = 0
        for i in range(1, len(row) + 1):
            if i == len(row) or row[i]["x0"] - row[i - 1]["x1"] > CELL_GAP_EM * max(row[i - 1]["size"], 1.0):
                run = row[start:i]
                yield Segment(
                    page,
                    "".join(c["text"] for c in run),
                    float(run[0]["x0"]),
                    float(run[-1]["x1"]),
                    float(run[0]["top"]),
                    round(float(run[0]["size"]), 1),
                    str(run[0]["fontname"]),
                )
                start = i
