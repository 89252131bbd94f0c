"""The mutation harness of benchmarks/mutations.py on the reference example, as a guard: typos with two
digits swapped in figures the data states twice are named by an 错误, and no acceptance hides one."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from harness import harness

ROOT = Path(__file__).parents[2]


def test_swapped_digits_are_named_as_errors() -> None:
    m = harness()
    source = m.Source((ROOT / "examples" / "zhaohua-renshe-2023" / "report.toml").read_text("utf-8"))
    data = source.data
    base = {m.fingerprint(f) for f in m.findings_of(source.text)}
    outcomes: Counter[str] = Counter()
    for path, value in m.leaves(data):
        if m.SKIP.search(m.pattern(path)) or not (m.AGREE.search(m.pattern(path)) or m.cited_score(data, path)):
            continue
        changed = m.swap(value)
        if changed is not None and changed >= 0:
            outcomes[m.judge(base, m.findings_of(source.with_number(path, value, changed)), path)] += 1
    assert outcomes["hidden"] == 0
    assert outcomes["error"] >= 0.95 * sum(outcomes.values()), outcomes


def test_consistent_changes_raise_no_error() -> None:
    m = harness()
    for example in ("synthetic-county-education-2024", "zhaohua-renshe-2023"):
        source = m.Source((ROOT / "examples" / example / "report.toml").read_text("utf-8"))
        errors = {m.fingerprint(f) for f in m.findings_of(source.text) if f.level == "错误"}
        changes = [c for _, c in m.consistent_changes(source) if c]
        assert len(changes) >= 3
        for changed in changes:
            assert [f.render() for f in m.findings_of(changed)
                    if f.level == "错误" and not f.accepted and m.fingerprint(f) not in errors] == []


def test_figures_held_only_by_an_inequality_count_as_stated_once_unless_restated() -> None:
    """culture-tourism states its 收支总计 change rates (`income_rate`), so last year's 收入 is stated twice;
    its 财政拨款 prior-year total and 授予小微企业 (only ≤ 授予中小企业) are stated once. zhaohua's 附件1
    writes 总编制53名: staffing is stated twice there."""
    m = harness()
    culture = m.Source((ROOT / "examples" / "synthetic-county-culture-tourism-2022" / "report.toml").read_text("utf-8"))
    data = culture.data
    assert m.restated(data, ("totals", "prior_income"), data["totals"]["prior_income"])
    assert not m.restated(data, ("fiscal", "comparison", "prior"), data["fiscal"]["comparison"]["prior"])
    assert not m.restated(data, ("procurement", "small_micro"), data["procurement"]["small_micro"])
    assert not m.AGREE.search("procurement.small_micro") and not m.AGREE.search("fiscal.comparison.prior")
    zhaohua = m.Source((ROOT / "examples" / "zhaohua-renshe-2023" / "report.toml").read_text("utf-8")).data
    assert m.restated(zhaohua, ("department", "staffing", "authorised"), 53)
    assert m.only_in_a_long_sum(data, ("basic_expenditure", "items", 0, "amount"))  # 30101
    assert not m.only_in_a_long_sum(data, ("basic_expenditure", "items", 4, "amount"))  # 30108 = 2080505


def test_half_wan_typos_of_items_only_a_long_sum_holds_are_listed_never_misplaced() -> None:
    """culture-tourism: each 基本/项目支出 economic item half a 万元 off breaks one sum only. Every typo is
    named by an 错误 (as the one figure, or in the list left once figures held elsewhere are set aside),
    and no list or suspect leaves the changed item out."""
    m = harness()
    source = m.Source((ROOT / "examples" / "synthetic-county-culture-tourism-2022" / "report.toml").read_text("utf-8"))
    base = {m.fingerprint(f) for f in m.findings_of(source.text)}
    typos = [(p, v) for p, v in m.leaves(source.data) if m.pattern(p).endswith("items[].amount")
             or m.pattern(p) == "project_expenditure[].amount"]
    assert len(typos) >= 20
    for path, value in typos:
        found = m.findings_of(source.with_number(path, value, value + m.Decimal("0.5")))
        assert m.judge(base, found, path) == "error", path
        assert not m.misled(base, found, path), path


def test_consistent_changes_take_any_data_file() -> None:
    """A file writing whole parts as 无 (`sangong = "无"`, the minimal file) gives its changes without failing."""
    m = harness()
    for path in sorted((ROOT / "tests" / "data").glob("*.toml")):
        source = m.Source(path.read_text("utf-8"))
        assert all(isinstance(label, str) for label, _ in m.consistent_changes(source)), path
