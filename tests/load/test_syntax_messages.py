"""TOML syntax errors in Chinese: the line as written, a caret, and a hint for the mistakes clerks make."""

from __future__ import annotations

import re

import pytest

from juesuan_pdf.errors import LoadError
from juesuan_pdf.load import loads

HEAD = 'year = 2023\n[department]\nname = "某某局"\nshort_name = "某局"\n'


def message(text: str) -> str:
    with pytest.raises(LoadError) as info:
        loads(text, "report.toml")
    [finding] = info.value.findings
    return finding.render()


ENGLISH = re.compile(r"\b(Invalid|Expected|Unclosed|Cannot|Illegal|Unterminated|line|column|value)\b")


@pytest.mark.parametrize(
    ("text", "line", "shown", "hint"),
    [
        (HEAD + "kind = “行政单位”\n", 5, "kind = “行政单位”", "全角引号"),
        (HEAD + "kind = ＂行政单位＂\n", 5, "kind = ＂行政单位＂", "英文双引号"),
        ("year = 2023\n[income]\ngeneral_budget = 12,000\n", 3, "general_budget = 12,000", "千位分隔符"),
        ("year = 2024年\n", 1, "year = 2024年", "单位"),
        (HEAD + 'name = "另一个"\n', 5, 'name = "另一个"', "第3行已经写过它"),
        ("year = 2023\n[department]\n[income]\n[department]\n", 4, "[department]", "第2行已经写过它"),
        ("x = [\n  1,\n  2\n  3,\n]\n", 3, "  2", "第3行的值之后缺少英文逗号"),
        ('x = [\n  "a",\n  "b"   # 注释\n\n  "c",\n]\n', 3, '"b"', "第3行的值之后缺少英文逗号"),
        (HEAD + "kind = 行政单位\n", 5, "kind = 行政单位", "英文双引号括起来"),
        ('名称 = "某某局"\n', 1, '名称 = "某某局"', "键名只能用英文"),
        ("[publication]\ndate = 2024-13-45\n", 2, "date = 2024-13-45", "有效日期"),
        ("year = ２０２４\n", 1, "year = ２０２４", "全角"),
        ("[income]\ngeneral_budget = 12，000\n", 2, "general_budget = 12，000", "千位分隔符"),
    ],
)
def test_common_mistakes_get_a_chinese_hint_on_the_right_line(text: str, line: int, shown: str, hint: str) -> None:
    msg = message(text)
    assert f"（第{line}行" in msg
    assert shown in msg and "^" in msg
    assert "提示：" in msg and hint in msg
    assert not ENGLISH.search(msg), msg


@pytest.mark.parametrize(
    "text",
    ['name = "abc\n', 'a = "\\q"\n', "[x\n", "abc\n", "a = {b = 1\n", 'a = "', "a = 1\na = [\n", "[[a]]\n[a]\n",
     "a.b = 1\na = 2\n", 'a = "\\uD800"\n', "a = 1 2\n", "= 1\n", "[a]\nb = 1\n[a.b]\n"],
)
def test_every_syntax_error_is_chinese(text: str) -> None:
    msg = message(text)
    assert "TOML 格式错误" in msg and "第" in msg
    assert not ENGLISH.search(msg), msg


def test_caret_stands_under_the_column_with_wide_characters() -> None:
    msg = message(HEAD + "kind = “行政单位”\n")
    shown, caret = msg.splitlines()[1:3]
    assert shown.index("“") == caret.index("^")


def test_utf8_byte_order_mark_from_notepad_is_accepted() -> None:
    report = loads("\ufeff" + HEAD)
    assert report.year == 2023


def test_control_character_in_the_shown_line_is_escaped() -> None:
    msg = message('name = "a\x1b[31mb"\n')
    assert "\x1b" not in msg and "\\x1b" in msg
