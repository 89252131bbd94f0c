"""七、财政拨款“三公”经费支出决算情况说明: （一）总体, （二）具体 with 图7 and the three components."""

from __future__ import annotations

from decimal import Decimal

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
        return f"决算为{amount(actual)}，{profile.wording.no_budget}"
    rate = profile.completion(actual, budget)
    return f"预算为{amount(budget)}，支出决算为{amount(actual)}" + (f"，完成预算的{rate}" if rate else "")


def total_sentence(report: Report, profile: Profile) -> str:
    """（一）`{Y}年度“三公”经费财政拨款支出预算为B万元，…完成预算的p%；与上年持平。决算数小于预算数的主要原因是…。`"""
    s = report.sangong
    head = f"{report.year}年度“三公”经费财政拨款支出{_budget_actual(s.budget.amount, s.actual.amount, profile)}"
    compared = _compare(report, profile, "amount", profile.wording.sangong_total)
    gap = phrases.budget_gap_sentence(s.actual.amount, s.budget.amount, s.reason)
    return phrases.sentence(head, compared, sep="；") + gap


def shares_sentence(report: Report, profile: Profile) -> str:
    """（二）`{Y}年度“三公”经费财政拨款支出决算中，因公出国（境）费支出决算a万元，占p%；…。具体情况如下：`"""
    actual = report.sangong.actual
    named = [(f"{name}支出决算", value) for name, value in fig7.components(actual)]
    items = profile.shares(named, actual.amount)
    return f"{report.year}年度“三公”经费财政拨款支出决算中，{items}。具体情况如下："


def abroad_sentences(report: Report, profile: Profile) -> list[str]:
    """1. 因公出国（境）: amount, budget, comparison; delegations and purpose when there were trips."""
    s = report.sangong
    if s.budget.abroad == 0:
        head = f"1.因公出国（境）经费支出{amount(s.actual.abroad)}，年初未安排预算"
    else:
        head = f"1.因公出国（境）经费{_budget_actual(s.budget.abroad, s.actual.abroad, profile)}"
    compared = _compare(report, profile, "abroad", profile.wording.sangong_abroad)
    first = phrases.sentence(head, compared) + _reason(profile, s.abroad_reason)
    if not s.trips.groups:
        return [first]
    trips = f"全年安排因公出国（境）团组{s.trips.groups}个，累计{s.trips.persons}人次。"
    return [first + trips + phrases.reason_sentence("主要用于", s.trips.purpose)]


def _reason(profile: Profile, reason: str) -> str:
    """`主要原因是…。` for one component's change, or nothing when the data gives no reason."""
    return phrases.reason_sentence(profile.wording.sangong_reason, reason)


def vehicle_fleet_sentence(bought: Vehicles, held: Vehicles, year: int, subject: str) -> str:
    """Vehicles bought by type (辆 and 万元) and the fleet at year end by type."""
    bought_items = "，".join(f"{VEHICLE_TYPE_NAMES[t]}{c.count}辆、金额{amount(c.amount)}" for t, c in bought.items())
    held_items = "、".join(f"{VEHICLE_TYPE_NAMES[t]}{c.count}辆" for t, c in held.items())
    return (
        f"全年按规定更新购置公务用车{bought.count}辆，其中：{bought_items}。"
        f"截至{year}年12月31日，本{subject}共有公务用车{held.count}辆，其中：{held_items}。"
    )


def vehicle_sentences(report: Report, profile: Profile) -> list[str]:
    """2. 公务用车购置及运行维护费: budget and actual, comparison, purchases, fleet and running costs."""
    s = report.sangong
    compared = _compare(report, profile, "vehicles", profile.wording.sangong_vehicles)
    first = f"2.公务用车购置及运行维护费{_budget_actual(s.budget.vehicles, s.actual.vehicles, profile)}。"
    fleet = vehicle_fleet_sentence(s.vehicles_bought, s.vehicles_held, report.year, report.department.subject)
    running = f"公务用车运行维护费支出{amount(s.actual.vehicle_running)}。"
    return [
        first + phrases.sentence(compared) + _reason(profile, s.vehicles_reason),
        f"其中：公务用车购置费支出{amount(s.actual.vehicle_purchase)}。{fleet}",
        running + phrases.reason_sentence("主要用于", s.vehicle_running_use),
    ]


def reception_sentence(kind: str, r: Reception, profile: Profile) -> str:
    """国内 (batches and 人次, use, content) or 外事 (batches and persons) reception.

    外事 of nothing is said briefly (`外事接待支出0万元。`) when the profile words it so.
    """
    w = profile.wording
    if kind == "外事":
        brief = w.foreign_reception_none is not None and r.amount == 0 and r.batches == 0
        template = w.foreign_reception_none if brief and w.foreign_reception_none else w.foreign_reception
        return template.format(amount=amount(r.amount), batches=r.batches, persons=r.persons)
    use = w.reception_use
    content = phrases.clean(r.content)
    detail = f"，具体内容包括：{content}" if content else ""
    return (
        f"国内公务接待支出{amount(r.amount)}。{use}"
        f"国内公务接待{r.batches}批次{r.persons}人次，共计支出{amount(r.amount)}{detail}。"
    )


def reception_sentences(report: Report, profile: Profile) -> list[str]:
    """3. 公务接待费: budget and actual, comparison, then 国内 and 外事 receptions."""
    s = report.sangong
    compared = _compare(report, profile, "reception", profile.wording.sangong_reception)
    first = f"3.公务接待费{_budget_actual(s.budget.reception, s.actual.reception, profile)}。"
    return [
        first + phrases.sentence(compared) + _reason(profile, s.reception_reason),
        reception_sentence("国内", s.domestic_reception, profile),
        reception_sentence("外事", s.foreign_reception, profile),
    ]


def build(report: Report, profile: Profile) -> list[Block]:
    """（一） and （二） with 图7 after the shares sentence."""
    return [
        subheading(profile.heading("s07.1"), "s07.1"),
        *paras(total_sentence(report, profile)),
        subheading(profile.heading("s07.2"), "s07.2"),
        *paras(shares_sentence(report, profile)),
        fig7.build(report, profile),
        *paras(*abroad_sentences(report, profile), *vehicle_sentences(report, profile)),
        *paras(*reception_sentences(report, profile)),
    ]
