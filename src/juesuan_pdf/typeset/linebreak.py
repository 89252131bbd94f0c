"""Chinese line breaking and justification over (character, advance) sequences; pure Python, no reportlab.

This module owns where lines break and where each character sits on its line. It knows nothing about
fonts or PDF: the caller measures each character (`Item.advance`, in pt) and draws the `Line`s it gets back.

The rules, from W3C clreq (Requirements for Chinese Text Layout) and GB/T 15834-2011 标点符号用法:

- 行首禁则: no line starts with a mark of `NO_START` (点号, closing brackets and quotes, …, —, ·, %‰℃,
  ASCII ,.;:?!)]}). 行尾禁则: no line ends with a mark of `NO_END` (opening brackets and quotes).
  A break that would violate either is simply not a break opportunity, so the character before a
  forbidden line-start mark is pushed down with it ("push-in" is never hanging: the text block is a hard box).
- ——, ……, numbers (`4454.96`, `5.3%`, `≥98%`, `1-12`) and Latin words are never broken.
- 标点挤压: two adjacent full-width marks take at most 1.5 em (the blank half of one of them is removed).
- 两端对齐: every line except a paragraph's last is justified exactly to the measure by spreading the slack
  between characters (not inside Latin words or numbers), or by shrinking those gaps a little, or by
  compressing the blank half of full-width marks inside the line (行内标点挤压, clreq §3.1.6), when that
  fits one more unit with a smaller visible adjustment than pushing it down.
- A line whose gaps would open wider than `Params.max_stretch` (a short line of a narrow table cell held
  back by a number: "≤ 1068.08 万元", "招 录 55") is set flush left instead: spaced-out characters
  read as separate words.
- 避免段末孤字: a paragraph does not end with a line of one character (plus its closing marks, "元。");
  the line before gives up its last unit when that stretches it by at most `WIDOW_STRETCH` em a gap.
- Centred lines (titles) are balanced: a title that needs two lines gets two of about equal length.
- A fixed character pitch (GB/T 9704's 28 characters of 16 pt in 156 mm) is a negative `tracking`.

References: https://www.w3.org/TR/clreq/ ; GB/T 15834-2011 §4–§5; GB/T 9704-2012 §5.2.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from operator import add, attrgetter, sub
from typing import Literal

Align = Literal["justify", "left", "center", "right"]

NO_START = frozenset("，。、；：？！）》」』】〕〉”’…—·%‰℃〗］｝〙〛,.;:?!)]}")
"""Marks that must not start a line (clreq 行首禁则; GB/T 15834 §5.1)."""

_NO_START_CHARS = "".join(sorted(NO_START))

NO_END = frozenset("（《「『【〔〈“‘〖［｛〘〚([{")
"""Marks that must not end a line (clreq 行尾禁则)."""

PREFIXES = frozenset("≥≤＞＜<>±￥¥$€£#＃№~～+")
"""Signs that belong to the number after them (`≥98%`, `￥12`): no break right after them."""

CLOSING = frozenset("，。、；：？！）》」』】〕〉”’〗］｝")
"""Full-width marks whose glyph sits in the left half of the em box (blank right half)."""

OPENING = frozenset("（《「『【〔〈“‘〖［｛")
"""Full-width marks whose glyph sits in the right half of the em box (blank left half)."""

JOINERS = frozenset(".,:/-_'@&%‰+#·~～–")
"""Signs that join letters and digits into one unbreakable word or number (`4454.96`, `1-12`, `1～12`)."""

UNSPLITTABLE_PAIRS = frozenset("—…⋯")
"""Marks written doubled (——, ……) that must neither break nor be spread apart."""

NO_BREAK_SPACES = frozenset("\u00a0\u2007\u202f")
"""Spaces that join what they separate (no-break, figure and narrow no-break space)."""

SQUEEZE = 0.5
"""The blank half of a full-width mark (em) that a crowded line may take away (标点挤压)."""

SQUEEZE_WEIGHT = 0.25
"""How much less a compressed mark shows than the same amount of extra space in every gap: a mark may lose
its blank half before it looks wrong, a gap between Han characters only a fraction of that."""

WIDOW_STRETCH = 0.25
"""The most (em a gap) the line before a lone last character may be loosened to take it down."""

WIDOW_JUSTIFY = 0.12
WIDOW_FEW_GAPS = 12
"""A line of fewer gaps than this (a narrow table cell) that gives a character down to a lone last one and
would open its gaps wider than `WIDOW_JUSTIFY` em is set flush left instead: "3.国有资本经营" / "预算"
rather than "3. 国 有 资 本 经 营". Body lines have some 25 gaps and are always justified."""

EPSILON = 1e-6
"""Slack below which two widths count as equal (float sums of advances are not exact)."""


@dataclass(frozen=True, slots=True)
class Item:
    """One character to set: its natural advance and the em (font size) it is set in, both in pt."""

    char: str
    advance: float
    em: float


@dataclass(frozen=True, slots=True)
class Params:
    """How to set a paragraph: the measure, first-line indent, alignment and character pitch.

    `tracking` is added after every character (negative for a fixed grid narrower than the type size);
    `max_shrink` is the most each justifiable gap may shrink, in em, to fit one more unit on a line;
    `justify_last` also justifies the last line (a paragraph fragment that continues on the next page);
    `max_stretch` is the widest gap (em) justification may open; a line that needs more is set flush left;
    `justify_min_lines`: a text broken into fewer lines than this is set flush left on the same breaks (a
    short text wrapped once in a narrow table cell is not letter-spaced across it).
    """

    width: float
    first_indent: float = 0.0
    align: Align = "justify"
    tracking: float = 0.0
    compress: bool = True
    max_shrink: float = 0.01
    justify_last: bool = False
    max_stretch: float = 0.25
    justify_min_lines: int = 0


@dataclass(frozen=True, slots=True)
class Line:
    """A set line: items `start`..`end` (exclusive) and each item's x from the left edge of the measure."""

    start: int
    end: int
    xs: tuple[float, ...]
    width: float
    last: bool


