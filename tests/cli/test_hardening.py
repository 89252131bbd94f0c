"""Hostile input at the command line: a Chinese message naming key and line, exit 1/2/130, no traceback, no PDF."""

from __future__ import annotations

import os
import signal
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
SYNTHETIC = ROOT / "examples" / "synthetic-county-education-2024" / "report.toml"
FONT = ROOT / "fonts" / "NotoSansSC-Regular.ttf"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "juesuan_pdf", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300)


def variant(tmp_path: Path, old: str, new: str, name: str = "report.toml") -> Path:
    text = SYNTHETIC.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in line)


def refused(done: subprocess.CompletedProcess[str], code: int, *words: str) -> str:
    out = done.stdout + done.stderr
    assert done.returncode == code, out
    assert "Traceback" not in out and "Error:" not in out, out
    for word in words:
        assert word in out, out
    return out


@pytest.mark.parametrize("command", ["validate", "build", "next-year"])
def test_huge_amount_and_deep_nesting_are_refused_by_every_command(tmp_path: Path, command: str) -> None:
    big = variant(tmp_path, "general_budget = 12000", "general_budget = 1e26", "big.toml")
    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    for data, words in ((big, (f"income.general_budget（第{line_of(big, '1e26')}行）", "万亿")),
                        (deep, ("（第1行）", "嵌套过深"))):
        out = tmp_path / "out.pdf" if command == "build" else tmp_path / "next.toml"
        args = [command, str(data)] + (["-o", str(out)] if command != "validate" else [])
        refused(run(*args), 2, *words)
        assert not out.exists()


def test_full_width_digits_in_a_code_are_refused_even_with_force(tmp_path: Path) -> None:
    data = variant(tmp_path, 'code = "2050101"', 'code = "205０1０1"')
    out = tmp_path / "out.pdf"
    refused(run("build", "--force", str(data), "-o", str(out)), 2,
            f"accounts[第1个].code（第{line_of(data, '205０1０1')}行）", "全角数字", "2050101")
    assert not out.exists()


def test_negative_count_and_duplicated_entry(tmp_path: Path) -> None:
    data = variant(tmp_path, "batches = 40", "batches = -1")
    refused(run("validate", str(data)), 2, f"batches（第{line_of(data, 'batches = -1')}行）", "不能为负")
    entry = '[[project_expenditure]]\ncode = "30212"\namount = 3.2\n'
    data = variant(tmp_path, entry, entry + entry)
    refused(run("validate", str(data)), 2, "project_expenditure[第2个]", "重复")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_special_files_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "report.toml"
    os.mkfifo(fifo)
    refused(run("validate", str(fifo)), 2, "管道")
    refused(run("validate", "/dev/zero"), 2, "字符设备")


def test_missing_file_says_where_it_looked(tmp_path: Path) -> None:
    refused(run("validate", "nowhere.toml", cwd=tmp_path), 2, str(tmp_path / "nowhere.toml"), "当前文件夹")


def test_toml_syntax_error_is_chinese_with_the_line_shown(tmp_path: Path) -> None:
    data = variant(tmp_path, 'short_name = "县教育局"', "short_name = “县教育局”")
    out = refused(run("validate", str(data)), 2, f"（第{line_of(data, 'short_name')}行", "short_name = “县教育局”",
                  "提示：", "全角引号")
    assert "Invalid" not in out


def test_escape_sequences_in_data_are_never_printed_raw(tmp_path: Path) -> None:
    data = variant(tmp_path, 'short_name = "县教育局"', 'short_name = "县\\u001b]0;x\\u0007教育局"')
    out = refused(run("validate", str(data)), 2, "\\x1b")
    assert "\x1b" not in out and "\x07" not in out


