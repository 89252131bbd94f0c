"""Font files are checked before layout: a damaged or wrong file is refused with a reason, never read blindly."""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

import pytest

from juesuan_pdf.typeset.fontload import MAX_CODE_POINTS, FontFileError, check_font_file
from juesuan_pdf.typeset.fonts import FontSet, bundled_dir

FONT = bundled_dir() / "NotoSansSC-Regular.ttf"


def tables(data: bytes | bytearray) -> dict[bytes, tuple[int, int]]:
    count = struct.unpack(">H", data[4:6])[0]
    return {bytes(data[12 + 16 * k: 16 + 16 * k]): struct.unpack(">LL", data[20 + 16 * k: 28 + 16 * k])
            for k in range(count)}


def subtables(data: bytes | bytearray) -> list[int]:
    cmap = tables(data)[b"cmap"][0]
    count = struct.unpack(">H", data[cmap + 2: cmap + 4])[0]
    return [cmap + struct.unpack(">L", data[cmap + 8 + 8 * k: cmap + 12 + 8 * k])[0] for k in range(count)]


def claim_format12(data: bytearray) -> None:
    for sub in subtables(data):
        if data[sub: sub + 2] == b"\x00\x0c":
            data[sub + 20: sub + 24] = struct.pack(">L", 0x7FFFFFFF)


def claim_format4(data: bytearray) -> None:
    for sub in subtables(data):
        if data[sub: sub + 2] == b"\x00\x04":
            seg_count = struct.unpack(">H", data[sub + 6: sub + 8])[0] // 2
            data[sub + 14: sub + 14 + 2 * seg_count] = b"\xff\xff" * seg_count  # every segment ends at U+FFFF
            data[sub + 16 + 2 * seg_count: sub + 16 + 4 * seg_count] = b"\x00\x00" * seg_count  # and starts at 0


def cut_table(data: bytearray) -> None:
    del data[tables(data)[b"glyf"][0] + 10:]


def bad_loca(data: bytearray) -> None:
    head = tables(data)[b"head"][0]
    data[head + 50: head + 52] = b"\x00\x07"


def otf(data: bytearray) -> None:
    data[0:4] = b"OTTO"


def no_cmap(data: bytearray) -> None:
    count = struct.unpack(">H", data[4:6])[0]
    for k in range(count):
        if data[12 + 16 * k: 16 + 16 * k] == b"cmap":
            data[12 + 16 * k: 16 + 16 * k] = b"cmaq"


@pytest.mark.parametrize(("damage", "reason"), [
    (claim_format12, "字符表"), (claim_format4, "字符表"), (cut_table, "不完整"), (bad_loca, "loca"),
    (otf, "CFF"), (no_cmap, "cmap"),
])
def test_damaged_fonts_are_refused_with_a_reason(tmp_path: Path, damage: Callable[[bytearray], None],
                                                 reason: str) -> None:
    data = bytearray(FONT.read_bytes())
    damage(data)
    path = tmp_path / "damaged.ttf"
    path.write_bytes(bytes(data))
    with pytest.raises(FontFileError, match=reason):
        check_font_file(path)


def test_a_format4_claim_is_counted(tmp_path: Path) -> None:
    data = bytearray(FONT.read_bytes())
    claim_format4(data)
    path = tmp_path / "f4.ttf"
    path.write_bytes(bytes(data))
    with pytest.raises(FontFileError) as info:
        check_font_file(path)
    claimed = int(str(info.value).split("声称有 ")[1].split(" ")[0])
    assert claimed > MAX_CODE_POINTS


@pytest.mark.parametrize("spec", ["/etc/passwd", "/dev/zero", "/nonexistent/x.ttf", "/tmp\x00x.ttf"])
def test_wrong_files_never_echo_their_contents(spec: str) -> None:
    with pytest.raises(FontFileError) as info:
        check_font_file(spec)
    message = str(info.value)
    assert "root" not in message and "\x00" not in message


def test_every_bundled_font_passes() -> None:
    for path in sorted(bundled_dir().glob("*.ttf")):
        check_font_file(path)


def test_font_set_names_the_role_of_a_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "cut.ttf"
    path.write_bytes(FONT.read_bytes()[:5000])
    with pytest.raises(FontFileError, match="字体角色 heading1") as info:
        FontSet({"heading1": str(path)})
    assert info.value.role == "heading1"
