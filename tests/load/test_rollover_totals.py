"""next-year with 收入总计 and 支出总计 given apart and change rates stated as published (issue 9)."""

from __future__ import annotations

import tomllib
from decimal import Decimal as D
from pathlib import Path

from juesuan_pdf.load import loads
from juesuan_pdf.load.rollover import roll_over

CULTURE = Path(__file__).resolve().parents[2] / "examples" / "synthetic-county-culture-tourism-2022" / "report.toml"


def _next(text: str) -> dict[str, object]:
    """Next year's data (a to-do list, so read as TOML: the loader refuses it until it is filled in)."""
    return tomllib.loads(roll_over(text, loads(text)).text, parse_float=D)


def test_totals_given_apart_roll_over_apart_and_stated_rates_do_not() -> None:
    text = CULTURE.read_text(encoding="utf-8")
    data = _next(text)
    totals, comparison = data["totals"], data["fiscal"]["comparison"]  # type: ignore[index]
    # totals_basis = "本年合计": this year's 本年收入合计 and 本年支出合计 become last year's
    assert (totals["prior_income"], totals["prior_expenditure"]) == (D("4125.49"), D("4143.91"))
    assert "prior" not in totals
    assert "income_rate" not in totals and "expenditure_rate" not in totals
    assert comparison["prior"] == D("3979.16")


def test_totals_given_apart_stay_apart_on_the_grand_total_basis() -> None:
    text = CULTURE.read_text(encoding="utf-8").replace('totals_basis = "本年合计"', 'totals_basis = "总计"')
    totals = _next(text)["totals"]
    assert (totals["prior_income"], totals["prior_expenditure"]) == (D("4245.49"), D("4245.49"))  # type: ignore[index]
