"""The Sichuan 2023 profile: the reference document's parts, sections, headings, captions and glossary.

This module wires the part and section builders into a `Profile` value (the types live in
`compose.profile`), each named by its module (`Later`: imported when a document is composed, so choosing
the profile imports none of them); it reproduces the reference document (its wording quirks included:
`与上年持平` in one place, `与2022年持平` in another, `完成预算的0%` for a rate of nothing).
"""

from __future__ import annotations

from collections.abc import Mapping

from juesuan_pdf.compose.profile import (
    GlossaryEntry,
    Later,
    PartSpec,
    Profile,
    SangongComponent,
    SangongGlossary,
    SectionSpec,
)

SICHUAN_2023_HEADINGS: Mapping[str, str] = {
    "overview.duties": "一、{duties}",
    "overview.item": "{n}.{title}。",
    "overview.units": "二、机构设置",
    "s05.1": "（一）一般公共预算财政拨款支出决算总体情况",
    "s05.2": "（二）一般公共预算财政拨款支出决算结构情况",
    "s05.3": "（三）一般公共预算财政拨款支出决算具体情况",
    "s07.1": "（一）“三公”经费财政拨款支出决算总体情况说明",
    "s07.2": "（二）“三公”经费财政拨款支出决算具体情况说明",
    "s10.1": "（一）机关运行经费支出情况",
    "s10.2": "（二）政府采购支出情况",
    "s10.3": "（三）国有资产占有使用情况",
    "s10.4": "（四）预算绩效管理情况。",
}

