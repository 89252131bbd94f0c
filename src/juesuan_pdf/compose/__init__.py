"""compose: the model of one department's 决算 in, the format-neutral document tree out.

`compose(report, profile)` assembles the cover, the table of contents and the profile's parts in order
(第一部分 部门概况, 第二部分 决算情况说明, 第三部分 名词解释, then the annexes and tables parts). Every
sentence is generated from the model by `phrases`, every figure printed by `numbers`, and every fixed
word comes from the profile. This package never imports reportlab.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from juesuan_pdf.compose.numbers import cn_number
from juesuan_pdf.doc import Block, Document, Heading
from juesuan_pdf.model.report import Report

if TYPE_CHECKING:
    from juesuan_pdf.compose.profiles import PartSpec, Profile

__all__ = ["compose"]


def compose(report: Report, profile: Profile | None = None) -> Document:
    """The whole document of `report` laid out by `profile` (default: Sichuan 2023)."""
    from juesuan_pdf.compose.charts import drawn
    from juesuan_pdf.compose.parts import cover
    from juesuan_pdf.compose.profiles import DEFAULT

    profile = profile or DEFAULT
    blocks: list[Block] = cover.build(report, profile)
    contents = [(part, [drawn(b, profile) for b in part.build(report, profile)]) for part in profile.parts]
    present = [(part, body) for part, body in contents if body]
    for number, (part, body) in enumerate(present, 1):
        blocks += [part_heading(report, profile, part, number), *body]
    return Document(metadata=cover.metadata(report, profile), blocks=tuple(blocks), furniture=cover.furniture(profile))


def part_heading(report: Report, profile: Profile, part: PartSpec, number: int) -> Heading:
    """A part's heading (on a new page): `第N部分` by its place among the parts present, then its title."""
    label = profile.part_label.format(n=cn_number(number))
    title = part.title.format(year=report.year, subject=report.department.subject)
    return Heading(0, f"{label} {title}", key=f"part-{number}", page_break_before=True)
