"""The table renderer: grid placement, column widths and page splits as data; then tables read back from PDFs.

The PDF tests build synthetic tables shaped like the 绩效自评表 (一级/二级 指标 merged over many rows, one
merged block taller than a page) and the 公开表 (multi-row headers, money columns) and check what a reader
sees: repeated headers, continued labels, right-aligned figures, line-start rules, text kept in order.
"""

from __future__ import annotations

import itertools
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

import support
from juesuan_pdf import doc
from juesuan_pdf.doc.table import VAlign
from juesuan_pdf.typeset import TypesetOptions, typeset
from juesuan_pdf.typeset.layout import table_layout as tl
from proofread.audit import audit

CONTINUED = "（续）"
NO_START = set("，。、；：？！）》」』】〕〉”’…—·%‰,.;:?!)]}")
FURNITURE = re.compile(r"^[\s—–\-\d.·…]+$")
"""Page numbers (— 3 —) are not text lines."""

# ---------------------------------------------------------------------------------------------------------
# Layout as data


def test_place_skips_positions_covered_by_spans() -> None:
    """HTML convention: a row lists only the cells that start in it."""
    rows = [[(1, 3), (2, 1)], [(1, 1), (1, 1)], [(2, 1)]]
    placed = tl.place(rows, 3)
    assert [(p.row, p.col, p.rowspan, p.colspan) for p in placed] == [
        (0, 0, 3, 1),
        (0, 1, 1, 2),
        (1, 1, 1, 1),
        (1, 2, 1, 1),
        (2, 1, 1, 2),
    ]


def test_place_fills_missing_cells_and_rejects_overflow() -> None:
    """A short row gets empty fillers; a cell past the last column or row is an error naming it."""
    placed = tl.place([[(1, 1)], [(1, 1), (1, 1)]], 2)
    assert [p.source for p in placed] == [(0, 0), None, (1, 0), (1, 1)]
    with pytest.raises(ValueError, match="row 1, cell 2: ends at column 3"):
        tl.place([[(1, 1), (2, 1)]], 2)
    with pytest.raises(ValueError, match="row 2, cell 1: spans 3 rows"):
        tl.place([[(1, 1)], [(1, 3)]], 1)


def test_column_widths_feed_wrapping_text_before_padding_short_columns() -> None:
    """Minimums first; spare goes to columns below their natural width, then by weight; total is exact."""
    widths = tl.column_widths([20, 20, 20], [20, 200, 25], [1, 1, 1], 150)
    assert sum(widths) == pytest.approx(150)
    assert widths[0] == pytest.approx(20)
    assert widths[2] == pytest.approx(25)
    assert widths[1] == pytest.approx(105)
    squeezed = tl.column_widths([60, 60], [60, 60], [1, 1], 100)
    assert squeezed == pytest.approx([50, 50])
    # Labels get their one-line width only after wrapping text has its natural width.
    wished = tl.column_widths([20, 20], [20, 80], [1, 1], 120, wishes=[40, 0])
    assert wished == pytest.approx([40, 80])
    assert tl.column_widths([20, 20], [20, 80], [1, 1], 90, wishes=[40, 0]) == pytest.approx([20, 70])


M = tl.Metrics(pitch=10.0, vpad=2.0)


def piece(col: int, lines: int, rowspan: int = 1, repeat: bool = False, key: int = 0) -> tl.Piece:
    """A piece whose lines are numbered strings."""
    return tl.Piece(col, 1, rowspan, tuple(f"{key}:{i}" for i in range(lines)), key, "top", repeat)


def cont(p: tl.Piece) -> tuple[Any, ...]:
    """The continued label of a repeated piece."""
    return (f"label{p.key}{CONTINUED}",)


def test_row_heights_spread_a_tall_span_over_its_rows() -> None:
    """Single-row pieces set their rows; a span taller than its rows grows them evenly."""
    bands = [tl.Band((piece(0, 10, rowspan=2), piece(1, 1))), tl.Band((piece(1, 2),))]
    # Rows of 14 and 24 pt; the 10-line span needs 104 pt: the 66 pt missing go half to each row.
    assert tl.row_heights(bands, M) == pytest.approx([47.0, 57.0])


