"""第五部分 附表: the part heading, the list of the 13 table titles, then the 13 tables.

The title list reproduces the reference's lines 2172–2185 (`一、收入支出决算总表` …); each table carries
its own outline text (the same words) so the PDF outline leads to it. Consecutive tables of the same
orientation are separated by a page break (orientation changes break pages by themselves).
"""

from __future__ import annotations

from juesuan_pdf.compose.numbers import cn_number
from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.tables import TABLES
from juesuan_pdf.doc import Block, Heading, PageBreak, Para, Spacer, Table
from juesuan_pdf.doc.blocks import ParaStyle
from juesuan_pdf.model.report import Report

LIST_STYLE: ParaStyle = "note"
LIST_GAP = 0.4  # body lines between list entries
"""The title list is set small (小四), flush left: a list of forms, not prose. At body size its longer
lines pass half the text width without being justified, which proof-reading tools take for overhangs."""


def titles(profile: Profile) -> list[str]:
    """`一、收入支出决算总表` … `十三、财政拨款“三公”经费支出决算表`."""
    return [f"{cn_number(m.NUMBER)}、{profile.table_title(m.NUMBER)}" for m in TABLES]


def build_part(report: Report, profile: Profile) -> list[Block]:
    """The part's content as a profile's part builder."""
    return body(report, profile)


def build(report: Report, profile: Profile) -> list[Block]:
    """The blocks of the part on its own (for tests): heading, then `body`."""
    spec = next(p for p in profile.parts if p.key == "tables")
    heading = f"{profile.part_number('tables')} {spec.title}"
    return [Heading(0, heading, "part-tables", page_break_before=True), *body(report, profile)]


def body(report: Report, profile: Profile) -> list[Block]:
    """The part's content: the title list, then the tables."""
    blocks: list[Block] = []
    for title in titles(profile):
        blocks += [Para.of(title, LIST_STYLE), Spacer(LIST_GAP)]
    blocks += with_breaks([m.build(report, profile) for m in TABLES])
    return blocks


def with_breaks(tables: list[Table]) -> list[Block]:
    """Tables with a page break before each one that does not change orientation (the first included)."""
    out: list[Block] = []
    previous_landscape = False
    for table in tables:
        if table.landscape == previous_landscape:
            out.append(PageBreak())
        out.append(table)
        previous_landscape = table.landscape
    return out
