"""The writer cuts a line into stretches of one font and one glyph spacing (`writer.chunks`)."""

from __future__ import annotations

from juesuan_pdf.typeset.layout.frames import Glyph
from juesuan_pdf.typeset.writer import SPACING_TOLERANCE, chunks


def _glyph(char: str, font: str = "A", size: float = 10.0, advance: float = 10.0, bold: bool = False) -> Glyph:
    return Glyph(char=char, font=font, size=size, advance=advance, fake_bold=bold)


def test_one_font_and_even_gaps_is_one_stretch_with_the_gap_as_spacing() -> None:
    glyphs = tuple(_glyph(c) for c in "预算决算")
    stretches, bold = chunks(glyphs, (0.0, 10.5, 21.0, 31.5))
    assert stretches == [(0, 4, "A", 10.0, 0.5, 0)]
    assert bold is None


def test_a_single_glyph_and_a_negative_zero_gap_have_spacing_zero() -> None:
    assert chunks((_glyph("一"),), (0.0,))[0] == [(0, 1, "A", 10.0, 0.0, 0)]
    gap = -0.0 - 0.0 - 0.0  # x − previous x − advance: a negative zero
    assert str(gap) == "-0.0"
    spacing = chunks((_glyph("一", advance=0.0), _glyph("二", advance=0.0)), (0.0, -0.0))[0][0][4]
    assert str(spacing) == "0.0"  # written "0 Tc", as the spacing of a single glyph


def test_stretches_end_at_a_font_size_or_weight_change_and_skip_line_feeds() -> None:
    glyphs = (
        _glyph("收"), _glyph("入"), _glyph("1", font="B", advance=5.0), _glyph("2", font="B", advance=5.0),
        _glyph("\n", size=20.0, bold=True), _glyph("合", size=12.0, advance=12.0, bold=True), _glyph("计"),
    )
    xs = (0.0, 10.0, 20.0, 25.0, 30.0, 30.0, 42.0)
    stretches, bold = chunks(glyphs, xs)
    assert [(s[0], s[1], s[2], s[3], s[5]) for s in stretches] == [
        (0, 2, "A", 10.0, 0), (2, 4, "B", 10.0, 0), (5, 6, "A", 12.0, 2), (6, 7, "A", 10.0, 0),
    ]
    # The largest fake-bold size, a line feed's included, sets the stroke of the whole line.
    assert bold == 20.0


def test_a_gap_that_changes_by_more_than_the_tolerance_starts_a_new_stretch() -> None:
    glyphs = tuple(_glyph(c) for c in "一二三四五")
    small = SPACING_TOLERANCE / 2
    even = chunks(glyphs, (0.0, 11.0, 22.0 + small, 33.0 + small, 44.0 + small))[0]
    assert len(even) == 1
    uneven = chunks(glyphs, (0.0, 11.0, 22.0, 34.0, 46.0))[0]
    assert [(s[0], s[1]) for s in uneven] == [(0, 3), (3, 5)]
    assert uneven[0][4] == 1.0 and uneven[1][4] == 2.0