def test_split_repeats_a_cut_merged_label_and_moves_no_whole_block() -> None:
    """A label merged over 30 rows is cut where the page ends; the rest shows it again, continued."""
    label = piece(0, 1, rowspan=30, repeat=True, key=99)
    bands = [tl.Band(((label,) if r == 0 else ()) + (piece(1, 1, key=r),)) for r in range(30)]
    first, rest = tl.split(bands, 100.0, M, cont) or ([], [])
    assert len(first) == 7  # 7 rows of 14 pt fit in 100 pt: nothing moves whole to the next page
    assert first[0].pieces[0].rowspan == 7 and first[0].pieces[0].lines == label.lines
    head = rest[0].pieces[0]
    assert head.continued and head.rowspan == 23 and head.lines == ("label99（续）",)


def test_split_divides_a_row_taller_than_the_page() -> None:
    """A single row taller than the room is cut between lines; every line lands exactly once."""
    bands = [tl.Band((piece(0, 1, key=1), piece(1, 40, key=2)))]
    parts: list[list[tl.Band]] = []
    while bands:
        done = tl.split(bands, 100.0, M, cont)
        if done is None:
            parts.append(bands)
            break
        parts.append(done[0])
        bands = done[1]
    assert all(tl.total_height(p, M) <= 100.0 + 1e-6 for p in parts)
    lines = [ln for part in parts for b in part for pc in b.pieces if pc.key == 2 for ln in pc.lines]
    assert lines == [f"2:{i}" for i in range(40)]


def test_split_moves_a_short_row_whole_when_little_room_is_lost() -> None:
    """Rows are not divided for a small saving: the cut falls between rows."""
    bands = [tl.Band((piece(0, 3),)) for _ in range(5)]  # rows of 34 pt
    first, rest = tl.split(bands, 80.0, M, cont) or ([], [])
    assert [len(b.pieces[0].lines) for b in first] == [3, 3]
    assert [len(b.pieces[0].lines) for b in rest] == [3, 3, 3]


def test_split_leaves_no_single_row_alone_on_the_last_page() -> None:
    """A table's last page gets two rows, not one, when moving a row down wastes at most a quarter."""
    bands = [tl.Band((piece(0, 1, key=r),)) for r in range(10)]  # rows of 14 pt; 9 fit in 130 pt
    first, rest = tl.split(bands, 130.0, M, cont) or ([], [])
    assert (len(first), len(rest)) == (8, 2)
    assert [b.pieces[0].key for b in first + rest] == list(range(10))  # nothing lost or repeated
    # Three rows of 34 pt in 70 pt: moving the second row down would leave half the page blank.
    tall = [tl.Band((piece(0, 3, key=r),)) for r in range(3)]
    first, rest = tl.split(tall, 70.0, M, cont) or ([], [])
    assert (len(first), len(rest)) == (2, 1)


# ---------------------------------------------------------------------------------------------------------
# Synthetic tables

C = doc.Cell


def label(text: str, **kw: Any) -> doc.Cell:
    """A label cell."""
    return doc.Cell(text, kind="label", **kw)


def money(text: str) -> doc.Cell:
    """A money cell."""
    return doc.Cell(text, kind="money")


HEADER_WORDS = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "偏差原因分析及改进措施")
INDICATOR_HEADER = (tuple(label(t, bold=True) for t in HEADER_WORDS),)
REASON = (
    "主要由于2023年参保到龄领取待遇3860人、关系转出31人、参保缴费死亡223人，加之疫情后外出务工人员急剧增加，"
    "在外参加企保，导致城居保缴费人数大幅下降。综合分析，精准预测。"
)


def indicator_rows(n: int) -> tuple[doc.Row, ...]:
    """产出指标 merged over n rows (数量指标 over all but the last 3, 质量指标 over those), then 效益指标."""
    rows: list[doc.Row] = []
    for i in range(n):
        row: list[doc.Cell] = []
        if i == 0:
            row += [label("产出指标", rowspan=n), label("数量指标", rowspan=n - 3)]
        if i == n - 3:
            row.append(label("质量指标", rowspan=3))
        row += [C(f"指标{i + 1}：检查用人单位遵守劳动保障法律、法规和规章的执行情况次数"), C("≥12次"), C("24次")]
        row.append(C(REASON if i % 4 == 0 else ""))
        rows.append(tuple(row))
    benefit = C("指标1：群众获得感、幸福感不断增强")
    rows.append((label("效益指标"), label("社会效益指标"), benefit, C("定性优良中差"), C("优"), C("")))
    rows.append((C("自评得分：86分", colspan=6),))
    return tuple(rows)


