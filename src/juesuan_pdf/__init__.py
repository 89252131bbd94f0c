"""juesuan-pdf: 部门决算公开 documents from one data file.

The API is four plain steps and their composition::

    report = juesuan_pdf.load("report.toml")       # model.Report, amounts as Decimal
    findings = juesuan_pdf.check(report)            # 勾稽关系 findings (错误 / 提示)
    document = juesuan_pdf.compose(report)          # the format-neutral document tree
    pages = juesuan_pdf.lay_out(document)           # the pages as frames (positioned glyph runs, rules…)
    pdf = juesuan_pdf.typeset(document)             # PDF bytes
    juesuan_pdf.build("report.toml", "out.pdf")     # check, compose, typeset, write atomically
"""

from __future__ import annotations

import importlib
import sys
import types

# `typing` is not imported at run time: the console entry point imports this package first, and its
# first milliseconds are the only ones in which a Ctrl-C would still end in a traceback.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from juesuan_pdf.api import BuildOptions, BuildResult, RefusedError, build, render_html
    from juesuan_pdf.check import check
    from juesuan_pdf.compose import compose
    from juesuan_pdf.load import load
    from juesuan_pdf.model.report import Report
    from juesuan_pdf.typeset import TypesetOptions, lay_out, typeset

__version__ = "0.1.0"

# Each name is imported on first use, so `juesuan-pdf validate` never loads the typesetter (reportlab).
_API = {
    "BuildOptions": "juesuan_pdf.api",
    "BuildResult": "juesuan_pdf.api",
    "RefusedError": "juesuan_pdf.api",
    "build": "juesuan_pdf.api",
    "render_html": "juesuan_pdf.api",
    "check": "juesuan_pdf.check",
    "compose": "juesuan_pdf.compose",
    "load": "juesuan_pdf.load",
    "Report": "juesuan_pdf.model.report",
    "TypesetOptions": "juesuan_pdf.typeset",
    "lay_out": "juesuan_pdf.typeset",
    "typeset": "juesuan_pdf.typeset",
}

__all__ = [
    "BuildOptions",
    "BuildResult",
    "RefusedError",
    "Report",
    "TypesetOptions",
    "build",
    "check",
    "compose",
    "lay_out",
    "load",
    "render_html",
    "typeset",
]


class _Package(types.ModuleType):
    """This package's module type. The steps `check`, `compose`, `load` and `typeset` share their names with
    subpackages, and importing a subpackage sets the package attribute of that name to the module: the
    property wins over that assignment, so `juesuan_pdf.load` stays the function however imports happen."""

    def __getattr__(self, name: str) -> Any:
        if name not in _API:
            raise AttributeError(f"module 'juesuan_pdf' has no attribute {name!r}")
        return getattr(importlib.import_module(_API[name]), name)


def _step(name: str) -> property:
    def get(module: types.ModuleType) -> Any:
        return getattr(importlib.import_module(_API[name]), name)

    def set_(module: types.ModuleType, value: object) -> None:
        if not isinstance(value, types.ModuleType):
            raise AttributeError(f"juesuan_pdf.{name} is read-only")

    return property(get, set_)


for _name in ("check", "compose", "load", "typeset"):
    setattr(_Package, _name, _step(_name))

sys.modules[__name__].__class__ = _Package
