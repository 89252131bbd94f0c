"""Table layout arithmetic against plain definitions: `place` returns cells in (row, col) order whether or
not fillers were needed (it sorts only when it adds fillers) and covers every grid position once;
`row_heights` takes each band's tallest piece from its line count and gives `Metrics.need`'s heights."""

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


def plain_row_heights(bands: list[tl.Band], m: tl.Metrics) -> list[float]:
    """Row heights by definition: every single-row piece's `need`, then spans' shortfalls spread."""
    heights = [m.min_row] * len(bands)
    spans: list[tuple[int, tl.Piece]] = []
    for r, band in enumerate(bands):
        for p in band.pieces:
            if p.rowspan == 1:
                heights[r] = max(heights[r], m.need(p))
            else:
                spans.append((r, p))
    for r, p in sorted(spans, key=lambda rp: rp[1].rowspan):
        short = m.need(p) - sum(heights[r : r + p.rowspan])
        if short > 0:
            for i in range(r, r + p.rowspan):
                heights[i] += short / p.rowspan
    return heights


@st.composite
def bands(draw: st.DrawFn) -> list[tl.Band]:
    """Bands of pieces with 0–9 lines, some spanning the rows below."""
    n = draw(st.integers(1, 8))
    out = []
    for r in range(n):
        pieces = []
        for c in range(draw(st.integers(0, 4))):
            rowspan = draw(st.integers(1, n - r)) if draw(st.booleans()) else 1
            pieces.append(tl.Piece(c, 1, rowspan, ("x",) * draw(st.integers(0, 9)), c))
        out.append(tl.Band(tuple(pieces)))
    return out


@given(bands(), st.sampled_from([(11.4, 2.62), (13.65, 2.25), (9.1, 0.0), (0.0, 1.5)]))
def test_row_heights_are_every_pieces_need(body: list[tl.Band], metrics: tuple[float, float]) -> None:
    m = tl.Metrics(*metrics)
    assert tl.row_heights(body, m) == plain_row_heights(body, m)