def indicator_table(n: int = 40) -> doc.Table:
    """A self-evaluation indicator block whose merged 产出指标 block is taller than a page."""
    return doc.Table(
        columns=(doc.Column(1), doc.Column(1), doc.Column(3), doc.Column(1), doc.Column(1), doc.Column(2)),
        header_rows=INDICATOR_HEADER,
        body_rows=indicator_rows(n),
        title="部门整体支出绩效目标自评表",
        caption_left="（2023年度）",
        notes=("注：本表按单位申报口径填列，偏差原因按指标逐项说明。",),
        key="eval",
        outline_text="部门整体支出绩效目标自评表",
    )


ACCOUNT_HEADER = (
    (label("项目", colspan=2), *(label(t, rowspan=2) for t in ("本年支出合计", "基本支出", "项目支出", "其他支出"))),
    (label("科目编码"), label("科目名称")),
    (label("栏次", colspan=2), label("1"), label("2"), label("3"), label("4")),
)
NAMES = ("社会保障和就业支出", "人力资源和社会保障管理事务", "行政运行（人力资源和社会保障管理事务）")


def account_table(n: int = 90) -> doc.Table:
    """A 公开表-like table: 3 header rows, a 合计 row, n account rows indented by level."""
    body: list[doc.Row] = [(label("合计", colspan=2), *(money(v) for v in ("4454.96", "1948.30", "2506.66", "0.00")))]
    for i in range(n):
        lvl = i % 3
        code = ("208", "20801", "2080101")[lvl]
        amounts = (f"{1234.5 + i * 7:.2f}", f"{34.5 * i:.2f}", "12.00", "0.00")
        body.append((C(code), C(NAMES[lvl], indent=lvl), *(money(a) for a in amounts)))
    return doc.Table(
        columns=(doc.Column(0.6), doc.Column(3), *(doc.Column(1) for _ in range(4))),
        header_rows=ACCOUNT_HEADER,
        body_rows=tuple(body),
        title="支出决算表",
        form_no="公开03表",
        caption_left="部门：示例单位",
        caption_right="金额单位：万元",
        notes=("注：本表反映部门本年度各项支出情况。",),
        key="t03",
        outline_text="支出决算表",
    )


def build(path: Path, *tables: doc.Table, before: tuple[doc.Block, ...] = ()) -> Path:
    """Typeset the tables (after `before`) into `path`."""
    blocks = (*before, *tables)
    document = doc.Document(doc.Metadata("表格测试", author="测试", subject="表格"), blocks)
    path.write_bytes(typeset(document, TypesetOptions()))
    return path


@pytest.fixture(scope="module")
def eval_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The indicator table after some body text, so the table starts mid-page."""
    intro = tuple(doc.Para.of("为全面反映本部门整体支出绩效情况，现将自评结果公开如下。" * 3) for _ in range(3))
    return build(tmp_path_factory.mktemp("tables") / "eval.pdf", indicator_table(), before=intro)


@pytest.fixture(scope="module")
def account_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The account table, several pages long."""
    return build(tmp_path_factory.mktemp("tables") / "accounts.pdf", account_table())


def page_texts(path: Path) -> list[str]:
    """Text of every page in content order (as drawn: cell by cell), whitespace removed."""
    return [re.sub(r"\s+", "", p.extract_text() or "") for p in PdfReader(path).pages]


def table_pages(path: Path, marker: str) -> list[int]:
    """Indexes of the pages whose text contains `marker`."""
    return [i for i, t in enumerate(page_texts(path)) if marker in t]


# ---------------------------------------------------------------------------------------------------------
# Read back from the PDF


def test_merged_block_taller_than_a_page_builds_and_continues_its_label(eval_pdf: Path) -> None:
    """The 产出指标 block runs over several pages; every continuation page shows 产出指标（续）."""
    texts = page_texts(eval_pdf)
    pages = [i for i, t in enumerate(texts) if "检查用人单位" in t]
    assert len(pages) >= 3
    assert "产出指标" in texts[pages[0]] and "产出指标（续）" not in texts[pages[0]]
    for i in pages[1:]:
        if "效益指标" in texts[i] and "指标1：检查" not in texts[i]:
            continue  # the last page may hold only rows after the merged block
        assert "产出指标（续）" in texts[i], f"page {i + 1}"
        assert "数量指标（续）" in texts[i] or "质量指标" in texts[i], f"page {i + 1}"


