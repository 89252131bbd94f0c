"""juesuan-pdf: 部门决算公开 documents from one data file.

The API is four plain steps and their composition::

    report = juesuan_pdf.load("report.toml")       # model.Report, amounts as Decimal
    findings = juesuan_pdf.check(report)            # 勾稽关系 findings (错误 / 提示)
    document = juesuan_pdf.compose(report)          # the format-neutral document tree
    pdf = juesuan_pdf.typeset(document)             # PDF bytes
    page = juesuan_pdf.render_html(document)        # the same document as one web page (HTML bytes)
    juesuan_pdf.build("report.toml", "out.pdf")     # check, compose, typeset, write atomically
"""

from __future__ import annotations

__version__ = "0.1.0"

# Imported eagerly: each step's name is also the name of its subpackage, and a lazily imported
# subpackage would replace the function of the same name on this module.
from juesuan_pdf.api import BuildOptions, BuildResult, RefusedError, build, render_html
from juesuan_pdf.check import check
from juesuan_pdf.compose import compose
from juesuan_pdf.load import load
from juesuan_pdf.model.report import Report
from juesuan_pdf.typeset import TypesetOptions, typeset

__all__ = [
    "BuildOptions",
    "BuildResult",
    "RefusedError",
    "Report",
    "TypesetOptions",
    "build",
    "check",
    "compose",
    "load",
    "render_html",
    "typeset",
]
