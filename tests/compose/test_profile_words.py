"""The words of 第二部分, the charts, 第一部分, the 附表 list, the 13 公开表 (titles, column headers, row labels,
notes) and the annex forms live in the profile (`compose/sichuan.py`), not in builder code: no Chinese string
literal outside docstrings in these modules, except the data vocabulary they compare against (the model's fund
names)."""

from __future__ import annotations

import ast
import re
import typing
from pathlib import Path

import pytest

from juesuan_pdf.model.finance import Fund
from juesuan_pdf.model.report import Report

COMPOSE = Path(__file__).resolve().parents[2] / "src" / "juesuan_pdf" / "compose"
CJK = re.compile(r"[\u4e00-\u9fff]")
CHECKED = sorted(
    [*(COMPOSE / "sections").glob("*.py"), *(COMPOSE / "charts").glob("*.py")]
    + list((COMPOSE / "tables").glob("*.py"))
    + [
        COMPOSE / "parts" / n
        for n in ("overview.py", "explanation.py", "glossary.py", "cover.py", "tables_part.py", "annexes.py")
    ]
)
VOCABULARY = {
    "fig1.py": {"本年合计"},  # the value of the `totals_basis` setting
    "overview.py": {"行政单位", "参照公务员法管理的事业单位", "其他事业单位"},  # unit kinds of the data
    "s08_gov_fund.py": {"政府性基金"},
    "s09_state_capital.py": {"国有资本经营"},
}


FUND_NAMES = set(typing.get_args(Fund))
"""The model's fund names: tables pick account lines and columns by them."""


def allowed(path: Path) -> set[str]:
    """The data vocabulary `path` may name."""
    return VOCABULARY.get(path.name, set()) | (FUND_NAMES if path.parent.name == "tables" else set())


def chinese_literals(path: Path) -> set[str]:
    """Chinese string constants of `path` that are not docstrings (module, class, function or attribute)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
    return {
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and CJK.search(n.value) and id(n) not in docs
    }


@pytest.mark.parametrize("path", CHECKED, ids=lambda p: p.name)
def test_no_words_in_builder_code(path: Path) -> None:
    assert chinese_literals(path) <= allowed(path)


def test_a_profile_words_its_forms(example_report: Report) -> None:
    """Another profile's table and form words reach the 公开表 headers and the annex forms."""
    from types import SimpleNamespace

    import attrs

    from juesuan_pdf.compose.parts import annexes
    from juesuan_pdf.compose.sichuan import SICHUAN_2023
    from juesuan_pdf.compose.tables import t01_income_expenditure, t13_sangong
    from juesuan_pdf.doc import Table

    labels = {**SICHUAN_2023.labels, "table.item": "项  目", "table.t13.reception": "接待费", "annex.level1": "一级"}
    profile = attrs.evolve(SICHUAN_2023, labels=labels)
    report = example_report
    t01 = t01_income_expenditure.build(report, profile)
    assert [c.text for c in t01.header_rows[1]][:3] == ["项  目", "行次", "金额"]
    assert "接待费" in [c.text for c in t13_sangong.build(report, profile).header_rows[1]]
    blocks = annexes.build(SimpleNamespace(year=2023, performance=report.performance), profile)
    form = next(b for b in blocks if isinstance(b, Table))
    assert any(c.text == "一级" for row in form.body_rows for c in row)
