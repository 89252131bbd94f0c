"""`texts._after_words` finds what the regular expression of words + what follows would find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from juesuan_pdf.check import texts
from juesuan_pdf.check.texts import _COUNT_AFTER, _EDGE, _MONEY_AFTER, _RATE_AFTER, _after_words

WORDS = [("在编在职人员总数", "在编在职人员", "在职人员总数"), ("收入", "总收入"), ("支出",),
         ("本年收入合计", "收入合计"), ("公务用车运行维护费", "公务用车运行费"), ("生活补助发放及时率",), ("代缴保费",)]
AFTERS = [_MONEY_AFTER, _RATE_AFTER, _COUNT_AFTER, re.compile(r"(?:为|共)?(\d+)(?:名|人|个)")]
LEADS = ["", "，", "。", "；", "年", " ", "\n", "x", "、", "总", "本年", "一般"]
LINKS = ["", "为", "共", "共计", "达到", "支出", "决算数", "人数", "维护费", "总数", "x"]
NUMBERS = ["", "12", "3.5", "10316", "1.", "8.5万"]
UNITS = ["", "万元", "人", "名", "个", "%", "％", "万元，占23.7%", "万元, 占比 5.5％", "人次", "万元，x"]


def _expected(text: str, words: tuple[str, ...], after: re.Pattern[str], edge: bool) -> list[tuple[object, ...]]:
    pattern = (_EDGE if edge else "") + "(?:" + "|".join(map(re.escape, words)) + ")" + after.pattern
    return [(m.start(), m.end(), m.groups(), m.lastindex) for m in re.finditer(pattern, text)]


@st.composite
def clauses(draw: st.DrawFn, words: tuple[str, ...]) -> str:
    """Text of clauses like `，在编在职人员为25人`, with the words cut, repeated or run together."""
    parts = st.tuples(st.sampled_from(LEADS), st.sampled_from([*words, *(w[:-1] for w in words), "收"]),
                      st.sampled_from(LINKS), st.sampled_from(NUMBERS), st.sampled_from(UNITS))
    return "".join("".join(p) for p in draw(st.lists(parts, max_size=6)))


@settings(max_examples=2000, deadline=None)
@given(st.data(), st.sampled_from(WORDS), st.sampled_from(AFTERS), st.booleans())
def test_the_same_places_and_groups_as_the_regular_expression(data: st.DataObject, words: tuple[str, ...],
                                                              after: re.Pattern[str], edge: bool) -> None:
    text = data.draw(clauses(words))
    got = [(start, m.end(), m.groups(), m.lastindex) for start, m in _after_words(text, words, after, edge)]
    assert got == _expected(text, words, after, edge)


def test_a_restated_figure_is_found_at_the_start_of_a_clause_only() -> None:
    stated = texts.Stated("基本支出", ("expenditure", "basic"), None, words=("基本支出",), edge=True)
    found = [m.group(1) for m in stated.finditer("基本支出12万元，一般公共预算基本支出3万元，其中：基本支出4万元")]
    assert found == ["12", "4"]
