"""What a document profile is: the types only (parts, sections, headings, wording, percent precision).

A profile is data: which parts and sections a disclosure has, in which order, and every fixed word of
them. The builders that fill the parts are named by the profile instance (`compose.sichuan`), never
imported here, so section and part modules import this module freely and `compose/` has no import
circle. Another province or year is another `Profile` value, never an `if`; the settings of a data
file (`[publication]`) become a profile by `compose.profiles.for_report`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import attrs

from juesuan_pdf.compose import phrases
from juesuan_pdf.compose.numbers import cn_number
from juesuan_pdf.compose.phrases import Comparison
from juesuan_pdf.model.money import Precision
from juesuan_pdf.model.report import Report

if TYPE_CHECKING:
    from juesuan_pdf.doc import Block

Builder = Callable[[Report, "Profile"], "list[Block]"]
"""A part or section builder: the report and the profile in, doc blocks out."""


@attrs.frozen
class Later:
    """A builder named by its module and function, imported on its first call.

    A profile instance names its builders this way, so choosing a profile and applying a data file's
    settings to it (as `validate` does) imports no part, section, chart or table module.
    """

    module: str
    name: str = "build"

    def __call__(self, report: Report, profile: Profile) -> list[Block]:
        builder: Builder = getattr(importlib.import_module(self.module), self.name)
        return builder(report, profile)


@attrs.frozen
class PartSpec:
    """One part (第X部分): its key, its title after the ordinal, and its builder (the content only).

    The title may use `{year}` and `{subject}` (部门/单位). A part whose builder gives nothing is left
    out, and the parts present are numbered in order, so a document without annexes has no gap.
    """

    key: str
    title: str
    build: Builder


@attrs.frozen
class SectionSpec:
    """One numbered section of 第二部分 (一、…); the number comes from its position."""

    key: str
    title: str
    build: Builder


GlossaryKind = Literal["text", "accounts", "sangong"]


@attrs.frozen
class GlossaryEntry:
    """A 名词解释 entry: a fixed term with its text, the per-项 entries, or the generated 三公 entry.

    `when` names a model figure by its dotted path from the report (`income.higher_subsidy`): the entry
    is printed only when that figure is non-zero. Empty: always printed.
    """

    term: str = ""
    text: str = ""
    kind: GlossaryKind = "text"
    when: str = ""


@attrs.frozen
class SangongComponent:
    """A 三公 component as the glossary names and explains it; `field` is the model's amount field."""

    field: Literal["abroad", "vehicles", "reception"]
    name: str
    explanation: str


@attrs.frozen
class SangongGlossary:
    """The 三公 entry's wording: it names only the components the department has (SPEC §4)."""

    lead: str
    detail: str
    components: tuple[SangongComponent, ...]


@attrs.frozen
class Wording:
    """Sentence wording that differs between documents (the reference's choices are the defaults).

    Templates name their slots in braces: `{year}` this year, `{prev}` last year, `{subject}` what is
    compared, `{change}` a change phrase, `{amount}` an amount with its unit.
    """

    of_nothing: str | None = "0"
    no_budget: str | None = None
    abroad_no_budget: str = "年初未安排预算"
    totals: Comparison = Comparison("与{prev}年度相比，{subject}各{change}", "{subject}与{prev}年度持平")
    totals_equal: str = "{year}年度{prefix}收、支总计均为{total}。"
    totals_unequal: str = "{year}年度{prefix}收入总计{income}，{prefix}支出总计{spent}。"
    totals_apart: str = "与{prev}年度相比，{prefix}收入总计{income}，{prefix}支出总计{spent}"
    general_budget: Comparison = Comparison("与{prev}年度相比，{subject}{change}", "{subject}与{prev}年度持平")
    sangong_total: Comparison = Comparison("较上年{change}", "与上年持平")
    sangong_abroad: Comparison = Comparison(
        "因公出国（境）支出决算较{prev}年度{change}", "因公出国（境）支出决算较{prev}年度无变化"
    )
    sangong_vehicles: Comparison = Comparison(
        "公务用车购置及运行维护费支出决算比{prev}年度{change}", "公务用车购置及运行维护费支出决算与{prev}年度持平"
    )
    sangong_reception: Comparison = Comparison(
        "公务接待费支出决算比{prev}年{change}", "公务接待费支出决算与{prev}年持平"
    )
    running_cost: Comparison = Comparison("比{prev}年度{change}", "与{prev}年度持平")
    change_reason: str = "主要变动原因是"
    running_cost_reason: str = "主要原因是"
    sangong_reason: str = "主要原因是"
    reception_use: str = "主要用于执行公务、开展业务活动开支的交通费、住宿费、用餐费等。"
    foreign_reception: str = "外事接待支出{amount}，外事接待{batches}批次，{persons}人，共计支出{amount}。"
    foreign_reception_none: str | None = None
    fund_expenditure: str = "{year}年度{fund}预算拨款支出{amount}"
    annex_reference: str = "报告详见附件（{part}）。"
    units: str = "{own}属于{level}，下属二级预算单位{n}个，其中{counts}。"
    units_none: str = "{own}属于{level}，无下属二级预算单位。"
    scope: str = "纳入{year}年{subject}决算编制范围内的二级预算单位包括：{names}。"
    scope_single: str = "纳入{year}年{subject}决算编制范围的单位为{names}。"


