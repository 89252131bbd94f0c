"""What each 公开表 states, read cell by cell into figures keyed by their place in the data file.

Each `read_NN` takes a located table and returns its figures; `extract.py` combines them. Column words
follow the official forms (DOMAIN.md §3, TABLES.md), matched loosely: a column is known by the words
of its header, not by its position.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from juesuan_pdf.workbook.accounts import AccountRows, read_account_rows
from juesuan_pdf.workbook.cells import Figure, amount, code_text, is_code
from juesuan_pdf.workbook.columns import Spec, columns_with, find_columns
from juesuan_pdf.workbook.locate import Located
from juesuan_pdf.workbook.read import WorkbookError, normalise

FUND_WORDS = {"general_budget": "一般公共预算", "gov_fund": "政府性基金", "state_capital": "国有资本经营"}
INCOME_LABELS = {
    "一般公共预算财政拨款收入": "general_budget",
    "政府性基金预算财政拨款收入": "gov_fund",
    "国有资本经营预算财政拨款收入": "state_capital",
    "上级补助收入": "higher_subsidy",
    "事业收入": "business",
    "经营收入": "operating",
    "附属单位上缴收入": "affiliated",
    "其他收入": "other",
}
_ENUM_RE = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|其中[：:])")


def plain_label(text: str) -> str:
    """A row label without spaces, leading `一、` numbering or `其中：`."""
    return _ENUM_RE.sub("", normalise(text))


@attrs.frozen
class Labelled:
    """Amounts read beside row labels on a two-sided 总表 (公开01/04): (label, column field) → figure."""

    figures: Mapping[tuple[str, str], Figure]


def read_sides(table: Located, specs: tuple[Spec, ...]) -> list[tuple[str, dict[str, Figure]]]:
    """Every labelled row of each side of a 总表: (plain label, field → figure), top to bottom per side."""
    label_cols = columns_with(table, ("项目",))
    if not label_cols:
        raise WorkbookError(f"{table.label}：表头中找不到“项目”列")
    found: list[tuple[str, dict[str, Figure]]] = []
    for i, col in enumerate(label_cols):
        end = label_cols[i + 1] if i + 1 < len(label_cols) else len(table.paths)
        side = [c for c in range(col + 1, end) if "行次" not in table.paths[c]]
        columns = find_columns(table, [attrs.evolve(s, required=False) for s in specs], side)
        for r in table.body_rows():
            text = table.sheet.text(r, col)
            if not text or text.startswith(("注：", "注:")):
                continue
            figures = {f: fig for f, c in columns.items() if c in side and (fig := amount(table, r, c)) is not None}
            found.append((plain_label(text), figures))
    return found


# ------------------------------------------------------------------------------------------------ 公开01
def class_rows_01(table: Located) -> list[tuple[str, Figure]]:
    """(plain label, amount) of every labelled row of 公开01表 (the expenditure side's 类 rows among them)."""
    rows = read_sides(table, (Spec("amount", ("金额",)), Spec("amount", ())))
    return [(label, figures["amount"]) for label, figures in rows if "amount" in figures]


def read_01(table: Located) -> dict[str, Figure]:
    """Income by source, 本年收入/支出合计 and the balances of 公开01表."""
    rows = read_sides(table, (Spec("amount", ("金额",)), Spec("amount", ())))
    targets = {label: f"income.{field}" for label, field in INCOME_LABELS.items()}
    targets |= {
        "本年收入合计": "income.total",
        "使用非财政拨款结余": "balances.non_fiscal_surplus_used",
        "年初结转和结余": "balances.carry_in",
        "本年支出合计": "expenditure.total",
        "结余分配": "balances.distribution",
        "年末结转和结余": "balances.carry_out",
    }
    out: dict[str, Figure] = {}
    for label, figures in rows:
        key = _target(label, targets)
        if key is not None and "amount" in figures:
            out.setdefault(key, figures["amount"])
    return out


def _target(label: str, targets: Mapping[str, str]) -> str | None:
    """The key of the longest known label `label` starts with (`使用非财政拨款结余（含专用结余）` counts)."""
    known = [t for t in targets if label.startswith(t)]
    return targets[max(known, key=len)] if known else None


# ------------------------------------------------------------------------------------------------ 公开04
_FUND_COLUMNS = tuple(Spec(f, (w,)) for f, w in FUND_WORDS.items())


def read_04(table: Located) -> dict[str, Figure]:
    """Appropriation income by fund, carry-overs by fund and 一般公共预算 expenditure of 公开04表."""
    rows = read_sides(table, (Spec("amount", ("金额",)), *_FUND_COLUMNS, Spec("amount", ("合计",))))
    out: dict[str, Figure] = {}
    under: str | None = None
    for label, figures in rows:
        fund = next((f for f, w in FUND_WORDS.items() if label.startswith(w)), None)
        if label.startswith("年初财政拨款结转和结余"):
            under = "fiscal.carry_in"
        elif label.startswith("年末财政拨款结转和结余"):
            under = "fiscal.carry_out"
            for f in FUND_WORDS:
                if f in figures:
                    out.setdefault(f"fiscal.carry_out.{f}", figures[f])
        elif label == "本年支出合计" and "general_budget" in figures:
            out.setdefault("general_budget.total", figures["general_budget"])
        elif fund is not None and "amount" in figures:
            key = f"{under}.{fund}" if under else f"income.{fund}"
            out.setdefault(key, figures["amount"])
        elif label in ("本年收入合计", "总计"):
            under = None if label == "总计" else under
    return out


# ------------------------------------------------------------------------------------------------ account tables
OTHER_INCOME_FIELDS = ("higher_subsidy", "business", "operating", "affiliated", "other")
INCOME_COLUMNS = (
    Spec("total", ("本年收入合计",)),
    Spec("fiscal", ("财政拨款收入",)),
    Spec("higher_subsidy", ("上级补助收入",)),
    Spec("business", ("事业收入",)),
    Spec("operating", ("经营收入",)),
    Spec("affiliated", ("附属单位上缴收入",)),
    Spec("other", ("其他收入",)),
)
EXPENDITURE_COLUMNS = (
    Spec("total", (), ("本年支出合计", "合计")),
    Spec("basic", (), ("基本支出",)),
    Spec("project", (), ("项目支出",)),
    Spec("remit_upper", (), ("上缴上级支出",)),
    Spec("operating", (), ("经营支出",)),
    Spec("subsidy_affiliated", (), ("对附属单位补助支出",)),
)
DETAIL_COLUMNS = (
    Spec("total", (), ("合计",), avoid=tuple(FUND_WORDS.values())),
    *(
        Spec(f"{fund}.{kind}", (words,), (label,))
        for fund, words in FUND_WORDS.items()
        for kind, label in (("total", "小计"), ("basic", "基本支出"), ("project", "项目支出"))
    ),
)
SPLIT_COLUMNS = (
    Spec("total", (), ("小计", "合计")),
    Spec("basic", (), ("基本支出",)),
    Spec("project", (), ("项目支出",)),
)
FLOW_COLUMNS = (
    Spec("carry_in", ("年初结转和结余",)),
    Spec("income", ("本年收入",)),
    Spec("total", ("本年支出",), ("小计", "合计")),
    Spec("basic", (), ("基本支出",)),
    Spec("project", (), ("项目支出",)),
    Spec("carry_out", ("年末结转和结余",)),
)
ACCOUNT_COLUMNS: dict[int, tuple[Spec, ...]] = {
    2: INCOME_COLUMNS,
    3: EXPENDITURE_COLUMNS,
    5: DETAIL_COLUMNS,
    6: SPLIT_COLUMNS,
    10: FLOW_COLUMNS,
    11: FLOW_COLUMNS,
    12: SPLIT_COLUMNS,
}


def read_accounts(table: Located) -> AccountRows:
    """The 合计 row and the account rows of an account table (公开02/03/05/06/10/11/12)."""
    return read_account_rows(table, find_columns(table, ACCOUNT_COLUMNS[table.number]))


# ------------------------------------------------------------------------------------------------ 公开07/08/09
@attrs.frozen
class EconomicEntry:
    """An economic 类 or 款 with its amount and name as printed."""

    code: str
    name: str
    figure: Figure


def read_blocks(table: Located) -> tuple[list[EconomicEntry], dict[str, Figure]]:
    """(entries, footer totals) of a side-by-side block table (公开08/09): 科目编码 · 科目名称 · 决算数 blocks,
    and the amounts beside 人员经费合计 / 公用经费合计 / 项目支出合计."""
    code_cols = columns_with(table, ("科目编码", "编码"))
    amount_cols = columns_with(table, ("决算数", "金额", "合计"))
    if not code_cols or not amount_cols:
        raise WorkbookError(f"{table.label}：表头中找不到“科目编码”“决算数”列")
    entries: list[EconomicEntry] = []
    footer: dict[str, Figure] = {}
    for r in table.body_rows():
        for c in range(table.sheet.width):
            text = table.sheet.text(r, c)
            if text.endswith("合计") and text not in footer:
                col = next((a for a in range(c + 1, table.sheet.width)
                            if table.sheet.value(r, a) is not None and table.sheet.text(r, a) != text), None)
                if col is not None and (fig := amount(table, r, col)) is not None:
                    footer[text] = fig
        for code_col in code_cols:
            code = code_text(table.sheet.value(r, code_col))
            col = next((a for a in amount_cols if a > code_col), None)
            if not is_code(code) or col is None:
                continue
            fig = amount(table, r, col)
            if fig is not None:
                entries.append(EconomicEntry(code, table.sheet.text(r, code_col + 1), fig))
    return entries, footer


def read_07(table: Located) -> AccountRows:
    """The 合计 row and economic rows of 公开07表 (合计 · 基本支出 · 项目支出 by economic code)."""
    return read_account_rows(table, find_columns(table, SPLIT_COLUMNS))


# ------------------------------------------------------------------------------------------------ 公开13
SANGONG_PREFIXES = (
    ("公务用车购置及", None),  # the 小计 of purchase and running costs: derived
    ("因公出国", "abroad"),
    ("公务用车购置", "vehicle_purchase"),
    ("公务用车运行", "vehicle_running"),
    ("公务接待", "reception"),
)


def sangong_field(word: str) -> str | None:
    """The 三公 component a column header names (因公出国（境）费, 公务用车运行维护费 …), None for totals."""
    return next((field for prefix, field in SANGONG_PREFIXES if word.startswith(prefix)), None)


def read_13(table: Located) -> dict[str, Figure]:
    """三公 budget and actual by component: from the one data row under 预算数 / 决算数 column groups, or,
    in the transposed layout, from the rows labelled 预算数 and 决算数."""
    out: dict[str, Figure] = {}
    for r in table.body_rows():
        label = next((table.sheet.text(r, c) for c in range(table.sheet.width) if table.sheet.text(r, c)), "")
        if label.startswith(("注：", "注:")):
            break
        row_group = _group(label)
        for c, path in enumerate(table.paths):
            group = _group("".join(path[:-1])) or row_group
            field = sangong_field(path[-1]) if path else None
            if group and field and (fig := amount(table, r, c)) is not None:
                out.setdefault(f"sangong.{group}.{field}", fig)
    return out


def _group(text: str) -> str:
    return "budget" if "预算" in text else "actual" if "决算" in text else ""
