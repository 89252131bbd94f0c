"""PDF document information, language, viewer preferences and reproducible dates.

Two builds of the same input must give the same bytes: reportlab's invariant mode fixes the file
identifier, and the creation/modification dates come from the document (`Metadata.created`), else from
`SOURCE_DATE_EPOCH`, else from a fixed epoch — never from the clock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from reportlab import rl_config

from juesuan_pdf.doc import Metadata

# Used when neither the document nor the environment names a date: 2000-01-01T00:00:00Z, the same
# instant reportlab's own invariant mode uses.
FALLBACK_EPOCH = 946684800


def creation_date(metadata: Metadata, override: dt.datetime | None = None) -> dt.datetime:
    """The date written as /CreationDate and /ModDate: override, then metadata, then SOURCE_DATE_EPOCH, then 2000."""
    if override is not None:
        return _aware(override)
    if metadata.created is not None:
        return _aware(metadata.created)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    seconds = int(epoch) if epoch.isdigit() else FALLBACK_EPOCH
    return dt.datetime.fromtimestamp(seconds, dt.UTC)


def _aware(when: dt.datetime) -> dt.datetime:
    """`when` with a time zone: naive dates are taken as UTC so the output does not depend on the machine."""
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


def pdf_date(when: dt.datetime) -> str:
    """A PDF date string (ISO 32000 §7.9.4), e.g. D:20240131120000+08'00'."""
    offset = when.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hh, mm = divmod(abs(minutes), 60)
    return f"D:{when:%Y%m%d%H%M%S}{sign}{hh:02d}'{mm:02d}'"


def date_formatter(when: dt.datetime) -> Callable[..., str]:
    """A reportlab date formatter that ignores the clock and always gives `when`."""
    text = pdf_date(when)

    def fmt(*_ymdhms: int) -> str:
        return text

    return fmt


def doc_template_kwargs(metadata: Metadata) -> Mapping[str, Any]:
    """Keyword arguments for BaseDocTemplate: information entries, /Lang, DisplayDocTitle, invariant mode."""
    return {
        "title": metadata.title,
        "author": metadata.author,
        "subject": metadata.subject,
        "keywords": list(metadata.keywords),
        "creator": metadata.creator,
        # The producer names the library, not the reportlab version, so upgrades do not change the bytes.
        "producer": metadata.creator,
        "lang": metadata.lang,
        "displayDocTitle": True,
        "invariant": 1,
        "pageCompression": 1,
    }


@contextlib.contextmanager
def binary_streams() -> Iterator[None]:
    """Within the block, reportlab writes compressed streams as binary, not ASCII85-encoded.

    ASCII85 only makes a PDF 7-bit clean, which no reader needs; it adds a quarter to every compressed
    stream and, without reportlab's C accelerator, encoding it was a tenth of a build.
    """
    before = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = before
