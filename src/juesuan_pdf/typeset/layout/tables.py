"""doc.Table → boxes: title and caption lines, a ruled grid with repeated header rows, notes.

The grid is one box (`TableBox`): it measures every cell with the Chinese line breaker, lays rows out
with `table_layout` and splits between rows or inside a tall row, repeating a merged label cut by a page
break with the furniture's continued suffix (产出指标（续）). Every text, cells and captions alike, goes
through the one text pipeline (`layout.text`: fallback faces, 破折号 join kerning, fake bold), and each
cell's lines are drawn one after another, so text extraction keeps a cell's text together in reading
order. Landscape pages for wide tables are the document's business, around the table's boxes.

Public API: `table_boxes(doc.Table, ctx)` (registered with `to_boxes`) → [TableBox, note paragraphs…];
`prepare` / `layout` / `setting` / `measure` expose the measuring steps for tests and tools.
"""

from __future__ import annotations

import functools
from collections.abc import Hashable, Sequence
from typing import Any, cast

import attrs

from juesuan_pdf import doc
from juesuan_pdf.typeset import linebreak as lb
from juesuan_pdf.typeset.geometry import small_pitch
from juesuan_pdf.typeset.layout import table_layout as tl
from juesuan_pdf.typeset.layout import text as pipeline
from juesuan_pdf.typeset.layout.boxes import Box, FrameBreak
from juesuan_pdf.typeset.layout.dispatch import LayoutContext, to_boxes
from juesuan_pdf.typeset.layout.frames import Glyph, GlyphRun, Item, Rules
from juesuan_pdf.typeset.layout.paragraph import make_text

# Table sizes tried, largest first, until the columns' minimum widths fit the frame (五号, 小五, 六号 …).
SHRINK_STEPS = (1.0, 9.0 / 10.5, 8.0 / 10.5, 7.5 / 10.5)
RULE_WIDTH = 0.5
"""Grid line width in pt: thin, the same for every line of every table."""
HPAD_EM = 0.5
"""Left/right cell padding in em: two paddings make the 1 em gap that keeps adjacent cells' text apart."""
VPAD_EM = 0.25
"""Top/bottom cell padding in em."""
TITLE_PITCH = 1.5
"""Title line pitch in em of the title size."""
TEXT_MIN_CHARS = 12
"""Characters a line of wrapping text should hold: labels wrap into more lines when that gives it room."""
HEADER_MIN_LINES = 3
"""Header labels are given width enough to wrap into at most this many lines."""
JUSTIFY_MIN_LINES = 3
"""A cell's lines are justified only when its text runs to at least this many lines (a longer text): a short
text wrapped once in a narrow cell is set flush left rather than letter-spaced across the cell."""
CAP_HEIGHT_EM = 0.76
"""Height of the CJK ink above the baseline, in em: a line's baseline centres that ink in its pitch."""


# ---------------------------------------------------------------------------------------------------------
# Measured text: glyphs (from the one text pipeline) and set lines


@attrs.frozen(cache_hash=True)  # a key of the text caches, hashed at every cell measured
class CellStyle:
    """Font role, weight and size of a piece of table text."""

    role: str
    bold: bool
    size: float


@attrs.frozen
class TextLine:
    """One set line: its glyphs and the line breaker's placing of them (`line.xs` from the measure's left)."""

    glyphs: tuple[Glyph, ...]
    line: lb.Line

    @property
    def text(self) -> str:
        """The characters of the line (line feeds left out)."""
        return "".join(g.char for g in self.glyphs if g.char != "\n")

    @property
    def width(self) -> float:
        """The set width of the line."""
        return self.line.width

    def shifted(self, dx: float) -> TextLine:
        """The line moved `dx` to the right inside its measure."""
        ln = self.line
        return TextLine(self.glyphs, lb.Line(ln.start, ln.end, tuple([x + dx for x in ln.xs]), ln.width, ln.last))

    def place(self, left: float, baseline: float) -> GlyphRun:
        """The line as a glyph run with its measure's left edge at `left`."""
        return pipeline.run(self.glyphs, self.line, left, baseline)


