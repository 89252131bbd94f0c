"""The layout package makes frames without reportlab: importing all of it, and laying out boxes, loads none."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
import juesuan_pdf.typeset.layout.boxes, juesuan_pdf.typeset.layout.flow, juesuan_pdf.typeset.layout.frames
from juesuan_pdf.typeset.layout import charts, contents, cover, document, figures, headings, pages, paragraph, tables
from juesuan_pdf.typeset.layout.boxes import FrameState, Spacer
from juesuan_pdf.typeset.layout.flow import Paginator, Template

pages = Paginator([Template("p", 100, 100, (10, 10, 80, 80))], "p", FrameState()).run([Spacer(50), Spacer(50)])
assert len(pages) == 2
loaded = sorted(m for m in sys.modules if m.startswith("reportlab") or m in ("juesuan_pdf.typeset.fonts",
                "juesuan_pdf.typeset.writer", "juesuan_pdf.typeset.pdfops"))
print(",".join(loaded))
"""


def test_layout_imports_and_paginates_without_reportlab() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
