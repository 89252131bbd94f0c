"""Paragraph boxes laid out in a GB/T 9704 text block, written by the writer and read back with pdfplumber and
pdftotext."""

from __future__ import annotations

import io
import itertools
import re
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

import support
from juesuan_pdf.doc import Metadata, Run
from juesuan_pdf.typeset import writer
from juesuan_pdf.typeset.fonts import FontSet
from juesuan_pdf.typeset.layout.boxes import Box, FrameState
from juesuan_pdf.typeset.layout.flow import Paginator, Template
from juesuan_pdf.typeset.layout.paragraph import TextBox, styled
from juesuan_pdf.typeset.styles import GBT9704, TextStyle

MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
X0, TOP, WIDTH, HEIGHT = 28 * MM, 37 * MM, 156 * MM, 225 * MM
FONTS = FontSet()
TEXT = (
    "财政拨款收入4454.96万元，比上年增加226.08万元，增长5.3%。主要原因是人员经费增加。"
    "“三公”经费支出合计12.5万元，比年初预算减少……主要是严格执行《厉行节约条例》——压减一般性支出。"
)


def make_plain(text: str, style: TextStyle, fonts: FontSet) -> TextBox:
    return styled((Run(text),), style, fonts)


def make_text(runs: Sequence[Run], style: TextStyle, fonts: FontSet) -> TextBox:
    return styled(runs, style, fonts)


def build(story: Sequence[Box]) -> bytes:
    """A PDF of `story` in GB/T 9704 text blocks."""
    body = Template("body", A4[0], A4[1], (X0, A4[1] - TOP - HEIGHT, WIDTH, HEIGHT))
    pages = Paginator([body], "body", FrameState()).run(list(story))
    return writer.write(pages, Metadata("test"), initial_font=FONTS.font_name("body"), initial_size=16)


