"""The format-neutral document tree that `compose` builds and `typeset` draws."""

from juesuan_pdf.doc.blocks import (
    Block,
    Cover,
    Document,
    Furniture,
    Heading,
    KeepTogether,
    Metadata,
    PageBreak,
    Para,
    Run,
    Spacer,
    TableOfContents,
)
from juesuan_pdf.doc.chart import BarChart, PieChart, Series, Slice
from juesuan_pdf.doc.contents import contents_entry, entry_label
from juesuan_pdf.doc.table import Cell, Column, Row, Table

__all__ = [
    "BarChart",
    "Block",
    "Cell",
    "Column",
    "Cover",
    "Document",
    "Furniture",
    "Heading",
    "KeepTogether",
    "Metadata",
    "PageBreak",
    "Para",
    "PieChart",
    "Row",
    "Run",
    "Series",
    "Slice",
    "Spacer",
    "Table",
    "TableOfContents",
    "contents_entry",
    "entry_label",
]
