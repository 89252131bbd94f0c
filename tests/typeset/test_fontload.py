"""The bulk TrueType reader gives exactly the attributes reportlab's own reader gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from juesuan_pdf.typeset import fonts
from juesuan_pdf.typeset.fontload import FastFace, GroupCmap, GroupWidths

BUNDLED = ("NotoSerifSC-Regular", "NotoSerifSC-Bold", "NotoSansSC-Regular", "NotoSansSC-Bold", "LXGWWenKai-Regular")


def _attributes(face: Any) -> dict[str, Any]:
    """A face's attributes, less the read cursor and the scaling function (compared by its effect)."""
    out = dict(vars(face))
    out.pop("_pos")
    # FastFace builds glyphToChar on first use, from the cmap table it keeps.
    out.pop("_cmap_table", None)
    out.pop("_glyph_to_char", None)
    out.pop("data", None)  # FastFace's own handle on the mapped file (the same bytes as `_ttf_data`)
    out["glyphToChar"] = face.glyphToChar
    out["_ttf_data"] = bytes(out["_ttf_data"])  # FastFace maps the file
    out["hmetrics"] = list(out["hmetrics"])  # FastFace keeps the pairs as two tuples
    out["glyphPos"] = list(out["glyphPos"])  # FastFace keeps a tuple
    # FastFace looks a format-12 cmap's characters up in its groups: compared as the dicts they stand for.
    out["charToGlyph"] = dict(out["charToGlyph"].items())
    out["charWidths"] = dict(out["charWidths"].items())
    scale = out.pop("_pdfScale")
    out["scale_of_1000"] = scale(1000)
    return out


def _same(path: Path) -> None:
    ours, theirs = _attributes(FastFace(str(path))), _attributes(TTFontFace(str(path)))
    assert ours.keys() == theirs.keys()
    for key, value in theirs.items():
        assert ours[key] == value, key
        if key not in ("_ttf_data", "hmetrics", "glyphPos"):
            assert type(ours[key]) is type(value), key


@pytest.mark.parametrize("stem", BUNDLED)
def test_bulk_reader_matches_reportlab_on_bundled_fonts(stem: str) -> None:
    _same(fonts.bundled_dir() / f"{stem}.ttf")


def _small_font(tmp_path: Path, keep: set[tuple[int, int]], upem: int | None = None) -> Path:
    """A subset of the bundled serif with only the cmap subtables `keep` (platform, encoding), maybe rescaled."""
    from fontTools import subset
    from fontTools.ttLib import TTFont as FTFont
    from fontTools.ttLib.scaleUpem import scale_upem

    font = FTFont(str(fonts.bundled_dir() / "NotoSerifSC-Regular.ttf"))
    sub = subset.Subsetter()
    sub.populate(text="汉字，。 A1")
    sub.subset(font)
    if upem is not None:
        scale_upem(font, upem)
    cmap = font["cmap"]
    best = cmap.getBestCmap()
    for table in cmap.tables:
        table.cmap = dict(best)
    cmap.tables = [t for t in cmap.tables if (t.platformID, t.platEncID) in keep]
    if not cmap.tables:
        from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

        table = CmapSubtable.newSubtable(6)
        table.platformID, table.platEncID, table.language = 1, 0, 0
        table.cmap = {code: best[code] for code in (ord("1"), ord("A"))}
        cmap.tables = [table]
    path = tmp_path / "small.ttf"
    font.save(str(path))
    return path


def test_bulk_reader_matches_reportlab_on_a_format_4_cmap_and_2048_units(tmp_path: Path) -> None:
    _same(_small_font(tmp_path, {(3, 1)}, upem=2048))


def test_other_cmap_formats_are_left_to_reportlab(tmp_path: Path) -> None:
    _same(_small_font(tmp_path, set()))


def test_font_object_has_reportlabs_attributes() -> None:
    path = str(fonts.bundled_dir() / "LXGWWenKai-Regular.ttf")
    ours, theirs = fonts._TTFont("a", path), TTFont("a", path)
    assert vars(ours).keys() == vars(theirs).keys()
    for key in vars(theirs).keys() - {"face", "state", "encoding"}:
        assert getattr(ours, key) == getattr(theirs, key), key
    assert vars(ours.encoding) == vars(theirs.encoding)
    assert isinstance(ours.face, FastFace)


def test_coverage_and_ink_read_a_font_without_a_format_12_cmap(tmp_path: Path) -> None:
    path = _small_font(tmp_path, {(3, 1)})
    face = fonts.Face(path)
    assert fonts.covers(face, "汉") and fonts.covers(face, "A") and fonts.covers(face, "字")
    assert not fonts.covers(face, "国")
    ink = fonts.ink_extent(face, "汉")
    assert ink is not None and 0.0 <= ink[0] < ink[1] <= ink[2]


