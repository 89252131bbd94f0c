"""第三部分 名词解释: generic entries, one entry per 项, the 三公 entry, numbering, overrides.

The reference's glossary (its lines 173–231) is reproduced line for line except where it is wrong
(DOMAIN.md §6.2 E10–E16); `DELIBERATE` lists each differing line with the reason.
"""
# ruff: noqa: E501  (the reference's entries are quoted whole)

from __future__ import annotations

import functools
from decimal import Decimal as D
from pathlib import Path

import attrs
import pytest

from juesuan_pdf.compose.parts import glossary
from juesuan_pdf.compose.profile import GlossaryEntry
from juesuan_pdf.compose.sichuan import SICHUAN_2023
from juesuan_pdf.load import load
from juesuan_pdf.model.finance import AccountLine, SangongAmounts
from juesuan_pdf.model.report import Report

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "zhaohua-renshe-2023" / "report.toml"
P = SICHUAN_2023


@functools.cache
def example() -> Report:
    """The reference document as data."""
    return load(EXAMPLE)


def texts(report: Report, profile=P) -> list[str]:  # type: ignore[no-untyped-def]
    """The printed entries."""
    return [glossary.entry_text(n, t, x) for n, (t, x) in enumerate(glossary.entries(report, profile), 1)]


# The reference's entries that the generated glossary reproduces exactly (its lines 173–212).
SAME = [
    "一、财政拨款收入：指单位从同级财政部门取得的财政预算资金。",
    "二、事业收入：指事业单位开展专业业务活动及辅助活动取得的收入。",
    "三、经营收入：指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。",
    "四、其他收入：指单位取得的除上述收入以外的各项收入。",
    "五、使用非财政拨款结余（含专用结余）：指事业单位使用以前年度积累的非财政拨款结余弥补当年收支差额的金额。",
    "六、年初结转和结余：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。",
    "七、结余分配：指事业单位按照会计制度规定缴纳的所得税、提取的专用结余以及转入非财政拨款结余的金额等。",
    "八、年末结转和结余：指单位按有关规定结转到下年或以后年度继续使用的资金。",
    "九、教育支出（类）其他教育支出（款）其他教育支出（项）：指用于开展人才引进和公开考调工作人员、驻外农民工工作站建设等发生的项目支出。",
    "十、科学技术支出（类）其他科学技术支出（款）其他科学技术支出（项）：指用于发放科技拔尖人才特殊补贴的项目支出。",
    "十一、社会保障和就业支出（类）人力资源和社会保障管理事务（款）行政运行（项）：指局机关及二级经办机构用于保障机构正常运行、开展日常工作的基本支出。",
    "十二、社会保障和就业支出（类）人力资源和社会保障管理事务（款）社会保险经办机构（项）：指为开展城乡居民养老保险财政代缴、缴纳基础养老金等城居保本级配套资金。",
    "十三、社会保障和就业支出（类）人力资源和社会保障管理事务（款）引进人才费用（项）：指为发放引进（考录）高层次人才及急需紧缺专业人才安家补助。",
    "十四、社会保障和就业支出（类）人力资源和社会保障管理事务（款）事业运行（项）：指为保障局机关及二级经办机构用于事业人员工资、保险等人员经费方面的支出。",
    "十五、社会保障和就业支出（类）人力资源和社会保障管理事务（款）其他人力资源和社会保障管理事务支出（项）：指人社局除上述项目外，开展其他人力资源和社会保障管理事务方面专门性工作任务的支出，如高校毕业生“三支一扶”补助资金、三支一扶安家费、省级社保公共服务能力建设资金、争取项目资金工作经费、招商引资等基本支出和项目支出。",
    "十八、社会保障和就业支出（类）就业补助（款）就业创业服务补贴（项）：指为开展就业创业工作购买服务、委托业务等的支出。",
    "十九、社会保障和就业支出（类）就业补助（款）职业培训补贴（项）：指为企业开展职业培训发生的补贴支出。",
    "二十、社会保障和就业支出（类）就业补助（款）社会保险补贴（项）：指为开展灵活就业困难人员、企业社保补贴等支出。",
    "二十一、社会保障和就业支出（类）就业补助（款）公益性岗位补贴（项）：指为开展城镇、村级公益性岗位发放公益性岗位补贴支出。",
    "二十二、社会保障和就业支出（类）就业补助（款）就业见习补贴（项）：指为开展就业见习的补贴支出。",
]

