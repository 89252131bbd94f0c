"""The figures of a whole workbook, combined into values for the data file, with disagreements as findings.

A figure several tables state (本年收入 in 公开01, 02 and 04) is read from each; the first table in the
order below is the value imported and every other one that differs is a finding naming both cells.
Account lines are per (code, fund): the appropriation funds' lines come from 公开05 (with 公开10/11 for
their carry-overs and income), the rest of 公开03's expenditure goes to the one non-appropriation source
公开02 shows income for (a finding when that is ambiguous), income from 公开02.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import TypeVar

import attrs

from juesuan_pdf.compose.numbers import money_table
from juesuan_pdf.errors import ERROR, NOTICE, Finding
from juesuan_pdf.model.accounts import CodeTable
from juesuan_pdf.model.finance import Fund
from juesuan_pdf.model.money import ZERO, total
from juesuan_pdf.workbook import tables as t
from juesuan_pdf.workbook.accounts import AccountRows
from juesuan_pdf.workbook.cells import Figure
from juesuan_pdf.workbook.locate import Located
from juesuan_pdf.workbook.read import WorkbookError

T = TypeVar("T")

RULE = "公开表不一致"
LINE_FIELDS = ("basic", "project", "remit_upper", "operating", "subsidy_affiliated")
FISCAL: dict[str, Fund] = {"general_budget": "一般公共预算", "gov_fund": "政府性基金", "state_capital": "国有资本经营"}
OTHER_SOURCES: dict[str, Fund] = {
    "higher_subsidy": "上级补助", "business": "事业", "operating": "经营", "affiliated": "附属单位上缴",
    "other": "其他",
}


@attrs.frozen
class Line:
    """One account line as the workbook states it: figures by field (income None: equal to expenditure)."""

    code: str
    fund: Fund
    figures: Mapping[str, Figure]
    income: Figure | None = None


@attrs.frozen
class Item:
    """An economic item: code, amount and the name printed beside it."""

    code: str
    figure: Figure
    name: str


@attrs.frozen
class Imported:
    """Everything a workbook gives the data file, and what did not fit."""

    scalars: Mapping[str, Figure]
    lines: tuple[Line, ...]
    names: Mapping[str, str]
    class_totals: Mapping[str, Figure]
    basic_items: tuple[Item, ...]
    project_items: tuple[Item, ...]
    findings: tuple[Finding, ...]
    units: Mapping[str, str]
    project_items_read: bool = True


class _Collector:
    """Scalar figures from several tables: the first wins, the others are compared with it."""

    def __init__(self) -> None:
        self.values: dict[str, Figure] = {}
        self.findings: list[Finding] = []

    def add(self, key: str, figure: Figure | None) -> None:
        if figure is None:
            return
        first = self.values.setdefault(key, figure)
        if first.value != figure.value:
            self.findings.append(disagreement(key, first, figure))

    def add_all(self, figures: Mapping[str, Figure]) -> None:
        for key, figure in figures.items():
            self.add(key, figure)


def disagreement(key: str, first: Figure, other: Figure) -> Finding:
    """Two cells that should state the same figure and do not."""
    message = (f"{first.where} 为 {money_table(first.value)}，{other.where} 为 {money_table(other.value)}，"
               "应相同（导入前者）")
    return Finding(ERROR, RULE, message, (key,), (first.value, other.value))


UNREAD_RULE = "公开表格式"
OPTIONAL_TABLES = {5: "只用于核对", 7: "只用于核对", 9: "项目支出的经济分类明细未导入"}
"""Tables whose layout varies between provinces (DOMAIN.md §3.2: 公开05/07/09 least certain): read when
their columns are recognised, otherwise left out with a notice rather than refusing the workbook."""


def extract(found: Mapping[int, Located], codes: CodeTable) -> Imported:
    """The data-file values stated by the 13 located tables."""
    c = _Collector()
    unread: list[Finding] = []
    c.add_all(t.read_01(found[1]))
    c.add_all(t.read_04(found[4]))
    accounts = {n: t.read_accounts(found[n]) for n in (2, 3, 6, 10, 11, 12)}
    detail05 = _optional(unread, 5, lambda: t.read_accounts(found[5]), AccountRows({}, ()))
    _totals(c, accounts, detail05)
    c.add_all(t.read_13(found[13]))
    basic, basic_footer = t.read_blocks(found[8])
    no_blocks: tuple[list[t.EconomicEntry], dict[str, Figure]] = ([], {})
    project, project_footer = _optional(unread, 9, lambda: t.read_blocks(found[9]), no_blocks)
    c.add("basic_expenditure.personnel_total", basic_footer.get("人员经费合计"))
    c.add("basic_expenditure.public_total", basic_footer.get("公用经费合计"))
    detail07 = _optional(unread, 7, lambda: t.read_07(found[7]), AccountRows({}, ()))
    c.add("general_budget.total", detail07.total.get("total"))
    c.add("basic_expenditure.total", detail07.total.get("basic"))
    lines, line_findings = _lines(accounts)
    checks = _cross_checks(accounts, detail05, detail07, basic, project)
    checks += _project_total_check(accounts[6], project_footer)
    class_totals = _class_totals(accounts[6], [ln for ln in lines if ln.fund == "一般公共预算"])
    checks += _class_check(t.class_rows_01(found[1]), lines, class_totals, codes)
    return Imported(
        scalars=c.values,
        lines=tuple(lines),
        names=_names(accounts, codes),
        class_totals=class_totals,
        basic_items=_items(basic, codes),
        project_items=_items(project, codes),
        findings=(*unread, *c.findings, *checks, *line_findings, *_item_checks(basic, project)),
        units={found[n].label: found[n].unit_text for n in sorted(found)},
        project_items_read=not any("公开09表" in f.message for f in unread),
    )


def _optional(unread: list[Finding], number: int, read: Callable[[], T], empty: T) -> T:
    """A table read if its layout is recognised; else `empty`, with a notice saying what is left out."""
    try:
        return read()
    except WorkbookError as exc:
        message = f"{exc}；本表格式与已知格式不同，未读取（{OPTIONAL_TABLES[number]}）"
        unread.append(Finding(NOTICE, UNREAD_RULE, message))
        return empty


def _totals(c: _Collector, accounts: Mapping[int, AccountRows], detail05: AccountRows) -> None:
    """The 合计 rows of the account tables, into the figures they state."""
    inc = accounts[2].total
    for field in ("total", *t.OTHER_INCOME_FIELDS):
        c.add(f"income.{field}", inc.get(field))
    exp = accounts[3].total
    c.add("expenditure.total", exp.get("total"))
    for field in LINE_FIELDS:
        c.add(f"expenditure.{field}", exp.get(field))
    c.add("general_budget.total", accounts[6].total.get("total"))
    c.add("basic_expenditure.total", accounts[6].total.get("basic"))
    c.add("general_budget.total", detail05.total.get("general_budget.total"))
    c.add("basic_expenditure.total", detail05.total.get("general_budget.basic"))
    for number, fund in ((10, "gov_fund"), (11, "state_capital")):
        flow = accounts[number].total
        c.add(f"fiscal.carry_in.{fund}", flow.get("carry_in"))
        c.add(f"income.{fund}", flow.get("income"))
        c.add(f"fiscal.carry_out.{fund}", flow.get("carry_out"))


def _by_code(rows: AccountRows, length: int = 7) -> dict[str, Mapping[str, Figure]]:
    return {r.code: r.figures for r in rows.rows if len(r.code) == length}


def _value(figures: Mapping[str, Figure], field: str) -> Decimal:
    figure = figures.get(field)
    return figure.value if figure else ZERO


def _lines(accounts: Mapping[int, AccountRows]) -> tuple[list[Line], list[Finding]]:
    """Account lines per (code, fund) from the account tables."""
    detail = _fund_detail(accounts)
    spent, income = _by_code(accounts[3]), _by_code(accounts[2])
    flows = {"gov_fund": _by_code(accounts[10]), "state_capital": _by_code(accounts[11])}
    lines: list[Line] = []
    findings: list[Finding] = []
    for code in sorted(set(detail) | set(spent) | set(income) | set(flows["gov_fund"]) | set(flows["state_capital"])):
        fiscal = [_fiscal_line(code, f, detail.get(code, {}), flows.get(f, {}).get(code)) for f in FISCAL]
        fiscal_lines = [ln for ln in fiscal if ln is not None]
        fiscal_lines = _with_general_income(fiscal_lines, income.get(code, {}))
        others, problems = _other_lines(code, fiscal_lines, spent.get(code, {}), income.get(code, {}))
        lines += fiscal_lines + others
        findings += problems
    return lines, findings


def _fund_detail(accounts: Mapping[int, AccountRows]) -> dict[str, dict[str, Figure]]:
    """基本/项目支出 per code and appropriation fund (`general_budget.basic` …): 公开06 for 一般公共预算,
    公开12 for 国有资本经营; 政府性基金 comes from 公开10 with its carry-overs."""
    detail: dict[str, dict[str, Figure]] = {}
    for number, fund in ((6, "general_budget"), (12, "state_capital")):
        for code, figures in _by_code(accounts[number]).items():
            for kind in ("basic", "project"):
                if kind in figures:
                    detail.setdefault(code, {})[f"{fund}.{kind}"] = figures[kind]
    return detail


def _fiscal_line(code: str, fund: str, detail: Mapping[str, Figure], flow: Mapping[str, Figure] | None) -> Line | None:
    figures = {k: detail[f"{fund}.{k}"] for k in ("basic", "project") if f"{fund}.{k}" in detail}
    income = None
    if flow:
        figures |= {k: flow[k] for k in ("carry_in", "carry_out", "basic", "project") if k in flow and k not in figures}
        income = flow.get("income")
    if not any(f.value for f in figures.values()) and not (income and income.value):
        return None
    return Line(code, FISCAL[fund], figures, income)


def _with_general_income(lines: list[Line], income: Mapping[str, Figure]) -> list[Line]:
    """The 一般公共预算 line's income: 公开02's 财政拨款收入 less the other appropriation funds' income."""
    fiscal = income.get("fiscal")
    if fiscal is None:
        return lines
    others = total(ln.income.value for ln in lines if ln.fund != "一般公共预算" and ln.income is not None)
    out = []
    for ln in lines:
        if ln.fund == "一般公共预算":
            ln = attrs.evolve(ln, income=Figure(fiscal.value - others, fiscal.where))
        out.append(ln)
    return out


