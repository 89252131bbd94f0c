"""Document assembly read back from the PDF: outline, contents, metadata, fonts, literal text, dispatch."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

import support
from juesuan_pdf import doc
from juesuan_pdf.errors import BuildError
from juesuan_pdf.typeset import TypesetOptions, typeset
from juesuan_pdf.typeset.layout.document import outline_depth

MARKUP = '数据里的<b>粗体</b>、&amp;、<font face="x">和<br/>都要原样印出。'
BODY = "为贯彻落实政府信息公开的要求，本单位依法编制并公开本年度的收入支出情况，收入合计4454.96万元，增长5.3%。"


def sample_document() -> doc.Document:
    """Cover, contents (levels ≤ 1), three parts with headings of every level, and literal markup text."""
    blocks: list[doc.Block] = [
        doc.Cover(("示例单位", "示例年度报告"), ("示例单位", "二〇二四年九月")),
        doc.TableOfContents(title="目录", levels=1),
    ]
    for p in range(1, 4):
        blocks.append(doc.Heading(0, f"第{p}部分 示例", f"part{p}", page_break_before=True))
        for s in range(1, 4):
            blocks.append(doc.Heading(1, f"{s}、第{p}部分第{s}节", f"p{p}s{s}"))
            blocks.append(doc.Para.of(BODY))
            blocks.append(doc.Heading(2, f"（{s}）第{p}部分第{s}小节", f"p{p}s{s}a"))
            blocks.extend(doc.Para.of(BODY) for _ in range(3))
            blocks.append(doc.Heading(3, f"{s}.第{p}部分第{s}条", f"p{p}s{s}a1", toc=False))
    blocks.append(doc.Heading(1, "不进目录的标题", "hidden", toc=False))
    blocks.append(doc.Para.of(MARKUP))
    return doc.Document(
        doc.Metadata(
            "示例年度报告",
            author="示例单位",
            subject="示例主题",
            keywords=("示例", "报告"),
            created=dt.datetime(2024, 9, 1, 8, 0, tzinfo=dt.UTC),
        ),
        tuple(blocks),
    )


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample document built once for every test here."""
    path = tmp_path_factory.mktemp("render") / "sample.pdf"
    path.write_bytes(typeset(sample_document(), TypesetOptions()))
    return path


def outline(path: Path) -> list[tuple[int, str, int]]:
    """(depth, title, 1-based page) of every outline entry, in order."""
    reader = PdfReader(path)
    out: list[tuple[int, str, int]] = []

    def walk(items: list, depth: int) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return out


def page_texts(path: Path) -> list[str]:
    """Text of each page, whitespace removed."""
    with pdfplumber.open(path) as pdf:
        return [re.sub(r"\s+", "", p.extract_text() or "") for p in pdf.pages]


def test_outline_entries_equal_the_headings(pdf: Path) -> None:
    headings = [b for b in sample_document().blocks if isinstance(b, doc.Heading) and b.outline]
    assert [(d, t) for d, t, _ in outline(pdf)] == [(h.level, h.text) for h in headings]


def test_outline_targets_the_page_showing_the_heading(pdf: Path) -> None:
    texts = page_texts(pdf)
    for _, title, page in outline(pdf):
        assert re.sub(r"\s+", "", title) in texts[page - 1], (title, page)


def toc_rows(path: Path) -> list[tuple[str, int]]:
    """(entry text, page number) of every contents line (pages after the cover up to the first part)."""
    rows: list[tuple[str, int]] = []
    with pdfplumber.open(path) as doc_pdf:
        for page in doc_pdf.pages[1:]:
            text = page.extract_text() or ""
            if "第1部分示例" in re.sub(r"\s+", "", text) and "目录" not in text and rows:
                break
            for line in text.splitlines():
                m = re.fullmatch(r"(.+?)[\s.]*(\d+)", line.strip())
                if m and not line.strip().startswith("—"):
                    rows.append((re.sub(r"\s+", "", m.group(1)), int(m.group(2))))
    return rows