SICHUAN_2023_SENTENCES: Mapping[str, str] = {
    # 封面、第一部分
    "cover.subject": "{title}公开",
    "cover.year": "{year}年度",
    "cover.kind": "{subject}决算",
    "overview.own_level": "（本级）",
    "overview.unit_count": "{kind}{n}个",
    # 图
    "chart.year": "{year}年度",
    "fig1.income": "收入总计",
    "fig1.expenditure": "支出总计",
    "fig4.income": "财政拨款收入总计",
    "fig4.expenditure": "财政拨款支出总计",
    "fig5.expenditure": "一般公共预算财政拨款支出",
    "fig7.abroad": "因公出国（境）费",
    "fig7.vehicles": "公务用车购置及运行维护费",
    "fig7.reception": "公务接待费",
    # 二、三
    "s02.income": "{year}年本年收入合计{total}，其中：{items}。",
    "s03.expenditure": "{year}年本年支出合计{total}，其中：{items}。",
    # 一、四
    "totals.subject": "{prefix}收、支总计",
    "s04.prefix": "财政拨款",
    # 五
    "s05.subject": "一般公共预算财政拨款支出",
    "s05.overall": "{year}年度一般公共预算财政拨款支出{amount}，占本年支出合计的{share}。",
    "s05.structure": "{year}年度一般公共预算财政拨款支出{amount}，主要用于以下方面：{items}。",
    "s05.structure_none": "{year}年度一般公共预算财政拨款支出{amount}。",
    "s05.budget": "{year}年度一般公共预算支出全年预算数为{budget}，支出决算数为{amount}{done}。{such}",
    "s05.budget_lines": "其中：",
    "s05.budget_done": "，完成全年预算数的{rate}",
    "s05.line": "{n}.{name}：全年预算为{budget}，支出决算为{amount}{done}。",
    "s05.line_done": "，完成全年预算的{rate}",
    "s05.line_unbudgeted": "{n}.{name}：支出决算为{amount}。",
    "no_budget": "，{no_budget}",
    # 六
    "s06.total": "{year}年度一般公共预算财政拨款基本支出{amount}，其中：",
    "s06.personnel": "人员经费",
    "s06.public": "公用经费",
    "s06.group": "{label}{amount}，主要包括：{items}。",
    "s06.group_empty": "{label}{amount}。",
    "s06.none": "{year}年度本{subject}无一般公共预算财政拨款基本支出。",
    # 七
    "s07.budget_actual": "预算为{budget}，支出决算为{amount}{done}",
    "s07.done": "，完成预算的{rate}",
    "s07.no_budget": "决算为{amount}，{no_budget}",
    "s07.total": "{year}年度“三公”经费财政拨款支出{figures}",
    "s07.component": "{name}支出决算",
    "s07.shares": "{year}年度“三公”经费财政拨款支出决算中，{items}。具体情况如下：",
    "s07.abroad_unbudgeted": "1.因公出国（境）经费支出{amount}，{no_budget}",
    "s07.abroad": "1.因公出国（境）经费{figures}",
    "s07.trips": "全年安排因公出国（境）团组{groups}个，累计{persons}人次。",
    "s07.trips_use": "主要用于",
    "s07.bought_item": "{type}{count}辆、金额{amount}",
    "s07.held_item": "{type}{count}辆",
    "s07.fleet": "全年按规定更新购置公务用车{bought}辆，其中：{bought_items}。"
    "截至{year}年12月31日，本{subject}共有公务用车{held}辆，其中：{held_items}。",
    "s07.vehicles": "2.公务用车购置及运行维护费{figures}。",
    "s07.purchase": "其中：公务用车购置费支出{amount}。{fleet}",
    "s07.running": "公务用车运行维护费支出{amount}。",
    "s07.running_use": "主要用于",
    "s07.reception": "3.公务接待费{figures}。",
    "s07.domestic": "国内公务接待支出{amount}。{use}国内公务接待{batches}批次{persons}人次，共计支出{amount}{detail}。",
    "s07.domestic_detail": "，具体内容包括：{content}",
    "s07.none": "{year}年度本{subject}无“三公”经费财政拨款支出。",
    "s07.none_detail": "本{subject}无因公出国（境）费、公务用车购置及运行维护费和公务接待费财政拨款支出。",
    # 八、九
    "s08.fund": "政府性基金",
    "s09.fund": "国有资本经营",
    "fund.items": "{head}，主要用于：{items}。",
    "fund.none": "{year}年度本{subject}无{fund}预算财政拨款收入，也没有使用{fund}预算财政拨款安排的支出。",
    # 十
    "s10.running_cost": "{year}年，{short_name}机关运行经费支出{amount}",
    "s10.running_cost_none": "{year}年，{short_name}无机关运行经费支出。",
    "s10.procurement": "{year}年，{short_name}政府采购支出总额{amount}",
    "s10.procurement_none": "{year}年，{short_name}无政府采购支出。",
    "s10.procurement_kind": "政府采购{kind}支出{amount}",
    "s10.kind.goods": "货物",
    "s10.kind.works": "工程",
    "s10.kind.services": "服务",
    "s10.procurement_kinds": "{head}，其中：{kinds}。",
    "s10.procurement_use": "主要用于",
    "s10.sme": "授予中小企业合同金额{sme}，占政府采购支出总额的{sme_rate}，"
    "其中：授予小微企业合同金额{small_micro}，占授予中小企业合同金额的{small_micro_rate}；"
    "货物采购授予中小企业合同金额占货物支出金额的{goods_rate}，"
    "工程采购授予中小企业合同金额占工程支出金额的{works_rate}，"
    "服务采购授予中小企业合同金额占服务支出金额的{services_rate}。",
    "s10.vehicles": "本{subject}共有车辆{count}辆，其中，{items}{other}",
    "s10.vehicle_item": "{name}{count}辆",
    "s10.vehicles_none": "本{subject}无车辆",
    "s10.use.leaders": "副部（省）级及以上领导用车",
    "s10.use.principal": "主要负责人用车",
    "s10.use.confidential": "机要通信用车",
    "s10.use.emergency": "应急保障用车",
    "s10.use.law_enforcement": "执法执勤用车",
    "s10.use.special": "特种专业技术用车",
    "s10.use.retirees": "离退休干部用车",
    "s10.use.other": "其他用车",
    "s10.vehicle_other": "，其他用车主要是{use}",
    "s10.vehicles_at": "截至{year}年12月31日，{vehicles}。",
    "s10.equipment": "单价100万元（含）以上设备{count}台（套）。",
    "s10.pre_assessed": "组织对{names}项目等{count}个项目开展了预算事前绩效评估",
    "s10.performance_none": "{year}年度本{subject}未开展预算绩效管理工作。",
    "s10.planning": "根据预算绩效管理要求，本{subject}在{year}年度预算编制阶段",
    "s10.goals": "对{count}个项目编制了绩效目标",
    "s10.monitored": "预算执行过程中，选取{count}个项目开展绩效监控",
    "s10.score": "{subject}绩效自评得分为{score}分，绩效自评综述：{summary}",
    "s10.formed": "{year}年度组织一般公共预算形成{formed}，其中，",
    # 附表：表头一行、表注（{subject}：部门或单位）
    "table.form_no": "公开{n:02d}表",
    "table.caption": "{subject}：{name}",
    "table.unit": "金额单位：万元",
    "table.empty": "注：本单位{year}年度没有{what}，故本表无数据。",
    "t01.note": "注：本表反映{subject}本年度的总收支和年末结转结余情况。",
    "t02.note": "注：本表反映{subject}本年度取得的各项收入情况。",
    "t03.note": "注：本表反映{subject}本年度各项支出情况。",
    "t04.note": "注：本表反映{subject}本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的"
    "总收支和年末结转结余情况。",
    "t05.note": "注：本表反映{subject}本年度财政拨款支出的明细情况。",
    "t06.note": "注：本表反映{subject}本年度一般公共预算财政拨款实际支出情况。",
    "t06.empty": "使用一般公共预算财政拨款安排的支出",
    "t07.note": "注：本表反映{subject}本年度一般公共预算财政拨款支出按部门预算支出经济分类的明细情况。",
    "t07.no_detail": "项目支出未按经济分类填报明细，仅列合计数。",
    "t08.empty": "一般公共预算财政拨款基本支出",
    "t08.note": "注：本表反映{subject}本年度一般公共预算财政拨款基本支出明细情况。",
    "t09.note": "注：本表反映{subject}本年度一般公共预算财政拨款项目支出按部门预算支出经济分类的情况。",
    "t09.no_detail": "项目支出未按经济分类填报明细，仅列合计数。",
    "t09.empty": "使用一般公共预算财政拨款安排的项目支出",
    "t10.fund": "政府性基金预算",
    "t11.fund": "国有资本经营预算",
    "fund_flow.note": "注：本表反映{subject}本年度{fund}财政拨款收入、支出及结转和结余情况。",
    "fund_flow.empty": "{fund}财政拨款收入，也没有使用{fund}财政拨款安排的支出",
    "t12.note": "注：本表反映{subject}本年度国有资本经营预算财政拨款支出情况。",
    "t12.empty": "使用国有资本经营预算财政拨款安排的支出",
    "t13.note": "注：本表反映{subject}本年度财政拨款“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，"
    "反映按规定程序调整后的预算数；决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。",
    "t13.empty": "使用财政拨款安排的“三公”经费",
}
"""Every sentence of 第二部分 as a template (slots in braces), by the section that says it."""

