"""The line breaker's fast paths against plain definitions: `_line_end` keeps one running sum per line
instead of asking `natural_width` at every unit end, and must end every line where trying each unit end
with `natural_width` does (`walked_end`, below), for any text, tracking and measure, including measures
that sit on a line's width to the last bit. Also: a text's rules against a scan, and compression and
squeeze found from the marks against testing every gap."""

from __future__ import annotations

import itertools
import math
import random
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from juesuan_pdf.typeset import linebreak as lb
from juesuan_pdf.typeset.linebreak import EPSILON, Item, Params, break_lines, natural_width, prepare


def walked_end(p: lb.Prepared, start: int, avail: float, params: Params) -> int:
    """The line end by definition: greedy over units, each unit end tried with `natural_width`."""
    end = p.unit_ends[start]
    if natural_width(p, start, end) > avail + EPSILON and lb._shrink_per_gap(p, start, end, avail, params) is None:
        return lb._emergency_end(p, start, end, avail)
    while end < len(p.items) and p.items[end - 1].char != "\n":
        cand = p.unit_ends[end]
        if natural_width(p, start, cand) <= avail + EPSILON:
            end = cand
            continue
        if lb._fits_by_shrinking(p, start, end, cand, avail, params):
            end = cand
        break
    return end


TOKENS = ["汉", "字", "，", "。", "、", "（", "）", "“", "”", "——", "……", "4454.96", "5.3%", "Report Lab",
          " ", "  ", "\n", "·", "\u200b", "≥98%"]  # fmt: skip
"""Han, marks, numbers, words, spaces, forced breaks and a zero-width space (which, set with negative
tracking, makes a line narrower as it grows)."""

ADVANCES = st.floats(min_value=0.5, max_value=20.0).flatmap(lambda a: st.sampled_from([round(a, d) for d in (1, 3, 7)]))
"""Advances with few and many decimals: their sums round differently in different orders."""


@st.composite
def texts(draw: st.DrawFn) -> tuple[list[Item], float]:
    """Items of random tokens, each character at a random advance, and a tracking."""
    chars = "".join(draw(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=60)))
    em = draw(st.sampled_from([7.5, 9.0, 10.5, 16.0]))
    advances = draw(st.lists(ADVANCES, min_size=len(chars), max_size=len(chars)))
    items = [Item(ch, 0.0 if ch in "\u200b\n" else a, em) for ch, a in zip(chars, advances, strict=True)]
    return items, draw(st.sampled_from([0.0, -0.21, -0.5 * em]))


def starts(p: lb.Prepared) -> list[int]:
    """Every position a line may start at: break opportunities, and inside units (after an emergency cut)."""
    return list(range(len(p.items)))


@settings(max_examples=300, deadline=None)
@given(texts(), st.floats(min_value=5.0, max_value=400.0))
def test_lines_end_where_trying_each_unit_with_its_width_ends_them(
    text: tuple[list[Item], float], width: float
) -> None:
    items, tracking = text
    params = Params(width, tracking=tracking)
    p = prepare(items, params)
    assert [lb._line_end(p, s, width, params) for s in starts(p)] == [
        walked_end(p, s, width, params) for s in starts(p)
    ]


@settings(max_examples=300, deadline=None)
@given(texts(), st.data())
def test_measures_at_a_lines_width_to_the_last_bit(text: tuple[list[Item], float], data: st.DataObject) -> None:
    """Measures equal to a line's exact width (± EPSILON, ± one ulp): a width summed in any other order
    would decide some of them the other way."""
    items, tracking = text
    params = Params(100.0, tracking=tracking)
    p = prepare(items, params)
    start = data.draw(st.sampled_from([i for i in range(len(items)) if p.breaks[i]]))
    end = data.draw(st.sampled_from([b for b in p.bounds if b > start]))
    exact = natural_width(p, start, end) - EPSILON
    for avail in (exact, math.nextafter(exact, math.inf), math.nextafter(exact, -math.inf), exact + 2 * EPSILON):
        assert lb._line_end(p, start, avail, params) == walked_end(p, start, avail, params)


@settings(max_examples=100, deadline=None)
@given(texts(), st.floats(min_value=20.0, max_value=300.0), st.sampled_from(["justify", "left", "center"]))
def test_break_lines_sets_the_lines_the_definition_sets(
    text: tuple[list[Item], float], width: float, align: lb.Align
) -> None:
    items, tracking = text
    params = Params(width, tracking=tracking, align=align, first_indent=16.0)
    fast = break_lines(items, params)
    with mock.patch.object(lb, "_line_end", walked_end):
        assert break_lines(items, params) == fast


def test_zero_width_characters_with_negative_tracking() -> None:
    """Each zero-width space makes the line narrower by the tracking: widths that do not grow with every
    unit end the line where the definition does."""
    items = [Item(ch, 0.0 if ch == "\u200b" else 16.0, 16.0) for ch in "汉\u200b\u200b汉\u200b\u200b汉汉"]
    params = Params(40.0, tracking=-0.5)
    p = prepare(items, params)
    assert [lb._line_end(p, s, 40.0, params) for s in starts(p)] == [walked_end(p, s, 40.0, params) for s in starts(p)]