def _other_lines(
    code: str, fiscal: list[Line], spent: Mapping[str, Figure], income: Mapping[str, Figure]
) -> tuple[list[Line], list[Finding]]:
    """The non-appropriation lines of one code: 公开03 less the appropriation lines, by 公开02's sources."""
    rest = {
        f: _value(spent, f) - total(_value(ln.figures, f) for ln in fiscal) for f in LINE_FIELDS
    }
    where = next(iter(spent.values())).where if spent else ""
    sources = {OTHER_SOURCES[s]: income[s] for s in OTHER_SOURCES if s in income and income[s].value}
    findings: list[Finding] = []
    if not any(rest.values()):
        return [Line(code, fund, {}, fig) for fund, fig in sources.items()], findings
    if not sources:
        figures = {f: Figure(v, where) for f, v in rest.items() if v}
        findings.append(Finding(NOTICE, RULE, f"{where}：科目 {code} 有非财政拨款支出，但公开02表没有对应的收入来源，"
                                "暂记为“其他”资金，请核对 fund", (f"accounts[{code}]",)))
        return [Line(code, "其他", figures, Figure(ZERO, where))], findings
    owner = _owners(sources)
    by_fund: dict[Fund, dict[str, Figure]] = {fund: {} for fund in sources}
    for field, value in rest.items():
        if value:
            by_fund[owner[field]][field] = Figure(value, where)
    candidates = [f for f in sources if f != "经营"]
    if len(candidates) > 1 and any(rest[f] for f in LINE_FIELDS if f != "operating"):
        findings.append(Finding(NOTICE, RULE, f"{where}：科目 {code} 的非财政拨款支出有多个资金来源（"
                                + "、".join(sources) + f"），公开表没有按来源分列，记在“{owner['basic']}”下，请核对",
                                (f"accounts[{code}]",)))
    return [Line(code, fund, by_fund[fund], fig) for fund, fig in sources.items()], findings


