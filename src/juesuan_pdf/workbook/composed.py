"""The 13 公开表 as compose makes them for the PDF, and the titles they go by (internal, may change).

compose is gaining document profiles (a branch in flight builds each table as `build(report, profile)`
with its title from `Profile.table_titles`); before that a table module builds from the report alone and
carries its `TITLE`. Both shapes are read here, in one place, so export and import follow whichever
compose they run with; once profiles are on main this reduces to the profile branch.
"""

from __future__ import annotations

from typing import Any

from juesuan_pdf.compose import profiles as compose_profiles
from juesuan_pdf.compose.tables import TABLES
from juesuan_pdf.doc import Table
from juesuan_pdf.model.report import Report


def report_profile(report: Report) -> Any:
    """The profile `report` is composed with (None while compose has no per-report profiles)."""
    for_report = getattr(compose_profiles, "for_report", None)
    return None if for_report is None else for_report(report)


def tables(report: Report) -> list[Table]:
    """The 13 公开表 of `report`, exactly as the PDF's 第五部分 holds them."""
    profile = report_profile(report)
    return [m.build(report) if profile is None else m.build(report, profile) for m in TABLES]


def known_titles() -> dict[int, tuple[str, ...]]:
    """Every title each table goes by (the table modules' and every registered profile's)."""
    found: dict[int, set[str]] = {}
    for module in TABLES:
        if hasattr(module, "TITLE"):
            found.setdefault(module.NUMBER, set()).add(module.TITLE)
    for profile in getattr(compose_profiles, "PROFILES", {}).values():
        for number, title in getattr(profile, "table_titles", {}).items():
            found.setdefault(number, set()).add(title)
    return {n: tuple(sorted(t)) for n, t in sorted(found.items())}
