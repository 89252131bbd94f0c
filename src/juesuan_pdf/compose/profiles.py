"""Document profiles: which parts and sections a disclosure has, in which order, and their fixed words.

A profile is data. The Sichuan 2023 profile (`SICHUAN_2023`, the default) reproduces the reference
document: its part and section order, heading texts, figure captions, glossary entries and the
wording quirks of its sentences (`与上年持平` in one place, `与2022年持平` in another, `完成预算的0%`
for a rate of nothing). Another province or year is another `Profile` value, never an `if`.

Parts whose builders have not been written yet (the annexes, the 13 tables) join the profile when
their module exists; until then they are absent, never placeholders.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Literal

import attrs

from juesuan_pdf.compose import phrases
from juesuan_pdf.compose.numbers import cn_number
from juesuan_pdf.compose.parts import explanation, glossary, overview
from juesuan_pdf.compose.phrases import Comparison
from juesuan_pdf.compose.sections import (
    s01_totals,
    s02_income,
    s03_expenditure,
    s04_fiscal,
    s05_general_budget,
    s06_basic,
    s07_sangong,
    s08_gov_fund,
    s09_state_capital,
    s10_other,
)
from juesuan_pdf.doc import Block
from juesuan_pdf.model.report import Report

Builder = Callable[[Report, "Profile"], list[Block]]
"""A part or section builder: the report and the profile in, doc blocks out."""


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
    """Sentence wording that differs between documents (the reference's choices are the defaults)."""

    of_nothing: str | None = "0"
    totals: Comparison = Comparison("与{prev}年度相比，{subject}各{change}", "{subject}与{prev}年度持平")
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
    reception_use: str = "主要用于执行公务、开展业务活动开支的交通费、住宿费、用餐费等。"
    annex_reference: str = "报告详见附件（{part}）。"


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
        factory=lambda: {"部门": {"duties": "部门职责"}, "单位": {"duties": "主要职责"}}
    )
    percent_places: int = 1
    part_label: str = "第{n}部分"
    cover_title: str = "{year}年度{subject}决算"
    toc_title: str = "目录"
    toc_levels: int = 2
    page_number: str = "— {n} —"
    continued: str = "（续）"
    no_chart: str = "{title}各项金额均为0万元，不作图。"
    """Said in place of a figure whose every amount is 0 ({title}: the caption after its 图N：)."""

    def heading(self, key: str, **slots: object) -> str:
        """The fixed heading text `key`, its slots filled."""
        return self.headings[key].format(**slots)

    def words(self, subject: str) -> Mapping[str, str]:
        """Words that differ between a 部门 and a 单位 document (一、部门职责 / 一、主要职责)."""
        return self.subject_words.get(subject, {})

    def rate(self, part: Decimal, whole: Decimal) -> str:
        """A share or completion rate as printed (`23.7%`); a zero whole prints the profile's choice."""
        text = phrases.rate_text(part, whole, self.percent_places, self.wording.of_nothing)
        return "" if text is None else text

    def completion(self, actual: Decimal, budget: Decimal) -> str:
        """A completion rate (`63.6%`); with no budget only 0 of 0 has one (the profile's choice), else ``."""
        if budget == 0 and actual != 0:
            return ""
        return self.rate(actual, budget)

    def part_number(self, key: str, present: Sequence[str] | None = None) -> str:
        """The label of the part `key` (`第四部分`), counting the parts `present` (all of them by default)."""
        keys = list(present) if present is not None else [p.key for p in self.parts]
        return self.part_label.format(n=cn_number(keys.index(key) + 1))


# ------------------------------------------------------------------------------------------------ Sichuan 2023

SICHUAN_2023_HEADINGS: Mapping[str, str] = {
    "overview.duties": "一、{duties}",
    "overview.item": "{n}.{title}。",
    "overview.units": "二、机构设置",
    "s05.1": "（一）一般公共预算财政拨款支出决算总体情况",
    "s05.2": "（二）一般公共预算财政拨款支出决算结构情况",
    "s05.3": "（三）一般公共预算财政拨款支出决算具体情况",
    "s07.1": "（一）“三公”经费财政拨款支出决算总体情况说明",
    "s07.2": "（二）“三公”经费财政拨款支出决算具体情况说明",
    "s10.1": "（一）机关运行经费支出情况",
    "s10.2": "（二）政府采购支出情况",
    "s10.3": "（三）国有资产占有使用情况",
    "s10.4": "（四）预算绩效管理情况。",
}

SICHUAN_2023_CAPTIONS: Mapping[str, str] = {
    "fig1": "图1：收支决算总计变动情况图",
    "fig2": "图2：收入决算结构图",
    "fig3": "图3：支出决算结构图",
    "fig4": "图4：财政拨款收、支决算总计变动情况",
    "fig5": "图5：一般公共预算财政拨款支出决算变动情况",
    "fig6": "图6：一般公共预算财政拨款支出决算结构",
    "fig7": "图7：“三公”经费财政拨款支出结构",
}