def shifted(line: Line, offset: int) -> Line:
    """`line` for items that sit `offset` further along (a paragraph's tail broken on its own)."""
    # Made directly: `dataclasses.replace` costs several times more, once per table cell line.
    return Line(line.start + offset, line.end + offset, line.xs, line.width, line.last)


@functools.lru_cache(maxsize=65536)  # pure, and asked again for every character of every text set
def is_word_char(ch: str) -> bool:
    """True for letters and digits of alphabetic scripts (Latin, Greek, Cyrillic), which form words."""
    if ch.isascii():
        return ch.isalnum()
    return ch.isalpha() and unicodedata.east_asian_width(ch) in ("N", "A", "H", "Na")


def _wordish(ch: str) -> bool:
    """Letters, digits and the signs that join them into one word or number."""
    return is_word_char(ch) or ch in JOINERS


@functools.lru_cache(maxsize=65536)  # pure, and asked again for every character of every text set
def can_break(before: str, after: str) -> bool:
    """Whether a line may end after `before` when `after` follows (spaces and newlines aside)."""
    if after in NO_START or before in NO_END or before in PREFIXES:
        return False
    if after.isspace():
        return False  # break after the (last) space, so it ends the line instead of starting the next
    if before.isspace():
        return before not in NO_BREAK_SPACES
    if is_word_char(before) and _wordish(after):
        return False
    return not (before in JOINERS and is_word_char(after))


class _PairRule(dict[str, bool]):
    """A rule on two adjacent characters remembered by their two-character string: a text's pairs are
    looked up at C speed (`map` over the pairs; a known pair costs no Python call), a pair met the first
    time asks the rule. Bounded: cleared when it grows past `limit` pairs (a worker of many documents)."""

    def __init__(self, rule: Callable[[str, str], bool], limit: int = 200_000) -> None:
        super().__init__()
        self.rule, self.limit = rule, limit

    def __missing__(self, pair: str) -> bool:
        if len(self) >= self.limit:
            self.clear()
        value = self[pair] = self.rule(pair[0], pair[1])
        return value


_BREAKS = _PairRule(can_break)


def _pairs(text: str) -> list[str]:
    """Each two adjacent characters of `text` as one string."""
    return list(map(add, text, text[1:]))


