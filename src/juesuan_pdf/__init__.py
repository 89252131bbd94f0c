"""juesuan-pdf: 部门决算公开 documents from one data file.

The API is four plain steps and their composition::

    report = juesuan_pdf.load("report.toml")       # model.Report, amounts as Decimal
    findings = juesuan_pdf.check(report)            # 勾稽关系 findings (错误 / 提示)
    juesuan_pdf.build("report.toml", "out.pdf")     # check, compose, typeset, write atomically
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["BuildOptions", "Report", "build", "check", "compose", "load", "typeset"]

if TYPE_CHECKING:
    from juesuan_pdf.api import BuildOptions, build
    from juesuan_pdf.check import check
    from juesuan_pdf.compose import compose
    from juesuan_pdf.load import load
    from juesuan_pdf.model.report import Report
    from juesuan_pdf.typeset import typeset

_WHERE = {
    "BuildOptions": "juesuan_pdf.api",
    "build": "juesuan_pdf.api",
    "check": "juesuan_pdf.check",
    "compose": "juesuan_pdf.compose",
    "load": "juesuan_pdf.load",
    "Report": "juesuan_pdf.model.report",
    "typeset": "juesuan_pdf.typeset",
}


def __getattr__(name: str) -> Any:
    """Import the API lazily, so `juesuan-pdf validate` never pays for loading reportlab."""
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'juesuan_pdf' has no attribute {name!r}")
