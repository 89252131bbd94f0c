"""Fuzz: hostile data files never give a traceback; every command exits 0, 1 or 2 with a Chinese message.

Kept to a few seconds in CI (validate and next-year, in process). More examples: JUESUAN_FUZZ_EXAMPLES=500.
The long run over files, with build and a 60-second hang limit, is `tests/fuzz/run_long.py`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from juesuan_pdf.cli import main
from juesuan_pdf.errors import LoadError
from juesuan_pdf.load import loads

from .mutations import fuzzed_file

EXAMPLES = int(os.environ.get("JUESUAN_FUZZ_EXAMPLES", "15"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("JUESUAN_FUZZ_EXAMPLES"),
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])


def assert_handled(code: int, err: str) -> None:
    assert code in (0, 1, 2), err
    assert "内部错误" not in err and "Traceback" not in err, err
    assert "\x1b" not in err


@FUZZ
@given(fuzzed_file())
def test_validate_and_next_year_never_fail_unhandled(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      data: bytes) -> None:
    source = tmp_path / "report.toml"
    source.write_bytes(data)
    code = main(["validate", str(source)])
    assert_handled(code, capsys.readouterr().err)
    nxt = tmp_path / "next.toml"
    nxt.unlink(missing_ok=True)
    code = main(["next-year", str(source), "-o", str(nxt)])
    assert_handled(code, capsys.readouterr().err)
    assert source.read_bytes() == data  # the input is never changed
    if code == 0:  # what next-year writes loads again (its 待填 items aside)
        code = main(["validate", str(nxt)])
        assert_handled(code, capsys.readouterr().err)


@settings(max_examples=EXAMPLES * 20, deadline=None, derandomize=not os.environ.get("JUESUAN_FUZZ_EXAMPLES"))
@given(st.text(alphabet=st.sampled_from('[]{}="\'#\n .,0123456789abc_-\\“”年\ufeff\x1b'), max_size=200))
def test_raw_toml_text_gives_a_load_error_or_a_report(text: str) -> None:
    try:
        loads(text)
    except LoadError as exc:
        rendered = str(exc)
        assert rendered and "\x1b" not in rendered
        assert not any(word in rendered for word in ("Invalid", "Expected", "Unclosed", "Cannot"))