SICHUAN_2023_TABLE_TITLES: Mapping[int, str] = {
    1: "收入支出决算总表",
    2: "收入决算表",
    3: "支出决算表",
    4: "财政拨款收入支出决算总表",
    5: "财政拨款支出决算明细表",
    6: "一般公共预算财政拨款支出决算表",
    7: "一般公共预算财政拨款支出决算明细表",
    8: "一般公共预算财政拨款基本支出决算表",
    9: "一般公共预算财政拨款项目支出决算表",
    10: "政府性基金预算财政拨款收入支出决算表",
    11: "国有资本经营预算财政拨款收入支出决算表",
    12: "国有资本经营预算财政拨款支出决算表",
    13: "财政拨款“三公”经费支出决算表",
}
"""The 13 公开表 by form number (第五部分 附表)."""

SICHUAN_2023_LABELS: Mapping[str, str] = {
    # 公开表：通用表头和行名
    "table.item": "项目",
    "table.serial": "行次",
    "table.amount": "金额",
    "table.column_no": "栏次",
    "table.code": "科目编码",
    "table.name": "科目名称",
    "table.total": "合计",
    "table.subtotal": "小计",
    "table.grand_total": "总计",
    "table.income": "收入",
    "table.expenditure": "支出",
    "table.income_year": "本年收入",
    "table.spent_year": "本年支出",
    "table.income_total": "本年收入合计",
    "table.spent_total": "本年支出合计",
    "table.basic": "基本支出",
    "table.project": "项目支出",
    "table.carry_in": "年初结转和结余",
    "table.carry_out": "年末结转和结余",
    "table.budget": "预算数",
    "table.actual": "决算数",
    "table.fund.general_budget": "一般公共预算财政拨款",
    "table.fund.gov_fund": "政府性基金预算财政拨款",
    "table.fund.state_capital": "国有资本经营预算财政拨款",
    # 公开01表
    "table.t01.income.1": "一、一般公共预算财政拨款收入",
    "table.t01.income.2": "二、政府性基金预算财政拨款收入",
    "table.t01.income.3": "三、国有资本经营预算财政拨款收入",
    "table.t01.income.4": "四、上级补助收入",
    "table.t01.income.5": "五、事业收入",
    "table.t01.income.6": "六、经营收入",
    "table.t01.income.7": "七、附属单位上缴收入",
    "table.t01.income.8": "八、其他收入",
    "table.surplus_used": "使用非财政拨款结余",
    "table.distribution": "结余分配",
    # 公开02、03表
    "table.t02.fiscal": "财政拨款收入",
    "table.t02.higher_subsidy": "上级补助收入",
    "table.t02.business": "事业收入",
    "table.t02.operating": "经营收入",
    "table.t02.affiliated": "附属单位上缴收入",
    "table.t02.other": "其他收入",
    "table.t03.remit_upper": "上缴上级支出",
    "table.t03.operating": "经营支出",
    "table.t03.subsidy_affiliated": "对附属单位补助支出",
    # 公开04表
    "table.t04.income.1": "一、一般公共预算财政拨款",
    "table.t04.income.2": "二、政府性基金预算财政拨款",
    "table.t04.income.3": "三、国有资本经营预算财政拨款",
    "table.t04.carry_in": "年初财政拨款结转和结余",
    "table.t04.carry_out": "年末财政拨款结转和结余",
    # 公开08、09、13表
    "table.t08.personnel": "人员经费",
    "table.t08.public": "公用经费",
    "table.t08.personnel_total": "人员经费合计",
    "table.t08.public_total": "公用经费合计",
    "table.t09.total": "项目支出合计",
    "table.t13.abroad": "因公出国（境）费",
    "table.t13.vehicles": "公务用车购置及运行维护费",
    "table.t13.reception": "公务接待费",
    "table.t13.purchase": "公务用车购置费",
    "table.t13.running": "公务用车运行维护费",
    # 附件：绩效自评表
    "annex.label": "附件{n}",
    "annex.schedule": "附表：部门预算项目支出绩效自评表（{year}年度）",
    "annex.period": "（{year}年度）",
    "annex.score": "自评得分：{score}分",
    "annex.competent": "主管部门",
    "annex.implementing": "实施单位",
    "annex.funding": "项目（政策）资金（万元）",
    "annex.budget_year": "年度预算数（万元）",
    "annex.initial_budget": "年初预算数",
    "annex.annual_budget": "全年预算数",
    "annex.executed": "全年执行数",
    "annex.rate": "执行率",
    "annex.rate_department": "执行率（%）",
    "annex.fund.total": "年度资金总额",
    "annex.fund.fiscal": "（一）财政拨款小计",
    "annex.fund.general_budget": "1.一般公共预算",
    "annex.fund.gov_fund": "2.政府性基金",
    "annex.fund.state_capital": "3.国有资本经营预算",
    "annex.fund.other": "（二）其他资金",
    "annex.department_goal": "整体目标",
    "annex.goal_year": "年度目标",
    "annex.done": "完成情况",
    "annex.department_indicators": "部门整体绩效指标",
    "annex.indicator_no": "指标{n}：",
    "annex.level1": "一级指标",
    "annex.level2": "二级指标",
    "annex.level3": "三级指标",
    "annex.value.target": "年度指标值",
    "annex.value.actual": "实际完成值",
    "annex.value.note": "偏差原因分析及改进措施",
    "annex.project_name": "项目（政策）名称",
    "annex.project_goal": "年度总体目标",
    "annex.expected": "预期目标",
    "annex.achieved": "全年实际完成情况",
    "annex.indicators": "绩效指标",
    "annex.transfer_name": "转移支付（项目）名称",
    "annex.central_department": "中央主管部门",
    "annex.local_department": "地方主管部门",
    "annex.user_unit": "资金使用单位",
    "annex.transfer_funding": "资金投入情况（万元）",
    "annex.transfer_annual": "全年预算数（A）",
    "annex.transfer_executed": "全年执行数（B）",
    "annex.transfer_rate": "预算执行率（B/A×100%）",
    "annex.transfer_fund.total": "年度资金总额：",
    "annex.transfer_fund.central": "其中：中央财政资金",
    "annex.transfer_fund.local": "地方财政资金",
    "annex.transfer_fund.other": "其他资金",
    "annex.management": "资金管理情况",
    "annex.explanation": "情况说明",
    "annex.problems": "存在问题和改进措施",
    "annex.management.1": "分配科学性",
    "annex.management.2": "下达及时性",
    "annex.management.3": "拨付合规性",
    "annex.management.4": "使用规范性",
    "annex.management.5": "执行准确性",
    "annex.management.6": "预算绩效管理情况",
    "annex.management.7": "支出责任履行情况",
    "annex.transfer_goal": "总体目标完成情况",
    "annex.overall_goal": "总体目标",
    "annex.transfer_value.target": "指标值",
    "annex.transfer_value.actual": "全年实际完成值",
    "annex.transfer_value.note": "未完成原因和改进措施",
}
"""The fixed words of the 公开表 (`table.…`) and the annex forms (`annex.…`), by key."""

