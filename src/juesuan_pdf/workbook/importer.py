"""`import-tables`: read a workbook of the 13 公开表 and write its figures into a data file.

Everything is read and checked before anything is written; the data file (or `-o` output) is written
once, atomically, only when the workbook could be read entirely.
"""

from __future__ import annotations

import os
import tomllib

import attrs

from juesuan_pdf.errors import Finding
from juesuan_pdf.model.accounts import load_code_table
from juesuan_pdf.workbook.extract import extract
from juesuan_pdf.workbook.locate import find_tables
from juesuan_pdf.workbook.merge import merge
from juesuan_pdf.workbook.read import WorkbookError, read_workbook


@attrs.frozen
class ImportResult:
    """The new data-file text, what disagreed, how many values were written and the units found."""

    text: str
    findings: tuple[Finding, ...]
    written: int
    units: dict[str, str]


def import_tables(workbook: str | os.PathLike[str], data_text: str, *, replace: bool = False) -> ImportResult:
    """The data file `data_text` with the figures of `workbook` written in (nothing is written to disk)."""
    year = _year(data_text)
    sheets = read_workbook(workbook)
    found = find_tables(sheets, str(workbook))
    imported = extract(found, load_code_table(year))
    text, findings, written = merge(data_text, imported, replace=replace)
    return ImportResult(text, tuple(findings), written, dict(imported.units))


def _year(text: str) -> int:
    try:
        year = tomllib.loads(text).get("year")
    except tomllib.TOMLDecodeError as exc:
        raise WorkbookError(f"数据文件不是有效的 TOML：{exc}") from None
    if not isinstance(year, int) or isinstance(year, bool):
        raise WorkbookError("数据文件应先写明 year（决算年度，整数），才能按该年度的科目表导入")
    return year