SICHUAN_2023_GLOSSARY: tuple[GlossaryEntry, ...] = (
    GlossaryEntry("财政拨款收入", "指单位从同级财政部门取得的财政预算资金。"),
    GlossaryEntry("上级补助收入", "指从主管部门和上级单位取得的非财政补助收入。", when="income.higher_subsidy"),
    GlossaryEntry("事业收入", "指事业单位开展专业业务活动及辅助活动取得的收入。"),
    GlossaryEntry("经营收入", "指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。"),
    GlossaryEntry("附属单位上缴收入", "指事业单位附属的独立核算单位按有关规定上缴的收入。", when="income.affiliated"),
    GlossaryEntry("其他收入", "指单位取得的除上述收入以外的各项收入。"),
    GlossaryEntry(
        "使用非财政拨款结余（含专用结余）", "指事业单位使用以前年度积累的非财政拨款结余弥补当年收支差额的金额。"
    ),
    GlossaryEntry("年初结转和结余", "指以前年度尚未完成、结转到本年按有关规定继续使用的资金。"),
    GlossaryEntry("结余分配", "指事业单位按照会计制度规定缴纳的所得税、提取的专用结余以及转入非财政拨款结余的金额等。"),
    GlossaryEntry("年末结转和结余", "指单位按有关规定结转到下年或以后年度继续使用的资金。"),
    GlossaryEntry(kind="accounts"),
    GlossaryEntry("基本支出", "指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。"),
    GlossaryEntry("项目支出", "指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。"),
    GlossaryEntry(
        "上缴上级支出", "指事业单位按照财政部门和主管部门的规定上缴上级单位的支出。", when="expenditure.remit_upper"
    ),
    GlossaryEntry("经营支出", "指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动发生的支出。"),
    GlossaryEntry(
        "对附属单位补助支出",
        "指事业单位用财政补助收入之外的收入对附属单位补助发生的支出。",
        when="expenditure.subsidy_affiliated",
    ),
    GlossaryEntry("“三公”经费", kind="sangong"),
    GlossaryEntry(
        "机关运行经费",
        "为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公及印刷费、"
        "邮电费、差旅费、会议费、日常维修费、办公用房水电费、办公用房物业管理费以及其他费用。",
    ),
)

SICHUAN_2023_SANGONG = SangongGlossary(
    lead="指部门用财政拨款安排的{names}。",
    detail="其中，{explanations}。",
    components=(
        SangongComponent(
            "abroad",
            "因公出国（境）费",
            "因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出",
        ),
        SangongComponent(
            "vehicles",
            "公务用车购置及运行费",
            "公务用车购置及运行费反映单位公务用车车辆购置支出（含车辆购置税）及租用费、燃料费、维修费、过路过桥费、"
            "保险费等支出",
        ),
        SangongComponent("reception", "公务接待费", "公务接待费反映单位按规定开支的各类公务接待支出"),
    ),
)

SICHUAN_2023_SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec("s01", "收入支出决算总体情况说明", s01_totals.build),
    SectionSpec("s02", "收入决算情况说明", s02_income.build),
    SectionSpec("s03", "支出决算情况说明", s03_expenditure.build),
    SectionSpec("s04", "财政拨款收入支出决算总体情况说明", s04_fiscal.build),
    SectionSpec("s05", "一般公共预算财政拨款支出决算情况说明", s05_general_budget.build),
    SectionSpec("s06", "一般公共预算财政拨款基本支出决算情况说明", s06_basic.build),
    SectionSpec("s07", "财政拨款“三公”经费支出决算情况说明", s07_sangong.build),
    SectionSpec("s08", "政府性基金预算支出决算情况说明", s08_gov_fund.build),
    SectionSpec("s09", "国有资本经营预算支出决算情况说明", s09_state_capital.build),
    SectionSpec("s10", "其他重要事项的情况说明", s10_other.build),
)


def _optional_part(module: str, key: str, title: str) -> PartSpec | None:
    """The part built by `juesuan_pdf.compose.parts.<module>.body(report)`, if that module exists yet."""
    try:
        mod = importlib.import_module(f"juesuan_pdf.compose.parts.{module}")
    except ModuleNotFoundError as exc:
        if exc.name != f"juesuan_pdf.compose.parts.{module}":
            raise
        return None
    build_part: Callable[[Report], list[Block]] = getattr(mod, "body")  # noqa: B009
    return PartSpec(key, title, lambda report, _profile: build_part(report))


def _sichuan_parts() -> tuple[PartSpec, ...]:
    """第一部分 … 第五部分 of the Sichuan 2023 document (those whose builders exist)."""
    parts = [
        PartSpec("overview", "{subject}概况", overview.build),
        PartSpec("explanation", "{year}年度{subject}决算情况说明", explanation.build),
        PartSpec("glossary", "名词解释", glossary.build),
        _optional_part("annexes", "annexes", "附件"),
        _optional_part("tables_part", "tables", "附表"),
    ]
    return tuple(p for p in parts if p is not None)


SICHUAN_2023 = Profile(
    name="四川省部门决算公开（2023）",
    parts=_sichuan_parts(),
    sections=SICHUAN_2023_SECTIONS,
    headings=SICHUAN_2023_HEADINGS,
    captions=SICHUAN_2023_CAPTIONS,
    glossary=SICHUAN_2023_GLOSSARY,
    sangong_glossary=SICHUAN_2023_SANGONG,
)

DEFAULT = SICHUAN_2023
"""The profile `compose` uses when none is given."""
