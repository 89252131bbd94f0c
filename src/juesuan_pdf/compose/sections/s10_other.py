"""十、其他重要事项的情况说明: 机关运行经费, 政府采购, 国有资产占有使用, 预算绩效管理."""

from __future__ import annotations

from juesuan_pdf.compose import phrases
from juesuan_pdf.compose.phrases import amount
from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.sections import paras, subheading
from juesuan_pdf.doc import Block
from juesuan_pdf.model.other import EvaluationScore, VehiclesByUse
from juesuan_pdf.model.report import Report

VEHICLE_USES = ("leaders", "principal", "confidential", "emergency", "law_enforcement", "special", "retirees", "other")
"""Vehicle uses of 十（三） (a different classification from 七's body types), in document order."""


def running_cost_sentence(report: Report, profile: Profile) -> str:
    """（一）`{Y}年，{简称}机关运行经费支出x万元，比{Y-1}年度减少…。主要原因是…。`"""
    rc = report.running_cost
    if "running_cost" in report.written_none:
        return profile.say("s10.running_cost_none", year=report.year, short_name=report.department.short_name)
    head = profile.say(
        "s10.running_cost", year=report.year, short_name=report.department.short_name, amount=amount(rc.amount)
    )
    compared = profile.compare(rc.amount, rc.prior, profile.wording.running_cost, prev=report.year - 1)
    reason = phrases.reason_sentence(profile.wording.running_cost_reason, rc.reason) if compared else ""
    return phrases.sentence(head, compared) + reason


def procurement_sentence(report: Report, profile: Profile) -> str:
    """（二）政府采购: total by kind, purpose, and the shares awarded to small and medium enterprises."""
    p, rate = report.procurement, profile.rate
    if "procurement" in report.written_none:
        return profile.say("s10.procurement_none", year=report.year, short_name=report.department.short_name)
    head = profile.say(
        "s10.procurement", year=report.year, short_name=report.department.short_name, amount=amount(p.amount)
    )
    if p.amount == 0:
        return phrases.sentence(head)
    kinds = "、".join(
        profile.say("s10.procurement_kind", kind=profile.say(f"s10.kind.{kind}"), amount=amount(x))
        for kind, x in (("goods", p.goods), ("works", p.works), ("services", p.services))
    )
    sme = profile.say(
        "s10.sme",
        sme=amount(p.sme),
        sme_rate=rate(p.sme, p.amount),
        small_micro=amount(p.small_micro),
        small_micro_rate=rate(p.small_micro, p.sme),
        goods_rate=rate(p.goods_sme, p.goods),
        works_rate=rate(p.works_sme, p.works),
        services_rate=rate(p.services_sme, p.services),
    )
    lead = profile.say("s10.procurement_kinds", head=head, kinds=kinds)
    return lead + phrases.reason_sentence(profile.say("s10.procurement_use"), p.purpose) + sme


def vehicles_by_use(v: VehiclesByUse, subject: str, profile: Profile) -> str:
    """`本部门共有车辆N辆，其中，…用车a辆、…` (the standard wording, without end mark)."""
    counts = [(profile.say(f"s10.use.{field}"), getattr(v, field)) for field in VEHICLE_USES]
    items = "、".join(profile.say("s10.vehicle_item", name=name, count=count) for name, count in counts)
    use = phrases.clean(v.other_use)
    other = profile.say("s10.vehicle_other", use=use) if use else ""
    return profile.say("s10.vehicles", subject=subject, count=v.count, items=items, other=other)


def assets_sentences(report: Report, profile: Profile) -> list[str]:
    """（三）vehicles at year end (the department's own statement, else by use) and large equipment."""
    a = report.assets
    subject = report.department.subject
    vehicles = phrases.clean(a.vehicle_statement)
    if not vehicles and report.written_none & {"assets", "assets.vehicles"}:
        vehicles = profile.say("s10.vehicles_none", subject=subject)
    vehicles = vehicles or vehicles_by_use(a.vehicles, subject, profile)
    return [
        profile.say("s10.vehicles_at", year=report.year, vehicles=vehicles),
        profile.say("s10.equipment", count=a.large_equipment),
    ]


def planning_sentence(report: Report, profile: Profile) -> str:
    """（四）事前绩效评估, 绩效目标 and 绩效监控 counts; one sentence when the data writes the section as “无”."""
    pm = report.performance_management
    if "performance_management" in report.written_none:
        return profile.say("s10.performance_none", year=report.year, subject=report.department.subject)
    assessed = (
        profile.say("s10.pre_assessed", names="、".join(pm.pre_assessed), count=len(pm.pre_assessed))
        if pm.pre_assessed
        else ""
    )
    return phrases.sentence(
        profile.say("s10.planning", subject=report.department.subject, year=report.year),
        assessed,
        profile.say("s10.goals", count=pm.goals_count),
        profile.say("s10.monitored", count=pm.monitored_count),
    )


def score_clause(score: EvaluationScore, profile: Profile) -> str:
    """`{subject}绩效自评得分为s分，绩效自评综述：{summary}` (the summary keeps its own end mark)."""
    summary = score.summary.strip() or "。"
    if summary[-1] not in "。；;":
        summary += "。"
    return profile.say("s10.score", subject=score.subject, score=score.score, summary=summary)


def evaluation_sentence(report: Report, profile: Profile) -> str:
    """（四）the self-evaluation reports formed, each score with its summary, and where the reports are."""
    pm = report.performance_management
    if not pm.scores and not pm.reports_formed:
        return ""
    formed = phrases.clean(pm.reports_formed)
    lead = profile.say("s10.formed", year=report.year, formed=formed) if formed else ""
    scores = "".join(score_clause(s, profile) for s in pm.scores)
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
