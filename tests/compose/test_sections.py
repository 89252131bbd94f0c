"""第二部分 sentences: the reference's sentences from the example data, then every variant on synthetic data."""
# ruff: noqa: E501  (the reference's sentences are quoted whole)

from __future__ import annotations

import functools
import re
from decimal import Decimal as D
from pathlib import Path

import attrs
import pytest

from juesuan_pdf.compose import phrases
from juesuan_pdf.compose.charts import fig1, fig4, fig5, fig6
from juesuan_pdf.compose.numbers import pct, wan
from juesuan_pdf.compose.parts import explanation
from juesuan_pdf.compose.profile import Wording
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
from juesuan_pdf.compose.sichuan import SICHUAN_2023
from juesuan_pdf.doc import Para
from juesuan_pdf.load import load
from juesuan_pdf.model.accounts import load_code_table
from juesuan_pdf.model.finance import (
    AccountLine,
    GrandTotals,
    Reception,
    SangongAmounts,
    Trips,
    VehicleCount,
    Vehicles,
    YearOnYear,
)
from juesuan_pdf.model.money import change, percent
from juesuan_pdf.model.other import EvaluationScore, VehiclesByUse
from juesuan_pdf.model.report import Report

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "zhaohua-renshe-2023" / "report.toml"
P = SICHUAN_2023
REASON = (
    "新增科技拔尖人才特殊补助7.2万元、全区在职人员参加研究生教育学费9.85万元、引进（考录）高层次人才及急需紧缺专业人才"
    "安家补助196.5万元、流动人员档案归集整理资金29.14万元"
)


@functools.cache
def example() -> Report:
    """The reference document as data."""
    return load(EXAMPLE)


def ev(obj, **changes):  # type: ignore[no-untyped-def]
    """attrs.evolve, short."""
    return attrs.evolve(obj, **changes)


