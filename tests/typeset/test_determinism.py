"""Reproducible output: the same input gives the same bytes; dates come from data, never the clock."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from juesuan_pdf import doc
from juesuan_pdf.typeset import TypesetOptions, typeset
from juesuan_pdf.typeset.pdfmeta import creation_date, pdf_date


def document(created: dt.datetime | None = None) -> doc.Document:
    """A document with every block kind typeset owns: cover, contents, headings, text, chart, orientation."""
    blocks: tuple[doc.Block, ...] = (
        doc.Cover(("标题",), ("单位",)),
        doc.TableOfContents(),
        doc.Heading(0, "第一部分", "p1", page_break_before=True),
        doc.Heading(1, "一、概况", "p1s1"),
        doc.Para.of("正文段落，含数字4454.96万元和<b>标记</b>。" * 4),
        doc.Spacer(1),
        doc.BarChart("图1：示例", ("甲",), (doc.Series("2023年", (Decimal("12.5"),), ("12.5",)),)),
        doc.PageBreak("landscape"),
        doc.Para.of("横页。"),
    )
    return doc.Document(doc.Metadata("可重复", author="单位", created=created), blocks)


def info_date(pdf: bytes) -> str:
    """The /CreationDate of a PDF."""
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta is not None
    return str(meta["/CreationDate"])


def test_two_builds_are_byte_identical() -> None:
    created = dt.datetime(2024, 9, 30, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    first = typeset(document(created), TypesetOptions())
    second = typeset(document(created), TypesetOptions())
    assert first == second
    assert info_date(first) == "D:20240930100000+08'00'"


def test_without_a_date_source_date_epoch_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = typeset(document(), TypesetOptions())
    assert info_date(first) == "D:20231114221320+00'00'"
    assert typeset(document(), TypesetOptions()) == first


def test_without_any_date_a_fixed_epoch_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert info_date(typeset(document(), TypesetOptions())) == "D:20000101000000+00'00'"


def test_option_date_overrides_the_document_date() -> None:
    created = dt.datetime(2024, 1, 2, 3, 4, 5)
    pdf = typeset(document(dt.datetime(2020, 1, 1)), TypesetOptions(created=created))
    assert info_date(pdf) == "D:20240102030405+00'00'"


def test_naive_dates_are_utc_and_metadata_beats_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    when = creation_date(doc.Metadata("x", created=dt.datetime(2024, 5, 6)))
    assert pdf_date(when) == "D:20240506000000+00'00'"
