"""export-tables: the workbook states exactly the figures and words of the PDF's 13 tables."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from tests.workbook.conftest import EXAMPLES, load_report

from juesuan_pdf.compose.tables import TABLES
from juesuan_pdf.workbook.composed import tables
from juesuan_pdf.workbook.export import FIRST_HEADER_ROW, export_workbook, sheet_name
from juesuan_pdf.workbook.grid import place
from juesuan_pdf.workbook.read import read_workbook


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.parent.name)
def exported(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[object, Path]:
    report = load_report(request.param)
    path = tmp_path_factory.mktemp("export") / "tables.xlsx"
    path.write_bytes(export_workbook(report))
    return report, path


def test_every_cell_is_the_pdf_tables_cell(exported: tuple[object, Path]) -> None:
    report, path = exported
    sheets = {s.name: s for s in read_workbook(path)}
    built = tables(report)  # type: ignore[arg-type]
    assert len(built) == len(TABLES) == len(sheets) == 13
    checked = 0
    for table in built:
        sheet = sheets[sheet_name(table)]
        assert sheet.value(0, len(table.columns) - 1) == table.form_no
        assert sheet.value(1, 0) == table.title
        for p in place((*table.header_rows, *table.body_rows), FIRST_HEADER_ROW):
            value = sheet.value(p.row, p.col)
            if p.cell.kind == "money" and p.cell.text:
                assert isinstance(value, float)
                assert Decimal(repr(value)).quantize(Decimal("0.01")) == Decimal(p.cell.text)
                checked += 1
            else:
                assert (value or "") == p.cell.text, (table.form_no, p)
    assert checked > 50


def test_layout_merges_number_format_and_print_setup(exported: tuple[object, Path]) -> None:
    report, path = exported
    book = openpyxl.load_workbook(path)
    for table in tables(report):  # type: ignore[arg-type]
        ws = book[sheet_name(table)]
        assert (ws.page_setup.orientation == "landscape") == table.landscape
        assert ws.page_setup.paperSize in (9, "9")
        assert ws.print_title_rows  # header rows repeat on every page
        merged = {str(r) for r in ws.merged_cells.ranges}
        width = len(table.columns)
        assert f"A2:{openpyxl.utils.get_column_letter(width)}2" in merged  # the title
        spans = [p for p in place(table.header_rows, FIRST_HEADER_ROW) if p.merged]
        for p in spans:
            ref = (f"{openpyxl.utils.get_column_letter(p.col + 1)}{p.row + 1}:"
                   f"{openpyxl.utils.get_column_letter(p.last_col + 1)}{p.last_row + 1}")
            assert ref in merged
        money = [c for row in ws.iter_rows() for c in row if isinstance(c.value, float)]
        assert all(c.number_format == "0.00" for c in money)
        assert ws.cell(3, 1).value == table.caption_left  # 部门：… or 单位：…


def test_same_bytes_every_time(synthetic: object) -> None:
    assert export_workbook(synthetic) == export_workbook(synthetic)  # type: ignore[arg-type]


def test_workbook_opens_in_another_reader(synthetic: object) -> None:
    book = openpyxl.load_workbook(io.BytesIO(export_workbook(synthetic)))  # type: ignore[arg-type]
    assert [ws.title[:5] for ws in book.worksheets] == [f"公开{n:02d}表" for n in range(1, 14)]


def test_every_figure_of_the_typeset_pdf_tables_is_in_the_workbook(synthetic: object, tmp_path: Path) -> None:
    """The tables typeset to PDF as 第五部分 sets them and read back: per table, the figures printed equal
    the workbook's figures."""
    import re
    from collections import Counter

    import pdfplumber

    from juesuan_pdf import doc
    from juesuan_pdf.typeset import typeset

    blocks = [block for table in tables(synthetic) for block in (doc.PageBreak(), table)]  # type: ignore[arg-type]
    document = doc.Document(doc.Metadata(title="附表"), tuple(blocks))
    pdf = tmp_path / "part5.pdf"
    pdf.write_bytes(typeset(document))
    with pdfplumber.open(pdf) as opened:
        pages = [p.extract_text() or "" for p in opened.pages]
    printed: dict[str, Counter[str]] = {}
    current = ""
    for page in pages:
        forms = re.findall(r"公开\d\d表", page)
        current = forms[0] if forms else current
        if current:
            printed.setdefault(current, Counter()).update(re.findall(r"-?\d+\.\d\d", page))
    book = tmp_path / "tables.xlsx"
    book.write_bytes(export_workbook(synthetic))  # type: ignore[arg-type]
    for sheet in read_workbook(book):
        figures = Counter(f"{Decimal(repr(v)):.2f}" for row in sheet.rows for v in row if isinstance(v, float))
        assert figures == printed.get(sheet.name[:5], Counter()), sheet.name


def test_cli_export_creates_the_folder_and_refuses_another_suffix(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from tests.workbook.conftest import SYNTHETIC

    from juesuan_pdf.cli import main

    target = tmp_path / "新文件夹" / "h.xlsx"
    assert main(["export-tables", str(SYNTHETIC), "-o", str(target)]) == 0
    assert read_workbook(target)  # a real workbook, in the folder that did not exist
    capsys.readouterr()
    wrong = tmp_path / "z.pdf"
    assert main(["export-tables", str(SYNTHETIC), "-o", str(wrong)]) == 2
    out = capsys.readouterr().out
    assert "须以 .xlsx 结尾" in out and "“.pdf”" in out and ".tmp" not in out
    assert not wrong.exists()
