"""The year a workbook states above its tables (`2023年度…决算总表`, `2023年度` on the unit line), compared
with the data file's: importing last year's tables into this year's file must not pass unnoticed."""

from __future__ import annotations

import re
from collections.abc import Mapping

from juesuan_pdf.errors import ERROR, Finding
from juesuan_pdf.workbook.locate import Located

RULE = "年度不一致"
_YEAR_RE = re.compile(r"((?:19|20|21)\d{2})\s*年度")


def year_findings(found: Mapping[int, Located], year: int) -> list[Finding]:
    """One finding per other year the tables' title area states, naming the first cell stating it.

    Only the rows above each header are read: a header may name the prior year's column (上年决算数).
    """
    first: dict[int, str] = {}
    for number in sorted(found):
        table = found[number]
        for row in range(table.header.start):
            for col in range(table.sheet.width):
                match = _YEAR_RE.search(table.sheet.text(row, col))
                if match and int(match.group(1)) != year:
                    first.setdefault(int(match.group(1)), table.where(row, col))
    return [Finding(ERROR, RULE, f"{where} 写着“{stated}年度”，数据文件的 year 为 {year}"
                    "（请确认工作簿与数据文件是同一年度）", ("year",))
            for stated, where in sorted(first.items())]