def _owners(sources: Mapping[Fund, Figure]) -> dict[str, Fund]:
    """Which source each kind of expenditure goes to: 经营支出 to 经营收入, the rest to the largest other source."""
    others: dict[Fund, Figure] = {f: fig for f, fig in sources.items() if f != "经营"} or dict(sources)
    main: Fund = max(others, key=lambda f: others[f].value)
    owner: dict[str, Fund] = dict.fromkeys(LINE_FIELDS, main)
    if "经营" in sources:
        owner["operating"] = "经营"
    return owner


def _names(accounts: Mapping[int, AccountRows], codes: CodeTable) -> dict[str, str]:
    """Account names printed differently from the code table (the data file's `name` overrides)."""
    names: dict[str, str] = {}
    for number in (3, 2, 6):
        for row in accounts[number].rows:
            if len(row.code) == 7 and row.name and row.code not in names and not codes.name_matches(row.code, row.name):
                names[row.code] = row.name
    return names


def _class_totals(table: AccountRows, lines: Iterable[Line]) -> dict[str, Figure]:
    """公开06's 类 小计 that differ from the sum of their lines: the stated class totals of 五（二）."""
    sums: dict[str, Decimal] = {}
    for ln in lines:
        sums[ln.code[:3]] = sums.get(ln.code[:3], ZERO) + _value(ln.figures, "basic") + _value(ln.figures, "project")
    return {
        row.code: row.figures["total"]
        for row in table.rows
        if len(row.code) == 3 and "total" in row.figures and row.figures["total"].value != sums.get(row.code, ZERO)
    }


