"""The classification-code rules: every code has a name from the year's table or from the data file."""

from __future__ import annotations

import pytest
from factory import BASE, D, evolve, make_report

from juesuan_pdf.check import check, codes
from juesuan_pdf.errors import ERROR, NOTICE, Finding
from juesuan_pdf.model.finance import AccountLine, EconomicItem
from juesuan_pdf.model.report import Report


def findings(rule: object, report: Report) -> list[Finding]:
    return list(rule(report))  # type: ignore[operator]


def with_line(line: AccountLine, **overrides: object) -> Report:
    """BASE with `line` in place of its first account line (same amounts, so the sums still agree)."""
    first = BASE.accounts[0]
    moved = evolve(line, basic=first.basic, project=first.project, budget=first.budget,
                   explanation=first.explanation)
    return make_report(accounts=(moved, *BASE.accounts[1:]), **overrides)


@pytest.mark.parametrize(
    ("code", "missing"),
    [("2089998", ["2089998"]), ("1990101", ["199", "19901", "1990101"]), ("2013999", ["20139", "2013999"])],
)
def test_unnamed_code_is_an_error_with_the_nearest_codes(code: str, missing: list[str]) -> None:
    found = findings(codes.account_codes, with_line(AccountLine(code)))
    assert [f.values[0] for f in found] == missing
    assert all(f.level == ERROR and f.paths == ("accounts[第1个].code",) for f in found)
    assert "数据文件也没有写明它的名称" in found[-1].message and "相近的代码：" in found[-1].message


def test_siblings_are_suggested_first() -> None:
    [f] = findings(codes.account_codes, with_line(AccountLine("2080198")))
    assert "2080199 其他人力资源和社会保障管理事务支出" in f.message
    assert "2080150 事业运行" in f.message


def test_named_xiang_under_a_listed_kuan_is_a_notice() -> None:
    [f] = findings(codes.account_codes, with_line(AccountLine("2080198", name="某新项")))
    assert (f.level, f.paths) == (NOTICE, ("accounts[第1个].name",))
    assert "科目表中没有此代码，按数据文件的名称“某新项”使用" in f.message


def test_unlisted_class_and_kuan_need_names_in_the_classification_table() -> None:
    line = AccountLine("2359901", name="新项")
    found = findings(codes.account_codes, with_line(line))
    assert [(f.level, f.values[0]) for f in found] == [(ERROR, "235"), (ERROR, "23599"), (NOTICE, "2359901")]
    named = with_line(line, classification={"235": "新类", "23599": "新款"})
    found = findings(codes.account_codes, named)
    assert [(f.level, f.paths[0]) for f in found] == [
        (NOTICE, "classification.235"), (NOTICE, "classification.23599"), (NOTICE, "accounts[第1个].name")]
    assert not [f for f in check(named) if f.rule == "科目代码" and f.level == ERROR]


def test_same_name_under_another_code_is_pointed_out() -> None:
    [f] = findings(codes.account_codes, with_line(AccountLine("2080198", name="行政运行")))
    assert "同名的代码为 2080101" in f.message


def test_account_name_differs_from_the_table() -> None:
    lines = (evolve(BASE.accounts[0], name="行政运转"), *BASE.accounts[1:])
    [f] = findings(codes.account_codes, make_report(accounts=lines))
    assert (f.level, f.paths, f.values) == (NOTICE, ("accounts[第1个].name",), ("行政运转", "行政运行"))


def test_wrong_level() -> None:
    [f] = findings(codes.account_codes, with_line(AccountLine("20801")))
    assert (f.level, f.message) == (ERROR, "科目代码 20801 应为7位的项级科目")


def test_class_total_code() -> None:
    gb = evolve(BASE.general_budget, class_totals={"2081": D("90"), "221": D("10")})
    found = findings(codes.account_codes, make_report(general_budget=gb))
    assert [f.paths for f in found] == [("general_budget.class_totals.2081",)]


def test_economic_codes() -> None:
    items = (*BASE.basic_expenditure.items[:4], EconomicItem("30298", D("1")))
    [f] = findings(codes.economic_codes, make_report(basic_expenditure=evolve(BASE.basic_expenditure, items=items)))
    assert (f.level, f.paths, f.values) == (ERROR, ("basic_expenditure.items[第5个].code",), ("30298",))
    assert "30299 其他商品和服务支出" in f.message
    named = (*BASE.basic_expenditure.items[:4], EconomicItem("30298", D("1"), name="某新费用"))
    [f] = findings(codes.economic_codes, make_report(basic_expenditure=evolve(BASE.basic_expenditure, items=named)))
    assert (f.level, f.paths) == (NOTICE, ("basic_expenditure.items[第5个].name",))


def test_classification_keys() -> None:
    found = findings(codes.classification_names, make_report(classification={"20": "x", "208": "社保", "235": ""}))
    assert [(f.level, f.paths[0]) for f in found] == [
        (ERROR, "classification.20"), (NOTICE, "classification.208"), (ERROR, "classification.235")]


def test_year_without_a_table_says_which_table_serves_it() -> None:
    [f] = findings(codes.code_year, make_report(year=2031))
    assert (f.level, f.paths) == (NOTICE, ("year",))
    assert "按最接近的2026年科目表" in f.message
    assert findings(codes.code_year, make_report(year=2024)) == []