# ------------------------------------------------------------------------------------- the reference's sentences
REFERENCE = [
    (
        s01_totals.totals_sentence,
        f"2023年度收、支总计均为4454.96万元。与2022年度相比，收、支总计各增加226.08万元，增长5.3%。主要变动原因是{REASON}。",
    ),
    (
        s02_income.income_sentence,
        "2023年本年收入合计4454.96万元，其中：一般公共预算财政拨款收入4454.96万元，占100%；政府性基金预算财政拨款收入0万元，"
        "占0%；国有资本经营预算财政拨款收入0万元，占0%；上级补助收入0万元，占0%；事业收入0万元，占0%；经营收入0万元，占0%；"
        "附属单位上缴收入0万元，占0%；其他收入0万元，占0%。",
    ),
    (
        s03_expenditure.expenditure_sentence,
        "2023年本年支出合计4454.96万元，其中：基本支出1056.77万元，占23.7%；项目支出3398.25万元，占76.3%；上缴上级支出0万元，"
        "占0%；经营支出0万元，占0%；对附属单位补助支出0万元，占0%。",
    ),
    (
        s04_fiscal.fiscal_sentence,
        "2023年度财政拨款收、支总计均为4454.96万元。与2022年度相比，财政拨款收、支总计各增加226.08万元，增长5.3%。"
        f"主要变动原因是{REASON}。",
    ),
    (
        s05_general_budget.overall_sentence,
        "2023年度一般公共预算财政拨款支出4454.96万元，占本年支出合计的100%。与2022年度相比，一般公共预算财政拨款支出"
        f"增加226.08万元，增长5.3%。主要变动原因是{REASON}。",
    ),
    (
        # The reference has a stray space after 以下方面： (DOMAIN §2.3: not reproduced).
        s05_general_budget.structure_sentence,
        "2023年度一般公共预算财政拨款支出4454.96万元，主要用于以下方面：教育支出112万元，占2.5%；科学技术支出7.2万元，"
        "占0.2%；社会保障和就业支出3943.86万元，占88.5%；卫生健康支出34.48万元，占0.8%；农林水支出283.1万元，占6.4%；"
        "住房保障支出74.32万元，占1.7%。",
    ),
    (
        s05_general_budget.budget_sentence,
        "2023年度一般公共预算支出全年预算数为4454.96万元，支出决算数为4454.96万元，完成全年预算数的100%。其中：",
    ),
    (
        s07_sangong.total_sentence,
        "2023年度“三公”经费财政拨款支出预算为14.8万元，支出决算为9.41万元，完成预算的63.6%；与上年持平。"
        "决算数小于预算数的主要原因是2023年响应政府“关于过紧日子十条措施”和单位科学管理所致。",
    ),
    (
        s07_sangong.shares_sentence,
        "2023年度“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0万元，占0%；公务用车购置及运行维护费支出决算0万元，"
        "占0%；公务接待费支出决算9.41万元，占100%。具体情况如下：",
    ),
    (s08_gov_fund.expenditure_sentence, "2023年度政府性基金预算拨款支出0万元。"),
    (s09_state_capital.expenditure_sentence, "2023年度国有资本经营预算拨款支出0万元。"),
    (
        s10_other.running_cost_sentence,
        "2023年，区人社局机关运行经费支出86.8万元，比2022年度减少248.2万元，下降74.1%。"
        "主要原因是2023年决算将其他运转项目支出决算数录入项目支出经费中。",
    ),
    (
        s10_other.procurement_sentence,
        "2023年，区人社局政府采购支出总额0.52万元，其中：政府采购货物支出0.52万元、政府采购工程支出0万元、政府采购服务支出0万元。"
        "主要用于就业劳动保障大厅建设空调采购。授予中小企业合同金额0.52万元，占政府采购支出总额的100%，其中：授予小微企业"
        "合同金额0.52万元，占授予中小企业合同金额的100%；货物采购授予中小企业合同金额占货物支出金额的100%，工程采购授予中小企业"
        "合同金额占工程支出金额的0%，服务采购授予中小企业合同金额占服务支出金额的0%。",
    ),
    (
        s10_other.planning_sentence,
        "根据预算绩效管理要求，本部门在2023年度预算编制阶段，组织对人力资源和社会保障工作经费、人才引进和公开考调工作经费、"
        "农民工工作站工作经费、争取项目资金工作经费、招商引资工作经费项目等5个项目开展了预算事前绩效评估，对22个项目编制了"
        "绩效目标，预算执行过程中，选取22个项目开展绩效监控。",
    ),
    (
        s10_other.evaluation_sentence,
        "2023年度组织一般公共预算形成2023年广元市昭化区人力资源和社会保障局（部门）整体（含部门预算项目）绩效自评报告、"
        "对人力资源和社会保障工作经费、人才引进和公开考调工作经费、就业创业补助资金等专项预算项目绩效自评报告，其中，"
        "广元市昭化区人力资源和社会保障局部门整体（含部门预算项目）绩效自评得分为97分，绩效自评综述：设定的绩效目标基本实现；"
        "就业创业补助资金专项预算项目绩效自评得分为96分，绩效自评综述：充分发挥了促进就业、民生改善的作用，维护社会和谐稳定。"
        "困难群众养老保险代缴绩效自评得分为96分，绩效自评综述：发挥社会保险保障和改善民生、维护社会公平、增进人民福祉的积极作用。"
        "报告详见附件（第四部分）。",
    ),
]


@pytest.mark.parametrize(("build", "expected"), REFERENCE, ids=[b.__module__.split(".")[-1] + "." + b.__name__
                                                                for b, _ in REFERENCE])
def test_reference_sentence(build, expected):  # type: ignore[no-untyped-def]
    assert build(example(), P) == expected


def test_basic_expenditure_paragraphs():
    assert s06_basic.basic_sentences(example(), P) == [
        "2023年度一般公共预算财政拨款基本支出1056.77万元，其中：",
        "人员经费969.97万元，主要包括：基本工资264.94万元、津贴补贴96.02万元、奖金183.57万元、绩效工资73.21万元、"
        "机关事业单位基本养老保险缴费97.21万元、职业年金缴费5.42万元、职工基本医疗保险缴费34.48万元、住房公积金74.32万元、"
        "其他工资福利支出68.91万元、生活补助54万元、奖励金0.02万元、其他对个人和家庭的补助支出17.87万元。",
        "公用经费86.8万元，主要包括：手续费0.01万元、水费0.62万元、电费5.6万元、邮电费6.49万元、物业管理费12.56万元、"
        "维修（护）费7.73万元、租赁费0.9万元、会议费22.38万元、其他交通费26.5万元、其他商品和服务支出4.02万元。",
    ]


