"""Importing the package costs no reportlab: a command that never typesets (validate) never loads it."""

from __future__ import annotations

import subprocess
import sys


def test_importing_juesuan_pdf_does_not_import_reportlab() -> None:
    code = "import sys, juesuan_pdf, juesuan_pdf.typeset.geometry; print('reportlab' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_the_page_count_is_the_page_tree_s_not_the_outline_s() -> None:
    import io

    from pypdf import PdfReader

    from juesuan_pdf import doc
    from juesuan_pdf.api import count_pages
    from juesuan_pdf.typeset import typeset

    # Forty bookmarks on one page: the outline's /Count (40) is not the number of pages.
    headings = tuple(doc.Heading(1, f"{k}、标题", f"h{k}") for k in range(40))
    pdf = typeset(doc.Document(doc.Metadata("示例"), headings))
    assert count_pages(pdf) == len(PdfReader(io.BytesIO(pdf)).pages) < 40