def glyphs(fonts: pipeline.Fonts, style: CellStyle, content: str) -> tuple[Glyph, ...]:
    """`content` shaped in `style`: each character with its face (a fallback where the role's lacks it)."""
    try:
        return _cached_glyphs(_hashable(fonts), style, content)
    except TypeError:  # a font set that cannot be hashed is simply not cached
        return _shaped(fonts, style, content)


@functools.lru_cache(maxsize=16384)
def _cached_glyphs(fonts: Any, style: CellStyle, content: str) -> tuple[Glyph, ...]:
    """Glyphs of a text, remembered per font set: the same labels and figures recur in every table."""
    return _shaped(fonts, style, content)


def _hashable(fonts: pipeline.Fonts) -> Hashable:
    """The font set as a cache key (a FontSet hashes by identity; one that cannot raises TypeError when used)."""
    return cast(Hashable, fonts)


def _shaped(fonts: pipeline.Fonts, style: CellStyle, content: str) -> tuple[Glyph, ...]:
    """Glyphs of a text (uncached)."""
    return tuple(pipeline.shape_text(content, style.role, style.bold, style.size, fonts))


def set_lines(items: Sequence[Glyph], width: float, align: lb.Align) -> list[TextLine]:
    """`items` broken into lines of `width` by the Chinese line breaker (避头尾, 标点挤压, justification)."""
    params = lb.Params(width=width, align=align, justify_min_lines=JUSTIFY_MIN_LINES)
    lines = lb.break_lines(prepared(items), params)
    return [TextLine(tuple(items[ln.start : ln.end]), lb.shifted(ln, -ln.start)) for ln in lines]


def min_width(items: Sequence[Glyph]) -> float:
    """Width of the widest unit that must not be broken (a number, a word, a character with its marks)."""
    return float(lb.min_width(prepared(items), lb.Params(width=0.0))) if items else 0.0


_PLAIN = lb.Params(width=0.0)
"""Tracking and compression of all table text (the line breaker's defaults)."""


def prepared(items: Sequence[Glyph]) -> lb.Prepared:
    """`items` prepared for the line breaker once: a cell text is broken at its minimum width, at trial
    widths when it is centred and in every column it recurs in, and the preparation does not depend on
    the width."""
    return _cached_prepared(_Same(items))


class _Same:
    """A glyph sequence as a cache key by identity: the glyphs of a text come from `_cached_glyphs` as
    one tuple, and hashing that tuple glyph by glyph costs as much as a good part of preparing it. The key
    holds the sequence, so its id is not reused while the entry lives."""

    __slots__ = ("items",)

    def __init__(self, items: Sequence[Glyph]) -> None:
        self.items = items

    def __hash__(self) -> int:
        return id(self.items)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.items is self.items


@functools.lru_cache(maxsize=16384)
def _cached_prepared(key: _Same) -> lb.Prepared:
    return lb.prepare(pipeline.items(key.items), _PLAIN)


# ---------------------------------------------------------------------------------------------------------
# Cell appearance


@attrs.frozen
class CellLook:
    """How one source cell is set: its doc.Cell, text style, alignment and whether it is a header cell."""

    cell: doc.Cell
    style: CellStyle
    header: bool
    table_valign: tl.VAlign = "top"

    @property
    def align(self) -> str:
        """Horizontal alignment (money right, text left, labels centred unless the cell says otherwise)."""
        return self.cell.resolved_align

    @property
    def valign(self) -> tl.VAlign:
        """Header cells are centred; body cells all follow the table, so a row never mixes top and middle."""
        return "middle" if self.header else self.table_valign


@attrs.frozen
class Setting:
    """Width-dependent choices of one table: type size, paddings, metrics and column widths."""

    size: float
    hpad: float
    metrics: tl.Metrics
    widths: tuple[float, ...]

    def x(self, col: int) -> float:
        """Left edge of a column."""
        return self._edges[col]

    @functools.cached_property
    def _edges(self) -> tuple[float, ...]:
        """Every column's left edge (and the right edge of the last), each the sum `x` always gave: asked
        twice for every cell drawn."""
        return tuple(sum(self.widths[:col]) for col in range(len(self.widths) + 1))

    def span_width(self, col: int, colspan: int) -> float:
        """Width of `colspan` columns from `col`."""
        return sum(self.widths[col : col + colspan])


