"""Web output: a format-neutral `doc.Document` in, one self-contained HTML page out.

The page is written from the same document tree as the PDF, so it carries the same headings, sentences,
figures and tables; nothing here words anything. It imports only `doc` and the standard library (never
reportlab, the model or compose), makes no external request (no CDN, no web fonts: the reader's own CJK
fonts are named in the style sheet) and is deterministic: the same document gives the same bytes::

    page = render_html(document)          # UTF-8 bytes of one <!DOCTYPE html> page
"""

from __future__ import annotations

from juesuan_pdf.web.page import render_html

__all__ = ["render_html"]