def text_lines(pdf: bytes, page: int = 0) -> list[dict[str, object]]:
    """Visual lines of a page: text, x0, x1, top, font names."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        chars = [c for c in doc.pages[page].chars if c["text"].strip()]
    rows: dict[float, list[dict[str, object]]] = {}
    for c in chars:
        rows.setdefault(round(c["top"], 1), []).append(c)
    return [
        {
            "text": "".join(str(c["text"]) for c in row),
            "x0": row[0]["x0"],
            "x1": row[-1]["x1"],
            "top": top,
            "fonts": {str(c["fontname"]).split("+")[-1] for c in row},
        }
        for top, row in sorted(rows.items())
    ]


def pdftotext(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout


def flexible(source: str) -> re.Pattern[str]:
    """A pattern matching `source` in extracted text: a source space may vanish at a line end, nothing is added."""
    return re.compile("".join(r"\s*" if ch.isspace() else re.escape(ch) for ch in source))


def test_first_line_indent_justification_and_pitch() -> None:
    lines = text_lines(build([make_plain(TEXT * 2, GBT9704.body(), FONTS)]))
    assert lines[0]["x0"] == pytest.approx(X0 + 32, abs=0.01)
    assert all(ln["x0"] == pytest.approx(X0, abs=0.01) for ln in lines[1:])
    for ln in lines[:-1]:
        assert ln["x1"] == pytest.approx(X0 + WIDTH, abs=0.5), ln["text"]
    pitches = {round(float(b["top"]) - float(a["top"]), 1) for a, b in itertools.pairwise(lines)}
    assert pitches <= {28.9, 29.0}


def test_full_han_line_holds_28_characters() -> None:
    lines = text_lines(build([make_plain("汉" * 100, GBT9704.para("plain"), FONTS)]))
    assert [len(str(ln["text"])) for ln in lines] == [28, 28, 28, 16]
    assert lines[0]["x1"] == pytest.approx(X0 + WIDTH, abs=0.01)


def test_no_line_starts_or_ends_with_a_forbidden_mark() -> None:
    lines = text_lines(build([make_plain(TEXT * 4, GBT9704.body(), FONTS)]))
    assert all(str(ln["text"])[0] not in "，。、；：？！）》」』】〕〉”’…—·%" for ln in lines)
    assert all(str(ln["text"])[-1] not in "（《「『【〔〈“‘" for ln in lines)


def test_pdftotext_gives_back_the_source_text(tmp_path: Path) -> None:
    support.require_tool("pdftotext")
    source = TEXT * 3 + "标记原样印出：<b>粗</b> &amp; <font name='x'>，后备字体的字𠮷。"
    pdf = build([make_plain(source, GBT9704.body(), FONTS)])
    extracted = pdftotext(pdf, tmp_path).replace("\n", "")
    assert flexible(source).search(extracted), extracted


def test_markup_is_printed_literally() -> None:
    text = "<b>粗</b> &amp; &lt;"
    lines = text_lines(build([make_plain(text, GBT9704.para("plain"), FONTS)]))
    assert "".join(str(ln["text"]) for ln in lines) == text.replace(" ", "")


def test_bold_and_role_runs_use_their_faces() -> None:
    runs = [Run("正文"), Run("加粗", bold=True), Run("楷体", role="heading2"), Run("𠮷")]
    lines = text_lines(build([make_text(runs, GBT9704.para("plain"), FONTS)]))
    assert lines[0]["fonts"] == {"NotoSerifSC-Regular", "NotoSerifSC-Bold", "LXGWWenKai-Regular"}


def test_alignment_center_and_right() -> None:
    lines = text_lines(
        build([make_plain("居中", GBT9704.para("center"), FONTS), make_plain("靠右", GBT9704.para("right"), FONTS)])
    )
    assert (lines[0]["x0"] + lines[0]["x1"]) / 2 == pytest.approx(X0 + WIDTH / 2, abs=0.5)
    assert lines[1]["x1"] == pytest.approx(X0 + WIDTH, abs=0.5)


def test_long_paragraph_splits_across_pages_without_orphans() -> None:
    pdf = build(
        [make_plain("汉" * 28 * 21, GBT9704.para("plain"), FONTS), make_plain("汉" * 28 * 10, GBT9704.body(), FONTS)]
    )
    first, second = text_lines(pdf, 0), text_lines(pdf, 1)
    # 21 lines + 2 blank... page one has 22 grid lines: the second paragraph must not leave one line alone.
    assert len(first) == 21
    assert len(second) == 11
    assert second[0]["x0"] == pytest.approx(X0 + 32, abs=0.01)


def test_split_fragments_keep_text_and_indent() -> None:
    flow = make_plain(TEXT * 6, GBT9704.body(), FONTS)
    flow.wrap(WIDTH, 10_000)
    first, rest = flow.split(WIDTH, 5 * GBT9704.line_pitch)
    assert isinstance(first, TextBox) and isinstance(rest, TextBox)
    assert first.text + rest.text == flow.text
    assert first.wrap(WIDTH, 1000)[1] == pytest.approx(5 * GBT9704.line_pitch)
    assert rest.continued and first.justify_last


def test_a_paragraph_over_many_pages_is_broken_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Re-breaking the remainder at every page split made long texts quadratic (issue 14, item 5).
    from juesuan_pdf.typeset import linebreak

    calls: list[int] = []
    real = linebreak.break_lines

    def counting(items: Sequence[linebreak.Item], params: linebreak.Params) -> list[linebreak.Line]:
        calls.append(len(items))
        return real(items, params)

    monkeypatch.setattr(linebreak, "break_lines", counting)
    text = TEXT * 60
    pdf = build([make_plain(text, GBT9704.body(), FONTS)])
    assert len(calls) == 1
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        pages = len(doc.pages)
    assert pages >= 5
    got = "".join(str(ln["text"]) for k in range(pages) for ln in text_lines(pdf, k))
    assert got == text.replace(" ", "")


def test_split_lines_are_those_of_the_whole_paragraph() -> None:
    flow = make_plain(TEXT * 8, GBT9704.body(), FONTS)
    whole = flow.lines(WIDTH)
    first, rest = flow.split(WIDTH, 6 * GBT9704.line_pitch)
    assert isinstance(first, TextBox) and isinstance(rest, TextBox)
    assert first.lines(WIDTH) + rest.lines(WIDTH) == whole
    # Broken on its own, the tail gives the same lines: splitting needs no re-breaking.
    fresh = make_plain(rest.text, GBT9704.body(), FONTS)
    fresh.continued = True
    assert [(ln.start + rest.start, ln.end + rest.start, ln.xs) for ln in fresh.lines(WIDTH)] == [
        (ln.start, ln.end, ln.xs) for ln in rest.lines(WIDTH)
    ]


def test_split_refuses_to_leave_a_single_line() -> None:
    flow = make_plain(TEXT * 6, GBT9704.body(), FONTS)
    flow.wrap(WIDTH, 10_000)
    assert flow.split(WIDTH, 1.5 * GBT9704.line_pitch) == []


def test_table_cell_style_sets_compact_lines() -> None:
    flow = make_plain("合计4454.96", GBT9704.cell("right"), FONTS)
    width, height = flow.wrap(200, 100)
    assert (width, height) == (200, pytest.approx(13.65))


def test_two_builds_are_byte_identical() -> None:
    story = lambda: [make_plain(TEXT * 3, GBT9704.body(), FONTS)]  # noqa: E731
    assert build(story()) == build(story())


def test_positions_hold_across_font_subsets() -> None:
    # Over 256 distinct glyphs put later text in a second subset; pdfminer must still see justified lines.
    many = "".join(chr(0x4E00 + i * 7) for i in range(400))
    pdf = build([make_plain(many, GBT9704.body(), FONTS), make_plain(TEXT * 2, GBT9704.body(), FONTS)])
    lines = text_lines(pdf)
    ends = [ln for ln in lines[:-1] if len(str(ln["text"])) > 20]
    assert len(ends) > 15
    assert all(ln["x1"] == pytest.approx(X0 + WIDTH, abs=0.5) for ln in ends)


def test_a_face_without_bold_is_stroked() -> None:
    pdf = build([make_text([Run("楷体加粗", role="heading2", bold=True)], GBT9704.para("plain"), FONTS)])
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        chars = doc.pages[0].chars
    assert {str(c["fontname"]).split("+")[-1] for c in chars} == {"LXGWWenKai-Regular"}
    content = PdfReader(io.BytesIO(pdf)).pages[0].get_contents()
    assert content is not None and b"2 Tr" in content.get_data()


def test_the_two_halves_of_a_dash_join() -> None:
    lines = build([make_plain("破折号——连成一线", GBT9704.para("plain"), FONTS)])
    with pdfplumber.open(io.BytesIO(lines)) as doc:
        first, second = (c for c in doc.pages[0].chars if c["text"] == "—")
    # Noto Serif SC draws ink from 0.043 to 0.846 em of a 0.89 em advance: the second starts where the ink ends.
    assert second["x0"] - first["x0"] == pytest.approx((0.846 - 0.043) * 16 - 0.21, abs=0.05)


def test_style_sheet_follows_the_gbt9704_grid() -> None:
    assert GBT9704.tracking == pytest.approx(156 * 72 / 25.4 / 28 - 16)
    assert GBT9704.body().first_indent == 2.0 and GBT9704.body().leading == pytest.approx(28.99, abs=0.01)
    assert GBT9704.para("title").role == "title" and GBT9704.para("title").size == 22
    assert GBT9704.heading(1).role == "heading1" and GBT9704.heading(2).role == "heading2"
    assert GBT9704.heading(0).align == "center" and GBT9704.heading(3).bold
    assert GBT9704.cell("right").align == "right" and GBT9704.cell().align == "justify"
    with pytest.raises(ValueError, match="unknown paragraph style"):
        GBT9704.para("poem")
