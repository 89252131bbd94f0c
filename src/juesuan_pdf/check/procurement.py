"""政府采购 (SPEC §7.10): by kind, awarded to small and medium enterprises."""

from __future__ import annotations

from collections.abc import Iterator

from juesuan_pdf.errors import ERROR
from juesuan_pdf.model.report import Report

from .base import (
    Figure,
    Problem,
    Side,
    compare_sums,
    single,
)
from .tolerance import show


def procurement(report: Report) -> Iterator[Problem]:
    """政府采购: total = 货物 + 工程 + 服务; 授予中小企业 = Σ by kind; parts never exceed their whole."""
    pr = report.procurement
    if pr.total is not None:
        kinds = Side((Figure("货物", ("procurement", "goods"), pr.goods),
                      Figure("工程", ("procurement", "works"), pr.works),
                      Figure("服务", ("procurement", "services"), pr.services)))
        yield from compare_sums(kinds, single("政府采购支出总额", ("procurement", "total"), pr.total))
    sme_kinds = Side((Figure("货物授予中小企业", ("procurement", "goods_sme"), pr.goods_sme),
                      Figure("工程授予中小企业", ("procurement", "works_sme"), pr.works_sme),
                      Figure("服务授予中小企业", ("procurement", "services_sme"), pr.services_sme)))
    if sme_kinds.amount:
        yield from compare_sums(sme_kinds, single("授予中小企业合同金额", ("procurement", "sme"), pr.sme))
    for part, whole in (("sme", "total"), ("small_micro", "sme"), ("goods_sme", "goods"),
                        ("works_sme", "works"), ("services_sme", "services")):
        yield from _not_above(report, part, whole)


PROCUREMENT_LABELS = {
    "sme": "授予中小企业合同金额", "small_micro": "授予小微企业合同金额", "total": "政府采购支出总额",
    "goods": "货物采购", "works": "工程采购", "services": "服务采购",
    "goods_sme": "货物采购授予中小企业", "works_sme": "工程采购授予中小企业", "services_sme": "服务采购授予中小企业",
}


def _not_above(report: Report, part: str, whole: str) -> Iterator[Problem]:
    """An 错误 when a procurement part exceeds the whole it belongs to."""
    pr = report.procurement
    a = getattr(pr, part)
    b = pr.amount if whole == "total" else getattr(pr, whole)
    if a > b:
        names = PROCUREMENT_LABELS[part], PROCUREMENT_LABELS[whole]
        message = f"{names[0]} {show(a)} 超过{names[1]} {show(b)}（相差 {show(a - b)}）"
        paths = (("procurement", part), ("procurement", whole))
        yield Problem(ERROR, message, paths, (a, b, a - b))