def test_sangong_component_paragraphs():
    r = example()
    assert s07_sangong.abroad_sentences(r, P) == [
        "1.因公出国（境）经费支出0万元，年初未安排预算，因公出国（境）支出决算较2022年度无变化。"
    ]
    assert s07_sangong.vehicle_sentences(r, P) == [
        "2.公务用车购置及运行维护费预算为0万元，支出决算为0万元，完成预算的0%。公务用车购置及运行维护费支出决算与2022年度持平。",
        "其中：公务用车购置费支出0万元。全年按规定更新购置公务用车0辆，其中：轿车0辆、金额0万元，越野车0辆、金额0万元，"
        "小型客车0辆、金额0万元，中型客车和大型客车0辆、金额0万元，其他车型0辆、金额0万元。截至2023年12月31日，本部门共有"
        "公务用车0辆，其中：轿车0辆、越野车0辆、小型客车0辆、中型客车和大型客车0辆、其他车型0辆。",
        "公务用车运行维护费支出0万元。",
    ]
    assert s07_sangong.reception_sentences(r, P) == [
        "3.公务接待费预算为14.8万元，支出决算为9.41万元，完成预算的63.6%。公务接待费支出决算与2022年持平。",
        # The reference ends this paragraph without a full stop; the generated sentence closes it.
        "国内公务接待支出9.41万元。主要用于执行公务、开展业务活动开支的交通费、住宿费、用餐费等。国内公务接待75批次782人次，"
        "共计支出9.41万元，具体内容包括：调研就业创业工作、根治欠薪检查、交流学习等。",
        "外事接待支出0万元，外事接待0批次，0人，共计支出0万元。",
    ]


def test_assets_paragraphs():
    assert s10_other.assets_sentences(example(), P) == [
        "截至2023年12月31日，“本单位无公务用车辆”。",
        "单价100万元（含）以上设备0台（套）。",
    ]


REFERENCE_LINES = [
    ("2059999", "112", "112"), ("2069999", "7.2", "7.2"), ("2080101", "513.51", "513.51"),
    ("2080109", "102.62", "102.62"), ("2080116", "196.5", "196.5"), ("2080150", "316.19", "316.19"),
    ("2080199", "534.87", "534.87"), ("2080505", "97.21", "97.21"), ("2080506", "5.42", "5.42"),
    ("2080701", "325.15", "325.15"), ("2080702", "114.41", "114.41"), ("2080704", "74.3", "74.3"),
    ("2080705", "1020.94", "1020.94"), ("2080711", "140.1", "140.1"), ("2080799", "492.81", "492.81"),
    ("2089999", "9.85", "9.85"), ("2101102", "34.48", "34.48"), ("2130599", "169.5", "169.5"),
    ("2130804", "113.6", "113.6"), ("2210201", "74.32", "74.32"),
]


def test_account_lines_match_the_reference():
    """The 20 lines of 五（三）: numbering, names from the code table, figures and 100% as printed."""
    r, codes = example(), load_code_table(2023)
    lines = s05_general_budget.line_sentences(r, P)
    assert len(lines) == 20
    for n, (sentence, (code, budget, actual)) in enumerate(zip(lines, REFERENCE_LINES, strict=True), 1):
        # Line 19 is 创业担保贷款贴息及奖补 (2130804) in the reference; the name comes from the data's code.
        name = codes.full_name(r.general_budget_lines[n - 1].code)
        if code != "2130804":
            assert name == codes.full_name(code)
        assert sentence == f"{n}.{name}：全年预算为{budget}万元，支出决算为{actual}万元，完成全年预算的100%。"


# ------------------------------------------------------------------------------------- every figure vs the model
AMOUNT = re.compile(r"(\d+(?:\.\d+)?)万元")
RATE = re.compile(r"(\d+(?:\.\d+)?)%")