@attrs.frozen
class Profile:
    """Everything about a document's shape that is not the department's data."""

    name: str
    parts: tuple[PartSpec, ...]
    sections: tuple[SectionSpec, ...]
    headings: Mapping[str, str]
    captions: Mapping[str, str]
    glossary: tuple[GlossaryEntry, ...]
    sangong_glossary: SangongGlossary
    wording: Wording = Wording()
    subject_words: Mapping[str, Mapping[str, str]] = attrs.field(
        factory=lambda: {
            "部门": {"duties": "部门职责", "own": "{name}部门"},
            "单位": {"duties": "主要职责", "own": "{name}"},
        }
    )
    percent_places: int = 1
    change_precision: Precision | None = None
    share_precision: Precision | None = None
    sentences: Mapping[str, str] = attrs.field(factory=dict)
    table_titles: Mapping[int, str] = attrs.field(factory=dict)
    labels: Mapping[str, str] = attrs.field(factory=dict)
    """The fixed words of the 公开表 (column headers, row labels: `table.*`) and of the annex forms (`annex.*`)."""
    totals_basis: Literal["总计", "本年合计"] = "总计"
    numbered_duties: bool = True
    part_label: str = "第{n}部分"
    cover_title: str = "{year}年度{subject}决算"
    toc_title: str = "目录"
    toc_levels: int = 2
    page_number: str = "— {n} —"
    continued: str = "（续）"
    empty_fund_absent: bool = False
    """八/九 for a fund with nothing (no income, lines or carry-overs): the `fund.none` sentence, not its 0万元."""
    no_chart: str = "{title}各项金额均为0万元，不作图。"
    """Said in place of a figure whose every amount is 0 ({title}: the caption after its 图N：)."""

    @property
    def change(self) -> Precision:
        """How change rates (增长/下降 x%) are printed: the profile's own choice, else `percent_places` half-up."""
        return self.change_precision or Precision(self.percent_places)

    @property
    def share(self) -> Precision:
        """How shares and completion rates (占 x%) are printed."""
        return self.share_precision or Precision(self.percent_places)

    def heading(self, key: str, **slots: object) -> str:
        """The fixed heading text `key`, its slots filled."""
        return self.headings[key].format(**slots)

    def say(self, key: str, **slots: object) -> str:
        """The sentence template `key` of the profile, its slots filled (`{year}`, `{amount}`, …)."""
        return self.sentences[key].format(**slots)

    def words(self, subject: str) -> Mapping[str, str]:
        """Words that differ between a 部门 and a 单位 document (一、部门职责 / 一、主要职责)."""
        return self.subject_words.get(subject, {})

    def label(self, key: str) -> str:
        """The table or form word `key` (`table.item` → 项目)."""
        return self.labels[key]

    def table_title(self, number: int) -> str:
        """The title of 公开表 `number` (the data's own when it gives one)."""
        return self.table_titles[number]

    def rate(self, part: Decimal, whole: Decimal) -> str:
        """A share or completion rate as printed (`23.7%`); a zero whole prints the profile's choice."""
        p = self.share
        text = phrases.rate_text(part, whole, p.places, self.wording.of_nothing, p.rounding, fixed=p.fixed)
        return "" if text is None else text

    def shares(self, items: Iterable[tuple[str, Decimal]], whole: Decimal) -> str:
        """`{name}{x}万元，占{p}%` items joined by `；`, the shares printed as the profile prints shares."""
        p = self.share
        return phrases.share_items(items, whole, p.places, self.wording.of_nothing, p.rounding, fixed=p.fixed)

    def compare(self, current: Decimal, previous: Decimal | None, wording: Comparison, **slots: object) -> str:
        """The comparison clause with last year (empty when unknown), the rate printed as change rates are."""
        p = self.change
        return phrases.compare(current, previous, wording, p.places, p.rounding, fixed=p.fixed, **slots)

    def completion(self, actual: Decimal, budget: Decimal) -> str:
        """A completion rate (`63.6%`); with no budget only 0 of 0 has one (the profile's choice), else ``."""
        if budget == 0 and (actual != 0 or self.wording.no_budget is not None):
            return ""
        return self.rate(actual, budget)

    def part_number(self, key: str, present: Sequence[str] | None = None) -> str:
        """The label of the part `key` (`第四部分`), counting the parts `present` (all of them by default)."""
        keys = list(present) if present is not None else [p.key for p in self.parts]
        return self.part_label.format(n=cn_number(keys.index(key) + 1))
