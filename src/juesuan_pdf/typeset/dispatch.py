"""The block → flowables dispatch shared by the typeset modules (internal, may change).

`render.py` owns the document template; each module that draws a block kind registers its function here
(`tables.py` registers `doc.Table`, `charts.py` the charts), so no module needs to import `render`.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import attrs

from juesuan_pdf.doc import Furniture

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from juesuan_pdf.typeset.fonts import FontSet
    from juesuan_pdf.typeset.geometry import Geometry


@attrs.frozen
class RenderContext:
    """What a block needs to become flowables: the font set, the geometry profile and the furniture words."""

    fonts: FontSet
    geometry: Geometry
    furniture: Furniture = Furniture()


@functools.singledispatch
def to_flowables(block: object, ctx: RenderContext) -> list[Flowable]:
    """The flowables that draw `block`; each block type registers its own implementation."""
    raise TypeError(f"no typesetter registered for block type {type(block).__name__}")
