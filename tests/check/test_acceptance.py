"""[[publication.accepted]]: a reviewed finding keeps its level and message, marked with the reason."""

from __future__ import annotations

import attrs

from juesuan_pdf.check import check
from juesuan_pdf.errors import ERROR
from juesuan_pdf.model.report import Acceptance, Report


def with_accepted(report: Report, *accepted: Acceptance) -> Report:
    return attrs.evolve(report, publication=attrs.evolve(report.publication, accepted=accepted))


def test_example_errors_are_all_accepted_with_reasons(example_report: Report) -> None:
    errors = [f for f in check(example_report) if f.level == ERROR]
    assert len(errors) == 4
    assert all(f.accepted.startswith("照录原公开文本") and not f.blocks_build for f in errors)


def test_without_acceptances_the_errors_block(example_report: Report) -> None:
    errors = [f for f in check(with_accepted(example_report)) if f.level == ERROR]
    assert len(errors) == 4 and all(f.blocks_build and not f.accepted for f in errors)


def test_acceptance_must_name_the_rule_and_a_path(example_report: Report) -> None:
    wrong_path = Acceptance("支出合计", "expenditure.basic_typo", "x")
    wrong_rule = Acceptance("同一数字两处", "expenditure.project", "x")
    findings = check(with_accepted(example_report, wrong_path, wrong_rule))
    assert not any(f.accepted for f in findings)
    right = Acceptance("支出合计", "expenditure.project", "照录")
    [accepted] = [f for f in check(with_accepted(example_report, right)) if f.accepted]
    assert accepted.rule == "支出合计" and "（确认理由：照录）" in accepted.render()
