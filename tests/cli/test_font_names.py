"""Fonts for a clerk: `--font role=NAME` by installed name or path, and data-file font paths taken from the
data file's folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from juesuan_pdf import fontnames
from juesuan_pdf.errors import JuesuanError

ROOT = Path(__file__).parents[2]
SYNTHETIC = ROOT / "examples" / "synthetic-county-education-2024" / "report.toml"
KAI = ROOT / "fonts" / "LXGWWenKai-Regular.ttf"


def test_a_name_is_found_among_the_installed_fonts_preferring_the_regular_face(monkeypatch: pytest.MonkeyPatch) -> None:
    fonts = [
        ({"fangsong_gb2312", "仿宋_gb2312"}, {"fangsong_gb2312 bold"}, False, "/f/fs-bold.ttf", 0),
        ({"fangsong_gb2312", "仿宋_gb2312"}, {"fangsong_gb2312"}, True, "/f/fs.ttf", 0),
        ({"方正小标宋简体"}, {"方正小标宋简体"}, True, "/f/collection.ttc", 2),
    ]
    monkeypatch.setattr(fontnames, "fontconfig_fonts", lambda: fonts)
    assert fontnames.resolve_font_option("body", "仿宋_GB2312") == "/f/fs.ttf"
    assert fontnames.resolve_font_option("title", "方正小标宋简体") == "/f/collection.ttc#2"
    assert fontnames.resolve_font_option("body", str(KAI)) == str(KAI)  # a path is taken as it is


def test_an_unknown_name_lists_the_chinese_fonts_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fontnames, "fontconfig_fonts", lambda: [])
    monkeypatch.setattr(fontnames, "find_installed", lambda name: None)
    monkeypatch.setattr(fontnames, "chinese_font_names", lambda: ["思源宋体", "文泉驿正黑"])
    with pytest.raises(JuesuanError) as info:
        fontnames.resolve_font_option("body", "仿宋_GB2312")
    assert "“仿宋_GB2312”" in str(info.value) and "思源宋体、文泉驿正黑" in str(info.value)
    with pytest.raises(JuesuanError, match="找不到字体文件"):
        fontnames.resolve_font_option("body", "/nowhere/仿宋.ttf")
    with pytest.raises(JuesuanError, match="body：正文（仿宋_GB2312）"):
        fontnames.resolve_font_option("bdy", "仿宋")


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="no fontconfig")
def test_fontconfig_is_asked_for_real() -> None:
    listed = fontnames.fontconfig_fonts()
    if not listed:
        pytest.skip("fontconfig lists no fonts")
    families = next(f for f in listed if f[2])[0]
    found = fontnames.find_installed(sorted(families)[0])
    assert found is not None and Path(found.split("#")[0]).is_file()


def test_font_paths_in_the_data_file_are_taken_from_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "某局"
    (folder / "字体").mkdir(parents=True)
    shutil.copy(KAI, folder / "字体" / "kai.ttf")
    text = SYNTHETIC.read_text(encoding="utf-8") + '\n[publication.fonts]\nbody = "字体/kai.ttf"\n'
    (folder / "report.toml").write_text(text, encoding="utf-8")
    out = tmp_path / "out.pdf"
    done = subprocess.run([sys.executable, "-m", "juesuan_pdf", "build", str(folder / "report.toml"), "-o", str(out)],
                          capture_output=True, text=True, cwd="/")
    assert done.returncode == 0, done.stdout + done.stderr
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "LXGWWenKai" in fonts
