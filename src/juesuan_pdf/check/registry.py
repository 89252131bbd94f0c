"""Every 勾稽关系 rule, declared once: a stable id, the family its findings are filed under, a Chinese
title, the most severe level it reports and its test.

The id never changes once published (acceptances and scripts may name it); the family is the name a
finding shows and an acceptance's `rule` gives (several rules of one kind share it, e.g. 类款项合计);
`juesuan-pdf rules` lists the table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import attrs

from juesuan_pdf.errors import ERROR, NOTICE, Finding, Level
from juesuan_pdf.model.report import Report

from . import annex, codes, completeness, economic, forms, procurement, sangong, stated_rates, sums, texts, years
from .base import EVIDENCE, Problem, parse_path

Test = Callable[[Report], Iterable[Problem]] | Callable[[Report], Iterable[Finding]]


@attrs.frozen
class Rule:
    """One rule: stable id, family, Chinese title, most severe level and the test that finds its problems."""

    id: str
    family: str
    title: str
    level: Level
    test: Test

    def problems(self, report: Report) -> Iterator[Problem]:
        """The rule's problems on `report` (findings of older rules taken back to structured paths)."""
        return (p for p in self.results(report) if not isinstance(p, EVIDENCE))

    def results(self, report: Report) -> Iterator[Problem]:
        """The rule's problems and the comparisons it found to hold exactly (`Agreement`, `Held`)."""
        for found in self.test(report):
            if isinstance(found, Finding):
                yield Problem(found.level, found.message, tuple(parse_path(p) for p in found.paths), found.values)
            else:
                yield found


