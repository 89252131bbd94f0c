"""“三公”经费 (SPEC §7.5, DOMAIN §6.1 rules 8, 12, 18): vehicles, receptions, economic items."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

import attrs

from juesuan_pdf.errors import ERROR
from juesuan_pdf.load.paths import Path
from juesuan_pdf.model.finance import (
    VEHICLE_TYPE_NAMES,
)
from juesuan_pdf.model.money import total
from juesuan_pdf.model.report import Report

from .base import (
    Figure,
    Problem,
    Side,
    agreement,
    code_table,
    compare_sums,
    single,
)
from .tolerance import show


def vehicles_bought(report: Report) -> Iterator[Problem]:
    """公务用车购置费 = Σ per-type purchase amounts; a type bought has both a count and an amount (SPEC §7.5)."""
    sg = report.sangong
    parts = tuple(
        Figure(f"{VEHICLE_TYPE_NAMES[t]}购置金额", ("sangong", "vehicles_bought", t, "amount"), c.amount)
        for t, c in sg.vehicles_bought.items()
    )
    right = single("公务用车购置费决算数", ("sangong", "actual", "vehicle_purchase"), sg.actual.vehicle_purchase)
    if any(p.amount for p in parts) or sg.actual.vehicle_purchase:
        yield from compare_sums(Side(parts), right)
    for vtype, count in sg.vehicles_bought.items():
        if (count.count == 0) != (count.amount == 0):
            path = ("sangong", "vehicles_bought", vtype)
            label = VEHICLE_TYPE_NAMES[vtype]
            message = f"购置{label} {count.count} 辆、金额 {show(count.amount)}：辆数与金额应同为 0 或同不为 0"
            yield Problem(ERROR, message, (path,), (count.count, count.amount))


def vehicles_held(report: Report) -> Iterator[Problem]:
    """Vehicles held at year end: 七's count by body type equals 十（三）'s count by use; a statement
    “无公务用车” (十（三）'s own words) goes with no vehicle counted anywhere."""
    held = report.sangong.vehicles_held.count
    by_use = report.assets.vehicles.count
    statement = report.assets.vehicle_statement
    if statement and _NONE.search(statement):
        for count, path, where in ((held, ("sangong", "vehicles_held"), "按车型"),
                                   (by_use, ("assets", "vehicles"), "按用途")):
            if count:
                message = f"国有资产占有使用情况写“{statement.strip()}”，而年末公务用车保有量{where}合计 {count} 辆"
                paths = (*_counted(report, path), ("assets", "vehicle_statement"))
                yield Problem(ERROR, message, paths, (count, 0), 1)
        return
    if statement or held == by_use:
        return
    message = f"年末公务用车保有量按车型合计 {held} 辆，与国有资产占有使用情况按用途合计 {by_use} 辆不一致"
    paths = (*_counted(report, ("sangong", "vehicles_held")), *_counted(report, ("assets", "vehicles")))
    yield Problem(ERROR, message, paths, (held, by_use))


def _counted(report: Report, path: Path) -> tuple[Path, ...]:
    """The vehicle counts of a block that are not 0, each by its path (the block's path when none is)."""
    if path == ("sangong", "vehicles_held"):
        held = report.sangong.vehicles_held.items()
        found = [(*path, t, "count") for t, c in held if c.count]
    else:
        vehicles = report.assets.vehicles
        found = [(*path, f.name) for f in attrs.fields(type(vehicles))
                 if isinstance(getattr(vehicles, f.name), int) and getattr(vehicles, f.name)]
    return tuple(found) or (path,)


_NONE = re.compile(r"无公务用车|没有公务用车|未配备公务用车|无公车")


def receptions(report: Report) -> Iterator[Problem]:
    """公务接待费 = 国内公务接待 + 外事接待 amounts (DOMAIN §6.1 rule 18)."""
    sg = report.sangong
    left = Side((
        Figure("国内公务接待费", ("sangong", "domestic_reception", "amount"), sg.domestic_reception.amount),
        Figure("外事接待费", ("sangong", "foreign_reception", "amount"), sg.foreign_reception.amount),
    ))
    yield from compare_sums(left, single("公务接待费决算数", ("sangong", "actual", "reception"),
                                                   sg.actual.reception))


def sangong_economic_items(report: Report) -> Iterator[Problem]:
    """The 三公 economic items (30212, 30217, 30231, 31013) do not exceed the 三公 决算 components (D-rule 12)."""
    table = code_table(report)
    if table is None:
        return
    tp, actual = table.three_public, report.sangong.actual
    limits = {
        tp.outbound: ("因公出国（境）费", "abroad", actual.abroad),
        tp.reception: ("公务接待费", "reception", actual.reception),
        tp.vehicle_running: ("公务用车运行维护费", "vehicle_running", actual.vehicle_running),
        tp.vehicle_purchase: ("公务用车购置费", "vehicle_purchase", actual.vehicle_purchase),
    }
    for code, (label, field, limit) in limits.items():
        used = _economic_amounts(report, code)
        amount = total(a for _, a in used)
        if used and amount == limit:  # the same money by economic class and in 七: both confirmed
            yield agreement(*(p for p, _ in used), ("sangong", "actual", field))
        if used and amount > limit:
            message = (f"经济分类科目 {code} 合计 {show(amount)}，超过“三公”经费中{label}决算数 {show(limit)}"
                       f"（相差 {show(amount - limit)}）")
            paths = (*(p for p, _ in used), ("sangong", "actual", field))
            yield Problem(ERROR, message, paths, (amount, limit, amount - limit))


def _economic_amounts(report: Report, code: str) -> list[tuple[Path, Decimal]]:
    """The basic and project economic items under `code`, with their paths."""
    found: list[tuple[Path, Decimal]] = [
        (("basic_expenditure", "items", i, "amount"), item.amount)
        for i, item in enumerate(report.basic_expenditure.items)
        if item.code == code
    ]
    found += [(("project_expenditure", i, "amount"), item.amount)
              for i, item in enumerate(report.project_expenditure) if item.code == code]
    return found