def _amounts_of(report: Report) -> set[str]:
    """Every amount the model holds or derives, printed as sentences print amounts."""
    values: set[D] = set()

    def walk(obj: object) -> None:
        if isinstance(obj, D):
            values.add(obj)
        elif attrs.has(type(obj)):
            for field in attrs.fields(type(obj)):
                walk(getattr(obj, field.name))
            for name in dir(type(obj)):
                if isinstance(getattr(type(obj), name, None), property):
                    walk(getattr(obj, name))
        elif isinstance(obj, tuple | list):
            for x in obj:
                walk(x)
        elif isinstance(obj, dict):
            for x in obj.values():
                walk(x)

    walk(report)
    values |= {v for _, v in report.general_budget_classes()}
    pairs = [
        (report.income_grand_total, report.totals.prior),
        (report.fiscal_income_grand_total, report.fiscal.comparison.prior),
        (report.general_budget_total, report.general_budget.comparison.prior),
        (report.running_cost.amount, report.running_cost.prior),
    ]
    values |= {change(cur, prior).delta for cur, prior in pairs if prior is not None}
    return {wan(v) for v in values}


def _without_free_text(text: str, report: Report) -> str:
    """`text` without the data's free texts (reasons quote their own figures) and the fixed 单价100万元."""
    free = [report.totals.reason, report.fiscal.comparison.reason, report.general_budget.comparison.reason,
            report.running_cost.reason, report.sangong.reason, report.procurement.purpose]
    for passage in [*free, "单价100万元（含）"]:
        text = text.replace(passage, "") if passage else text
    return text


def test_every_figure_of_part_two_is_a_model_figure():
    """Each 万元 amount in 第二部分 is a stored or derived model figure; each named figure is the right one."""
    r = example()
    text = "".join(b.text for b in explanation.build(r, P) if isinstance(b, Para))
    assert set(AMOUNT.findall(_without_free_text(text, r))) <= _amounts_of(r)
    named = {
        "收、支总计均为": r.income_grand_total,
        "本年收入合计": r.income.amount,
        "本年支出合计": r.expenditure.amount,
        "基本支出": r.expenditure.basic,
        "项目支出": r.expenditure.project,
        "财政拨款收、支总计均为": r.fiscal_income_grand_total,
        "一般公共预算支出全年预算数为": r.general_budget_budget,
        "支出决算数为": r.general_budget_total,
        "一般公共预算财政拨款基本支出": r.basic_expenditure.amount,
        "人员经费": r.basic_expenditure.personnel,
        "公用经费": r.basic_expenditure.public,
        "机关运行经费支出": r.running_cost.amount,
        "政府采购支出总额": r.procurement.amount,
        "“三公”经费财政拨款支出预算为": r.sangong.budget.amount,
    }
    for label, value in named.items():
        assert f"{label}{wan(value)}万元" in text, label
    increase = r.income_grand_total - (r.totals.prior or D(0))
    assert f"各增加{wan(increase)}万元，增长{pct(percent(increase, r.totals.prior or D(1)) or D(0))}%" in text


def test_every_rate_of_part_two_is_a_quotient_of_model_figures():
    """Each p% in 第二部分 is part ÷ whole of two model figures (or the profile's rate of nothing, 0)."""
    r = example()
    text = _without_free_text("".join(b.text for b in explanation.build(r, P) if isinstance(b, Para)), r)
    figures = {D(a) for a in _amounts_of(r)}
    rates = {pct(q) for a in figures for b in figures if b and (q := percent(a, b)) is not None} | {"0"}
    assert set(RATE.findall(text)) <= rates


def test_every_share_of_part_two_is_a_quotient_of_model_figures():
    """Each 占p% is the half-up share of the item in its whole, computed by model.money."""
    r = example()
    text = s03_expenditure.expenditure_sentence(r, P)
    for name, value in [("基本支出", r.expenditure.basic), ("项目支出", r.expenditure.project)]:
        share = percent(value, r.expenditure.amount)
        assert f"{name}{wan(value)}万元，占{pct(share or D(0))}%" in text
    classes = s05_general_budget.structure_sentence(r, P)
    for (name, value) in fig6.class_items(r):
        assert f"{name}{wan(value)}万元，占{pct(percent(value, r.general_budget_total) or D(0))}%" in classes


# ------------------------------------------------------------------------------------- one input, every dependant
def _unstated(report: Report) -> Report:
    """The example with the stated 一般公共预算 totals removed, so they derive from the 项 lines."""
    gb = ev(report.general_budget, total=None, budget=None, class_totals={})
    return ev(report, general_budget=gb)


