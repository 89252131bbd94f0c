"""The 13 公开表 read back from a typeset PDF (pdfplumber): titles, totals equal to the model's figures.

Builds 第五部分 alone (faster than the whole document); the figures checked are the ones 第二部分 states:
一 (收支总计 4454.96), 五（二） (class amounts), 六 (人员经费 969.97, 公用经费 86.8), 七 (三公 14.8 / 9.41).
"""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest

import support
from juesuan_pdf import doc
from juesuan_pdf.compose.numbers import money_table
from juesuan_pdf.compose.parts import tables_part
from juesuan_pdf.compose.sichuan import SICHUAN_2023
from juesuan_pdf.load import load
from juesuan_pdf.model.report import Report
from proofread.audit import audit
from proofread.fidelity import extracted_text, fidelity

EXAMPLE = Path(__file__).parents[2] / "examples" / "zhaohua-renshe-2023" / "report.toml"


@pytest.fixture(scope="module")
def report() -> Report:
    return load(EXAMPLE)


@pytest.fixture(scope="module")
def pdf_path(report: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from juesuan_pdf.typeset import typeset  # typeset registers its block kinds on import

    document = doc.Document(doc.Metadata(title="第五部分 附表"), tuple(tables_part.build(report, SICHUAN_2023)))
    path = tmp_path_factory.mktemp("tables") / "part5.pdf"
    path.write_bytes(typeset(document))
    return path


@pytest.fixture(scope="module")
def pages(pdf_path: Path) -> list[str]:
    with pdfplumber.open(pdf_path) as pdf:
        return [re.sub(r"[ \t]+", " ", p.extract_text() or "") for p in pdf.pages]


def _page(pages: list[str], form_no: str) -> str:
    """All text of the pages of one table (from its form number to the next table's)."""
    start = next(i for i, p in enumerate(pages) if form_no in p)
    following = [i for i, p in enumerate(pages) if i > start and re.search(r"公开\d\d表", p)]
    end = following[0] if following else len(pages)
    return "\n".join(pages[start:end])


def _line(text: str, startswith: str) -> str:
    return next(ln for ln in text.splitlines() if ln.replace(" ", "").startswith(startswith))


def test_every_title_and_form_number(pages: list[str]) -> None:
    text = "\n".join(pages)
    for n, title in enumerate(tables_part.titles(SICHUAN_2023), start=1):
        assert f"公开{n:02d}表" in text
        assert title.replace(" ", "") in text.replace(" ", "")


def test_t01_grand_total_is_the_totals_sentence(report: Report, pages: list[str]) -> None:
    """公开01表 总计 equals 第二部分 一 收、支总计 (4454.96)."""
    line = _line(_page(pages, "公开01表"), "总计")
    figures = re.findall(r"\d+\.\d\d", line)
    assert figures == [money_table(report.income_grand_total), money_table(report.expenditure_grand_total)]
    assert figures[0] == "4454.96"


def test_t06_class_rows_are_the_structure_sentence(report: Report, pages: list[str]) -> None:
    """公开06表 类 rows equal 第二部分 五（二）."""
    text = _page(pages, "公开06表")
    for code, amount in report.general_budget_classes():
        line = next(ln for ln in text.splitlines() if ln.split(" ")[0] == code)
        assert re.findall(r"\d+\.\d\d", line)[0] == money_table(amount)


def test_t08_personnel_and_public_totals(report: Report, pages: list[str]) -> None:
    """公开08表 人员经费合计 / 公用经费合计 equal 第二部分 六."""
    line = _line(_page(pages, "公开08表"), "人员经费合计")
    basic = report.basic_expenditure
    assert re.findall(r"\d+\.\d\d", line) == [money_table(basic.personnel), money_table(basic.public)]


def test_t13_is_the_sangong_section(report: Report, pages: list[str]) -> None:
    """公开13表 budget and actual equal 第二部分 七 (14.8 and 9.41)."""
    text = _page(pages, "公开13表")
    figures = re.findall(r"\d+\.\d\d", text)
    s = report.sangong
    assert figures[:12] == [money_table(v) for v in (
        s.budget.amount, s.budget.abroad, s.budget.vehicles, s.budget.vehicle_purchase, s.budget.vehicle_running,
        s.budget.reception, s.actual.amount, s.actual.abroad, s.actual.vehicles, s.actual.vehicle_purchase,
        s.actual.vehicle_running, s.actual.reception,
    )]  # fmt: skip


def test_empty_notes_printed(pages: list[str]) -> None:
    text = "".join(pages).replace("\n", "").replace(" ", "")
    assert "没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，故本表无数据。" in text


def test_outline_has_part_and_every_table(pdf_path: Path) -> None:
    from pypdf import PdfReader

    def titles(items: list[object]) -> list[str]:
        out: list[str] = []
        for item in items:
            out += titles(item) if isinstance(item, list) else [item.title]  # type: ignore[attr-defined]
        return out

    outline = titles(PdfReader(pdf_path).outline)
    assert outline[0] == "第五部分 附表"
    assert outline[1:] == tables_part.titles(SICHUAN_2023)


def test_fidelity_of_the_title_list(pdf_path: Path) -> None:
    support.require_tool("pdftotext")
    reference = support.REFERENCE.read_text(encoding="utf-8")
    result = fidelity(extracted_text(pdf_path), reference, lines=range(2170, 2188))
    assert result.lines == 1.0, str(result)


def test_typo_audit_on_the_table_pages(pdf_path: Path) -> None:
    """The whole part: title list and the 13 tables."""
    support.require_tool("pdffonts")
    assert audit(pdf_path).problems() == []
