"""The format-neutral document tree: blocks of text, headings, breaks and the document root.

It knows neither 决算 nor reportlab. `compose` builds it; `typeset` draws it. Every text field is plain
text exactly as it must appear (never markup): the typesetter escapes nothing because it interprets nothing.
"""

from __future__ import annotations

import datetime as _dt
from typing import Literal

import attrs

from juesuan_pdf.doc.chart import BarChart, PieChart
from juesuan_pdf.doc.table import Table

ParaStyle = Literal["body", "plain", "center", "right", "caption", "note", "title", "subtitle"]
"""How a paragraph is set.

- body: first line indented 2 em, justified, last line flush left (the default for prose).
- plain: as body without the indent (list-like lines, signature lines).
- center / right: one short line centred or flush right.
- caption: a figure caption, centred, caption role font.
- note: small type under a table (注：…), justified, no indent.
- title / subtitle: document or annex title lines, centred, title role font.
"""

Orientation = Literal["portrait", "landscape"]


@attrs.frozen
class Run:
    """A stretch of text with one look. `role` picks a font role (see typeset.fonts) instead of the style's."""

    text: str
    bold: bool = False
    role: str | None = None


@attrs.frozen
class Para:
    """A paragraph: a sequence of runs set as one block of lines."""

    runs: tuple[Run, ...]
    style: ParaStyle = "body"

    @classmethod
    def of(cls, text: str, style: ParaStyle = "body", *, bold: bool = False) -> Para:
        """A paragraph of one run."""
        return cls((Run(text, bold=bold),), style)

    @property
    def text(self) -> str:
        """The paragraph's plain text."""
        return "".join(r.text for r in self.runs)


@attrs.frozen
class Heading:
    """A heading. Level 0 is a part (第一部分), 1 is 一、, 2 is （一）, 3 is 1., 4 is （1）.

    `key` is a stable identifier (used for outline destinations and tests); `outline` puts it in the
    PDF bookmarks and `toc` in the table of contents. `centered` sets it as a title line (an annex
    report's title) instead of flush left.
    """

    level: int
    text: str
    key: str
    outline: bool = True
    toc: bool = True
    page_break_before: bool = False
    centered: bool = False


@attrs.frozen
class PageBreak:
    """Start a new page; `orientation` switches the page orientation from that page on."""

    orientation: Orientation | None = None


@attrs.frozen
class Spacer:
    """Vertical white space, in body lines."""

    lines: float = 1.0


@attrs.frozen
class KeepTogether:
    """Blocks that must land on the same page (a heading with its chart, say)."""

    blocks: tuple[Block, ...]


@attrs.frozen
class TableOfContents:
    """Where the table of contents goes. `levels` is how many heading levels (0-based) it lists."""

    title: str = "目录"
    levels: int = 2


@attrs.frozen
class Cover:
    """A cover page: title lines in the title font, then smaller lines (organisation, date) lower down."""

    title_lines: tuple[str, ...]
    lower_lines: tuple[str, ...] = ()


@attrs.frozen
class Metadata:
    """PDF document information. `created` fixes the creation date so output is reproducible."""

    title: str
    author: str = ""
    subject: str = ""
    keywords: tuple[str, ...] = ()
    creator: str = "juesuan-pdf"
    lang: str = "zh-CN"
    created: _dt.datetime | None = None


@attrs.frozen
class Furniture:
    """Words the typesetter prints around the content, given as data (typeset knows no Chinese words).

    `page_number` is a format with `{n}` for the page number, e.g. "— {n} —".
    `continued` is appended to a merged table label repeated on a continuation page, e.g. "（续）".
    """

    page_number: str = "— {n} —"
    continued: str = "（续）"


Block = Para | Heading | PageBreak | Spacer | KeepTogether | TableOfContents | Cover | Table | BarChart | PieChart
"""Anything that can stand in a document's block list."""


@attrs.frozen
class Document:
    """The whole document: metadata, furniture words and the blocks in reading order."""

    metadata: Metadata
    blocks: tuple[Block, ...]
    furniture: Furniture = Furniture()
