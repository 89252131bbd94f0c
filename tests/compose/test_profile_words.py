"""The words of 第二部分, the charts, 第一部分 and the 附表 list live in the profile (`compose/sichuan.py`), not in
builder code: no Chinese string literal outside docstrings in these modules, except the data vocabulary they compare
against. (The 公开表 column words and the annex forms are not yet moved: see the README.)"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

COMPOSE = Path(__file__).resolve().parents[2] / "src" / "juesuan_pdf" / "compose"
CJK = re.compile(r"[\u4e00-\u9fff]")
CHECKED = sorted(
    [*(COMPOSE / "sections").glob("*.py"), *(COMPOSE / "charts").glob("*.py")]
    + [COMPOSE / "tables" / n for n in ("t10_gov_fund.py", "t11_state_capital_flow.py")]
    + [COMPOSE / "parts" / n for n in ("overview.py", "explanation.py", "glossary.py", "cover.py", "tables_part.py")]
)
VOCABULARY = {
    "fig1.py": {"本年合计"},  # the value of the `totals_basis` setting
    "overview.py": {"行政单位", "参照公务员法管理的事业单位", "其他事业单位"},  # unit kinds of the data
    "t10_gov_fund.py": {"政府性基金"},  # the model's fund names
    "t11_state_capital_flow.py": {"国有资本经营"},
    "s08_gov_fund.py": {"政府性基金"},
    "s09_state_capital.py": {"国有资本经营"},
}


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
    assert chinese_literals(path) <= VOCABULARY.get(path.name, set())
