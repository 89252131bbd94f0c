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
from juesuan_pdf.workbook.locate import find_tables, with_titles
from juesuan_pdf.workbook.merge import merge
from juesuan_pdf.workbook.read import WorkbookError, read_workbook
from juesuan_pdf.workbook.year import year_findings


@attrs.frozen
class ImportResult:
    """The new data-file text, what disagreed, how many values were written and the units found."""

    text: str
    findings: tuple[Finding, ...]
    written: int
    units: dict[str, str]


def import_tables(workbook: str | os.PathLike[str], data_text: str, *, replace: bool = False) -> ImportResult:
    """The data file `data_text` with the figures of `workbook` written in (nothing is written to disk)."""
    year, own_titles = _year_and_titles(data_text)
    sheets = read_workbook(workbook)
    found = find_tables(sheets, str(workbook), with_titles(own_titles))
    imported = extract(found, load_code_table(year))
    text, findings, written = merge(data_text, imported, replace=replace)
    return ImportResult(text, (*year_findings(found, year), *findings), written, dict(imported.units))


def _year_and_titles(text: str) -> tuple[int, dict[int, str]]:
    """The data file's year (for the code table) and its own table titles (to find renamed tables)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise WorkbookError(f"数据文件不是有效的 TOML：{exc}") from None
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        raise WorkbookError("数据文件应先写明 year（决算年度，整数），才能按该年度的科目表导入")
    publication = data.get("publication")
    titles = publication.get("table_titles", {}) if isinstance(publication, dict) else {}
    if not isinstance(titles, dict):
        return year, {}
    return year, {int(k): v for k, v in titles.items() if str(k).isdigit() and isinstance(v, str)}
