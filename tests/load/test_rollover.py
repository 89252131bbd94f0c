"""next-year: this year's figures become next year's prior-year figures; comments survive."""

from decimal import Decimal
from pathlib import Path

from juesuan_pdf.load import load, loads
from juesuan_pdf.load.rollover import roll_over, split_value

EXAMPLE = Path(__file__).parents[2] / "examples" / "zhaohua-renshe-2023" / "report.toml"


def test_split_value_keeps_hash_inside_strings() -> None:
    assert split_value('reason = "a # b"   # note') == ("reason = ", '"a # b"', "   # note")


def test_roll_over_example() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    this = load(EXAMPLE)
    nxt = loads(roll_over(text, this))
    assert nxt.year == 2024
    assert nxt.totals.prior == this.income_grand_total == Decimal("4454.96")
    assert nxt.general_budget.comparison.prior == Decimal("4454.96")
    assert nxt.running_cost.prior == Decimal("86.8")
    assert nxt.sangong.prior is not None and nxt.sangong.prior.reception == Decimal("9.41")
    assert nxt.totals.reason == ""
    assert "# 决算年度" in roll_over(text, this)


def test_roll_over_appends_missing_tables() -> None:
    text = 'year = 2023\n[department]\nname = "某局"\nshort_name = "某"\n[running_cost]\namount = 12.5\n'
    nxt = loads(roll_over(text, loads(text)))
    assert nxt.running_cost.prior == Decimal("12.5")
    assert nxt.sangong.prior is not None and nxt.sangong.prior.reception == 0
