"""Workbooks of the 13 公开表 in the layouts the 决算 software and clerks produce (test fixtures).

Built from the tables compose makes, then changed the way real exports differ from ours: codes split into
类/款/项 columns, amounts in 元 or as text with thousands separators, the table shifted down and right,
header cells not merged, sheets named Sheet1… in another order, a table left out, text in a money cell.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from decimal import Decimal

import attrs
import xlsxwriter

from juesuan_pdf.doc import Table
from juesuan_pdf.model.report import Report
from juesuan_pdf.workbook.composed import tables
from juesuan_pdf.workbook.grid import place

Cell = str | float | None


@attrs.frozen
class Layout:
    """How a generated workbook differs from our own export."""

    split_codes: bool = False
    yuan: bool = False
    text_numbers: bool = False
    shift: tuple[int, int] = (0, 0)
    merges: bool = True
    sheet_names: bool = True
    reverse_sheets: bool = False
    drop: tuple[int, ...] = ()
    corrupt: tuple[int, int, int, str] | None = None  # (table number, body row, column, text)
    numeric_codes: bool = False
    transposed_sangong: bool = False
    combined_codes: bool = False
    no_form_numbers: bool = False
    unknown_headers: tuple[int, ...] = ()  # tables whose amount headers use words we do not know
    index_sheet: bool = False


@attrs.frozen
class Grid:
    """One sheet: rows of values and merged ranges (r0, c0, r1, c1)."""

    rows: list[list[Cell]]
    merges: list[tuple[int, int, int, int]]
    header_rows: int
    first_body: int


def table_grid(table: Table, layout: Layout) -> Grid:
    """The sheet of one table: form number, title, unit line, header, body and notes."""
    width = len(table.columns)
    unit = "单位：元" if layout.yuan else table.caption_right
    rows: list[list[Cell]] = [
        [None] * (width - 1) + [table.form_no],
        [table.title] + [None] * (width - 1),
        [table.caption_left] + [None] * (width - 2) + [unit],
    ]
    merges = [(1, 0, 1, width - 1)]
    start = len(rows)
    placed = list(place((*table.header_rows, *table.body_rows), start))
    rows += [[None] * width for _ in range(len(table.header_rows) + len(table.body_rows))]
    first_body = start + len(table.header_rows)
    for p in placed:
        value: Cell = p.cell.text
        if p.cell.kind == "money" and p.cell.text:
            value = _money(Decimal(p.cell.text), layout)
        rows[p.row][p.col] = value if value != "" else None
        if p.merged:
            merges.append((p.row, p.col, p.last_row, p.last_col))
    for note in table.notes:
        rows.append([note] + [None] * (width - 1))
    grid = Grid(rows, merges, len(table.header_rows), first_body)
    if layout.split_codes and table.header_rows and _code_column(table) is not None:
        grid = split_codes(grid, _code_column(table) or 0)
    if layout.combined_codes and _code_column(table) is not None:
        grid = combine_codes(grid, _code_column(table) or 0)
    return grid


def combine_codes(grid: Grid, col: int) -> Grid:
    """Code and name in one column (`2080101 行政运行`) under the header 科目名称."""
    rows: list[list[Cell]] = []
    for r, row in enumerate(grid.rows):
        code, name = row[col], row[col + 1]
        if r >= grid.first_body and isinstance(code, str) and code.isdigit():
            merged: Cell = f"{code} {name}"
        elif r == grid.first_body - 2:
            merged = "科目名称"
        else:
            merged = code if code is not None else name
        rows.append([*row[:col], merged, *row[col + 2 :]])
    merges = [_narrow(m, col) for m in grid.merges]
    return Grid(rows, [m for m in merges if m[2:] != m[:2]], grid.header_rows, grid.first_body)


def _narrow(merge: tuple[int, int, int, int], col: int) -> tuple[int, int, int, int]:
    r0, c0, r1, c1 = merge
    return r0, c0 - (1 if c0 > col else 0), r1, c1 - (1 if c1 > col else 0)


def sangong_rows(table: Table, layout: Layout) -> Grid:
    """公开13表 transposed, as some provinces print it: rows 预算数 and 决算数, columns by component."""
    figures = [c.text for c in table.body_rows[0]]
    rows: list[list[Cell]] = [
        [None] * 6 + [table.form_no],
        [table.title] + [None] * 6,
        [table.caption_left] + [None] * 5 + [table.caption_right],
        ["项目", "合计", "因公出国（境）费", "公务用车购置及运行维护费", None, None, "公务接待费"],
        [None, None, None, "小计", "公务用车购置费", "公务用车运行维护费", None],
        ["预算数", *(_money(Decimal(t or "0"), layout) for t in figures[:6])],
        ["决算数", *(_money(Decimal(t or "0"), layout) for t in figures[6:])],
    ]
    merges = [(1, 0, 1, 6), (3, 0, 4, 0), (3, 1, 4, 1), (3, 2, 4, 2), (3, 3, 3, 5), (3, 6, 4, 6)]
    return Grid(rows, merges, 2, 5)


def _money(value: Decimal, layout: Layout) -> Cell:
    if layout.yuan:
        value = value * 10000
    if layout.text_numbers:
        return f"{value:,.2f}"
    return float(value)


def _code_column(table: Table) -> int | None:
    """The code column of an account table (block tables, with several 科目编码 columns, keep theirs)."""
    codes = [p.col for p in place(table.header_rows) if p.cell.text == "科目编码"]
    return codes[0] if len(codes) == 1 else None


def split_codes(grid: Grid, col: int) -> Grid:
    """The code column split into 类 | 款 | 项 columns, higher parts left blank under the same 类/款."""
    rows: list[list[Cell]] = []
    previous = ""
    for r, row in enumerate(grid.rows):
        value = row[col]
        if r == grid.first_body - 2 and value == "科目编码":
            parts: list[Cell] = ["类", "款", "项"]
        elif r >= grid.first_body and isinstance(value, str) and value.isdigit():
            parts = [value[:3], value[3:5] or None, value[5:7] or None]
            if len(value) == 7 and previous.startswith(value[:5]):
                parts[0] = parts[1] = None  # the 决算 software often prints only the 项 under its 款
            previous = value
        elif r == grid.first_body - 1 and value == "栏次":
            parts = ["栏次", None, None]
        else:
            parts = [value, None, None]
        rows.append(row[:col] + parts + row[col + 1 :])
    merges = [_widen(m, col) for m in grid.merges]
    return Grid(rows, merges, grid.header_rows, grid.first_body)


def _widen(merge: tuple[int, int, int, int], col: int) -> tuple[int, int, int, int]:
    r0, c0, r1, c1 = merge
    return r0, c0 + (2 if c0 > col else 0), r1, c1 + (2 if c1 >= col else 0)


def make_workbook(report: Report, layout: Layout = Layout()) -> bytes:
    """An .xlsx of the 13 公开表 of `report` in `layout`."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.set_properties({"created": __import__("datetime").datetime(2024, 1, 1)})
    built = [t for t in tables(report) if int(t.form_no[2:4]) not in layout.drop]
    if layout.reverse_sheets:
        built.reverse()
    if layout.index_sheet:  # a first sheet listing the 13 titles, as the PDF's 第五部分 does
        index = book.add_worksheet("目录")
        for i, table in enumerate(built):
            index.write(i, 0, f"{table.form_no} {table.title}")
    for i, table in enumerate(built, start=1):
        number = int(table.form_no[2:4])
        grid = sangong_rows(table, layout) if number == 13 and layout.transposed_sangong else table_grid(table, layout)
        if layout.no_form_numbers:
            grid.rows[0] = [None] * len(grid.rows[0])
        if number in layout.unknown_headers:
            for row in grid.rows[3 : grid.first_body]:
                row[:] = ["其他数" if isinstance(v, str) and ("财政拨款" in v or v == "决算数") else v for v in row]
        if layout.corrupt and layout.corrupt[0] == number:
            _, r, c, text = layout.corrupt
            grid.rows[grid.first_body + r][c] = text
        name = f"{table.form_no}{table.title}"[:31] if layout.sheet_names else f"Sheet{i}"
        _write(book.add_worksheet(name), grid, layout)
    book.close()
    return buffer.getvalue()


def _write(sheet: object, grid: Grid, layout: Layout) -> None:
    dr, dc = layout.shift
    write: Callable[..., None] = sheet.write  # type: ignore[attr-defined]
    for r, row in enumerate(grid.rows):
        for c, value in enumerate(row):
            if layout.numeric_codes and r >= grid.first_body and isinstance(value, str) and value.isdigit():
                value = float(value)  # codes typed as numbers
            if value is not None:
                write(r + dr, c + dc, value)
    if layout.merges:
        for r0, c0, r1, c1 in grid.merges:
            value = grid.rows[r0][c0]
            sheet.merge_range(r0 + dr, c0 + dc, r1 + dr, c1 + dc, value if value is not None else "")  # type: ignore[attr-defined]
