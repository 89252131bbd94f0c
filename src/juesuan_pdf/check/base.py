"""What every rule uses: figures with their paths, sums of them, and the problem a rule reports.

A rule compares figures the data file states (or the model derives from them) and yields `Problem`s:
a level, a message, the data-file paths involved (structured, rendered to text only by `check`) and
the figures compared. Sums of rounded figures are judged with the 尾差 tolerance of `tolerance.py`:
within it a 提示, beyond it an 错误. A figure stated twice must agree exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

import attrs

from juesuan_pdf.errors import ERROR, NOTICE, Level
from juesuan_pdf.load.paths import Path
from juesuan_pdf.model.accounts import CodeTable, UnknownYearError
from juesuan_pdf.model.finance import EconomicItem
from juesuan_pdf.model.money import total
from juesuan_pdf.model.report import Report

from .tolerance import allowed_gap, show, sum_level

Value = Decimal | int | str


@attrs.frozen
class Problem:
    """What a rule found: level, message, paths and the figures compared.

    `values` are the figures compared, then (for sums and figures stated twice) the gap; `pinned` how
    many of them an acceptance records. `items` are the figures of a broken sum, each with its side (+1
    left, −1 right), and `gap` is left − right, so the checker can point at the item most likely wrong
    (`locate.py`).
    """

    level: Level
    message: str
    paths: tuple[Path, ...] = ()
    values: tuple[Value, ...] = ()
    pinned: int | None = None
    items: tuple[tuple[Figure, int], ...] = ()
    gap: Decimal | None = None
    twice: bool = False
    """One figure stated twice (its two statements are the items): evidence for `locate`, never blamed."""

    @property
    def figures(self) -> tuple[Value, ...]:
        """The values an acceptance pins: the figures compared, without the gap."""
        return self.values if self.pinned is None else self.values[: self.pinned]

    @property
    def slack(self) -> Decimal:
        """The 尾差 its gap may carry besides a typo: the tolerance of its rounded (non-zero) figures."""
        return allowed_gap(sum(1 for f, _ in self.items if f.amount))

    @property
    def within_rounding(self) -> bool:
        """A sum that misses only by its 尾差 (a 提示): evidence of how the data rounds, and of what its
        figures cannot hide (`confirm.balances`)."""
        return self.level == NOTICE and bool(self.items) and bool(self.gap)


@attrs.frozen
class Agreement(Problem):
    """Not a finding: a comparison that holds exactly. With one typo at a time none of its figures is
    the wrong one, so `locate` clears them of a broken sum they share (`check` never reports it)."""


@attrs.frozen
class Held(Problem):
    """Not a finding: a sum that holds exactly. With one typo at a time, none of its figures moved by
    more than the sum's 尾差, so `locate` sets them aside when it lists where a larger gap may lie
    (`check` never reports it). Weaker than an `Agreement`: a total and its items are no second
    statement of one figure, so it never clears a figure to make another the most likely wrong."""


def agreement(*paths: Path) -> Agreement:
    """The agreement of the figures at `paths`."""
    return Agreement(NOTICE, "", paths)


EVIDENCE = (Agreement, Held)
"""What rules yield besides problems: comparisons that hold, evidence for `locate`, never findings."""


GROUP_THRESHOLD = 4
"""Sums of more items than this are written as “…（n项）合计 S” instead of listing every item."""


# ------------------------------------------------------------------------------------------- helpers
@attrs.frozen
class Figure:
    """One figure of the data file: what the message calls it, where it is written and its amount.

    `usual` is the value the figure has when its line is consistent in itself (a 项 line's 决算 equal
    to its 全年预算数, its budget equal to its 决算): a hint for `locate`, never a rule.
    """

    label: str
    path: Path
    amount: Decimal
    usual: Decimal | None = attrs.field(default=None, eq=False)
    usual_is: str = attrs.field(default="同一科目的预算数或决算数", eq=False)
    """What the usual value is, as the message says it."""
    parts: tuple[Decimal, ...] = attrs.field(default=(), eq=False)
    """The figures it adds up (a 项 line's 基本/项目… columns): a typo in one shows in its total."""


@attrs.frozen
class Side:
    """One side of a comparison: a sum of figures, or a group of figures summed under one label."""

    parts: tuple[Figure, ...]
    group: str = ""
    group_path: Path = ()

    @property
    def amount(self) -> Decimal:
        """The exact sum of the parts."""
        return total(p.amount for p in self.parts)

    @property
    def rounded_items(self) -> int:
        """How many rounded (non-zero) figures the sum adds up."""
        return sum(1 for p in self.parts if p.amount != 0)

    @property
    def paths(self) -> tuple[Path, ...]:
        """The paths to name: each non-zero part's (the first part's if all are zero), or for a group of
        more than `GROUP_THRESHOLD` figures the group's path."""
        if self.group_path and (self.rounded_items > GROUP_THRESHOLD or not self.parts):
            return (self.group_path,)
        shown = [p.path for p in self.parts if p.amount != 0]
        return tuple(shown) or tuple(p.path for p in self.parts[:1])

    def text(self) -> str:
        """The side as the message writes it: `a 1 + b 2 = 3`, `label（n项）合计 3` or `label 3`."""
        nonzero = [p for p in self.parts if p.amount != 0]
        if self.group or len(nonzero) > GROUP_THRESHOLD:
            label = self.group or "各项"
            return f"{label}（{len(nonzero)}项）合计 {show(self.amount)}"
        if len(self.parts) == 1:
            return f"{self.parts[0].label} {show(self.amount)}"
        if not nonzero:
            return "、".join(p.label for p in self.parts) + " 均为 0"
        if len(nonzero) == 1:
            return f"{nonzero[0].label} {show(self.amount)}"
        return " + ".join(f"{p.label} {show(p.amount)}" for p in nonzero) + f" = {show(self.amount)}"


def single(label: str, path: Path, amount: Decimal) -> Side:
    """A side holding one stated figure."""
    return Side((Figure(label, path, amount),))


def compare_sums(left: Side, right: Side, context: str = "", *, independent: bool = False) -> Iterator[Problem]:
    """A finding when two sums differ: 提示 within the 尾差 of their rounded items, 错误 beyond.

    `independent`: the two sides are the same money stated apart (by function and by economic class, a
    line's row against itself), so when they agree exactly their figures are cleared (`Agreement`). A
    total and its items are not: a total computed from a mistyped item agrees with it."""
    gap = left.amount - right.amount
    items = _items_for_tolerance(left, right)
    level = sum_level(gap, items)
    if level is None:
        yield _agreement(left.parts, right.parts) if independent else _held(left.parts, right.parts)
        return
    tolerance = show(allowed_gap(items))
    judged = f"在尾差容许 {tolerance} 以内" if level == NOTICE else f"超出尾差容许 {tolerance}"
    message = f"{context}{left.text()}，与{right.text()} 相差 {show(abs(gap))}（{judged}）"
    paths = (*left.paths, *right.paths)
    signed = (*((p, 1) for p in left.parts), *((p, -1) for p in right.parts))
    yield Problem(level, message, paths, (left.amount, right.amount, abs(gap)), 2, signed, gap)


def _apart(left: tuple[Figure, ...], right: tuple[Figure, ...]) -> tuple[tuple[Figure, int], ...]:
    """The figures of a comparison signed by side (+1 left, −1 right), less any written on both sides (a
    line's 本年收入 taken from its 本年支出 cancels out: the comparison says nothing about it)."""
    both = {f.path for f in left} & {f.path for f in right}
    return (*((f, 1) for f in left if f.path not in both), *((f, -1) for f in right if f.path not in both))


def _agreement(left: tuple[Figure, ...], right: tuple[Figure, ...]) -> Agreement:
    """The figures of an exact comparison of the same money stated apart."""
    return agreement(*(f.path for f, _ in _apart(left, right)))


def _held(left: tuple[Figure, ...], right: tuple[Figure, ...]) -> Held:
    """A sum that holds, its figures signed as a broken one's are."""
    signed = _apart(left, right)
    return Held(NOTICE, "", tuple(f.path for f, _ in signed), items=signed, gap=Decimal(0))


def _items_for_tolerance(left: Side, right: Side) -> int:
    """Rounded items of a comparison: the summed side's items (the stated total is the reference)."""
    if len(right.parts) == 1 and not right.group:
        return left.rounded_items
    if len(left.parts) == 1 and not left.group:
        return right.rounded_items
    return left.rounded_items + right.rounded_items


def stated_twice(first: Figure, second: Figure, note: str = "", unit: str = "") -> Iterator[Problem]:
    """An 错误 when one figure is stated twice with different values (no tolerance)."""
    if first.amount == second.amount:
        yield _agreement((first,), (second,))
        return
    gap = abs(first.amount - second.amount)
    message = (f"{first.label} {show(first.amount)}{unit}，与{second.label} {show(second.amount)}{unit} 不一致"
               f"（相差 {show(gap)}{unit}）")
    yield Problem(ERROR, message + note, (first.path, second.path), (first.amount, second.amount, gap), 2,
                  ((first, 1), (second, -1)), first.amount - second.amount, twice=True)


def code_table(report: Report) -> CodeTable | None:
    """The code table serving the report's year with the data file's own names, or None when none is shipped."""
    try:
        return report.codes()
    except UnknownYearError:
        return None


def class_name(table: CodeTable | None, code: str) -> str:
    """`社会保障和就业支出（类）` for 208 when the table knows it, else `208（类）`."""
    name = table.functional.get(code) if table else None
    return f"{name or code}（类）"



def economic_label(table: CodeTable | None, item: EconomicItem) -> str:
    """`30101 基本工资`: the item's code with the name it is printed under (its own, else the table's), or
    the bare code when neither names it."""
    name = item.name or (table.economic.get(item.code) if table else None)
    return f"{item.code} {name}" if name else item.code


_PART = re.compile(r"\[第(\d+)个\]|([^.\[\]]+)")


def parse_path(text: str) -> Path:
    """A path as `load.paths.render` writes it, back as keys and 0-based indexes.

    >>> parse_path("accounts[第3个].code")
    ('accounts', 2, 'code')
    """
    return tuple(int(m.group(1)) - 1 if m.group(1) else m.group(2) for m in _PART.finditer(text))
