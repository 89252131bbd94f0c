"""The known profiles by name, and the profile a report is built with (its data's settings applied).

`for_report(report, name)` picks the profile named by the caller (CLI `--profile`, API), else by the
data file (`[publication] profile`), else the default, and applies the data file's document settings
(`[publication]`: percent places and rounding, year words, headings, table titles, …) to it.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from typing import Any

import attrs

from juesuan_pdf.compose.phrases import Comparison
from juesuan_pdf.compose.profile import Profile, Wording
from juesuan_pdf.compose.sichuan import SICHUAN_2023
from juesuan_pdf.errors import BuildError
from juesuan_pdf.model.money import Precision
from juesuan_pdf.model.report import Publication, Report

PROFILES: Mapping[str, Profile] = {"四川2023": SICHUAN_2023}
"""Profiles by the name a data file, the CLI or the API gives."""

DEFAULT = SICHUAN_2023
"""The profile `compose` uses when none is given."""


class UnknownProfileError(BuildError):
    """A profile name that no profile has."""

    def __init__(self, name: str) -> None:
        self.name = name
        known = "、".join(PROFILES)
        super().__init__(f"没有名为“{name}”的文档样式（profile）；可用的有：{known}")


def named(name: str) -> Profile:
    """The profile called `name`; an unknown name is a `BuildError` listing the known ones."""
    try:
        return PROFILES[name]
    except KeyError:
        raise UnknownProfileError(name) from None


def for_report(report: Report, name: str | None = None, base: Profile | None = None) -> Profile:
    """The profile `report` is built with: `base`, else `name`, else the data's, else the default; settings applied."""
    if base is None:
        chosen = name or report.publication.profile
        base = named(chosen) if chosen else DEFAULT
    return apply_settings(base, report.publication)


class TemplateError(BuildError):
    """A heading or sentence template of the data file that the profile cannot use."""


def _slots(template: str) -> set[str]:
    """The slot names a template uses (`{year}年度` → {"year"})."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError:
        raise TemplateError(f"模板“{template}”的花括号不成对（花括号本身请写成 {{{{ 或 }}}}）") from None


def checked(table: str, known: Mapping[str, str], given: Mapping[str, str]) -> Mapping[str, str]:
    """`given` templates of `[publication.<table>]`, each a key the profile has, using only the slots it offers."""
    for key, template in given.items():
        if key not in known:
            names = "、".join(sorted(known))
            raise TemplateError(f"[publication.{table}] 中的“{key}”不是本样式的模板名称；可用的有：{names}")
        extra = _slots(template) - _slots(known[key])
        if extra:
            offered = "、".join(f"{{{n}}}" for n in sorted(_slots(known[key]))) or "（无）"
            raise TemplateError(
                f"[publication.{table}] “{key}” = “{template}” 用了此处没有的 "
                f"{'、'.join(f'{{{n}}}' for n in sorted(extra))}；此处可用：{offered}"
            )
    return given


def table_titles(given: Mapping[str, str]) -> dict[int, str]:
    """`[publication.table_titles]` by form number; a key that is no form's number is refused, never ignored."""
    from juesuan_pdf.compose.tables import TABLES  # the forms themselves: only when a data file renames one

    numbers = {str(m.NUMBER): m.NUMBER for m in TABLES}
    for key, title in given.items():
        if key not in numbers:
            raise TemplateError(
                f"[publication.table_titles] 中的“{key}”不是公开表的表号；"
                f"应为 1 到 {len(TABLES)} 的数字（如 8 = “{title}”）"
            )
        if not title.strip():
            raise TemplateError(f"[publication.table_titles] 中 {key} 号表的标题为空")
    return {numbers[key]: title.strip() for key, title in given.items()}


_PREV_YEAR = re.compile(r"\{prev\}年度?")
_THIS_YEAR = re.compile(r"\{year\}年度?")


def _comparison_year(wording: Wording, word: str) -> Wording:
    """Every comparison template with `{prev}` followed by `word` (年 or 年度)."""
    changes: dict[str, Any] = {}
    for f in attrs.fields(Wording):
        value = getattr(wording, f.name)
        if isinstance(value, Comparison):
            changes[f.name] = Comparison(*(_PREV_YEAR.sub("{prev}" + word, t) for t in (value.changed, value.flat)))
        elif isinstance(value, str) and "{prev}" in value:
            changes[f.name] = _PREV_YEAR.sub("{prev}" + word, value)
    return attrs.evolve(wording, **changes)


def apply_settings(profile: Profile, s: Publication) -> Profile:
    """`profile` with the data file's document settings applied (each default leaves the profile as it is)."""
    wording = profile.wording
    if s.prior_year_word:
        wording = _comparison_year(wording, s.prior_year_word)
    if s.fund_year_word or s.appropriation_word:
        template = wording.fund_expenditure
        if s.fund_year_word:
            template = _THIS_YEAR.sub("{year}" + s.fund_year_word, template)
        if s.appropriation_word:
            template = template.replace("预算拨款", s.appropriation_word)
        wording = attrs.evolve(wording, fund_expenditure=template)
    if s.no_budget:
        wording = attrs.evolve(wording, no_budget=s.no_budget)
    if s.totals_wording == "各是":
        wording = attrs.evolve(wording, totals_unequal="{year}年度{prefix}收、支总计各是{income_n}、{spent_n}万元。")
    if s.zero_foreign_reception == "简写":
        wording = attrs.evolve(wording, foreign_reception_none="外事接待支出{amount}。")
    changes: dict[str, Any] = {"wording": wording}
    if s.change_places is not None or s.change_rounding or s.trailing_zero:
        changes["change_precision"] = Precision(
            s.change_places if s.change_places is not None else profile.change.places,
            s.change_rounding or profile.change.rounding,
            s.trailing_zero == "保留" if s.trailing_zero else profile.change.fixed,
        )
    if s.share_places is not None or s.share_rounding or s.trailing_zero:
        changes["share_precision"] = Precision(
            s.share_places if s.share_places is not None else profile.share.places,
            s.share_rounding or profile.share.rounding,
            s.trailing_zero == "保留" if s.trailing_zero else profile.share.fixed,
        )
    if s.headings:
        changes["headings"] = {**profile.headings, **checked("headings", profile.headings, s.headings)}
    if s.sentences:
        changes["sentences"] = {**profile.sentences, **checked("sentences", profile.sentences, s.sentences)}
    if s.labels:
        changes["labels"] = {**profile.labels, **checked("labels", profile.labels, s.labels)}
    if s.table_titles:
        changes["table_titles"] = {**profile.table_titles, **table_titles(s.table_titles)}
    if s.totals_basis:
        changes["totals_basis"] = s.totals_basis
    if s.empty_fund:
        changes["empty_fund_absent"] = s.empty_fund == "无"
    if s.toc_levels is not None:
        changes["toc_levels"] = s.toc_levels
    if s.numbered_duties is not None:
        changes["numbered_duties"] = s.numbered_duties
    return attrs.evolve(profile, **changes)
