"""Shared builders of the 公开表: the frame, header cells, 栏次 rows and account-tree rows (internal, may change).

Every figure a table shows is read from a model property or summed from the model's account lines and
economic items here, in one place, so the 13 tables and the sentences of 第二部分 agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from juesuan_pdf.compose.numbers import cn_number, money_table
from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.doc import Cell, Column, Row, Table
from juesuan_pdf.model.accounts import UNNAMED, CodeTable, Level, level
from juesuan_pdf.model.finance import AccountLine, EconomicItem, Fund, FundAmounts
from juesuan_pdf.model.money import ZERO, total
from juesuan_pdf.model.report import Report

FISCAL_FUNDS: tuple[Fund, ...] = ("一般公共预算", "政府性基金", "国有资本经营")
FUND_KEYS = ("table.fund.general_budget", "table.fund.gov_fund", "table.fund.state_capital")
"""The profile's words for the three funds as column heads, in `FISCAL_FUNDS` order."""

# Widths: a 7-digit code is 3.5 em, an amount up to 99999999.99 is 5.5 em (half-width digits); names and
# row labels take the spare width.
CODE_COLUMN = Column(weight=0.05, min_chars=0)
NAME_COLUMN = Column(weight=4.0, min_chars=8)
MONEY_COLUMN = Column(weight=0.15, min_chars=0)
SERIAL_COLUMN = Column(weight=0.02, min_chars=0)
ITEM_COLUMN = Column(weight=4.0, min_chars=8)


def code_table(report: Report) -> CodeTable:
    """The year's classification code table with the data file's own names (`Report.codes`)."""
    return report.codes()


def account_table(
    report: Report,
    profile: Profile,
    number: int,
    *,
    header: tuple[Row, ...],
    totals: Sequence[Decimal | None],
    body: Iterable[Row],
    notes: tuple[str, ...],
    landscape: bool = False,
    blank_zero: bool = False,
) -> Table:
    """A 公开表 by account: the frame, `header`, the 合计 row of `totals` first, then `body`, then `notes`."""
    return Table(
        columns=account_columns(len(totals)),
        header_rows=header,
        body_rows=(total_row(profile.label("table.total"), totals, blank_zero=blank_zero), *body),
        notes=notes,
        landscape=landscape,
        **frame(report, profile, number),
    )


def tree_account_table(
    report: Report,
    profile: Profile,
    number: int,
    *,
    money_keys: Sequence[str],
    totals: Sequence[Decimal | None],
    tree: Iterable[TreeRow],
    note_key: str,
) -> Table:
    """A landscape `account_table` of a code tree (收入决算表, 支出决算表): its amount columns named by the
    profile's words `money_keys`, the 合计 row of `totals`, the rows of `tree`, and the note `note_key`."""
    return account_table(
        report,
        profile,
        number,
        header=account_header(profile, words(profile, *money_keys)),
        totals=totals,
        body=tree_rows(tree),
        notes=(note(report, profile, note_key),),
        landscape=True,
    )


def frame(report: Report, profile: Profile, number: int) -> dict[str, Any]:
    """The common keyword arguments of a 公开表: title, form number, 部门/金额单位 line, key and outline text."""
    title = profile.table_title(number)
    dept = report.department
    return {
        "title": title,
        "form_no": profile.say("table.form_no", n=number),
        "caption_left": profile.say("table.caption", subject=dept.subject, name=dept.name),
        "caption_right": profile.say("table.unit"),
        "key": f"table-{number:02d}",
        "outline_text": f"{cn_number(number)}、{title}",
        # figures and names centred alike: a row made two lines tall by a long name must not show the
        # name at the top and its figures in the middle
        "valign": "middle",
    }


def empty_note(report: Report, profile: Profile, what: str) -> str:
    """The note under an all-zero table: `注：本单位{年度}年度没有{what}，故本表无数据。`."""
    return profile.say("table.empty", year=report.year, what=what)


def note(report: Report, profile: Profile, key: str) -> str:
    """A table's note `key` of the profile, about the department's subject (`本表反映部门…` / `本表反映单位…`)."""
    return profile.say(key, subject=report.department.subject)


# ------------------------------------------------------------------------------------------------- cells
def label(text: str, colspan: int = 1, rowspan: int = 1, *, bold: bool = False) -> Cell:
    """A centred header or label cell."""
    return Cell(text, colspan=colspan, rowspan=rowspan, kind="label", bold=bold)


def text(value: str, *, indent: float = 0.0, bold: bool = False, colspan: int = 1) -> Cell:
    """A left-aligned text cell (names, codes, row labels)."""
    return Cell(value, colspan=colspan, kind="text", indent=indent, bold=bold)


