"""Fonts: bundled files, roles, registration once per process, coverage fallback and errors, system lookup."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from juesuan_pdf.errors import BuildError
from juesuan_pdf.typeset import fonts
from juesuan_pdf.typeset.fonts import ROLES, Face, FontSet, find_system_font, to_unicode_cmap

BUNDLED = ("NotoSerifSC-Regular", "NotoSerifSC-Bold", "NotoSansSC-Regular", "NotoSansSC-Bold", "LXGWWenKai-Regular")


def test_bundled_fonts_and_licences_are_present() -> None:
    folder = fonts.bundled_dir()
    for stem in BUNDLED:
        assert (folder / f"{stem}.ttf").stat().st_size > 1_000_000
    assert (folder / "OFL-NotoSerifSC.txt").is_file() and (folder / "README.md").is_file()


def test_every_role_has_a_truetype_face() -> None:
    fs = FontSet()
    for role in ROLES:
        for bold in (False, True):
            assert fs.face(role, bold).path.suffix == ".ttf"


def test_role_defaults_follow_gbt9704_roles() -> None:
    fs = FontSet()
    assert fs.face("body").path.name == "NotoSerifSC-Regular.ttf"
    assert fs.face("body", bold=True).path.name == "NotoSerifSC-Bold.ttf"
    assert fs.face("heading1").path.name.startswith("NotoSansSC")
    assert fs.face("heading2").path.name == "LXGWWenKai-Regular.ttf"
    assert fs.face("heading2", bold=True).fake_bold  # WenKai ships no bold: strokes the regular


def test_registration_happens_once_and_names_are_namespaced() -> None:
    fs = FontSet()
    name = fs.font_name("body")
    assert name == "juesuan.NotoSerifSC-Regular"
    start = time.perf_counter()
    assert FontSet().font_name("body") == name
    assert time.perf_counter() - start < 0.05


def test_fallback_segments_a_character_only_wenkai_has() -> None:
    segs = FontSet().segments("汉字𠮷字", "body")
    assert [(s.text, s.face.path.stem) for s in segs] == [
        ("汉字", "NotoSerifSC-Regular"),
        ("𠮷", "LXGWWenKai-Regular"),
        ("字", "NotoSerifSC-Regular"),
    ]


def test_bold_fallback_prefers_a_bold_face() -> None:
    seg = FontSet().segments("𠮷", "body", bold=True)[0]
    assert seg.face.path.stem == "LXGWWenKai-Regular" and seg.face.fake_bold


def test_character_no_font_has_raises_with_its_place() -> None:
    with pytest.raises(BuildError) as err:
        FontSet().segments("前面的文字😀后面的文字", "body")
    message = str(err.value)
    assert "😀" in message and "U+1F600" in message and "前面的文字😀后面" in message


def test_check_lists_every_uncovered_character_once() -> None:
    with pytest.raises(BuildError) as err:
        FontSet().check([("甲😀", "body", False), ("乙\U0001f680", "table", True), ("全都有", "title", False)])
    message = str(err.value)
    assert "U+1F600" in message and "U+1F680" in message and "全都有" not in message


def test_user_font_file_overrides_a_role(tmp_path: Path) -> None:
    mine = tmp_path / "MyKai.ttf"
    shutil.copy(fonts.bundled_dir() / "LXGWWenKai-Regular.ttf", mine)
    fs = FontSet({"body": mine, "title": (str(mine), 0)})
    assert fs.face("body") == Face(mine)
    assert fs.font_name("body").startswith("juesuan.MyKai.")
    assert fs.face("title").path == mine


def test_collection_subfont_index_in_a_path_string() -> None:
    assert fonts.to_face("/fonts/simsun.ttc#1") == Face(Path("/fonts/simsun.ttc"), 1)
    assert fonts.to_face(("/fonts/simsun.ttc", 0)) == Face(Path("/fonts/simsun.ttc"), 0)


def test_bold_only_override() -> None:
    fs = FontSet({"body.bold": fonts.bundled_dir() / "NotoSansSC-Bold.ttf"})
    assert fs.face("body", bold=True).path.name == "NotoSansSC-Bold.ttf"
    assert fs.face("body").path.name == "NotoSerifSC-Regular.ttf"


def test_unknown_role_and_missing_file_are_build_errors(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="未知的字体角色"):
        FontSet({"footnote": "x.ttf"})
    with pytest.raises(BuildError, match="找不到字体文件"):
        FontSet({"body": tmp_path / "nope.ttf"}).font_name("body")


def test_non_truetype_file_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    bad = tmp_path / "Broken.otf"
    bad.write_bytes(b"OTTO" + b"\0" * 64)
    with pytest.raises(BuildError, match="TrueType"):
        FontSet({"body": bad}).font_name("body")


def test_system_font_found_by_file_name_alias_and_family(tmp_path: Path) -> None:
    shutil.copy(fonts.bundled_dir() / "LXGWWenKai-Regular.ttf", tmp_path / "simkai.ttf")
    assert find_system_font("simkai", [tmp_path]) == Face(tmp_path / "simkai.ttf")
    assert find_system_font("楷体", [tmp_path]) == Face(tmp_path / "simkai.ttf")
    assert find_system_font("LXGW WenKai", [tmp_path]) == Face(tmp_path / "simkai.ttf", 0)
    assert find_system_font("不存在的字体", [tmp_path]) is None


def test_to_unicode_cmap_spells_astral_characters_as_surrogate_pairs() -> None:
    cmap = to_unicode_cmap("AAAAAA+X", [0x6C49, 0x20BB7])
    assert "<00> <6C49>" in cmap and "<01> <D842DFB7>" in cmap


def test_system_font_family_name_prefers_the_regular_face(tmp_path: Path) -> None:
    for stem in ("NotoSansSC-Bold", "NotoSansSC-Regular"):
        (tmp_path / f"a-{stem}.ttf").symlink_to(fonts.bundled_dir() / f"{stem}.ttf")
    assert find_system_font("Noto Sans SC", [tmp_path]) == Face(tmp_path / "a-NotoSansSC-Regular.ttf")
    assert find_system_font("NotoSansSC-Bold", [tmp_path]) == Face(tmp_path / "a-NotoSansSC-Bold.ttf")


def test_a_truetype_collection_subfont_loads_and_covers(tmp_path: Path) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont

    parts = []
    for stem, text in (("NotoSerifSC-Regular", "汉字"), ("LXGWWenKai-Regular", "汉字𠮷")):
        font = TTFont(str(fonts.bundled_dir() / f"{stem}.ttf"))
        sub = subset.Subsetter()
        sub.populate(text=text)
        sub.subset(font)
        parts.append(font)
    collection = TTCollection()
    collection.fonts = parts
    path = tmp_path / "pair.ttc"
    collection.save(str(path))
    fs = FontSet({"body": f"{path}#1"})
    assert fs.face("body") == Face(path, 1)
    assert fs.font_name("body").startswith("juesuan.pair-1.")
    assert [s.face for s in fs.segments("汉𠮷", "body")] == [Face(path, 1)]


def test_ink_extent_reads_one_glyph() -> None:
    fs = FontSet()
    assert fonts.ink_extent(fs.face("body"), "—") == pytest.approx((0.043, 0.846, 0.89))
    assert fonts.ink_extent(fs.face("heading2"), "—") == pytest.approx((0.002, 0.998, 1.0))
    assert fonts.ink_extent(fs.face("body"), " ") is None
