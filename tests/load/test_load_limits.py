"""Load-time limits and input hygiene: each problem gets a Chinese message naming the key and its line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from minimal_report import MINIMAL, problems

from juesuan_pdf.errors import LoadError
from juesuan_pdf.load import limits, load, loads


@pytest.mark.parametrize("amount", ["1e26", "1000000000000.01", "-2e12", "123456789012345678901234567890"])
def test_amount_beyond_any_budget_is_refused_at_its_line(amount: str) -> None:
    [msg] = problems(MINIMAL.replace("general_budget = 100.5", f"general_budget = {amount}"))
    assert "income.general_budget（第6行）" in msg and "万亿" in msg


def test_largest_amount_loads() -> None:
    report = loads(MINIMAL.replace("general_budget = 100.5", "general_budget = 1000000000000"))
    assert report.income.general_budget == limits.MAX_AMOUNT


@pytest.mark.parametrize("key", ["batches", "persons"])
def test_counts_are_never_negative(key: str) -> None:
    [msg] = problems(MINIMAL + f"[sangong.domestic_reception]\n{key} = -1\n")
    assert f"sangong.domestic_reception.{key}（第11行）" in msg and "不能为负" in msg


def test_nesting_is_refused_without_recursion() -> None:
    [msg] = problems("a = " + "[" * 500 + "]" * 500 + "\n")
    assert "嵌套过深" in msg and "第1行" in msg
    [msg] = problems("a = " + "{b = " * 300 + "1" + "}" * 300 + "\n")
    assert "嵌套过深" in msg


def test_deep_dotted_keys_are_refused_without_recursion() -> None:
    [msg] = problems(MINIMAL + ".".join(["x"] * 2000) + " = 1\n")
    assert "嵌套过深" in msg and "第10行" in msg


def test_brackets_inside_strings_and_comments_do_not_count_as_nesting() -> None:
    text = MINIMAL.replace('name = "某某局"', 'name = "某某局' + "[" * 40 + '"  # ' + "{" * 40)
    assert loads(text).department.name.endswith("[" * 40)


@pytest.mark.parametrize(("key", "limit"), [("name", limits.MAX_SHORT), ("short_name", limits.MAX_SHORT)])
def test_names_longer_than_any_real_one_are_refused(key: str, limit: int) -> None:
    long = "局" * (limit + 1)
    [msg] = problems(MINIMAL.replace(f'{key} = "', f'{key} = "{long}', 1))
    assert f"department.{key}（第" in msg and f"最多 {limit} 个字符" in msg
    assert long not in msg  # the message quotes a few characters, never the whole text


def test_a_paragraph_longer_than_the_limit_is_refused_and_one_at_the_limit_loads() -> None:
    ok = MINIMAL + f'[totals]\nreason = "{"因" * limits.MAX_TEXT}"\n'
    assert len(loads(ok).totals.reason) == limits.MAX_TEXT
    [msg] = problems(ok.replace('reason = "', 'reason = "因'))
    assert "totals.reason（第11行）" in msg and "过长" in msg


def test_too_many_list_entries_are_refused() -> None:
    items = "".join(f'[[department.units]]\nname = "单位{i}"\nkind = "行政单位"\n' for i in range(limits.MAX_ITEMS + 1))
    [msg] = problems(MINIMAL + items)
    assert "department.units" in msg and f"最多 {limits.MAX_ITEMS} 项" in msg


@pytest.mark.parametrize("code", ["208０1０1", "２０８０１０１", "208010١"])
def test_codes_accept_ascii_digits_only(code: str) -> None:
    [msg] = problems(MINIMAL.replace('code = "2080101"', f'code = "{code}"'))
    assert "accounts[第1个].code（第8行）" in msg
    if "０" in code:
        assert "全角数字" in msg and "2080101" in msg


def test_identical_entries_are_reported() -> None:
    entry = '[[project_expenditure]]\ncode = "30201"\namount = 1\n'
    [msg] = problems(MINIMAL + entry + entry)
    assert "project_expenditure[第2个]（第13行）" in msg and "重复" in msg


def test_the_same_account_twice_in_one_fund_is_reported_but_two_funds_are_fine() -> None:
    again = '[[accounts]]\ncode = "2080101"\nbasic = 1\n'
    [msg] = problems(MINIMAL + again)
    assert "accounts[第2个]（第10行）" in msg and "2080101" in msg
    other_fund = '[[accounts]]\ncode = "2080101"\nfund = "政府性基金"\nproject = 1\n'
    assert len(loads(MINIMAL + other_fund).accounts) == 2


def test_control_characters_in_texts_are_refused_and_shown_escaped() -> None:
    [msg] = problems(MINIMAL.replace('name = "某某局"', 'name = "某某\\u001b[2J局"'))
    assert "department.name（第3行）" in msg and "\\x1b" in msg and "\x1b" not in msg


def test_nul_in_a_font_path_is_refused_with_its_key() -> None:
    [msg] = problems(MINIMAL + '[publication.fonts]\nbody = "/tmp/a\\u0000b.ttf"\n')
    assert "publication.fonts.body（第11行）" in msg and "空字符" in msg


def test_missing_key_names_its_table_line_and_an_example() -> None:
    [msg] = problems(MINIMAL.replace('short_name = "某局"\n', ""))
    assert "department.short_name（第2行）" in msg and "[department]（第2行）下" in msg
    assert 'short_name = "……"' in msg


def test_line_numbers_count_lines_as_toml_does() -> None:
    # U+2028 inside a string is no line break for TOML; the line of a later key stays right.
    text = MINIMAL.replace('name = "某某局"', 'name = "某某\u2028局"') + "[income.bogus]\n"
    [msg] = problems(text)
    assert "（第10行）" in msg


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "report.toml"
    os.mkfifo(fifo)
    with pytest.raises(LoadError, match="管道"):
        load(fifo)


def test_a_device_is_refused_before_it_is_read() -> None:
    with pytest.raises(LoadError, match="字符设备"):
        load("/dev/zero")


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    with big.open("wb") as f:
        f.truncate(limits.MAX_FILE_BYTES + 1)
    with pytest.raises(LoadError, match="数据文件过大"):
        load(big)


def test_file_not_found_says_where_it_looked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(LoadError) as info:
        load("missing/report.toml")
    msg = str(info.value)
    assert str(tmp_path / "missing" / "report.toml") in msg and f"当前文件夹：{tmp_path}" in msg


def test_a_file_saved_in_gbk_names_the_line(tmp_path: Path) -> None:
    data = tmp_path / "gbk.toml"
    data.write_bytes(MINIMAL.encode("gbk"))
    with pytest.raises(LoadError) as info:
        load(data)
    [finding] = info.value.findings
    assert finding.line == 3 and "UTF-8" in finding.message


@pytest.mark.parametrize("written", ["1" * 5000, "0x" + "f" * 5000, "1e999999999", "1" * 4000])
def test_numbers_with_thousands_of_digits_are_refused_with_their_line(written: str) -> None:
    [msg] = problems(MINIMAL.replace("general_budget = 100.5", f"general_budget = {written}"))
    assert "（第6行）" in msg and len(msg) < 300


@pytest.mark.parametrize(("written", "shown"), [("true", "布尔值 true"), ("2024-01-01", "日期 2024-01-01")])
def test_wrong_kinds_are_described_in_chinese_as_written(written: str, shown: str) -> None:
    [msg] = problems(MINIMAL.replace("general_budget = 100.5", f"general_budget = {written}"))
    assert shown in msg


def test_all_texts_together_have_a_limit_naming_the_longest() -> None:
    paragraph = "段" * (limits.MAX_TEXT - 1)
    count = limits.MAX_TOTAL_TEXT // len(paragraph) + 1
    text = MINIMAL + "[department.duties]\ntitle = \"主要职能\"\nparagraphs = [\n"
    text += "".join(f'  "{paragraph}",\n' for _ in range(count)) + "]\n"
    [msg] = problems(text)
    assert f"上限 {limits.MAX_TOTAL_TEXT} 字" in msg and "department.duties.paragraphs[第1个]（第12行" in msg


def test_a_file_saved_as_utf16_says_so(tmp_path: Path) -> None:
    data = tmp_path / "u16.toml"
    data.write_bytes(MINIMAL.encode("utf-16"))
    with pytest.raises(LoadError, match="UTF-16"):
        load(data)


def test_brackets_inside_strings_of_a_multiline_array_keep_later_lines_known() -> None:
    duties = '[department.duties]\ntitle = "职能"\nparagraphs = [\n  "规划[见附件",\n  "二]",\n]\n'
    text = MINIMAL.replace("[income]", duties + "[income]")
    text += "[income.bogus]\n"
    [msg] = problems(text)
    assert "（第16行）" in msg


def test_a_list_where_a_fund_belongs_is_a_type_error_not_a_crash() -> None:
    text = MINIMAL.replace('code = "2080101"', 'code = "2080101"\nfund = ["一般公共预算"]')
    assert any("accounts[第1个].fund" in msg for msg in problems(text + '[[accounts]]\ncode = "2080101"\nfund = []\n'))
