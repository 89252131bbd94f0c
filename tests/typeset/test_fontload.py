"""The bulk TrueType reader gives exactly the attributes reportlab's own reader gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from juesuan_pdf.typeset import fonts
from juesuan_pdf.typeset.fontload import FastFace

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
