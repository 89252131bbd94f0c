"""The department: names, duties, the year's key work, the budget units in scope and staffing."""

from __future__ import annotations

from typing import Literal

import attrs

UnitKind = Literal["行政单位", "参照公务员法管理的事业单位", "其他事业单位", "企业", "其他"]
UNIT_KINDS: tuple[UnitKind, ...] = ("行政单位", "参照公务员法管理的事业单位", "其他事业单位", "企业", "其他")


@attrs.frozen
class Unit:
    """A budget unit in the 决算 scope. `own_level` marks the department's own level (本级)."""

    name: str
    kind: UnitKind
    own_level: bool = False


@attrs.frozen
class Paragraphs:
    """A titled list of paragraphs of free text (主要职能, 重点工作完成情况 …)."""

    title: str
    paragraphs: tuple[str, ...]


@attrs.frozen
class Staffing:
    """Authorised posts (编制) and people in post; all optional because not every document states them."""

    authorised: int | None = None
    in_post: int | None = None
    retired: int | None = None


@attrs.frozen
class Department:
    """Who publishes: full and short name, subject kind (部门/单位), budget level, duties, units.

    `units` lists the budget units in the 决算 scope, the department's own level first. The counts of the
    机构设置 sentence (下属二级预算单位N个，其中行政单位a个…) are derived from them, never typed.
    """

    name: str
    short_name: str
    subject: Literal["部门", "单位"] = "部门"
    budget_level: str = "一级预算单位"
    duties: Paragraphs = Paragraphs("主要职能", ())
    key_work: Paragraphs = Paragraphs("重点工作完成情况", ())
    units: tuple[Unit, ...] = ()
    staffing: Staffing = Staffing()

    @property
    def subordinate_units(self) -> tuple[Unit, ...]:
        """The units below the department's own level."""
        return tuple(u for u in self.units if not u.own_level)

    def count_of(self, kind: UnitKind) -> int:
        """How many subordinate units are of `kind`."""
        return sum(1 for u in self.subordinate_units if u.kind == kind)