def money(value: Decimal | None, *, blank_zero: bool = False, bold: bool = False) -> Cell:
    """A right-aligned amount with 2 decimals; None, or zero when `blank_zero`, gives an empty cell."""
    if value is None or (blank_zero and value == 0):
        return Cell("", kind="money", bold=bold)
    return Cell(money_table(value), kind="money", bold=bold)


def words(profile: Profile, *keys: str) -> tuple[str, ...]:
    """The profile's table words for `keys` (each prefixed `table.`)."""
    return tuple(profile.label(f"table.{key}") for key in keys)


def serial_row(profile: Profile, label_cols: int, count: int, start: int = 1) -> Row:
    """The 栏次 row: `栏次` over the text columns, then 1, 2, 3 … over the amount columns."""
    return (label(profile.label("table.column_no"), colspan=label_cols), *(label(str(start + i)) for i in range(count)))


def account_header(profile: Profile, money_labels: Sequence[str]) -> tuple[Row, ...]:
    """The two-row 项目 header of a single-level account table plus its 栏次 row."""
    item, code, name = words(profile, "item", "code", "name")
    first = (label(item, colspan=2), *(label(m, rowspan=2) for m in money_labels))
    return first, (label(code), label(name)), serial_row(profile, 2, len(money_labels))


def spent_header(profile: Profile, first: str) -> tuple[Row, ...]:
    """项目 · 本年支出 (`first` · 基本支出 · 项目支出) with 科目编码 · 科目名称, and the 栏次 row (公开06/07/12表)."""
    item, spent, code, name, basic, project = words(profile, "item", "spent_year", "code", "name", "basic", "project")
    return (
        (label(item, colspan=2), label(spent, colspan=3)),
        (label(code), label(name), label(first), label(basic), label(project)),
        serial_row(profile, 2, 3),
    )


def account_columns(n_money: int) -> tuple[Column, ...]:
    """科目编码, 科目名称 and `n_money` amount columns."""
    return (CODE_COLUMN, NAME_COLUMN, *([MONEY_COLUMN] * n_money))


def total_row(caption: str, values: Iterable[Decimal | None], *, blank_zero: bool = False) -> Row:
    """The 合计 row of an account table: caption over the code and name columns, then amounts."""
    return (text(caption, colspan=2, bold=True), *(money(v, blank_zero=blank_zero, bold=True) for v in values))


UNKNOWN_NAME = UNNAMED


def functional_name(table: CodeTable, code: str) -> str:
    """The code table's name, or a visible placeholder for a code it lacks (the checker reports those)."""
    return table.functional.get(code, UNKNOWN_NAME)


# ------------------------------------------------------------------------------------------------- account tree
@attrs.frozen
class TreeRow:
    """One row of an account table: a 类, 款 or 项 with its amounts (one per amount column)."""

    code: str
    name: str
    level: Level
    values: tuple[Decimal, ...]


def account_tree(
    report: Report,
    lines: Iterable[AccountLine],
    values: Callable[[AccountLine], Sequence[Decimal]],
    class_overrides: Mapping[str, Sequence[Decimal | None]] | None = None,
) -> list[TreeRow]:
    """Rows per 类, 款 and 项 of `lines` in code order; 款 = Σ项, 类 = Σ款 unless overridden column by column.

    `class_overrides[类]` replaces a 类 row's amount in the columns where it is not None: the document's
    stated class totals (五（二）) win over the sum of the lines, so a table agrees with the sentences.
    """
    by_item: dict[str, list[AccountLine]] = {}
    for line in sorted(lines, key=lambda a: a.code):
        by_item.setdefault(line.code, []).append(line)
    item_rows = [_item_row(report, code, group, values) for code, group in by_item.items()]
    return _roll_up(report, item_rows, class_overrides or {})


def _item_row(
    report: Report, code: str, group: list[AccountLine], values: Callable[[AccountLine], Sequence[Decimal]]
) -> TreeRow:
    name = next((a.name for a in group if a.name), "") or functional_name(code_table(report), code)
    sums = tuple(total(col) for col in zip(*(values(a) for a in group), strict=True))
    return TreeRow(code, name, level(code), sums)


