"""The line breaker finds a line's end by bisection (`_line_end`): it must choose exactly the end the unit
by unit walk (`_line_end_walk`) chooses, for any text, tracking and measure, including measures that sit
on a candidate's width to the last bit (where the approximate widths of the search are in doubt)."""

from __future__ import annotations

import contextlib
import math
import random
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from juesuan_pdf.typeset import linebreak as lb
from juesuan_pdf.typeset.linebreak import EPSILON, Item, Params, break_lines, natural_width, prepare

TOKENS = ["汉", "字", "，", "。", "、", "（", "）", "“", "”", "——", "……", "4454.96", "5.3%", "Report Lab",
          " ", "  ", "\n", "·", "\u200b", "≥98%"]  # fmt: skip
"""Han, marks, numbers, words, spaces, forced breaks and a zero-width space (which, set with negative
tracking, makes a line narrower as it grows: the search must then walk)."""

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


def bisecting_every_line(after: int = 0) -> contextlib.AbstractContextManager[object]:
    """The first `SHORT_LINE` candidate ends of a line are tried in turn; the bisection is tested on every
    line, from its first candidate (or after `after` tried in turn)."""
    return mock.patch.object(lb, "SHORT_LINE", after)


def starts(p: lb.Prepared) -> list[int]:
    """Every position a line may start at: break opportunities, and inside units (after an emergency cut)."""
    return list(range(len(p.items)))


@settings(max_examples=300, deadline=None)
@given(texts(), st.floats(min_value=5.0, max_value=400.0))
def test_bisection_ends_lines_where_the_walk_does(text: tuple[list[Item], float], width: float) -> None:
    items, tracking = text
    params = Params(width, tracking=tracking)
    p = prepare(items, params)
    walked = [lb._line_end_walk(p, start, width, params) for start in starts(p)]
    assert [lb._line_end(p, start, width, params) for start in starts(p)] == walked
    for after in (0, 1, 3):
        with bisecting_every_line(after):
            assert [lb._line_end(p, start, width, params) for start in starts(p)] == walked


@settings(max_examples=300, deadline=None)
@given(texts(), st.data())
def test_bisection_agrees_on_measures_at_a_candidates_width(
    text: tuple[list[Item], float], data: st.DataObject
) -> None:
    """Measures equal to a line's exact width (± EPSILON, ± one ulp): the approximate search is in doubt
    there and must defer to the exact width."""
    items, tracking = text
    params = Params(100.0, tracking=tracking)
    p = prepare(items, params)
    start = data.draw(st.sampled_from([i for i in range(len(items)) if p.breaks[i]]))
    end = data.draw(st.sampled_from([b for b in p.bounds if b > start]))
    exact = natural_width(p, start, end) - EPSILON
    for avail in (exact, math.nextafter(exact, math.inf), math.nextafter(exact, -math.inf), exact + 2 * EPSILON):
        with bisecting_every_line():
            assert lb._line_end(p, start, avail, params) == lb._line_end_walk(p, start, avail, params)


@settings(max_examples=100, deadline=None)
@given(texts(), st.floats(min_value=20.0, max_value=300.0), st.sampled_from(["justify", "left", "center"]))
def test_break_lines_is_unchanged_by_the_search(text: tuple[list[Item], float], width: float, align: lb.Align) -> None:
    items, tracking = text
    params = Params(width, tracking=tracking, align=align, first_indent=16.0)
    searched = break_lines(items, params)
    with mock.patch.object(lb, "_line_end", lb._line_end_walk):
        assert break_lines(items, params) == searched


def test_zero_width_characters_with_negative_tracking_fall_back_to_the_walk() -> None:
    """Each zero-width space makes the line narrower by the tracking: widths do not grow, so no bisection."""
    items = [Item(ch, 0.0 if ch == "\u200b" else 16.0, 16.0) for ch in "汉\u200b\u200b汉\u200b\u200b汉汉"]
    p = prepare(items, Params(40.0, tracking=-0.5))
    assert p.search.step <= 0
    with bisecting_every_line():
        assert lb._line_end(p, 0, 40.0, Params(40.0, tracking=-0.5)) == lb._line_end_walk(
            p, 0, 40.0, Params(40.0, tracking=-0.5)
        )


def test_natural_width_adds_pitches_in_order_from_the_line_start() -> None:
    """The exact width is the running sum from the line's start, whatever the prefix sums say."""
    items = [Item("汉", a, 16.0) for a in (0.1, 0.2, 0.3, 1e16, -1e16, 0.7)]
    p = prepare(items, Params(100.0))
    running = 0.0
    for a in (0.2, 0.3, 1e16, -1e16):
        running += a
    assert natural_width(p, 1, 6) == running + 0.7


def test_measures_in_doubt_are_decided_by_the_exact_width() -> None:
    """Measures a last bit around a candidate's exact width, where the approximate width of the search
    says "fits" while the exact one does not, and the other way round: the search ends where the walk does."""
    rng = random.Random(13)
    doubted = {"approx fits": 0, "approx too wide": 0}
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
                    approx = p.search.reach[p.bounds.index(end)] - p.search.prefix[start]
                    if (approx <= avail + EPSILON) != (exact <= avail + EPSILON):
                        doubted["approx fits" if approx <= avail + EPSILON else "approx too wide"] += 1
                    with bisecting_every_line():
                        assert lb._line_end(p, start, avail, params) == lb._line_end_walk(p, start, avail, params)
    assert all(doubted.values()), doubted


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=60).map("".join))
def test_units_and_stops_of_a_text_match_a_scan(text: str) -> None:
    """Each item's unit end is the next break opportunity; a search stops at the first unit ending a line."""
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
    assert lb._squeezes(items, comp) == tuple(squeezed)
