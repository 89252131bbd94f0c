"""Shared fixtures: the bundled example, loaded once and built into a PDF once per test session."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from juesuan_pdf.model.report import Report

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "zhaohua-renshe-2023" / "report.toml"


@pytest.fixture(scope="session")
def example_report() -> Report:
    """The example's report model."""
    from juesuan_pdf.load import load

    return load(EXAMPLE)


@pytest.fixture(scope="session")
def example_pdf(tmp_path_factory: pytest.TempPathFactory, example_report: Report) -> Path:
    """The example typeset once (forced: the reference's own errors are kept in the data)."""
    from juesuan_pdf.api import BuildOptions, build

    out = tmp_path_factory.mktemp("example") / "example.pdf"
    build(example_report, out, BuildOptions(force=True))
    return out


@pytest.fixture(scope="session")
def example_text(example_pdf: Path) -> str:
    """`pdftotext -raw` of the example PDF (content-stream order, as the fidelity tool reads it)."""
    import support

    support.require_tool("pdftotext")
    done = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(example_pdf), "-"],
                          check=True, capture_output=True, env={**os.environ, "LC_ALL": "C.UTF-8"})
    return done.stdout.decode("utf-8")
