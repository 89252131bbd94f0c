"""Find the 13 公开表 in a workbook by title or form number, their header rows, columns and money unit.

Nothing here depends on sheet names or positions: the 决算 software, a clerk's copy and our own export
name and order sheets differently. A table is the sheet whose top rows carry `公开NN表` or one of the
13 titles; a column is known by the words of its header cells (merged cells read over every column
they span); the body starts after the 栏次 row (or, without one, at the first row with a figure).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

import attrs

from juesuan_pdf.workbook.composed import known_titles
from juesuan_pdf.workbook.read import Sheet, Value, WorkbookError, cell_name, normalise

TITLES: dict[int, tuple[str, ...]] = known_titles()
_FORM_RE = re.compile(r"公开0?(\d{1,2})表")
_UNIT_RE = re.compile(r"单位[：:](万元|元)")
_HEADER_WORDS = ("项目", "科目编码", "科目名称", "人员经费", "公用经费", "预算数", "决算数", "收入", "支出")
_SCAN_ROWS = 10
WAN = Decimal(1)
YUAN = Decimal("0.0001")


def form_label(number: int) -> str:
    """`公开02表`."""
    return f"公开{number:02d}表"


@attrs.frozen
class Located:
    """One 公开表 found in a workbook: where its header and body are, its columns' words, its unit."""

    number: int
    sheet: Sheet
    header: range
    body_start: int
    paths: tuple[tuple[str, ...], ...]
    unit: Decimal
    unit_text: str

    @property
    def label(self) -> str:
        """`公开02表`: how messages name the table."""
        return form_label(self.number)

    def where(self, row: int, col: int) -> str:
        """`公开02表 D12`, with the sheet name when it differs from the form number."""
        name = "" if self.sheet.name.startswith(self.label) else f"（工作表“{self.sheet.name}”）"
        return f"{self.label}{name} {cell_name(row, col)}"

    def path_text(self, col: int) -> str:
        """A column's header words joined by ·, for messages."""
        return "·".join(self.paths[col]) if col < len(self.paths) else ""

    def body_rows(self) -> range:
        """The 0-based rows from the first body row to the last row of the sheet."""
        return range(self.body_start, len(self.sheet.rows))


Titles = Mapping[int, tuple[str, ...]]


def table_number(sheet: Sheet, titles: Titles = TITLES) -> tuple[int, int] | None:
    """(table number, title row) of a sheet that holds a 公开表, by form number first, else by title.

    A sheet whose top rows name several tables (a list of the 13 titles, a cover) holds none of them.
    """
    top = range(min(_SCAN_ROWS, len(sheet.rows)))
    cells = [(r, sheet.text(r, c)) for r in top for c in range(sheet.width)]
    forms = {(int(m.group(1)), r) for r, text in cells if (m := _FORM_RE.search(text)) and int(m.group(1)) in TITLES}
    titled = {(n, r) for r, text in cells if (n := title_of(text, titles)) is not None}
    for found in (forms, titled):
        numbers = {n for n, _ in found}
        if len(numbers) == 1:
            number = numbers.pop()
            title_rows = sorted(r for n, r in titled if n == number)
            return number, title_rows[0] if title_rows else min(r for _, r in found)
        if len(numbers) > 1:
            return None
    return None


def title_of(text: str, titles: Titles = TITLES) -> int | None:
    """The number of the table whose title `text` ends with (the longest title wins: 明细表 suffixes)."""
    text = text.strip("（）() ")
    found = [(len(t), n) for n, ts in titles.items() for t in ts if text.endswith(t) and len(text) <= len(t) + 30]
    return max(found)[1] if found else None


def locate(sheet: Sheet, number: int, title_row: int) -> Located:
    """The header, body and unit of table `number` on `sheet`."""
    label = form_label(number)
    start = _header_start(sheet, title_row, label)
    end, body_start = _header_end(sheet, start)
    header = range(start, end)
    paths = _column_paths(sheet, header)
    unit, unit_text = _unit(sheet, range(0, start))
    return Located(number, sheet, header, body_start, paths, unit, unit_text)


