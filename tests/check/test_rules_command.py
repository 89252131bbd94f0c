"""`juesuan-pdf rules` lists every rule of the registry with its id, level, family and title."""

from __future__ import annotations

import pytest

from juesuan_pdf.check.registry import RULES
from juesuan_pdf.cli import main


def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    for rule in RULES:
        assert any(line.startswith(rule.id + " ") and rule.level in line and rule.title in line for line in lines)
    assert f"共 {len(RULES)} 条规则" in out


def test_rules_table_has_a_header_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.split() == ["编号", "级别", "规则族：说明"]