@attrs.frozen
class Prepared:
    """A table with its cells placed on the grid and their looks resolved, before any width is known."""

    table: doc.Table
    ctx: LayoutContext
    header: tuple[tl.Placed, ...]
    body: tuple[tl.Placed, ...]
    looks: tuple[CellLook, ...]
    """Looks indexed by Piece.key: header cells first, then body cells; fillers are plain text cells."""
    placed: tuple[tl.Placed, ...]
    """Grid positions indexed by Piece.key, like `looks`."""


def prepare(table: doc.Table, ctx: LayoutContext) -> Prepared:
    """Place header and body cells on the grid (raising ValueError for cells that do not fit)."""
    ncols = len(table.columns)
    header = tl.place([[(c.colspan, c.rowspan) for c in row] for row in table.header_rows], ncols)
    body = tl.place([[(c.colspan, c.rowspan) for c in row] for row in table.body_rows], ncols)
    size = ctx.geometry.table_size
    # Two styles serve every cell (bold or not): made once, not once per cell.
    styles = {bold: CellStyle(table.font_role, bold, size) for bold in (False, True)}
    looks = [_look(table.header_rows, p, styles, True, table.valign) for p in header]
    looks += [_look(table.body_rows, p, styles, False, table.valign) for p in body]
    return Prepared(table, ctx, tuple(header), tuple(body), tuple(looks), (*header, *body))


def _look(
    rows: Sequence[doc.Row], p: tl.Placed, styles: dict[bool, CellStyle], header: bool, valign: tl.VAlign
) -> CellLook:
    """The look of a placed cell (an empty text cell for a filler); `styles`: the table's, by weight."""
    cell = rows[p.source[0]][p.source[1]] if p.source else doc.Cell()
    return CellLook(cell, styles[cell.bold], header, valign)


# ---------------------------------------------------------------------------------------------------------
# Measuring: column widths and cell lines


def setting(prep: Prepared, width: float) -> Setting:
    """Type size and column widths for a frame `width` wide.

    The type is the table size (五号), one step smaller only when the columns' minimums do not fit, so
    tables of one kind share one size. At that size, labels wrap into more lines when that gives the
    worst-off wrapping text column (short of `TEXT_MIN_CHARS` per line) at least one more character.
    """
    base = prep.ctx.geometry.table_size
    weights = [c.weight for c in prep.table.columns]
    for step in SHRINK_STEPS:
        size = round(base * step, 2)
        options: list[tuple[float, Setting]] = []
        sized = _sizes(prep, size)
        for tight in (False, True):
            needs = _column_needs(prep, size, tight, sized)
            if sum(needs.mins) <= width + 1e-6 or step == SHRINK_STEPS[-1]:
                widths = tl.column_widths(needs.mins, needs.naturals, weights, width, needs.wishes)
                short = max((want - w for w, want in zip(widths, needs.text_wants, strict=True)), default=0.0)
                options.append((short / size, _setting(size, widths)))
        if options:
            best = min(short for short, _ in options)
            return next(st for short, st in options if short <= best + 1.0)
    raise AssertionError("unreachable: the last size always gives a setting")


def _setting(size: float, widths: Sequence[float]) -> Setting:
    """The setting of a table at type `size` with these column widths."""
    metrics = tl.Metrics(small_pitch(size), round(size * VPAD_EM, 2))
    return Setting(size, size * HPAD_EM, metrics, tuple(widths))


@attrs.frozen
class Needs:
    """Per column: minimum width, natural (unwrapped) width and the width wrapping text would like."""

    mins: list[float]
    naturals: list[float]
    text_wants: list[float]
    wishes: list[float]
    """Widths that would set every label on one line."""


