"""Read a workbook (.xlsx, .xls, .ods) into plain grids of cell values, with cell names for messages.

python-calamine reads all three formats (legacy .xls included, which the 决算 software often exports)
through one Rust reader, fast and without executing anything in the file. Values come back as text,
numbers or blanks; merged ranges are filled with their top-left text, so a header word stands over
every column it spans.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import attrs
import python_calamine

from juesuan_pdf.errors import JuesuanError

Value = str | float | int | bool | None
SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


class WorkbookError(JuesuanError):
    """A workbook that cannot be read or understood; the message names the file, sheet and cell."""


def column_letters(col: int) -> str:
    """The spreadsheet letters of a 0-based column (0 → A, 25 → Z, 26 → AA).

    >>> [column_letters(c) for c in (0, 3, 25, 26, 27)]
    ['A', 'D', 'Z', 'AA', 'AB']
    """
    letters = ""
    n = col + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


def cell_name(row: int, col: int) -> str:
    """The A1-style name of a 0-based cell position (row 11, column 3 → D12)."""
    return f"{column_letters(col)}{row + 1}"


@attrs.frozen
class Sheet:
    """One worksheet: its name and its rows of values from A1 (blank cells are None)."""

    name: str
    rows: tuple[tuple[Value, ...], ...]

    def value(self, row: int, col: int) -> Value:
        """The value at a 0-based position (None outside the used area)."""
        if 0 <= row < len(self.rows) and 0 <= col < len(self.rows[row]):
            return self.rows[row][col]
        return None

    def text(self, row: int, col: int) -> str:
        """The cell as text with every kind of space removed ('' for blanks and numbers)."""
        value = self.value(row, col)
        return normalise(value) if isinstance(value, str) else ""

    @property
    def width(self) -> int:
        """The number of columns of the widest row."""
        return max((len(r) for r in self.rows), default=0)


def normalise(text: str) -> str:
    """Text without spaces of any width, line breaks or tabs (header words are often spaced out)."""
    return "".join(text.split()).replace("\u3000", "")


def read_workbook(path: str | os.PathLike[str]) -> list[Sheet]:
    """Every worksheet of the workbook at `path`, in order."""
    source = Path(path)
    if source.suffix.lower() not in SUFFIXES:
        raise WorkbookError(f"{source}：不是电子表格文件（应为 .xlsx、.xls 或 .ods）")
    if not source.is_file():
        raise WorkbookError(f"{source}：文件不存在")
    try:
        book = python_calamine.CalamineWorkbook.from_path(str(source))
        return [_sheet(book, name) for name in book.sheet_names]
    except WorkbookError:
        raise
    except Exception as exc:  # calamine raises its own error types for every kind of damage
        raise WorkbookError(f"{source}：无法读取这个电子表格（{type(exc).__name__}：{exc}）") from None


def _sheet(book: python_calamine.CalamineWorkbook, name: str) -> Sheet:
    raw = book.get_sheet_by_name(name)
    rows = [[_value(v) for v in row] for row in raw.to_python(skip_empty_area=False)]
    try:
        merged = raw.merged_cell_ranges or []
    except Exception:  # some formats keep no merge information
        merged = []
    _fill_merged(rows, merged)
    return Sheet(name, tuple(tuple(r) for r in rows))


def _value(value: object) -> Value:
    if value == "" or value is None:
        return None
    if isinstance(value, str | float | int | bool):
        return value
    return str(value)  # dates and times: never figures, kept as text for messages


def _fill_merged(rows: list[list[Value]], ranges: Sequence[tuple[tuple[int, int], tuple[int, int]]]) -> None:
    """Copy a merged range's top-left text into its other positions."""
    for (r0, c0), (r1, c1) in ranges:
        if r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        top_left = rows[r0][c0]
        if not isinstance(top_left, str):
            continue
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            for c in range(c0, min(c1, len(rows[r]) - 1) + 1):
                if rows[r][c] is None:
                    rows[r][c] = top_left
