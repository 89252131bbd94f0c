"""Text styles: size, leading, font role, alignment, indent and character pitch for every kind of text.

This module owns the numbers that make a paragraph look the way a `doc.Para` style, a heading level or a
table cell asks. A `StyleSheet` is derived from a page `Geometry` (`StyleSheet.of`): the grid figures
(GB/T 9704-2012 by default: 16 pt body on a 28.95 pt line pitch, 28 characters in a 442.2 pt measure,
i.e. a character pitch of 15.79 pt and a tracking of −0.21 pt) have one source, so the page geometry and
the text always agree.
"""

from __future__ import annotations

import functools
from typing import Literal

import attrs

from juesuan_pdf.typeset.geometry import PROFILES, Geometry, small_pitch
from juesuan_pdf.typeset.linebreak import Align


@attrs.frozen
class TextStyle:
    """How a block of text is set. Lengths in pt except `first_indent` and `left_indent`, which are in em.

    `tracking` is added after every character (negative to fit a fixed grid); `space_before/after` are
    vertical space around the block; `keep_with_next` keeps a heading on the page of what follows.
    """

    role: str
    size: float
    leading: float
    align: Align = "justify"
    first_indent: float = 0.0
    left_indent: float = 0.0
    tracking: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    bold: bool = False
    keep_with_next: bool = False

    def with_(self, **changes: object) -> TextStyle:
        """A copy with some fields changed."""
        return attrs.evolve(self, **changes)  # type: ignore[arg-type]


CellAlign = Literal["left", "center", "right", "justify"]


@attrs.frozen
class StyleSheet:
    """Every text style of a document, derived from the grid: body size, line pitch and characters per line."""

    body_size: float
    line_pitch: float
    measure: float
    chars_per_line: int
    title_size: float
    heading_size: float
    table_size: float
    caption_size: float
    note_size: float
    page_number_size: float

    @classmethod
    @functools.cache
    def of(cls, geo: Geometry) -> StyleSheet:
        """The text styles of a geometry profile: sizes and grid from the profile, so text and pages agree."""
        return cls(
            body_size=geo.body_size,
            line_pitch=geo.line_pitch,
            measure=geo.portrait.width,
            chars_per_line=geo.chars_per_line,
            title_size=geo.title_size,
            heading_size=geo.heading_size,
            table_size=geo.table_size,
            caption_size=geo.caption_size,
            note_size=geo.note_size,
            page_number_size=geo.page_number_size,
        )

    @property
    def tracking(self) -> float:
        """Tracking that fits `chars_per_line` body characters in the measure (−0.21 pt in GB/T 9704)."""
        return self.measure / self.chars_per_line - self.body_size

    def body(self) -> TextStyle:
        """Body prose: 2 em first-line indent, justified, on the grid's line pitch and character pitch."""
        return TextStyle("body", self.body_size, self.line_pitch, "justify", 2.0, tracking=self.tracking)

    def para(self, style: str) -> TextStyle:
        """The style for a `doc.Para` style name (body, plain, center, right, caption, note, title, subtitle)."""
        body = self.body()
        small = self.small_leading
        styles = {
            "body": body,
            "plain": body.with_(first_indent=0.0),
            "center": body.with_(first_indent=0.0, align="center"),
            "right": body.with_(first_indent=0.0, align="right"),
            "caption": TextStyle("caption", self.caption_size, small(self.caption_size), "center"),
            "note": TextStyle("body", self.note_size, small(self.note_size), "justify"),
            "title": TextStyle("title", self.title_size, max(self.line_pitch, self.title_size * 1.3), "center"),
            "subtitle": TextStyle("heading1", self.heading_size, self.line_pitch, "center"),
        }
        if style not in styles:
            raise ValueError(f"unknown paragraph style {style!r}; known: {', '.join(styles)}")
        return styles[style]

    def heading(self, level: int) -> TextStyle:
        """Heading styles: level 0 centred part titles, 1–4 indented 2 em like body text (GB/T 9704 §7.3.3)."""
        if level <= 0:
            return TextStyle(
                "heading0",
                self.title_size,
                max(self.line_pitch, self.title_size * 1.3),
                "center",
                space_after=self.line_pitch,
                keep_with_next=True,
            )
        role = f"heading{min(level, 4)}"
        return TextStyle(
            role,
            self.heading_size,
            self.line_pitch,
            "justify",
            2.0,
            tracking=self.tracking if self.heading_size == self.body_size else 0.0,
            bold=level == 3,
            keep_with_next=True,
        )

    def cell(self, align: CellAlign = "left", size: float | None = None, bold: bool = False) -> TextStyle:
        """Table cell text: table size, compact leading, the cell's alignment (lines but the last justified)."""
        size = self.table_size if size is None else size
        return TextStyle("table", size, self.small_leading(size), "justify" if align == "left" else align, bold=bold)

    def page_number(self) -> TextStyle:
        """Page numbers: 四号 (14 pt) in the page-number role."""
        return TextStyle("page_number", self.page_number_size, self.page_number_size * 1.2, "left")

    @staticmethod
    def small_leading(size: float) -> float:
        """Leading for text off the grid (tables, captions, notes): `pages.small_pitch`."""
        return small_pitch(size)


GBT9704 = StyleSheet.of(PROFILES["gbt9704"])
"""The default style sheet: GB/T 9704-2012 page grid."""
