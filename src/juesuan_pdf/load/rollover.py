"""next-year: start next year's data file from this year's, as a to-do list.

- this year's totals become the prior-year figures (`prior` slots; 收入总计 and 支出总计 apart, `prior_income` and
  `prior_expenditure`, when they differ or the file gives them apart), 年末结转和结余 becomes 年初结转和结余;
  change rates stated as last year's document printed them (`income_rate`, `expenditure_rate`) are dropped;
- every other figure of this year, and every text bound to this year (change reasons, 重点工作, 绩效 results,
  notes), is replaced by the marker `待填`, so that `validate` refuses the file and lists each item with
  its line until the clerk has filled it in;
- the year inside the texts that stay (titles, headings, names) moves on by one, and so does the
  publication date; last year's `[[publication.accepted]]` entries are dropped (they were reviewed for
  last year's figures).

The file is edited with tomlkit, which keeps the clerk's comments, layout and the way each untouched
value is written; the result is read back with tomllib before it is returned, so a file that would not
load is never written.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path as FsPath
from typing import Any

import attrs
import tomlkit
import tomlkit.items

from juesuan_pdf.errors import JuesuanError
from juesuan_pdf.load.paths import Path
from juesuan_pdf.load.toml import UNFILLED, load, read_text, unfilled_paths
from juesuan_pdf.model.report import Report

FILL_TEXT_KEYS = frozenset({
    "reason", "content", "purpose", "summary", "reports_formed", "pre_assessed", "budget_note", "goal",
    "achieved", "actual", "note", "vehicle_statement",
})
"""Texts that describe this year (why figures changed, what was done, what was achieved)."""

KEEP_NUMBER_KEYS = frozenset({"level"})
"""Numbers that are structure, not this year's figures (heading levels)."""


@attrs.frozen
class Rolled:
    """Next year's data file: its text, its year, how many values are still to fill and what was done."""

    text: str
    year: int
    todo: int
    notes: tuple[str, ...]


def updates(report: Report) -> dict[Path, Decimal]:
    """The figures next year's file starts with, by data path: prior-year slots and 年初结转."""
    actual = report.sangong.actual
    values: dict[Path, Decimal] = {
        ("totals", "prior"): report.income_grand_total,
        ("fiscal", "comparison", "prior"): report.fiscal_income_grand_total,
        ("general_budget", "comparison", "prior"): report.general_budget_total,
        ("running_cost", "prior"): report.running_cost.amount,
        ("balances", "carry_in"): report.balances.carry_out,
    }
    for name in ("abroad", "vehicle_purchase", "vehicle_running", "reception"):
        values[("sangong", "prior", name)] = getattr(actual, name)
    for fund in ("general_budget", "gov_fund", "state_capital"):
        values[("fiscal", "carry_in", fund)] = getattr(report.fiscal.carry_out, fund)
    for i, line in enumerate(report.accounts):
        if line.carry_out or line.carry_in:
            values[("accounts", i, "carry_in")] = line.carry_out
    values.update(_grand_totals(report))
    for key, comparison in ((("totals",), report.totals), (("fiscal", "comparison"), report.fiscal.comparison)):
        if (*key, "prior_income") in values and comparison.prior is None:
            del values[(*key, "prior")]  # given apart: no common figure to add
    return values


def _grand_totals(report: Report) -> dict[Path, Decimal]:
    """收入总计 and 支出总计 apart when they differ or the file gives them apart (`prior_income` …).

    With `totals_basis = "本年合计"` the 一 sentence compares 本年收入合计 and 本年支出合计, so those move.
    """
    r = report
    own_year = r.publication.totals_basis == "本年合计"
    sides: list[tuple[Path, Decimal, Decimal, bool]] = [
        (
            ("totals",),
            r.income.amount if own_year else r.income_grand_total,
            r.expenditure.amount if own_year else r.expenditure_grand_total,
            r.totals.prior_income is not None or r.totals.prior_expenditure is not None,
        ),
        (
            ("fiscal", "comparison"),
            r.fiscal_income_grand_total,
            r.fiscal_expenditure_grand_total,
            r.fiscal.comparison.prior_income is not None or r.fiscal.comparison.prior_expenditure is not None,
        ),
    ]
    values: dict[Path, Decimal] = {}
    for key, income, spent, apart in sides:
        if apart or income != spent:
            values[(*key, "prior_income")] = income
            values[(*key, "prior_expenditure")] = spent
        if own_year and key == ("totals",):
            values[(*key, "prior")] = income
    return values


def dropped(report: Report) -> list[Path]:
    """Keys that do not carry over: change rates stated as last year's document printed them."""
    return [
        (*key, name)
        for key, comparison in ((("totals",), report.totals), (("fiscal", "comparison"), report.fiscal.comparison))
        for name in ("income_rate", "expenditure_rate")
        if getattr(comparison, name) is not None
    ]


def _number(value: Decimal) -> Any:
    """`value` as a TOML number item, written without an exponent."""
    return tomlkit.value(format(value.normalize() if value == value.to_integral() else value, "f"))


def _next_year_in(text: str, year: int) -> str:
    return re.sub(rf"(?<![0-9０-９]){year}(?![0-9０-９])", str(year + 1), text)


def _restring(old: Any, text: str) -> Any:
    """A string item holding `text`, written in the same kind of string as `old` where TOML allows it."""
    kind = getattr(old, "type", None)
    literal = kind in (tomlkit.items.StringType.SLL, tomlkit.items.StringType.MLL)
    multiline = kind in (tomlkit.items.StringType.MLB, tomlkit.items.StringType.MLL)
    try:
        return tomlkit.string(text, literal=literal, multiline=multiline)
    except Exception:  # a literal string cannot hold every character: fall back to a basic one
        return tomlkit.string(text)


