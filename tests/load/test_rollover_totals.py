"""next-year with 收入总计 and 支出总计 given apart and change rates stated as published (issue 9)."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from juesuan_pdf.load import loads
from juesuan_pdf.load.rollover import roll_over

CULTURE = Path(__file__).resolve().parents[2] / "examples" / "synthetic-county-culture-tourism-2022" / "report.toml"


def test_totals_given_apart_roll_over_apart_and_stated_rates_do_not() -> None:
    text = CULTURE.read_text(encoding="utf-8")
    report = loads(text, str(CULTURE))
    nxt = loads(roll_over(text, report))
    # totals_basis = "本年合计": this year's 本年收入合计 and 本年支出合计 become last year's
    assert (nxt.totals.prior_income, nxt.totals.prior_expenditure) == (D("4125.49"), D("4143.91"))
    assert nxt.totals.prior is None
    assert (nxt.totals.income_rate, nxt.totals.expenditure_rate) == (None, None)
    assert nxt.fiscal.comparison.prior == D("3979.16")


def test_totals_given_apart_stay_apart_on_the_grand_total_basis() -> None:
    text = CULTURE.read_text(encoding="utf-8").replace('totals_basis = "本年合计"', 'totals_basis = "总计"')
    report = loads(text)
    nxt = loads(roll_over(text, report))
    assert (nxt.totals.prior_income, nxt.totals.prior_expenditure) == (D("4245.49"), D("4245.49"))
