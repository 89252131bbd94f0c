"""Where the tests find the reference document, and how they ask for outside programs (poppler).

The shared reference beside the project (`../shared`) wins when present, so the tests follow its updates;
otherwise the copy under `tests/data/` is used, so a fresh clone alone runs every test.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
SHARED = TESTS.parents[1] / "shared"
ARTIFACTS = TESTS.parent / "build" / "test-artifacts"
"""The one folder where tests leave images and files for a person to look at (rendered pages, diffs)."""


def _pick(shared: Path, vendored: Path) -> Path:
    return shared if shared.exists() else vendored


REFERENCE = _pick(SHARED / "reference" / "000_51d5fedaae8918af.txt", TESTS / "data" / "000_51d5fedaae8918af.txt")


def require_tool(name: str) -> str:
    """The path of an outside program the test needs (pdftotext, pdffonts, pdftoppm).

    Missing, it skips the test on a developer's machine, but fails it under CI (`CI=true`): an
    end-to-end check that silently stops running is worse than a red build.
    """
    path = shutil.which(name)
    if path is None:
        message = f"{name} (poppler-utils) is not installed"
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail(f"{message}; CI must run the end-to-end tests")
        pytest.skip(message)
    return path


def artifacts(*parts: str) -> Path:
    """A folder under `ARTIFACTS` for a test's output files (created, not emptied)."""
    folder = ARTIFACTS.joinpath(*parts)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
