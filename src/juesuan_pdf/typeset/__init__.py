"""Typesetting: a format-neutral `doc.Document` in, print-ready PDF bytes out.

The only package that imports reportlab. It knows no 决算 words: everything it prints comes from the
document tree (headings, furniture words such as the page-number format)::

    pdf = typeset(document, TypesetOptions(fonts={"body": "/path/to/FangSong_GB2312.ttf"}))

Every character is checked against the fonts before layout (a character no font has raises BuildError),
and the same document and options always give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from juesuan_pdf import doc
from juesuan_pdf.typeset.geometry import PROFILES, Geometry, geometry

if TYPE_CHECKING:
    from juesuan_pdf.typeset.fonts import FontSet

__all__ = ["PROFILES", "Geometry", "TypesetOptions", "geometry", "typeset"]


def _frozen_mapping(value: Mapping[str, str]) -> Mapping[str, str]:
    """A sorted copy, so equal options compare and print alike whatever order the roles came in."""
    return dict(sorted(value.items()))


@attrs.frozen
class TypesetOptions:
    """How to typeset: geometry profile, font files by role and a fixed creation date.

    - `geometry`: a profile name from `PROFILES` ("gbt9704" is GB/T 9704-2012).
    - `fonts`: role → TrueType file (e.g. {"body": "/usr/share/fonts/FangSong_GB2312.ttf"}); roles not
      named use the bundled fonts.
    - `created`: the PDF creation date; default the document's `Metadata.created`, then SOURCE_DATE_EPOCH.
    """

    geometry: str = attrs.field(default="gbt9704", validator=attrs.validators.in_(sorted(PROFILES)))
    fonts: Mapping[str, str] = attrs.field(factory=dict, converter=_frozen_mapping)
    created: dt.datetime | None = None


def _font_set(options: TypesetOptions) -> FontSet:
    """The font set: bundled fonts with the options' role overrides (it remembers each text's segments).

    One set per font choice is kept for the life of the process, so a batch that typesets many documents
    in one worker parses each font once and reuses every text's faces and measurements.
    """
    return _shared_font_set(tuple(options.fonts.items()))


@functools.lru_cache(maxsize=8)
def _shared_font_set(fonts: tuple[tuple[str, str], ...]) -> FontSet:
    from juesuan_pdf.typeset.fonts import FontSet

    return FontSet(dict(fonts))


def typeset(document: doc.Document, options: TypesetOptions | None = None) -> bytes:
    """The PDF bytes of `document`."""
    # reportlab and the block typesetters are imported here, on the first document: importing the package
    # (as `validate` does, through `juesuan_pdf`) costs no reportlab.
    from juesuan_pdf.typeset import charts as _charts  # noqa: F401  (registers the chart block kinds)
    from juesuan_pdf.typeset import pdfmeta
    from juesuan_pdf.typeset import render as _render
    from juesuan_pdf.typeset import tables as _tables  # noqa: F401  (registers doc.Table)
    from juesuan_pdf.typeset.dispatch import RenderContext

    options = options or TypesetOptions()
    ctx = RenderContext(fonts=_font_set(options), geometry=geometry(options.geometry), furniture=document.furniture)
    with pdfmeta.binary_streams():
        return _render.render(document, ctx, created=options.created)