def _items(entries: Iterable[t.EconomicEntry], codes: CodeTable) -> tuple[Item, ...]:
    """The 款 entries of a block table as items (names kept only where they differ from the code table)."""
    items = []
    for e in entries:
        if len(e.code) != 5:
            continue
        name = "" if codes.economic.get(e.code) == e.name or not e.name else e.name
        items.append(Item(e.code, e.figure, name))
    return tuple(sorted(items, key=lambda i: i.code))


def _cross_checks(
    accounts: Mapping[int, AccountRows], detail05: AccountRows, detail07: AccountRows,
    basic: list[t.EconomicEntry], project: list[t.EconomicEntry],
) -> list[Finding]:
    """Figures imported from one table that another table states too: account lines of the appropriation
    funds (公开06, 10, 11, 12 against each other and 公开05) and economic items (公开08/09 against 07)."""
    c = _Collector()
    by_code05 = _by_code(detail05)
    for number, fund in ((6, "general_budget"), (10, "gov_fund"), (12, "state_capital"), (11, "state_capital")):
        for code, figures in _by_code(accounts[number]).items():
            for kind in ("basic", "project"):
                key = f"accounts[{code} {FISCAL[fund]}].{kind}"
                c.add(key, figures.get(kind))
                c.add(key, by_code05.get(code, {}).get(f"{fund}.{kind}"))
    for column, entries, name in (("basic", basic, "basic_expenditure.items"), ("project", project,
                                                                               "project_expenditure")):
        for e in entries:
            c.add(f"{name}[{e.code}]", e.figure)
        for row in detail07.rows:
            if column in row.figures and any(e.code == row.code for e in entries):
                c.add(f"{name}[{row.code}]", row.figures[column])
    return c.findings


def _class_check(
    rows: Iterable[tuple[str, Figure]], lines: Iterable[Line], stated: Mapping[str, Figure], codes: CodeTable
) -> list[Finding]:
    """公开01表's 类 rows against the account lines imported from the other tables (stated 一般公共预算
    class totals in place of their lines' sum, as the document computes them)."""
    sums: dict[str, Decimal] = {}
    for ln in lines:
        if ln.fund == "一般公共预算" and ln.code[:3] in stated:
            continue
        sums[ln.code[:3]] = sums.get(ln.code[:3], ZERO) + _actual(ln)
    for code, figure in stated.items():
        sums[code] = sums.get(code, ZERO) + figure.value
    by_name = {name: code for code, name in codes.functional.items() if len(code) == 3}
    findings = []
    for label, figure in rows:
        class_code = by_name.get(label)
        if class_code is not None and figure.value != sums.get(class_code, ZERO):
            message = (f"{figure.where} {label} 为 {money_table(figure.value)}，"
                       f"其他公开表各科目合计 {money_table(sums.get(class_code, ZERO))}，应相同")
            findings.append(Finding(ERROR, RULE, message, (f"公开01表.{class_code}",), (figure.value,)))
    return findings


def _actual(line: Line) -> Decimal:
    return total(f.value for k, f in line.figures.items() if k in LINE_FIELDS)


def _project_total_check(table06: AccountRows, footer: Mapping[str, Figure]) -> list[Finding]:
    """公开09's 项目支出合计 against 公开06's 合计 项目支出."""
    c = _Collector()
    c.add("general_budget.project", table06.total.get("project"))
    c.add("general_budget.project", footer.get("项目支出合计"))
    return c.findings


def _item_checks(basic: list[t.EconomicEntry], project: list[t.EconomicEntry]) -> list[Finding]:
    """Class rows of 公开08/09 that are not the sum of their items."""
    findings = []
    for entries in (basic, project):
        for e in entries:
            if len(e.code) == 3:
                parts = total(i.figure.value for i in entries if len(i.code) == 5 and i.code.startswith(e.code))
                if parts != e.figure.value:
                    stated = money_table(e.figure.value)
                    message = f"{e.figure.where}：{e.code} 为 {stated}，其下各款合计 {money_table(parts)}"
                    findings.append(Finding(NOTICE, RULE, message, (e.code,)))
    return findings