def _sizes(prep: Prepared, size: float) -> list[TextSize]:
    """The widths of every cell's text at `size` (asked for once per size, for both label wraps)."""
    fonts = prep.ctx.fonts
    styles: dict[tuple[str, bool], CellStyle] = {}
    out: list[TextSize] = []
    for look in prep.looks:
        key = (look.style.role, look.style.bold)
        style = styles.get(key)
        if style is None:
            style = styles[key] = CellStyle(look.style.role, look.style.bold, size)
        out.append(_text_size(fonts, style, look.cell.text))
    return out


def _column_needs(prep: Prepared, size: float, tight: bool, sizes: Sequence[TextSize]) -> Needs:
    """What every column needs at `size` (the cells' text `sizes` at it), paddings included; `tight` lets
    labels wrap into more lines."""
    ncols = len(prep.table.columns)
    min_single: list[tuple[int, float]] = []
    min_span: list[tuple[int, int, float]] = []
    nat_single: list[tuple[int, float]] = []
    nat_span: list[tuple[int, int, float]] = []
    wish_single: list[tuple[int, float]] = []
    wish_span: list[tuple[int, int, float]] = []
    wants = [0.0] * ncols
    pad = 2 * size * HPAD_EM  # both paddings (the same float as written out per cell)
    text_cap = TEXT_MIN_CHARS * size
    for p, look, sized in zip(prep.placed, prep.looks, sizes, strict=True):
        cell = look.cell
        extra = pad + cell.indent * size
        low = _cell_min(sized, look, tight) + extra
        label = _is_label(look)
        # Labels ask for no more than their minimum: spare width goes to text that is wrapping.
        natural, wish = (low, sized.line + extra) if label else (sized.line + extra, 0.0)
        col = p.col
        if p.colspan == 1:
            min_single.append((col, low))
            nat_single.append((col, natural))
            wish_single.append((col, wish))
            if not label and cell.kind == "text":
                wants[col] = max(wants[col], min(natural, text_cap + extra))
        else:
            min_span.append((col, p.colspan, low))
            nat_span.append((col, p.colspan, natural))
            wish_span.append((col, p.colspan, wish))
    floors = [(i, c.min_chars * size + pad) for i, c in enumerate(prep.table.columns)]
    mins = tl.spread_minimums(ncols, [*min_single, *floors], min_span)
    naturals = tl.spread_minimums(ncols, nat_single, nat_span)
    wishes = tl.spread_minimums(ncols, wish_single, wish_span)
    return Needs(mins, [max(n, m) for n, m in zip(naturals, mins, strict=True)], wants, wishes)


class TextSize:
    """A text's widths at one type size: widest line, total, widest glyph and (on demand) widest unit."""

    def __init__(self, items: Sequence[Glyph]) -> None:
        self.items = items
        self.count = len(items)
        self.line = _widest_line(items)
        self.total = pipeline.width_of(items)
        self.glyph = max((g.advance for g in items), default=0.0)

    @functools.cached_property
    def unit(self) -> float:
        """The widest unit that must not be broken (figures never need it: they are never broken)."""
        return min_width(self.items)


def _text_size(fonts: pipeline.Fonts, style: CellStyle, content: str) -> TextSize:
    """The widths of `content` set in `style` (remembered per font set: column widths are sized twice)."""
    try:
        return _cached_size(_hashable(fonts), style, content)
    except TypeError:  # a font set that cannot be hashed is simply not cached
        return TextSize(_shaped(fonts, style, content))


@functools.lru_cache(maxsize=16384)
def _cached_size(fonts: Any, style: CellStyle, content: str) -> TextSize:
    """Widths of a text, remembered per font set."""
    return TextSize(_cached_glyphs(fonts, style, content))


def _cell_min(sized: TextSize, look: CellLook, tight: bool) -> float:
    """The narrowest a cell may be: its widest unbreakable unit; figures and labels more."""
    if not sized.count:
        return 0.0
    if look.cell.kind == "money":
        return sized.total
    if _is_label(look):
        return max(sized.unit, sized.glyph * _label_chars(sized.count, tight))
    return sized.unit