def break_opportunities(text: str, pairs: Sequence[str] | None = None) -> list[bool]:
    """For each index i, whether a line may start at i (index 0 is always True); `pairs`: `_pairs(text)`
    when the caller has them."""
    ops = [True, *map(_BREAKS.__getitem__, _pairs(text) if pairs is None else pairs)]
    if "\n" in text:  # a newline forces a break after it (and `can_break` never breaks before one)
        for i in range(len(text) - 1):
            if text[i] == "\n":
                ops[i + 1] = True
    if " " in text or "\u3000" in text:
        for i in range(1, len(text)):
            if ops[i] and text[i - 1] in " \u3000" and _last_visible(text, i) in _KEEP_BEFORE_SPACE:
                ops[i] = False  # "“ ReportLab": the space would leave the opening quote at the line end
    return ops


_KEEP_BEFORE_SPACE = NO_END | PREFIXES


def _last_visible(text: str, end: int) -> str:
    """The last character before `end` that is not a space ('' if there is none)."""
    stripped = text[:end].rstrip(" \u3000")
    return stripped[-1] if stripped else ""


def compressions(items: Sequence[Item], text: str | None = None) -> list[float]:
    """How much each item's advance shrinks so that adjacent full-width marks take 1.5 em (标点挤压);
    `text`: the items' characters, when the caller has them."""
    out = [0.0] * len(items)
    # Only a mark can be compressed: the marks are found at C speed, not by testing every item.
    text = "".join(map(_CHAR, items)) if text is None else text
    for found in _MARK.finditer(text, 0, len(items) - 1):
        i = found.start()
        a, b = items[i], items[i + 1]
        if not (_full_width_mark(a) and _full_width_mark(b)):
            continue
        # Closing mark: drop its own blank right half. Opening mark next: let it slide over its blank left half.
        if a.char in CLOSING or b.char in OPENING:
            out[i] = 0.5 * a.em
    return out


_MARKS = CLOSING | OPENING
_ADVANCE = attrgetter("advance")
_CHAR = attrgetter("char")
_MARK = re.compile("[" + re.escape("".join(sorted(_MARKS))) + "]")


def _full_width_mark(item: Item) -> bool:
    """A CLOSING/OPENING mark whose font gives it a full em (proportional quotes are not compressed)."""
    return (item.char in CLOSING or item.char in OPENING) and item.advance >= 0.9 * item.em


@functools.lru_cache(maxsize=65536)  # pure, and asked again for every character of every text set
def stretchable(a: str, b: str) -> bool:
    """Whether justification may widen the gap between `a` and `b` (not inside words, numbers, ——, ……)."""
    if a == b and a in UNSPLITTABLE_PAIRS:
        return False
    return not (_wordish(a) and _wordish(b) and (is_word_char(a) or is_word_char(b)))


_STRETCHES = _PairRule(stretchable)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A text prepared for breaking: per-item pitch (advance + tracking − compression), breaks, gaps.

    It depends on the items, `tracking` and `compress` only, not on the measure, so one preparation
    (`prepare`) serves every width a text is broken at (a table cell's minimum width, trial widths,
    its lines in every column it recurs in). `squeeze[i]` is how much the gap after item i may still
    close by compressing a full-width mark's blank half (a closing mark's right half, or the left half
    of an opening mark after it). Nothing in it changes after `prepare`: a prepared text is kept in
    caches and shared.
    """

    items: Sequence[Item]
    text: str
    """The items' characters, one per item."""
    tracking: float
    compress: bool
    pitch: tuple[float, ...]
    breaks: tuple[bool, ...]
    gaps: tuple[bool, ...]
    squeeze: tuple[float, ...]
    unit_ends: tuple[int, ...]
    """`unit_ends[i]`: end of the unbreakable unit starting at item i (the next break opportunity)."""
    bounds: tuple[int, ...]
    """The unit ends in order (the break opportunities after the first item, and the end of the text)."""
    stops: tuple[int, ...]
    """`stops[j]`: the index of the first of `bounds[j:]` that ends the text or a forced line (a newline),
    which no line passes."""


