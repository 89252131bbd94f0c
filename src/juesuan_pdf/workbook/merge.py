"""Write imported figures into a data file with tomlkit, keeping every comment, blank line and text.

A value the file does not have yet (or holds as `待填`) is filled in; an equal one is left as written
(`112` stays `112`, not `112.00`); a different one is a finding naming the cell and the key, and stays
as it is unless `replace` is set, in which case the workbook wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping
from decimal import Decimal
from typing import Any

import tomlkit
from tomlkit.items import Table

from juesuan_pdf.compose.numbers import money_table
from juesuan_pdf.errors import ERROR, NOTICE, Finding
from juesuan_pdf.load.given import NONE_WORD
from juesuan_pdf.load.toml import UNFILLED
from juesuan_pdf.model.finance import FISCAL_FUNDS
from juesuan_pdf.model.money import ZERO, total
from juesuan_pdf.workbook.cells import Figure
from juesuan_pdf.workbook.extract import FISCAL, LINE_FIELDS, Imported, Item, Line

RULE = "与数据文件不一致"
FLOW_FIELDS = ("carry_in", "carry_out")
LINE_KEYS = ("code", "fund", "name", *LINE_FIELDS, *FLOW_FIELDS, "income")
"""The keys of an account line that import writes (the rest — budget, explanation … — the clerk writes)."""
BUDGETED_FUND = "一般公共预算"
BUDGET_KEYS = ("budget", "budget_note")
"""Keys only a 一般公共预算 line has (五（三） compares its 决算数 with the 全年预算数); never asked of others."""


def toml_number(value: Decimal) -> Any:
    """A tomlkit value for an amount as a clerk writes it: `112`, `7.2`, `4454.96` (no trailing zeros).

    >>> [toml_number(Decimal(v)).as_string() for v in ("112.00", "7.20", "4454.96", "100", "0.00")]
    ['112', '7.2', '4454.96', '100', '0']
    """
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return tomlkit.value(text or "0")


class Merger:
    """Applies imported figures to a parsed data file, collecting the disagreements."""

    def __init__(self, doc: tomlkit.TOMLDocument, replace: bool) -> None:
        self.doc = doc
        self.replace = replace
        self.findings: list[Finding] = []
        self.changed = 0
        self.kept_codes: set[str] = set()
        self._refused: set[str] = set()

    # ---------------------------------------------------------------- one value
    def set(self, table: MutableMapping[str, Any], key: str, value: Decimal, figure: Figure, path: str) -> None:
        """Set `table[key]` to `value` unless the file states another value (then a finding)."""
        current = table.get(key)
        if _is_unset(current):
            table[key] = toml_number(value)
            self.changed += 1
        elif _number(current) != value:
            if self.replace:
                table[key] = toml_number(value)
                self.changed += 1
                return
            self.findings.append(Finding(
                ERROR, RULE,
                f"{figure.where} 为 {money_table(value)}，数据文件中为 {current}（未改动；加 --replace 以工作簿为准）",
                (path,), (value,),
            ))

    def set_text(self, table: MutableMapping[str, Any], key: str, value: str, figure_where: str, path: str) -> None:
        """Set a text value (an account name) the same way."""
        current = table.get(key)
        if _is_unset(current) or current == "":
            table[key] = value
            self.changed += 1
        elif str(current) != value:
            if self.replace:
                table[key] = value
                self.changed += 1
                return
            self.findings.append(Finding(ERROR, RULE, f"{figure_where} 为“{value}”，数据文件中为“{current}”（未改动）",
                                         (path,)))

    def declared_none(self, dotted: str) -> str | None:
        """The section on `dotted`'s path that the file writes as “无” (its dotted path), if any."""
        node: Any = self.doc
        walked: list[str] = []
        for part in dotted.split("."):
            if not isinstance(node, Mapping) or part not in node:
                return None
            node = node[part]
            walked.append(part)
            if isinstance(node, str) and node.strip() == NONE_WORD:
                return ".".join(walked)
        return None

    def may_write(self, dotted: str, where: str, value: Decimal | None = None) -> bool:
        """Whether a figure may go to `dotted`: not when the file declares its section “无” (a finding, once
        per section, unless the figure is 0 or `replace` lets the workbook's figures take its place)."""
        section = self.declared_none(dotted)
        if section is None:
            return True
        if value is not None and value == 0:
            return False
        if self.replace:
            parent, _, key = section.rpartition(".")
            del self.table_at(parent)[key]
            return True
        if section not in self._refused:
            self._refused.add(section)
            message = f"{where} 有数字，数据文件中 {section} 写作“{NONE_WORD}”（未改动；加 --replace 以工作簿为准）"
            self.findings.append(Finding(ERROR, RULE, message, (section,)))
        return False

    def none_where_empty(self, dotted: str) -> None:
        """Write a section the workbook shows empty as “无”, when the file does not have it yet."""
        parent, _, key = dotted.rpartition(".")
        if self.declared_none(dotted) is None and key not in self.table_at(parent):
            self.table_at(parent)[key] = NONE_WORD
            self.changed += 1

    def table_at(self, dotted: str) -> MutableMapping[str, Any]:
        """The table at a dotted path, created (as a [section]) when missing."""
        node: MutableMapping[str, Any] = self.doc
        for part in dotted.split(".") if dotted else ():
            if part not in node:
                node[part] = tomlkit.table()
            node = node[part]
        return node

    # ---------------------------------------------------------------- sections
    def scalars(self, values: Mapping[str, Figure]) -> None:
        """Every figure with a plain key (income.general_budget, sangong.actual.abroad …)."""
        for dotted, figure in values.items():
            if not self.may_write(dotted, figure.where, figure.value):
                continue
            parent, _, key = dotted.rpartition(".")
            self.set(self.table_at(parent), key, figure.value, figure, dotted)

    def class_totals(self, stated: Mapping[str, Figure]) -> None:
        """五（二）'s class totals where 公开06 states one that is not the sum of the lines."""
        if not stated or not self.may_write("general_budget.class_totals", next(iter(stated.values())).where):
            return
        table = self.table_at("general_budget.class_totals")
        for code, figure in sorted(stated.items()):
            self.set(table, code, figure.value, figure, f"general_budget.class_totals.{code}")

    def lines(self, lines: Iterable[Line], names: Mapping[str, str]) -> None:
        """Account lines matched by (code, fund); new ones appended to [[accounts]]."""
        lines = list(lines)
        if not lines:
            self.none_where_empty("accounts")
            return
        if not self.may_write("accounts", next(iter(lines[0].figures.values()), Figure(ZERO, "公开表")).where):
            return
        to_fill = self._drop_placeholders("accounts", LINE_KEYS)
        entries = {(str(e.get("code")), str(e.get("fund", "一般公共预算"))): e for e in self._existing("accounts")}
        lines = list(lines)
        kept = _same_split_elsewhere(lines, entries)
        self.kept_codes = {code for code, _ in kept}
        seen: set[tuple[str, str]] = set(kept)
        for line in lines:
            key: tuple[str, str] = (line.code, line.fund)
            if key in kept:
                continue
            seen.add(key)
            entry = entries.get(key)
            if entry is None:
                keys = to_fill if line.fund == BUDGETED_FUND else [k for k in to_fill if k not in BUDGET_KEYS]
                self._append("accounts", _with_to_fill(_new_line(line, names.get(line.code, "")), keys))
                continue
            self._update_line(entry, line, names.get(line.code, ""))
        for key, entry in entries.items():
            if key not in seen:
                self._absent_line(entry, key)

    def carry_by_hand(self, scalars: Mapping[str, Figure]) -> None:
        """A notice for each appropriation fund whose carry-overs the tables give only as a total (公开04表)
        while the file's account lines of that fund do not add up to it: the per-account `carry_in` /
        `carry_out` cannot come from the 公开表, the clerk writes them (a value the file has is never touched)."""
        words = {"carry_in": "年初结转和结余", "carry_out": "年末结转和结余"}
        for fund, fund_word in FISCAL.items():
            for field, word in words.items():
                stated = scalars.get(f"fiscal.{field}.{fund}")
                if stated is None or stated.value == 0:
                    continue
                lines = [e for e in self._existing("accounts") if str(e.get("fund", "一般公共预算")) == fund_word]
                written = total(_number(e.get(field)) or ZERO for e in lines)
                if written == stated.value:
                    continue
                self.findings.append(Finding(NOTICE, "需手工填写", (
                    f"{stated.where} 的{fund_word}财政拨款{word}为 {money_table(stated.value)}，公开表不分科目列示；"
                    f"数据文件各科目的 {field} 合计为 {money_table(written)}："
                    f"请在对应的 [[accounts]] 中手工填写 {field}（已有的未改动）"), ("accounts",)))

    def _update_line(self, entry: MutableMapping[str, Any], line: Line, name: str) -> None:
        path = f"accounts[{line.code} {line.fund}]"
        where = next((f.where for f in line.figures.values()), line.income.where if line.income else "")
        for field in (*LINE_FIELDS, *FLOW_FIELDS):
            figure = line.figures.get(field)
            if figure is None and (field in FLOW_FIELDS or field not in entry):
                continue
            value = figure.value if figure else ZERO
            if field not in entry and value == 0:
                continue
            self.set(entry, field, value, figure or Figure(ZERO, where), f"{path}.{field}")
        actual = _actual(line)
        if line.income is not None and ("income" in entry or line.income.value != actual):
            self.set(entry, "income", line.income.value, line.income, f"{path}.income")
        if name:
            self.set_text(entry, "name", name, where, f"{path}.name")

    def _absent_line(self, entry: MutableMapping[str, Any], key: tuple[str, str]) -> None:
        stated = [f for f in LINE_FIELDS if f in entry and _number(entry[f]) not in (None, ZERO)]
        if not stated:
            return
        if self.replace:
            for field in stated:
                del entry[field]
            self.changed += 1
            return
        self.findings.append(Finding(ERROR, RULE, f"数据文件中的科目 {key[0]}（{key[1]}）有支出，公开表中没有这一科目"
                                     "（未改动；加 --replace 以工作簿为准）", (f"accounts[{key[0]} {key[1]}]",)))

    def items(self, key: str, items: Iterable[Item]) -> None:
        """Economic items ([[basic_expenditure.items]] / [[project_expenditure]]) matched by code."""
        items = list(items)
        if not items:
            self.none_where_empty(key)
            return
        if not self.may_write(key, items[0].figure.where):
            return
        to_fill = self._drop_placeholders(key, ("code", "amount", "name"))
        by_code: dict[str, list[Any]] = {}
        for entry in self._existing(key):
            by_code.setdefault(str(entry.get("code")), []).append(entry)
        seen = set()
        for item in items:
            seen.add(item.code)
            existing = by_code.get(item.code)
            if not existing:
                self._append(key, _with_to_fill(_new_item(item), to_fill))
                continue
            if len(existing) == 1:
                self.set(existing[0], "amount", item.figure.value, item.figure, f"{key}[{item.code}].amount")
                continue
            stated = total(_number(e.get("amount")) or ZERO for e in existing)
            if stated != item.figure.value:
                message = (f"{item.figure.where} 为 {money_table(item.figure.value)}，"
                           f"数据文件中 {item.code} 各条合计 {stated}（未改动）")
                self.findings.append(Finding(ERROR, RULE, message, (f"{key}[{item.code}]",)))
        for code, entries in by_code.items():
            if code not in seen and any(_number(e.get("amount")) for e in entries):
                self.findings.append(Finding(ERROR, RULE, f"数据文件中有 {code}，公开表中没有这一科目（未改动）",
                                             (f"{key}[{code}]",)))

    def _drop_placeholders(self, dotted: str, written: Iterable[str]) -> list[str]:
        """Remove the template entries (code still `待填`) of an array of tables; the keys they leave to fill
        by hand, which each new entry then carries as `待填` too."""
        entries = self._existing(dotted)
        placeholders = [i for i, e in enumerate(entries) if _is_unset(e.get("code"))]
        if not placeholders:
            return []
        first = entries[placeholders[0]]
        to_fill = [k for k, v in first.items() if k not in written and _still_to_fill(v)]
        aot = self._array(dotted)
        for i in reversed(placeholders):
            del aot[i]
        return to_fill

    def _array(self, dotted: str) -> Any:
        node: Any = self.doc
        for part in dotted.split("."):
            node = node[part]
        return node

    def _existing(self, dotted: str) -> list[Any]:
        """The entries of an array of tables, [] when the file has none."""
        node: Any = self.doc
        for part in dotted.split("."):
            if not isinstance(node, MutableMapping) or part not in node:
                return []
            node = node[part]
        return list(node) if isinstance(node, list) else []

    def _append(self, dotted: str, entry: Table) -> None:
        """Append an entry to an array of tables, creating it when the file has none."""
        parent, _, key = dotted.rpartition(".")
        table = self.table_at(parent)
        if key not in table:
            table[key] = tomlkit.aot()
        table[key].append(entry)
        self.changed += 1


