"""Pure layout arithmetic of tables: grid placement, column widths, row heights and page splits
(internal, may change).

No reportlab here and no drawing: a table's body is a list of `Band`s (grid rows), each holding the
`Piece`s (cells or parts of cells) that start in it. Pieces carry their already measured text lines as
opaque values, so this module only counts lines. Splitting a body returns new band lists, the state a
continuation page needs travelling as values (Typst's regions, WeasyPrint's skip stack).

Why our own splitter: reportlab's Table never breaks inside a row span (it moves the whole span to the
next page, leaving a blank third of a page), fails on a span taller than a page and leaves the
continuation of a split span empty (TYPESETTING.md §2). Here a page break may fall between any two rows
and, when that would waste space, between two lines of a row; a merged label cut by the break is
repeated on the continuation page with a suffix (e.g. 产出指标（续）).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from typing import Any, Literal

import attrs

VAlign = Literal["top", "middle"]


@attrs.frozen
class Placed:
    """A cell placed on the grid: its top-left grid position, spans and index in the source rows."""

    row: int
    col: int
    rowspan: int
    colspan: int
    source: tuple[int, int] | None
    """(row index, index in that row) of the source cell; None for a filler of an uncovered position."""


def place(rows: Sequence[Sequence[tuple[int, int]]], ncols: int) -> list[Placed]:
    """Grid positions of cells given per row as (colspan, rowspan), HTML style; gaps get empty fillers.

    A row lists only the cells that start in it, left to right, skipping positions covered by spans
    from earlier rows. Raises ValueError naming the row and cell when a cell runs past the last
    column or a span runs past the last row.
    """
    taken: set[tuple[int, int]] = set()
    placed: list[Placed] = []
    for r, row in enumerate(rows):
        c = 0
        for i, (colspan, rowspan) in enumerate(row):
            while (r, c) in taken:
                c += 1
            _check_fits(r, i, c, colspan, rowspan, ncols, len(rows))
            placed.append(Placed(r, c, rowspan, colspan, (r, i)))
            if rowspan == colspan == 1:  # most cells: no generator for one position
                taken.add((r, c))
            else:
                taken.update((r + dr, c + dc) for dr in range(rowspan) for dc in range(colspan))
            c += colspan
    if len(taken) < len(rows) * ncols:  # some positions are left uncovered: fill them
        for r in range(len(rows)):
            placed.extend(Placed(r, c, 1, 1, None) for c in range(ncols) if (r, c) not in taken)
        placed.sort(key=_position)
    # Without fillers the cells are already in (row, col) order: each row's left to right, row by row.
    return placed


_position = operator.attrgetter("row", "col")


def _check_fits(r: int, i: int, c: int, colspan: int, rowspan: int, ncols: int, nrows: int) -> None:
    """Raise ValueError when a cell does not fit in the grid."""
    if colspan < 1 or rowspan < 1:
        raise ValueError(f"row {r + 1}, cell {i + 1}: spans must be at least 1 (colspan={colspan}, rowspan={rowspan})")
    if c + colspan > ncols:
        raise ValueError(f"row {r + 1}, cell {i + 1}: ends at column {c + colspan}, the table has {ncols}")
    if r + rowspan > nrows:
        raise ValueError(f"row {r + 1}, cell {i + 1}: spans {rowspan} rows, only {nrows - r} remain")


def column_widths(
    mins: Sequence[float],
    naturals: Sequence[float],
    weights: Sequence[float],
    total: float,
    wishes: Sequence[float] | None = None,
) -> list[float]:
    """Column widths filling `total`: every column its minimum, then the rest by weight.

    Like HTML's automatic table layout: spare width first goes to columns still narrower than their
    natural (unwrapped) content, in proportion to their weights, so short columns are not padded while
    text is wrapping next door; then to columns below their `wishes` (labels that would fit on one
    line); what is left once every column has that is shared by weight. When even the minimums do not
    fit they are scaled down together.
    """
    base = sum(mins)
    if base >= total:
        return [m * total / base for m in mins] if base else [total / len(mins)] * len(mins)
    widths = list(mins)
    spare = _fill(widths, naturals, weights, total - base)
    if wishes is not None:
        spare = _fill(widths, [max(n, w) for n, w in zip(naturals, wishes, strict=True)], weights, spare)
    if spare > 1e-6:
        share = sum(weights) or float(len(weights))
        widths = [w + spare * ((weights[i] if sum(weights) else 1.0) / share) for i, w in enumerate(widths)]
    return widths


def _fill(widths: list[float], targets: Sequence[float], weights: Sequence[float], spare: float) -> float:
    """Grow `widths` toward `targets` by weight out of `spare`; returns what is left of it."""
    hungry = [i for i in range(len(widths)) if targets[i] > widths[i] + 1e-6]
    while spare > 1e-6 and hungry:
        eff = {i: max(weights[i], 0.0) for i in hungry}
        if not sum(eff.values()):
            eff = dict.fromkeys(hungry, 1.0)  # only weightless columns left wanting: share equally
        share = sum(eff.values())
        grants = {i: min(spare * eff[i] / share, targets[i] - widths[i]) for i in hungry}
        for i, g in grants.items():
            widths[i] += g
        spare -= sum(grants.values())
        hungry = [i for i in hungry if targets[i] > widths[i] + 1e-6]
    return spare


def spread_minimums(
    ncols: int, singles: Sequence[tuple[int, float]], spans: Sequence[tuple[int, int, float]]
) -> list[float]:
    """Per-column minimums from single-column needs (col, width) and spanning needs (col, colspan, width).

    A spanning cell wider than its columns' combined minimum spreads the difference evenly over them.
    """
    mins = [0.0] * ncols
    for col, width in singles:  # `max`, inline: once per cell, three times per trial setting
        if width > mins[col]:
            mins[col] = width
    for col, colspan, width in sorted(spans, key=lambda s: s[1]):
        have = sum(mins[col : col + colspan])
        if width > have:
            for c in range(col, col + colspan):
                mins[c] += (width - have) / colspan
    return mins


@attrs.frozen
class Piece:
    """A cell, or the part of one that lands on one page, with its measured lines.

    `rowspan` counts bands of the band list the piece lives in. `continued` marks the part after a page
    break. `repeat` says the piece shows its whole label again after a break (short merged labels)
    instead of handing on its remaining lines. `key` indexes the caller's cell data (fonts, alignment).
    """

    col: int
    colspan: int
    rowspan: int
    lines: tuple[Any, ...]
    key: int
    valign: VAlign = "top"
    repeat: bool = False
    continued: bool = False


@attrs.frozen
class Band:
    """A grid row: the pieces that start in it, left to right.

    `keep_with_next` marks a row of column labels inside the body (a sub-header): no page break
    right after it.
    """

    pieces: tuple[Piece, ...]
    keep_with_next: bool = False


@attrs.frozen
class Metrics:
    """Vertical metrics shared by every cell of a table: line pitch and top/bottom cell padding."""

    pitch: float
    vpad: float

    @property
    def min_row(self) -> float:
        """Height of a row of one line."""
        return self.pitch + 2 * self.vpad

    def need(self, piece: Piece) -> float:
        """Height a piece needs to show all its lines (an empty piece needs one line's height)."""
        return max(len(piece.lines), 1) * self.pitch + 2 * self.vpad


ContinueLabel = Callable[[Piece], tuple[Any, ...]]
"""Measures the label a repeated piece shows after a page break (its text with the continued suffix)."""


def row_heights(bands: Sequence[Band], m: Metrics) -> list[float]:
    """Height of every band: the tallest single-row piece, then spans' shortfalls spread over their rows."""
    heights = [m.min_row] * len(bands)
    spans: list[tuple[int, Piece]] = []
    pitch, pads = m.pitch, 2 * m.vpad
    for r, band in enumerate(bands):
        # The tallest single-row piece is the one with the most lines: `Metrics.need` grows with the line
        # count (to the bit: times a pitch ≥ 0, plus the paddings), so it is computed once per band, and
        # for one line it is `min_row` itself.
        most = 1
        for p in band.pieces:
            if p.rowspan == 1:
                if len(p.lines) > most:
                    most = len(p.lines)
            else:
                spans.append((r, p))
        if most > 1:
            heights[r] = max(heights[r], most * pitch + pads)
    # Shorter spans first, so a long span sees the room the short ones already made.
    for r, p in sorted(spans, key=lambda rp: rp[1].rowspan):
        have = sum(heights[r : r + p.rowspan])
        short = m.need(p) - have
        if short > 0:
            for i in range(r, r + p.rowspan):
                heights[i] += short / p.rowspan
    return heights


def total_height(bands: Sequence[Band], m: Metrics) -> float:
    """Height of a band list."""
    return sum(row_heights(bands, m))


def cut(
    bands: Sequence[Band], k: int, m: Metrics, cont: ContinueLabel, avail: float | None = None
) -> tuple[list[Band], list[Band]]:
    """Cut between band k-1 and band k: pieces spanning the cut are shared out between the two parts.

    A repeated piece keeps its whole label above the cut and shows `cont(piece)` below it. Any other
    piece keeps the lines that fit in its rows above the cut (plus the page room left under them, when
    `avail` is given) and hands the rest on.
    """
    above = [list(b.pieces) for b in bands[:k]]
    below = [list(b.pieces) for b in bands[k:]]
    crossing = [(r, i, p) for r, row in enumerate(above) for i, p in enumerate(row) if r + p.rowspan > k]
    for r, i, p in crossing:
        above[r][i] = attrs.evolve(p, rowspan=k - r, lines=())
    room = row_heights([Band(tuple(row)) for row in above], m)
    # A long merged text may stretch its rows down to the bottom of the page rather than move on.
    extra = max(avail - sum(room), 0.0) if avail is not None else 0.0
    for r, i, p in crossing:
        keep, rest = _share_lines(p, sum(room[r:k]) + extra, m, cont)
        above[r][i] = attrs.evolve(p, rowspan=k - r, lines=keep)
        below[0].append(attrs.evolve(p, rowspan=r + p.rowspan - k, lines=rest, continued=True))
    below[0].sort(key=lambda p: p.col)
    flags = [b.keep_with_next for b in bands]
    return (
        [Band(tuple(row), flags[r]) for r, row in enumerate(above)],
        [Band(tuple(row), flags[k + r]) for r, row in enumerate(below)],
    )


def _share_lines(p: Piece, room: float, m: Metrics, cont: ContinueLabel) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """Lines of a piece cut by a page break: (lines above the cut, lines below it)."""
    if p.repeat:
        return p.lines, cont(p)
    fit = max(int((room - 2 * m.vpad + 1e-6) // m.pitch), 0)
    return p.lines[:fit], p.lines[fit:]


def refine(bands: Sequence[Band], k: int, lines_above: int, cont: ContinueLabel) -> list[Band]:
    """Band k divided in two after `lines_above` lines, so that a page break can fall inside the row.

    Pieces that start in band k and span only it share their lines out (repeated labels show again
    below, continued); pieces spanning more rows, or reaching band k from above, cover both halves.
    """
    top: list[Piece] = []
    bottom: list[Piece] = []
    for p in bands[k].pieces:
        if p.rowspan > 1:
            top.append(attrs.evolve(p, rowspan=p.rowspan + 1))
        elif p.repeat and len(p.lines) <= lines_above:
            top.append(p)
            bottom.append(attrs.evolve(p, lines=cont(p), continued=True))
        else:
            top.append(attrs.evolve(p, lines=p.lines[:lines_above]))
            bottom.append(attrs.evolve(p, lines=p.lines[lines_above:], continued=True))
    out = [_grow_spans_over(b, r, k) for r, b in enumerate(bands[:k])]
    return [*out, Band(tuple(top)), Band(tuple(bottom), bands[k].keep_with_next), *bands[k + 1 :]]


def _grow_spans_over(band: Band, r: int, k: int) -> Band:
    """Band r with every span that reaches band k made one row longer (band k is being divided)."""
    if not any(r + p.rowspan > k for p in band.pieces):
        return band
    grown = tuple(attrs.evolve(p, rowspan=p.rowspan + 1) if r + p.rowspan > k else p for p in band.pieces)
    return attrs.evolve(band, pieces=grown)


@attrs.frozen
class SplitPolicy:
    """When a row may be divided across pages instead of moving whole to the next page.

    A row is divided only when moving it would leave more than `max_waste` of the available height
    blank (or nothing would fit at all), keeping at least `min_lines` lines on each side when it can.
    """

    # A quarter keeps every page at least three-quarters full while sparing ordinary rows (a few lines
    # of an indicator and its figures) from being torn apart, which readers find hard to follow.
    max_waste: float = 0.25
    min_lines: int = 3
    # A continuation page holding a single row (then the notes) looks like a leftover; two rows read
    # as part of the table. Moving one more row down is allowed within the same `max_waste`.
    min_tail_rows: int = 2


def split(
    bands: Sequence[Band],
    avail: float,
    m: Metrics,
    cont: ContinueLabel,
    policy: SplitPolicy = SplitPolicy(),
    at_top: bool = True,
) -> tuple[list[Band], list[Band]] | None:
    """The part of a body that fits in `avail` and the rest; None when it should move on whole.

    `at_top` says the room is a whole empty page: only there may a row be cut after fewer than
    `policy.min_lines` lines, or a sub-header be left last (it will not fit any better on the next page).
    """
    found = _split(bands, avail, m, cont, policy, strict=not at_top, keeps=True)
    if found is None and at_top:
        found = _split(bands, avail, m, cont, policy, strict=False, keeps=False)
    if found is not None:
        found = _keep_tail(bands, found, avail, m, cont, policy)
    return found


def _keep_tail(
    bands: Sequence[Band],
    found: tuple[list[Band], list[Band]],
    avail: float,
    m: Metrics,
    cont: ContinueLabel,
    policy: SplitPolicy,
) -> tuple[list[Band], list[Band]]:
    """Move rows down so the last page of a table holds `min_tail_rows` rows, when that wastes little.

    Only a clean cut leaving fewer rows below than the minimum is changed, and only to another clean
    cut that fits, does not end on a sub-header, leaves at least one row above and no more than
    `max_waste` of the room blank. Row cuts (tall rows, merged blocks) stand as they are.
    """
    above, below = found
    n = len(bands)
    if len(above) + len(below) != n or len(below) >= policy.min_tail_rows or n <= policy.min_tail_rows:
        return found
    j = n - policy.min_tail_rows
    if bands[j - 1].keep_with_next or any(p.rowspan > 1 for b in bands[j:] for p in b.pieces):
        return found
    new_above, new_below = cut(bands, j, m, cont, avail)
    used = total_height(new_above, m)
    if used > avail + 1e-6 or avail - used > policy.max_waste * avail:
        return found
    return new_above, new_below


def _split(
    bands: Sequence[Band], avail: float, m: Metrics, cont: ContinueLabel, policy: SplitPolicy, strict: bool, keeps: bool
) -> tuple[list[Band], list[Band]] | None:
    """`split` with the rules set: `strict` row cuts keep `min_lines` each side; `keeps` honours sub-headers."""
    clean = _best_clean_cut(bands, avail, m, cont, keeps)
    k = clean[0] if clean else 0
    waste = avail - total_height(clean[1], m) if clean else avail
    if k < len(bands) and (clean is None or waste > policy.max_waste * avail):
        # A sub-header stays with the first lines of the row under it.
        target = k + 1 if keeps and bands[k].keep_with_next and k + 1 < len(bands) else k
        inside = _best_inner_cut(bands, target, avail, m, cont, policy, strict=strict or clean is not None)
        if inside is not None:
            return inside
    return (clean[1], clean[2]) if clean else None


def _best_clean_cut(
    bands: Sequence[Band], avail: float, m: Metrics, cont: ContinueLabel, keeps: bool = True
) -> tuple[int, list[Band], list[Band]] | None:
    """The cut between rows that puts the most rows above it and still fits (not after a sub-header)."""
    heights = row_heights(bands, m)
    # Clipping spans only makes the upper part taller, so no cut below the plain running sum can fit.
    k, acc = 0, 0.0
    while k < len(bands) - 1 and acc + heights[k] <= avail + 1e-6:
        acc += heights[k]
        k += 1
    for j in range(k, 0, -1):
        if keeps and bands[j - 1].keep_with_next:
            continue
        for room in (avail, None):
            above, below = cut(bands, j, m, cont, room)
            if total_height(above, m) <= avail + 1e-6:
                return j, above, below
    return None


def _best_inner_cut(
    bands: Sequence[Band], k: int, avail: float, m: Metrics, cont: ContinueLabel, policy: SplitPolicy, strict: bool
) -> tuple[list[Band], list[Band]] | None:
    """A cut inside band k after as many lines as fit; None when the row cannot be divided usefully."""
    most = max((len(p.lines) for p in bands[k].pieces if p.rowspan == 1), default=0)
    least = policy.min_lines if strict else 1
    for n in range(most - least, least - 1, -1):
        refined = refine(bands, k, n, cont)
        above, below = cut(refined, k + 1, m, cont, avail)
        if total_height(above, m) <= avail + 1e-6:
            return above, below
    return None
