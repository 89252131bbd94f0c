"""next-year: this year's figures become next year's prior-year figures, everything else of this year becomes
a `待填` to-do item with its line; comments, layout and every string the loader accepts survive."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from juesuan_pdf.errors import IncompleteError, LoadError
from juesuan_pdf.load import load, loads
from juesuan_pdf.load.rollover import next_year, roll_over, updates
from juesuan_pdf.load.toml import UNFILLED_RULE

ROOT = Path(__file__).parents[2]
EXAMPLES = sorted(ROOT.glob("examples/*/report.toml"))
REFERENCE = ROOT / "examples" / "zhaohua-renshe-2023" / "report.toml"
SYNTHETIC = ROOT / "examples" / "synthetic-county-education-2024" / "report.toml"


def _incomplete(text: str) -> IncompleteError:
    with pytest.raises(IncompleteError) as info:
        loads(text)
    return info.value


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_every_example_becomes_a_complete_to_do_list(example: Path) -> None:
    this = load(example)
    rolled = next_year(example)
    assert rolled.year == this.year + 1
    error = _incomplete(rolled.text)
    lines = rolled.text.splitlines()
    todo = [f for f in error.findings if f.rule == UNFILLED_RULE]
    # Every marker is listed once, each on the line that holds it, and nothing else is wrong.
    assert len(todo) == rolled.todo == rolled.text.count('"待填"')
    assert len(error.findings) == len(todo)
    for finding in todo:
        assert finding.line is not None and "待填" in lines[finding.line - 1], finding.render()
    data = tomllib.loads(rolled.text, parse_float=Decimal)
    assert data["year"] == this.year + 1
    # Every prior-year figure and 年初结转 stands where it belongs (unless its section is written as 无).
    moved = updates(this)
    assert ("totals", "prior") in moved or ("totals", "prior_income") in moved
    for path, value in moved.items():
        node: Any = data
        for key in path:
            if node == "无":
                break
            node = node[key]
        assert node == value or node == "无", (path, node, value)
    assert data["income"]["general_budget"] == "待填" and data["totals"]["reason"] == "待填"
    assert "accepted" not in data.get("publication", {})
    if this.publication.date is not None:
        assert data["publication"]["date"].year == this.publication.date.year + 1
    # Comments survive: every comment line of the old file is still there.
    old_comments = [line for line in example.read_text(encoding="utf-8").splitlines() if line.lstrip().startswith("#")]
    assert all(c in lines for c in old_comments)


def test_reference_example_titles_move_on_and_acceptances_are_dropped_with_a_note() -> None:
    rolled = next_year(REFERENCE)
    data = tomllib.loads(rolled.text)
    assert data["department"]["key_work"]["title"] == "2024年重点工作完成情况"
    assert data["performance"]["department_report"]["title"].startswith("2024年")
    assert data["department"]["duties"]["paragraphs"][0].startswith("（1）贯彻执行")  # 职能 stay
    assert any("4 条 [[publication.accepted]]" in note for note in rolled.notes)


def test_acceptances_written_inline_are_dropped_too() -> None:
    entry = '{ rule = "支出合计", path = "expenditure.project", reason = "照录" }'
    text = SYNTHETIC.read_text(encoding="utf-8").replace("[publication]\n", f"[publication]\naccepted = [{entry}]\n", 1)
    rolled = roll_over(text, loads(text))
    assert "accepted" not in tomllib.loads(rolled.text)["publication"] and rolled.notes


def test_missing_tables_are_created() -> None:
    text = 'year = 2023\n[department]\nname = "某局"\nshort_name = "某"\n[running_cost]\namount = 12.5\n'
    data = tomllib.loads(roll_over(text, loads(text)).text, parse_float=Decimal)
    assert data["running_cost"]["prior"] == Decimal("12.5")
    assert data["sangong"]["prior"]["reception"] == 0


# -------------------------------------------------------------------------------------------------------
# Property: any string the loader accepts, written in any TOML string style or inside an inline table,
# comes out of next-year either unchanged (year moved on) or as the marker, and the file still loads.

CHARS = st.characters(codec="utf-8", exclude_categories=("Cs",))
SPECIAL = st.sampled_from(["\u2028", "\u2029", "\x85", "\n", "\r\n", "\t", '"', "'", "\\", "#", "2023", "'''", '"""'])
TEXTS = st.lists(st.one_of(st.text(CHARS, max_size=6), SPECIAL), max_size=8).map("".join)