def test_header_rows_repeat_at_the_top_of_every_page(eval_pdf: Path, account_pdf: Path) -> None:
    """The header words are the first table text on every page the table runs over."""
    for path, first_cell, body_word in ((eval_pdf, "一级", "指标"), (account_pdf, "项目", "2080101")):
        with pdfplumber.open(path) as pdf:
            pages = [p for p in pdf.pages if body_word in (p.extract_text() or "")]
            assert len(pages) >= 2
            tops = []
            for page in pages:
                words = page.extract_words()
                head = next(w for w in words if w["text"].startswith(first_cell))
                first_body = min(w["top"] for w in words if w["text"].startswith(body_word))
                assert head["top"] < first_body
                tops.append(head["top"])
            # On continuation pages the header is the first thing on the page, at the same height.
            assert max(tops[1:]) - min(tops[1:]) < 0.5


def test_every_line_of_every_cell_is_printed_once_in_order(eval_pdf: Path) -> None:
    """Text divided across pages loses nothing: the reason text appears whole once per row that has it."""
    text = "".join(page_texts(eval_pdf))
    assert text.count(REASON) == 10
    assert text.count("自评得分：86分") == 1


def test_cell_text_stays_together_in_raw_extraction(eval_pdf: Path) -> None:
    """pdftotext -raw reads each cell's lines one after another (cells are drawn whole, in reading order)."""
    support.require_tool("pdftotext")
    raw = subprocess.run(["pdftotext", "-raw", str(eval_pdf), "-"], capture_output=True, text=True, check=True)
    flat = re.sub(r"\s+", "", raw.stdout)
    assert "指标1：检查用人单位遵守劳动保障法律、法规和规章的执行情况次数≥12次24次" + REASON[:20] in flat


def test_money_cells_are_right_aligned(account_pdf: Path) -> None:
    """Figures of one column share their right edge (±0.5 pt) on every page."""
    edges: list[float] = []
    with pdfplumber.open(account_pdf) as pdf:
        for page in pdf.pages:
            edges += [w["x1"] for w in page.extract_words() if re.fullmatch(r"\d+\.\d\d", w["text"])]
    edges.sort()
    columns: list[list[float]] = [[edges[0]]]
    for x in edges[1:]:
        if x - columns[-1][-1] > 5:
            columns.append([])
        columns[-1].append(x)
    assert len(columns) == 4
    assert all(col[-1] - col[0] <= 0.5 for col in columns)


def test_indent_shifts_account_levels(account_pdf: Path) -> None:
    """款 and 项 names start one and two em right of 类 names."""
    with pdfplumber.open(account_pdf) as pdf:
        words = pdf.pages[0].extract_words()
    x0 = {name: min(w["x0"] for w in words if w["text"].startswith(name[:6])) for name in NAMES}
    step = x0[NAMES[1]] - x0[NAMES[0]]
    assert step == pytest.approx(10.5, abs=0.6)
    assert x0[NAMES[2]] - x0[NAMES[0]] == pytest.approx(2 * step, abs=0.6)


def lines_of(path: Path) -> list[str]:
    """Visual text segments of every page (runs of characters without a gap wider than 0.9 em)."""
    out: list[str] = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            chars = sorted((c for c in page.chars if c["text"].strip()), key=lambda c: (round(c["top"]), c["x0"]))
            rows: list[list[dict[str, Any]]] = []
            for c in chars:
                if rows and abs(rows[-1][0]["top"] - c["top"]) <= 2:
                    rows[-1].append(c)
                else:
                    rows.append([c])
            for row in rows:
                row.sort(key=lambda c: c["x0"])
                seg = row[0]["text"]
                for a, b in itertools.pairwise(row):
                    if b["x0"] - a["x1"] > 0.9 * a["size"]:
                        out.append(seg)
                        seg = ""
                    seg += b["text"]
                out.append(seg)
    return out


def test_no_cell_line_starts_with_a_forbidden_mark(eval_pdf: Path, account_pdf: Path) -> None:
    """Cell lines follow the body text's line rules (clreq 行首禁则)."""
    for path in (eval_pdf, account_pdf):
        bad = [s for s in lines_of(path) if len(s) > 1 and s[0] in NO_START and not FURNITURE.match(s)]
        assert bad == []


@pytest.mark.parametrize("name", ["eval_pdf", "account_pdf"])
def test_typo_audit_passes(name: str, request: pytest.FixtureRequest) -> None:
    """The proof-reading audit finds nothing on table pages."""
    support.require_tool("pdffonts")
    path: Path = request.getfixturevalue(name)
    assert audit(path).problems() == []


