"""十、其他重要事项的情况说明: 机关运行经费, 政府采购, 国有资产占有使用, 预算绩效管理."""

from __future__ import annotations

from juesuan_pdf.compose import phrases
from juesuan_pdf.compose.phrases import amount
from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.sections import paras, subheading
from juesuan_pdf.doc import Block
from juesuan_pdf.model.other import EvaluationScore, VehiclesByUse
from juesuan_pdf.model.report import Report

VEHICLE_USES = (
    ("leaders", "副部（省）级及以上领导用车"),
    ("principal", "主要负责人用车"),
    ("confidential", "机要通信用车"),
    ("emergency", "应急保障用车"),
    ("law_enforcement", "执法执勤用车"),
    ("special", "特种专业技术用车"),
    ("retirees", "离退休干部用车"),
    ("other", "其他用车"),
)
"""Vehicle uses of 十（三） (a different classification from 七's body types), in document order."""


def running_cost_sentence(report: Report, profile: Profile) -> str:
    """（一）`{Y}年，{简称}机关运行经费支出x万元，比{Y-1}年度减少…。主要原因是…。`"""
    rc = report.running_cost
    head = f"{report.year}年，{report.department.short_name}机关运行经费支出{amount(rc.amount)}"
    compared = profile.compare(rc.amount, rc.prior, profile.wording.running_cost, prev=report.year - 1)
    reason = phrases.reason_sentence(profile.wording.running_cost_reason, rc.reason) if compared else ""
    return phrases.sentence(head, compared) + reason


def procurement_sentence(report: Report, profile: Profile) -> str:
    """（二）政府采购: total by kind, purpose, and the shares awarded to small and medium enterprises."""
    p, rate = report.procurement, profile.rate
    head = f"{report.year}年，{report.department.short_name}政府采购支出总额{amount(p.amount)}"
    if p.amount == 0:
        return head + "。"
    kinds = "、".join(
        f"政府采购{kind}支出{amount(x)}" for kind, x in (("货物", p.goods), ("工程", p.works), ("服务", p.services))
    )
    sme = (
        f"授予中小企业合同金额{amount(p.sme)}，占政府采购支出总额的{rate(p.sme, p.amount)}，"
        f"其中：授予小微企业合同金额{amount(p.small_micro)}，占授予中小企业合同金额的{rate(p.small_micro, p.sme)}；"
        f"货物采购授予中小企业合同金额占货物支出金额的{rate(p.goods_sme, p.goods)}，"
        f"工程采购授予中小企业合同金额占工程支出金额的{rate(p.works_sme, p.works)}，"
        f"服务采购授予中小企业合同金额占服务支出金额的{rate(p.services_sme, p.services)}。"
    )
    return f"{head}，其中：{kinds}。" + phrases.reason_sentence("主要用于", p.purpose) + sme


def vehicles_by_use(v: VehiclesByUse, subject: str) -> str:
    """`本部门共有车辆N辆，其中，…用车a辆、…` (the standard wording, without end mark)."""
    items = "、".join(f"{name}{getattr(v, field)}辆" for field, name in VEHICLE_USES)
    other = f"，其他用车主要是{phrases.clean(v.other_use)}" if phrases.clean(v.other_use) else ""
    return f"本{subject}共有车辆{v.count}辆，其中，{items}{other}"


def assets_sentences(report: Report, profile: Profile) -> list[str]:
    """（三）vehicles at year end (the department's own statement, else by use) and large equipment."""
    a = report.assets
    vehicles = phrases.clean(a.vehicle_statement) or vehicles_by_use(a.vehicles, report.department.subject)
    return [f"截至{report.year}年12月31日，{vehicles}。", f"单价100万元（含）以上设备{a.large_equipment}台（套）。"]


def planning_sentence(report: Report, profile: Profile) -> str:
    """（四）事前绩效评估, 绩效目标 and 绩效监控 counts."""
    pm = report.performance_management
    assessed = (
        f"组织对{'、'.join(pm.pre_assessed)}项目等{len(pm.pre_assessed)}个项目开展了预算事前绩效评估"
        if pm.pre_assessed
        else ""
    )
    return phrases.sentence(
        f"根据预算绩效管理要求，本{report.department.subject}在{report.year}年度预算编制阶段",
        assessed,
        f"对{pm.goals_count}个项目编制了绩效目标",
        f"预算执行过程中，选取{pm.monitored_count}个项目开展绩效监控",
    )


def score_clause(score: EvaluationScore) -> str:
    """`{subject}绩效自评得分为s分，绩效自评综述：{summary}` (the summary keeps its own end mark)."""
    summary = score.summary.strip() or "。"
    if summary[-1] not in "。；;":
        summary += "。"
    return f"{score.subject}绩效自评得分为{score.score}分，绩效自评综述：{summary}"


def evaluation_sentence(report: Report, profile: Profile) -> str:
    """（四）the self-evaluation reports formed, each score with its summary, and where the reports are."""
    pm = report.performance_management
    if not pm.scores and not pm.reports_formed:
        return ""
    formed = phrases.clean(pm.reports_formed)
    lead = f"{report.year}年度组织一般公共预算形成{formed}，其中，" if formed else ""
    scores = "".join(score_clause(s) for s in pm.scores)
    if scores.endswith(("；", ";")):
        scores = scores[:-1] + "。"
    annex = ""
    # Point to the annex only when the profile has one and the data fills it; parts are numbered
    # among those present (an empty annex part is left out).
    if any(p.key == "annexes" for p in profile.parts) and not report.performance.is_empty:
        present = [p.key for p in profile.parts if p.key != "annexes" or not report.performance.is_empty]
        annex = profile.wording.annex_reference.format(part=profile.part_number("annexes", present))
    return lead + scores + annex


def build(report: Report, profile: Profile) -> list[Block]:
    """The four sub-sections."""
    return [
        subheading(profile.heading("s10.1"), "s10.1"),
        *paras(running_cost_sentence(report, profile)),
        subheading(profile.heading("s10.2"), "s10.2"),
        *paras(procurement_sentence(report, profile)),
        subheading(profile.heading("s10.3"), "s10.3"),
        *paras(*assets_sentences(report, profile)),
        subheading(profile.heading("s10.4"), "s10.4"),
        *paras(planning_sentence(report, profile), evaluation_sentence(report, profile)),
    ]