SICHUAN_2023_CAPTIONS: Mapping[str, str] = {
    "fig1": "图1：收支决算总计变动情况图",
    "fig2": "图2：收入决算结构图",
    "fig3": "图3：支出决算结构图",
    "fig4": "图4：财政拨款收、支决算总计变动情况",
    "fig5": "图5：一般公共预算财政拨款支出决算变动情况",
    "fig6": "图6：一般公共预算财政拨款支出决算结构",
    "fig7": "图7：“三公”经费财政拨款支出结构",
}

SICHUAN_2023_GLOSSARY: tuple[GlossaryEntry, ...] = (
    GlossaryEntry("财政拨款收入", "指单位从同级财政部门取得的财政预算资金。"),
    GlossaryEntry("上级补助收入", "指从主管部门和上级单位取得的非财政补助收入。", when="income.higher_subsidy"),
    GlossaryEntry("事业收入", "指事业单位开展专业业务活动及辅助活动取得的收入。"),
    GlossaryEntry("经营收入", "指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。"),
    GlossaryEntry("附属单位上缴收入", "指事业单位附属的独立核算单位按有关规定上缴的收入。", when="income.affiliated"),
    GlossaryEntry("其他收入", "指单位取得的除上述收入以外的各项收入。"),
    GlossaryEntry(
        "使用非财政拨款结余（含专用结余）", "指事业单位使用以前年度积累的非财政拨款结余弥补当年收支差额的金额。"
    ),
    GlossaryEntry("年初结转和结余", "指以前年度尚未完成、结转到本年按有关规定继续使用的资金。"),
    GlossaryEntry("结余分配", "指事业单位按照会计制度规定缴纳的所得税、提取的专用结余以及转入非财政拨款结余的金额等。"),
    GlossaryEntry("年末结转和结余", "指单位按有关规定结转到下年或以后年度继续使用的资金。"),
    GlossaryEntry(kind="accounts"),
    GlossaryEntry("基本支出", "指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。"),
    GlossaryEntry("项目支出", "指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。"),
    GlossaryEntry(
        "上缴上级支出", "指事业单位按照财政部门和主管部门的规定上缴上级单位的支出。", when="expenditure.remit_upper"
    ),
    GlossaryEntry("经营支出", "指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动发生的支出。"),
    GlossaryEntry(
        "对附属单位补助支出",
        "指事业单位用财政补助收入之外的收入对附属单位补助发生的支出。",
        when="expenditure.subsidy_affiliated",
    ),
    GlossaryEntry("“三公”经费", kind="sangong"),
    GlossaryEntry(
        "机关运行经费",
        "为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公及印刷费、"
        "邮电费、差旅费、会议费、日常维修费、办公用房水电费、办公用房物业管理费以及其他费用。",
    ),
)

