"""Page geometry (GB/T 9704-2012) and page furniture, as numbers and as read back from a built PDF."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from juesuan_pdf import doc
from juesuan_pdf.typeset import TypesetOptions, typeset
from juesuan_pdf.typeset.geometry import PROFILES, geometry
from juesuan_pdf.typeset.layout.pages import page_number_position

GEO = geometry("gbt9704")
A4 = (595.28, 841.89)


def test_gbt9704_block_and_grid() -> None:
    block = GEO.portrait
    assert (block.page_width, block.page_height) == pytest.approx(A4, abs=0.01)
    assert block.top == pytest.approx(37 * mm)
    assert block.x == pytest.approx(28 * mm)
    assert (block.width, block.height) == pytest.approx((156 * mm, 225 * mm))
    # 225 mm / 22 is 28.99 pt; SPEC §9 rounds it to 28.95 and its checklist allows ±0.1.
    assert GEO.line_pitch == pytest.approx(225 * mm / 22)
    assert GEO.line_pitch == pytest.approx(28.95, abs=0.1)
    assert GEO.chars_per_line * GEO.char_pitch == pytest.approx(block.width)
    assert (GEO.body_size, GEO.title_size, GEO.page_number_size) == (16, 22, 14)


def test_landscape_block_fits_the_turned_sheet() -> None:
    block = GEO.landscape
    assert (block.page_width, block.page_height) == pytest.approx(A4[::-1], abs=0.01)
    assert (block.width, block.height) == pytest.approx((225 * mm, 156 * mm))
    assert block.x + block.width < block.page_width and block.y > 0


def test_unknown_profile_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match="gbt9704"):
        geometry("letter")
    assert PROFILES["gbt9704-compact-tables"].table_size < GEO.table_size


@pytest.mark.parametrize(("n", "side"), [(1, "right"), (2, "left"), (7, "right"), (10, "left")])
def test_page_number_sits_one_character_in_on_the_outer_side(n: int, side: str) -> None:
    x, y = page_number_position(GEO, GEO.portrait, n, 40)
    if side == "right":
        assert x + 40 == pytest.approx(GEO.portrait.x + GEO.portrait.width - 14)
    else:
        assert x == pytest.approx(GEO.portrait.x + 14)
    # The top of the digits (about 0.75 em above the baseline) is 7 mm below the block.
    assert GEO.portrait.y - (y + 0.75 * 14) == pytest.approx(7 * mm)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four pages: portrait, landscape, landscape, portrait."""
    text = "页面方向测试。" * 10
    blocks = (
        doc.Para.of(text),
        doc.PageBreak("landscape"),
        doc.Para.of(text),
        doc.PageBreak(),
        doc.Para.of(text),
        doc.PageBreak("portrait"),
        doc.Para.of(text),
    )
    path = tmp_path_factory.mktemp("pages") / "mixed.pdf"
    path.write_bytes(typeset(doc.Document(doc.Metadata("x"), blocks), TypesetOptions()))
    return path


def test_page_breaks_switch_orientation(mixed: Path) -> None:
    with pdfplumber.open(mixed) as pdf:
        sizes = [(round(float(p.width)), round(float(p.height))) for p in pdf.pages]
    assert sizes == [(595, 842), (842, 595), (842, 595), (595, 842)]


def page_number_chars(page: pdfplumber.page.Page, n: int) -> list[dict]:  # type: ignore[type-arg]
    """The characters of the page number line ("— n —")."""
    lowest = max(c["top"] for c in page.chars)
    chars = [c for c in page.chars if abs(c["top"] - lowest) < 1]
    assert "".join(c["text"] for c in chars).replace(" ", "") == f"—{n}—"
    return chars


def test_page_numbers_text_and_position_on_both_orientations(mixed: Path) -> None:
    with pdfplumber.open(mixed) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            block = GEO.block("landscape" if page.width > page.height else "portrait")
            chars = page_number_chars(page, n)
            assert chars[0]["size"] == pytest.approx(14)
            if n % 2:
                assert chars[-1]["x1"] == pytest.approx(block.x + block.width - 14, abs=0.5)
            else:
                assert chars[0]["x0"] == pytest.approx(block.x + 14, abs=0.5)
            baseline = chars[0]["matrix"][5]
            assert block.y - baseline == pytest.approx(7 * mm + 0.75 * 14, abs=0.5)


def test_text_starts_at_the_left_edge_of_the_block(mixed: Path) -> None:
    with pdfplumber.open(mixed) as pdf:
        page = pdf.pages[0]
        body = [c for c in page.chars if c["size"] == pytest.approx(16)]
        lefts = sorted({round(c["x0"], 1) for c in body})
        assert lefts[0] == pytest.approx(28 * mm, abs=0.5)
        assert min(c["top"] for c in body) >= 37 * mm - 0.5


