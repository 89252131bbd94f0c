"""十、其他重要事项: 机关运行经费, 政府采购, 国有资产, 预算绩效管理 facts."""

from __future__ import annotations

from decimal import Decimal

import attrs

from juesuan_pdf.model.money import ZERO


@attrs.frozen
class RunningCost:
    """机关运行经费: this year, last year (None: unknown) and the reason for the change."""

    amount: Decimal = ZERO
    prior: Decimal | None = None
    reason: str = ""


@attrs.frozen
class Procurement:
    """政府采购: by kind, the part awarded to small and medium enterprises (中小企业), and its purpose."""

    goods: Decimal = ZERO
    works: Decimal = ZERO
    services: Decimal = ZERO
    total: Decimal | None = None
    sme: Decimal = ZERO
    small_micro: Decimal = ZERO
    goods_sme: Decimal = ZERO
    works_sme: Decimal = ZERO
    services_sme: Decimal = ZERO
    purpose: str = ""

    @property
    def amount(self) -> Decimal:
        """政府采购支出总额: as stated, else goods + works + services."""
        return self.goods + self.works + self.services if self.total is None else self.total


@attrs.frozen
class VehiclesByUse:
    """Vehicles at year end by use (十（三）), a different classification from 七's body types."""

    leaders: int = 0
    principal: int = 0
    confidential: int = 0
    emergency: int = 0
    law_enforcement: int = 0
    special: int = 0
    retirees: int = 0
    other: int = 0
    other_use: str = ""

    @property
    def count(self) -> int:
        """All vehicles."""
        return (
            self.leaders + self.principal + self.confidential + self.emergency
            + self.law_enforcement + self.special + self.retirees + self.other
        )


@attrs.frozen
class Assets:
    """国有资产占有使用: vehicles by use and equipment with a unit price of 100万元 or more.

    `vehicle_statement` replaces the generated vehicle sentence with the department's own words.
    """

    vehicles: VehiclesByUse = VehiclesByUse()
    vehicle_statement: str = ""
    large_equipment: int = 0


@attrs.frozen
class EvaluationScore:
    """One self-evaluation result stated in 十（四）: subject, score and summary.

    `summary` is free text ending with its own punctuation (；or 。). `evaluation` names the
    self-evaluation table of 第四部分 that states the same score (its `name`), for the checker.
    """

    subject: str
    score: int
    summary: str = ""
    evaluation: str = ""


@attrs.frozen
class PerformanceManagement:
    """预算绩效管理 (十（四）): projects assessed beforehand, goals set, monitoring, self-evaluations."""

    pre_assessed: tuple[str, ...] = ()
    goals_count: int = 0
    monitored_count: int = 0
    reports_formed: str = ""
    scores: tuple[EvaluationScore, ...] = ()
