"""The cover page, the table of contents and the document information (metadata, furniture words)."""

from __future__ import annotations

import datetime as dt

from juesuan_pdf.compose.numbers import date_cn
from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.doc import Block, Cover, Furniture, Metadata, TableOfContents
from juesuan_pdf.model.report import Report


def document_title(report: Report, profile: Profile) -> str:
    """`{单位全称}{年度}年度部门决算`, the title of the PDF."""
    return report.department.name + cover_subtitle(report, profile)


def cover_subtitle(report: Report, profile: Profile) -> str:
    """`{年度}年度部门决算` (部门 or 单位 from the data)."""
    return profile.cover_title.format(year=report.year, subject=report.department.subject)


def build(report: Report, profile: Profile) -> list[Block]:
    """The cover (department and year as the title, the publication date when known) and the contents."""
    date = report.publication.date
    lower = (date_cn(date),) if date else ()
    cover = Cover(title_lines=(report.department.name, cover_subtitle(report, profile)), lower_lines=lower)
    return [cover, TableOfContents(title=profile.toc_title, levels=profile.toc_levels)]


def metadata(report: Report, profile: Profile) -> Metadata:
    """Title, author (the department), subject, keywords and the creation date from the publication date."""
    date = report.publication.date
    created = dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC) if date else None
    subject = profile.say("cover.subject", title=cover_subtitle(report, profile))
    keywords = (
        profile.say("cover.year", year=report.year),
        profile.say("cover.kind", subject=report.department.subject),
        report.department.name,
    )
    return Metadata(
        title=document_title(report, profile),
        author=report.department.name,
        subject=subject,
        keywords=keywords,
        created=created,
    )


def furniture(profile: Profile) -> Furniture:
    """The words the typesetter prints around the content (page numbers, continued labels)."""
    return Furniture(page_number=profile.page_number, continued=profile.continued)
