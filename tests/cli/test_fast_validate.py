"""`validate` checks without loading the typesetter: reportlab is never imported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).parents[2] / "examples" / "zhaohua-renshe-2023" / "report.toml"

PROBE = """
import sys
from juesuan_pdf.cli import main
code = main(["validate", "--quiet", sys.argv[1]])
heavy = sorted(m for m in sys.modules if m.split(".")[0] == "reportlab" or m.startswith("juesuan_pdf.typeset"))
print("HEAVY", heavy, code)
"""


def test_validate_never_imports_the_typesetter() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE, str(EXAMPLE)], capture_output=True, text=True)
    assert "HEAVY [] 0" in done.stdout, done.stdout + done.stderr


BATCH_ONLY = ("rich", "concurrent", "multiprocessing", "csv", "json", "juesuan_pdf.api")
"""Modules a one-file `validate` does not need: the process pool, the progress bar and summary table, the
report writers and the build API."""

ONE_FILE = """
import sys
from juesuan_pdf.cli import main
code = main(["validate", sys.argv[1]])
loaded = sorted(m for m in sys.modules if m.startswith(tuple(sys.argv[2:])))
print("LOADED", loaded, code)
"""


def test_a_one_file_validate_imports_no_batch_machinery() -> None:
    done = subprocess.run([sys.executable, "-c", ONE_FILE, str(EXAMPLE), *BATCH_ONLY], capture_output=True, text=True)
    assert "LOADED [] 0" in done.stdout, done.stdout[-2000:] + done.stderr
    assert "未发现问题" in done.stdout or "处提示" in done.stdout  # the findings were printed all the same


DOCUMENT_ONLY = ("juesuan_pdf.compose.sections", "juesuan_pdf.compose.parts", "juesuan_pdf.compose.charts",
                 "juesuan_pdf.compose.tables", "juesuan_pdf.doc")
"""Modules that make a document: `validate` chooses the profile (to refuse unusable settings) without them."""


def test_validate_chooses_the_profile_without_the_document_builders() -> None:
    done = subprocess.run([sys.executable, "-c", ONE_FILE, str(EXAMPLE), *DOCUMENT_ONLY], capture_output=True,
                          text=True)
    assert "LOADED [] 0" in done.stdout, done.stdout[-2000:] + done.stderr


def test_the_package_api_still_resolves_lazily() -> None:
    probe = "import juesuan_pdf, juesuan_pdf.load.toml, juesuan_pdf.typeset.fonts; " \
            "print(callable(juesuan_pdf.load), callable(juesuan_pdf.typeset), juesuan_pdf.Report.__name__)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stdout.split() == ["True", "True", "Report"], done.stderr


NOT_FOR_GOOD_DATA = ("difflib", "zipfile", "importlib.resources")
"""Modules a `validate` of a good file does not need: key suggestions for misspelt keys, and the package
resource readers (the code tables are read from the folder beside the module)."""


def test_a_good_file_is_validated_without_key_suggestions_or_resource_readers() -> None:
    done = subprocess.run([sys.executable, "-c", ONE_FILE, str(EXAMPLE), *NOT_FOR_GOOD_DATA], capture_output=True,
                          text=True)
    assert "LOADED [] 0" in done.stdout, done.stdout[-2000:] + done.stderr
