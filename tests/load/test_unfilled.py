"""The `待填` marker: every value still to fill is listed with its line, and the file is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from juesuan_pdf.cli import main
from juesuan_pdf.errors import IncompleteError
from juesuan_pdf.load import loads
from juesuan_pdf.load.toml import UNFILLED_RULE

EXAMPLE = Path(__file__).parents[2] / "examples" / "zhaohua-renshe-2023" / "report.toml"


def _mark(text: str, key: str) -> str:
    """`text` with the first `key = …` line's value replaced by "待填"."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.split("=")[0].strip() == key:
            lines[i] = f'{key} = "待填"'
            return "\n".join(lines) + "\n"
    raise AssertionError(key)


def test_each_unfilled_value_is_listed_with_its_line() -> None:
    text = _mark(_mark(EXAMPLE.read_text(encoding="utf-8"), "general_budget"), "short_name")
    with pytest.raises(IncompleteError) as info:
        loads(text)
    todo = [f for f in info.value.findings if f.rule == UNFILLED_RULE]
    assert [f.paths for f in todo] == sorted([f.paths for f in todo], key=lambda p: text.index(p[0].split(".")[-1]))
    assert {f.paths[0] for f in todo} == {"income.general_budget", "department.short_name"}
    for finding in todo:
        key = finding.paths[0].split(".")[-1]
        assert finding.line is not None
        assert text.splitlines()[finding.line - 1] == f'{key} = "待填"'
    # Only the to-do list: removing the marked values raises no "missing key" for them.
    assert len(info.value.findings) == 2


def test_unfilled_file_is_refused_with_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "report.toml"
    data.write_text(_mark(EXAMPLE.read_text(encoding="utf-8"), "general_budget"), encoding="utf-8")
    assert main(["validate", str(data)]) == 1
    assert main(["build", str(data), "-o", str(tmp_path / "out.pdf")]) == 1
    assert not (tmp_path / "out.pdf").exists()
    err = capsys.readouterr().out
    assert "income.general_budget" in err and "待填写" in err
