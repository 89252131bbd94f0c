"""Export the 13 公开表 as one workbook in the official layout, from the tables compose makes for the PDF.

Each sheet holds one table: form number at the top right, the title, the 部门 / 金额单位 line, the
header rows with their merged cells, the 栏次 row, the body (amounts as numbers in the 0.00 format,
codes as text) and the notes; printed on A4 in the PDF page's orientation, one page wide, header rows
repeated. xlsxwriter writes the file; its creation date is fixed from the data so the bytes are the same
on every run.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from juesuan_pdf.doc import Cell, Table
from juesuan_pdf.model.report import Report
from juesuan_pdf.workbook.composed import tables
from juesuan_pdf.workbook.grid import Placed, place

TITLE_ROW, CAPTION_ROW, FIRST_HEADER_ROW = 1, 2, 3
FONT = "宋体"
MIN_WIDTH, MAX_WIDTH = 6.0, 40.0


def export_workbook(report: Report) -> bytes:
    """The .xlsx bytes of the 13 公开表 of `report`, one sheet each."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    book.set_properties({"title": f"{report.department.name}{report.year}年度部门决算公开表",
                         "created": _created(report)})
    formats = _Formats(book)
    for table in tables(report):
        _write_sheet(book.add_worksheet(sheet_name(table)), table, formats)
    book.close()
    return buffer.getvalue()


def sheet_name(table: Table) -> str:
    """`公开01表 收入支出决算总表`, cut to Excel's 31 characters."""
    return f"{table.form_no} {table.title}"[:31]


def _created(report: Report) -> dt.datetime:
    """A creation date from the data (the publication date, else 1 January after the year): same bytes each run."""
    day = report.publication.date or dt.date(report.year + 1, 1, 1)
    return dt.datetime(day.year, day.month, day.day)


class _Formats:
    """The cell formats of a workbook, made once and looked up by kind."""

    def __init__(self, book: Workbook) -> None:
        base: dict[str, Any] = {"font_name": FONT, "font_size": 10, "valign": "vcenter"}
        boxed = {**base, "border": 1, "text_wrap": True}
        self.title = book.add_format({**base, "font_size": 16, "bold": True, "align": "center"})
        self.form_no = book.add_format({**base, "align": "right"})
        self.caption_left = book.add_format({**base, "align": "left"})
        self.caption_right = book.add_format({**base, "align": "right"})
        self.note = book.add_format({**base, "align": "left", "valign": "top", "text_wrap": True})
        self._book = book
        self._boxed = boxed
        self._cache: dict[tuple[str, bool, int], Format] = {}

    def cell(self, cell: Cell, *, header: bool) -> Format:
        """The boxed format of a table cell: alignment, bold, indent, number format for amounts."""
        align = "center" if header else cell.resolved_align
        indent = round(cell.indent)
        key = (f"{align}:{cell.kind}", cell.bold, indent)
        if key not in self._cache:
            props = {**self._boxed, "align": align, "bold": cell.bold}
            if cell.kind == "money":
                props["num_format"] = "0.00"
            if indent and align == "left":
                props["indent"] = indent
            self._cache[key] = self._book.add_format(props)
        return self._cache[key]


def _write_sheet(sheet: Worksheet, table: Table, formats: _Formats) -> None:
    width = len(table.columns)
    header = list(place(table.header_rows, FIRST_HEADER_ROW))
    body_start = FIRST_HEADER_ROW + len(table.header_rows)
    body = list(place(table.body_rows, body_start))
    _write_frame(sheet, table, width, formats)
    for placed in header:
        _write_cell(sheet, placed, formats.cell(placed.cell, header=True))
    for placed in body:
        _write_cell(sheet, placed, formats.cell(placed.cell, header=False))
    notes_row = body_start + len(table.body_rows)
    for i, note in enumerate(table.notes):
        sheet.merge_range(notes_row + i, 0, notes_row + i, width - 1, note, formats.note)
        sheet.set_row(notes_row + i, 15 * _lines(note, _total_width(header + body, width)))
    _set_widths(sheet, header + body, width)
    _print_setup(sheet, table, body_start)


def _write_frame(sheet: Worksheet, table: Table, width: int, formats: _Formats) -> None:
    """Form number, title and the 部门 / 金额单位 line above the table."""
    sheet.write_string(0, width - 1, table.form_no, formats.form_no)
    sheet.merge_range(TITLE_ROW, 0, TITLE_ROW, width - 1, table.title, formats.title)
    sheet.set_row(TITLE_ROW, 28)
    half = max(1, width // 2)
    _merge_or_write(sheet, CAPTION_ROW, 0, half - 1, table.caption_left, formats.caption_left)
    _merge_or_write(sheet, CAPTION_ROW, half, width - 1, table.caption_right, formats.caption_right)


def _merge_or_write(sheet: Worksheet, row: int, first: int, last: int, text: str, fmt: Format) -> None:
    if last > first:
        sheet.merge_range(row, first, row, last, text, fmt)
    else:
        sheet.write_string(row, first, text, fmt)


def _write_cell(sheet: Worksheet, placed: Placed, fmt: Format) -> None:
    value: str | float = placed.cell.text
    if placed.cell.kind == "money" and placed.cell.text:
        # a float holds every two-decimal amount below 10^13 exactly enough to read back the same digits
        value = float(Decimal(placed.cell.text.replace(",", "")))
    if placed.merged:
        sheet.merge_range(placed.row, placed.col, placed.last_row, placed.last_col, "", fmt)
    if isinstance(value, float):
        sheet.write_number(placed.row, placed.col, value, fmt)
    elif value:
        sheet.write_string(placed.row, placed.col, value, fmt)
    elif not placed.merged:
        sheet.write_blank(placed.row, placed.col, None, fmt)


def display_width(text: str) -> float:
    """The width of `text` in spreadsheet character units (a Chinese character counts two)."""
    return float(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text))


def _column_widths(cells: Sequence[Placed], width: int) -> list[float]:
    widths = [MIN_WIDTH] * width
    for placed in cells:
        if placed.cell.colspan == 1:
            needed = display_width(placed.cell.text) + 2 + 2 * placed.cell.indent
            widths[placed.col] = max(widths[placed.col], min(needed, MAX_WIDTH))
    return widths


def _set_widths(sheet: Worksheet, cells: Sequence[Placed], width: int) -> None:
    for col, chars in enumerate(_column_widths(cells, width)):
        sheet.set_column(col, col, chars)


def _total_width(cells: Sequence[Placed], width: int) -> float:
    return sum(_column_widths(cells, width))


def _lines(text: str, chars: float) -> int:
    return max(1, -int(-display_width(text) // max(chars, 1.0)))


def _print_setup(sheet: Worksheet, table: Table, body_start: int) -> None:
    """A4 in the PDF page's orientation, one page wide, header rows repeated on every page."""
    sheet.set_paper(9)
    if table.landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.fit_to_pages(1, 0)
    sheet.center_horizontally()
    sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    sheet.repeat_rows(FIRST_HEADER_ROW, body_start - 1)
    sheet.set_footer("&C第 &P 页，共 &N 页")