SICHUAN_2023_SANGONG = SangongGlossary(
    lead="指{subject}用财政拨款安排的{names}。",
    detail="其中，{explanations}。",
    components=(
        SangongComponent(
            "abroad",
            "因公出国（境）费",
            "因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出",
        ),
        SangongComponent(
            "vehicles",
            "公务用车购置及运行费",
            "公务用车购置及运行费反映单位公务用车车辆购置支出（含车辆购置税）及租用费、燃料费、维修费、过路过桥费、"
            "保险费等支出",
        ),
        SangongComponent("reception", "公务接待费", "公务接待费反映单位按规定开支的各类公务接待支出"),
    ),
)

SICHUAN_2023_SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec("s01", "收入支出决算总体情况说明", Later("juesuan_pdf.compose.sections.s01_totals")),
    SectionSpec("s02", "收入决算情况说明", Later("juesuan_pdf.compose.sections.s02_income")),
    SectionSpec("s03", "支出决算情况说明", Later("juesuan_pdf.compose.sections.s03_expenditure")),
    SectionSpec("s04", "财政拨款收入支出决算总体情况说明", Later("juesuan_pdf.compose.sections.s04_fiscal")),
    SectionSpec(
        "s05", "一般公共预算财政拨款支出决算情况说明", Later("juesuan_pdf.compose.sections.s05_general_budget")
    ),
    SectionSpec("s06", "一般公共预算财政拨款基本支出决算情况说明", Later("juesuan_pdf.compose.sections.s06_basic")),
    SectionSpec("s07", "财政拨款“三公”经费支出决算情况说明", Later("juesuan_pdf.compose.sections.s07_sangong")),
    SectionSpec("s08", "政府性基金预算支出决算情况说明", Later("juesuan_pdf.compose.sections.s08_gov_fund")),
    SectionSpec("s09", "国有资本经营预算支出决算情况说明", Later("juesuan_pdf.compose.sections.s09_state_capital")),
    SectionSpec("s10", "其他重要事项的情况说明", Later("juesuan_pdf.compose.sections.s10_other")),
)


SICHUAN_2023_PARTS: tuple[PartSpec, ...] = (
    PartSpec("overview", "{subject}概况", Later("juesuan_pdf.compose.parts.overview")),
    PartSpec("explanation", "{year}年度{subject}决算情况说明", Later("juesuan_pdf.compose.parts.explanation")),
    PartSpec("glossary", "名词解释", Later("juesuan_pdf.compose.parts.glossary")),
    PartSpec("annexes", "附件", Later("juesuan_pdf.compose.parts.annexes", "build_part")),
    PartSpec("tables", "附表", Later("juesuan_pdf.compose.parts.tables_part", "build_part")),
)


SICHUAN_2023 = Profile(
    name="四川省部门决算公开（2023）",
    parts=SICHUAN_2023_PARTS,
    sections=SICHUAN_2023_SECTIONS,
    headings=SICHUAN_2023_HEADINGS,
    captions=SICHUAN_2023_CAPTIONS,
    sentences=SICHUAN_2023_SENTENCES,
    table_titles=SICHUAN_2023_TABLE_TITLES,
    labels=SICHUAN_2023_LABELS,
    glossary=SICHUAN_2023_GLOSSARY,
    sangong_glossary=SICHUAN_2023_SANGONG,
)
