"""Fixtures of the web page tests: every example built once as PDF and HTML, one headless Chromium, axe-core.

Chromium (Debian's `chromium`) and axe-core (`npm ci` in tests/web/npm) are installed by `.ci/run`. Without
them these tests skip on a developer's machine, and fail under CI=true: a CI run must never pass by skipping
the browser.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium_cdp import Chromium, chromium_path
from web_built import Built

ROOT = Path(__file__).parents[2]
EXAMPLES = sorted(p.parent.name for p in (ROOT / "examples").glob("*/report.toml"))
AXE = Path(__file__).parent / "npm" / "node_modules" / "axe-core" / "axe.min.js"


def missing(what: str) -> None:
    """Fail under CI (the browser tests must run there), skip elsewhere."""
    if os.environ.get("CI", "").lower() in ("true", "1"):
        pytest.fail(f"{what} is missing under CI=true: .ci/run installs it", pytrace=False)
    pytest.skip(f"{what} is not installed")


@pytest.fixture(scope="session", params=EXAMPLES)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """An example (each in turn) built as PDF and HTML through the public build, forced past its findings."""
    from juesuan_pdf.api import BuildOptions, build
    from juesuan_pdf.compose import compose
    from juesuan_pdf.load import load

    name = request.param
    source = ROOT / "examples" / name / "report.toml"
    out = tmp_path_factory.mktemp(f"web-{name}") / "report.pdf"
    build(source, out, BuildOptions(force=True, formats=("pdf", "html")))
    if shutil.which("pdftotext") is None:
        missing("pdftotext (poppler-utils)")
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(out), "-"], check=True, capture_output=True,
                          env={**os.environ, "LC_ALL": "C.UTF-8"}).stdout.decode("utf-8")
    return Built(name, compose(load(source)), out, out.with_suffix(".html"), text)


@pytest.fixture(scope="session")
def browser() -> Iterator[Chromium]:
    """One headless Chromium for the session (no network, fresh profile)."""
    executable = chromium_path()
    if executable is None:
        missing("chromium (Debian package `chromium`)")
        raise AssertionError  # unreachable: missing() fails or skips
    chromium = Chromium(executable)
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script, to inject into the page."""
    if not AXE.exists():
        missing("axe-core (npm ci --prefix tests/web/npm)")
    return AXE.read_text(encoding="utf-8")
