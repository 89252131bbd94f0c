"""import-tables: figures from workbooks in the layouts real exports use, written into the data file."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.workbook.conftest import EXAMPLES, FIXTURES, SYNTHETIC, load_report
from tests.workbook.strip import strip_table_figures
from tests.workbook.variants import Layout, make_workbook

from juesuan_pdf.check import check
from juesuan_pdf.cli import main
from juesuan_pdf.compose import compose
from juesuan_pdf.model.report import Report
from juesuan_pdf.workbook import cells
from juesuan_pdf.workbook.cells import parse_amount
from juesuan_pdf.workbook.export import export_workbook
from juesuan_pdf.workbook.importer import import_tables
from juesuan_pdf.workbook.read import WorkbookError

LAYOUTS = {
    "ours": Layout(),
    "split-codes": Layout(split_codes=True),
    "yuan-as-text": Layout(yuan=True, text_numbers=True),
    "shifted-unmerged-renamed": Layout(shift=(2, 1), merges=False, sheet_names=False, reverse_sheets=True),
    "split-unmerged-yuan": Layout(split_codes=True, merges=False, yuan=True),
    "numeric-codes-with-index-sheet": Layout(numeric_codes=True, index_sheet=True),
    "transposed-sangong": Layout(transposed_sangong=True, merges=False),
    "code-and-name-in-one-column": Layout(combined_codes=True),
}


def reimport(workbook: Path, data: Path, tmp_path: Path) -> tuple[Report, Report, object]:
    """(original report, report of the stripped copy with the workbook imported, the import result)."""
    result = import_tables(workbook, strip_table_figures(data.read_text(encoding="utf-8")))
    out = tmp_path / "report.toml"
    out.write_text(result.text, encoding="utf-8")
    return load_report(data), load_report(out), result


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_round_trip_gives_back_every_figure(example: Path, tmp_path: Path) -> None:
    """export → import into a copy without table figures → the same document, figure for figure."""
    workbook = tmp_path / "tables.xlsx"
    workbook.write_bytes(export_workbook(load_report(example)))
    original, imported, result = reimport(workbook, example, tmp_path)
    assert not [f for f in result.findings if f.level == "错误"]  # type: ignore[attr-defined]
    assert compose(imported) == compose(original)
    assert _verdicts(imported) == _verdicts(original)  # validates as the original does
    assert imported.income == original.income
    assert imported.expenditure == original.expenditure
    assert imported.sangong == original.sangong
    # where several non-appropriation sources share a code, the tables show only their sum (a notice says so)
    shared = {f.paths[0][9:-1] for f in result.findings if f.paths and f.paths[0].startswith("accounts[")}  # type: ignore[attr-defined]
    assert _lines(imported, shared) == _lines(original, shared)


def _lines(report: Report, shared: set[str]) -> list[object]:
    """Account lines in (code, fund) order; lines of a code in `shared`: per code, the sum of each kind."""
    exact = sorted((a for a in report.accounts if a.code not in shared), key=_line_key)
    summed = [
        (code, *(sum((getattr(a, k) for a in report.accounts if a.code == code), Decimal(0))
                 for k in ("basic", "project", "remit_upper", "operating", "subsidy_affiliated", "income_amount")))
        for code in sorted(shared)
    ]
    return [*exact, *summed]


def _verdicts(report: Report) -> list[tuple[str, str, str]]:
    return sorted((f.level, f.rule, f.message) for f in check(report))


def _line_key(line: object) -> tuple[str, str]:
    return line.code, line.fund  # type: ignore[attr-defined]


@pytest.mark.parametrize("layout", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_layouts_of_the_decision_software(layout: Layout, synthetic: Report, tmp_path: Path) -> None:
    workbook = tmp_path / "tables.xlsx"
    workbook.write_bytes(make_workbook(synthetic, layout))
    original, imported, result = reimport(workbook, SYNTHETIC, tmp_path)
    assert compose(imported) == compose(original)
    assert set(result.units.values()) == {"元" if layout.yuan else "万元"}  # type: ignore[attr-defined]


@pytest.mark.parametrize("fixture", ["synthetic-split-yuan.xls", "synthetic-plain.ods"])
def test_legacy_xls_and_ods(fixture: str, tmp_path: Path) -> None:
    original, imported, _ = reimport(FIXTURES / fixture, SYNTHETIC, tmp_path)
    assert compose(imported) == compose(original)


def test_import_into_the_same_figures_changes_nothing(synthetic: Report, tmp_path: Path) -> None:
    workbook = tmp_path / "tables.xlsx"
    workbook.write_bytes(make_workbook(synthetic, Layout(split_codes=True)))
    text = SYNTHETIC.read_text(encoding="utf-8")
    result = import_tables(workbook, text)
    assert result.text == text and result.written == 0 and not result.findings


def test_comments_and_text_are_kept(synthetic: Report, tmp_path: Path) -> None:
    workbook = tmp_path / "tables.xlsx"
    workbook.write_bytes(make_workbook(synthetic))
    stripped = strip_table_figures(SYNTHETIC.read_text(encoding="utf-8"))
    result = import_tables(workbook, stripped)
    for line in stripped.splitlines():
        assert line in result.text.splitlines()


def test_a_figure_the_file_states_differently_is_a_finding(synthetic: Report, tmp_path: Path) -> None:
    workbook = tmp_path / "tables.xlsx"
    workbook.write_bytes(make_workbook(synthetic))
    text = SYNTHETIC.read_text(encoding="utf-8").replace("business = 800", "business = 801", 1)
    result = import_tables(workbook, text)
    messages = [f.render() for f in result.findings]
    assert any("income.business" in m and "公开01表 C11 为 800.00" in m and "801" in m for m in messages), messages
    assert "business = 801" in result.text  # never a silent overwrite
    replaced = import_tables(workbook, text, replace=True)
    assert "business = 800" in replaced.text and not replaced.findings


def test_tables_that_disagree_name_both_cells(synthetic: Report, tmp_path: Path) -> None:
    """公开04表 states 一般公共预算财政拨款收入 as 12001 where 公开01表 says 12000."""
    workbook = tmp_path / "tables.xlsx"
    workbook.write_bytes(make_workbook(synthetic, Layout(corrupt=(4, 0, 2, "12001"))))
    result = import_tables(workbook, SYNTHETIC.read_text(encoding="utf-8"))
    (finding,) = result.findings
    assert finding.paths == ("income.general_budget",)
    assert "公开01表 C7" in finding.message and "公开04表 C7" in finding.message


def test_a_missing_table_is_named(synthetic: Report, tmp_path: Path) -> None:
    workbook = tmp_path / "tables.xlsx"
    workbook.write_bytes(make_workbook(synthetic, Layout(drop=(7,))))
    with pytest.raises(WorkbookError, match="公开07表（一般公共预算财政拨款支出决算明细表）"):
        import_tables(workbook, SYNTHETIC.read_text(encoding="utf-8"))


@pytest.mark.parametrize("argv_extra", [[], ["--replace"]])
def test_an_unreadable_workbook_leaves_the_data_file_untouched(
    argv_extra: list[str], synthetic: Report, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = tmp_path / "tables.xlsx"
    workbook.write_bytes(make_workbook(synthetic, Layout(corrupt=(3, 2, 4, "约五十"))))
    data = tmp_path / "report.toml"
    data.write_bytes(SYNTHETIC.read_bytes())
    before = data.read_bytes()
    assert main(["import-tables", str(workbook), "--into", str(data), *argv_extra]) == 2
    assert data.read_bytes() == before
    assert list(tmp_path.iterdir()) == sorted([workbook, data]) or set(tmp_path.iterdir()) == {workbook, data}
    err = capsys.readouterr().out  # all messages on one stream
    assert "公开03表" in err and "E" in err and "约五十" in err


def test_not_a_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bogus = tmp_path / "tables.xlsx"
    bogus.write_bytes(b"not a zip file")
    data = tmp_path / "report.toml"
    data.write_bytes(SYNTHETIC.read_bytes())
    assert main(["import-tables", str(bogus), "--into", str(data)]) == 2
    assert data.read_bytes() == SYNTHETIC.read_bytes()
    assert "无法读取" in capsys.readouterr().out


def test_cli_round_trip_writes_output_and_says_the_unit(synthetic: Report, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    workbook = tmp_path / "tables.xlsx"
    assert main(["export-tables", str(SYNTHETIC), "-o", str(workbook)]) == 0
    stripped = tmp_path / "stripped.toml"
    stripped.write_text(strip_table_figures(SYNTHETIC.read_text(encoding="utf-8")), encoding="utf-8")
    before = stripped.read_bytes()
    out = tmp_path / "new.toml"
    assert main(["import-tables", str(workbook), "--into", str(stripped), "-o", str(out)]) == 0
    assert stripped.read_bytes() == before
    assert "万元" in capsys.readouterr().out
    assert main(["validate", str(out)]) == 0


def test_cli_imports_into_a_file_saved_with_a_byte_order_mark(tmp_path: Path) -> None:
    """Notepad saves UTF-8 with a BOM; the loader accepts such a file, so the import does too."""
    workbook = tmp_path / "tables.xlsx"
    assert main(["export-tables", str(SYNTHETIC), "-o", str(workbook)]) == 0
    data = tmp_path / "bom.toml"
    data.write_bytes(b"\xef\xbb\xbf" + SYNTHETIC.read_bytes())
    out = tmp_path / "new.toml"
    assert main(["import-tables", str(workbook), "--into", str(data), "-o", str(out)]) == 0
    assert main(["validate", str(out)]) == 0


@given(st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=2))
def test_amounts_with_thousands_separators(value: Decimal) -> None:
    assert parse_amount(f"{value:,.2f}") == value
    assert parse_amount(float(value)) == value


def test_import_into_a_new_template_fills_every_table_figure(synthetic: Report, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """init → import-tables: what is left to fill is what the tables do not state (texts, prior years …)."""
    data = tmp_path / "report.toml"
    workbook = tmp_path / "tables.xlsx"
    assert main(["init", "-o", str(data), "--year", "2024"]) == 0
    workbook.write_bytes(make_workbook(synthetic, Layout(split_codes=True)))
    assert main(["import-tables", str(workbook), "--into", str(data)]) == 0
    capsys.readouterr()
    assert main(["validate", str(data)]) == 1
    todo = [line for line in capsys.readouterr().out.splitlines() if line.startswith("[错误] 待填写")]
    table_keys = ("income.", "expenditure.", "balances.", "fiscal.carry_", "general_budget.total",
                  "basic_expenditure.", "project_expenditure", "sangong.budget", "sangong.actual")
    assert todo and not [line for line in todo if any(f" {k}" in line for k in table_keys)]
    accounts = [line for line in todo if " accounts[" in line]
    assert {line.split("].")[1].split("（")[0] for line in accounts} <= {"budget", "explanation", "budget_note"}
    budgets = [line for line in accounts if "].budget（" in line]
    general = [a for a in synthetic.accounts if a.fund == "一般公共预算"]
    assert len(accounts) - len(budgets) == len(synthetic.accounts)  # each imported line: its explanation
    assert len(budgets) == len(general) < len(synthetic.accounts)  # a 全年预算数 only where there is one
    for entry in tomllib.loads(data.read_text(encoding="utf-8"))["accounts"]:
        assert ("budget" in entry) == (entry.get("fund", "一般公共预算") == "一般公共预算"), entry


@given(st.text(max_size=20))
def test_any_text_in_a_money_cell_is_a_number_a_blank_or_refused(text: str) -> None:
    """Never an exception other than the refusal the caller turns into a message naming the cell."""
    parsed = parse_amount(text)
    assert parsed is None or parsed is cells.BAD or (isinstance(parsed, Decimal) and parsed.is_finite())


STRESS = FIXTURES / "stress.toml"


def test_funds_and_kinds_the_examples_lack(tmp_path: Path) -> None:
    """国有资本经营 lines with carry-overs, 经营/附属单位上缴 sources, 上缴上级 and 对附属单位补助 spending,
    account and item names of their own, a stated class total: all come back."""
    report = load_report(STRESS)
    workbook = tmp_path / "tables.xlsx"
    workbook.write_bytes(make_workbook(report, Layout(split_codes=True, yuan=True)))
    original, imported, result = reimport(workbook, STRESS, tmp_path)
    assert compose(imported) == compose(original)
    by_key = {(a.code, a.fund): a for a in imported.accounts}
    assert by_key["2050299", "经营"].operating == Decimal("33.33")
    assert by_key["2050299", "其他"].project == Decimal("20")
    assert by_key["2130599", "国有资本经营"].carry_in == Decimal("8")
    assert imported.general_budget.class_totals == {"205": Decimal("10500.01")}
    (notice,) = result.findings  # type: ignore[attr-defined]
    assert "2050202" in notice.message and "事业、附属单位上缴" in notice.message
    again = import_tables(workbook, STRESS.read_text(encoding="utf-8"))
    assert again.text == STRESS.read_text(encoding="utf-8") and not again.findings


@pytest.mark.parametrize(("corrupt", "path", "cells"), [
    ((5, 3, 4, "451"), "accounts[2050101 一般公共预算].basic", ("公开06表 D10", "公开05表 E10")),
    ((7, 2, 3, "3201"), "basic_expenditure.items[30101]", ("公开08表 C7", "公开07表 D9")),
])
def test_account_and_item_figures_are_compared_across_tables(
    corrupt: tuple[int, int, int, str], path: str, cells: tuple[str, str], synthetic: Report, tmp_path: Path
) -> None:
    workbook = tmp_path / "tables.xlsx"
    workbook.write_bytes(make_workbook(synthetic, Layout(corrupt=corrupt)))
    (finding,) = import_tables(workbook, SYNTHETIC.read_text(encoding="utf-8")).findings
    assert finding.paths == (path,) and all(c in finding.message for c in cells)


def test_a_line_the_workbook_lacks_is_reported_and_replace_clears_it(synthetic: Report, tmp_path: Path) -> None:
    workbook = tmp_path / "tables.xlsx"
    workbook.write_bytes(make_workbook(synthetic))
    extra = '\n[[accounts]]\ncode = "2010301"\nbasic = 5\nexplanation = "指……"\n'
    text = SYNTHETIC.read_text(encoding="utf-8").replace("[basic_expenditure]", extra + "\n[basic_expenditure]", 1)
    (finding,) = import_tables(workbook, text).findings
    assert finding.paths == ("accounts[2010301 一般公共预算]",) and "公开表中没有" in finding.message
    replaced = import_tables(workbook, text, replace=True)
    assert not replaced.findings
    assert 'code = "2010301"\nexplanation = "指……"' in replaced.text  # the figure goes, the text stays


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=st.sampled_from([2, 3, 5, 6, 7]), row=st.integers(0, 4), text=st.text(min_size=1, max_size=8))
def test_any_text_in_a_body_cell_imports_or_names_the_cell(table: int, row: int, text: str, synthetic: Report,
                                                           tmp_path_factory: pytest.TempPathFactory) -> None:
    """Whatever a clerk typed into a money column: the import succeeds, or refuses naming table and cell."""
    workbook = tmp_path_factory.mktemp("bad") / "tables.xlsx"
    workbook.write_bytes(make_workbook(synthetic, Layout(corrupt=(table, row, 3, text))))
    try:
        import_tables(workbook, SYNTHETIC.read_text(encoding="utf-8"))
    except WorkbookError as exc:
        assert f"公开{table:02d}表" in str(exc)


def test_tables_of_uncertain_layout_are_left_out_with_a_notice(synthetic: Report, tmp_path: Path) -> None:
    """公开05/07/09 vary by province: an unknown layout is a notice, not a refused workbook."""
    workbook = tmp_path / "tables.xlsx"
    workbook.write_bytes(make_workbook(synthetic, Layout(unknown_headers=(5, 9))))
    result = import_tables(workbook, strip_table_figures(SYNTHETIC.read_text(encoding="utf-8")))
    notices = [f for f in result.findings if f.rule == "公开表格式"]
    assert [f.message[:5] for f in notices] == ["公开05表", "公开09表"]
    assert "项目支出的经济分类明细未导入" in notices[1].message
    out = tmp_path / "report.toml"
    out.write_text(result.text, encoding="utf-8")
    imported = load_report(out)
    assert imported.accounts and imported.income == synthetic.income and not imported.project_expenditure


def test_a_section_the_file_declares_none_is_kept_or_replaced(synthetic: Report, tmp_path: Path) -> None:
    """`sangong = "无"` in the file, 三公 figures in the workbook: one finding; --replace writes the figures."""
    workbook = tmp_path / "tables.xlsx"
    workbook.write_bytes(make_workbook(synthetic))
    stripped = strip_table_figures(SYNTHETIC.read_text(encoding="utf-8"))
    start, end = stripped.index("[sangong]"), stripped.index("[running_cost]")
    text = stripped[:start] + stripped[end:]
    text = text.replace("year = 2024\n", 'year = 2024\nsangong = "无"\n', 1)
    result = import_tables(workbook, text)
    (finding,) = [f for f in result.findings if f.paths == ("sangong",)]
    assert "公开13表" in finding.message and 'sangong = "无"' in result.text
    replaced = import_tables(workbook, text, replace=True)
    assert 'sangong = "无"' not in replaced.text and "[sangong.actual]" in replaced.text


def test_a_class_row_of_the_summary_table_is_checked_against_the_accounts(synthetic: Report, tmp_path: Path) -> None:
    """公开01表 五、教育支出 typed as 10000 where the account tables add up to 11380."""
    workbook = tmp_path / "tables.xlsx"
    workbook.write_bytes(make_workbook(synthetic, Layout(corrupt=(1, 4, 5, "10000"))))
    (finding,) = import_tables(workbook, SYNTHETIC.read_text(encoding="utf-8")).findings
    assert "公开01表 F11 教育支出 为 10000.00" in finding.message and "11380.00" in finding.message


def test_cli_exit_codes_follow_the_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A notice (sources the tables cannot tell apart) exits 0; a disagreement with the file exits 1."""
    workbook = tmp_path / "tables.xlsx"
    workbook.write_bytes(make_workbook(load_report(STRESS)))
    data = tmp_path / "report.toml"
    data.write_text(strip_table_figures(STRESS.read_text(encoding="utf-8")), encoding="utf-8")
    assert main(["import-tables", str(workbook), "--into", str(data)]) == 0
    assert "[提示]" in capsys.readouterr().out
    data.write_text(data.read_text(encoding="utf-8").replace("business = 800", "business = 1"), encoding="utf-8")
    assert main(["import-tables", str(workbook), "--into", str(data)]) == 1


