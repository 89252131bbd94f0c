"""Shared pieces of the workbook tests: every example data file, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from juesuan_pdf.model.report import Report

ROOT = Path(__file__).parents[2]
EXAMPLES = sorted(ROOT.glob("examples/*/report.toml"))
SYNTHETIC = ROOT / "examples" / "synthetic-county-education-2024" / "report.toml"
FIXTURES = Path(__file__).parent / "fixtures"


def load_report(path: Path) -> Report:
    """A data file's report (the examples hold the reference's own errors, but load)."""
    from juesuan_pdf.load import load

    return load(path)


@pytest.fixture(scope="session")
def synthetic() -> Report:
    """The synthetic example: several funds, carry-overs, 三公 figures."""
    return load_report(SYNTHETIC)
