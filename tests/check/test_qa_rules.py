"""The gaps a QA trial on unseen departments found: 公开02 rows against the income keys, 机关运行经费
above 公用经费, a change without a reason, a publication date inside the year, and each path's line."""

from __future__ import annotations

import datetime as dt

from factory import BASE, D, evolve, make_report

from juesuan_pdf.check import _own_line, check, run
from juesuan_pdf.check.registry import BY_ID
from juesuan_pdf.errors import ERROR, NOTICE, Finding
from juesuan_pdf.load.paths import line_index
from juesuan_pdf.model.finance import AccountLine, Expenditure, GrandTotals, Income
from juesuan_pdf.model.report import Report


def only(rule_id: str, report: Report) -> Finding:
    found = run(BY_ID[rule_id], report)
    assert len(found) == 1, [f.render() for f in found]
    return found[0]


def test_account_income_per_fund_must_add_up_to_its_income_key() -> None:
    """nongji-2024: 事业 lines book 200 (stated) + 70 (its expenditure) against 事业收入 200."""
    accounts = (*BASE.accounts,
                AccountLine("2080101", fund="事业", basic=D("20"), income=D("30")),
                AccountLine("2080199", fund="事业", project=D("10")))
    report = make_report(
        accounts=accounts,
        income=Income(general_budget=D("100"), business=D("30"), total=D("130")),
        expenditure=Expenditure(basic=D("80"), project=D("50"), total=D("130")),
    )
    f = only("account-income", report)
    assert f.level == ERROR
    assert f.paths == ("accounts[第4个].income", "accounts[第5个].fund", "income.business")
    assert f.values == (D("40"), D("30"), D("10"))


def test_account_income_agreeing_with_the_income_key_passes() -> None:
    accounts = (*BASE.accounts, AccountLine("2080101", fund="事业", basic=D("20"), income=D("30")))
    report = make_report(accounts=accounts, income=Income(general_budget=D("100"), business=D("30"), total=D("130")))
    assert run(BY_ID["account-income"], report) == []


def test_running_cost_above_public_expenditure() -> None:
    f = only("running-cost-bound", make_report(running_cost=evolve(BASE.running_cost, amount=D("100"))))
    assert f.level == ERROR
    assert f.paths == ("running_cost.amount", "basic_expenditure.public_total")
    assert f.values == (D("100"), D("10"), D("90"))


def test_a_change_without_a_reason() -> None:
    f = only("reason-missing", make_report(totals=GrandTotals(prior=D("90"), reason="")))
    assert f.level == NOTICE
    assert f.paths == ("totals.reason", "totals.prior")
    assert f.values == (D("100"), D("90"))
    assert "增加 10" in f.message


def test_no_reason_needed_without_a_change() -> None:
    assert run(BY_ID["reason-missing"], make_report(totals=GrandTotals(prior=D("100"), reason=""))) == []


def test_a_publication_date_inside_the_year() -> None:
    report = make_report(publication=evolve(BASE.publication, date=dt.date(2023, 12, 31)))
    f = only("publication-date", report)
    assert f.level == ERROR and f.paths == ("publication.date", "year")
    assert f.values == ("2023-12-31", 2023)
    assert run(BY_ID["publication-date"],
               make_report(publication=evolve(BASE.publication, date=dt.date(2024, 9, 1)))) == []


def test_check_on_the_base_is_still_clean() -> None:
    assert check(BASE) == []


SOURCE = """year = 2023

[income]
general_budget = 100
total = 100

[expenditure]
basic = 60
project = 40
total = 100.5

[[accounts]]
code = "2080101"
basic = 50

[[accounts]]
code = "2080199"
project = 40

[basic_expenditure]
total = 60
[[basic_expenditure.items]]
code = "30101"
amount = 40
"""


def test_each_path_carries_its_own_line() -> None:
    report = make_report(expenditure=evolve(BASE.expenditure, total=D("100.5")))
    f = next(f for f in check(report, SOURCE) if f.rule == "支出合计")
    assert f.paths == ("expenditure.total", "expenditure.basic", "expenditure.project")
    assert f.lines == (10, 8, 9) and f.line == 10
    assert f.render().startswith("[错误] 支出合计 expenditure.total（第10行）、expenditure.basic（第8行）、"
                                 "expenditure.project（第9行）：")


def test_a_list_has_no_line_of_its_own_and_a_default_key_takes_its_items() -> None:
    """A sum over all account lines names `accounts` (no one line: the stated total's line is the
    finding's); a key left out of an item (a line's default `income`) points at the item's header."""
    index = line_index(SOURCE)
    assert _own_line(index, ("accounts", 1, "income")) == 16
    assert _own_line(index, ("accounts",)) is None
    assert _own_line(index, ("basic_expenditure", "items")) is None
    assert _own_line(index, ("basic_expenditure", "items", 0, "amount")) == 24
    assert _own_line(index, ("running_cost", "amount")) is None


def test_a_prior_year_figure_with_its_decimal_point_moved() -> None:
    gb = evolve(BASE.general_budget, comparison=evolve(BASE.general_budget.comparison, prior=D("900")))
    f = only("prior-scale", make_report(general_budget=gb))
    assert f.level == NOTICE and f.paths == ("general_budget.comparison.prior",)
    assert f.values == (D("900"), D("100")) and "上年数是本年数的 9 倍" in f.message
    gb = evolve(BASE.general_budget, comparison=evolve(BASE.general_budget.comparison, prior=D("30")))
    assert run(BY_ID["prior-scale"], make_report(general_budget=gb)) == []


def test_one_account_budget_with_its_decimal_point_moved_is_named_first() -> None:
    """QA t9 (520 → 5200): the Σ of 项 budgets breaks and the line is named before the stated budget."""
    accounts = (BASE.accounts[0], evolve(BASE.accounts[1], budget=D("400")), BASE.accounts[2])
    f = only("budget-lines", make_report(accounts=accounts))
    assert f.level == ERROR
    assert f.paths[0] == "accounts[第2个].budget" and f.paths[-1] == "general_budget.budget"
    assert f.values == (D("460"), D("100"), D("360"))
