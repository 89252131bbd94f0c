"""Moved to `typeset.layout.table_layout`; this name stays only while the old `typeset.tables` uses it."""

from juesuan_pdf.typeset.layout.table_layout import *  # noqa: F403