def test_contents_page_numbers_equal_outline_pages(pdf: Path) -> None:
    expected = [(re.sub(r"\s+", "", t), p) for d, t, p in outline(pdf) if d <= 1 and t != "不进目录的标题"]
    assert toc_rows(pdf) == expected


def test_cover_has_no_page_number_and_body_pages_do(pdf: Path) -> None:
    texts = page_texts(pdf)
    assert "—" not in texts[0]
    for n, text in enumerate(texts[1:], start=2):
        assert text.endswith(f"—{n}—") or text.startswith(f"—{n}—") or f"—{n}—" in text


def test_metadata_language_and_viewer_preferences(pdf: Path) -> None:
    reader = PdfReader(pdf)
    meta = reader.metadata
    assert meta is not None
    assert (meta.title, meta.author, meta.subject) == ("示例年度报告", "示例单位", "示例主题")
    assert meta["/Keywords"] == "示例, 报告"
    assert meta["/Creator"] == "juesuan-pdf"
    assert meta["/CreationDate"] == "D:20240901080000+00'00'"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "zh-CN"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    assert root["/PageMode"] == "/UseOutlines"


def test_every_font_is_embedded_subset_with_unicode_map(pdf: Path) -> None:
    support.require_tool("pdffonts")
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
    fonts = [line.split() for line in lines[2:]]
    assert fonts
    for cols in fonts:
        assert cols[-5:-2] == ["yes", "yes", "yes"], cols
        assert "Helvetica" not in cols[0]


def test_markup_in_data_is_printed_literally(pdf: Path) -> None:
    support.require_tool("pdftotext")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert re.sub(r"\s+", "", MARKUP).replace(" ", "") in re.sub(r"\s+", "", text)


def test_unknown_block_type_raises_type_error() -> None:
    document = doc.Document(doc.Metadata("x"), (doc.Para.of("正文"), object()))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="object"):
        typeset(document, TypesetOptions())


@pytest.mark.parametrize("fillers", range(18, 23))
def test_a_heading_never_ends_a_page(fillers: int, tmp_path: Path) -> None:
    blocks: list[doc.Block] = [doc.Heading(0, "部分", "p", outline=True)]
    blocks += [doc.Para.of(f"第{i}行。", "plain") for i in range(fillers)]
    blocks += [doc.Heading(1, "一、标题", "h"), doc.Para.of("标题后的第一段。", "plain")]
    path = tmp_path / "keep.pdf"
    path.write_bytes(typeset(doc.Document(doc.Metadata("x"), tuple(blocks)), TypesetOptions()))
    page = dict((t, p) for _, t, p in outline(path))["一、标题"]
    assert "标题后的第一段" in page_texts(path)[page - 1]


def test_keep_together_lands_on_one_page(tmp_path: Path) -> None:
    blocks: list[doc.Block] = [doc.Para.of(f"第{i}行。", "plain") for i in range(19)]
    blocks.append(doc.KeepTogether(tuple(doc.Para.of(f"成组{i}。", "plain") for i in range(5))))
    path = tmp_path / "together.pdf"
    path.write_bytes(typeset(doc.Document(doc.Metadata("x"), tuple(blocks)), TypesetOptions()))
    texts = page_texts(path)
    assert len(texts) == 2
    assert all(f"成组{i}" in texts[1] for i in range(5))


def test_skipped_heading_levels_keep_siblings_as_siblings() -> None:
    open_levels: list[int] = []
    depths = [outline_depth(open_levels, level) for level in (0, 1, 3, 3, 1, 2, 4, 4, 0, 2)]
    assert depths == [0, 1, 2, 2, 1, 2, 3, 3, 0, 1]


def fonts_of(path: Path, text: str) -> set[str]:
    """Font names (subset prefix dropped) of the characters of the first line that reads `text`."""
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for line in page.extract_text_lines(return_chars=True):
                if line["text"].replace(" ", "") == text:
                    return {c["fontname"].split("+")[-1] for c in line["chars"] if c["text"].strip()}
    raise AssertionError(f"no line reads {text!r}")