def test_changing_one_account_changes_every_dependant():
    """Raising the 基本支出 of 2080101 by 10 changes 四, 五（一）（二）（三）, 图4, 图5 and 图6, and nothing in 一–三."""
    before = _unstated(example())
    lines = tuple(ev(a, basic=a.basic + 10) if a.code == "2080101" else a for a in before.accounts)
    after = ev(before, accounts=lines)
    dependants = [
        s05_general_budget.overall_sentence, s05_general_budget.structure_sentence, s05_general_budget.budget_sentence,
        lambda r, p: s05_general_budget.line_sentences(r, p)[2], fig5.build, fig6.build,
        s04_fiscal.fiscal_sentence, fig4.build,
    ]
    for build in dependants:
        assert build(before, P) != build(after, P)
    assert "523.51万元" in s05_general_budget.line_sentences(after, P)[2]
    assert after.general_budget_total == before.general_budget_total + 10
    for build in (s01_totals.totals_sentence, s02_income.income_sentence, s03_expenditure.expenditure_sentence):
        assert build(before, P) == build(after, P)


def test_changing_a_stated_total_changes_its_sentence_and_chart():
    r = example()
    changed = ev(r, totals=ev(r.totals, prior=D("4000")))
    assert "各增加454.96万元，增长11.4%" in s01_totals.totals_sentence(changed, P)
    assert fig1.build(changed, P).series[0].values == (D("4000"), D("4000"))


# ------------------------------------------------------------------------------------- variants on synthetic data
def test_totals_decrease_flat_and_no_prior():
    r = example()
    down = ev(r, totals=GrandTotals(prior=D("5000"), reason="减少了项目"))
    assert "收、支总计各减少545.04万元，下降10.9%。主要变动原因是减少了项目。" in s01_totals.totals_sentence(down, P)
    flat = ev(r, totals=GrandTotals(prior=D("4454.96")))
    assert s01_totals.totals_sentence(flat, P) == "2023年度收、支总计均为4454.96万元。收、支总计与2022年度持平。"
    none = ev(r, totals=GrandTotals(prior=None, reason="不会出现"))
    assert s01_totals.totals_sentence(none, P) == "2023年度收、支总计均为4454.96万元。"


def test_totals_reason_absent():
    r = ev(example(), totals=GrandTotals(prior=D("4228.88"), reason=""))
    assert s01_totals.totals_sentence(r, P).endswith("各增加226.08万元，增长5.3%。")


def test_totals_from_zero_state_no_rate():
    r = ev(example(), totals=GrandTotals(prior=D("0")))
    assert "各增加4454.96万元。" in s01_totals.totals_sentence(r, P)


def test_totals_that_differ_are_stated_apart():
    r = example()
    r = ev(r, balances=ev(r.balances, carry_out=D("10")))
    assert s01_totals.totals_sentence(r, P).startswith("2023年度收入总计4454.96万元，支出总计4464.96万元。")


def test_zero_totals_print_shares_of_nothing_as_profile_says():
    r = ev(example(), income=ev(example().income, general_budget=D(0), total=D(0)))
    assert "一般公共预算财政拨款收入0万元，占0%" in s02_income.income_sentence(r, P)
    silent = ev(P, wording=Wording(of_nothing=None))
    assert "一般公共预算财政拨款收入0万元；" in s02_income.income_sentence(r, silent)


def test_percent_places_is_profile_data():
    two = ev(P, percent_places=2)
    text = s03_expenditure.expenditure_sentence(example(), two)
    assert "基本支出1056.77万元，占23.72%；项目支出3398.25万元，占76.28%" in text


def test_account_line_budget_differs_with_and_without_reason():
    r = example()
    more = AccountLine("2080101", budget=D("500"), basic=D("513.51"), budget_note="年中追加人员经费。")
    less = AccountLine("2080101", budget=D("600"), basic=D("513.51"))
    unbudgeted = AccountLine("2080101", budget=None, basic=D("513.51"))
    nothing = AccountLine("2080101", budget=D("0"), basic=D("5"))
    assert s05_general_budget.line_sentence(1, more, r, P).endswith(
        "全年预算为500万元，支出决算为513.51万元，完成全年预算的102.7%。决算数大于预算数的主要原因是年中追加人员经费。"
    )
    assert s05_general_budget.line_sentence(1, less, r, P).endswith("完成全年预算的85.6%。")
    assert s05_general_budget.line_sentence(1, unbudgeted, r, P).endswith("（项）：支出决算为513.51万元。")
    assert s05_general_budget.line_sentence(1, nothing, r, P).endswith("全年预算为0万元，支出决算为5万元。")


