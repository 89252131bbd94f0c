"""Text styles: size, leading, font role, alignment, indent and character pitch for every kind of text.

This module owns the numbers that make a paragraph look the way a `doc.Para` style, a heading level or a
table cell asks. A `StyleSheet` derives all of them from a few grid figures (GB/T 9704-2012 by default:
16 pt body on a 28.95 pt line pitch, 28 characters in a 442.2 pt measure, i.e. a character pitch of
15.79 pt and a tracking of −0.21 pt) so the page geometry and the text always agree.
"""

from __future__ import annotations

from typing import Literal

import attrs

from juesuan_pdf.typeset.linebreak import Align

MM = 72 / 25.4


@attrs.frozen
class TextStyle:
    """How a block of text is set. Lengths in pt except `first_indent` and `left_indent`, which are in em.

    `tracking` is added after every character (negative to fit a fixed grid); `space_before/after` are
    vertical space around the block; `keep_with_next` keeps a heading on the page of what follows.
    """

    role: str = "body"
    size: float = 16.0
    leading: float = 28.95
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

    body_size: float = 16.0
    line_pitch: float = 225 * MM / 22
    measure: float = 156 * MM
    chars_per_line: int = 28
    title_size: float = 22.0
    heading_size: float = 16.0
    table_size: float = 10.5
    caption_size: float = 12.0
    note_size: float = 12.0
    page_number_size: float = 14.0

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
        """Leading for text off the grid (tables, captions, notes): 1.3 × size, rounded to 0.01 pt."""
        return round(size * 1.3, 2)


GBT9704 = StyleSheet()
"""The default style sheet: GB/T 9704-2012 page grid."""
