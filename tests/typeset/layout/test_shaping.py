"""Shaping through the per-font glyph tables (`text.shape_text`, `text.items`): the fast path for known
glyphs gives what measuring each character gives, joined dashes keep their kern, and a glyph from outside
the tables still gets its item."""

from __future__ import annotations

import attrs

from juesuan_pdf.typeset import linebreak
from juesuan_pdf.typeset.fonts import FontSet
from juesuan_pdf.typeset.layout import text

FONTS = FontSet()


def test_known_glyphs_are_the_same_objects_with_the_fonts_advances() -> None:
    first = text.shape_text("部门决算4454.96万元", "body", False, 16.0, FONTS)
    again = text.shape_text("决算部门", "body", False, 16.0, FONTS)
    assert again[0] is first[2] and again[2] is first[0]
    for g in first:
        assert g.advance == FONTS.advance(g.font, g.char, 16.0)
    assert [g.char for g in first] == list("部门决算4454.96万元")


def test_sizes_and_weights_have_their_own_glyphs() -> None:
    plain = text.shape_text("决算", "body", False, 16.0, FONTS)
    small = text.shape_text("决算", "body", False, 10.5, FONTS)
    bold = text.shape_text("决算", "body", True, 16.0, FONTS)
    assert plain[0] is not small[0] and small[0].size == 10.5 and small[0].advance == plain[0].advance * 10.5 / 16
    assert bold[0].font != plain[0].font or bold[0].fake_bold


def test_a_doubled_dash_is_joined_by_a_kern_on_its_first_half() -> None:
    glyphs = text.shape_text("甲——乙", "body", False, 16.0, FONTS)
    assert glyphs[1].kern == -FONTS.join_gap(FONTS.face("body"), "—") * 16.0
    assert glyphs[2].kern == 0.0 and glyphs[2] is text.shape_text("—", "body", False, 16.0, FONTS)[0]


def test_items_of_known_and_unknown_glyphs() -> None:
    glyphs = text.shape_text("甲——乙", "body", False, 16.0, FONTS)
    stray = attrs.evolve(glyphs[0], advance=3.0)
    got = text.items([*glyphs, stray])
    assert got == [linebreak.Item(g.char, g.advance + g.kern, g.size) for g in [*glyphs, stray]]


def test_advances_are_reportlabs_string_widths() -> None:
    """The width table read directly gives what `pdfmetrics.stringWidth` gives, character by character,
    in every face of the set (covered and uncovered characters, Latin, marks, Han, beyond the BMP)."""
    from reportlab.pdfbase import pdfmetrics

    from juesuan_pdf.typeset import fonts as fontmod

    chars = "部门决算4454.96万元，。（）“”——……%‰℃ AZaz\n\t𠮷\u3000\u00a0"
    for role in ("body", "title", "heading0", "heading1", "heading2"):
        for bold in (False, True):
            name = FONTS.font_name(role, bold)
            for ch in chars:
                fontmod._advance_1000.cache_clear()
                assert fontmod._advance_1000(name, ch) == float(pdfmetrics.stringWidth(ch, name, 1000.0)), (name, ch)


def test_coverage_is_every_code_point_of_the_format_12_groups() -> None:
    from juesuan_pdf.typeset import fonts as fontmod
    from juesuan_pdf.typeset.fontload import format12_groups

    face = FONTS.face("body")
    groups = format12_groups(fontmod._sfnt(face.key).table("cmap"))
    assert groups is not None
    expected = {cp for start, end, _ in groups for cp in range(start, end + 1)}
    mapped = fontmod._cmap(face.key)
    assert {cp for cp, flag in enumerate(mapped) if flag} == expected
    assert fontmod.covers(face, "决") and not fontmod.covers(face, "\U000e0100")
