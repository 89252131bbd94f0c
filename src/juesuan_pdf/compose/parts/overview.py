"""第一部分 部门概况: 一、部门职责 (主要职能, 重点工作完成情况) and 二、机构设置 from the units list."""

from __future__ import annotations

from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.doc import Block, Heading, Para
from juesuan_pdf.model.department import Department, Paragraphs, UnitKind
from juesuan_pdf.model.report import Report

STATED_KINDS: tuple[UnitKind, ...] = ("行政单位", "参照公务员法管理的事业单位", "其他事业单位")
"""Unit kinds the 机构设置 sentence always states (others only when present)."""



def duty_blocks(number: int, block: Paragraphs, profile: Profile) -> list[Block]:
    """`1.主要职能。` and its paragraphs, as written in the data (they keep their own （1） numbering).

    Without numbered duties (the data's setting) or without a title, the paragraphs follow the heading directly.
    """
    paragraphs: list[Block] = [Para.of(p) for p in block.paragraphs]
    if not profile.numbered_duties or not block.title:
        return paragraphs
    text = profile.heading("overview.item", n=number, title=block.title)
    # Level 3 sits directly under a level-1 heading here; kept out of outline and contents so the outline
    # mirrors parts and sections.
    title = Heading(3, text, key=f"overview.duties.{number}", outline=False, toc=False)
    return [title, *paragraphs]


def units_sentence(report: Report, profile: Profile) -> str:
    """`{单位}部门属于一级预算单位，下属二级预算单位7个，其中行政单位0个，…。` (counts from the units).

    A unit without subordinate units says so (`无下属二级预算单位`), never `下属二级预算单位0个`.
    """
    dept = report.department
    own = profile.words(dept.subject).get("own", "{name}").format(name=dept.name)
    subordinate = dept.subordinate_units
    if not subordinate:
        return profile.wording.units_none.format(own=own, level=dept.budget_level)
    counts = "，".join(profile.say("overview.unit_count", kind=k, n=dept.count_of(k)) for k in _kinds(dept))
    return profile.wording.units.format(own=own, level=dept.budget_level, n=len(subordinate), counts=counts)


def _kinds(dept: Department) -> list[UnitKind]:
    """The kinds to state: the three standard ones, then any other kind the units have."""
    extra = [u.kind for u in dept.subordinate_units if u.kind not in STATED_KINDS]
    return [*STATED_KINDS, *dict.fromkeys(extra)]


def scope_sentence(report: Report, profile: Profile) -> str:
    """`纳入{Y}年部门决算编制范围内的二级预算单位包括：…（本级）、…。` (one unit: `…的单位为…`)."""
    dept = report.department
    if not dept.subordinate_units:  # one unit: no （本级） to tell it from others
        names = [u.name for u in dept.units]
        return profile.wording.scope_single.format(year=report.year, subject=dept.subject, names="、".join(names))
    own_level = profile.say("overview.own_level")
    names = [u.name + (own_level if u.own_level and not u.name.endswith(own_level) else "") for u in dept.units]
    template = profile.wording.scope
    return template.format(year=report.year, subject=dept.subject, names="、".join(names))


def build(report: Report, profile: Profile) -> list[Block]:
    """一、部门职责 and 二、机构设置."""
    dept = report.department
    duties = profile.heading("overview.duties", subject=dept.subject, **profile.words(dept.subject))
    blocks: list[Block] = [Heading(1, duties, key="overview.duties")]
    for number, part in enumerate((dept.duties, dept.key_work), 1):
        if part.paragraphs:
            blocks += duty_blocks(number, part, profile)
    blocks.append(Heading(1, profile.heading("overview.units"), key="overview.units"))
    if dept.units:
        blocks += [Para.of(units_sentence(report, profile)), Para.of(scope_sentence(report, profile))]
    return blocks
