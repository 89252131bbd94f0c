"""The 13 公开表 built from the example: frame, totals equal to the model's, roll-ups, empty-table notes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import support
from juesuan_pdf.compose.numbers import money_table
from juesuan_pdf.compose.parts import tables_part
from juesuan_pdf.compose.sichuan import SICHUAN_2023
from juesuan_pdf.compose.tables import (
    TABLES,
    _rows,
    t01_income_expenditure,
    t06_general_budget,
    t08_basic,
    t10_gov_fund,
    t12_state_capital,
    t13_sangong,
)
from juesuan_pdf.doc import Heading, Para, Table
from juesuan_pdf.load import load
from juesuan_pdf.model.accounts import load_code_table
from juesuan_pdf.model.finance import AccountLine, GeneralBudget, Sangong, SangongAmounts
from juesuan_pdf.model.report import Report

EXAMPLE = Path(__file__).parents[2] / "examples" / "zhaohua-renshe-2023" / "report.toml"
REFERENCE = support.REFERENCE


@pytest.fixture(scope="module")
def report() -> Report:
    return load(EXAMPLE)


def _cells(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.body_rows]


def _row(table: Table, first: str) -> list[str]:
    """The texts of the first body row whose first cell is `first`."""
    return next(row for row in _cells(table) if row[0] == first)


def _money(text: str) -> Decimal:
    return Decimal(text) if text else Decimal(0)


# ------------------------------------------------------------------------------------------------ frame
@pytest.mark.parametrize("module", TABLES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_frame(report: Report, module: object) -> None:
    table = module.build(report, SICHUAN_2023)  # type: ignore[attr-defined]
    number = module.NUMBER  # type: ignore[attr-defined]
    assert table.form_no == f"公开{number:02d}表"
    assert table.caption_left == "部门：广元市昭化区人力资源和社会保障局"
    assert table.caption_right == "金额单位：万元"
    assert table.outline_text == f"{_rows.cn_number(number)}、{table.title}"
    assert table.notes and all(n.startswith("注：") for n in table.notes)
    assert table.valign == "middle"  # a tall row centres its name and its figures alike
    width = sum(c.weight >= 0 for c in table.columns)
    for row in table.header_rows[-1:] + table.body_rows:
        assert sum(c.colspan for c in row) == width, (table.form_no, row)
    for row in table.body_rows:
        for cell in row:
            if cell.kind == "money" and cell.text:
                assert cell.text == money_table(Decimal(cell.text))
                assert cell.resolved_align == "right"


def test_numbers_are_ordered_and_titles_match_the_reference() -> None:
    assert [m.NUMBER for m in TABLES] == list(range(1, 14))
    wanted = [
        "一、收入支出决算总表", "二、收入决算表", "三、支出决算表", "四、财政拨款收入支出决算总表",
        "五、财政拨款支出决算明细表", "六、一般公共预算财政拨款支出决算表", "七、一般公共预算财政拨款支出决算明细表",
        "八、一般公共预算财政拨款基本支出决算表", "九、一般公共预算财政拨款项目支出决算表",
        "十、政府性基金预算财政拨款收入支出决算表", "十一、国有资本经营预算财政拨款收入支出决算表",
        "十二、国有资本经营预算财政拨款支出决算表", "十三、财政拨款“三公”经费支出决算表",
    ]  # fmt: skip
    assert tables_part.titles(SICHUAN_2023) == wanted
    if REFERENCE.exists():
        lines = {ln.strip() for ln in REFERENCE.read_text(encoding="utf-8").splitlines()[2169:2187]}
        assert set(wanted) <= lines


def test_part_blocks(report: Report) -> None:
    blocks = tables_part.build(report, SICHUAN_2023)
    assert isinstance(blocks[0], Heading) and blocks[0].level == 0 and blocks[0].text == "第五部分 附表"
    paras = [b.text for b in blocks if isinstance(b, Para)]
    assert paras == tables_part.titles(SICHUAN_2023)
    tables = [b for b in blocks if isinstance(b, Table)]
    assert [t.form_no for t in tables] == [f"公开{n:02d}表" for n in range(1, 14)]
    assert len({t.key for t in tables}) == 13


# ------------------------------------------------------------------------------------------------ totals = model
def test_t01_totals_equal_the_model(report: Report) -> None:
    table = t01_income_expenditure.build(report, SICHUAN_2023)
    amounts = t01_income_expenditure.amounts(table.body_rows)
    assert amounts["总计"] == money_table(report.income_grand_total) == "4454.96"
    assert _row(table, "总计")[5] == money_table(report.expenditure_grand_total)
    assert amounts["本年收入合计"] == money_table(report.income.amount)
    assert amounts["本年支出合计"] == money_table(report.expenditure.amount)
    assert amounts["一、一般公共预算财政拨款收入"] == "4454.96"
    assert amounts["八、社会保障和就业支出"] == "3943.86"


def test_t01_class_rows_add_up_to_expenditure(report: Report) -> None:
    table = t01_income_expenditure.build(report, SICHUAN_2023)
    classes = [row[5] for row in _cells(table) if row[3] and "、" in row[3] and row[3][0] != "本"]
    assert sum(_money(c) for c in classes) == report.expenditure.amount


def test_t06_class_rows_are_the_structure_sentence(report: Report) -> None:
    """公开06表 类 rows equal the amounts of 第二部分 五（二）."""
    table = t06_general_budget.build(report, SICHUAN_2023)
    rows = {row[0]: row for row in _cells(table)}
    for code, amount in report.general_budget_classes():
        assert rows[code][2] == money_table(amount)
    printed = {c: rows[c][2] for c in ("205", "206", "208", "210", "213", "221")}
    assert printed == {
        "205": "112.00", "206": "7.20", "208": "3943.86", "210": "34.48", "213": "283.10", "221": "74.32"
    }  # fmt: skip
    total = _row(table, "合计")
    assert total[1] == money_table(report.general_budget_total)
    assert total[2] == money_table(report.basic_expenditure.amount)


def test_t06_names_are_the_code_table_names(report: Report) -> None:
    table = t06_general_budget.build(report, SICHUAN_2023)
    rows = {row[0]: row[1] for row in _cells(table)}
    assert rows["2080101"] == "行政运行"
    assert rows["20801"] == "人力资源和社会保障管理事务"
    assert rows["208"] == "社会保障和就业支出"


def test_t08_totals_equal_the_basic_expenditure_sentence(report: Report) -> None:
    """公开08表 人员经费合计 / 公用经费合计 equal 第二部分 六."""
    table = t08_basic.build(report, SICHUAN_2023)
    footer = [c.text for c in t08_basic.footer_cells(table)]
    assert footer == ["人员经费合计", "969.97", "公用经费合计", "86.80"]
    assert footer[1] == money_table(report.basic_expenditure.personnel)
    assert footer[3] == money_table(report.basic_expenditure.public)
    cells = [c for row in _cells(table) for c in row]
    for item in report.basic_expenditure.items:
        i = cells.index(item.code)
        assert cells[i + 2] == money_table(item.amount)
    assert "其他交通费" in cells  # the data's own wording wins over the code table's 其他交通费用


def test_t13_is_the_sangong_figures(report: Report) -> None:
    """公开13表 equals 第二部分 七: budget 14.8, actual 9.41, all of it 公务接待费."""
    row = _cells(t13_sangong.build(report, SICHUAN_2023))[0]
    s = report.sangong
    assert row[0] == money_table(s.budget.amount) == "14.80"
    assert row[6] == money_table(s.actual.amount) == "9.41"
    assert row[11] == money_table(s.actual.reception)
    assert row[8] == money_table(s.actual.vehicles)


# ------------------------------------------------------------------------------------------------ roll-ups
def _tree_check(table: Table, first_money: int, tolerance_per_item: Decimal) -> None:
    rows = [r for r in _cells(table) if r[0].isdigit()]
    for row in rows:
        code = row[0]
        children = [r for r in rows if len(r[0]) == len(code) + 2 and r[0].startswith(code)]
        if not children:
            continue
        for col in range(first_money, len(row)):
            parent = _money(row[col])
            summed = sum((_money(c[col]) for c in children), Decimal(0))
            assert abs(parent - summed) <= tolerance_per_item * len(children) * 4, (code, col, parent, summed)


@pytest.mark.parametrize("number", [2, 3, 5, 6])
def test_rollups_on_the_example(report: Report, number: int) -> None:
    # The example's 208 class total (3943.86) is 0.02 below its 项 (K2): a 尾差 within 0.005 per 项.
    _tree_check(TABLES[number - 1].build(report, SICHUAN_2023), 2, Decimal("0.005"))


def _synthetic(report: Report) -> Report:
    lines = (
        AccountLine("2080101", basic=Decimal("10.10"), project=Decimal("1.01")),
        AccountLine("2080199", project=Decimal("2.22")),
        AccountLine("2080505", basic=Decimal("3.33")),
        AccountLine("2210201", basic=Decimal("4.44")),
        AccountLine("2120899", fund="政府性基金", project=Decimal("5.55"), carry_in=Decimal("1")),
    )
    return attrs.evolve(report, accounts=lines, general_budget=GeneralBudget())


@pytest.mark.parametrize("number", [2, 3, 5, 6, 10])
def test_rollups_exact_on_synthetic_data(report: Report, number: int) -> None:
    synthetic = _synthetic(report)
    if number == 10 and not _rows.code_table(synthetic).is_valid_functional("2120899"):
        pytest.skip("2120899 not in the code table")
    table = TABLES[number - 1].build(synthetic, SICHUAN_2023)
    _tree_check(table, 2, Decimal(0))


def test_synthetic_general_budget_sums(report: Report) -> None:
    synthetic = attrs.evolve(_synthetic(report), accounts=_synthetic(report).accounts[:4])
    rows = {r[0]: r for r in _cells(t06_general_budget.build(synthetic, SICHUAN_2023))}
    assert rows["208"][2] == "16.66"
    assert rows["20801"][2] == "13.33"
    assert rows["221"][2] == "4.44"
    assert rows["2080199"][3] == ""  # zero 基本支出 printed blank
    total = _row(t06_general_budget.build(synthetic, SICHUAN_2023), "合计")[1]
    assert total == money_table(synthetic.general_budget_total)


# ------------------------------------------------------------------------------------------------ empty tables
@pytest.mark.parametrize(
    ("number", "words"),
    [
        (10, "注：本单位2023年度没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，"
             "故本表无数据。"),
        (11, "注：本单位2023年度没有国有资本经营预算财政拨款收入，也没有使用国有资本经营预算财政拨款安排的支出，"
             "故本表无数据。"),
        (12, "注：本单位2023年度没有使用国有资本经营预算财政拨款安排的支出，故本表无数据。"),
    ],
)  # fmt: skip
def test_empty_tables_have_their_note(report: Report, number: int, words: str) -> None:
    table = TABLES[number - 1].build(report, SICHUAN_2023)
    assert table.notes == (words,)
    assert all(c.text == "" for c in table.body_rows[0][1:])  # 合计 row printed blank
    assert len(table.body_rows) == 1


def test_sangong_empty_note(report: Report) -> None:
    none = attrs.evolve(report, sangong=Sangong(budget=SangongAmounts(), actual=SangongAmounts()))
    table = t13_sangong.build(none, SICHUAN_2023)
    assert table.notes == ("注：本单位2023年度没有使用财政拨款安排的“三公”经费，故本表无数据。",)


def test_gov_fund_table_with_figures(report: Report) -> None:
    lines = (*report.accounts, AccountLine("2080101", fund="政府性基金", project=Decimal("5.5")))
    with_fund = attrs.evolve(report, accounts=lines)
    table = t10_gov_fund.build(with_fund, SICHUAN_2023)
    assert table.notes[0].startswith("注：本表反映")
    total = _row(table, "合计")
    assert total[3] == "5.50" and total[5] == "5.50"
    assert [r[0] for r in _cells(table)[1:]] == ["208", "20801", "2080101"]
    assert t12_state_capital.build(with_fund, SICHUAN_2023).notes[0].endswith("故本表无数据。")


def test_landscape_for_wide_tables(report: Report) -> None:
    wide = {m.NUMBER for m in TABLES if m.build(report, SICHUAN_2023).landscape}
    assert wide == {2, 3, 4, 5, 8, 9, 10, 11, 13}


# ------------------------------------------------------------------------------------------------ property
_ITEMS = sorted(c for c in load_code_table(2023).functional if len(c) == 7)
_AMOUNTS = st.decimals(min_value=0, max_value=99999, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_ITEMS), _AMOUNTS, _AMOUNTS), min_size=1, max_size=12))
def test_account_tree_rolls_up_exactly(lines: list[tuple[str, Decimal, Decimal]]) -> None:
    report = load(EXAMPLE)
    accounts = tuple(AccountLine(code, basic=b, project=p) for code, b, p in lines)
    synthetic = attrs.evolve(report, accounts=accounts, general_budget=GeneralBudget())
    rows = _rows.account_tree(synthetic, accounts, t06_general_budget.line_values)
    by_code = {r.code: r.values for r in rows}
    assert [r.code for r in rows] == sorted(by_code, key=lambda c: (c[:3], c[:5], c))
    for code, values in by_code.items():
        children = [v for c, v in by_code.items() if len(c) == len(code) + 2 and c.startswith(code)]
        if children:
            assert values == tuple(sum(col, Decimal(0)) for col in zip(*children, strict=True))
    classes = sum((v[0] for c, v in by_code.items() if len(c) == 3), Decimal(0))
    assert classes == sum((b + p for _, b, p in lines), Decimal(0)) == synthetic.general_budget_total