def _header_start(sheet: Sheet, title_row: int, label: str) -> int:
    for r in range(title_row + 1, min(title_row + 1 + _SCAN_ROWS, len(sheet.rows))):
        texts = [sheet.text(r, c) for c in range(sheet.width)]
        if any(t in _HEADER_WORDS or t.startswith(_HEADER_WORDS[:3]) for t in texts if t):
            return r
    raise WorkbookError(f"{label}（工作表“{sheet.name}”）：标题下方找不到表头（应有“项目”“科目编码”等表头文字）")


def is_serial_row(values: Sequence[Value]) -> bool:
    """Whether a row is the 栏次 row: blanks and 栏次/行次 words around the numbers 1, 2, 3 … in order."""
    numbers: list[int] = []
    for value in values:
        if value is None or (isinstance(value, str) and normalise(value) in ("", "栏次", "行次")):
            continue
        text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value).strip()
        if not text.isdigit():
            return False
        numbers.append(int(text))
    return len(numbers) >= 1 and numbers == list(range(numbers[0], numbers[0] + len(numbers))) and numbers[0] <= 2


_FIGURE_RE = re.compile(r"[-(]?[0-9][0-9,，.]*\)?")


def _has_figure(values: Sequence[Value]) -> bool:
    """Whether a row holds a number or a code (stored as a number or as text): a body row, not a header."""
    for v in values:
        if isinstance(v, int | float) and not isinstance(v, bool):
            return True
        if isinstance(v, str) and _FIGURE_RE.fullmatch(normalise(v)):
            return True
    return False


def _header_end(sheet: Sheet, start: int) -> tuple[int, int]:
    """(end of the header words, first body row): the 栏次 row ends the header, else the first figure."""
    limit = min(start + 8, len(sheet.rows))
    for r in range(start + 1, limit):
        if is_serial_row(sheet.rows[r]):
            return r, r + 1
    for r in range(start + 1, limit):
        if _has_figure(sheet.rows[r]) or any(sheet.text(r, c) in ("合计", "总计") for c in range(2)):
            return r, r
    return limit, limit


def _column_paths(sheet: Sheet, header: range) -> tuple[tuple[str, ...], ...]:
    grid = [[sheet.text(r, c) for c in range(sheet.width)] for r in header]
    _fill_spans(grid)
    paths = []
    for c in range(sheet.width):
        words: list[str] = []
        for row in grid:
            if row[c] and (not words or words[-1] != row[c]):
                words.append(row[c])
        paths.append(tuple(words))
    return tuple(paths)


def _fill_spans(grid: list[list[str]]) -> None:
    """Without merge information a group word stands only over its first column: spread it to the right
    over blank cells that have sub-headers somewhere below them."""
    for i, row in enumerate(grid[:-1]):
        for c in range(1, len(row)):
            below = any(lower[c] for lower in grid[i + 1 :])
            if not row[c] and row[c - 1] and below:
                row[c] = row[c - 1]


def _unit(sheet: Sheet, rows: Iterable[int]) -> tuple[Decimal, str]:
    """The money unit stated above the header: 万元 (the data file's unit) or 元; 万元 when none is stated."""
    for r in rows:
        for c in range(sheet.width):
            match = _UNIT_RE.search(sheet.text(r, c))
            if match:
                return (WAN, "万元") if match.group(1) == "万元" else (YUAN, "元")
    return WAN, ""


def with_titles(own: Mapping[int, str]) -> dict[int, tuple[str, ...]]:
    """The known titles plus a data file's own (`[publication.table_titles]`)."""
    return {n: (*ts, *([own[n]] if n in own else [])) for n, ts in TITLES.items()}


def find_tables(sheets: Iterable[Sheet], source: str, titles: Titles = TITLES) -> dict[int, Located]:
    """Each 公开表 by number; a missing or doubled table is an error naming it."""
    found: dict[int, Located] = {}
    for sheet in sheets:
        hit = table_number(sheet, titles)
        if hit is None:
            continue
        number, title_row = hit
        if number in found:
            first = found[number].sheet.name
            raise WorkbookError(f"{source}：{form_label(number)}出现了两次（工作表“{first}”和“{sheet.name}”）")
        found[number] = locate(sheet, number, title_row)
    missing = [n for n in TITLES if n not in found]
    if missing:
        names = "、".join(f"{form_label(n)}（{TITLES[n][0]}）" for n in missing)
        raise WorkbookError(f"{source}：工作簿中找不到 {names}（按标题或表号“公开NN表”查找）")
    return found
