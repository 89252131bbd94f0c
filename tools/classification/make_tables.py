"""Write `src/juesuan_pdf/data/classification/<year>.toml` for 2021–2026 from the lists in this folder.

The lists (`functional.txt`, `economic.txt`) hold one year's codes (the 2023 classification as compiled,
see README.md); `CHANGES` below records how the other years differ, as far as the sources show it.
Run from the repository root: `python tools/classification/make_tables.py`. The data files are what
ships; this script only keeps the six of them consistent.
"""

from __future__ import annotations

import pathlib

HERE = pathlib.Path(__file__).parent
OUT = HERE.parents[1] / "src" / "juesuan_pdf" / "data" / "classification"
YEARS = range(2021, 2027)
BASE_YEAR = 2023

# Documents that issue each year's classification (财政部《政府收支分类科目》, issued in the autumn before).
DOCUMENTS = {
    2021: "财政部《2021年政府收支分类科目》（财预〔2020〕号未核实）",
    2022: "财政部《2022年政府收支分类科目》（财预〔2021〕号未核实）",
    2023: "财政部《2023年政府收支分类科目》（财预〔2022〕号未核实）",
    2024: "财政部《2024年政府收支分类科目》（财预〔2023〕83号）",
    2025: "财政部《2025年政府收支分类科目》（财预〔2024〕号未核实）",
    2026: "财政部《2026年政府收支分类科目》（财预〔2025〕号未核实）",
}

# Year-specific differences from the base list: year -> (added or renamed {code: name}, removed codes, note).
POVERTY = {
    "21305": "巩固脱贫衔接乡村振兴",
    "2130599": "其他巩固脱贫衔接乡村振兴支出",
}
SOCIAL_WORK = {
    "20139": "社会工作事务",
    "2013901": "行政运行",
    "2013902": "一般行政管理事务",
    "2013903": "机关服务",
    "2013950": "事业运行",
    "2013999": "其他社会工作事务支出",
    "20140": "信访事务",
    "2014001": "行政运行",
    "2014002": "一般行政管理事务",
    "2014003": "机关服务",
    "2014004": "信访业务",
    "2014050": "事业运行",
    "2014099": "其他信访事务支出",
}
CHANGES: dict[int, tuple[dict[str, str], tuple[str, ...], str]] = {
    2021: (POVERTY, (), "21305 在2021、2022年称“巩固脱贫衔接乡村振兴”（2020年及以前为“扶贫”）。"),
    2022: (POVERTY, (), "21305 在2021、2022年称“巩固脱贫衔接乡村振兴”（2020年及以前为“扶贫”）。"),
    2024: (SOCIAL_WORK, (), "2024年起增设 20139 社会工作事务、20140 信访事务（随2023年机构改革，款项名称未逐条核实）。"),
    2025: (SOCIAL_WORK, (), "沿用2024年的增设款项 20139、20140（未逐条核实）。"),
    2026: (SOCIAL_WORK, (), "沿用2024年的增设款项 20139、20140（未逐条核实）。"),
}
FORMER = {
    "21305": ["扶贫", "巩固脱贫衔接乡村振兴", "巩固脱贫攻坚成果衔接乡村振兴"],
    "2130599": ["其他扶贫支出", "其他巩固脱贫衔接乡村振兴支出", "其他巩固脱贫攻坚成果衔接乡村振兴支出"],
    "210": ["医疗卫生与计划生育支出"],
    "207": ["文化体育与传媒支出"],
    "2082805": ["部队供应"],
}
UNCERTAIN_FUNCTIONAL = [
    "234", "2129999", "2080709", "2080713", "2083099", "2089901", "2089999", "2109999", "2130802",
    "2130804", "2299999",
]
STATEMENT_CLASSES = [
    "201", "202", "203", "204", "205", "206", "207", "208", "210", "211", "212", "213", "214", "215",
    "216", "217", "219", "220", "221", "222", "223", "224", "229", "231", "232", "233",
]


def read_list(name: str) -> dict[str, str]:
    """code -> name from one of the lists (`code name` lines, `#` comments)."""
    codes: dict[str, str] = {}
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, label = line.split(None, 1)
            codes[code] = label.strip()
    return codes


