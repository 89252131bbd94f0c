"""Property: any amount or count of the example replaced by a wrong kind of value is reported at its line,
the command exits 2 without a traceback, and no PDF appears."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from juesuan_pdf.cli import main

EXAMPLE = Path(__file__).parents[2] / "examples" / "zhaohua-renshe-2023" / "report.toml"
LINES = EXAMPLE.read_text(encoding="utf-8").splitlines()
NUMBER_LINE = re.compile(r"^(\s*[A-Za-z_]+\s*=\s*)(\d+(?:\.\d+)?)(\s*(#.*)?)$")
CANDIDATES = [i for i, line in enumerate(LINES) if NUMBER_LINE.match(line)]
BAD = st.sampled_from(['"abc"', '"12.5"', "true", "1.234", "[1, 2]", '"<b>&amp;</b>"', "{ a = 1 }"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(CANDIDATES), BAD)
def test_bad_value_is_reported_at_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], index: int,
                                           bad: str) -> None:
    match = NUMBER_LINE.match(LINES[index])
    assert match
    lines = list(LINES)
    lines[index] = f"{match.group(1)}{bad}{match.group(3)}"
    data = tmp_path / "bad.toml"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.pdf"
    out.unlink(missing_ok=True)
    code = main(["build", str(data), "-o", str(out)])
    err = capsys.readouterr().out
    assert code == 2
    assert f"第{index + 1}行" in err
    assert "Traceback" not in err and not out.exists()
