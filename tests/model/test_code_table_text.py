"""`parse_table_text` reads a classification file exactly as tomllib does (result, key order, errors)."""

from __future__ import annotations

import importlib.resources
import tomllib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from juesuan_pdf.model import accounts
from juesuan_pdf.model.accounts import parse_table_text

FOLDER = importlib.resources.files("juesuan_pdf").joinpath("data", "classification")
SHIPPED = sorted(p.name for p in FOLDER.iterdir() if p.name.endswith(".toml"))


def _same_as_tomllib(text: str) -> None:
    try:
        expected: Any = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        with pytest.raises(tomllib.TOMLDecodeError) as got:
            parse_table_text(text)
        assert str(got.value) == str(exc)
        return
    got = parse_table_text(text)
    assert got == expected
    assert repr(got) == repr(expected)  # the same key order at every level


@pytest.mark.parametrize("name", SHIPPED)
def test_each_shipped_table_reads_as_tomllib_reads_it(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = FOLDER.joinpath(name).read_bytes().decode()
    _same_as_tomllib(text)
    # and without falling back to tomllib on the whole text
    calls: list[int] = []
    real = tomllib.loads
    monkeypatch.setattr(accounts.tomllib, "loads", lambda s: calls.append(len(s)) or real(s))
    parse_table_text(text)
    assert len(calls) == 1 and calls[0] < len(text) // 10


SAMPLE = FOLDER.joinpath("2023.toml").read_bytes().decode()
LINES = SAMPLE.split("\n")
ODD_LINES = [
    '"2080101" = "行政运行" # 注', '"2080101"="行政运行"', '  "2080101" = "行政运行"', '"2080101" = "行\\u653f"',
    '"2080101" = \'行政运行\'', '"2080101" = "行政运行"', '"20801x" = "x"', "2080101 = \"x\"", "# 注释", "",
    "[functional]", "[ functional ]", "[economic] # 经济", "[functional.x]", '"9" = """a', "b\"\"\"",
    '"2080101" = "a\tb"', "\r", '"2080101" = "x"\r', "x = [", "[\"201\"]", "]", "functional.\"201\" = \"x\"",
    '"301" = ["a"]', "[[economic]]",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(LINES) - 1), st.sampled_from(ODD_LINES)), max_size=4))
def test_a_changed_table_reads_as_tomllib_reads_it(changes: list[tuple[int, str]]) -> None:
    lines = list(LINES)
    for at, line in changes:
        lines.insert(at, line)
    _same_as_tomllib("\n".join(lines))


@pytest.mark.parametrize("line", ODD_LINES)
def test_each_odd_line_in_each_table(line: str) -> None:
    for header in ("[functional]", "[economic]", "[statement]"):
        at = LINES.index(header) + 3
        _same_as_tomllib("\n".join([*LINES[:at], line, *LINES[at:]]))
    _same_as_tomllib(SAMPLE.replace("\n", "\r\n"))
    _same_as_tomllib(SAMPLE.rstrip("\n") + "\r")


def test_the_tables_are_found_without_the_file_system(monkeypatch: pytest.MonkeyPatch) -> None:
    """A package without a folder beside the module (run from a zip file) reads its tables as resources."""
    on_disk = accounts._tables.__wrapped__()
    monkeypatch.setattr(accounts, "__file__", "/nonexistent/juesuan_pdf/model/accounts.py")
    resources = accounts._tables.__wrapped__()
    assert resources == FOLDER
    assert sorted(p.name for p in resources.iterdir()) == sorted(p.name for p in on_disk.iterdir())
    assert resources.joinpath("2023.toml").read_bytes() == on_disk.joinpath("2023.toml").read_bytes()
