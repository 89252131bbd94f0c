"""A section the data writes as “无” reads as the department's own document does (“本部门无…”), never as zeros.

The reference data with `sangong`, `running_cost`, `procurement` and `[assets] vehicles` written as “无” (and
`empty_fund = "无"`) is composed and read back sentence by sentence; one PDF is built and read back with pdftotext.
"""
# ruff: noqa: E501  (sentences are quoted whole)

from __future__ import annotations

import functools
import re
import shutil
import subprocess
from decimal import Decimal as D
from pathlib import Path

import attrs
import pytest

from juesuan_pdf.compose.profiles import for_report
from juesuan_pdf.compose.sections import s06_basic, s07_sangong, s08_gov_fund, s09_state_capital, s10_other
from juesuan_pdf.compose.tables import t08_basic, t13_sangong
from juesuan_pdf.doc import Para
from juesuan_pdf.load import loads
from juesuan_pdf.model.finance import BasicExpenditure
from juesuan_pdf.model.report import Report

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "zhaohua-renshe-2023" / "report.toml"
TABLE = re.compile(r"^\s*\[\[?([^\]]+)\]\]?")


def written_none(text: str, sections: tuple[str, ...], inside: dict[str, str]) -> str:
    """`text` with the tables `sections` dropped and written as `key = "无"`, and `inside` lines added under tables."""
    kept: list[str] = []
    skipping = False
    for line in text.split("\n"):
        m = TABLE.match(line)
        if m:
            name = m.group(1).strip()
            skipping = any(name == s or name.startswith(s + ".") for s in sections)
        if not skipping and not line.startswith("vehicle_statement"):
            kept.append(line)
        if m and m.group(1).strip() in inside and not skipping:
            kept.append(inside[m.group(1).strip()])
    first = next(i for i, line in enumerate(kept) if TABLE.match(line))
    kept[first:first] = [f'{s} = "无"' for s in sections]
    return "\n".join(kept)


@functools.cache
def report() -> Report:
    text = written_none(
        EXAMPLE.read_text(encoding="utf-8"),
        ("sangong", "running_cost", "procurement"),
        {"assets": 'vehicles = "无"', "publication": 'empty_fund = "无"'},
    )
    return loads(text, str(EXAMPLE))


def texts(blocks: list[object]) -> list[str]:
    return [b.text for b in blocks if isinstance(b, Para)]


def test_the_sections_are_declared_none() -> None:
    assert {"sangong", "running_cost", "procurement", "assets.vehicles"} <= report().written_none


def test_sangong_none_says_so_without_zeros_or_chart() -> None:
    r = report()
    blocks = s07_sangong.build(r, for_report(r))
    assert texts(blocks) == [
        "2023年度本部门无“三公”经费财政拨款支出。",
        "本部门无因公出国（境）费、公务用车购置及运行维护费和公务接待费财政拨款支出。",
    ]
    assert len(blocks) == 4  # two subheadings, two sentences: no figure, no 0万元 lines


def test_sangong_table_carries_the_empty_note() -> None:
    r = report()
    table = t13_sangong.build(r, for_report(r))
    assert table.notes == ("注：本单位2023年度没有使用财政拨款安排的“三公”经费，故本表无数据。",)


def test_running_cost_procurement_and_vehicles_none() -> None:
    r = report()
    p = for_report(r)
    assert s10_other.running_cost_sentence(r, p) == "2023年，区人社局无机关运行经费支出。"
    assert s10_other.procurement_sentence(r, p) == "2023年，区人社局无政府采购支出。"
    assert s10_other.assets_sentences(r, p)[0] == "截至2023年12月31日，本部门无车辆。"


def test_funds_with_nothing_said_absent_under_empty_fund() -> None:
    r = report()
    p = for_report(r)
    assert s08_gov_fund.expenditure_sentence(r, p) == (
        "2023年度本部门无政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出。"
    )
    assert s09_state_capital.build(r, p)[0].text == (  # type: ignore[attr-defined]
        "2023年度本部门无国有资本经营预算财政拨款收入，也没有使用国有资本经营预算财政拨款安排的支出。"
    )