RULES: tuple[Rule, ...] = (
    # nothing hollow
    Rule("missing-sections", "缺少数据", "文档要印的每一部分都写在数据文件中（或写明“无”）", ERROR,
         completeness.missing_sections),
    Rule("missing-breakdowns", "缺少数据", "其他部分所写的金额都有其明细", ERROR, completeness.missing_breakdowns),
    # table arithmetic
    Rule("income-sum", "收入合计", "本年收入合计 = 各项收入之和", ERROR, sums.income_sum),
    Rule("expenditure-sum", "支出合计", "本年支出合计 = 基本支出 + 项目支出 + 其他支出", ERROR, sums.expenditure_sum),
    Rule("grand-total", "收支总计", "收入总计 = 支出总计", ERROR, sums.grand_total_balance),
    Rule("fiscal-balance", "财政拨款收支", "年初结转 + 本年收入 = 本年支出 + 年末结转（按资金）", ERROR,
         sums.fiscal_balance),
    Rule("general-budget-lines", "类款项合计", "项级科目之和 = 一般公共预算财政拨款支出", ERROR,
         sums.general_budget_lines),
    Rule("class-lines", "类款项合计", "类 = 其下各项之和", ERROR, sums.class_lines),
    Rule("class-totals", "类款项合计", "各类之和 = 一般公共预算财政拨款支出", ERROR, sums.class_totals_sum),
    Rule("budget-lines", "类款项合计", "项级科目全年预算数之和 = 一般公共预算全年预算数", ERROR, sums.budget_lines),
    Rule("expenditure-by-kind", "基本支出和项目支出", "各项级科目的基本/项目支出之和 = 本年基本/项目支出", ERROR,
         sums.expenditure_by_kind),
    Rule("basic-lines-economic", "基本支出和项目支出", "一般公共预算基本支出：按功能分类 = 按经济分类", ERROR,
         sums.basic_lines_vs_economic),
    Rule("account-income", "收入合计", "公开02表：各资金项级科目的本年收入之和 = 该项收入（未写 income 按支出计）",
         ERROR, sums.account_income),
    Rule("project-lines-economic", "基本支出和项目支出",
         "一般公共预算项目支出：按功能分类（各项级科目）= 按经济分类（公开09表）", ERROR,
         sums.project_lines_economic),
    Rule("fund-line-carry", "财政拨款收支",
         "各项级科目的年初/年末结转和结余之和 = 该资金的年初/年末结转和结余（公开10、11表）", ERROR,
         sums.fund_line_carry),
    Rule("fund-line-balance", "财政拨款收支",
         "财政拨款项级科目：年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余", ERROR,
         sums.fund_line_balance),
    Rule("running-cost-bound", "人员经费和公用经费", "机关运行经费不超过一般公共预算基本支出的公用经费", ERROR,
         sums.running_cost_bound),
    Rule("basic-split", "人员经费和公用经费", "基本支出 = 人员经费 + 公用经费", ERROR, sums.basic_split),
    Rule("personnel-items", "人员经费和公用经费", "人员经费 = 其经济分类科目之和", ERROR, sums.personnel_items),
    Rule("public-items", "人员经费和公用经费", "公用经费 = 其经济分类科目之和", ERROR, sums.public_items),
    # 三公
    Rule("vehicles-bought", "三公经费", "公务用车购置费 = 各车型购置金额之和；辆数与金额同为 0 或同不为 0", ERROR,
         sangong.vehicles_bought),
    Rule("vehicles-held", "三公经费", "年末公务用车保有量：按车型 = 按用途；“无公务用车”与辆数相符", ERROR,
         sangong.vehicles_held),
    Rule("receptions", "三公经费", "公务接待费 = 国内接待 + 外事接待", ERROR, sangong.receptions),
    Rule("sangong-economic", "三公经费", "三公经济分类科目不超过三公经费决算数", ERROR, sangong.sangong_economic_items),
    # rates and year over year
    Rule("zero-budget-rate", "完成率", "预算数为 0 时不写完成预算的百分比", NOTICE, years.zero_budget_rates),
    Rule("prior-year", "上年比较", "上年数为非负金额，且 一般公共预算 ≤ 财政拨款 ≤ 收支总计", ERROR,
         years.prior_year),
    Rule("prior-scale", "上年比较", "上年数与本年数相差不到 5 倍（否则核对小数点）", NOTICE, years.prior_scale),
    Rule("stated-rates", "变动率", "数据所写的收支总计变动率与计算的变动率相差不到末位一个单位", ERROR,
         stated_rates.stated_rates),
    Rule("reason-amounts", "变动原因", "变动原因所列金额合计不超过变动额", NOTICE, years.reason_amounts),
    Rule("reason-figures", "变动原因", "变动原因所写的增减额、增减率与数据相符", ERROR, years.reason_figures),
    Rule("reason-zero-change", "变动原因", "持平（变动为 0）时不写变动原因", NOTICE, years.reason_for_no_change),
    Rule("reason-missing", "变动原因", "与上年相比有增减时写明变动原因", NOTICE, years.reason_missing),
    Rule("publication-date", "公开日期", "公开日期在决算年度结束之后", ERROR, years.publication_date),
    Rule("reason-twice", "变动原因", "同一变动不以两种不同原因解释", NOTICE, years.reasons_disagree),
    # forms of 第四部分
    Rule("scores", "同一数字两处", "十（四）的自评得分 = 所写（或按主体对应）的自评表得分", ERROR,
         forms.scores_stated_twice),
    Rule("department-budget", "同一数字两处", "部门整体自评表一般公共预算 = 五（三）", ERROR, forms.department_budget),
    Rule("funding-sums", "自评表资金", "资金总额 = 财政拨款 + 其他资金；财政拨款 = 各项资金之和", ERROR,
         forms.funding_sums),
    # numbers in text
    Rule("report-scores", "同一数字两处", "评价报告所写得分 = 自评表得分", ERROR, forms.report_scores),
    Rule("repeated-indicators", "指标完成值", "同一三级指标在各表的实际完成值相同", NOTICE,
         texts.repeated_indicators),
    Rule("achievement-text", "指标完成值", "全年实际完成情况所写数字 = 指标实际完成值", NOTICE,
         texts.achievement_text),
    Rule("report-figures", "同一数字两处",
         "附件1报告所写的收支合计、各项收入、结转结余、基本/项目支出、人员/公用经费、“三公”经费、机关运行经费、政府采购、"
         "编制人数、部门整体自评表全年预算数/执行数 = 数据",
         ERROR, texts.report_figures),
    Rule("report-budgets", "同一数字两处", "项目评价报告所写的项目预算、年初预算、全年实际支出 = 自评表对应各数", ERROR,
         texts.project_report_budgets),
    Rule("report-rates", "同一数字两处", "报告中“预算A万元，实际到位B万元，到位率R%”的比率 = B ÷ A", ERROR,
         texts.report_rates),
    Rule("report-execution", "同一数字两处", "附件1所写的预算执行进度（率）= 部门整体自评表全年执行数 ÷ 全年预算数",
         NOTICE, texts.execution_rate),
    Rule("units-by-kind", "同一数字两处", "附件1按类型所写的单位个数 = 单位清单", ERROR, texts.units_by_kind),
    Rule("text-breakdowns", "文中分项", "“总数N人，其中…”各项之和 = 总数", NOTICE, texts.text_breakdowns),
    # 第四部分 as a whole
    Rule("project-counts", "项目个数",
         "绩效监控、自评的项目不多于编制绩效目标的项目；附件1按类列出的项目数之和相符", ERROR, annex.project_counts),
    Rule("indicator-units", "指标完成值", "实际完成值带有年度指标值的单位", NOTICE, annex.indicator_units),
    Rule("cost-indicators", "成本指标", "成本指标实际完成额不超过资金全年执行数，执行数已填", NOTICE,
         annex.cost_indicators),
    Rule("report-headings", "标题编号", "附件报告的标题编号连续", NOTICE, annex.report_headings),
    # economic ↔ functional, glossary
    Rule("contributions", "经济分类与功能分类", "社保缴费经济科目 = 对应项级科目的基本支出", ERROR,
         economic.contributions),
    Rule("glossary", "名词解释", "每个项级科目有名词解释", NOTICE, economic.glossary_entries),
    # codes
    Rule("code-year", "科目代码", "本年度没有科目表时按最接近年度的科目表检查", NOTICE, codes.code_year),
    Rule("account-codes", "科目代码", "功能分类科目代码有名称（科目表或数据文件），名称与科目表一致", ERROR,
         codes.account_codes),
    Rule("economic-codes", "科目代码", "经济分类科目代码有名称（科目表或数据文件）", ERROR, codes.economic_codes),
    Rule("classification-names", "科目代码", "[classification] 的键是有效的科目代码、名称不空", ERROR,
         codes.classification_names),
    # 政府采购
    Rule("procurement", "政府采购", "总额 = 货物 + 工程 + 服务；部分不超过整体", ERROR,
         procurement.procurement),
)
"""Every rule, in the order the checker runs them (by SPEC §7 item)."""

BY_ID = {r.id: r for r in RULES}
FAMILIES = frozenset(r.family for r in RULES)


def rules_table() -> str:
    """The rules as `juesuan-pdf rules` lists them: id, level, family and title, one a line."""
    width = max(len(r.id) for r in RULES)
    lines = [f"{'编号':<{width - 2}}  级别  规则族：说明"]  # 编号 is two columns wide per character
    lines += [f"{r.id:<{width}}  {r.level}  {r.family}：{r.title}" for r in RULES]
    lines.append(f"{'accepted':<{width}}  {NOTICE}  已确认：[[publication.accepted]] 每条对应一个检查结果，"
                 "写明所确认的数字（数字变了则该结果重新作为错误报告）")
    note = ("错误级规则在尾差以内的差额报告为提示。"
            "[[publication.accepted]] 的 rule 可写规则族名（第三列）或编号（第一列）。")
    return "\n".join([*lines, "", f"共 {len(RULES)} 条规则。{note}"])