def header(year: int, note: str, functional: int, economic: int) -> str:
    derived = "" if year == BASE_YEAR else f"本年度表由{BASE_YEAR}年基准表推得：除下列差异外与{BASE_YEAR}年相同。"
    lines = [
        f"# {year}年政府收支分类科目 —— juesuan-pdf 的科目代码表（由 tools/classification/make_tables.py 生成）",
        "#",
        "# 支出功能分类：类（3位）/ 款（5位）/ 项（7位）；部门预算支出经济分类：类（3位）/ 款（5位）。",
        f"# 本表收录功能分类 {functional} 个、经济分类 {economic} 个代码。",
        "#",
        "# 来源与可信度（如实说明）：",
        f"#   - 依据：{DOCUMENTS[year]}，财政部预算司发布（www.mof.gov.cn）。",
        "#     未取得该文件可逐条比对的电子清单；本表按该科目体系的常用类/款/项整理，未逐条核对原文。",
        "#   - 昭化区人社局2023年度部门决算（examples/zhaohua-renshe-2023）用到的20个项：名称与该文件一致。",
        "#   - 部门预算支出经济分类：各款名称与一份公开代码仓库中部门决算填报软件列出的经济分类款名清单（无代码）",
        "#     逐项对照一致（303 的 30311、313 的 31304 该清单未列）。",
        f"#   - {derived}{note}".rstrip(),
        "# 表中没有的科目：在数据文件的 [classification] 表或账目行的 name 写明名称即可使用（见 README）。",
        "",
        f"year = {year}",
        f'source = "{DOCUMENTS[year]}；部门预算支出经济分类科目"',
        "",
    ]
    return "\n".join(lines)


def table(name: str, codes: dict[str, str]) -> str:
    out = [f"[{name}]"]
    for code in sorted(codes):
        if len(code) == 3 and len(out) > 1:
            out.append("")
        out.append(f'"{code}" = "{codes[code]}"')
    return "\n".join(out) + "\n"


def fixed_parts(year: int, functional: dict[str, str]) -> str:
    uncertain = [c for c in UNCERTAIN_FUNCTIONAL if c in functional]
    if year in CHANGES:
        uncertain += [c for c in CHANGES[year][0] if c not in uncertain]
    former = {c: [n for n in names if n != functional.get(c)] for c, names in FORMER.items() if c in functional}
    former_lines = "\n".join(f'"{c}" = [{", ".join(chr(34) + n + chr(34) for n in names)}]'
                             for c, names in sorted(former.items()) if names)
    quoted = ", ".join(f'"{c}"' for c in uncertain)
    classes = ", ".join(f'"{c}"' for c in STATEMENT_CLASSES)
    return f"""
[statement]
# 公开01表、公开04表支出方逐类列示的功能分类“类”，按此顺序编号（一、二、……）。
classes = [{classes}]

[basic_expenditure]
# 基本支出的两部分（公开08表、第二部分六）：人员经费 = 301 + 303；公用经费 = 302 及用基本支出安排的 307/309/310/399。
personnel = ["301", "303"]
public = ["302", "307", "309", "310", "399"]

[three_public]
# “三公”经费与经济分类科目的对应。
outbound = "30212"
vehicle_running = "30231"
vehicle_purchase = "31013"
reception = "30217"

[former_names]
# 旧年度的名称（读旧数据或核对旧文件时用）。
{former_lines}

[uncertain]
# 代码或名称未经原文核实的条目；检查器对这些条目的名称不符只给提示。
functional = [{quoted}]
economic = []
"""


def main() -> None:
    base = read_list("functional.txt")
    economic = read_list("economic.txt")
    for year in YEARS:
        added, removed, note = CHANGES.get(year, ({}, (), ""))
        functional = {c: n for c, n in {**base, **added}.items() if c not in removed}
        text = header(year, note, len(functional), len(economic)) + "\n" + table("functional", functional)
        text += "\n" + table("economic", economic) + fixed_parts(year, functional)
        (OUT / f"{year}.toml").write_text(text, encoding="utf-8")
        print(f"{year}: 功能分类 {len(functional)}，经济分类 {len(economic)}")


if __name__ == "__main__":
    main()