def damaged_fonts(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Font files that must be refused before layout, with a word of the reason."""
    data = FONT.read_bytes()
    truncated = tmp_path / "truncated.ttf"
    truncated.write_bytes(data[: len(data) // 2])
    claims = bytearray(data)
    count = struct.unpack(">H", claims[4:6])[0]
    cmap = next(struct.unpack(">L", claims[20 + 16 * k: 24 + 16 * k])[0] for k in range(count)
                if claims[12 + 16 * k: 16 + 16 * k] == b"cmap")
    for k in range(struct.unpack(">H", claims[cmap + 2: cmap + 4])[0]):
        sub = cmap + struct.unpack(">L", claims[cmap + 8 + 8 * k: cmap + 12 + 8 * k])[0]
        if claims[sub: sub + 2] == b"\x00\x0c":
            claims[sub + 20: sub + 24] = struct.pack(">L", 0x7FFFFFFF)  # first group ends at 2^31
    huge_cmap = tmp_path / "cmap.ttf"
    huge_cmap.write_bytes(bytes(claims))
    return {"truncated": (truncated, "不完整"), "cmap": (huge_cmap, "字符表"),
            "passwd": (Path("/etc/passwd"), "不是 TrueType"), "device": (Path("/dev/zero"), "不是普通文件"),
            "folder": (tmp_path, "不是普通文件"), "missing": (tmp_path / "no.ttf", "找不到字体文件")}


def test_damaged_font_files_are_refused_before_layout_naming_role_key_and_line(tmp_path: Path) -> None:
    for name, (font, reason) in damaged_fonts(tmp_path).items():
        text = SYNTHETIC.read_text(encoding="utf-8") + f'[publication.fonts]\nbody = "{font}"\n'
        data = tmp_path / f"{name}.toml"
        data.write_text(text, encoding="utf-8")
        out = tmp_path / "out.pdf"
        start = time.monotonic()
        done = run("build", str(data), "-o", str(out))
        message = refused(done, 2, "publication.fonts.body", f"（第{line_of(data, 'body = ')}行）", reason)
        assert "root:" not in message and "726f6f74" not in message.lower()  # /etc/passwd is never echoed
        assert not out.exists()
        assert time.monotonic() - start < 60


def test_damaged_font_on_the_command_line_names_the_option(tmp_path: Path) -> None:
    truncated, reason = damaged_fonts(tmp_path)["truncated"]
    refused(run("build", str(SYNTHETIC), "-o", str(tmp_path / "o.pdf"), "--font", f"title={truncated}"), 2,
            "--font title", reason)


def test_missing_glyph_names_the_key_and_line(tmp_path: Path) -> None:
    data = variant(tmp_path, 'short_name = "县教育局"', 'short_name = "县教育局\U0002B820"')
    refused(run("build", str(data), "-o", str(tmp_path / "o.pdf")), 2, "U+2B820",
            f"department.short_name（第{line_of(data, 'short_name')}行）")


def test_disk_full_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from juesuan_pdf.api import write_atomically
    from juesuan_pdf.errors import BuildError

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    target = tmp_path / "out.pdf"
    with pytest.raises(BuildError, match="磁盘空间不足") as info:
        write_atomically(target, b"x")
    assert str(target) in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_exits_130_without_a_traceback_or_a_file(tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    example = ROOT / "examples" / "zhaohua-renshe-2023" / "report.toml"
    proc = subprocess.Popen([sys.executable, "-m", "juesuan_pdf", "build", str(example), "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Interrupt inside the layout: once the process has mapped a bundled font (its imports are done).
    maps = Path(f"/proc/{proc.pid}/maps")
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        if not maps.exists() or "fonts/Noto" in maps.read_text(errors="replace"):
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    said, err = proc.communicate(timeout=120)
    err += said  # all messages on one stream (stdout)
    if proc.returncode == 0:
        pytest.skip("the build finished before the interrupt arrived")
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err and "已中断" in err
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_the_largest_amount_beside_the_smallest_still_draws_a_pie() -> None:
    # Why the maximum is 1e12 万元: reportlab's arc code divides by zero once one slice is ~1e17 times another.
    from decimal import Decimal

    from juesuan_pdf import doc
    from juesuan_pdf.doc.chart import PieChart, Slice
    from juesuan_pdf.load.limits import MAX_AMOUNT
    from juesuan_pdf.typeset import typeset

    chart = PieChart("图", (Slice("大", MAX_AMOUNT, "大"), Slice("小", Decimal("0.01"), "小"),
                           Slice("小2", Decimal("0.01"), "小2")))
    pdf = typeset(doc.Document(doc.Metadata("图"), (chart,)))
    assert pdf.startswith(b"%PDF")


def test_next_year_keeps_line_numbers_with_unicode_line_separators_in_strings(tmp_path: Path) -> None:
    data = variant(tmp_path, 'title = "2024年重点工作完成情况"', 'title = "重点\u2029工作\u2028完成情况"')
    nxt = tmp_path / "next.toml"
    done = run("next-year", str(data), "-o", str(nxt))
    assert done.returncode == 0, done.stderr
    again = run("validate", str(nxt))
    assert again.returncode in (0, 1) and "Traceback" not in again.stderr, again.stderr