def _basic(text: str) -> str:
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif (ord(ch) < 0x20 and ch != "\t") or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _multiline_basic(text: str) -> str:
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\n")
        elif (ord(ch) < 0x20 and ch != "\t") or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"""\n' + "".join(out) + '"""'


def _literal(text: str) -> str | None:
    if "'" in text or any((ord(c) < 0x20 and c != "\t") or ord(c) == 0x7F for c in text):
        return None
    return f"'{text}'"


def _multiline_literal(text: str) -> str | None:
    if "'" in text or any((ord(c) < 0x20 and c not in "\t\n") or ord(c) == 0x7F for c in text):
        return None
    return f"'''\n{text}'''"


@st.composite
def written(draw: st.DrawFn) -> tuple[str, str]:
    """(a string value, the TOML that writes it) in one of the four string styles."""
    text = draw(TEXTS)
    style = draw(st.sampled_from([_basic, _multiline_basic, _literal, _multiline_literal]))
    toml = style(text) or _basic(text)
    assume(tomllib.loads(f"x = {toml}")["x"] == text)
    return text, toml


def _replace_line(text: str, start: str, new: str) -> str:
    lines = text.split("\n")
    i = next(n for n, line in enumerate(lines) if line.startswith(start))
    lines[i] = new
    return "\n".join(lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(name=written(), title=written(), reason=written(), purpose=written(), inline=st.booleans())
def test_next_year_round_trips_every_string_style(
    name: tuple[str, str], title: tuple[str, str], reason: tuple[str, str], purpose: tuple[str, str], inline: bool
) -> None:
    text = SYNTHETIC.read_text(encoding="utf-8")
    text = _replace_line(text, "name = ", f"name = {name[1]}")
    text = _replace_line(text, "title = ", f"title = {title[1]}")
    text = _replace_line(text, "reason = ", f"reason = {reason[1]}")
    vehicles = '[assets.vehicles]\nemergency = 1\nother = 2\nother_use = "教育督导检查和学生安全巡查"'
    assert vehicles in text
    if inline:  # the same table written inline, holding a string of any style
        text = text.replace(vehicles, f"vehicles = {{ emergency = 1, other = 2, other_use = {purpose[1]} }}")
    else:
        text = text.replace(vehicles, vehicles.replace('"教育督导检查和学生安全巡查"', purpose[1]))
    try:
        this = loads(text)
    except LoadError:
        assume(False)
        raise
    rolled = roll_over(text, this)
    data = tomllib.loads(rolled.text)
    assert data["department"]["name"] == _year_moved(name[0])
    assert data["department"]["duties"]["title"] == _year_moved(title[0])
    assert data["assets"]["vehicles"]["other_use"] == _year_moved(purpose[0])
    assert data["assets"]["vehicles"]["emergency"] == "待填"
    assert data["totals"]["reason"] == "待填"
    _incomplete(rolled.text)


def _year_moved(text: str) -> str:
    from juesuan_pdf.load.rollover import _next_year_in

    return _next_year_in(text, 2024)


def test_comments_stating_last_years_figures_are_dropped_with_the_figure(tmp_path: Path) -> None:
    """A comment such as `# 其中财政拨款 45` beside a figure marked 待填 would read as this year's."""
    from juesuan_pdf.load.rollover import next_year

    source = Path(__file__).parents[2] / "examples" / "synthetic-county-hospital-2023" / "report.toml"
    text = source.read_text(encoding="utf-8")
    data = tmp_path / "report.toml"
    marker = "carry_out = "
    line = next(line for line in text.splitlines() if line.strip().startswith(marker))
    data.write_text(text.replace(line, line.split("#")[0].rstrip() + "  # 其中财政拨款 45（一般公共预算）", 1),
                    encoding="utf-8")
    rolled = next_year(data).text
    assert "其中财政拨款 45" not in rolled
    assert 'business = "待填"        # 医疗收入' in rolled  # a comment without figures stays


def test_a_file_saved_with_a_byte_order_mark_rolls_over(tmp_path: Path) -> None:
    """Notepad saves UTF-8 with a BOM; the loader accepts it, so next-year must too (found by the long fuzz run)."""
    from juesuan_pdf.load.rollover import next_year

    source = Path(__file__).parents[2] / "examples" / "synthetic-county-hospital-2023" / "report.toml"
    data = tmp_path / "report.toml"
    data.write_bytes(b"\xef\xbb\xbf" + source.read_bytes())
    rolled = next_year(data)
    assert tomllib.loads(rolled.text)["year"] == 2024
    assert rolled.todo > 0