def test_account_line_name_override():
    line = AccountLine("2080101", budget=D("1"), basic=D("1"), name="机关行政运行")
    assert "人力资源和社会保障管理事务（款）机关行政运行（项）：" in s05_general_budget.line_sentence(1, line, example(), P)


def test_general_budget_decrease():
    r = example()
    r = ev(r, general_budget=ev(r.general_budget, comparison=YearOnYear(D("5000"), "压减支出")))
    assert "一般公共预算财政拨款支出减少545.04万元，下降10.9%。主要变动原因是压减支出。" in (
        s05_general_budget.overall_sentence(r, P)
    )


def _sangong(report: Report, **changes: object) -> Report:
    return ev(report, sangong=ev(report.sangong, **changes))


def test_sangong_changed_and_unknown_prior():
    r = example()
    up = _sangong(r, prior=SangongAmounts(reception=D("8")))
    assert "完成预算的63.6%；较上年增加1.41万元，增长17.6%。决算数小于" in s07_sangong.total_sentence(up, P)
    assert s07_sangong.reception_sentences(up, P)[0].endswith("公务接待费支出决算比2022年增加1.41万元，增长17.6%。")
    unknown = _sangong(r, prior=None)
    assert "完成预算的63.6%。决算数小于" in s07_sangong.total_sentence(unknown, P)
    assert s07_sangong.abroad_sentences(unknown, P) == ["1.因公出国（境）经费支出0万元，年初未安排预算。"]


def test_sangong_budget_equal_to_actual_states_no_gap_reason():
    r = _sangong(example(), budget=SangongAmounts(reception=D("9.41")))
    assert s07_sangong.total_sentence(r, P).endswith("完成预算的100%；与上年持平。")


def test_sangong_vehicles_bought_and_held():
    bought = Vehicles(sedan=VehicleCount(1, D("18.5")), other=VehicleCount(1, D("30")))
    held = Vehicles(sedan=VehicleCount(3), suv=VehicleCount(2))
    actual = SangongAmounts(vehicle_purchase=D("48.5"), vehicle_running=D("6.2"), reception=D("9.41"))
    r = _sangong(
        example(), actual=actual, vehicles_bought=bought, vehicles_held=held, vehicle_running_use="燃料费、维修费等"
    )
    paragraphs = s07_sangong.vehicle_sentences(r, P)
    assert paragraphs[0].endswith("支出决算为54.7万元。公务用车购置及运行维护费支出决算比2022年度增加54.7万元。")
    assert "全年按规定更新购置公务用车2辆，其中：轿车1辆、金额18.5万元，越野车0辆、金额0万元" in paragraphs[1]
    assert "其他车型1辆、金额30万元。截至2023年12月31日，本部门共有公务用车5辆，其中：轿车3辆、越野车2辆" in paragraphs[1]
    assert paragraphs[2] == "公务用车运行维护费支出6.2万元。主要用于燃料费、维修费等。"


def test_sangong_trips_abroad():
    r = _sangong(
        example(),
        budget=SangongAmounts(abroad=D("10"), reception=D("14.8")),
        actual=SangongAmounts(abroad=D("8"), reception=D("9.41")),
        trips=Trips(groups=1, persons=3, purpose="考察职业培训"),
    )
    assert s07_sangong.abroad_sentences(r, P) == [
        "1.因公出国（境）经费预算为10万元，支出决算为8万元，完成预算的80%，因公出国（境）支出决算较2022年度增加8万元。"
        "全年安排因公出国（境）团组1个，累计3人次。主要用于考察职业培训。"
    ]


def test_foreign_reception_and_missing_content():
    r = _sangong(example(), domestic_reception=Reception(2, 10, D("1")), foreign_reception=Reception(1, 4, D("0.5")))
    domestic, foreign = s07_sangong.reception_sentences(r, P)[1:]
    assert domestic.endswith("国内公务接待2批次10人次，共计支出1万元。")
    assert foreign == "外事接待支出0.5万元，外事接待1批次，4人，共计支出0.5万元。"