def test_empty_fund_default_keeps_the_amount() -> None:
    r = report()
    plain = attrs.evolve(r, publication=attrs.evolve(r.publication, empty_fund=None))
    assert s08_gov_fund.expenditure_sentence(plain, for_report(plain)) == "2023年度政府性基金预算拨款支出0万元。"


def test_a_fund_with_income_is_not_said_absent() -> None:
    r = report()
    funded = attrs.evolve(r, income=attrs.evolve(r.income, gov_fund=D("5")))
    assert s08_gov_fund.expenditure_sentence(funded, for_report(funded)) == "2023年度政府性基金预算拨款支出0万元。"


def test_basic_expenditure_none() -> None:
    r = attrs.evolve(
        report(), basic_expenditure=BasicExpenditure(), written_none=report().written_none | {"basic_expenditure"}
    )
    p = for_report(r)
    assert s06_basic.basic_sentences(r, p) == ["2023年度本部门无一般公共预算财政拨款基本支出。"]
    assert t08_basic.build(r, p).notes == ("注：本单位2023年度没有一般公共预算财政拨款基本支出，故本表无数据。",)


def test_sections_not_written_none_keep_their_sentences() -> None:
    r = attrs.evolve(report(), written_none=frozenset())
    assert s06_basic.basic_sentences(r, for_report(r))[0].startswith("2023年度一般公共预算财政拨款基本支出")
    assert s10_other.running_cost_sentence(r, for_report(r)) == "2023年，区人社局机关运行经费支出0万元。"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_pdf_reads_the_none_sentences_back(tmp_path: Path) -> None:
    from juesuan_pdf.api import BuildOptions, build

    out = tmp_path / "none.pdf"
    build(report(), out, BuildOptions(force=True))
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout)
    for sentence in (
        "2023年度本部门无“三公”经费财政拨款支出。",
        "本部门无因公出国（境）费、公务用车购置及运行维护费和公务接待费财政拨款支出。",
        "2023年度本部门无政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出。",
        "2023年，区人社局无机关运行经费支出。",
        "2023年，区人社局无政府采购支出。",
        "截至2023年12月31日，本部门无车辆。",
    ):
        assert sentence in text
    section = text[text.index("七、财政拨款“三公”经费支出决算情况说明（一）") : text.index("八、政府性基金预算支出决算情况说明2023")]
    assert "0万元" not in section
    assert "图7" not in section


def test_performance_management_none() -> None:
    r = attrs.evolve(report(), written_none=report().written_none | {"performance_management"})
    assert s10_other.planning_sentence(r, for_report(r)) == "2023年度本部门未开展预算绩效管理工作。"


def test_a_new_departments_file_without_sangong_validates_and_reads_as_its_own() -> None:
    """A 2022 卫健 department written by a new user: no 三公, no funds, 2-decimal rates with trailing zeros."""
    from juesuan_pdf.check import check
    from juesuan_pdf.compose import compose
    from juesuan_pdf.errors import ERROR

    path = Path(__file__).resolve().parents[1] / "data" / "new-user-health-2022.toml"
    r = loads(path.read_text(encoding="utf-8"), str(path))
    assert not [f for f in check(r) if f.level == ERROR]
    text = "".join(b.text for b in compose(r).blocks if isinstance(b, Para))
    for sentence in (
        "2022年度收、支总计均为5000万元。与2021年相比，收、支总计各减少200万元，下降3.85%。",
        "2022年度本部门无“三公”经费财政拨款支出。",
        "2022年度本部门无政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出。",
        "完成全年预算的100.00%。",
        "2022年，县卫健局机关运行经费支出300万元，比2021年减少20万元，下降6.25%。",
        "截至2022年12月31日，本部门无车辆。",
    ):
        assert sentence in text
