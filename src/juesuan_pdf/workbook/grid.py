"""A `doc.Table`'s rows placed on a rectangular grid of positions (internal, may change).

`doc.Table` rows follow the HTML convention: a row lists only the cells that start in it. Spreadsheets
need each cell's row and column, and the ranges to merge.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from juesuan_pdf.doc import Cell, Row


@attrs.frozen
class Placed:
    """A cell at its top-left grid position (0-based row and column)."""

    row: int
    col: int
    cell: Cell

    @property
    def last_row(self) -> int:
        """The last grid row the cell covers."""
        return self.row + self.cell.rowspan - 1

    @property
    def last_col(self) -> int:
        """The last grid column the cell covers."""
        return self.col + self.cell.colspan - 1

    @property
    def merged(self) -> bool:
        """Whether the cell spans more than one position."""
        return self.cell.rowspan > 1 or self.cell.colspan > 1


def place(rows: Iterable[Row], first_row: int = 0) -> Iterator[Placed]:
    """Every cell of `rows` at its grid position, skipping positions covered by earlier spans."""
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(rows, start=first_row):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            yield Placed(r, c, cell)
            taken.update((r + dr, c + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan))
            c += cell.colspan
