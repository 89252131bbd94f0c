"""The block → boxes dispatch shared by the layout modules.

`document.py` owns the page flow; each module that lays out a block kind registers its function here
(`tables.py` registers `doc.Table`, `charts.py` the charts), so no module needs to import `document`.
"""

from __future__ import annotations

import functools

import attrs

from juesuan_pdf.doc import Furniture
from juesuan_pdf.typeset.geometry import Geometry
from juesuan_pdf.typeset.layout.boxes import Box, FrameState
from juesuan_pdf.typeset.layout.text import Fonts


@attrs.frozen
class LayoutContext:
    """What a block needs to become boxes: the fonts, the geometry profile, the furniture words and the
    state of the frame being filled."""

    fonts: Fonts
    geometry: Geometry
    furniture: Furniture = Furniture()
    frame: FrameState = attrs.field(factory=FrameState)


@functools.singledispatch
def to_boxes(block: object, ctx: LayoutContext) -> list[Box]:
    """The boxes that lay out `block`; each block type registers its own implementation."""
    raise TypeError(f"no layout registered for block type {type(block).__name__}")