def test_a_table_renamed_by_the_data_file_is_found_by_its_title(synthetic: Report, tmp_path: Path) -> None:
    """No form numbers in the workbook, 公开08表 titled as the data file's [publication.table_titles] says."""
    import attrs

    renamed = attrs.evolve(synthetic, publication=attrs.evolve(
        synthetic.publication, table_titles={"8": "一般公共预算财政拨款基本支出明细"}))
    workbook = tmp_path / "tables.xlsx"
    workbook.write_bytes(make_workbook(renamed, Layout(sheet_names=False, no_form_numbers=True)))
    own = '\n[publication.table_titles]\n8 = "一般公共预算财政拨款基本支出明细"\n'
    text = SYNTHETIC.read_text(encoding="utf-8") + own
    result = import_tables(workbook, text)
    assert result.written == 0 and not result.findings


def test_a_workbook_of_another_year_is_named_by_its_cell(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl

    workbook = tmp_path / "tables.xlsx"
    assert main(["export-tables", str(SYNTHETIC), "-o", str(workbook)]) == 0  # year = 2024
    data = tmp_path / "report.toml"
    data.write_text(strip_table_figures(SYNTHETIC.read_text(encoding="utf-8")), encoding="utf-8")
    assert main(["import-tables", str(workbook), "--into", str(data), "-o", str(tmp_path / "same.toml")]) == 0
    assert "年度不一致" not in capsys.readouterr().out
    book = openpyxl.load_workbook(workbook)
    sheet = book.worksheets[1]
    title = next(c for row in sheet.iter_rows() for c in row if c.value == "收入决算表")
    title.value = "2023年度收入决算表"
    book.save(workbook)
    assert main(["import-tables", str(workbook), "--into", str(data)]) == 1
    out = capsys.readouterr().out
    assert f"[错误] 年度不一致 year：公开02表 {title.coordinate} 写着“2023年度”，数据文件的 year 为 2024" in out


def test_per_account_carry_overs_the_tables_lack_are_named_and_kept(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    hospital = SYNTHETIC.parents[1] / "synthetic-county-hospital-2023" / "report.toml"
    workbook = tmp_path / "tables.xlsx"
    assert main(["export-tables", str(hospital), "-o", str(workbook)]) == 0
    kept = tmp_path / "kept.toml"  # the file has 2100201's carry_in 60 / carry_out 45: kept, nothing to say
    kept.write_text(strip_table_figures(hospital.read_text(encoding="utf-8")), encoding="utf-8")
    capsys.readouterr()
    assert main(["import-tables", str(workbook), "--into", str(kept)]) == 0
    assert "需手工填写" not in capsys.readouterr().out
    line = next(a for a in tomllib.loads(kept.read_text(encoding="utf-8"))["accounts"] if a["code"] == "2100201")
    assert (line["carry_in"], line["carry_out"]) == (60, 45)
    new = tmp_path / "new.toml"
    assert main(["init", "-o", str(new), "--year", "2023"]) == 0
    capsys.readouterr()
    assert main(["import-tables", str(workbook), "--into", str(new)]) == 0
    out = capsys.readouterr().out
    assert ("[提示] 需手工填写 accounts：公开04表 C35 的一般公共预算财政拨款年初结转和结余为 60.00，"
            "公开表不分科目列示；") in out
    assert "公开04表 G34 的一般公共预算财政拨款年末结转和结余为 45.00" in out and "手工填写 carry_out" in out