def _widest_line(items: Sequence[Glyph]) -> float:
    """Natural width of text set without wrapping: its widest line between forced breaks."""
    widest, run = 0.0, 0.0
    for g in items:
        run = 0.0 if g.char == "\n" else run + g.advance + g.kern
        if run > widest:
            widest = run
    return widest


def _is_label(look: CellLook) -> bool:
    """Header cells and label cells: short words that may wrap into a few lines, never one per line."""
    return look.header or look.cell.kind == "label"


def _label_chars(n: int, tight: bool) -> int:
    """Characters per line a label of n characters gets at least.

    Normally up to 4 on one line, else 2 or 3 lines; `tight` (crowded tables) 2 lines up to 6
    characters, else 3 lines of at most 4.
    """
    if tight:
        return n if n <= 2 else -(-n // 2) if n <= 6 else min(-(-n // HEADER_MIN_LINES), 4)
    if n <= 4:
        return n
    if n <= 8:
        return -(-n // 2)
    return min(-(-n // HEADER_MIN_LINES), 6)


def measure(prep: Prepared, st: Setting, key: int, content: str | None = None) -> tuple[TextLine, ...]:
    """The lines of cell `key` (or of `content` set like it) in its columns."""
    look = prep.looks[key]
    p = prep.placed[key]
    # The cell's own style when the table is set at its size (most tables): no new style per cell.
    style = look.style if look.style.size == st.size else CellStyle(look.style.role, look.style.bold, st.size)
    room = max(st.span_width(p.col, p.colspan) - 2 * st.hpad - look.cell.indent * st.size, st.size)
    words = look.cell.text if content is None else content
    try:
        # Many cells hold the same text in the same width (empty cells, 0.00, repeated labels).
        return _cached_cell_lines(_hashable(prep.ctx.fonts), style, words, room, _line_align(look))
    except TypeError:  # a font set that cannot be hashed is simply not cached
        return _cell_lines(_shaped(prep.ctx.fonts, style, words), room, _line_align(look))


@functools.lru_cache(maxsize=16384)
def _cached_cell_lines(
    fonts: Any, style: CellStyle, content: str, room: float, align: lb.Align
) -> tuple[TextLine, ...]:
    """Set lines of a cell text, remembered per font set."""
    return _cell_lines(_cached_glyphs(fonts, style, content), room, align)


def _cell_lines(items: Sequence[Glyph], room: float, align: lb.Align) -> tuple[TextLine, ...]:
    """Glyphs set on lines `room` wide; centred text of several lines evened out."""
    lines = set_lines(items, room, align)
    if align == "center" and len(lines) > 1:
        lines = _balanced(items, room, len(lines))
    return tuple(lines)


def _balanced(items: Sequence[Glyph], room: float, count: int) -> list[TextLine]:
    """Centred lines of even length: the narrowest measure that still sets `count` lines, centred in `room`.

    A label such as 满意度指标 then wraps as 满意度/指标 rather than 满意度指/标.
    """
    lo, hi = max(pipeline.width_of(items) / count, min_width(items)), room
    # Only the number of lines matters here, and it does not depend on the alignment; left-aligned lines
    # skip the line breaker's own evening-out of centred lines (itself a bisection).
    lines_at = lb.line_counter(prepared(items), lb.Params(width=room, align="left"), most=count)
    for _ in range(12):
        mid = (lo + hi) / 2
        if lines_at(mid) <= count:
            hi = mid
        else:
            lo = mid
    shift = (room - hi) / 2
    return [ln.shifted(shift) for ln in set_lines(items, hi, "center")]


def _line_align(look: CellLook) -> lb.Align:
    """Left-aligned cells are justified like body text (all lines but the last); others as they say."""
    return "justify" if look.align == "left" else look.align  # type: ignore[return-value]


def bands(prep: Prepared, st: Setting, header: bool) -> list[tl.Band]:
    """The header or body bands of a table, every cell measured."""
    placed = prep.header if header else prep.body
    offset = 0 if header else len(prep.header)
    nrows = len(prep.table.header_rows if header else prep.table.body_rows)
    rows: list[list[tl.Piece]] = [[] for _ in range(nrows)]
    for i, p in enumerate(placed):
        key = offset + i
        look = prep.looks[key]
        lines = measure(prep, st, key)
        repeat = look.cell.repeat_label and (p.rowspan > 1 or look.cell.kind == "label") and len(lines) <= 3
        rows[p.row].append(tl.Piece(p.col, p.colspan, p.rowspan, lines, key, look.valign, repeat))
    return [tl.Band(tuple(r), not header and _is_subheader(prep, r)) for r in rows]


def _is_subheader(prep: Prepared, pieces: Sequence[tl.Piece]) -> bool:
    """Whether a body row holds only labels (a sub-header such as 一级指标 | 二级指标 …), empty cells aside."""
    filled = False
    for p in pieces:  # asked for every body row: stops at the first filled cell that is not a label
        cell = prep.looks[p.key].cell
        if cell.text.strip():
            if cell.kind != "label":
                return False
            filled = True
    return filled


# ---------------------------------------------------------------------------------------------------------
# The box


@attrs.frozen
class Layout:
    """A table measured for one frame width: setting, header bands, title lines and their heights."""

    prep: Prepared
    setting: Setting
    header: tuple[tl.Band, ...]
    title: tuple[TextLine, ...]
    title_style: CellStyle
    width: float
    captions: tuple[tuple[str, str], ...] = ()
    """Lines between title and grid as (left text, right text): 部门：… | 金额单位：万元."""

    @property
    def title_height(self) -> float:
        """Height of the title and caption lines above the grid (first part only)."""
        h = len(self.title) * self.title_style.size * TITLE_PITCH + len(self.captions) * self.setting.metrics.pitch
        return h + (0.25 * self.setting.size if h else 0.0)

    @functools.cached_property  # asked at every wrap and split of every part of the table
    def header_height(self) -> float:
        """Height of the header rows (repeated on every part)."""
        return tl.total_height(self.header, self.setting.metrics)

    def continued(self, piece: tl.Piece) -> tuple[Any, ...]:
        """The lines a repeated label shows after a page break: its text with the continued suffix."""
        label, suffix = self.prep.looks[piece.key].cell.text, self.prep.ctx.furniture.continued
        joined = measure(self.prep, self.setting, piece.key, label + suffix)
        # The suffix on a line of its own keeps the label wrapped as on the first page (产出/指标/（续）
        # rather than 产出指/标/（续）); taken whenever it costs no extra line.
        apart = measure(self.prep, self.setting, piece.key, label) + measure(self.prep, self.setting, piece.key, suffix)
        return apart if len(apart) <= len(joined) else joined


def layout(prep: Prepared, width: float) -> tuple[Layout, list[tl.Band]]:
    """Measure a table for a frame `width` wide: its layout and its body bands."""
    st = setting(prep, width)
    geo = prep.ctx.geometry
    title_style = CellStyle("title", False, geo.heading_size)
    room = width - 2 * (_form_no_width(prep, st) + st.size)
    title = set_lines(glyphs(prep.ctx.fonts, title_style, prep.table.title), max(room, width / 2), "center")
    captions = _captions(prep, st, width, bool(title))
    lay = Layout(prep, st, tuple(bands(prep, st, True)), tuple(title), title_style, width, captions)
    return lay, bands(prep, st, False)


def _captions(prep: Prepared, st: Setting, width: float, titled: bool) -> tuple[tuple[str, str], ...]:
    """Caption lines: the form number alone when there is no title line to carry it, then 部门 and 金额单位
    on one line, or on two when they do not fit side by side."""
    t = prep.table
    rows: list[tuple[str, str]] = [("", t.form_no)] if t.form_no and not titled else []
    if not (t.caption_left or t.caption_right):
        return tuple(rows)
    style = CellStyle(t.font_role, False, st.size)
    need = pipeline.width_of(glyphs(prep.ctx.fonts, style, t.caption_left + t.caption_right)) + 2 * st.size
    if need <= width:
        rows.append((t.caption_left, t.caption_right))
    else:
        # A caption too long for a line of its own (a long department name) wraps; it is never drawn
        # past the table's edge.
        lines = set_lines(glyphs(prep.ctx.fonts, style, t.caption_left), width, "left") if t.caption_left else []
        rows += [(line.text, "") for line in lines]
        if t.caption_right:
            rows.append(("", t.caption_right))
    return tuple(rows)


def _form_no_width(prep: Prepared, st: Setting) -> float:
    """Width of the form number at the table size."""
    style = CellStyle(prep.table.font_role, False, st.size)
    return pipeline.width_of(glyphs(prep.ctx.fonts, style, prep.table.form_no))


class TableBox(Box):
    """The grid of a table, or of the part of it that goes on one page.

    The first part carries the title and caption lines; every part repeats the header rows. `split`
    cuts between rows, or inside a row that would otherwise leave much of the page blank.
    """

    def __init__(self, prep: Prepared, part: tuple[Layout, list[tl.Band]] | None = None, first: bool = True) -> None:
        super().__init__()
        self.prep = prep
        self.part = part
        self.first = first
        # A whole table may be measured again for another frame width (a trial wrap in a portrait frame
        # before it lands on a landscape page); a part cut from it keeps the widths it was cut with.
        self.whole = part is None
        self._summed: tuple[list[tl.Band], float] | None = None

    def _ensure(self, width: float) -> tuple[Layout, list[tl.Band]]:
        """The layout for a frame `width` wide (a part keeps the widths of the table it was cut from)."""
        if self.part is None or (self.whole and abs(self.part[0].width - width) > 0.5):
            self.part = layout(self.prep, width)
        return self.part

    def _body_height(self, body: list[tl.Band], m: tl.Metrics) -> float:
        """Height of this part's body rows, summed once per body (the flow asks wrap and split again and
        again with the same body; a body list is never changed once cut)."""
        if self._summed is None or self._summed[0] is not body:
            self._summed = (body, tl.total_height(body, m))
        return self._summed[1]

    def _top(self, lay: Layout) -> float:
        """Height above the body: title (first part) and header rows."""
        return (lay.title_height if self.first else 0.0) + lay.header_height

    def wrap(self, width: float, height: float) -> tuple[float, float]:
        """Full width; height of title, header and body."""
        lay, body = self._ensure(width)
        self.width = width
        self.height = self._top(lay) + self._body_height(body, lay.setting.metrics)
        return self.width, self.height

    def split(self, width: float, height: float) -> list[Box]:
        """This part cut to fit `height`, and the rest; [] to move the whole part to the next page."""
        lay, body = self._ensure(width)
        m = lay.setting.metrics
        room = height - self._top(lay)
        total = self._body_height(body, m)
        # A table's first page carries at least two rows (or all of it) with its title and header.
        least = min(2 * m.min_row, total) if self.first else m.min_row
        if room < least - 1e-6:
            return []
        parts = tl.split(body, room, m, lay.continued, at_top=self.prep.ctx.frame.empty)
        if parts is None or (self.first and tl.total_height(parts[0], m) < least - 1e-6):
            return []
        head = TableBox(self.prep, (lay, parts[0]), self.first)
        # The rest starts a new frame: a cut leaves at most a little room, which must stay blank
        # rather than take a sliver of the next rows under a second copy of the header.
        return [head, FrameBreak(), TableBox(self.prep, (lay, parts[1]), False)]

    def draw(self, out: list[Item], x: float, y: float) -> None:
        """Title and caption (first part), then header and body grids, top down."""
        lay, body = self._ensure(self.width)
        top = y + self.height
        if self.first:
            top = _draw_title(out, lay, x, self.width, top)
        top = _draw_grid(out, lay, list(lay.header), x, top)
        _draw_grid(out, lay, body, x, top)

    def __repr__(self) -> str:
        return f"TableBox({self.prep.table.title or self.prep.table.form_no!r}, first={self.first})"


# ---------------------------------------------------------------------------------------------------------
# Drawing


def _baseline(line_top: float, pitch: float, size: float) -> float:
    """The baseline of a line of type `size` whose pitch starts at `line_top`: its ink centred in the pitch."""
    return line_top - (pitch + size * CAP_HEIGHT_EM) / 2


def _draw_title(out: list[Item], lay: Layout, x: float, width: float, top: float) -> float:
    """Title lines centred, form number at the right of the first one, then the caption lines."""
    t, st = lay.prep.table, lay.setting
    ts = lay.title_style
    room = width - 2 * (_form_no_width(lay.prep, st) + st.size)
    left = x + (width - max(room, width / 2)) / 2
    small = CellStyle(t.font_role, False, st.size)
    y = top
    for i, line in enumerate(lay.title):
        pitch = ts.size * TITLE_PITCH
        base = _baseline(y, pitch, ts.size)
        _emit(out, line.place(left, base))
        if i == 0 and t.form_no:
            _draw_text(out, lay, small, t.form_no, x + width, base, "right")
        y -= pitch
    for left_text, right_text in lay.captions:
        base = _baseline(y, st.metrics.pitch, st.size)
        _draw_text(out, lay, small, left_text, x, base, "left")
        _draw_text(out, lay, small, right_text, x + width, base, "right")
        y -= st.metrics.pitch
    return top - lay.title_height


def _draw_text(out: list[Item], lay: Layout, style: CellStyle, words: str, x: float, base: float, align: str) -> None:
    """One unbroken line of text starting at x (left) or ending at x (right)."""
    if not words:
        return
    items = glyphs(lay.prep.ctx.fonts, style, words)
    start = x - pipeline.width_of(items) if align == "right" else x
    _emit(out, pipeline.solid_run(items, start, base))


def _emit(out: list[Item], run: GlyphRun) -> None:
    """Append a glyph run unless it shows nothing (an empty cell's line): unless `run.text` is empty,
    tested without joining the text of every cell line."""
    for g in run.glyphs:
        if g.char != "\n":
            out.append(run)
            return


def _draw_grid(out: list[Item], lay: Layout, band_list: list[tl.Band], x: float, top: float) -> float:
    """A band list's cell text and rules from `top` down (the grid's left edge at `x`); returns the bottom."""
    st = lay.setting
    heights = tl.row_heights(band_list, st.metrics)
    tops = [top - sum(heights[:r]) for r in range(len(band_list) + 1)]
    rules: list[tuple[float, float, float, float]] = []
    for r, band in enumerate(band_list):
        for p in band.pieces:
            x0, x1 = x + st.x(p.col), x + st.x(p.col + p.colspan)
            y0, y1 = tops[r], tops[r + p.rowspan]
            _draw_piece(out, lay, p, x0, y0, y1)
            rules += [(x1, y0, x1, y1), (x0, y1, x1, y1)]
    right = x + st.x(len(st.widths))
    rules += [(x, top, right, top), (x, top, x, tops[-1])]
    out.append(Rules(tuple(rules), RULE_WIDTH))
    return tops[-1]


def _draw_piece(out: list[Item], lay: Layout, p: tl.Piece, x0: float, top: float, bottom: float) -> None:
    """A piece's lines inside its box, aligned as its cell says."""
    if not p.lines:
        return
    st, look = lay.setting, lay.prep.looks[p.key]
    pitch = st.metrics.pitch
    block = len(p.lines) * pitch
    first_top = top - st.metrics.vpad
    if p.valign == "middle":
        first_top = top - (top - bottom - block) / 2
    left = x0 + st.hpad + look.cell.indent * st.size
    for i, line in enumerate(p.lines):
        _emit(out, line.place(left, _baseline(first_top - i * pitch, pitch, st.size)))


# ---------------------------------------------------------------------------------------------------------
# Registration


def table_boxes(table: doc.Table, ctx: LayoutContext) -> list[Box]:
    """The boxes of a table: the grid (with title and caption), then its notes."""
    out: list[Box] = [TableBox(prepare(table, ctx))]
    if table.notes:
        size = ctx.geometry.table_size
        out += [make_text((doc.Run(note, role=table.font_role),), "note", ctx, size=size) for note in table.notes]
        out[1].space_before = 0.4 * size
    return out


@to_boxes.register
def _table(block: doc.Table, ctx: LayoutContext) -> list[Box]:
    return table_boxes(block, ctx)
