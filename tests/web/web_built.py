"""One example built both ways, as the web tests use it (test support)."""

from __future__ import annotations

from pathlib import Path

import attrs

from juesuan_pdf import doc


@attrs.frozen
class Built:
    """One example built both ways: its document tree, the PDF and the page, and the PDF's text."""

    name: str
    document: doc.Document
    pdf: Path
    html: Path
    pdf_text: str