def _same_split_elsewhere(lines: list[Line], entries: Mapping[tuple[str, str], Any]) -> set[tuple[str, str]]:
    """Non-appropriation lines the file already splits between its sources differently from the import's
    guess but with the same sums per kind of expenditure: the tables cannot tell them apart, so the
    file's split stands (keys of the file's and the import's lines of those codes)."""
    kept: set[tuple[str, str]] = set()
    codes = {ln.code for ln in lines if ln.fund not in FISCAL_FUNDS}
    for code in codes:
        ours = [ln for ln in lines if ln.code == code and ln.fund not in FISCAL_FUNDS]
        theirs = {k: e for k, e in entries.items() if k[0] == code and k[1] not in FISCAL_FUNDS}
        if not theirs:
            continue
        same = all(
            total(ln.figures[f].value for ln in ours if f in ln.figures)
            == total(_number(e.get(f)) or ZERO for e in theirs.values())
            for f in LINE_FIELDS
        )
        if same:
            kept |= set(theirs) | {(ln.code, ln.fund) for ln in ours}
    return kept


def _still_to_fill(value: object) -> bool:
    return _is_unset(value) or (isinstance(value, list) and any(_is_unset(v) for v in value))


def _with_to_fill(entry: Table, keys: Iterable[str]) -> Table:
    """A new entry with the keys a clerk still writes by hand (budget, explanation …) marked `待填`."""
    for key in keys:
        if key not in entry:
            entry[key] = UNFILLED
    return entry