def _children(node: Any) -> Iterator[tuple[str | int, Any]]:
    if isinstance(node, dict):
        yield from list(node.items())
    else:
        yield from list(enumerate(node))


class _Roller:
    """One walk over the document, deciding for each value: keep, move on by a year, or mark 待填."""

    def __init__(self, year: int) -> None:
        self.year = year

    def walk(self, node: Any, path: Path) -> None:
        for key, value in _children(node):
            here = (*path, key)
            replacement = self.rolled(value, here)
            if replacement is not None:
                node[key] = replacement
                if replacement == UNFILLED:
                    _drop_stale_comment(node, key)

    def rolled(self, value: Any, path: Path) -> Any:
        """The new value at `path`, or None to keep it as it is (containers are walked in place)."""
        names = [k for k in path if isinstance(k, str)]
        last = names[-1] if names else ""
        if isinstance(value, dict | tomlkit.items.AoT) or (
            isinstance(value, list) and any(isinstance(v, dict | list) for v in value)
        ):
            self.walk(value, path)
            return None
        if isinstance(value, bool):
            return None
        if isinstance(value, int | float):
            if path == ("year",):
                return self.year + 1
            return None if last in KEEP_NUMBER_KEYS else UNFILLED
        if isinstance(value, dt.datetime | dt.time):
            return None
        if isinstance(value, dt.date):
            if names == ["publication", "date"]:
                return _plus_one_year(value)
            return None
        if self.fills_text(names):
            if isinstance(value, list):
                return [UNFILLED]
            return UNFILLED if isinstance(value, str) else None
        if isinstance(value, str):
            moved = _next_year_in(value, self.year)
            return None if moved == value else _restring(value, moved)
        if isinstance(value, list):
            self.walk(value, path)
        return None

    @staticmethod
    def fills_text(names: list[str]) -> bool:
        last = names[-1] if names else ""
        if last in FILL_TEXT_KEYS:
            return True
        if last == "paragraphs":  # 职能 stay; 重点工作 and 绩效 reports are this year's
            return names[:2] != ["department", "duties"]
        return last == "explanation" and "management" in names  # 转移支付 management notes, not 名词解释


def _drop_stale_comment(node: Any, key: str | int) -> None:
    """Drop the comment of a value just marked 待填 when it states figures (`# 其中财政拨款 45`): they are
    last year's, and next to an empty slot they would read as this year's."""
    if not hasattr(node, "item"):
        return
    trivia = node.item(key).trivia
    if re.search(r"[0-9]", trivia.comment or ""):
        trivia.comment, trivia.comment_ws = "", ""


def _plus_one_year(date: dt.date) -> dt.date:
    try:
        return date.replace(year=date.year + 1)
    except ValueError:  # 29 February
        return date.replace(year=date.year + 1, day=28)


def _put(doc: Any, path: Path, item: Any, comment: str) -> None:
    """Set `path` to `item`, creating the tables on the way (not under a section written as “无”); the
    value's old comment is replaced."""
    node = doc
    for key in path[:-1]:
        if isinstance(key, int):
            node = node[key]
            continue
        if key not in node:
            node[key] = tomlkit.table()
        node = node[key]
        if not isinstance(node, dict | list):
            return  # a section written as “无” (`sangong = "无"`) stays “无” next year
    node[path[-1]] = item  # in place, keeping the value's indentation; its comment is replaced below
    node.item(path[-1]).comment(comment) if hasattr(node, "item") else item.comment(comment)


def _table_at(doc: Any, path: Path) -> Any:
    """The table at `path`, or None when the file has none there (or a section written as “无”)."""
    node = doc
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node if isinstance(node, dict) else None


def roll_over(text: str, report: Report) -> Rolled:
    """Next year's data file from this year's `text` (the file `report` was loaded from)."""
    text = text.removeprefix("\ufeff")  # the loader accepts Notepad's byte-order mark; tomlkit does not
    doc = tomlkit.parse(text)
    notes: list[str] = []
    publication: Any = doc.get("publication")
    accepted = publication.get("accepted") if isinstance(publication, dict) else None
    if accepted:
        # Comments after the last entry belong to what follows it in the file: keep them where they were.
        trailing: list[Any] = []
        body = accepted[-1].value.body if isinstance(accepted, tomlkit.items.AoT) else []
        for key, item in reversed(body):
            if key is not None:
                break
            trailing.insert(0, item)
        del publication["accepted"]
        for item in trailing:
            publication.append(None, item)
        notes.append(f"已删除上年的 {len(accepted)} 条 [[publication.accepted]]（已确认照此公开的错误）："
                     "下一年度的数字须重新检查，需要时重新确认。")
    for path in dropped(report):
        table = _table_at(doc, path[:-1])
        if table is not None and path[-1] in table:
            del table[path[-1]]
            notes.append(f"已删除 {'.'.join(map(str, path))}：上年公开文本所写的变动率，本年不再适用。")
    _Roller(report.year).walk(doc, ())
    for path, value in updates(report).items():
        _put(doc, path, _number(value), f"由{report.year}年度决算转入")
    if isinstance(publication, dict) and "date" in publication:
        notes.append(f"公开日期改为 {publication['date']}，请按实际公开日期修改。")
    out = tomlkit.dumps(doc)
    try:
        data = tomllib.loads(out, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:  # a tomlkit defect must not become the clerk's broken file
        raise JuesuanError(f"生成下一年度数据文件时出错（结果无法读取：{exc}），未写入；请报告给维护者。") from None
    return Rolled(out, report.year + 1, len(unfilled_paths(data)), tuple(notes))


def next_year(path: str | FsPath) -> Rolled:
    """Next year's data file from this year's data file at `path` (which must load)."""
    report = load(path)
    return roll_over(read_text(path), report)

