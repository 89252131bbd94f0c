"""compose.phrases: sentence pieces, with the reference's wording as examples."""
# ruff: noqa: E501  (the reference's sentences are quoted whole)

from __future__ import annotations

from decimal import Decimal as D

import pytest

from juesuan_pdf.compose import phrases
from juesuan_pdf.compose.phrases import Comparison
from juesuan_pdf.model.accounts import load_code_table


@pytest.mark.parametrize(
    ("current", "previous", "expected"),
    [
        ("4454.96", "4228.88", "增加226.08万元，增长5.3%"),  # 一, 四, 五（一）
        ("86.8", "335", "减少248.2万元，下降74.1%"),  # 十（一）
        ("9.41", "9.41", "持平"),
        ("5", "0", "增加5万元"),  # no rate from a zero base
        ("0", "5", "减少5万元，下降100%"),
        ("100.5", "100", "增加0.5万元，增长0.5%"),
        ("1.05", "1", "增加0.05万元，增长5%"),
    ],
)
def test_change_phrase(current: str, previous: str, expected: str) -> None:
    assert phrases.change_phrase(D(current), D(previous)) == expected


def test_change_phrase_places() -> None:
    assert phrases.change_phrase(D("4454.96"), D("4228.88"), 2) == "增加226.08万元，增长5.35%"


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [("1056.77", "4454.96", "23.7%"), ("3398.25", "4454.96", "76.3%"), ("9.41", "14.8", "63.6%"),
     ("0", "4454.96", "0%"), ("4454.96", "4454.96", "100%"), ("7.2", "4454.96", "0.2%"), ("0", "0", "0%")],
)
def test_rate_text(part: str, whole: str, expected: str) -> None:
    assert phrases.rate_text(D(part), D(whole)) == expected


def test_rate_of_nothing_is_a_choice() -> None:
    assert phrases.rate_text(D(0), D(0), of_nothing=None) is None
    assert phrases.rate_text(D(0), D(0), of_nothing="——") == "——%"


WORDING = Comparison("与{prev}年度相比，{subject}各{change}", "{subject}与{prev}年度持平")


@pytest.mark.parametrize(
    ("current", "previous", "expected"),
    [
        ("4454.96", "4228.88", "与2022年度相比，收、支总计各增加226.08万元，增长5.3%"),
        ("4454.96", "4454.96", "收、支总计与2022年度持平"),
        ("4454.96", None, ""),
    ],
)
def test_compare(current: str, previous: str | None, expected: str) -> None:
    prior = None if previous is None else D(previous)
    assert phrases.compare(D(current), prior, WORDING, prev=2022, subject="收、支总计") == expected


@pytest.mark.parametrize(
    ("lead", "reason", "expected"),
    [("主要变动原因是", "新增补助7.2万元", "主要变动原因是新增补助7.2万元。"),
     ("主要原因是", "录入项目支出经费中。", "主要原因是录入项目支出经费中。"),
     ("主要原因是", "节约；", "主要原因是节约。"),
     ("主要原因是", "", ""), ("主要原因是", "  \n", "")],
)
def test_reason_sentence(lead: str, reason: str, expected: str) -> None:
    assert phrases.reason_sentence(lead, reason) == expected


@pytest.mark.parametrize(
    ("actual", "budget", "reason", "expected"),
    [
        ("9.41", "14.8", "单位科学管理所致", "决算数小于预算数的主要原因是单位科学管理所致。"),
        ("20", "14.8", "追加预算", "决算数大于预算数的主要原因是追加预算。"),
        ("14.8", "14.8", "无关", ""),
        ("9.41", "14.8", "", ""),
        ("9.41", None, "无预算", ""),
    ],
)
def test_budget_gap_sentence(actual: str, budget: str | None, reason: str, expected: str) -> None:
    b = None if budget is None else D(budget)
    assert phrases.budget_gap_sentence(D(actual), b, reason) == expected


def test_share_items_state_zero_items() -> None:
    items = [("一般公共预算财政拨款收入", D("4454.96")), ("政府性基金预算财政拨款收入", D("0"))]
    assert phrases.share_items(items, D("4454.96")) == (
        "一般公共预算财政拨款收入4454.96万元，占100%；政府性基金预算财政拨款收入0万元，占0%"
    )


def test_share_items_without_a_whole_can_leave_shares_out() -> None:
    assert phrases.share_items([("甲", D(0))], D(0), of_nothing=None) == "甲0万元"


def test_amount_items() -> None:
    assert phrases.amount_items([("基本工资", D("264.94")), ("生活补助", D("54.00"))]) == "基本工资264.94万元、生活补助54万元"


@pytest.mark.parametrize(
    ("names", "expected"),
    [([], ""), (["公务接待费"], "公务接待费"), (["甲", "乙"], "甲和乙"), (["甲", "乙", "丙"], "甲、乙和丙")],
)
def test_enumerate_names(names: list[str], expected: str) -> None:
    assert phrases.enumerate_names(names) == expected


def test_sentence_skips_empty_clauses() -> None:
    assert phrases.sentence("甲", "", "乙") == "甲，乙。"
    assert phrases.sentence("", "") == ""
    assert phrases.sentence("完成预算的63.6%", "与上年持平", sep="；") == "完成预算的63.6%；与上年持平。"


def test_account_name_from_code_table_and_override() -> None:
    codes = load_code_table(2023)
    assert phrases.account_name(codes, "2080101") == "社会保障和就业支出（类）人力资源和社会保障管理事务（款）行政运行（项）"
    assert phrases.account_name(codes, "2101102") == "卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）"
    assert phrases.account_name(codes, "2080101", "机关运行") == (
        "社会保障和就业支出（类）人力资源和社会保障管理事务（款）机关运行（项）"
    )


def test_doctests() -> None:
    import doctest

    assert doctest.testmod(phrases).failed == 0
