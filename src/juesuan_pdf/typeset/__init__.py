"""Typesetting: a format-neutral `doc.Document` in, print-ready PDF bytes out.

`layout` turns the document into pages of positioned items (frames: plain data, no reportlab); the
writer draws them with reportlab, the only library that writes PDF here. It knows no 决算 words:
everything it prints comes from the document tree (headings, furniture words such as the page-number
format)::

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

from juesuan_pdf import collector, doc
from juesuan_pdf.typeset.geometry import PROFILES, Geometry, geometry

if TYPE_CHECKING:
    from juesuan_pdf.typeset.fonts import FontSet
    from juesuan_pdf.typeset.layout.frames import Page

__all__ = ["PROFILES", "Geometry", "TypesetOptions", "geometry", "lay_out", "typeset"]


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


def lay_out(document: doc.Document, options: TypesetOptions | None = None) -> list[Page]:
    """The pages of `document` as frames: positioned glyph runs, rules, shapes, links and outline marks."""
    # The layout modules are imported on the first document: importing the package (as `validate` does,
    # through `juesuan_pdf`) costs no layout and no reportlab.
    from juesuan_pdf.typeset.layout import charts as _charts  # noqa: F401  (registers the chart block kinds)
    from juesuan_pdf.typeset.layout import document as _document
    from juesuan_pdf.typeset.layout import tables as _tables  # noqa: F401  (registers doc.Table)
    from juesuan_pdf.typeset.layout.dispatch import LayoutContext

    options = options or TypesetOptions()
    ctx = LayoutContext(fonts=_font_set(options), geometry=geometry(options.geometry), furniture=document.furniture)
    return _document.lay_out(document, ctx)


def typeset(document: doc.Document, options: TypesetOptions | None = None) -> bytes:
    """The PDF bytes of `document`: laid out as frames (`lay_out`), then written with reportlab."""
    from juesuan_pdf.typeset import writer

    options = options or TypesetOptions()
    with collector.paused():  # layout and writing make no cycles worth collecting (see `collector`)
        pages = lay_out(document, options)
        body, size = _font_set(options).font_name("body"), geometry(options.geometry).body_size
        return writer.write(pages, document.metadata, initial_font=body, initial_size=size, created=options.created)
