"""第三部分 名词解释: the profile's generic entries, one entry per functional 项 used, numbered 一、二、….

Per-项 entries take their names from the code table (or the line's own `name`) and their text from the
data, so they always agree with 第二部分 (the reference's hand-typed glossary does not: DOMAIN.md §6.2
E10–E16). The 三公 entry names only the components the department budgeted or spent; entries with a
`when` figure (上级补助收入 …) appear only when that figure is non-zero. A term in
`report.publication.glossary` replaces the profile's text; an empty text drops the entry; new terms
follow the profile's entries.
"""

from __future__ import annotations

from juesuan_pdf.compose import phrases
from juesuan_pdf.compose.numbers import cn_number
from juesuan_pdf.compose.profile import GlossaryEntry, Profile, SangongGlossary
from juesuan_pdf.doc import Block, Para
from juesuan_pdf.model.report import Report

Entry = tuple[str, str]
"""(term, explanation) of one numbered entry."""


def account_entries(report: Report) -> list[Entry]:
    """One entry per 项 with expenditure or an explanation, each code once, in code order."""
    codes = report.codes()
    seen: dict[str, Entry] = {}
    for line in sorted(report.accounts, key=lambda a: a.code):
        if line.code not in seen and (line.actual != 0 or line.explanation):
            seen[line.code] = (phrases.account_name(codes, line.code, line.name), line.explanation.strip())
    return list(seen.values())


def sangong_text(report: Report, wording: SangongGlossary) -> str:
    """`指部门用财政拨款安排的公务接待费。其中，公务接待费反映…。` naming only the components present."""
    budget, actual = report.sangong.budget, report.sangong.actual
    present = [c for c in wording.components if getattr(budget, c.field) or getattr(actual, c.field)]
    chosen = present or list(wording.components)
    names = phrases.enumerate_names([c.name for c in chosen])
    lead = wording.lead.format(names=names, subject=report.department.subject)
    return lead + wording.detail.format(explanations="；".join(c.explanation for c in chosen))


def applies(entry: GlossaryEntry, report: Report) -> bool:
    """Whether the entry is printed: always, or when the figure its `when` path names is non-zero."""
    value: object = report
    for name in filter(None, entry.when.split(".")):
        value = getattr(value, name)
    return value is report or bool(value)


def profile_entry(entry: GlossaryEntry, report: Report, profile: Profile) -> list[Entry]:
    """The entries one profile item stands for (a fixed term, the 三公 term, or all 项 entries)."""
    if not applies(entry, report):
        return []
    if entry.kind == "accounts":
        return account_entries(report)
    text = sangong_text(report, profile.sangong_glossary) if entry.kind == "sangong" else entry.text
    return [(entry.term, report.publication.glossary.get(entry.term, text))]


def entries(report: Report, profile: Profile) -> list[Entry]:
    """All entries in order, with the data's overrides applied and emptied entries dropped."""
    found = [e for item in profile.glossary for e in profile_entry(item, report, profile)]
    known = {term for term, _ in found}
    found += [(t, x) for t, x in report.publication.glossary.items() if t not in known]
    return [(term, text) for term, text in found if text.strip()]


def entry_text(number: int, term: str, text: str) -> str:
    """`一、财政拨款收入：指…。`"""
    return f"{cn_number(number)}、{term}：{text}"


def build(report: Report, profile: Profile) -> list[Block]:
    """The numbered entries as body paragraphs."""
    return [Para.of(entry_text(n, term, text)) for n, (term, text) in enumerate(entries(report, profile), 1)]
