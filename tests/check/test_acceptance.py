"""[[publication.accepted]]: a reviewed finding keeps its level and message, marked with the reason."""

from __future__ import annotations

import attrs

from juesuan_pdf.check import check
from juesuan_pdf.errors import ERROR, NOTICE
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
    assert not any(f.accepted for f in findings if f.rule != "已确认")
    right = Acceptance("支出合计", "expenditure.project", "照录")
    [accepted] = [f for f in check(with_accepted(example_report, right)) if f.accepted]
    assert accepted.rule == "支出合计" and "（确认理由：照录）" in accepted.render()


def test_example_acceptances_pin_their_figures(example_report: Report) -> None:
    pins = {a.path: a.values for a in example_report.publication.accepted}
    assert pins["performance_management.scores[第1个].score"] == ("97", "86")
    assert not [f for f in check(example_report) if f.rule == "已确认"]


def test_a_changed_figure_comes_back_as_an_error(example_report: Report) -> None:
    scores = example_report.performance_management.scores
    changed = attrs.evolve(scores[0], score=98)
    management = attrs.evolve(example_report.performance_management, scores=(changed, *scores[1:]))
    report = attrs.evolve(example_report, performance_management=management)
    [f] = [f for f in check(report) if "performance_management.scores[第1个].score" in f.paths]
    assert f.level == ERROR and f.blocks_build and not f.accepted
    assert "已确认的是 97/86，现在是 98/86" in f.message


def test_an_unpinned_acceptance_still_accepts_and_asks_for_values(example_report: Report) -> None:
    old = Acceptance("支出合计", "expenditure.project", "照录")
    findings = check(with_accepted(example_report, old))
    assert [f.accepted for f in findings if f.rule == "支出合计"] == ["照录"]
    [note] = [f for f in findings if f.rule == "已确认"]
    assert note.level == NOTICE and 'values = ["4455.02", "4454.96"]' in note.message
    assert note.paths == ("publication.accepted[第1个]",)


def test_an_acceptance_matching_nothing_is_reported(example_report: Report) -> None:
    stale = Acceptance("收入合计", "income.total", "旧的", ("1", "2"))
    [note] = [f for f in check(with_accepted(example_report, stale)) if f.rule == "已确认"]
    assert "没有对应的检查结果" in note.message and note.level == NOTICE


def test_an_acceptance_may_name_the_rule_id(example_report: Report) -> None:
    by_id = Acceptance("expenditure-sum", "expenditure.project", "照录", ("4455.02", "4454.96"))
    [f] = [f for f in check(with_accepted(example_report, by_id)) if f.rule == "支出合计"]
    assert f.accepted == "照录"