def _roll_up(report: Report, items: list[TreeRow], overrides: Mapping[str, Sequence[Decimal | None]]) -> list[TreeRow]:
    table = code_table(report)
    rows: list[TreeRow] = []
    for class_code in sorted({r.code[:3] for r in items}):
        in_class = [r for r in items if r.code.startswith(class_code)]
        kuan_rows = [
            _sum_row(table, kuan, [r for r in in_class if r.code.startswith(kuan)])
            for kuan in sorted({r.code[:5] for r in in_class})
        ]
        class_row = _sum_row(table, class_code, kuan_rows)
        rows.append(_override(class_row, overrides.get(class_code)))
        for kuan_row in kuan_rows:
            rows.append(kuan_row)
            rows.extend(r for r in in_class if r.code.startswith(kuan_row.code))
    return rows


def _sum_row(table: CodeTable, code: str, children: list[TreeRow]) -> TreeRow:
    sums = tuple(total(col) for col in zip(*(c.values for c in children), strict=True))
    return TreeRow(code, functional_name(table, code), level(code), sums)


def _override(row: TreeRow, stated: Sequence[Decimal | None] | None) -> TreeRow:
    if stated is None:
        return row
    values = tuple(s if s is not None else v for v, s in zip(row.values, stated, strict=True))
    return attrs.evolve(row, values=values)


def tree_rows(rows: Iterable[TreeRow], *, blank_zero: bool = True) -> list[Row]:
    """Table rows of an account tree: code, indented name (one em per level below 类), amounts."""
    return [
        (
            text(r.code),
            text(r.name, indent=float(r.level - 1)),
            *(money(v, blank_zero=blank_zero) for v in r.values),
        )
        for r in rows
    ]


# ------------------------------------------------------------------------------------------------- figures
def economic_class_sums(items: Iterable[EconomicItem]) -> dict[str, Decimal]:
    """The sum of economic items per economic 类 (301, 302, …)."""
    sums: dict[str, Decimal] = {}
    for item in items:
        sums[item.class_code] = sums.get(item.class_code, ZERO) + item.amount
    return sums


def economic_by_code(items: Iterable[EconomicItem]) -> dict[str, Decimal]:
    """The amount per economic 款 code (items with the same code added)."""
    result: dict[str, Decimal] = {}
    for item in items:
        result[item.code] = result.get(item.code, ZERO) + item.amount
    return result


def economic_name(report: Report, code: str, items: Iterable[EconomicItem] = ()) -> str:
    """An economic code's name: an item's own name when it gives one, else the code table's."""
    own = next((i.name for i in items if i.code == code and i.name), "")
    return own or code_table(report).economic.get(code, UNKNOWN_NAME)


# ------------------------------------------------------------------------------------------------- 总表 sides
@attrs.frozen
class Entry:
    """A labelled row of one side of a 总表 (公开01/04): label, its amounts, whether set bold."""

    label: str
    values: tuple[Decimal | None, ...]
    bold: bool = False


Side = tuple[list[Entry], list[Entry]]


def two_sides(income: Side, expenditure: Side) -> tuple[Row, ...]:
    """Rows of a 总表: each side's item rows padded to equal length, then both summary blocks aligned.

    行次 run through the income side, then continue on the expenditure side; padding rows are blank, and
    a shorter summary block is padded before its last row so both 总计 rows end the table.
    """
    n_items = max(len(income[0]), len(expenditure[0]))
    n_summary = max(len(income[1]), len(expenditure[1]))
    left = _pad(income[0], n_items) + _pad_before_last(income[1], n_summary)
    right = _pad(expenditure[0], n_items) + _pad_before_last(expenditure[1], n_summary)
    left_cells = _numbered(left, 1, width=_width(income))
    right_cells = _numbered(right, _count(left) + 1, width=_width(expenditure))
    return tuple((*a, *b) for a, b in zip(left_cells, right_cells, strict=True))


def _width(side: Side) -> int:
    return max(len(e.values) for e in side[0] + side[1])


def _pad(entries: list[Entry], n: int) -> list[Entry | None]:
    return [*entries, *([None] * (n - len(entries)))]


def _pad_before_last(entries: list[Entry], n: int) -> list[Entry | None]:
    padded: list[Entry | None] = [*entries[:-1], *([None] * (n - len(entries)))]
    return [*padded, *entries[-1:]]


def _count(entries: list[Entry | None]) -> int:
    return sum(1 for e in entries if e is not None)


def _numbered(entries: list[Entry | None], start: int, width: int) -> list[Row]:
    rows: list[Row] = []
    n = start
    for entry in entries:
        if entry is None:
            rows.append((text(""), label(""), *(money(None) for _ in range(width))))
            continue
        amounts = (money(v, bold=entry.bold) for v in entry.values)
        rows.append((text(entry.label, bold=entry.bold), label(str(n)), *amounts))
        n += 1
    return rows