def test_a_single_row_taller_than_a_page_builds(tmp_path: Path) -> None:
    """One cell of several pages of text is divided between lines, all of it printed."""
    long_text = "年度目标完成情况说明。" * 400
    table = doc.Table(
        columns=(doc.Column(1), doc.Column(4)),
        header_rows=((label("项目"), label("说明")),),
        body_rows=((label("年度目标"), C(long_text)), (label("完成情况"), C("全部完成。"))),
    )
    path = build(tmp_path / "long.pdf", table)
    texts = page_texts(path)
    assert len(texts) >= 3
    # Every character once (whole sentences may straddle a page break, with header and page number between).
    assert "".join(texts).count("明。") == 400
    assert sum(t.count("年度目标完成情况说明。") for t in texts) >= 400 - len(texts)
    assert all("说明" in t for t in texts)
    assert all("年度目标（续）" in t for t in texts[1:-1])


@pytest.mark.parametrize(
    ("make", "landscape"),
    [(lambda: account_table(10), True), (lambda: indicator_table(6), False)],
)
def test_landscape_tables_get_landscape_pages(tmp_path: Path, make: Callable[[], doc.Table], landscape: bool) -> None:
    """`Table.landscape` puts the table on landscape pages."""

    table = attrs.evolve(make(), landscape=landscape)
    path = build(tmp_path / "t.pdf", table, before=(doc.Para.of("正文。"),))
    with pdfplumber.open(path) as pdf:
        pages = [p for p in pdf.pages if table.title in (p.extract_text() or "")]
        assert len(pages) == 1
        assert (pages[0].width > pages[0].height) == landscape


def test_no_page_is_left_a_third_blank_by_a_merged_block(eval_pdf: Path) -> None:
    """Every page the table continues from is filled to within a fifth of the text block's bottom."""
    with pdfplumber.open(eval_pdf) as pdf:
        pages = [p for p in pdf.pages if "检查用人单位" in (p.extract_text() or "")]
        for page in pages[:-1]:
            block_bottom = float(page.height) - 35 * 72 / 25.4  # GB/T 9704: 35 mm below the text block
            grid_bottom = max(ln["bottom"] for ln in page.lines)
            assert block_bottom - grid_bottom < 0.2 * 225 * 72 / 25.4, f"page {page.page_number}"


def test_a_sub_header_row_is_never_left_at_the_foot_of_a_page() -> None:
    """No cut right after a row of labels: it goes with (the first lines of) the row under it."""
    bands = [tl.Band((piece(0, 2),)) for _ in range(3)]
    bands.append(tl.Band((piece(0, 1, key=7),), keep_with_next=True))
    bands.append(tl.Band((piece(0, 12, key=8),)))
    first, rest = tl.split(bands, 130.0, M, cont) or ([], [])
    assert first[-1].pieces[0].key == 8  # the label row and 3+ lines of the next one
    assert len(first[-1].pieces[0].lines) >= 3 and rest[0].pieces[0].key == 8
    tight = tl.split(bands, 100.0, M, cont) or ([], [])
    assert [b.pieces[0].key for b in tight[0]] == [0, 0, 0]  # too little room: both move on


def test_bare_table_and_crowded_caption_build(tmp_path: Path) -> None:
    """No title, no header rows, a forced line break in a cell; captions too long for one line stack."""
    bare = doc.Table(
        columns=(doc.Column(), doc.Column()),
        header_rows=(),
        body_rows=((label("指标1：\n人数"), C("≥200人")), (C("合计"), money("12.00"))),
        form_no="公开99表",
    )
    long_left = "部门：" + "很长的单位名称" * 6
    crowded = attrs.evolve(bare, title="表", caption_left=long_left, caption_right="金额单位：万元")
    path = build(tmp_path / "bare.pdf", bare, crowded)
    text = "".join(page_texts(path))
    assert text.count("公开99表") == 2 and long_left in text and "指标1：人数" in text
    with pdfplumber.open(path) as pdf:
        words = pdf.pages[0].extract_words()
    unit = next(w for w in words if w["text"].startswith("金额单位"))
    dept = next(w for w in words if w["text"].startswith("部门"))
    assert unit["top"] > dept["top"] + 5  # stacked under the department line, not overprinted