def wide_table(rows: int, *, landscape: bool, key: str = "t1", outline_text: str = "") -> doc.Table:
    """A small two-column table."""
    return doc.Table(
        columns=(doc.Column(3), doc.Column(1)),
        header_rows=((doc.Cell("项目", kind="label"), doc.Cell("金额", kind="label")),),
        body_rows=tuple((doc.Cell(f"科目{i}"), doc.Cell(f"{i}.00", kind="money")) for i in range(rows)),
        title="示例表",
        landscape=landscape,
        key=key,
        outline_text=outline_text,
    )


def test_a_landscape_table_gets_landscape_pages_and_the_text_after_it_portrait(tmp_path: Path) -> None:
    blocks = (
        doc.Heading(0, "附表", "annex"),
        doc.Para.of("表前文字。"),
        wide_table(3, landscape=True, outline_text="一、示例表"),
        doc.Para.of("表后文字。"),
    )
    path = tmp_path / "table.pdf"
    path.write_bytes(typeset(doc.Document(doc.Metadata("x"), blocks), TypesetOptions()))
    with pdfplumber.open(path) as pdf:
        sizes = [(round(float(p.width)), round(float(p.height))) for p in pdf.pages]
        texts = [(p.extract_text() or "").replace(" ", "") for p in pdf.pages]
    assert sizes == [(595, 842), (842, 595), (595, 842)]
    assert "示例表" in texts[1] and "科目2" in texts[1]
    assert "表后文字" in texts[2]
    reader = PdfReader(path)
    assert [i.title if not isinstance(i, list) else [j.title for j in i] for i in reader.outline] == [
        "附表",
        ["一、示例表"],
    ]
    assert reader.get_destination_page_number(reader.outline[1][0]) == 1


@pytest.mark.parametrize(
    ("blocks", "expected"),
    [
        ((wide_table(3, landscape=True), doc.PageBreak(), doc.Para.of("后文。")), ["L示例表", "P后文"]),
        (
            (doc.Para.of("前文。"), doc.PageBreak(), wide_table(3, landscape=True), doc.Para.of("后文。")),
            ["P前文", "L示例表", "P后文"],
        ),
        ((doc.PageBreak(), doc.Heading(0, "部分", "p", page_break_before=True), doc.Para.of("文。")), ["P部分"]),
        (
            (doc.Para.of("前文。"), doc.PageBreak("landscape"), doc.PageBreak("portrait"), doc.Para.of("后文。")),
            ["P前文", "P后文"],
        ),
    ],
)
def test_breaks_that_meet_never_print_an_empty_page(
    blocks: tuple[doc.Block, ...], expected: list[str], tmp_path: Path
) -> None:
    path = tmp_path / "breaks.pdf"
    path.write_bytes(typeset(doc.Document(doc.Metadata("x"), blocks), TypesetOptions()))
    with pdfplumber.open(path) as pdf:
        pages = [("L" if p.width > p.height else "P") + (p.extract_text() or "").replace(" ", "") for p in pdf.pages]
    assert [p[: len(e)] for p, e in zip(pages, expected, strict=True)] == expected


def test_a_heading_before_a_landscape_table_goes_with_it(tmp_path: Path) -> None:
    blocks = (doc.Para.of("前文。"), doc.Heading(1, "八、表前标题", "h8"), wide_table(3, landscape=True))
    path = tmp_path / "heading-table.pdf"
    path.write_bytes(typeset(doc.Document(doc.Metadata("x"), blocks), TypesetOptions()))
    with pdfplumber.open(path) as pdf:
        pages = [("L" if p.width > p.height else "P") + (p.extract_text() or "").replace(" ", "") for p in pdf.pages]
    assert len(pages) == 2
    assert pages[0].startswith("P前文") and "标题" not in pages[0]
    assert pages[1].startswith("L八、表前标题")


def test_a_heading_asking_for_a_new_page_gets_one_even_after_a_heading(tmp_path: Path) -> None:
    blocks = (
        doc.Heading(0, "第一部分", "p1", page_break_before=True),
        doc.Heading(0, "第二部分", "p2", page_break_before=True),
        doc.Para.of("正文。"),
    )
    path = tmp_path / "two-parts.pdf"
    path.write_bytes(typeset(doc.Document(doc.Metadata("x"), blocks), TypesetOptions()))
    with pdfplumber.open(path) as pdf:
        texts = [(p.extract_text() or "").replace(" ", "") for p in pdf.pages]
    assert [t.split("\n")[0] for t in texts] == ["第一部分", "第二部分"]
