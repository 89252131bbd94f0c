"""七、财政拨款“三公”经费支出决算情况说明: （一）总体, （二）具体 with 图7 and the three components."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from juesuan_pdf.compose import phrases
from juesuan_pdf.compose.charts import fig7
from juesuan_pdf.compose.phrases import Comparison, amount
from juesuan_pdf.compose.profile import Profile
from juesuan_pdf.compose.sections import paras, subheading
from juesuan_pdf.doc import Block
from juesuan_pdf.model.finance import VEHICLE_TYPE_NAMES, Reception, Vehicles
from juesuan_pdf.model.report import Report


def _compare(report: Report, profile: Profile, pick: str, wording: Comparison) -> str:
    """The comparison clause of one 三公 figure (`amount`, `abroad`, `vehicles`, `reception`) with last year."""
    prior = report.sangong.prior
    if prior is None:
        return ""
    current: Decimal = getattr(report.sangong.actual, pick)
    return profile.compare(current, getattr(prior, pick), wording, prev=report.year - 1)


def _budget_actual(budget: Decimal, actual: Decimal, profile: Profile) -> str:
    """`预算为B万元，支出决算为A万元，完成预算的p%` (the rate left out when there is none).

    A budget of 0 under a profile that words it (`no_budget`): `决算为A万元，年初未安排预算`.
    """
    if budget == 0 and profile.wording.no_budget:
        return profile.say("s07.no_budget", amount=amount(actual), no_budget=profile.wording.no_budget)
    rate = profile.completion(actual, budget)
    done = profile.say("s07.done", rate=rate) if rate else ""
    return profile.say("s07.budget_actual", budget=amount(budget), amount=amount(actual), done=done)


def total_sentence(report: Report, profile: Profile) -> str:
    """（一）`{Y}年度“三公”经费财政拨款支出预算为B万元，…完成预算的p%；与上年持平。决算数小于预算数的主要原因是…。`"""
    s = report.sangong
    head = profile.say("s07.total", year=report.year, figures=_budget_actual(s.budget.amount, s.actual.amount, profile))
    compared = _compare(report, profile, "amount", profile.wording.sangong_total)
    gap = phrases.budget_gap_sentence(s.actual.amount, s.budget.amount, s.reason)
    return phrases.sentence(head, compared, sep="；") + gap


def shares_sentence(report: Report, profile: Profile) -> str:
    """（二）`{Y}年度“三公”经费财政拨款支出决算中，因公出国（境）费支出决算a万元，占p%；…。具体情况如下：`"""
    actual = report.sangong.actual
    named = [(profile.say("s07.component", name=name), value) for name, value in fig7.components(actual, profile)]
    return profile.say("s07.shares", year=report.year, items=profile.shares(named, actual.amount))


def abroad_sentences(report: Report, profile: Profile) -> list[str]:
    """1. 因公出国（境）: amount, budget, comparison; delegations and purpose when there were trips."""
    s = report.sangong
    if s.budget.abroad == 0:
        no_budget = profile.wording.no_budget or profile.wording.abroad_no_budget
        head = profile.say("s07.abroad_unbudgeted", amount=amount(s.actual.abroad), no_budget=no_budget)
    else:
        head = profile.say("s07.abroad", figures=_budget_actual(s.budget.abroad, s.actual.abroad, profile))
    compared = _compare(report, profile, "abroad", profile.wording.sangong_abroad)
    first = phrases.sentence(head, compared) + _reason(profile, s.abroad_reason)
    if not s.trips.groups:
        return [first]
    trips = profile.say("s07.trips", groups=s.trips.groups, persons=s.trips.persons)
    return [first + trips + phrases.reason_sentence(profile.say("s07.trips_use"), s.trips.purpose)]


def _reason(profile: Profile, reason: str) -> str:
    """`主要原因是…。` for one component's change, or nothing when the data gives no reason."""
    return phrases.reason_sentence(profile.wording.sangong_reason, reason)


