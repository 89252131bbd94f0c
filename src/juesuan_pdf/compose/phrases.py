"""Sentence pieces of 第二部分, as pure functions over Decimals (no report, no profile object).

Every figure is rounded by `model.money` (half-up) and printed by `compose.numbers`; the wording
choices that differ between documents (`与上年持平` / `与2022年度持平`, what a rate of nothing prints)
arrive as arguments, so the profile holds them as data.

>>> change_phrase(Decimal("4454.96"), Decimal("4228.88"))
'增加226.08万元，增长5.3%'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs

from juesuan_pdf.compose.numbers import pct, wan
from juesuan_pdf.model.accounts import CodeTable, ancestors
from juesuan_pdf.model.money import HALF_UP, Change, Rounding, change, percent

UNIT = "万元"
_END_MARKS = "。；;，, \u3000\n"


def amount(value: Decimal) -> str:
    """An amount with its unit: `4454.96万元`, `0万元`."""
    return f"{wan(value)}{UNIT}"


def rate_text(
    part: Decimal,
    whole: Decimal,
    places: int = 1,
    of_nothing: str | None = "0",
    rounding: Rounding = HALF_UP,
    *,
    fixed: bool = False,
) -> str | None:
    """`part / whole` as a printed percentage (`23.7%`); for a zero whole `of_nothing` + `%`, or None.

    >>> rate_text(Decimal("1056.77"), Decimal("4454.96"))
    '23.7%'
    >>> rate_text(Decimal("0"), Decimal("0")), rate_text(Decimal("0"), Decimal("0"), of_nothing=None)
    ('0%', None)
    """
    rate = percent(part, whole, places, rounding)
    if rate is not None:
        return f"{pct(rate, places, fixed=fixed)}%"
    return None if of_nothing is None else f"{of_nothing}%"


def change_phrase(current: Decimal, previous: Decimal, places: int = 1, rounding: Rounding = HALF_UP) -> str:
    """`增加X万元，增长Y%` / `减少X万元，下降Y%`; from a zero base no rate; equal figures `持平`.

    >>> change_phrase(Decimal("86.8"), Decimal("335"))
    '减少248.2万元，下降74.1%'
    >>> change_phrase(Decimal("5"), Decimal("0"))
    '增加5万元'
    """
    return phrase_of(change(current, previous, places, rounding), places)


def phrase_of(c: Change, places: int = 1, *, fixed: bool = False) -> str:
    """The change phrase of a computed `Change` (see `change_phrase`); `fixed` keeps the rate's trailing zeros."""
    if c.direction == "flat":
        return "持平"
    verb, rate_word = ("增加", "增长") if c.direction == "up" else ("减少", "下降")
    head = f"{verb}{amount(c.delta)}"
    return head if c.rate is None else f"{head}，{rate_word}{pct(c.rate, places, fixed=fixed)}%"


def pair_phrase(first: Change, second: Change, places: int = 1, *, fixed: bool = False) -> str:
    """Two changes in one phrase, for `收、支总计各…`: `减少A、B万元，各下降p%、q%` when both move the same way.

    Changes in different directions (or one flat) are said one by one: `增加A万元，增长p%、持平`.

    >>> a, b = change(Decimal("4125.49"), Decimal("5393.35"), 2), change(Decimal("4143.91"), Decimal("6714.88"), 2)
    >>> pair_phrase(a, b, 2)
    '减少1267.86、2570.97万元，各下降23.51%、38.29%'
    """
    if first.direction != second.direction or first.direction == "flat":
        return f"{phrase_of(first, places, fixed=fixed)}、{phrase_of(second, places, fixed=fixed)}"
    verb, rate_word = ("增加", "增长") if first.direction == "up" else ("减少", "下降")
    head = f"{verb}{wan(first.delta)}、{wan(second.delta)}{UNIT}"
    if first.rate is None or second.rate is None:
        return head
    rates = (pct(first.rate, places, fixed=fixed), pct(second.rate, places, fixed=fixed))
    return f"{head}，各{rate_word}{rates[0]}%、{rates[1]}%"


@attrs.frozen
class Comparison:
    """How a year-on-year comparison is worded: one template for equal figures, one for a change.

    Slots: `{prev}` last year, `{subject}` what is compared, `{change}` the change phrase.
    """

    changed: str
    flat: str


