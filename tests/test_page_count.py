"""The page count the build reports is the PDF's page tree count, not a bookmark count."""

from __future__ import annotations

from juesuan_pdf.api import count_pages


def test_outline_counts_do_not_count_as_pages() -> None:
    pdf = (
        b"1 0 obj\n<< /Count 35 /First 3 0 R /Last 4 0 R /Type /Outlines >>\nendobj\n"
        b"2 0 obj\n<< /Count 34 /Kids [ 5 0 R 6 0 R ] /Type /Pages >>\nendobj\n"
        b"7 0 obj\n<< /Count -3 /Parent 1 0 R /Title (x) >>\nendobj\n"
    )
    assert count_pages(pdf) == 34


def test_no_page_tree_is_zero() -> None:
    assert count_pages(b"%PDF-1.4\n") == 0