def prepare(items: Sequence[Item], params: Params) -> Prepared:
    """`items` prepared for breaking with `params`' tracking and compression (its width does not matter)."""
    text = "".join(map(_CHAR, items))
    # Most texts (figures, short labels) hold no full-width mark: nothing to compress or squeeze.
    marked = params.compress and not _MARKS.isdisjoint(text)
    tracking = params.tracking
    # Pitch: advance + tracking − compression, added in that order, at C speed (maps of `add`/`sub`).
    tracked = map(add, map(_ADVANCE, items), itertools.repeat(tracking))
    if marked:
        comp = compressions(items, text)
        pitch = tuple(map(sub, tracked, comp))
        squeeze = _squeezes(items, comp, text)
    else:  # x - 0.0 is x, to the bit
        pitch = tuple(tracked)
        squeeze = (0.0,) * len(items)
    breaks, gaps, unit_ends, bounds, stops = _text_rules(text)
    rules = (breaks, gaps, squeeze, unit_ends, bounds, stops)
    return Prepared(items, text, tracking, params.compress, pitch, *rules)


Text = Sequence[Item] | Prepared
"""What the breaking functions take: items, or items already prepared (`prepare`) with the same params."""


def _prepared(text: Text, params: Params) -> Prepared:
    """`text` prepared for `params` (a prepared text is taken as it is when it was made for the same)."""
    if not isinstance(text, Prepared):
        return prepare(text, params)
    if text.tracking != params.tracking or text.compress != params.compress:
        raise ValueError("text prepared with another tracking or compression than these params")
    return text


