"""Nothing hollow: every section the document prints is written in the data file (or declared “无”), and
every amount another section states has its breakdown.

A section left out would print as zeros and empty sentences; the rules here refuse that with an 错误 naming
the section and what belongs there. A data file says a department has none of a section by writing the
section as the text “无” (`sangong = "无"`, see `load.given`); a report built in code (`Report.given` is
None) counts every section as written.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from juesuan_pdf.check.tolerance import show
from juesuan_pdf.errors import ERROR, Finding
from juesuan_pdf.model.finance import EXPENDITURE_KINDS, EXPENDITURE_NAMES
from juesuan_pdf.model.report import Report

RULE = "缺少数据"


@attrs.frozen
class Section:
    """A part of the data file the document needs: its key, what belongs there, whether “无” may stand for it."""

    key: str
    what: str
    may_be_none: bool = True


SECTIONS: tuple[Section, ...] = (
    Section("department.duties", "部门职责（第一部分 一、部门职责）", may_be_none=False),
    Section("department.units", "纳入决算编制范围的单位，含本级（第一部分 二、机构设置）", may_be_none=False),
    Section("totals", "收、支总计的上年数和变动原因（第二部分 一、公开01表）", may_be_none=False),
    Section("income", "本年收入按来源（第二部分 二、公开02表）", may_be_none=False),
    Section("expenditure", "本年支出按基本支出、项目支出等（第二部分 三、公开03表）", may_be_none=False),
    Section("balances", "年初、年末结转和结余（公开01表）"),
    Section("fiscal", "财政拨款结转结余和上年数（第二部分 四、公开04表）"),
    Section("general_budget", "一般公共预算财政拨款支出的总额、预算数和上年数（第二部分 五）"),
    Section("accounts", "按功能分类科目（项）的支出（[[accounts]]，第二部分 五（三）和公开表）"),
    Section("basic_expenditure", "一般公共预算财政拨款基本支出按经济分类（第二部分 六、公开08表）"),
    Section("project_expenditure", "一般公共预算财政拨款项目支出按经济分类（[[project_expenditure]]，公开09表）；"
            "不按经济分类列出时公开09表只列合计数"),
    Section("sangong", "财政拨款“三公”经费（第二部分 七、公开13表）"),
    Section("sangong.actual", "“三公”经费决算数（第二部分 七）"),
    Section("running_cost", "机关运行经费（第二部分 十（一））"),
    Section("procurement", "政府采购支出（第二部分 十（二））"),
    Section("assets", "国有资产占有使用情况（第二部分 十（三））"),
    Section("performance_management", "预算绩效管理情况（第二部分 十（四））"),
)


def missing_sections(report: Report) -> Iterator[Finding]:
    """错误 for each section the data file neither writes nor declares “无”."""
    if report.given is None:
        return
    for section in SECTIONS:
        parent, _, _ = section.key.rpartition(".")
        if not section.may_be_none and section.key in report.written_none:
            message = f"{section.key}（{section.what}）不能写作“无”，请填写实际内容"
            yield Finding(ERROR, RULE, message, (section.key,), (section.key,))
            continue
        if report.is_given(section.key) or (parent and not _written_out(report, parent)):
            continue
        subject = report.department.subject
        fix = f"本{subject}没有此项时请写 {_assignment(section.key)}" if section.may_be_none else "请补充"
        message = f"数据文件缺少 {section.key}：{section.what}。{fix}"
        yield Finding(ERROR, RULE, message, (section.key,), (section.key,))


def _written_out(report: Report, key: str) -> bool:
    """Whether `key` is written as a table (given, with keys of its own), not declared “无” or left out."""
    prefix = key + "."
    return report.given is not None and any(p.startswith(prefix) for p in report.given)


def _assignment(key: str) -> str:
    """How a clerk writes a section as none: `sangong = "无"`, or inside its table for a nested key."""
    parent, _, last = key.rpartition(".")
    return f'[{parent}] 下 {last} = "无"' if parent else f'{key} = "无"'


def missing_breakdowns(report: Report) -> Iterator[Finding]:
    """错误 when an amount is stated but the items that make it up are not given at all."""
    yield from _lines_missing(report)
    basic = report.basic_expenditure
    if basic.amount > 0 and not basic.items:
        yield _missing(f"一般公共预算财政拨款基本支出 {show(basic.amount)}万元",
                       "按经济分类的明细（[[basic_expenditure.items]]）", "basic_expenditure.items")
    yield from _sangong_missing(report)


def _lines_missing(report: Report) -> Iterator[Finding]:
    """Stated expenditure of a kind (基本/项目/…) without any account line carrying that kind."""
    if report.expenditure.amount > 0 and not report.accounts:
        if not report.is_given("accounts"):
            return  # reported as a missing section
        spent = f"本年支出合计 {show(report.expenditure.amount)}万元"
        yield _missing(spent, "按功能分类科目（项）的支出（[[accounts]]）", "accounts")
        return
    for kind in EXPENDITURE_KINDS:
        stated: Decimal = getattr(report.expenditure, kind)
        if stated > 0 and report.accounts and all(getattr(a, kind) == 0 for a in report.accounts):
            label = EXPENDITURE_NAMES[kind]
            where = f"[[accounts]] 各行的{label}（{kind}）"
            yield _missing(f"本年{label} {show(stated)}万元", where, f"expenditure.{kind}")


def _sangong_missing(report: Report) -> Iterator[Finding]:
    """A 三公 component spent without its particulars (trips, vehicles, receptions)."""
    actual = report.sangong.actual
    needs = (
        (actual.abroad, "因公出国（境）费", "sangong.trips", "出国（境）团组和人次（[sangong.trips]）"),
        (actual.vehicle_purchase, "公务用车购置费", "sangong.vehicles_bought", "购置车辆的车型、数量和金额"),
        (actual.vehicle_running, "公务用车运行维护费", "sangong.vehicles_held", "年末公务用车保有量"),
        (actual.reception, "公务接待费", "sangong.domestic_reception", "国内公务接待或外事接待的批次、人次和金额"),
    )
    for amount, label, key, what in needs:
        given = report.is_given(key) or (key.endswith("reception") and report.is_given("sangong.foreign_reception"))
        if amount > 0 and not given:
            yield _missing(f"“三公”经费中{label} {show(amount)}万元", f"{what}（{key}）", key)


def _missing(stated: str, breakdown: str, path: str) -> Finding:
    message = f"数据写明{stated}，但没有给出{breakdown}"
    return Finding(ERROR, RULE, message, (path,), ())
