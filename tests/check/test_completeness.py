"""Nothing hollow: a section left out is refused by name; a stated amount needs its breakdown; what builds
shows no zeros the data never gave (text read back from the PDF)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from juesuan_pdf.api import RefusedError, render_pdf
from juesuan_pdf.check import check
from juesuan_pdf.check.completeness import SECTIONS
from juesuan_pdf.errors import ERROR, Finding
from juesuan_pdf.load.toml import loads

MINIMAL = (Path(__file__).parents[1] / "data" / "minimal-2024.toml").read_text(encoding="utf-8")
EXAMPLES = Path(__file__).parents[2] / "examples"


def pdf_text(pdf: bytes, folder: Path) -> str:
    """The PDF's text as pdftotext reads it."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = folder / "out.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def without(text: str, key: str) -> str:
    """`text` without the section `key`: its `key = …` line, or its [key]/[[key]] tables and their sub-tables."""
    parent, _, last = key.rpartition(".")
    out: list[str] = []
    skipping = False
    for line in text.splitlines():
        header = re.fullmatch(r"\[\[?([^\]]+)\]\]?.*", line)
        if header:
            name = header.group(1)
            skipping = name == key or name.startswith(key + ".")
        elif not skipping and re.match(rf"{re.escape(last if parent else key)} = ", line):
            continue
        if not skipping:
            out.append(line)
    return "\n".join(out) + "\n"


def missing(text: str) -> list[Finding]:
    return [f for f in check(loads(text)) if f.rule == "缺少数据"]


def test_the_minimal_file_is_complete() -> None:
    assert not [f for f in check(loads(MINIMAL)) if f.level == ERROR]


@pytest.mark.parametrize("key", [s.key for s in SECTIONS if s.key != "sangong.actual"])
def test_a_section_left_out_is_refused_by_name(key: str) -> None:
    text = without(MINIMAL, key)
    assert text != MINIMAL
    found = missing(text)
    assert [f.paths for f in found] == [(key,)], [f.render() for f in found]
    assert found[0].level == ERROR and key in found[0].message
    with pytest.raises(RefusedError):
        render_pdf(loads(text))


def test_a_three_public_table_without_its_actual_figures() -> None:
    text = without(MINIMAL, "sangong") + '[sangong.budget]\nabroad = 1\n'
    assert [f.paths for f in missing(text)] == [("sangong.actual",)]


def test_the_file_of_only_a_department_name_is_refused_naming_every_section() -> None:
    text = 'year = 2023\n[department]\nname = "某某局"\nshort_name = "某某局"\n'
    named = {f.paths[0] for f in missing(text)}
    assert named == {s.key for s in SECTIONS if s.key != "sangong.actual"}
    with pytest.raises(RefusedError):
        render_pdf(loads(text))


def test_none_is_written_as_wu() -> None:
    report = loads(MINIMAL)
    assert report.is_given("sangong") and report.is_given("procurement")
    assert report.sangong.actual.amount == 0 and report.project_expenditure == ()
    assert not report.is_given("sangong.actual")


def test_given_is_not_a_data_key() -> None:
    with pytest.raises(Exception, match="given"):
        loads(MINIMAL.replace("year = 2024", 'year = 2024\ngiven = ["x"]'))


def test_basic_expenditure_without_its_economic_items() -> None:
    text = without(MINIMAL, "basic_expenditure.items")
    [f] = missing(text)
    assert f.paths == ("basic_expenditure.items",) and "基本支出 80万元" in f.message


def test_project_expenditure_without_its_lines() -> None:
    example = (EXAMPLES / "synthetic-county-education-2024" / "report.toml").read_text(encoding="utf-8")
    found = missing(without(example, "project_expenditure"))
    assert [f.paths for f in found] == [("project_expenditure",)]
    # The reference example says so explicitly: its 公开09表 lists the total only.
    reference = (EXAMPLES / "zhaohua-renshe-2023" / "report.toml").read_text(encoding="utf-8")
    assert 'project_expenditure = "无"' in reference and missing(reference) == []


def test_expenditure_without_any_account_line() -> None:
    found = missing(without(MINIMAL, "accounts").replace("year = 2024\n", 'year = 2024\naccounts = "无"\n'))
    assert [f.paths for f in found] == [("accounts",)] and "本年支出合计 100万元" in found[0].message


@pytest.mark.parametrize(
    ("component", "key"),
    [("abroad", "sangong.trips"), ("vehicle_purchase", "sangong.vehicles_bought"),
     ("vehicle_running", "sangong.vehicles_held"), ("reception", "sangong.domestic_reception")],
)
def test_three_public_amounts_without_their_particulars(component: str, key: str) -> None:
    text = without(MINIMAL, "sangong") + f"[sangong.actual]\n{component} = 1\n"
    assert [f.paths for f in missing(text)] == [(key,)]


def test_what_builds_shows_no_zeros_the_data_never_gave(tmp_path: Path) -> None:
    text = pdf_text(render_pdf(loads(MINIMAL)).pdf, tmp_path)
    flat = re.sub(r"—\d+—", "", re.sub(r"\s+", "", text))  # page footers out: a sentence may run over a page end
    assert "主要用于以下方面：。" not in flat
    # sections written as 无 say so, as the department's own document would (no 0万元 lines, no chart)
    assert "2024年度本部门无“三公”经费财政拨款支出。" in flat
    assert "2024年，某某中心无政府采购支出。" in flat
    assert "2024年度本部门未开展预算绩效管理工作。" in flat
    assert "图7：" not in flat and "因公出国（境）费支出决算0万元" not in flat
    assert "负责某某事务。" in flat
    assert "完成全年预算数的100%。其中：1.社会保障和就业支出（类）" in flat


def test_next_year_keeps_the_sections_written_as_wu() -> None:
    from juesuan_pdf.load.rollover import roll_over

    report = loads(roll_over(MINIMAL, loads(MINIMAL)))
    assert report.year == 2025 and report.is_given("sangong") and not report.is_given("sangong.prior")
    assert missing(roll_over(MINIMAL, loads(MINIMAL))) == []


@pytest.mark.parametrize("key", ["income", "totals"])
def test_a_section_every_department_has_cannot_be_wu(key: str) -> None:
    text = without(MINIMAL, key).replace("year = 2024\n", f'year = 2024\n{key} = "无"\n')
    [f] = missing(text)
    assert f.paths == (key,) and "不能写作“无”" in f.message