def test_heading_faces_by_level(pdf: Path) -> None:
    # GB/T 9704: 一、 in 黑体 (the bundled sans), （一） in 楷体 (WenKai), body text in the serif.
    assert all("Sans" in f for f in fonts_of(pdf, "第1部分示例"))
    assert all("Sans" in f for f in fonts_of(pdf, "1、第1部分第1节"))
    assert all("WenKai" in f for f in fonts_of(pdf, "（1）第1部分第1小节"))
    assert all("Serif" in f for f in fonts_of(pdf, "1.第1部分第1条"))


def test_cover_and_contents_title_are_printed(pdf: Path) -> None:
    texts = page_texts(pdf)
    assert "示例单位示例年度报告" in texts[0] and "二〇二四年九月" in texts[0]
    assert texts[1].startswith("目录")


def test_markup_in_headings_reaches_outline_contents_and_page_literally(tmp_path: Path) -> None:
    support.require_tool("pdftotext")
    title = "一、<b>甲</b>&amp;<font>乙"
    blocks = (doc.TableOfContents(), doc.Heading(1, title, "m", page_break_before=True), doc.Para.of("正文。"))
    path = tmp_path / "markup.pdf"
    path.write_bytes(typeset(doc.Document(doc.Metadata("<b>&amp;"), blocks), TypesetOptions()))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert text.count(title) == 2
    assert [t for _, t, _ in outline(path)] == [title]
    meta = PdfReader(path).metadata
    assert meta is not None and meta.title == "<b>&amp;"


def test_duplicate_heading_keys_are_refused() -> None:
    blocks = (doc.Heading(1, "一、甲", "k"), doc.KeepTogether((doc.Heading(1, "二、乙", "k"), doc.Para.of("文"))))
    with pytest.raises(ValueError, match="k"):
        typeset(doc.Document(doc.Metadata("x"), blocks), TypesetOptions())


def test_a_long_contents_entry_wraps_with_a_hanging_indent(tmp_path: Path) -> None:
    title = "一、" + "很长的标题文字" * 6
    blocks = (doc.TableOfContents(), doc.Heading(1, title, "long", page_break_before=True), doc.Para.of("正文。"))
    path = tmp_path / "long.pdf"
    path.write_bytes(typeset(doc.Document(doc.Metadata("x"), blocks), TypesetOptions()))
    with pdfplumber.open(path) as pdf:
        lines = [ln for ln in pdf.pages[0].extract_text_lines() if ln["text"][0] in "一很"]
        text = re.sub(r"[\s.]+", "", pdf.pages[0].extract_text() or "")
    assert len(lines) == 2
    assert lines[1]["x0"] == pytest.approx(lines[0]["x0"] + 16, abs=0.5)
    assert f"{title}2" in text


def test_contents_over_several_pages_still_point_right(tmp_path: Path) -> None:
    blocks: list[doc.Block] = [doc.Cover(("封面",)), doc.TableOfContents(levels=1)]
    for p in range(1, 4):
        blocks.append(doc.Heading(0, f"第{p}部分", f"p{p}", page_break_before=True))
        for s in range(1, 21):
            blocks += [doc.Heading(1, f"{s}、第{p}部分第{s}节", f"p{p}s{s}"), doc.Para.of(BODY * 2)]
    path = tmp_path / "longtoc.pdf"
    path.write_bytes(typeset(doc.Document(doc.Metadata("x"), tuple(blocks)), TypesetOptions()))
    rows = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages[1:5]:
            for line in (page.extract_text() or "").splitlines():
                m = re.fullmatch(r"(第\d部分|\d+、第\d部分第\d+节)[\s.]*(\d+)", line.strip())
                if m:
                    rows.append((m.group(1), int(m.group(2))))
    assert len(rows) == 63
    assert rows == [(t, p) for _, t, p in outline(path)]
    assert rows[0][1] > 3  # the contents took more than one page before the first part


