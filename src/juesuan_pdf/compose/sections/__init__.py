"""第二部分 sections 一 … 十: one module per section, each `build(report, profile) -> list[Block]`.

Each module also exposes its sentences as functions of the report and profile, so tests compare them
with the reference's sentences without building blocks. The helpers below are internal, may change.
"""

from __future__ import annotations

from juesuan_pdf.compose.phrases import account_name, amount
from juesuan_pdf.doc import Heading, Para
from juesuan_pdf.model.accounts import load_code_table
from juesuan_pdf.model.finance import Fund
from juesuan_pdf.model.report import Report


def para(text: str) -> Para:
    """A body paragraph of one run (first line indented)."""
    return Para.of(text)


def paras(*texts: str) -> list[Para]:
    """Body paragraphs for the non-empty texts."""
    return [para(t) for t in texts if t]


def subheading(text: str, key: str, level: int = 2) -> Heading:
    """A heading inside a section ((一) level 2 by default), in outline and contents."""
    return Heading(level, text, key=key)


def fund_sentence(report: Report, fund: Fund, label: str) -> str:
    """八/九: `{Y}年度{label}支出X万元。`, with the 项 breakdown when the fund spent anything."""
    head = f"{report.year}年度{label}支出{amount(report.fund_expenditure(fund))}"
    lines = [line for line in report.lines_of(fund) if line.actual != 0]
    if not lines:
        return head + "。"
    codes = load_code_table(report.year)
    items = "；".join(f"{account_name(codes, line.code, line.name)}{amount(line.actual)}" for line in lines)
    return f"{head}，主要用于：{items}。"
