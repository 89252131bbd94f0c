"""The loader: every kind of bad input gets a Chinese message naming its path, line and value."""

from __future__ import annotations

import string
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from minimal_report import MINIMAL, problems

from juesuan_pdf.errors import LoadError
from juesuan_pdf.load import load, loads

EXAMPLE = Path(__file__).parents[2] / "examples" / "zhaohua-renshe-2023" / "report.toml"



def test_minimal_file_loads_with_decimals() -> None:
    report = loads(MINIMAL)
    assert report.income.general_budget == Decimal("100.5")
    assert report.accounts[0].actual == Decimal("100.5")


def test_example_loads() -> None:
    assert load(EXAMPLE).year == 2023


def test_misspelt_key_is_named_with_suggestion_and_line() -> None:
    text = MINIMAL.replace("short_name", "short_nmae")
    text = text.replace('name = "某某局"\n', 'name = "某某局"\nshort_name = "x"\n')
    [msg] = problems(text)
    assert "department.short_nmae" in msg and "short_name" in msg and "第5行" in msg


def test_text_where_a_number_goes() -> None:
    [msg] = problems(MINIMAL.replace("general_budget = 100.5", 'general_budget = "abc"'))
    assert "income.general_budget" in msg and "“abc”" in msg and "金额" in msg and "第6行" in msg


def test_quoted_year_is_refused() -> None:
    [msg] = problems(MINIMAL.replace("year = 2023", 'year = "2023"'))
    assert msg.startswith("[错误]") and "year" in msg and "整数" in msg


def test_fractional_count() -> None:
    [msg] = problems(MINIMAL + "[sangong.domestic_reception]\nbatches = 7.5\n")
    assert "sangong.domestic_reception.batches" in msg and "整数" in msg and "7.5" in msg


def test_bool_for_amount() -> None:
    [msg] = problems(MINIMAL.replace("basic = 100.5", "basic = true"))
    assert "accounts[第1个].basic" in msg and "布尔值" in msg


def test_three_decimals() -> None:
    [msg] = problems(MINIMAL.replace("100.5\n[[", "100.555\n[["))
    assert "income.general_budget" in msg and "两位小数" in msg


def test_malformed_account_code() -> None:
    [msg] = problems(MINIMAL.replace('code = "2080101"', 'code = "20801x1"'))
    assert "accounts[第1个].code" in msg and "7位数字" in msg and "第8行" in msg


def test_missing_required_field() -> None:
    [msg] = problems(MINIMAL.replace('short_name = "某局"\n', ""))
    assert "department.short_name" in msg and "缺少必填项" in msg


def test_unknown_enum_value() -> None:
    [msg] = problems(MINIMAL.replace("basic = 100.5", 'basic = 100.5\nfund = "财政"'))
    assert "accounts[第1个].fund" in msg and "一般公共预算" in msg


def test_all_problems_at_once() -> None:
    bad = MINIMAL.replace("year = 2023", 'year = "x"').replace("general_budget = 100.5", "general_budgte = 1")
    msgs = problems(bad)
    assert len(msgs) == 2
    assert any("year" in m for m in msgs) and any("general_budgte" in m for m in msgs)


def test_toml_syntax_error_names_the_line() -> None:
    [msg] = problems(MINIMAL + "oops = \n")
    assert "TOML 格式错误" in msg and "第10行" in msg


def test_missing_file() -> None:
    with pytest.raises(LoadError, match="找不到数据文件"):
        load("/nonexistent/report.toml")


FIELDS = ["year", "department.name", "income.general_budget", "accounts[第1个].basic", "accounts[第1个].code"]
BAD_VALUES = st.one_of(
    st.booleans(),
    st.text(alphabet=string.ascii_letters + "<&>中文", min_size=1, max_size=8).map(lambda s: f'"{s}"'),
    st.just("[1, 2]"),
    st.just("{ a = 1 }"),
    st.just("1.234"),
).map(lambda v: str(v).lower() if isinstance(v, bool) else v)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(range(5)), BAD_VALUES)
def test_any_bad_value_is_reported_at_its_path(which: int, value: str) -> None:
    lines = MINIMAL.splitlines()
    targets = {0: 0, 1: 2, 2: 5, 3: 8, 4: 7}
    key = lines[targets[which]].split("=")[0].strip()
    original = lines[targets[which]].split("=", 1)[1].strip()
    if value == original or (which in (1, 4) and value.startswith('"')):
        return  # a string is a valid name or (when digits) code; nothing to report
    lines[targets[which]] = f"{key} = {value}"
    with pytest.raises(LoadError) as info:
        loads("\n".join(lines) + "\n")
    assert any(FIELDS[which] in f.render() for f in info.value.findings)