def test_government_fund_and_state_capital_with_accounts():
    r = example()
    fund = AccountLine("2296002", fund="政府性基金", project=D("50"))
    capital = AccountLine("2080199", fund="国有资本经营", project=D("12.5"))
    r = ev(r, accounts=(*r.accounts, fund, capital))
    codes = load_code_table(2023)
    assert s08_gov_fund.expenditure_sentence(r, P) == (
        f"2023年度政府性基金预算拨款支出50万元，主要用于：{codes.full_name('2296002')}50万元。"
    )
    assert s09_state_capital.expenditure_sentence(r, P).startswith("2023年度国有资本经营预算拨款支出12.5万元，主要用于：")


def test_running_cost_flat_and_unknown():
    r = example()
    flat = ev(r, running_cost=ev(r.running_cost, prior=D("86.8"), reason=""))
    assert s10_other.running_cost_sentence(flat, P) == "2023年，区人社局机关运行经费支出86.8万元，与2022年度持平。"
    unknown = ev(r, running_cost=ev(r.running_cost, prior=None))
    assert s10_other.running_cost_sentence(unknown, P) == "2023年，区人社局机关运行经费支出86.8万元。"


def test_no_procurement():
    r = example()
    r = ev(r, procurement=ev(r.procurement, goods=D(0), total=None, sme=D(0), small_micro=D(0), goods_sme=D(0)))
    assert s10_other.procurement_sentence(r, P) == "2023年，区人社局政府采购支出总额0万元。"


def test_vehicles_by_use_when_no_statement():
    r = example()
    r = ev(r, assets=ev(r.assets, vehicle_statement="", vehicles=VehiclesByUse(principal=1, other=2, other_use="业务用车")))
    assert s10_other.assets_sentences(r, P)[0] == (
        "截至2023年12月31日，本部门共有车辆3辆，其中，副部（省）级及以上领导用车0辆、主要负责人用车1辆、机要通信用车0辆、"
        "应急保障用车0辆、执法执勤用车0辆、特种专业技术用车0辆、离退休干部用车0辆、其他用车2辆，其他用车主要是业务用车。"
    )


def test_score_summary_gets_an_end_mark():
    r = example()
    pm = ev(r.performance_management, scores=(EvaluationScore("甲项目", 90, "完成目标"),), reports_formed="")
    assert s10_other.evaluation_sentence(ev(r, performance_management=pm), P) == (
        "甲项目绩效自评得分为90分，绩效自评综述：完成目标。报告详见附件（第四部分）。"
    )


def test_subject_kind_changes_words():
    r = example()
    unit = ev(r, department=ev(r.department, subject="单位"))
    assert "本单位共有公务用车0辆" in s07_sangong.vehicle_sentences(unit, P)[1]
    assert s10_other.planning_sentence(unit, P).startswith("根据预算绩效管理要求，本单位在")


def test_phrases_used_by_sections_are_the_same_functions():
    """The change wording of 一 is `phrases.change_phrase`; nothing formats a change twice."""
    r = example()
    assert phrases.change_phrase(r.income_grand_total, r.totals.prior or D(0)) in s01_totals.totals_sentence(r, P)


def test_changing_one_account_with_stated_totals_is_flagged_by_the_checker():
    """With the totals stated, the changed 项 shows in its own line and the checker names the sums it breaks."""
    from juesuan_pdf.check import check

    r = example()
    lines = tuple(ev(a, basic=a.basic + 10) if a.code == "2080101" else a for a in r.accounts)
    after = ev(r, accounts=lines)
    assert "支出决算为523.51万元，完成全年预算的101.9%" in s05_general_budget.line_sentences(after, P)[2]
    before = {f.message for f in check(r)}
    new = [f for f in check(after) if f.message not in before]
    broken = {p for f in new if f.level == "错误" for p in f.paths}
    assert {"general_budget.total", "general_budget.class_totals.208", "expenditure.basic"} <= broken


def test_last_score_summary_closes_the_sentence():
    r = example()
    pm = ev(r.performance_management, scores=(EvaluationScore("甲", 90, "基本实现；"),), reports_formed="")
    assert s10_other.evaluation_sentence(ev(r, performance_management=pm), P).startswith(
        "甲绩效自评得分为90分，绩效自评综述：基本实现。报告详见"
    )
