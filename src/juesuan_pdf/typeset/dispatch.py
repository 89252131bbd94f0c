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


@attrs.define(eq=False)
class FrameState:
    """Whether the frame being filled is still empty, kept by the document template (`render.DocTemplate`).

    Flowables ask it before giving up on keeping things together (moving on to an empty page would not
    help); they need not read the layout engine's private fields. Unknown (no template): not empty.
    """

    empty: bool = False


@attrs.frozen
class RenderContext:
    """What a block needs to become flowables: the font set, the geometry profile, the furniture words and
    the state of the frame being filled."""

    fonts: FontSet
    geometry: Geometry
    furniture: Furniture = Furniture()
    frame: FrameState = attrs.field(factory=FrameState)


@functools.singledispatch
def to_flowables(block: object, ctx: RenderContext) -> list[Flowable]:
    """The flowables that draw `block`; each block type registers its own implementation."""
    raise TypeError(f"no typesetter registered for block type {type(block).__name__}")
