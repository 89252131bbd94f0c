"""第五部分 附表: the part heading, the list of the 13 table titles, then the 13 tables.

The title list reproduces the reference's lines 2172–2185 (`一、收入支出决算总表` …); each table carries
its own outline text (the same words) so the PDF outline leads to it. Consecutive tables of the same
orientation are separated by a page break (orientation changes break pages by themselves).
"""

from __future__ import annotations

from types import ModuleType

import attrs

from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.tables import TABLES
from juesuan_pdf.compose.tables._rows import cn_number
from juesuan_pdf.doc import Block, Heading, PageBreak, Para, Spacer, Table
from juesuan_pdf.doc.blocks import ParaStyle
from juesuan_pdf.model.report import Report

PART_TITLE = "第五部分 附表"
PART_KEY = "part-5"
NOTE_SUBJECT = "注：本表反映部门"
LIST_STYLE: ParaStyle = "note"
LIST_GAP = 0.4  # body lines between list entries
"""The title list is set small (小四), flush left: a list of forms, not prose. At body size its longer
lines pass half the text width without being justified, which proof-reading tools take for overhangs."""


def title_of(module: ModuleType, profile: Profile | None) -> str:
    """A table's title: the profile's (or the data's) own for its number, else the form's standard title."""
    return module.TITLE if profile is None else profile.table_title(module.NUMBER, module.TITLE)


def titles(profile: Profile | None = None) -> list[str]:
    """`一、收入支出决算总表` … `十三、财政拨款“三公”经费支出决算表`."""
    return [f"{cn_number(m.NUMBER)}、{title_of(m, profile)}" for m in TABLES]


def build_part(report: Report, profile: Profile) -> list[Block]:
    """The part's content as a profile's part builder (titles as the profile names them)."""
    return body(report, profile)


def build(report: Report) -> list[Block]:
    """The blocks of 第五部分 on its own: heading, then `body`."""
    return [Heading(0, PART_TITLE, PART_KEY, page_break_before=True), *body(report)]


def body(report: Report, profile: Profile | None = None) -> list[Block]:
    """The part's content: the title list, then the tables."""
    blocks: list[Block] = []
    for title in titles(profile):
        blocks += [Para.of(title, LIST_STYLE), Spacer(LIST_GAP)]
    subject = report.department.subject
    blocks += with_breaks([retitled(m, m.build(report), profile, subject) for m in TABLES])
    return blocks


def retitled(module: ModuleType, table: Table, profile: Profile | None, subject: str = "部门") -> Table:
    """`table` under the profile's title for it (its outline entry follows), its notes about the `subject`.

    The forms' notes are written of a 部门 (`本表反映部门本年度…`); a 单位决算 says `本表反映单位本年度…`.
    """
    title = title_of(module, profile)
    notes = tuple(note.replace(NOTE_SUBJECT, NOTE_SUBJECT.replace("部门", subject), 1) for note in table.notes)
    if title == table.title and notes == table.notes:
        return table
    return attrs.evolve(table, title=title, outline_text=f"{cn_number(module.NUMBER)}、{title}", notes=notes)


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
