"""Rows of the 公开表 that list accounts by code: the 合计 row and one row per 类/款/项 (internal, may change).

Codes stand in one 科目编码 column, or split over 类 / 款 / 项 columns (`208 | 01 | 01`, a row's
higher parts sometimes left blank under the row above); names in 科目名称.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from juesuan_pdf.workbook.cells import Figure, amount, code_text, is_code
from juesuan_pdf.workbook.columns import columns_with
from juesuan_pdf.workbook.locate import Located
from juesuan_pdf.workbook.read import WorkbookError

TOTAL_WORDS = ("合计", "总计")
_COMBINED_RE = re.compile(r"(\d{3}(?:\d{2}){0,2})[\s:：]*(.*)")


@attrs.frozen
class AccountRow:
    """One account row: its code, its name as printed, the amounts by field and where the row is."""

    code: str
    name: str
    row: int
    figures: Mapping[str, Figure]


@attrs.frozen
class AccountRows:
    """The 合计 row's amounts and the account rows of a table."""

    total: Mapping[str, Figure]
    rows: tuple[AccountRow, ...]


@attrs.frozen
class CodeColumns:
    """Where a table writes codes: one column, or 类/款/项 columns; and its name column."""

    single: int | None
    split: tuple[int, ...]
    name: int | None
    combined: bool = False
    """Codes written in front of the names in one column (`2080101 行政运行`)."""


def code_columns(table: Located) -> CodeColumns:
    """The code and name columns, found by their header words."""
    split = tuple(columns_with(table, ("类", "款", "项")))
    single = next((c for c in columns_with(table, ("科目编码", "功能分类科目编码", "编码", "科目代码"))), None)
    name = next((c for c in columns_with(table, ("科目名称", "名称"))), None)
    if single is None and len(split) != 3:
        both = next((c for c, p in enumerate(table.paths) if any("科目" in w or w == "项目" for w in p)), None)
        if both is None:
            raise WorkbookError(f"{table.label}：表头中找不到“科目编码”列（或“类”“款”“项”三列）")
        return CodeColumns(None, (), both, combined=True)
    return CodeColumns(single, split if single is None else (), name)


def read_account_rows(table: Located, columns: Mapping[str, int]) -> AccountRows:
    """The 合计 row and every account row of `table`, amounts read from `columns` (field → column)."""
    where = code_columns(table)
    total: dict[str, Figure] = {}
    rows: list[AccountRow] = []
    lei = kuan = ""
    for r in table.body_rows():
        code, label = _code_and_label(table, r, where, lei, kuan)
        if _is_note(label) or _is_note(code) or _is_note(table.sheet.text(r, 0)):
            break
        figures = {f: fig for f, c in columns.items() if (fig := amount(table, r, c)) is not None}
        if label in TOTAL_WORDS or code in TOTAL_WORDS:
            total = figures
            continue
        if not code:
            if figures:
                raise WorkbookError(f"{table.where(r, where.split[0] if where.split else where.single or 0)}："
                                    "这一行有金额但没有科目编码")
            continue
        if not is_code(code):
            raise WorkbookError(f"{table.where(r, where.single or 0)}：科目编码“{code}”应为3、5或7位数字")
        lei, kuan = code[:3], code[:5] if len(code) >= 5 else ""
        rows.append(AccountRow(code, label, r, figures))
    return AccountRows(total, tuple(rows))


def _is_note(text: str) -> bool:
    return text.startswith(("注：", "注:", "说明："))


def _code_and_label(table: Located, r: int, where: CodeColumns, lei: str, kuan: str) -> tuple[str, str]:
    sheet = table.sheet
    name = sheet.text(r, where.name) if where.name is not None else ""
    if where.combined:
        match = _COMBINED_RE.fullmatch(name)
        return (match.group(1), match.group(2)) if match else ("", name)
    if where.single is not None:
        code = code_text(sheet.value(r, where.single))
        if code in TOTAL_WORDS or _is_note(code):
            return code, code
        return code, name
    parts = [code_text(sheet.value(r, c)) for c in where.split]
    if any(p in TOTAL_WORDS or _is_note(p) for p in parts):
        word = next(p for p in parts if p in TOTAL_WORDS or _is_note(p))
        return word, word
    return _join_split(parts, lei, kuan), name


def _join_split(parts: list[str], lei: str, kuan: str) -> str:
    """A code from 类/款/项 parts; a blank higher part continues the row above (`| 01 | 02`)."""
    p_lei, p_kuan, p_xiang = parts
    if not any(parts):
        return ""
    if p_xiang:
        if len(p_xiang) == 7:
            return p_xiang
        head = p_kuan if len(p_kuan) == 5 else (p_lei or lei[:3]) + (p_kuan or kuan[3:5])
        return head + p_xiang
    if p_kuan:
        return p_kuan if len(p_kuan) == 5 else (p_lei or lei[:3]) + p_kuan
    return p_lei