# (reference line, the reference's text, the generated text, why they differ)
DELIBERATE = [
    (201, "十六、社会保障和就业支出（类）机关事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）：指为单位职工缴纳养老保险费用。",
     "十六、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）：指为单位职工缴纳养老保险费用。",
     "E13: the 款 20805 is 行政事业单位养老支出 in the code table and in 第二部分 line 8"),
    (203, "十七、社会保障和就业支出（类）现在事业单位养老支出（款）机关事业单位职业年金缴费支出（项）：指为单位离退休、调出等人员缴纳职业年金单位做实部分。",
     "十七、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）：指为单位离退休、调出等人员缴纳职业年金单位做实部分。",
     "E13: 现在事业单位养老支出 is a typing error for 行政事业单位养老支出"),
    (214, "二十三、社会保障和就业支出（类）就业补助（款）其他就业补贴支出（项）：指为发放全区在职人员参加研究生教育学费的项目支出。",
     "二十三、社会保障和就业支出（类）就业补助（款）其他就业补助支出（项）：反映除上述项目以外其他用于就业补助方面的支出。",
     "E12: the 项 is 其他就业补助支出 (not 补贴); the reference put the 9.85万元 account's text here, the data gives 2080799 its own"),
    (None, "",
     "二十四、社会保障和就业支出（类）其他社会保障和就业支出（款）其他社会保障和就业支出（项）：指为发放全区在职人员参加研究生教育学费的项目支出。",
     "E11: the reference has no entry for the 9.85万元 account (2089999) stated in 第二部分 line 16"),
    (216, "二十四、医疗卫生与计划生育支出（类）行政事业单位医疗（款）行政单位医疗（项）：指单位按规定为职工缴纳的基本医疗保险。",
     "二十五、卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）：指单位按规定为职工缴纳的基本医疗保险。",
     "E14: 类 210 is 卫生健康支出 since 2019 and the 项 of 第二部分 line 17 is 事业单位医疗; numbering shifted by E11"),
    (218, "二十五、农林水支出（类）巩固脱贫攻坚成果衔接乡村振兴（款）其他巩固脱贫攻坚成果衔接乡村振兴（项）：指为开展东西部劳务协作发生的项目支出。",
     "二十六、农林水支出（类）巩固脱贫攻坚成果衔接乡村振兴（款）其他巩固脱贫攻坚成果衔接乡村振兴支出（项）：指为开展东西部劳务协作发生的项目支出。",
     "E15: the 项 name ends in 支出; numbering shifted by E11"),
    (220, "二十六、农林水支出（类）普惠金融发展支出（款）创业担保贷款贴息及奖补（项）：指为发放创业担保贷款贴息的项目支出。",
     "二十七、农林水支出（类）普惠金融发展支出（款）{name}（项）：指为发放创业担保贷款贴息的项目支出。",
     "numbering shifted by E11 (the name is the code table's for the data's code)"),
    (222, "二十七、住房保障支出（类）住房改革支出（款）住房公积金（项）：指单位按规定为职工缴纳的住房公积金。",
     "二十八、住房保障支出（类）住房改革支出（款）住房公积金（项）：指单位按规定为职工缴纳的住房公积金。",
     "numbering shifted by E11"),
    (223, "二十七、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
     "二十九、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
     "E10: 二十七 is used twice in the reference; E11 shifts one more"),
    (225, "二十八、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
     "三十、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。", "numbering (E10, E11)"),
    (227, "二十九、经营支出：指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动发生的支出。",
     "三十一、经营支出：指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动发生的支出。", "numbering (E10, E11)"),
    (229, "三十、“三公”经费：指部门用财政拨款安排的公务接待费。其中，公务接待费反映单位按规定开支的各类公务接待支出。",
     "三十二、“三公”经费：指部门用财政拨款安排的公务接待费。其中，公务接待费反映单位按规定开支的各类公务接待支出。",
     "numbering (E10, E11); the wording is generated and names only 公务接待费, as the reference does"),
    (231, "三十一、机关运行经费：为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公及印刷费、邮电费、差旅费、会议费、日常维修费、办公用房水电费、办公用房物业管理费以及其他费用。",
     "三十三、机关运行经费：为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公及印刷费、邮电费、差旅费、会议费、日常维修费、办公用房水电费、办公用房物业管理费以及其他费用。",
     "numbering (E10, E11)"),
]


def _name_2130804(report: Report) -> str:
    from juesuan_pdf.model.accounts import load_code_table

    code = next(a.code for a in report.accounts if a.code.startswith("21308"))
    return load_code_table(report.year).functional_name(code)


def test_reproduced_entries_are_verbatim():
    generated = texts(example())
    for line in SAME:
        assert line in generated


