"""The 13 公开表 as compose makes them for the PDF, and the titles they go by (internal, may change)."""

from __future__ import annotations

from juesuan_pdf.compose import profiles
from juesuan_pdf.compose.tables import TABLES
from juesuan_pdf.doc import Table
from juesuan_pdf.model.report import Report


def tables(report: Report) -> list[Table]:
    """The 13 公开表 of `report`, exactly as the PDF's 第五部分 holds them (the report's profile and settings)."""
    profile = profiles.for_report(report)
    return [m.build(report, profile) for m in TABLES]


def known_titles() -> dict[int, tuple[str, ...]]:
    """Every title each table goes by in the registered profiles."""
    found: dict[int, set[str]] = {}
    for profile in profiles.PROFILES.values():
        for number, title in profile.table_titles.items():
            found.setdefault(int(number), set()).add(title)
    return {n: tuple(sorted(t)) for n, t in sorted(found.items())}
