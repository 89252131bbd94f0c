"""Importing the package costs no reportlab: a command that never typesets (validate) never loads it."""

from __future__ import annotations

import subprocess
import sys


def test_importing_juesuan_pdf_does_not_import_reportlab() -> None:
    code = "import sys, juesuan_pdf, juesuan_pdf.typeset.geometry; print('reportlab' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"

