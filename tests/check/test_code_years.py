"""validate and build agree for every year 2021–2026 and for codes outside the year's table."""

from __future__ import annotations

from pathlib import Path

import pytest

from juesuan_pdf.api import BuildOptions, RefusedError, render_pdf
from juesuan_pdf.check import check
from juesuan_pdf.errors import NOTICE
from juesuan_pdf.load.toml import loads
from juesuan_pdf.model.accounts import UNNAMED, load_code_table
from juesuan_pdf.model.report import Report

MINIMAL = (Path(__file__).parents[1] / "data" / "minimal-2024.toml").read_text(encoding="utf-8")
OUTSIDE = "2130198"  # an 农业农村 项 no table lists


def variant(year: int, *, name: str | None) -> Report:
    """The minimal file for `year`, its second line moved to a code outside the table (named or not)."""
    text = MINIMAL.replace("year = 2024", f"year = {year}")
    own = f'\nname = "{name}"' if name else ""
    return loads(text.replace('code = "2130104"', f'code = "{OUTSIDE}"{own}'))


def validates(report: Report) -> bool:
    return not any(f.blocks_build for f in check(report))


def builds(report: Report) -> bool:
    try:
        return render_pdf(report).pages > 0
    except RefusedError:
        return False


@pytest.mark.parametrize("year", range(2021, 2027))
def test_a_named_code_outside_the_table_validates_and_builds(year: int) -> None:
    assert OUTSIDE not in load_code_table(year).functional
    report = variant(year, name="某新项")
    notices = [f for f in check(report) if f.rule == "科目代码"]
    assert [f.level for f in notices] == [NOTICE]
    assert "科目表中没有此代码，按数据文件的名称“某新项”使用" in notices[0].message
    assert validates(report) is True
    assert builds(report) is True
    assert report.codes().functional_name(OUTSIDE) == "某新项"


@pytest.mark.parametrize("year", range(2021, 2027))
def test_an_unnamed_code_outside_the_table_is_refused_by_both(year: int) -> None:
    report = variant(year, name=None)
    assert validates(report) is False
    assert builds(report) is False


def test_a_forced_build_of_an_unnamed_code_never_fails() -> None:
    report = variant(2022, name=None)
    assert render_pdf(report, BuildOptions(force=True)).pages > 0
    assert report.codes().functional_name(OUTSIDE) == UNNAMED


@pytest.mark.parametrize("year", [2019, 2030])
def test_a_year_without_its_table_uses_the_nearest_and_says_so(year: int) -> None:
    report = variant(year, name="某新项")
    [notice] = [f for f in check(report) if f.paths == ("year",)]
    assert f"没有{year}年的政府收支分类科目表" in notice.message
    assert validates(report) is True