def compare(
    current: Decimal,
    previous: Decimal | None,
    wording: Comparison,
    places: int = 1,
    rounding: Rounding = HALF_UP,
    *,
    fixed: bool = False,
    **slots: object,
) -> str:
    """The comparison clause (no end mark); empty when last year's figure is unknown.

    >>> w = Comparison("与{prev}年度相比，{subject}{change}", "{subject}与{prev}年度持平")
    >>> compare(Decimal("9.41"), Decimal("9.41"), w, prev=2022, subject="公务接待费")
    '公务接待费与2022年度持平'
    """
    if previous is None:
        return ""
    c = change(current, previous, places, rounding)
    template = wording.flat if c.direction == "flat" else wording.changed
    return template.format(change=phrase_of(c, places, fixed=fixed), **slots)


def clean(text: str) -> str:
    """Free text without surrounding blanks or a final end mark (the template adds its own)."""
    return text.strip().rstrip(_END_MARKS)


def reason_sentence(lead: str, reason: str) -> str:
    """`主要变动原因是…。`, or nothing when the data gives no reason.

    >>> reason_sentence("主要原因是", "节约开支。"), reason_sentence("主要原因是", "  ")
    ('主要原因是节约开支。', '')
    """
    body = clean(reason)
    return f"{lead}{body}。" if body else ""


def sentence(*clauses: str, sep: str = "，", end: str = "。") -> str:
    """Non-empty clauses joined by `sep` and closed by `end` (empty when all are empty)."""
    kept = [c for c in clauses if c]
    return sep.join(kept) + end if kept else ""


def share_items(
    items: Iterable[tuple[str, Decimal]],
    whole: Decimal,
    places: int = 1,
    of_nothing: str | None = "0",
    rounding: Rounding = HALF_UP,
    *,
    fixed: bool = False,
) -> str:
    """`{name}{x}万元，占{p}%` items joined by `；` (shares of `whole`; no share of a zero whole if None).

    >>> share_items([("基本支出", Decimal("1056.77")), ("项目支出", Decimal("3398.25"))], Decimal("4454.96"))
    '基本支出1056.77万元，占23.7%；项目支出3398.25万元，占76.3%'
    """
    return "；".join(_share_item(name, x, whole, places, of_nothing, rounding, fixed) for name, x in items)


def _share_item(
    name: str, x: Decimal, whole: Decimal, places: int, of_nothing: str | None, rounding: Rounding, fixed: bool
) -> str:
    """One `{name}{x}万元，占{p}%` item."""
    rate = rate_text(x, whole, places, of_nothing, rounding, fixed=fixed)
    return f"{name}{amount(x)}" + (f"，占{rate}" if rate else "")


def amount_items(items: Iterable[tuple[str, Decimal]], sep: str = "、") -> str:
    """`{name}{x}万元` items joined by `sep` (the 基本支出 item lists of 六)."""
    return sep.join(f"{name}{amount(x)}" for name, x in items)


def enumerate_names(names: Sequence[str], last_sep: str = "和") -> str:
    """Names as a Chinese list: `A`, `A和B`, `A、B和C`.

    >>> enumerate_names(["因公出国（境）费", "公务用车购置及运行费", "公务接待费"])
    '因公出国（境）费、公务用车购置及运行费和公务接待费'
    """
    if len(names) <= 1:
        return "".join(names)
    return "、".join(names[:-1]) + last_sep + names[-1]


def budget_gap_sentence(actual: Decimal, budget: Decimal | None, reason: str) -> str:
    """`决算数大于/小于预算数的主要原因是…。` when actual ≠ budget and a reason is given; else nothing."""
    if budget is None or actual == budget or not clean(reason):
        return ""
    word = "大于" if actual > budget else "小于"
    return reason_sentence(f"决算数{word}预算数的主要原因是", reason)


def account_name(codes: CodeTable, code: str, name: str = "") -> str:
    """`{类}（类）{款}（款）{项}（项）` from the code table; `name` replaces the table's name of `code` itself.

    >>> from juesuan_pdf.model.accounts import load_code_table
    >>> account_name(load_code_table(2023), "2210201")
    '住房保障支出（类）住房改革支出（款）住房公积金（项）'
    """
    if not name:
        return codes.full_name(code)
    *upper, _ = ancestors(code)
    head = codes.full_name(upper[-1]) if upper else ""
    return f"{head}{name}（{codes.level(code).label}）"