@functools.lru_cache(maxsize=8192)
def _text_rules(
    text: str,
) -> tuple[tuple[bool, ...], tuple[bool, ...], tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """Break opportunities, stretchable gaps, unit ends, the ordered unit ends and their stops (see
    `Prepared`) of a text: they depend on its characters only, and the same text is set many times (at
    trial widths, for its minimum width, in every column)."""
    pairs = _pairs(text)
    gaps = tuple(map(_STRETCHES.__getitem__, pairs))
    breaks = break_opportunities(text, pairs)
    bounds = [*itertools.compress(range(1, len(text)), breaks[1:]), len(text)] if text else []
    # The line breaker asks for the end of the unit at every candidate line end: each item's, found once.
    unit_ends: list[int] = []
    for b in bounds:
        unit_ends += [b] * (b - len(unit_ends))
    stops = [len(bounds) - 1] * len(bounds)
    if "\n" in text:
        for j in range(len(bounds) - 2, -1, -1):
            stops[j] = j if text[bounds[j] - 1] == "\n" else stops[j + 1]
    return tuple(breaks), gaps, tuple(unit_ends), tuple(bounds), tuple(stops)


def _squeezes(items: Sequence[Item], comp: Sequence[float], text: str) -> tuple[float, ...]:
    """For each gap, the blank half-em of a full-width mark on either side not yet compressed away
    (`text`: the items' characters)."""
    out = [0.0] * len(items)
    # Only gaps next to a mark can squeeze: the gap after each mark and the gap before it.
    marks = [m.start() for m in _MARK.finditer(text)]
    for i in sorted({*marks, *(m - 1 for m in marks)}):
        if not 0 <= i < len(items) - 1:
            continue
        a, b = items[i], items[i + 1]
        closing = a.char in CLOSING and _full_width_mark(a)
        opening = b.char in OPENING and _full_width_mark(b)
        if closing or opening:
            out[i] = max(0.0, SQUEEZE * (a.em if closing else b.em) - comp[i])
    return tuple(out)


def _content_end(p: Prepared, start: int, end: int) -> int:
    """End of the line's visible content: trailing spaces and newlines do not count toward its width."""
    while end - 1 > start and p.items[end - 1].char.isspace():
        end -= 1
    return end


def natural_width(p: Prepared, start: int, end: int) -> float:
    """Width of items start..end set on one line: pitches, but the last glyph at its full advance.

    The pitches are added one by one from the line's start (`reduce`, not `sum`, whose float algorithm
    differs between Python versions): the same float every time a line's width is asked for.
    """
    items = p.items
    last = items[end - 1]
    if last.char.isspace():  # `_content_end`, inline: this is asked for tens of thousands of times
        end = _content_end(p, start, end)
        last = items[end - 1]
    return functools.reduce(add, p.pitch[start : end - 1], 0) + (0.0 if last.char == "\n" else last.advance)


def _gap_count(p: Prepared, start: int, end: int) -> tuple[int, bool]:
    """Number of justifiable gaps in a line, and whether they are the stretchable ones (else: all gaps)."""
    ce = _content_end(p, start, end) if p.items[end - 1].char.isspace() else end
    n = p.gaps[start : ce - 1].count(True)  # a count is exact however it is taken: at C speed
    return (n, True) if n else (ce - 1 - start, False)


def _next_unit_end(p: Prepared, start: int) -> int:
    """End of the unbreakable unit starting at `start`."""
    return p.unit_ends[start]


def _shrink_per_gap(p: Prepared, start: int, end: int, avail: float, params: Params) -> float | None:
    """How much each gap must shrink to fit items start..end in `avail`, or None if that is over the limit."""
    need = natural_width(p, start, end) - avail
    n, _ = _gap_count(p, start, end)
    if n == 0 or need / n > params.max_shrink * p.items[start].em + EPSILON:
        return None
    return need / n


def _squeeze_room(p: Prepared, start: int, end: int) -> tuple[float, int]:
    """Total room (pt) that compressing marks inside items start..end gives, and the number of such gaps."""
    ce = _content_end(p, start, end)
    room = [q for q in p.squeeze[start : ce - 1] if q > EPSILON]
    return sum(room), len(room)


def _fits_by_shrinking(p: Prepared, start: int, end: int, cand: int, avail: float, params: Params) -> bool:
    """Whether taking the unit up to `cand` by shrinking beats pushing it down (smaller visible adjustment).

    Pushing down loosens every gap of the shorter line by its slack; taking the unit tightens the gaps a
    little (`max_shrink`) and, for the rest, compresses marks, which shows `SQUEEZE_WEIGHT` as much.
    """
    stretch_n, _ = _gap_count(p, start, end)
    stretch = (avail - natural_width(p, start, end)) / max(stretch_n, 1)
    shrink = _shrink_per_gap(p, start, cand, avail, params)
    if shrink is not None:
        return shrink <= stretch
    need = natural_width(p, start, cand) - avail
    n, _ = _gap_count(p, start, cand)
    room, marks = _squeeze_room(p, start, cand)
    rest = need - n * params.max_shrink * p.items[start].em
    if marks == 0 or rest > room + EPSILON:
        return False
    return SQUEEZE_WEIGHT * rest / marks <= stretch


def _line_end(p: Prepared, start: int, avail: float, params: Params) -> int:
    """Where the line starting at `start` ends: greedy over units, shrinking a little when that fits better.

    Each unit end is tried in turn with one running sum of pitches from the line's start (one addition
    per item, no call per unit): the width `natural_width` gives, added in the same order, so every
    decision is taken on the very same float.
    """
    end = _next_unit_end(p, start)
    if natural_width(p, start, end) > avail + EPSILON and _shrink_per_gap(p, start, end, avail, params) is None:
        return _emergency_end(p, start, end, avail)
    bounds = p.bounds
    k = bisect_right(bounds, start)  # bounds[k] == end
    hi = p.stops[k]  # the candidates are bounds[k + 1 .. hi]: no line passes a newline
    limit = avail + EPSILON
    text, pitch, items = p.text, p.pitch, p.items
    acc: float = 0  # from int 0, as `reduce` in `natural_width` starts
    pos = start  # acc == reduce(add, pitch[start:pos], 0)
    while k < hi:
        cand = bounds[k + 1]
        ce = _content_end(p, start, cand) if text[cand - 1].isspace() else cand
        while pos < ce - 1:  # a candidate starts with a visible character, so ce - 1 never falls behind pos
            acc += pitch[pos]
            pos += 1
        if acc + (0.0 if text[ce - 1] == "\n" else items[ce - 1].advance) > limit:
            end = bounds[k]
            return cand if _fits_by_shrinking(p, start, end, cand, avail, params) else end
        k += 1
    return bounds[hi]


def _emergency_end(p: Prepared, start: int, unit_end: int, avail: float) -> int:
    """A unit wider than the whole measure (a long word in a narrow cell) is cut where it overflows."""
    end = start + 1
    while end < unit_end and natural_width(p, start, end + 1) <= avail + EPSILON:
        end += 1
    return end


def _positions(
    p: Prepared, start: int, end: int, offset: float, extra: float, squeeze: float = 0.0
) -> tuple[float, ...]:
    """x of each item: pitches plus `extra` in each justifiable gap (all gaps if none is stretchable),
    less a share of `squeeze` (pt) in each gap next to a compressible mark, in proportion to its room."""
    n, use_stretchable = _gap_count(p, start, end)
    room, _ = _squeeze_room(p, start, end) if squeeze > 0 else (0.0, 0)
    pitch, gaps, squeezes = p.pitch, p.gaps, p.squeeze
    x = offset
    xs = [x]
    # One loop per case (every line of every text is placed here), each adding what the general rule adds.
    if room > 0:
        for i in range(start, end - 1):
            grow = extra if (not use_stretchable or gaps[i]) and n else 0.0
            grow -= squeeze * squeezes[i] / room
            x = x + pitch[i] + grow
            xs.append(x)
    elif n and use_stretchable:
        for i in range(start, end - 1):
            x = x + pitch[i] + (extra if gaps[i] else 0.0)
            xs.append(x)
    else:
        grow = extra if n else 0.0
        for i in range(start, end - 1):
            x = x + pitch[i] + grow
            xs.append(x)
    return tuple(xs)


def _set_line(p: Prepared, start: int, end: int, indent: float, avail: float, last: bool, params: Params) -> Line:
    """Place one line's items: justified to the measure, or aligned left, centre or right."""
    width = natural_width(p, start, end)
    justify = params.align == "justify" and (not last or params.justify_last)
    if width > avail + EPSILON:  # fits only by shrinking, whatever its alignment
        return _shrunk_line(p, start, end, indent, avail, width, last, params)
    n, stretchy = _gap_count(p, start, end)
    extra = (avail - width) / n if n else 0.0
    # No stretchable gap (a number or word alone on a line): spreading would pull "836400" apart.
    loose = not stretchy or extra > params.max_stretch * p.items[start].em + EPSILON
    if justify and p.items[end - 1].char != "\n" and not loose:
        return Line(start, end, _positions(p, start, end, indent, extra), avail if n else width, last)
    shift = {"center": (avail - width) / 2, "right": avail - width}.get(params.align, 0.0)
    return Line(start, end, _positions(p, start, end, indent + max(shift, 0.0), 0.0), width, last)


def _shrunk_line(
    p: Prepared, start: int, end: int, indent: float, avail: float, width: float, last: bool, params: Params
) -> Line:
    """A line wider than `avail`: gaps tightened by up to `max_shrink`, then marks compressed, then gaps again."""
    need = width - avail
    n, _ = _gap_count(p, start, end)
    uniform_room = n * params.max_shrink * p.items[start].em
    room, _ = _squeeze_room(p, start, end)
    squeeze = min(max(need - uniform_room, 0.0), room)
    extra = -(need - squeeze) / n if n else 0.0
    return Line(start, end, _positions(p, start, end, indent, extra, squeeze), avail if n else width, last)


def _lone_last(p: Prepared, line: Line) -> bool:
    """Whether a paragraph's last line holds a single character before its closing marks ("元。", "出。")."""
    return len(p.text[line.start : line.end].rstrip().rstrip(_NO_START_CHARS)) == 1


def _avoid_lone_last(p: Prepared, lines: list[Line], params: Params) -> list[Line]:
    """Take the previous line's last unit down to a lone last character when that stretches it little.

    A cut that would part a number from the word after it ("0" | "万元。") moves before the number too,
    when the line above can still spare it.
    """
    if len(lines) < 2 or params.align != "justify" or params.justify_last or not _lone_last(p, lines[-1]):
        return lines
    prev = lines[-2]
    if p.items[prev.end - 1].char == "\n":
        return lines
    indent = params.first_indent if len(lines) == 2 else 0.0
    avail = params.width - indent
    if natural_width(p, prev.start, prev.end) > avail + EPSILON:
        return lines  # the line above is already shrunk to fit: taking from it is no help
    chosen: int | None = None
    for cut in (i for i in range(prev.end - 1, prev.start, -1) if p.breaks[i]):
        n, _ = _gap_count(p, prev.start, cut)
        slack = avail - natural_width(p, prev.start, cut)
        too_loose = n == 0 or slack / n > WIDOW_STRETCH * p.items[prev.start].em + EPSILON
        if too_loose or natural_width(p, cut, len(p.items)) > params.width + EPSILON:
            break
        chosen = cut if chosen is None else chosen
        if not (p.items[cut - 1].char.isdigit() and not is_word_char(p.items[cut].char)):
            chosen = cut
            break
    if chosen is None:
        return lines
    n, _ = _gap_count(p, prev.start, chosen)
    slack = avail - natural_width(p, prev.start, chosen)
    if n < WIDOW_FEW_GAPS and slack / n > WIDOW_JUSTIFY * p.items[prev.start].em:
        params = replace(params, align="left")  # a short line (a table cell) loosened this much reads ragged
    head = _set_line(p, prev.start, chosen, indent, avail, False, params)
    tail = _set_line(p, chosen, len(p.items), 0.0, params.width, True, params)
    return [*lines[:-2], head, tail]


def break_lines(text: Text, params: Params) -> list[Line]:
    """Break `text` into lines of `params.width` and place every item (see the module docstring)."""
    if not _items(text):
        return []
    p = _prepared(text, params)
    items = p.items
    spans = _spans(p, params, params.width)
    if params.align == "center" and len(spans) > 1:
        spans = _balanced(p, params, spans)
    lines: list[Line] = []
    for k, (start, end) in enumerate(spans):
        indent = params.first_indent if k == 0 else 0.0
        lines.append(_set_line(p, start, end, indent, params.width - indent, end >= len(items), params))
    lines = _avoid_lone_last(p, lines, params)
    if params.align == "justify" and 1 < len(lines) < params.justify_min_lines:
        ragged = replace(params, align="left")
        lines = [
            _set_line(p, ln.start, ln.end, params.first_indent if k == 0 else 0.0,
                      params.width - (params.first_indent if k == 0 else 0.0), ln.last, ragged)
            for k, ln in enumerate(lines)
        ]
    return lines


def line_counter(text: Text, params: Params, most: int | None = None) -> Callable[[float], int]:
    """How many lines `break_lines` sets `items` in, as a function of the measure (other params fixed).

    The text is prepared once and no line is placed: a bisection over widths (a centred table label
    evened out) asks this a dozen times for one text. With `most`, counting stops at `most` + 1 lines
    (for a caller that only asks whether the text fits in `most` lines).
    """
    if not _items(text):
        return lambda width: 0
    p = _prepared(text, params)
    return lambda width: len(_spans(p, params, width, most))


def _spans(p: Prepared, params: Params, width: float, most: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each line when the lines are `width` wide; only the first `most` + 1 lines when
    `most` is given (a caller that only asks whether the text fits in `most` lines)."""
    spans: list[tuple[int, int]] = []
    start = 0
    limit = len(p.items) if most is None else most + 1
    while start < len(p.items) and len(spans) < limit:
        end = _line_end(p, start, width - (params.first_indent if not spans else 0.0), params)
        spans.append((start, end))
        start = end
    return spans


def _balanced(p: Prepared, params: Params, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Centred lines (a title) as even as the same number of lines allows: not a long line and a stub.

    Trial measures start at the average line length and grow by half an em until the text again fits in
    as many lines; the lines are then centred on the full measure by the caller.
    """
    total = natural_width(p, 0, len(p.items)) + params.first_indent
    step = p.items[0].em / 2
    width = total / len(spans)
    while width < params.width:
        trial = _spans(p, params, width, len(spans))
        if len(trial) == len(spans) and all(natural_width(p, a, b) <= width + EPSILON for a, b in trial):
            return trial
        width += step
    return spans


def min_width(text: Text, params: Params) -> float:
    """Width of the widest unbreakable unit: the narrowest measure that sets `text` without cutting a unit."""
    if not _items(text):
        return 0.0
    p = _prepared(text, params)
    widths = (natural_width(p, start, end) for start, end in zip((0, *p.bounds), p.bounds, strict=False))
    return max(itertools.chain((0.0,), widths)) + params.first_indent


def _items(text: Text) -> Sequence[Item]:
    return text.items if isinstance(text, Prepared) else text


def uniform(text: str, em: float = 16.0, latin: float = 0.5) -> list[Item]:
    """Items for plain test data: CJK characters one em wide, other characters `latin` em wide."""
    return [Item(ch, em if unicodedata.east_asian_width(ch) in ("W", "F") else latin * em, em) for ch in text]
