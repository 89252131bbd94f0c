"""第二部分 决算情况说明: the profile's sections in order, numbered 一、二、… by position."""

from __future__ import annotations

from juesuan_pdf.compose.numbers import cn_number
from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.doc import Block, Heading
from juesuan_pdf.model.report import Report


def build(report: Report, profile: Profile) -> list[Block]:
    """Each section's heading (level 1) followed by its blocks."""
    blocks: list[Block] = []
    for number, section in enumerate(profile.sections, 1):
        blocks.append(Heading(1, f"{cn_number(number)}、{section.title}", key=f"explanation.{section.key}"))
        blocks += section.build(report, profile)
    return blocks
