"""Start next year's data file from this year's: this year's figures become the prior-year figures.

The file is edited as text, line by line, so the clerk's comments and layout survive: only the values of
`year`, the `prior` keys and the change reasons are rewritten; tables the file lacks are appended.
"""

from __future__ import annotations

from decimal import Decimal

from juesuan_pdf.load.paths import Path, line_index
from juesuan_pdf.model.report import Report

Value = int | Decimal | str


def updates(report: Report) -> dict[Path, Value]:
    """The values next year's file starts with, by data path."""
    actual = report.sangong.actual
    values: dict[Path, Value] = {
        ("year",): report.year + 1,
        ("totals", "prior"): report.income_grand_total,
        ("totals", "reason"): "",
        ("fiscal", "comparison", "prior"): report.fiscal_income_grand_total,
        ("fiscal", "comparison", "reason"): "",
        ("general_budget", "comparison", "prior"): report.general_budget_total,
        ("general_budget", "comparison", "reason"): "",
        ("running_cost", "prior"): report.running_cost.amount,
        ("running_cost", "reason"): "",
        ("sangong", "reason"): "",
    }
    for name in ("abroad", "vehicle_purchase", "vehicle_running", "reception"):
        values[("sangong", "prior", name)] = getattr(actual, name)
    values.update(_grand_totals(report))
    for key, comparison in ((("totals",), report.totals), (("fiscal", "comparison"), report.fiscal.comparison)):
        if (*key, "prior_income") in values and comparison.prior is None:
            del values[(*key, "prior")]  # given apart: no common figure to add
    return values


def _grand_totals(report: Report) -> dict[Path, Value]:
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
    values: dict[Path, Value] = {}
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


def toml_value(value: Value) -> str:
    """`value` written as TOML."""
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)


def split_value(line: str) -> tuple[str, str, str]:
    """A `key = value  # comment` line as (head up to and including '= ', value, trailing comment)."""
    head_end = line.index("=") + 1
    while head_end < len(line) and line[head_end] == " ":
        head_end += 1
    quote: str | None = None
    for i in range(head_end, len(line)):
        ch = line[i]
        if quote:
            if ch == "\\" and quote == '"':
                continue
            if ch == quote and line[i - 1] != "\\":
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            value = line[head_end:i].rstrip()
            return line[:head_end], value, line[head_end + len(value) : ]
    return line[:head_end], line[head_end:].rstrip(), ""


def _declared_none(lines: list[str], index: dict[Path, int], path: Path) -> bool:
    """Whether a section above `path` is written as the text “无” (see `load.given`)."""
    for k in range(1, len(path)):
        number = index.get(path[:k])
        line = lines[number - 1] if number is not None else ""
        if "=" in line and not line.lstrip().startswith("["):
            _, value, _ = split_value(line)
            if value.strip() in ('"无"', "'无'"):
                return True
    return False


def roll_over(text: str, report: Report) -> str:
    """Next year's data file: `text` with this year's figures moved into the prior-year fields."""
    # Lines as TOML counts them (and line_index): split at \n only, not at U+2028 & co. inside strings.
    lines = [line.removesuffix("\r") for line in text.removesuffix("\n").split("\n")]
    index = line_index(text)
    missing: dict[Path, list[str]] = {}
    for path, value in updates(report).items():
        if _declared_none(lines, index, path):
            continue  # `sangong = "无"`: the section stays “无” next year
        number = index.get(path)
        if number is None:
            missing.setdefault(path[:-1], []).append(f"{path[-1]} = {toml_value(value)}")
            continue
        head, _, comment = split_value(lines[number - 1])
        if path[-1] != "reason" and path != ("year",):
            # The old comment explains the old figure; say where the new one came from instead.
            comment = f"   # 由{report.year}年度决算转入"
        lines[number - 1] = f"{head}{toml_value(value)}{comment}"
    for path in dropped(report):
        number = index.get(path)
        if number is not None:
            lines[number - 1] = f"# {lines[number - 1].strip()}   # 上年公开文本的变动率，本年不再适用"
    # Keys missing from an existing table go right under its header (from the bottom up, so line
    # numbers stay valid); tables missing altogether are appended.
    for table, keys in sorted(missing.items(), key=lambda item: -index.get(item[0], 0)):
        header = index.get(table)
        if header is not None:
            lines[header:header] = keys
        else:
            lines += ["", f"[{'.'.join(str(p) for p in table)}]", *keys]
    return "\n".join(lines) + "\n"