def vehicle_fleet_sentence(profile: Profile, bought: Vehicles, held: Vehicles, year: int, subject: str) -> str:
    """Vehicles bought by type (辆 and 万元) and the fleet at year end by type."""
    bought_items = "，".join(
        profile.say("s07.bought_item", type=VEHICLE_TYPE_NAMES[t], count=c.count, amount=amount(c.amount))
        for t, c in bought.items()
    )
    held_items = "、".join(
        profile.say("s07.held_item", type=VEHICLE_TYPE_NAMES[t], count=c.count) for t, c in held.items()
    )
    return profile.say(
        "s07.fleet",
        bought=bought.count,
        bought_items=bought_items,
        year=year,
        subject=subject,
        held=held.count,
        held_items=held_items,
    )


def vehicle_sentences(report: Report, profile: Profile) -> list[str]:
    """2. 公务用车购置及运行维护费: budget and actual, comparison, purchases, fleet and running costs."""
    s = report.sangong
    compared = _compare(report, profile, "vehicles", profile.wording.sangong_vehicles)
    first = profile.say("s07.vehicles", figures=_budget_actual(s.budget.vehicles, s.actual.vehicles, profile))
    fleet = vehicle_fleet_sentence(profile, s.vehicles_bought, s.vehicles_held, report.year, report.department.subject)
    running = profile.say("s07.running", amount=amount(s.actual.vehicle_running))
    return [
        first + phrases.sentence(compared) + _reason(profile, s.vehicles_reason),
        profile.say("s07.purchase", amount=amount(s.actual.vehicle_purchase), fleet=fleet),
        running + phrases.reason_sentence(profile.say("s07.running_use"), s.vehicle_running_use),
    ]


def reception_sentence(kind: Literal["domestic", "foreign"], r: Reception, profile: Profile) -> str:
    """国内 (batches and 人次, use, content) or 外事 (batches and persons) reception.

    外事 of nothing is said briefly (`外事接待支出0万元。`) when the profile words it so.
    """
    w = profile.wording
    if kind == "foreign":
        brief = w.foreign_reception_none is not None and r.amount == 0 and r.batches == 0
        template = w.foreign_reception_none if brief and w.foreign_reception_none else w.foreign_reception
        return template.format(amount=amount(r.amount), batches=r.batches, persons=r.persons)
    content = phrases.clean(r.content)
    detail = profile.say("s07.domestic_detail", content=content) if content else ""
    figures = {"amount": amount(r.amount), "batches": r.batches, "persons": r.persons}
    return profile.say("s07.domestic", use=w.reception_use, detail=detail, **figures)


def reception_sentences(report: Report, profile: Profile) -> list[str]:
    """3. 公务接待费: budget and actual, comparison, then 国内 and 外事 receptions."""
    s = report.sangong
    compared = _compare(report, profile, "reception", profile.wording.sangong_reception)
    first = profile.say("s07.reception", figures=_budget_actual(s.budget.reception, s.actual.reception, profile))
    return [
        first + phrases.sentence(compared) + _reason(profile, s.reception_reason),
        reception_sentence("domestic", s.domestic_reception, profile),
        reception_sentence("foreign", s.foreign_reception, profile),
    ]


def none_sentences(report: Report, profile: Profile) -> tuple[str, str]:
    """（一） and （二） of a department whose data writes `sangong = "无"`: it has none, no zeros and no chart."""
    slots = {"year": report.year, "subject": report.department.subject}
    return profile.say("s07.none", **slots), profile.say("s07.none_detail", **slots)


def build(report: Report, profile: Profile) -> list[Block]:
    """（一） and （二） with 图7 after the shares sentence; just what it has not when the data says “无”."""
    if "sangong" in report.written_none:
        overall, detail = none_sentences(report, profile)
        return [
            subheading(profile.heading("s07.1"), "s07.1"),
            *paras(overall),
            subheading(profile.heading("s07.2"), "s07.2"),
            *paras(detail),
        ]
    return [
        subheading(profile.heading("s07.1"), "s07.1"),
        *paras(total_sentence(report, profile)),
        subheading(profile.heading("s07.2"), "s07.2"),
        *paras(shares_sentence(report, profile)),
        fig7.build(report, profile),
        *paras(*abroad_sentences(report, profile), *vehicle_sentences(report, profile)),
        *paras(*reception_sentences(report, profile)),
    ]