def test_natural_width_adds_pitches_in_order_from_the_line_start() -> None:
    """The exact width is the running sum from the line's start (not a difference of prefix sums)."""
    items = [Item("汉", a, 16.0) for a in (0.1, 0.2, 0.3, 1e16, -1e16, 0.7)]
    p = prepare(items, Params(100.0))
    running = 0.0
    for a in (0.2, 0.3, 1e16, -1e16):
        running += a
    assert natural_width(p, 1, 6) == running + 0.7


def test_measures_a_last_bit_around_each_lines_width() -> None:
    """Every line start and unit end of random texts with uneven advances, at measures one ulp around the
    exact width: the running sum decides each as the definition does."""
    rng = random.Random(13)
    for _ in range(200):
        chars = rng.choices("汉字，。abc1 ", k=rng.randint(3, 30))
        items = [Item(ch, round(rng.uniform(1.0, 20.0), rng.choice([1, 3, 7])), 16.0) for ch in chars]
        params = Params(100.0, tracking=rng.choice([0.0, -0.21]))
        p = prepare(items, params)
        for start in (i for i in range(len(items)) if p.breaks[i]):
            for end in (b for b in p.bounds if b > start):
                exact = natural_width(p, start, end)
                for limit in (exact, math.nextafter(exact, math.inf), math.nextafter(exact, -math.inf)):
                    avail = limit - EPSILON
                    assert lb._line_end(p, start, avail, params) == walked_end(p, start, avail, params)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=60).map("".join))
def test_units_and_stops_of_a_text_match_a_scan(text: str) -> None:
    """Each item's unit end is the next break opportunity; a line stops at the first unit ending a line."""
    breaks, _, unit_ends, bounds, stops = lb._text_rules(text)
    assert list(breaks) == lb.break_opportunities(text)
    scanned = [next((j for j in range(i + 1, len(text)) if breaks[j]), len(text)) for i in range(len(text))]
    assert list(unit_ends) == scanned
    assert list(bounds) == sorted(set(unit_ends))
    ends_line = [text[b - 1] == "\n" or b == len(text) for b in bounds]
    assert list(stops) == [next(m for m in range(j, len(bounds)) if ends_line[m]) for j in range(len(bounds))]


MARKED = st.lists(st.sampled_from(["，", "。", "（", "）", "“", "”", "《", "》", "、", "汉", "a", "——"]), max_size=40)


@settings(max_examples=200, deadline=None)
@given(MARKED.map("".join), st.data())
def test_compression_and_squeeze_found_from_the_marks_match_every_gap_tested(text: str, data: st.DataObject) -> None:
    """`compressions` and `_squeezes` look only at gaps next to marks; testing every gap gives the same."""
    items = [Item(ch, data.draw(st.sampled_from([16.0, 8.0, 15.0])), 16.0) for ch in text]
    comp = lb.compressions(items)
    every = [0.0] * len(items)
    for i in range(len(items) - 1):
        a, b = items[i], items[i + 1]
        if lb._full_width_mark(a) and lb._full_width_mark(b) and (a.char in lb.CLOSING or b.char in lb.OPENING):
            every[i] = 0.5 * a.em
    assert comp == every
    squeezed = [0.0] * len(items)
    for i in range(len(items) - 1):
        a, b = items[i], items[i + 1]
        closing = a.char in lb.CLOSING and lb._full_width_mark(a)
        opening = b.char in lb.OPENING and lb._full_width_mark(b)
        if closing or opening:
            squeezed[i] = max(0.0, lb.SQUEEZE * (a.em if closing else b.em) - comp[i])
    assert lb._squeezes(items, comp, text) == tuple(squeezed)
    assert lb.compressions(items, text) == comp


WIDE = st.text(st.sampled_from([*"汉字，。、（）“”—…⋯%‰·.,-_/'@&+#~～–ab09 \u3000\u00a0\u2007\n≥≤￥《》"]), max_size=40)


@settings(max_examples=300, deadline=None)
@given(WIDE)
def test_pair_rules_looked_up_by_string_are_the_rules(text: str) -> None:
    """Breaks and stretchable gaps from the remembered pairs are `can_break` and `stretchable` of each pair."""
    breaks, gaps, *_ = lb._text_rules(text)
    expected = [True] + [text[i] == "\n" or lb.can_break(text[i], text[i + 1]) for i in range(len(text) - 1)]
    for i in range(1, len(text)):
        if expected[i] and text[i - 1] in " \u3000" and lb._last_visible(text, i) in lb.NO_END | lb.PREFIXES:
            expected[i] = False
    assert list(breaks) == expected
    assert list(gaps) == [lb.stretchable(a, b) for a, b in itertools.pairwise(text)]


def test_pair_rules_forget_everything_past_their_limit() -> None:
    rule = lb._PairRule(lambda a, b: a < b, limit=2)
    assert [rule["ab"], rule["ba"], rule["ac"]] == [True, False, True]
    assert len(rule) == 1 and rule["ba"] is False and len(rule) == 2