@st.composite
def band_lists(draw: st.DrawFn) -> list[tl.Band]:
    """Random bodies of 3 columns: column 0 holds merged labels, columns 1-2 text of 1-30 lines."""
    n = draw(st.integers(1, 25))
    bands: list[list[tl.Piece]] = [[] for _ in range(n)]
    r, key = 0, 0
    while r < n:
        span = draw(st.integers(1, n - r))
        bands[r].append(tl.Piece(0, 1, span, ("L",), key, "middle", repeat=draw(st.booleans())))
        key += 1
        r += span
    for r in range(n):
        for col in (1, 2):
            lines = tuple(f"{key}:{i}" for i in range(draw(st.integers(0, 30))))
            bands[r].append(tl.Piece(col, 1, 1, lines, key, "top"))
            key += 1
    return [tl.Band(tuple(b), keep_with_next=draw(st.booleans()) and r < n - 1) for r, b in enumerate(bands)]


@settings(max_examples=150, deadline=None)
@given(bands=band_lists(), avail=st.floats(60.0, 400.0), start=st.floats(0.0, 1.0))
def test_property_splitting_terminates_fits_and_loses_no_line(bands: list[tl.Band], avail: float, start: float) -> None:
    """Cutting a body page after page ends; every page fits; text lines appear once, in order.

    The first page starts part-way down (`start` of the room left), as a table after some text does.
    """
    expected = [ln for b in bands for p in b.pieces if p.col for ln in p.lines]
    pages: list[list[tl.Band]] = []
    rest = bands
    first = tl.split(rest, start * avail, M, cont, at_top=False)
    if first is not None:
        assert tl.total_height(first[0], M) <= start * avail + 1e-6
        pages.append(first[0])
        rest = first[1]
    for _ in range(500):
        if tl.total_height(rest, M) <= avail + 1e-6:
            pages.append(rest)
            break
        parts = tl.split(rest, avail, M, cont, at_top=True)
        assert parts is not None, "an empty page must take something"
        pages.append(parts[0])
        assert tl.total_height(parts[0], M) <= avail + 1e-6
        rest = parts[1]
    else:
        pytest.fail("splitting did not end")
    by_key: dict[int, list[str]] = {}
    for page in pages:
        for b in page:
            for p in b.pieces:
                if p.col:
                    by_key.setdefault(p.key, []).extend(p.lines)
    assert [ln for k in sorted(by_key) for ln in by_key[k]] == expected


# ---------------------------------------------------------------------------------------------------------
# Vertical alignment: one rule for the whole row


LONG_NAME = "电费（含办公楼、服务大厅、档案室、信息机房及各派出机构的全年用电支出合计）" * 2


def valign_table(valign: VAlign) -> doc.Table:
    """One body row made several lines tall by a long name, between a code and a figure."""
    return doc.Table(
        columns=(doc.Column(0.6), doc.Column(2), doc.Column(1)),
        header_rows=((label("科目编码"), label("科目名称"), label("金额")),),
        body_rows=((C("30206"), C(LONG_NAME), money("5.60")),),
        valign=valign,
    )


def _row_parts(path: Path) -> tuple[tuple[float, float], tuple[float, float], tuple[float, float]]:
    """(top, bottom) of the code, the name (all its lines) and the figure, read back from the PDF."""
    with pdfplumber.open(path) as pdf:
        words = pdf.pages[0].extract_words()
    code = next(w for w in words if w["text"] == "30206")
    figure = next(w for w in words if w["text"] == "5.60")
    near = [w for w in words if abs(w["top"] - code["top"]) < 60 and code["x1"] < w["x0"] < figure["x0"]]
    name = [w for w in near if w["text"] != "科目名称"]
    span = (min(w["top"] for w in name), max(w["bottom"] for w in name))
    return (code["top"], code["bottom"]), span, (figure["top"], figure["bottom"])


@pytest.mark.parametrize("valign", ["top", "middle"])
def test_a_row_uses_one_vertical_alignment(valign: VAlign, tmp_path: Path) -> None:
    """Code, name and figure of a tall row hang from one top line, or share one centre line — never a mix."""
    code, name, figure = _row_parts(build(tmp_path / f"{valign}.pdf", valign_table(valign)))
    assert name[1] - name[0] > 2 * (code[1] - code[0])  # the name really wraps
    if valign == "top":
        assert code[0] == pytest.approx(name[0], abs=1.0)
        assert figure[0] == pytest.approx(name[0], abs=1.0)
    else:
        centre = (name[0] + name[1]) / 2
        assert (code[0] + code[1]) / 2 == pytest.approx(centre, abs=1.0)
        assert (figure[0] + figure[1]) / 2 == pytest.approx(centre, abs=1.0)
        assert code[0] > name[0] + 5  # visibly lower than the name's first line

