"""compose: the model of one department's 决算 in, the format-neutral document tree out.

`compose(report, profile)` assembles the cover, the table of contents and the profile's parts in order
(第一部分 部门概况, 第二部分 决算情况说明, 第三部分 名词解释, then the annexes and tables parts). Every
sentence is generated from the model by `phrases`, every figure printed by `numbers`, and every fixed
word comes from the profile (`compose.profile` the types, `compose.sichuan` the Sichuan instance,
`compose.profiles` the registry and the data file's settings). This package never imports reportlab.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from juesuan_pdf.compose.profile import PartSpec, Profile
    from juesuan_pdf.doc import Block, Document, Heading
    from juesuan_pdf.model.report import Report

__all__ = ["compose"]

# Nothing is imported here at run time: `validate` imports `compose.profiles` (to refuse a data file's
# unusable document settings), and that must not bring in the builders, charts and tables of a document.


def compose(report: Report, profile: Profile | str | None = None) -> Document:
    """The whole document of `report` laid out by `profile` (a profile or its name; default: the data's choice).

    The data file's document settings (`[publication]`) are applied to the profile; an unknown profile
    name raises `profiles.UnknownProfileError` (a `BuildError`) listing the known ones.
    """
    from juesuan_pdf.compose import profiles
    from juesuan_pdf.compose.charts import drawn
    from juesuan_pdf.compose.parts import cover
    from juesuan_pdf.doc import Document

    if isinstance(profile, str):
        resolved = profiles.for_report(report, name=profile)
    else:
        resolved = profiles.for_report(report, base=profile)
    blocks: list[Block] = cover.build(report, resolved)
    contents = [(part, [drawn(b, resolved) for b in part.build(report, resolved)]) for part in resolved.parts]
    present = [(part, body) for part, body in contents if body]
    for number, (part, body) in enumerate(present, 1):
        blocks += [part_heading(report, resolved, part, number), *body]
    return Document(
        metadata=cover.metadata(report, resolved), blocks=tuple(blocks), furniture=cover.furniture(resolved)
    )


def part_heading(report: Report, profile: Profile, part: PartSpec, number: int) -> Heading:
    """A part's heading (on a new page): `第N部分` by its place among the parts present, then its title."""
    from juesuan_pdf.compose.numbers import cn_number
    from juesuan_pdf.doc import Heading

    label = profile.part_label.format(n=cn_number(number))
    title = part.title.format(year=report.year, subject=report.department.subject)
    return Heading(0, f"{label} {title}", key=f"part-{number}", page_break_before=True)