def statement_class_labels(report: Report, with_figures: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(类 code, `一、一般公共服务支出` …) for every statement class of the year, plus any class with figures."""
    table = code_table(report)
    listed = list(table.statement_classes)
    codes = listed + sorted(c for c in set(with_figures) if c not in listed)
    return [(code, f"{cn_number(i)}、{functional_name(table, code)}") for i, code in enumerate(codes, start=1)]


# ------------------------------------------------------------------------------------------------- economic blocks
@attrs.frozen
class EconomicRow:
    """One economic 类 or 款 with its amount (None: printed blank)."""

    code: str
    name: str
    amount: Decimal | None

    @property
    def is_class(self) -> bool:
        """Whether this is an economic 类 (3 digits)."""
        return len(self.code) == 3


def economic_rows(
    report: Report, items: Sequence[EconomicItem], classes: Iterable[str], full_classes: Iterable[str] = ()
) -> list[EconomicRow]:
    """Rows per economic 类 and its 款 in code order: every listed 款 for `full_classes`, else 款 with figures.

    A 类 row is the sum of its items; a 类 of `classes` without figures is printed only if it is in
    `full_classes` or has figures.
    """
    table = code_table(report)
    by_code = economic_by_code(items)
    sums = economic_class_sums(items)
    full = set(full_classes)
    rows: list[EconomicRow] = []
    for cls in classes:
        if cls not in full and cls not in sums:
            continue
        rows.append(EconomicRow(cls, economic_name(report, cls, items), sums.get(cls)))
        listed = table.economic_children(cls) if cls in full else ()
        codes = sorted(set(listed) | {c for c in by_code if c.startswith(cls)})
        rows.extend(EconomicRow(c, economic_name(report, c, items), by_code.get(c)) for c in codes)
    return rows


def spread(rows: Sequence[EconomicRow], blocks: int) -> list[list[EconomicRow]]:
    """`rows` cut into `blocks` consecutive columns of (nearly) equal length."""
    size = -(-len(rows) // blocks) if rows else 0
    return [list(rows[i * size : (i + 1) * size]) for i in range(blocks)]


def block_rows(blocks: Sequence[Sequence[EconomicRow]]) -> list[Row]:
    """Side-by-side blocks of 科目编码 · 科目名称 · 决算数, padded with blank cells to the longest block."""
    height = max((len(b) for b in blocks), default=0)
    rows: list[Row] = []
    for i in range(height):
        cells: list[Cell] = []
        for block in blocks:
            cells += _block_cells(block[i] if i < len(block) else None)
        rows.append(tuple(cells))
    return rows


def _block_cells(row: EconomicRow | None) -> list[Cell]:
    if row is None:
        return [text(""), text(""), money(None)]
    indent = 0.0 if row.is_class else 1.0
    return [text(row.code, bold=row.is_class), text(row.name, indent=indent, bold=row.is_class), money(row.amount)]


BLOCK_COLUMNS = (Column(weight=0.05, min_chars=3), Column(weight=4.0, min_chars=7), MONEY_COLUMN)


# ------------------------------------------------------------------------------------------------- fund tables (10/11)
def fund_flow_header(profile: Profile) -> tuple[Row, ...]:
    """项目 · 年初结转和结余 · 本年收入 · 本年支出 (小计 · 基本支出 · 项目支出) · 年末结转和结余, and 栏次."""
    item, carry_in, income, spent, carry_out = words(
        profile, "item", "carry_in", "income_year", "spent_year", "carry_out"
    )
    first = (
        label(item, colspan=2),
        label(carry_in, rowspan=2),
        label(income, rowspan=2),
        label(spent, colspan=3),
        label(carry_out, rowspan=2),
    )
    second = tuple(label(w) for w in words(profile, "code", "name", "subtotal", "basic", "project"))
    return first, second, serial_row(profile, 2, 6)


def fund_flow_totals(report: Report, fund: Fund) -> tuple[Decimal, ...]:
    """The 合计 row of a fund's 收入支出 table: carry-in, income, expenditure (小计/基本/项目), carry-out."""
    inc = report.income
    income = FundAmounts(inc.general_budget, inc.gov_fund, inc.state_capital).of(fund)
    basic, project = report.fund_split(fund)
    return (
        report.fiscal.carry_in.of(fund),
        income,
        report.fund_expenditure(fund),
        basic,
        project,
        report.fiscal.carry_out.of(fund),
    )


def fund_flow_line(line: AccountLine) -> tuple[Decimal, ...]:
    """One account line of a fund's 收入支出 table."""
    return line.carry_in, line.income_amount, line.actual, line.basic, line.project, line.carry_out
