"""Numbers inside free text read back against the data: indicator values, counts, scores (SPEC §7.8)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

import attrs

from juesuan_pdf.errors import ERROR, NOTICE
from juesuan_pdf.load.paths import Path
from juesuan_pdf.model.finance import FISCAL_FUNDS
from juesuan_pdf.model.money import percent, ratio_percent, total
from juesuan_pdf.model.performance import Indicator
from juesuan_pdf.model.report import Report

from .annex import borrowed_unit, evaluation_reports
from .base import Figure, Problem, stated_twice
from .forms import Form, forms
from .tolerance import percent_agrees, show

_QUANTITY = re.compile(r"(\d+(?:\.\d+)?)\s*(万)?\s*([^\d\s.%％]*)")


def quantity(actual: str) -> tuple[Decimal, str] | None:
    """An indicator value's amount and unit (`8.5万人` → (85000, '人')); None for rates and words.

    >>> quantity("8.5万人"), quantity("85000人"), quantity("98%"), quantity("优")
    ((Decimal('85000.0'), '人'), (Decimal('85000'), '人'), None, None)
    """
    text = actual.strip().lstrip("≥≤=＝><约")
    match = _QUANTITY.fullmatch(text)
    if match is None:
        return None
    amount = Decimal(match.group(1)) * (10000 if match.group(2) else 1)
    return amount, match.group(3)


def same_quantity(a: tuple[Decimal, str], b: tuple[Decimal, str]) -> bool:
    """Whether two indicator quantities agree (a missing unit matches any unit)."""
    return a[0] == b[0] and (a[1] == b[1] or not a[1] or not b[1])


_LEAD = re.compile(r"^(?:确保|完成|实现|全年|年度|本年|当年)+")
_NOISE = re.compile(r"[\s“”\"'‘’]|（[^）]*）|\([^)]*\)")


def indicator_key(name: str) -> str:
    """An indicator name for matching across forms: no leading 确保/完成/全年…, quotes or asides.

    >>> indicator_key("确保城镇新增就业人数") == indicator_key("城镇新增就业人数（人）")
    True
    """
    return _LEAD.sub("", _NOISE.sub("", name))


def repeated_indicators(report: Report) -> Iterator[Problem]:
    """提示: the same 三级指标 wording with different 实际完成值 (counts, not rates) in two forms (SPEC §7.8; K6).

    Rates and satisfaction scores belong to their own project and may differ, and so do costs (成本指标:
    each project's 项目支出 is its own); a count with the same wording (城镇新增就业人数) describes one fact of
    the year. Names match loosely (`indicator_key`: 确保城镇新增就业人数 = 城镇新增就业人数) and a bare value
    takes its target's unit.
    """
    by_name: dict[str, list[tuple[Form, int, Indicator, tuple[Decimal, str]]]] = {}
    for form in forms(report):
        for i, row in enumerate(form.form.indicators):
            if "成本" in row.level1 or "成本" in row.level2:
                continue
            q = quantity(row.actual)
            if q is not None:
                q = (q[0], q[1] or borrowed_unit(row) or "")
                by_name.setdefault(indicator_key(row.name), []).append((form, i, row, q))
    for rows in by_name.values():
        name = rows[0][2].name
        distinct = [r for k, r in enumerate(rows) if not any(same_quantity(r[3], s[3]) for s in rows[:k])]
        if len(distinct) < 2 or len({id(r[0]) for r in rows}) < 2:
            continue
        stated = "，".join(f"{form.label}为“{row.actual}”" for form, _, row, _ in rows)
        message = f"同一三级指标“{name}”的实际完成值不同：{stated}"
        paths = tuple((*form.path, "indicators", i, "actual") for form, i, _, _ in rows)
        yield Problem(NOTICE, message, paths, tuple(row.actual for _, _, row, _ in rows))


_COUNT_WORD = "人数|人次|数量|个数|次数|件数|户数"


def achievement_text(report: Report) -> Iterator[Problem]:
    """提示: a form's 全年实际完成情况 text states an indicator's count other than its 实际完成值 (E9).

    The indicator is found in the text by its wording without the trailing count word (`…保费人数` →
    `…保费`), followed directly by a number and unit (`…保费10316人`).
    """
    for form in forms(report):
        for i, row in enumerate(form.form.indicators):
            yield from _rate_in_text(form, i, row)
            stated = quantity(row.actual)
            if stated is None or not stated[1]:
                continue
            for text in _counts_in_text(form.form.achieved, row.name):
                written = quantity(text)
                if written is not None and not same_quantity(stated, written):
                    message = (f"{form.label}三级指标“{row.name}”的实际完成值为“{row.actual}”，"
                               f"而全年实际完成情况写作“{text}”")
                    paths = ((*form.path, "indicators", i, "actual"), (*form.path, "achieved"))
                    yield Problem(NOTICE, message, paths, (row.actual, text))


_RATE = re.compile(r"^\s*[≥≤=＝><约]*\s*(\d+(?:\.\d+)?)\s*[%％]\s*$")
_RATE_AFTER = re.compile(r"(?:为|达到|达|保持在|均为)?(\d+(?:\.\d+)?)[%％]")


def _rate_in_text(form: Form, i: int, row: Indicator) -> Iterator[Problem]:
    """A rate indicator (`生活补助发放及时率` 100%) the completion text states right after its full name
    with another value (`生活补助发放及时率95%`)."""
    actual = _RATE.match(row.actual)
    name = row.name.strip()
    if actual is None or len(name) < 4:
        return
    text = form.form.achieved
    for start, match in _after_words(text, (name,), _RATE_AFTER):
        if Decimal(match.group(1)) != Decimal(actual.group(1)):
            written = text[start:match.end()]
            message = (f"{form.label}三级指标“{row.name}”的实际完成值为“{row.actual.strip()}”，"
                       f"而全年实际完成情况写作“{written}”")
            paths = ((*form.path, "indicators", i, "actual"), (*form.path, "achieved"))
            yield Problem(NOTICE, message, paths, (row.actual, written))


_COUNT_END = re.compile(f"({_COUNT_WORD}|数)$")
_COUNT_AFTER = re.compile(f"(?:{_COUNT_WORD})?(?:为|达到|达|完成)?" + r"(\d+(?:\.\d+)?万?[^\d\s，。、；,;]*)")


def _counts_in_text(text: str, name: str) -> list[str]:
    """The numbers with units that `text` writes right after the indicator `name` (count word optional)."""
    stem = _COUNT_END.sub("", name)
    if len(stem) < 4:
        return []
    return [m.group(1) for _, m in _after_words(text, (stem,), _COUNT_AFTER)]


def _after_words(text: str, words: tuple[str, ...], after: re.Pattern[str], edge: bool = False
                 ) -> Iterator[tuple[int, re.Match[str]]]:
    """Where `text` has one of `words` followed by what `after` matches: the start and `after`'s match (its
    groups are the whole match's groups), as `re.finditer` finds `(?:w1|w2…)` + `after` — or with `edge`,
    `_EDGE` + that — without compiling a pattern per word or label (that was most of a first check's time)."""
    pos = 0
    while True:
        found = [at for at in (text.find(w, pos) for w in words) if at >= 0]
        if not found:
            return
        start = min(found)
        match = None
        if not edge or start == 0 or _EDGE_CHAR.match(text, start - 1):
            # the words in their order, as the alternation tries them at one place
            match = next((m for w in words if text.startswith(w, start)
                          if (m := after.match(text, start + len(w))) is not None), None)
        if match is None:
            pos = start + 1
        else:
            yield start, match
            pos = match.end()


_BREAKDOWN = re.compile(r"(?:总数|总编制|总计|共计|共有)(\d+)(人|名|个)，其中：?([^。；]*)")
_ASIDE = re.compile(r"（[^）]*）|\([^)]*\)")


def text_breakdowns(report: Report) -> Iterator[Problem]:
    """提示: a report's `总数N人，其中：a人，b人…` whose parts do not add up to N (E19).

    Parenthesised asides (`（含划转3人）`) are not parts. A single part is taken for a partial
    breakdown (`其中女性3人`) and not judged.
    """
    for rep, path in evaluation_reports(report):
        for k, section in enumerate(rep.sections):
            for j, text in enumerate(section.paragraphs):
                for match in _BREAKDOWN.finditer(text):
                    stated, unit = int(match.group(1)), match.group(2)
                    parts = [int(x) for x in re.findall(r"(\d+)" + unit, _ASIDE.sub("", match.group(3)))]
                    if len(parts) < 2 or sum(parts) == stated:
                        continue
                    shown = " + ".join(map(str, parts))
                    message = (f"《{rep.title}》写“{match.group(0)[:24]}…”：总数 {stated}{unit}，"
                               f"其中各项 {shown} = {sum(parts)}{unit}，相差 {abs(stated - sum(parts))}{unit}")
                    where = (*path, "sections", k, "paragraphs", j)
                    yield Problem(NOTICE, message, (where,), (stated, sum(parts)))



# ------------------------------------------------------------------ figures the reports state again
_NUMBER = r"(\d+(?:\.\d+)?)"
_EDGE = r"(?:^|(?<=[，。；：、年\s]))"
"""A short label counts only at the start of a clause (基本支出, not 一般公共预算基本支出)."""
_EDGE_CHAR = re.compile(r"[，。；：、年\s]")
"""The character `_EDGE` wants before a label that does not start the text."""
_MONEY_AFTER = re.compile(
    f"(?:支出|决算数?)?(?:为|共计|合计)?{_NUMBER}万元" + r"(?:[，,]\s*占[^，。；\d%]{0,12}?(\d+(?:\.\d+)?)[%％])?")
"""What follows a figure's words: `…支出为1056.77万元`, maybe `，占23.7%`."""


@attrs.frozen
class Stated:
    """A figure the data holds and the words a report uses to state it again."""

    label: str
    path: Path
    value: Decimal | int | None
    unit: str = "万元"
    whole: Decimal | None = None
    """The figure a share written after it (`，占23.7%`) is of."""
    also: tuple[Decimal, ...] = ()
    """Other figures the same words may mean (基本支出 of 财政拨款 only, 收入总计 with carry-overs): a text
    stating one of them is not read as a typo."""
    words: tuple[str, ...] = ()
    """The words the text states the figure with, tried in this order at one place."""
    after: re.Pattern[str] = _MONEY_AFTER
    """What follows the words: the figure (group 1), maybe its share (group 2)."""
    edge: bool = False
    """Whether the words count only at the start of a clause (`_EDGE`)."""

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Each place `text` states the figure, as a match of `after` (group 1 the figure)."""
        return (match for _, match in _after_words(text, self.words, self.after, self.edge))


def _amounts(report: Report) -> list[Stated]:
    """The department-wide figures 附件1 restates: totals, 基本/项目支出, 人员/公用经费, “三公”经费 and its
    parts, 机关运行经费, 政府采购, staffing."""
    inc, exp, pr, st = report.income, report.expenditure, report.procurement, report.department.staffing

    def money(label: str, words: str, path: Path, value: Decimal | None, edge: bool = False,
              whole: Decimal | None = None, also: tuple[Decimal, ...] = ()) -> Stated:
        return Stated(label, path, value, whole=whole, also=also, words=tuple(words.split("|")), edge=edge)

    gb_lines = report.general_budget_lines
    # a department with money besides 一般公共预算 may state its 财政拨款 figures under the same words
    mixed = inc.amount != inc.general_budget or any(a.fund != "一般公共预算" for a in report.accounts)
    incomes = (report.income_grand_total, *((inc.fiscal,) if mixed else ()))
    spendings = (report.expenditure_grand_total, *((report.general_budget_total,) if mixed else ()))
    basics = (report.basic_expenditure.amount, total(a.basic for a in gb_lines)) if mixed else ()
    projects = (total(a.project for a in gb_lines),) if mixed else ()

    sg, be = report.sangong.actual, report.basic_expenditure
    # 人员经费/公用经费 of a department with other money may be stated for all of it: only read when the
    # 一般公共预算 figures are the department's
    spending = [] if mixed or be.personnel_total is None or be.public_total is None else [
        money("人员经费", "人员经费", ("basic_expenditure", "personnel_total"), be.personnel_total, edge=True),
        money("公用经费", "公用经费", ("basic_expenditure", "public_total"), be.public_total, edge=True),
    ]
    # the budget and last year's figure go by the same words (`预算“三公”经费…，其中公务接待费5万元`)
    budget, prior = report.sangong.budget, report.sangong.prior

    def others(field: str) -> tuple[Decimal, ...]:
        return tuple(getattr(b, field) if field != "amount" else b.amount for b in (budget, prior) if b is not None)

    sangong = [] if "sangong" in report.written_none else [
        money("“三公”经费", "“三公”经费|三公经费", ("sangong", "actual"), sg.amount, also=others("amount")),
        money("公务接待费", "公务接待费", ("sangong", "actual", "reception"), sg.reception, edge=True,
              also=others("reception")),
        money("公务用车运行维护费", "公务用车运行维护费|公务用车运行费", ("sangong", "actual", "vehicle_running"),
              sg.vehicle_running, also=others("vehicle_running")),
        money("公务用车购置费", "公务用车购置费", ("sangong", "actual", "vehicle_purchase"), sg.vehicle_purchase,
              also=others("vehicle_purchase")),
        money("因公出国（境）费", "因公出国（境）费|因公出国费", ("sangong", "actual", "abroad"), sg.abroad,
              also=others("abroad")),
    ]
    # the other sources, when the data has them (a label the data leaves at 0 may mean another unit's money)
    b, fiscal = report.balances, report.fiscal
    sources = [
        money(name, words, ("income", field), getattr(inc, field), edge=True, whole=inc.amount)
        for field, name, words in (
            ("gov_fund", "政府性基金预算财政拨款收入", "政府性基金预算财政拨款收入|政府性基金预算收入"),
            ("state_capital", "国有资本经营预算财政拨款收入", "国有资本经营预算财政拨款收入|国有资本经营预算收入"),
            ("higher_subsidy", "上级补助收入", "上级补助收入"), ("business", "事业收入", "事业收入"),
            ("operating", "经营收入", "经营收入"), ("affiliated", "附属单位上缴收入", "附属单位上缴收入"),
            ("other", "其他收入", "其他收入"))
        if getattr(inc, field)
    ]
    # 年初/年末结转和结余 of all money; a 财政拨款 one (`一般公共预算财政拨款年初结转和结余`) goes by the same words
    carries = [
        money(name, name, ("balances", field), getattr(b, field),
              also=(getattr(fiscal, field).amount, *map(getattr(fiscal, field).of, FISCAL_FUNDS)))
        for field, name in (("carry_in", "年初结转和结余"), ("carry_out", "年末结转和结余"))
        if getattr(b, field)
    ]
    # the 部门整体 form's 全年预算数/全年执行数 (`部门全年预算数3484.88万元，全年执行数3402.41万元`); a row of it
    # (`其中一般公共预算财政拨款全年预算数…`) goes by the same words
    table = report.performance.department_table
    funding = [] if table is None else [
        money(name, name, ("performance", "department_table", "funding", "total", column), value,
              also=tuple(v for row in table.funding.rows() if (v := getattr(row, column)) is not None))
        for column, name in (("annual_budget", "全年预算数"), ("executed", "全年执行数"))
        if (value := getattr(table.funding.total, column)) is not None
    ]
    rc = report.running_cost
    running = [money("机关运行经费", "机关运行经费", ("running_cost", "amount"), rc.amount,
                     also=() if rc.prior is None else (rc.prior,))]

    def count(label: str, words: str, path: Path, value: int | None, units: str, edge: bool = False,
              alone: bool = False) -> Stated:
        # `alone`: only when no other 编制 count follows in the sentence (`核定行政编制12名，事业编制41名` are parts)
        rest = "(?![^。；]*编制\\d)" if alone else ""
        return Stated(label, path, value, units[0], words=tuple(words.split("|")),
                      after=re.compile(f"(?:为|共)?(\\d+)(?:{units}){rest}"), edge=edge)

    return [
        money("本年收入合计", "本年收入合计|收入合计", _total_path("income", inc.total), inc.amount, also=incomes),
        money("本年支出合计", "本年支出合计|支出合计", _total_path("expenditure", exp.total), exp.amount,
              also=spendings),
        money("本年收入合计", "收入|总收入", _total_path("income", inc.total), inc.amount, edge=True, also=incomes),
        money("本年支出合计", "支出|总支出", _total_path("expenditure", exp.total), exp.amount, edge=True,
              also=spendings),
        money("一般公共预算财政拨款收入", "一般公共预算财政拨款收入", ("income", "general_budget"), inc.general_budget,
              whole=inc.amount),
        money("基本支出", "基本支出", ("expenditure", "basic"), exp.basic, edge=True, whole=exp.amount,
              also=basics),
        money("项目支出", "项目支出", ("expenditure", "project"), exp.project, edge=True, whole=exp.amount,
              also=projects),
        money("政府采购支出总额", "政府采购支出总额|政府采购总额", ("procurement", "total"), pr.amount),
        money("政府采购货物支出", "政府采购货物支出|货物采购支出|货物支出", ("procurement", "goods"), pr.goods,
              whole=pr.amount),
        money("政府采购工程支出", "政府采购工程支出|工程采购支出|工程支出", ("procurement", "works"), pr.works,
              whole=pr.amount),
        money("政府采购服务支出", "政府采购服务支出|服务采购支出|服务支出", ("procurement", "services"), pr.services,
              whole=pr.amount),
        money("授予中小企业合同金额", "授予中小企业合同金额", ("procurement", "sme"), pr.sme,
              whole=pr.amount),
        money("授予小微企业合同金额", "授予小微企业合同金额", ("procurement", "small_micro"),
              pr.small_micro),
        *sources,
        *carries,
        *funding,
        *spending,
        *sangong,
        *running,
        count("总编制", "总编制|编制总数|核定编制", ("department", "staffing", "authorised"), st.authorised,
              "名|人|个"),
        # a bare 编制 opening a clause is the total (`编制168名，其中：行政编制124名…`); after 行政 or 事业 a part
        count("总编制", "编制", ("department", "staffing", "authorised"), st.authorised, "名|人|个", edge=True),
        # a unit of one kind states its total by kind (`学校核定事业编制196名`)
        count("总编制", "核定事业编制|核定行政编制", ("department", "staffing", "authorised"), st.authorised,
              "名|人|个", alone=True),
        count("在编在职人员", "在编在职人员总数|在编在职人员|在职人员总数|在编在职教职工|在编在职职工|在编在职干部职工"
              "|在职在编人员", ("department", "staffing", "in_post"),
              st.in_post, "人|名"),
        count("退休人员", "退休人员", ("department", "staffing", "retired"), st.retired, "人|名"),
    ]


def _total_path(section: str, stated: Decimal | None) -> Path:
    """Where a 合计 is written: its `total`, else its section (derived)."""
    return (section, "total") if stated is not None else (section,)


def report_figures(report: Report) -> Iterator[Problem]:
    """Figures 附件1's report states again (收入/支出合计, 基本/项目支出, 政府采购, 编制与人数) equal the data.

    Only a figure written right after its own label counts (`基本支出1056.77万元`); a label followed by
    anything else, or a figure the data leaves blank, is left alone.
    """
    rep = report.performance.department_report
    if rep is None:
        return
    stated = [s for s in _amounts(report) if s.value is not None]
    for k, section in enumerate(rep.sections):
        for j, text in enumerate(section.paragraphs):
            where: Path = ("performance", "department_report", "sections", k, "paragraphs", j)
            for s in stated:
                for match in s.finditer(text):
                    yield from _compare_text(rep.title, s.label, Decimal(match.group(1)), s, where)
                    written_share = match.group(2) if (match.lastindex or 0) >= 2 else None
                    if s.whole and written_share and Decimal(match.group(1)) == s.value:
                        yield from _compare_share(rep.title, s, Decimal(written_share), where)


def _compare_share(title: str, s: Stated, written: Decimal, where: Path) -> Iterator[Problem]:
    """An 错误 when the share a report writes after a figure (`，占23.7%`) is not the figure's share."""
    assert s.value is not None and s.whole is not None
    exact = ratio_percent(Decimal(s.value), s.whole)
    if exact is None or percent_agrees(written, exact):
        return
    computed = percent(Decimal(s.value), s.whole, 2)
    message = (f"《{title}》写{s.label}“占{show(written)}%”，而数据中 {show(Decimal(s.value))} 占"
               f" {show(s.whole)} 的 {show(computed or exact)}%")
    yield Problem(ERROR, message, (where, s.path), (written, computed or exact), 2)


def _compare_text(title: str, label: str, written: Decimal, s: Stated, where: Path) -> Iterator[Problem]:
    """An 错误 when a report writes a figure other than the data's."""
    assert s.value is not None
    if written == s.value or written in s.also:
        return
    first = Figure(f"《{title}》所写的{label}", where, written)
    second = Figure(f"数据中的{label}", s.path, Decimal(s.value))
    yield from stated_twice(first, second, unit=s.unit)


_PROJECT_BUDGET = re.compile(
    f"(?:预算安排资金|预算安排|项目批复|批复资金|批复预算|下达资金|全年预算数?|下达[^。；\\d]{{0,40}}?共计)"
    f"(?:为|共计)?{_NUMBER}万元"
)
"""A project's budget as a report states it (`项目批复83.64万元`, `下达…资金，属于上级资金，共计2167.7万元`)."""


_PROJECT_COLUMNS = (
    ("annual_budget", "全年预算数", _PROJECT_BUDGET),
    ("initial_budget", "年初预算数", re.compile(f"年初预算数?(?:为)?{_NUMBER}万元")),
    ("executed", "全年执行数", re.compile(f"(?:全年实际支出|全年执行数|全年实际执行)(?:为|共计)?{_NUMBER}万元")),
)
"""The columns of a project form a report states, each with its words (`年初预算260万元`, `全年实际支出286.45万元`)."""


def project_report_budgets(report: Report) -> Iterator[Problem]:
    """The budget a project report states (`项目批复83.64万元`) equals its form's 全年预算数; its 年初预算 and
    全年实际支出 equal the form's 年初预算数 and 全年执行数 (a figure of another row of the form is no typo)."""
    all_forms = forms(report)
    for i, rep in enumerate(report.performance.project_reports):
        named = sorted((f for f in all_forms if f.name and f.name in rep.title), key=lambda f: -len(f.name))
        if not named:
            continue
        form = named[0]
        rows = form.form.funding.rows()
        for column, name, words in _PROJECT_COLUMNS:
            value = getattr(form.form.funding.total, column)
            if value is None:
                continue
            # a budget is stated under either budget's words; an execution under its own
            kinds = ("initial_budget", "annual_budget") if column != "executed" else ("executed",)
            others = tuple(v for row in rows for kind in kinds if (v := getattr(row, kind)) is not None)
            s = Stated(name, (*form.path, "funding", "total", column), value, also=others)
            label = f"项目预算（{form.label}{name}）" if column == "annual_budget" else f"{form.label}{name}"
            for k, section in enumerate(rep.sections):
                for j, text in enumerate(section.paragraphs):
                    where: Path = ("performance", "project_reports", i, "sections", k, "paragraphs", j)
                    for match in words.finditer(text):
                        yield from _compare_text(rep.title, label, Decimal(match.group(1)), s, where)


_UNITS_BY_KIND = re.compile(r"(\d+)个(参公|参照公务员法管理的|其他)?事业单位")


def units_by_kind(report: Report) -> Iterator[Problem]:
    """The units 附件1 counts by kind (`3个参公事业单位`, `4个事业单位`) match the units list (二、机构设置)."""
    rep = report.performance.department_report
    dept = report.department
    if rep is None or not dept.units:
        return
    counts = {"参公": dept.count_of("参照公务员法管理的事业单位"), "其他": dept.count_of("其他事业单位")}
    labels = {"参公": "参照公务员法管理的事业单位", "其他": "其他事业单位"}
    for k, section in enumerate(rep.sections):
        for j, text in enumerate(section.paragraphs):
            for match in _UNITS_BY_KIND.finditer(text):
                kind = "其他" if match.group(2) in (None, "其他") else "参公"
                written, listed = int(match.group(1)), counts[kind]
                if written != listed:
                    where: Path = ("performance", "department_report", "sections", k, "paragraphs", j)
                    message = (f"《{rep.title}》写“{match.group(0)}”，而单位清单中{labels[kind]}为 {listed} 个")
                    yield Problem(ERROR, message, (where, ("department", "units")), (written, listed), 2)


_SENTENCE_RATE = re.compile(
    f"{_NUMBER}万元[，,]\\s*(?:实际)?(到位|支出|执行|使用)(?:资金)?(?:为)?{_NUMBER}万元[，,]\\s*"
    f"(?:资金|预算)?(?:到位率|支出率|执行率|使用率)(?:为|达)?{_NUMBER}[%％]"
)
"""`预算安排资金83.64万元，实际到位83.64万元，到位率100%`: a rate written beside the two amounts it divides."""


def report_rates(report: Report) -> Iterator[Problem]:
    """A rate a report writes right after its two amounts (`…A万元，实际到位B万元，到位率R%`) is B ÷ A,
    give or take one unit of its last digit: the sentence states each of the three figures twice."""
    for rep, path in evaluation_reports(report):
        for k, section in enumerate(rep.sections):
            for j, text in enumerate(section.paragraphs):
                for match in _SENTENCE_RATE.finditer(text):
                    whole, part, written = (Decimal(match.group(n)) for n in (1, 3, 4))
                    exact = ratio_percent(part, whole)
                    if exact is None or percent_agrees(written, exact):
                        continue
                    computed = percent(part, whole, 2)
                    message = (f"《{rep.title}》写“{match.group(0)}”：{show(part)} ÷ {show(whole)} = "
                               f"{show(computed or exact)}%，不是 {show(written)}%")
                    where: Path = (*path, "sections", k, "paragraphs", j)
                    yield Problem(ERROR, message, (where,), (written, computed or exact), 2)


_EXECUTION = re.compile(r"预算执行(?:总体)?(?:进度|率)(?:为|达到|达)?(\d+(?:\.\d+)?)[%％]")


def execution_rate(report: Report) -> Iterator[Problem]:
    """提示: the budget execution 附件1 writes (`预算执行总体进度为100%`) against the 部门整体支出绩效目标自评表's
    全年执行数 ÷ 全年预算数 (E5: 100 % in the text, 87.26 % by the form). A 提示, as 进度 may be meant as
    time: only `预算执行…进度/率` right before the percentage is read (not 项目执行率)."""
    rep, table = report.performance.department_report, report.performance.department_table
    if rep is None or table is None:
        return
    row = table.funding.total
    if row.annual_budget is None or row.executed is None:
        return
    exact, shown = ratio_percent(row.executed, row.annual_budget), percent(row.executed, row.annual_budget, 2)
    if exact is None:
        return
    executed: Path = ("performance", "department_table", "funding", "total", "executed")
    for k, section in enumerate(rep.sections):
        for j, text in enumerate(section.paragraphs):
            for match in _EXECUTION.finditer(text):
                written = Decimal(match.group(1))
                if percent_agrees(written, exact):
                    continue
                message = (f"《{rep.title}》写“{match.group(0)}”，而部门整体支出绩效目标自评表全年执行数 "
                           f"{show(row.executed)} ÷ 全年预算数 {show(row.annual_budget)} = {show(shown or exact)}%")
                where: Path = ("performance", "department_report", "sections", k, "paragraphs", j)
                yield Problem(NOTICE, message, (where, executed), (written, shown or exact), 2)
