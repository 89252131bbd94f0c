"""The 勾稽关系 checker: every rule of `rules.RULES` applied to a report, as a list of findings.

`check(report)` gives the findings in rule order; `check(report, source_text)` also gives each the line
of the data file where its first figure is written.
"""

from __future__ import annotations

import re

import attrs

from juesuan_pdf.errors import Finding
from juesuan_pdf.load.paths import Path, line_index, line_of
from juesuan_pdf.model.report import Report

from .rules import RULES

__all__ = ["check", "parse_path"]

_PART = re.compile(r"\[第(\d+)个\]|([^.\[\]]+)")


def check(report: Report, source_text: str | None = None) -> list[Finding]:
    """All findings of all rules on `report`, in rule order; with `source_text`, each carries its line."""
    findings = [_accepted(finding, report) for rule in RULES for finding in rule(report)]
    if source_text is None:
        return findings
    index = line_index(source_text)
    return [_with_line(f, index) for f in findings]


def _accepted(finding: Finding, report: Report) -> Finding:
    """The finding marked with the publisher's reason when `[[publication.accepted]]` names its rule and a path."""
    for acceptance in report.publication.accepted:
        if acceptance.rule == finding.rule and acceptance.path in finding.paths:
            return attrs.evolve(finding, accepted=acceptance.reason)
    return finding


def _with_line(finding: Finding, index: dict[Path, int]) -> Finding:
    """The finding with the line of its first path written in the data file (when any is)."""
    if finding.line is not None:
        return finding
    lines = (line_of(index, parse_path(p)) for p in finding.paths)
    return attrs.evolve(finding, line=next((n for n in lines if n is not None), None))


def parse_path(text: str) -> Path:
    """A path as `load.paths.render` writes it, back as keys and 0-based indexes.

    >>> parse_path("accounts[第3个].code")
    ('accounts', 2, 'code')
    """
    return tuple(int(m.group(1)) - 1 if m.group(1) else m.group(2) for m in _PART.finditer(text))
