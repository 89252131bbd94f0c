"""Tables as data: columns, header rows, body rows of cells with spans. No drawing here.

Rows follow the HTML convention: a row lists only the cells that start in it; positions covered by a
cell spanning from an earlier row or column are simply absent. `typeset.layout.tables` places them on a grid.
"""

from __future__ import annotations

from typing import Literal

import attrs

Align = Literal["left", "center", "right"]
CellKind = Literal["text", "money", "label"]
VAlign = Literal["top", "middle"]


@attrs.frozen
class Cell:
    """One cell. `kind='money'` cells are right-aligned figures; `indent` is in em (account levels).

    A cell with `rowspan > 1` that is cut by a page break repeats its text on the continuation page
    with the document's `Furniture.continued` suffix (e.g. 产出指标（续）), unless `repeat_label` is False.
    """

    text: str = ""
    colspan: int = 1
    rowspan: int = 1
    align: Align | None = None
    kind: CellKind = "text"
    bold: bool = False
    indent: float = 0.0
    repeat_label: bool = True

    @property
    def resolved_align(self) -> Align:
        """The alignment to use: explicit, else right for money, left for text, centre for labels."""
        if self.align is not None:
            return self.align
        return {"money": "right", "text": "left", "label": "center"}[self.kind]  # type: ignore[return-value]


@attrs.frozen
class Column:
    """A column. `weight` shares out the width left after the columns' minimum content widths;
    `min_chars` is a floor in characters of the table font (0: derived from content)."""

    weight: float = 1.0
    min_chars: float = 0.0


Row = tuple[Cell, ...]


@attrs.frozen
class Table:
    """A titled table with repeated header rows and notes below.

    - `title` is centred above the table; `form_no` (公开01表) sits at the right of the title line.
    - `caption_left` / `caption_right` form the line between title and table (部门：… / 金额单位：万元).
    - `header_rows` repeat at the top of every page the table continues on.
    - `notes` are paragraphs under the table (注：…).
    - `landscape` puts the table on landscape pages.
    - `key` identifies the table for outline entries and tests; `outline_text` is its bookmark text
      (empty: no bookmark of its own).
    - `valign` is where the body cells' text sits in a row made taller by another cell: "top" (all
      hang from the top, for forms of prose) or "middle" (all centred, for tables of figures). One
      value for the whole table, so that a row never mixes the two. Header cells are always centred.
    """

    columns: tuple[Column, ...]
    header_rows: tuple[Row, ...]
    body_rows: tuple[Row, ...]
    title: str = ""
    form_no: str = ""
    caption_left: str = ""
    caption_right: str = ""
    notes: tuple[str, ...] = ()
    landscape: bool = False
    key: str = ""
    outline_text: str = ""
    font_role: str = "table"
    valign: VAlign = "top"