def test_sfnt_reads_the_table_directory_of_a_collection_member(tmp_path: Path) -> None:
    from fontTools.ttLib import TTCollection
    from fontTools.ttLib import TTFont as FTFont
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

    from juesuan_pdf.typeset.fontload import Sfnt, format12_groups

    small = FTFont(str(_small_font(tmp_path, {(3, 1)})))
    table = CmapSubtable.newSubtable(12)
    table.platformID, table.platEncID, table.language = 3, 10, 0
    table.cmap = dict(small["cmap"].getBestCmap())
    small["cmap"].tables.append(table)
    collection = TTCollection()
    collection.fonts = [small, small]
    path = tmp_path / "two.ttc"
    collection.save(str(path))
    sfnt = Sfnt(str(path), 1)
    assert "cmap" in sfnt and "glyf" in sfnt and "CFF " not in sfnt
    groups = format12_groups(sfnt.table("cmap"))
    assert groups is not None and any(start <= ord("汉") <= end for start, end, _ in groups)
    with pytest.raises(ValueError):
        Sfnt(str(path), 2)


@pytest.mark.parametrize("stem", ["NotoSerifSC-Regular", "LXGWWenKai-Regular"])
def test_subsets_are_the_bytes_reportlab_writes(stem: str) -> None:
    path = str(fonts.bundled_dir() / f"{stem}.ttf")
    subset = [0, 32, *map(ord, "汉字，。——（）《》ÀéĀ1234567890%"), 0x20BB7]
    assert FastFace(path).makeSubset(subset) == TTFontFace(path).makeSubset(subset)


def test_bundled_faces_keep_their_cmap_as_groups() -> None:
    face = FastFace(str(fonts.bundled_dir() / "NotoSerifSC-Regular.ttf"))
    assert isinstance(face.charToGlyph, GroupCmap) and isinstance(face.charWidths, GroupWidths)
    assert face.charToGlyph[0xA0] == face.charToGlyph[0x20]  # the no-break space paired with the space
    assert face.charWidths.get(ord("汉")) == 1000 and face.charWidths.get(0x10FFFF, -1) == -1


_groups = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 6), st.integers(0, 60)), max_size=8)


@given(_groups, st.integers(1, 80), st.lists(st.tuples(st.integers(0, 400), st.integers(0, 99)), max_size=4),
       st.lists(st.integers(0, 400), max_size=3))
def test_group_cmap_and_widths_behave_as_the_dicts_reportlab_builds(
    shape: list[tuple[int, int, int]], n_widths: int, assigned: list[tuple[int, int]], removed: list[int]
) -> None:
    starts, ends, firsts, at = [], [], [], 0
    for gap, length, first in shape:  # ordered, non-overlapping groups
        start = at + gap
        starts.append(start)
        ends.append(start + length)
        firsts.append(first)
        at = start + length + 1
    cmap = GroupCmap(starts, ends, firsts)
    assert cmap.is_ordered()
    widths = [float(10 * g) for g in range(n_widths)]
    expected = {c: f + c - s for s, e, f in zip(starts, ends, firsts, strict=True) for c in range(s, e + 1)}
    expected_widths = {c: widths[g] for c, g in expected.items() if g < n_widths}
    char_widths = GroupWidths(cmap, widths)
    for char, glyph in assigned:
        cmap[char], expected[char] = glyph, glyph
        char_widths[char], expected_widths[char] = glyph / 2, glyph / 2
    for char in removed:
        for mapping, plain in ((cmap, expected), (char_widths, expected_widths)):
            if char in plain:
                del mapping[char], plain[char]  # type: ignore[attr-defined]
            else:
                with pytest.raises(KeyError):
                    del mapping[char]  # type: ignore[attr-defined]
    assert list(cmap) == list(expected) and len(cmap) == len(expected)
    assert dict(cmap.items()) == expected and dict(char_widths.items()) == expected_widths
    assert len(char_widths) == len(expected_widths)
    for char in range(-1, 420):
        assert (char in cmap) == (char in expected) and cmap.get(char) == expected.get(char)
        assert (char in char_widths) == (char in expected_widths)
        assert char_widths.get(char) == expected_widths.get(char)


def test_overlapping_groups_are_expanded_with_reportlabs_later_wins_rule() -> None:
    assert not GroupCmap((5, 7), (9, 12), (1, 50)).is_ordered()
    assert not GroupCmap((5,), (4,), (1,)).is_ordered()