def _is_unset(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == UNFILLED)


def _number(value: object) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    return Decimal(str(value))


def _actual(line: Line) -> Decimal:
    return total(line.figures[f].value for f in LINE_FIELDS if f in line.figures)


def _new_line(line: Line, name: str) -> Table:
    entry = tomlkit.table()
    entry["code"] = line.code
    if line.fund != "一般公共预算":
        entry["fund"] = line.fund
    if name:
        entry["name"] = name
    for field in (*LINE_FIELDS, *FLOW_FIELDS):
        figure = line.figures.get(field)
        if figure is not None and figure.value:
            entry[field] = toml_number(figure.value)
    if line.income is not None and line.income.value != _actual(line):
        entry["income"] = toml_number(line.income.value)
    return entry


def _new_item(item: Item) -> Table:
    entry = tomlkit.table()
    entry["code"] = item.code
    entry["amount"] = toml_number(item.figure.value)
    if item.name:
        entry["name"] = item.name
    return entry


def merge(text: str, imported: Imported, *, replace: bool = False) -> tuple[str, list[Finding], int]:
    """(new data-file text, the import's findings and the disagreements with the file, number of values
    written). A guess about sources the file already settles is no finding."""
    doc = tomlkit.parse(text)
    merger = Merger(doc, replace)
    merger.scalars(imported.scalars)
    merger.class_totals(imported.class_totals)
    merger.lines(imported.lines, imported.names)
    merger.carry_by_hand(imported.scalars)
    merger.items("basic_expenditure.items", imported.basic_items)
    if imported.project_items_read:
        merger.items("project_expenditure", imported.project_items)
    settled = {f"accounts[{code}]" for code in merger.kept_codes}
    own = [f for f in imported.findings if not set(f.paths) & settled]
    return tomlkit.dumps(doc), own + merger.findings, merger.changed
