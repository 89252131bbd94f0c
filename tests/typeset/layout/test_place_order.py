"""`table_layout.place` returns cells in (row, col) order, whether or not fillers were needed (it sorts
only when it adds fillers), and covers every grid position exactly once."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from juesuan_pdf.typeset.layout import table_layout as tl


@st.composite
def grids(draw: st.DrawFn) -> tuple[list[list[tuple[int, int]]], int]:
    """Rows of (colspan, rowspan) that fit a grid of `ncols` columns, some rows left short (fillers)."""
    ncols = draw(st.integers(1, 5))
    nrows = draw(st.integers(1, 6))
    taken: set[tuple[int, int]] = set()
    rows: list[list[tuple[int, int]]] = []
    for r in range(nrows):
        row: list[tuple[int, int]] = []
        c = 0
        while True:
            while (r, c) in taken:
                c += 1
            if c >= ncols or draw(st.integers(0, 9)) == 0:  # a short row now and then
                break
            colspan = 1
            while c + colspan < ncols and (r, c + colspan) not in taken and draw(st.integers(0, 3)) == 0:
                colspan += 1
            rowspan = draw(st.integers(1, nrows - r)) if draw(st.integers(0, 3)) == 0 else 1
            row.append((colspan, rowspan))
            taken |= {(r + dr, c + dc) for dr in range(rowspan) for dc in range(colspan)}
            c += colspan
        rows.append(row)
    return rows, ncols


@given(grids())
def test_cells_come_in_reading_order_and_cover_the_grid_once(grid: tuple[list[list[tuple[int, int]]], int]) -> None:
    rows, ncols = grid
    placed = tl.place(rows, ncols)
    assert [(p.row, p.col) for p in placed] == sorted((p.row, p.col) for p in placed)
    covered = [(p.row + dr, p.col + dc) for p in placed for dr in range(p.rowspan) for dc in range(p.colspan)]
    assert sorted(covered) == [(r, c) for r in range(len(rows)) for c in range(ncols)]
