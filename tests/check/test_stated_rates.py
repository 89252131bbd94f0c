"""Change rates stated as published: within one unit of their last decimal of the computed rate, else an 错误."""

from __future__ import annotations

import functools
from decimal import Decimal as D
from pathlib import Path

import attrs

from juesuan_pdf.check.stated_rates import stated_rates
from juesuan_pdf.load import load
from juesuan_pdf.model.report import Report

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "zhaohua-renshe-2023" / "report.toml"


@functools.cache
def example() -> Report:
    return load(EXAMPLE)


def _stated(income_rate: str, expenditure_rate: str) -> Report:
    r = example()  # 收、支总计 4454.96, last year 4228.88: +5.3461…%
    totals = attrs.evolve(r.totals, income_rate=D(income_rate), expenditure_rate=D(expenditure_rate))
    return attrs.evolve(r, totals=totals)


def test_rates_within_one_unit_pass() -> None:
    assert list(stated_rates(_stated("5.35", "5.34"))) == []
    assert list(stated_rates(_stated("5.3", "5.4"))) == []


def test_a_rate_off_by_a_unit_is_an_error() -> None:
    findings = list(stated_rates(_stated("5.36", "5.34")))
    assert [f.paths for f in findings] == [("totals.income_rate", "totals.prior")]
    assert findings[0].message == (
        "收支总计的收入总计变动率写作 5.36%，按本年 4454.96、上年 4228.88 计算为 5.3461%，相差一个末位单位以上"
    )
    assert findings[0].blocks_build


def test_a_rate_without_prior_is_an_error() -> None:
    r = example()
    r = attrs.evolve(r, totals=attrs.evolve(r.totals, prior=None, income_rate=D("5")))
    assert [f.rule for f in stated_rates(r)] == ["变动率"]
