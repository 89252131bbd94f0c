"""The documented Python API (README): load, check, compose, typeset, build."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import juesuan_pdf
from juesuan_pdf.api import BuildOptions, RefusedError

ROOT = Path(__file__).parents[1]
SYNTHETIC = ROOT / "examples" / "synthetic-county-education-2024" / "report.toml"
REFERENCE_EXAMPLE = ROOT / "examples" / "zhaohua-renshe-2023" / "report.toml"


def test_load_gives_decimals() -> None:
    report = juesuan_pdf.load(SYNTHETIC)
    assert isinstance(report, juesuan_pdf.Report)
    assert report.income.business == Decimal("800")
    assert isinstance(report.sangong.actual.abroad, Decimal)


def test_pipeline_by_steps_and_build(tmp_path: Path) -> None:
    report = juesuan_pdf.load(SYNTHETIC)
    assert juesuan_pdf.check(report) == []
    document = juesuan_pdf.compose(report)
    pdf = juesuan_pdf.typeset(document)
    assert pdf.startswith(b"%PDF")
    out = tmp_path / "out.pdf"
    result = juesuan_pdf.build(SYNTHETIC, out)
    assert out.read_bytes() == result.pdf == pdf  # same input, same bytes, by either route
    assert result.pages > 10


def test_build_refuses_errors_unless_forced(tmp_path: Path) -> None:
    published = juesuan_pdf.load(REFERENCE_EXAMPLE)
    report = attrs.evolve(published, publication=attrs.evolve(published.publication, accepted=()))
    with pytest.raises(RefusedError) as info:
        juesuan_pdf.build(report, tmp_path / "x.pdf")
    assert any(f.level == "错误" for f in info.value.findings)
    assert not (tmp_path / "x.pdf").exists()
    assert juesuan_pdf.BuildOptions is BuildOptions
