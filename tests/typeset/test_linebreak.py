"""Line breaking on plain data: one named case per rule (clreq, GB/T 15834, GB/T 9704), then properties.

Han characters are 1 em (16 pt) wide and everything else half an em, so widths are easy to count.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from juesuan_pdf.typeset.linebreak import (
    NO_END,
    NO_START,
    WIDOW_FEW_GAPS,
    WIDOW_JUSTIFY,
    Item,
    Line,
    Params,
    break_lines,
    can_break,
    min_width,
    stretchable,
    uniform,
)

EM = 16.0
GRID = 156 * 72 / 25.4  # GB/T 9704 measure, 442.2 pt
TRACKING = GRID / 28 - EM  # −0.21 pt: 28 characters of 16 pt in 156 mm
HAN = "汉"


def lines_of(text: str, ems: float = 10, **kw: object) -> list[str]:
    """The text of each line when `text` is set `ems` em wide."""
    return [text[ln.start : ln.end] for ln in set_(text, ems, **kw)]


def set_(text: str, ems: float = 10, **kw: object) -> list[Line]:
    return break_lines(uniform(text, EM), Params(ems * EM, **kw))  # type: ignore[arg-type]


def right_edge(items: list[Item], ln: Line) -> float:
    """Where the last visible glyph of a line ends."""
    end = ln.end
    while end - 1 > ln.start and items[end - 1].char.isspace():
        end -= 1
    return ln.xs[end - 1 - ln.start] + items[end - 1].advance


def too_loose(items: list[Item], ln: Line, measure: float, before_last: bool = False) -> bool:
    """Whether a line is set flush left: justifying it would open its gaps wider than a quarter em, or it has
    no gap that may widen (a number or word alone), or (`before_last`: it may have given a unit down to a
    lone last character) it has few gaps that would open wider than `WIDOW_JUSTIFY`."""
    text = "".join(it.char for it in items[ln.start : ln.end]).rstrip(" ")
    n = sum(stretchable(a, b) for a, b in itertools.pairwise(text))
    slack = measure - (ln.xs[len(text) - 1] - ln.xs[0] + items[ln.start + len(text) - 1].advance)
    if before_last and 0 < n < WIDOW_FEW_GAPS and slack / n > WIDOW_JUSTIFY * EM:
        return True
    return n == 0 or slack / n > 0.25 * EM + 1e-6


# -- 行首禁则 / 行尾禁则 --------------------------------------------------------------------------------


@pytest.mark.parametrize("mark", sorted(NO_START))
def test_no_line_starts_with_forbidden_mark(mark: str) -> None:
    text = HAN * 10 + mark + HAN * 5
    lines = lines_of(text)
    assert all(line[0] not in NO_START for line in lines), lines
    assert "".join(lines) == text


@pytest.mark.parametrize("mark", sorted(NO_END))
def test_no_line_ends_with_forbidden_mark(mark: str) -> None:
    text = HAN * 9 + mark + HAN * 5
    lines = lines_of(text)
    assert all(line[-1] not in NO_END for line in lines), lines


def test_forbidden_start_pushes_previous_character_down() -> None:
    # 10 Han fill the line; the comma may not start line 2, so the 10th Han goes down with it.
    assert lines_of(HAN * 9 + "字，" + HAN * 5) == [HAN * 9, "字，" + HAN * 5]


def test_forbidden_mark_never_hangs_past_the_measure() -> None:
    text = HAN * 10 + "。" + HAN * 12
    items = uniform(text, EM)
    for ln in break_lines(items, Params(10 * EM)):
        assert right_edge(items, ln) <= 10 * EM + 1e-6


def test_double_closing_marks_stay_together() -> None:
    # Full-width 。” (1.5 em compressed) after 9 Han overflows 10 em: the Han before goes down with both.
    items = [Item(HAN, EM, EM)] * 9 + [Item("。", EM, EM), Item("”", EM, EM)] + [Item(HAN, EM, EM)] * 5
    lines = break_lines(items, Params(10 * EM))
    text = "".join(it.char for it in items)
    assert text[lines[1].start : lines[1].end].startswith(HAN + "。”")


def test_a_full_stop_before_a_proportional_quote_gives_up_its_blank_half_to_fit() -> None:
    # uniform() makes ” half an em: 9 Han + 。” is 10.5 em, and the 。's blank half takes the 0.5 em.
    text = HAN * 9 + "。”" + HAN * 5
    items = uniform(text, EM)
    first = break_lines(items, Params(10 * EM))[0]
    assert text[first.start : first.end] == HAN * 9 + "。”"
    assert right_edge(items, first) == pytest.approx(10 * EM)


def test_opening_mark_goes_down_with_what_follows() -> None:
    assert lines_of(HAN * 9 + "《书》" + HAN * 3) == [HAN * 9, "《书》" + HAN * 3]


# -- units that never break -----------------------------------------------------------------------------


@pytest.mark.parametrize("unit", ["——", "……"])
def test_doubled_marks_never_split(unit: str) -> None:
    for n in range(7, 11):
        lines = lines_of(HAN * n + unit + HAN * 8)
        assert any(unit in line for line in lines), lines


@pytest.mark.parametrize("number", ["4454.96", "5.3%", "≥98%", "12,345.67", "-226.08", "1-12"])
def test_numbers_never_break(number: str) -> None:
    for n in range(5, 10):
        lines = lines_of(HAN * n + number + "万元" + HAN * 8)
        assert any(number in line for line in lines), (number, lines)


@pytest.mark.parametrize("word", ["ReportLab", "PDF/A-1b", "e-mail"])
def test_latin_words_never_break(word: str) -> None:
    for n in range(5, 10):
        lines = lines_of(HAN * n + word + HAN * 8)
        assert any(word in line for line in lines), (word, lines)


def test_latin_words_break_at_spaces() -> None:
    lines = lines_of("Chinese text layout requirements", 10)
    assert all(not line.startswith(" ") for line in lines)
    assert "".join(lines) == "Chinese text layout requirements"


def test_a_run_of_spaces_stays_at_the_line_end() -> None:
    lines = lines_of("Chinese  text layout   requirements again", 10)
    assert all(not line.startswith(" ") for line in lines)


@pytest.mark.parametrize("number", ["1～12月", "1~12", "2023–2024"])
def test_ranges_never_break(number: str) -> None:
    for n in range(5, 10):
        lines = lines_of(HAN * n + number + HAN * 8)
        assert any(number.rstrip("月") in line for line in lines), (number, lines)


def test_no_break_space_joins() -> None:
    assert not can_break("\u00a0", "M")
    lines = lines_of(HAN * 8 + "12\u00a0MB" + HAN * 5)
    assert any("12\u00a0MB" in line for line in lines), lines


def test_percent_sign_stays_with_its_number() -> None:
    assert not can_break("3", "%")
    assert not can_break("≥", "9")


def test_overlong_unit_is_cut_rather_than_overflowing() -> None:
    text = "A" * 30
    items = uniform(text, EM)
    lines = break_lines(items, Params(5 * EM))
    assert all(right_edge(items, ln) <= 5 * EM + 1e-6 for ln in lines)
    assert "".join(text[ln.start : ln.end] for ln in lines) == text


# -- 两端对齐 / 标点挤压 / indent ----------------------------------------------------------------------------


def test_every_line_but_the_last_is_justified_to_the_measure() -> None:
    text = HAN * 9 + "字，" + HAN * 7 + "4454.96" + HAN * 20 + "。"
    items = uniform(text, EM)
    lines = break_lines(items, Params(10 * EM))
    for ln in lines[:-1]:
        assert right_edge(items, ln) == pytest.approx(10 * EM)
    assert right_edge(items, lines[-1]) < 10 * EM


def test_slack_is_spread_between_characters_not_inside_numbers() -> None:
    text = HAN * 4 + "4454.96" + HAN * 2 + "12345678"
    items = uniform(text, EM)
    first = break_lines(items, Params(10 * EM))[0]
    gaps = [b - a for a, b in zip(first.xs, first.xs[1:], strict=False)]
    assert text[first.start : first.end] == HAN * 4 + "4454.96" + HAN * 2
    inside = gaps[4:10]  # between the characters of 4454.96
    assert all(g == pytest.approx(EM / 2) for g in inside)
    han = gaps[:3] + gaps[-1:]
    assert len({round(g, 6) for g in han}) == 1 and han[0] > EM  # evenly spread between the Han


def test_last_line_is_flush_left() -> None:
    lines = set_(HAN * 15)
    assert lines[-1].xs[0] == 0 and lines[-1].xs[1] == EM


def test_adjacent_full_width_marks_take_one_and_a_half_em() -> None:
    for pair in ("。”", "）。", "》、", "，“", "（《"):
        text = HAN + pair + HAN * 3
        ln = set_(text, 20)[0]
        assert ln.xs[3] - ln.xs[1] == pytest.approx(1.5 * EM), pair


def test_opening_then_closing_mark_is_not_compressed() -> None:
    ln = set_(HAN + "（）" + HAN, 20)[0]
    assert ln.xs[2] - ln.xs[1] == pytest.approx(EM)


def test_proportional_quotes_are_not_compressed() -> None:
    items = [Item(HAN, EM, EM), Item("。", EM, EM), Item("”", 0.35 * EM, EM), Item(HAN, EM, EM)]
    ln = break_lines(items, Params(20 * EM))[0]
    assert ln.xs[2] - ln.xs[1] == pytest.approx(EM)


def test_compression_is_undone_when_the_pair_is_split_by_a_break() -> None:
    # "，“" may break between the marks; the comma then keeps its full width at the line end.
    text = HAN * 9 + "，“" + HAN * 4 + "”"
    items = uniform(text, EM)
    first = break_lines(items, Params(10 * EM))[0]
    assert text[first.start : first.end] == HAN * 9 + "，"
    assert right_edge(items, first) == pytest.approx(10 * EM)


def test_a_line_too_loose_to_justify_is_set_flush_left() -> None:
    # "汉汉" then a number 4 em wide in a 5 em cell: 3 em in one gap would read as two words.
    (first, _) = set_(HAN * 2 + "12345678", 5)
    assert first.xs == (0.0, EM)


def test_compressing_marks_takes_a_unit_up_rather_than_loosening_the_line() -> None:
    # 10.5 em of text in 10 em: without the commas' blank halves the number goes down and leaves 2 em.
    text = HAN * 3 + "，" + HAN * 3 + "，" + "12345"
    items = uniform(text, EM)
    (line,) = break_lines(items, Params(10 * EM))
    assert right_edge(items, line) == pytest.approx(10 * EM)
    assert EM / 2 <= line.xs[4] - line.xs[3] < EM  # the comma gave up part of its blank half


def test_a_paragraph_does_not_end_with_one_character() -> None:
    lines = lines_of(HAN * 40 + "出。", 20)
    assert lines[-1] == HAN + "出。" and len(lines[-2]) == 19
    items = uniform(HAN * 40 + "出。", EM)
    second = break_lines(items, Params(20 * EM))[1]
    assert right_edge(items, second) == pytest.approx(20 * EM)  # still justified


def test_a_short_line_giving_a_character_down_is_set_flush_left_rather_than_spaced_out() -> None:
    # A narrow cell: 7 Han justified in 8 em would show gaps of 1/6 em.
    text = HAN * 8 + "出。"
    items = uniform(text, EM)
    first, last = break_lines(items, Params(8 * EM))
    assert text[last.start : last.end] == HAN + "出。"
    assert first.xs[1] - first.xs[0] == EM and right_edge(items, first) == 7 * EM


def test_a_number_alone_on_a_line_is_not_spread_apart() -> None:
    text = "836400元/每年"
    items = uniform(text, EM)
    first = break_lines(items, Params(3.5 * EM))[0]
    assert text[first.start : first.end] == "836400"
    assert first.xs == tuple(i * EM / 2 for i in range(6))


def test_taking_a_unit_down_keeps_a_number_with_its_word() -> None:
    # Not "…0万" / "元。" nor "…0" / "万元。": the amount goes down whole when the line can spare it.
    assert lines_of(HAN * 38 + "0万元。", 20)[-1] == "0万元。"


def test_a_lone_last_character_stays_when_taking_one_down_would_loosen_the_line_too_much() -> None:
    assert lines_of(HAN * 4 + "出。", 4) == [HAN * 4, "出。"]


def test_first_line_indent() -> None:
    lines = set_(HAN * 30, 10, first_indent=2 * EM)
    assert lines[0].xs[0] == 2 * EM and lines[1].xs[0] == 0
    assert lines[0].end - lines[0].start == 8


@pytest.mark.parametrize(("align", "x0"), [("center", 3 * EM), ("right", 6 * EM), ("left", 0.0)])
def test_alignment_of_a_short_line(align: str, x0: float) -> None:
    assert set_(HAN * 4, 10, align=align)[0].xs[0] == pytest.approx(x0)


def test_centred_lines_are_balanced() -> None:
    # 15 Han in 10 em centred: 8 + 7 (or 7 + 8), not 10 + a stub of 5.
    lines = set_(HAN * 15, 10, align="center")
    assert sorted(ln.end - ln.start for ln in lines) == [7, 8]
    assert all(ln.xs[0] >= EM for ln in lines)  # each centred on the full measure


def test_newline_forces_a_break() -> None:
    assert lines_of(HAN * 3 + "\n" + HAN * 3) == [HAN * 3 + "\n", HAN * 3]


# -- GB/T 9704 grid ----------------------------------------------------------------------------------------


def test_grid_pitch_puts_28_han_on_a_line() -> None:
    text = HAN * 100
    items = uniform(text, EM)
    lines = break_lines(items, Params(GRID, tracking=TRACKING))
    assert [ln.end - ln.start for ln in lines] == [28, 28, 28, 16]
    assert right_edge(items, lines[0]) == pytest.approx(GRID)
    assert lines[0].xs[1] - lines[0].xs[0] == pytest.approx(GRID / 28, abs=0.01)


def test_grid_pitch_with_indent_puts_26_han_on_the_first_line() -> None:
    lines = break_lines(uniform(HAN * 100, EM), Params(GRID, 2 * EM, tracking=TRACKING))
    assert lines[0].end - lines[0].start == 26


def test_without_tracking_only_27_fit() -> None:
    lines = break_lines(uniform(HAN * 100, EM), Params(GRID))
    assert lines[0].end - lines[0].start == 27


def test_a_line_that_fits_by_shrinking_is_shrunk_even_when_last() -> None:
    text = HAN * 6 + "，" * 12 + "4454.964454.96"
    items = uniform(text, EM)
    (line,) = break_lines(items, Params(19 * EM, tracking=-0.2))
    assert right_edge(items, line) == pytest.approx(19 * EM)


def test_min_width_is_the_widest_unit() -> None:
    assert min_width(uniform("汉字4454.96", EM), Params(100.0)) == pytest.approx(7 * EM / 2)


# -- properties ----------------------------------------------------------------------------------------------

TOKENS = ["汉", "字", "，", "。", "、", "；", "：", "？", "！", "“", "”", "（", "）", "《", "》", "——", "……",
          "4454.96", "5.3%", "ReportLab", " ", "·"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=80), st.integers(min_value=8, max_value=30))
def test_property_rules_hold_for_any_text(tokens: list[str], ems: int) -> None:
    text = "".join(tokens)
    items = uniform(text, EM)
    params = Params(ems * EM, tracking=-0.2)
    assume(min_width(items, params) <= ems * EM)
    lines = break_lines(items, params)
    assert "".join(text[ln.start : ln.end] for ln in lines) == text
    for ln in lines:
        line = text[ln.start : ln.end].rstrip(" ")
        assert right_edge(items, ln) <= ems * EM + 1e-6
        if ln is not lines[0]:
            assert line[:1] not in NO_START
        if not ln.last:
            assert line[-1:] not in NO_END
            if len(line) > 1 and not too_loose(items, ln, ems * EM, before_last=ln is lines[-2]):
                assert right_edge(items, ln) == pytest.approx(ems * EM)
    for unit in ("4454.96", "ReportLab"):
        assert text.count(unit) == sum(text[ln.start : ln.end].count(unit) for ln in lines)