@pytest.mark.parametrize(("line", "reference", "generated", "why"), DELIBERATE, ids=[str(d[0]) for d in DELIBERATE])
def test_deliberate_differences(line, reference, generated, why):  # type: ignore[no-untyped-def]
    """Each differing entry: the reference's line is not printed, the corrected one is, for the stated reason."""
    entries = texts(example())
    expected = generated.format(name=_name_2130804(example()))
    assert expected in entries, why
    if reference and reference != expected:
        assert reference not in entries


def test_every_account_explanation_appears():
    r = example()
    entries = "\n".join(texts(r))
    for line in r.accounts:
        assert line.explanation in entries


def test_whole_list_is_numbered_consecutively():
    entries = texts(example())
    assert len(entries) == 33
    assert entries[-1].startswith("三十三、机关运行经费：")
    assert len(SAME) + sum(1 for d in DELIBERATE) == 33


def _with_sangong(budget: SangongAmounts, actual: SangongAmounts) -> Report:
    r = example()
    return attrs.evolve(r, sangong=attrs.evolve(r.sangong, budget=budget, actual=actual))


def test_sangong_entry_names_the_components_present():
    all_three = _with_sangong(SangongAmounts(abroad=D(1), vehicle_running=D(1), reception=D(1)), SangongAmounts())
    text = dict(glossary.entries(all_three, P))["“三公”经费"]
    assert text.startswith("指部门用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。其中，因公出国（境）费反映")
    assert text.endswith("公务接待费反映单位按规定开支的各类公务接待支出。")
    two = _with_sangong(SangongAmounts(), SangongAmounts(abroad=D(1), vehicle_purchase=D(1)))
    assert dict(glossary.entries(two, P))["“三公”经费"].startswith(
        "指部门用财政拨款安排的因公出国（境）费和公务用车购置及运行费。其中，"
    )
    none = _with_sangong(SangongAmounts(), SangongAmounts())
    assert "因公出国（境）费、公务用车购置及运行费和公务接待费。" in dict(glossary.entries(none, P))["“三公”经费"]


def test_publication_overrides_replace_drop_and_add():
    r = example()
    overrides = {"事业收入": "", "基本支出": "指单位为保障机构正常运转发生的支出。", "上级补助收入": "指从主管部门取得的非财政补助收入。"}
    r = attrs.evolve(r, publication=attrs.evolve(r.publication, glossary=overrides))
    entries = texts(r)
    assert not any("事业收入：" in e for e in entries)
    assert "二十八、基本支出：指单位为保障机构正常运转发生的支出。" in entries
    assert entries[-1] == "三十三、上级补助收入：指从主管部门取得的非财政补助收入。"


def test_account_entries_once_per_code_in_code_order_with_name_override():
    r = example()
    extra = (
        AccountLine("2080101", fund="政府性基金", project=D(1), explanation="重复的科目"),
        AccountLine("2010101", name="本级行政运行", basic=D(1), explanation="指…"),
        AccountLine("2010102", explanation=""),  # no expenditure and no text: no entry
    )
    r = attrs.evolve(r, accounts=(*r.accounts, *extra))
    entries = glossary.account_entries(r)
    names = [t for t, _ in entries]
    assert names[0] == "一般公共服务支出（类）人大事务（款）本级行政运行（项）"
    assert sum("行政运行（项）" in n and "人力资源" in n for n in names) == 1
    assert not any("一般行政管理事务" in n for n in names)


def test_glossary_order_is_profile_data():
    short = attrs.evolve(P, glossary=(GlossaryEntry("基本支出", "甲。"), GlossaryEntry(kind="accounts")))
    entries = texts(example(), short)
    assert entries[0] == "一、基本支出：甲。"
    assert entries[1].startswith("二、教育支出（类）")
    assert len(entries) == 21


def test_conditional_entries_appear_with_their_figure():
    """上级补助收入 and the like are printed only when the department has such income or expenditure."""
    r = example()
    assert "上级补助收入" not in dict(glossary.entries(r, P))
    r = attrs.evolve(r, income=attrs.evolve(r.income, higher_subsidy=D("5")),
                     expenditure=attrs.evolve(r.expenditure, subsidy_affiliated=D("1")))
    entries = texts(r)
    assert entries[1] == "二、上级补助收入：指从主管部门和上级单位取得的非财政补助收入。"
    assert "三、事业收入：指事业单位开展专业业务活动及辅助活动取得的收入。" in entries
    assert any(e.endswith("对附属单位补助支出：指事业单位用财政补助收入之外的收入对附属单位补助发生的支出。") for e in entries)
    assert len(entries) == 35