def _any_block(kind: int, n: int) -> doc.Block:
    """Block number `kind` of a small alphabet, `n` making keys and texts unique."""
    from decimal import Decimal

    table = doc.Table(
        columns=(doc.Column(2), doc.Column(1)),
        header_rows=((doc.Cell("项目", kind="label"), doc.Cell("金额", kind="label")),),
        body_rows=tuple((doc.Cell(f"科目{i}"), doc.Cell("1.00", kind="money")) for i in range(n % 40)),
        title=f"表{n}",
        landscape=n % 2 == 0,
        key=f"t{n}",
        outline_text=f"表{n}" if n % 3 else "",
    )
    options: list[doc.Block] = [
        doc.Para.of(BODY * (1 + n % 5)),
        doc.Heading(n % 5, f"标题{n}", f"h{n}", page_break_before=n % 4 == 0),
        doc.PageBreak((None, "landscape", "portrait")[n % 3]),  # type: ignore[arg-type]
        doc.Spacer(1 + n % 3),
        doc.KeepTogether((doc.Heading(2, f"组标题{n}", f"k{n}"), doc.Para.of(BODY))),
        doc.BarChart(f"图{n}", ("甲", "乙"), (doc.Series("2023年", (Decimal(n), Decimal(1)), (str(n), "1")),)),
        doc.PieChart(f"饼{n}", (doc.Slice("甲", Decimal(n % 3), f"{n % 3}"), doc.Slice("乙", Decimal(1), "1"))),
        table,
    ]
    return options[kind]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=7), min_size=1, max_size=14))
def test_any_sequence_of_blocks_typesets_with_one_outline_entry_per_heading(kinds: list[int]) -> None:
    blocks = [doc.Cover(("封面",)), doc.TableOfContents()] + [_any_block(k, n) for n, k in enumerate(kinds)]
    pdf = typeset(doc.Document(doc.Metadata("x"), tuple(blocks)), TypesetOptions())
    reader = PdfReader(io.BytesIO(pdf))

    def count(items: list) -> int:  # type: ignore[type-arg]
        return sum(count(i) if isinstance(i, list) else 1 for i in items)

    headings = sum(1 for k in kinds if k in (1, 4))
    bookmarked_tables = sum(1 for n, k in enumerate(kinds) if k == 7 and n % 3)
    assert count(reader.outline) == headings + bookmarked_tables
    assert "—" not in (reader.pages[0].extract_text() or "")


def test_a_character_no_font_has_stops_the_build_before_layout() -> None:
    # U+10FFFD is a private-use code point no bundled font maps.
    bad = "\U0010fffd"
    for document in (
        doc.Document(doc.Metadata("x"), (doc.Para.of("正文。"),), doc.Furniture(page_number=f"{bad}{{n}}")),
        doc.Document(doc.Metadata("x"), (doc.TableOfContents(), doc.Heading(1, f"一、{bad}", "h"))),
        doc.Document(doc.Metadata("x"), (doc.Cover((f"封面{bad}",)),)),
    ):
        with pytest.raises(BuildError, match="U\\+10FFFD"):
            typeset(document, TypesetOptions())


def test_a_centred_heading_is_a_title_line_and_entries_drop_the_full_stop(tmp_path: Path) -> None:
    """A centred heading (an annex report's title) sits in the middle of the measure, not at the 2 em indent;
    the contents and outline entry of a heading that ends with 。 reads without it."""
    blocks: list[doc.Block] = [
        doc.TableOfContents(levels=3),
        doc.Heading(1, "附件", "a", page_break_before=True),
        doc.Heading(2, "评价报告", "t", centered=True),
        doc.Heading(2, "（四）预算绩效管理情况。", "s"),
        doc.Para.of(BODY),
    ]
    path = tmp_path / "centred.pdf"
    path.write_bytes(typeset(doc.Document(doc.Metadata("x"), tuple(blocks)), TypesetOptions()))
    assert [t for _, t, _ in outline(path)] == ["附件", "评价报告", "（四）预算绩效管理情况"]
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[1]
        words = [w for w in page.extract_words() if w["text"].startswith("评价报告")]
        left, right = words[0]["x0"], page.width - words[0]["x1"]
        assert abs((left - 28 * 72 / 25.4) - (right - 26 * 72 / 25.4)) < 1.0  # centred in the text block
        assert "预算绩效管理情况。" not in re.sub(r"\s+", "", pdf.pages[0].extract_text() or "")
