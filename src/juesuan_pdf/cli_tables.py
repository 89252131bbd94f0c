"""The workbook and template sub-commands of `juesuan-pdf`: import-tables, export-tables, init, schema.

Registered by `cli.py`; like it, this module only turns arguments into calls and results into Chinese
messages and exit codes. Every file is written once, atomically, after everything succeeded.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from pathlib import Path
from typing import Any

COMMANDS = ("import-tables", "export-tables", "init", "schema")
EXIT_OK, EXIT_FINDINGS = 0, 1
YEARS = range(2000, 2101)
"""The years `init` accepts: a final-accounts year of this century (a typo like 1800 or 20244 is refused)."""


def register(commands: Any) -> None:
    """Add the four sub-commands to `commands` (argparse's sub-parser action)."""
    imp = commands.add_parser(
        "import-tables", help="把公开表工作簿（.xlsx/.xls/.ods）的数字导入数据文件",
        description="读取决算软件导出的13张公开表，把其中的金额、科目编码和科目名称写入数据文件，保留文件原有的注释和文字。",
    )
    imp.add_argument("workbook", metavar="工作簿", help="公开表工作簿（.xlsx、.xls 或 .ods）")
    imp.add_argument("--into", required=True, metavar="数据文件", help="要写入的数据文件（report.toml）")
    imp.add_argument("-o", "--output", metavar="新数据文件", help="写到另一个文件（默认：改写 --into 的文件）")
    imp.add_argument("--replace", action="store_true", help="数据文件已有的数字与工作簿不同时，以工作簿为准")
    exp = commands.add_parser(
        "export-tables", help="把13张公开表导出为一个工作簿（.xlsx）",
        description="按公开格式把13张公开表导出为一个 .xlsx 工作簿，每表一个工作表，数字与 PDF 附表相同。",
    )
    exp.add_argument("file", metavar="数据文件", help="数据文件（report.toml）")
    exp.add_argument("-o", "--output", required=True, metavar="工作簿", help="导出的 .xlsx 文件")
    init = commands.add_parser(
        "init", help="生成一份待填写的数据文件模板",
        description="生成一份完整的数据文件：每一项都有中文说明，需要填写的地方写着“待填”。",
    )
    init.add_argument("-o", "--output", required=True, metavar="数据文件", help="新数据文件的保存位置")
    init.add_argument("--year", type=int, metavar="年度", help="决算年度（默认：上一年）")
    init.add_argument("--subject", choices=("单位", "部门"), default="部门", help="部门决算或单位决算（默认：部门）")
    init.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    schema = commands.add_parser(
        "schema", help="输出数据文件的 JSON Schema（供编辑器补全和提示）",
        description="输出由数据模型生成的 JSON Schema；编辑器（如 VS Code 的 Even Better TOML）"
                    "可据此补全键名、显示中文说明。",
    )
    schema.add_argument("-o", "--output", metavar="文件", help="保存位置（默认：输出到屏幕）")


def run(args: argparse.Namespace) -> int:
    """Run one of the four sub-commands."""
    if args.command == "import-tables":
        return run_import(args.workbook, args.into, args.output, args.replace)
    if args.command == "export-tables":
        return run_export(args.file, args.output)
    if args.command == "init":
        return run_init(args.output, args.year, args.subject, args.force)
    return run_schema(args.output)


def describe_units(units: Mapping[str, str]) -> str:
    """The money unit the workbook states, in one Chinese sentence."""
    kinds = set(units.values())
    if kinds == {"万元"}:
        return "公开表的金额单位为万元。"
    if kinds == {"元"}:
        return "公开表的金额单位为元，已换算为万元（四舍五入到两位小数）。"
    parts = "；".join(f"{table}：{unit or '未注明（按万元读取）'}" for table, unit in units.items())
    return f"公开表的金额单位：{parts}。"


def run_import(workbook: str, data_file: str, output: str | None, replace: bool) -> int:
    """`import-tables`: figures of a workbook into a data file; 1 when something disagreed (错误, not 提示)."""
    from juesuan_pdf.api import write_atomically
    from juesuan_pdf.cli import print_findings
    from juesuan_pdf.load.toml import read_text
    from juesuan_pdf.workbook.importer import import_tables

    result = import_tables(workbook, read_text(data_file), replace=replace)
    target = output or data_file
    write_atomically(target, result.text.encode("utf-8"), parents=True)
    print(describe_units(result.units))
    print(f"已写入 {target}：{result.written} 项数字或名称来自 {workbook}。")
    if result.findings:
        print_findings(result.findings)
    return EXIT_FINDINGS if any(f.blocks_build for f in result.findings) else EXIT_OK


def run_export(file: str, output: str) -> int:
    """`export-tables`: the 13 tables of a data file as one .xlsx workbook."""
    from juesuan_pdf.api import write_atomically
    from juesuan_pdf.errors import JuesuanError
    from juesuan_pdf.load import load
    from juesuan_pdf.workbook.export import export_workbook

    if Path(output).suffix.lower() != ".xlsx":
        raise JuesuanError(f"{output}：导出的工作簿须以 .xlsx 结尾（得到“{Path(output).suffix or '无扩展名'}”）")
    report = load(file)
    workbook = export_workbook(report)
    write_atomically(output, workbook, parents=True)
    print(f"已导出 {output}：13张公开表（{report.department.name}，{report.year}年度）。")
    return EXIT_OK


def run_init(output: str, year: int | None, subject: str, force: bool) -> int:
    """`init`: a data file to fill in."""
    import datetime as dt

    from juesuan_pdf.api import write_atomically
    from juesuan_pdf.errors import JuesuanError
    from juesuan_pdf.template.init import SCHEMA_FILE, template, unfilled_count
    from juesuan_pdf.template.schema import schema_text

    if Path(output).exists() and not force:
        raise JuesuanError(f"{output} 已存在；要覆盖请加 --force")
    chosen = year if year is not None else dt.date.today().year - 1
    if chosen not in YEARS:
        raise JuesuanError(f"--year {chosen}：决算年度应在 {YEARS[0]}–{YEARS[-1]} 之间")
    text = template(chosen, subject)
    schema_path = Path(output).parent / SCHEMA_FILE
    write_atomically(schema_path, schema_text().encode("utf-8"), parents=True)
    write_atomically(output, text.encode("utf-8"))
    print(f"已生成 {output}：{chosen}年度{subject}决算数据文件模板，{unfilled_count(text)} 处写着“待填”。")
    print(f"编辑器据 {schema_path}（文件第一行 #:schema 指向它）补全键名、显示说明。")
    print(f"填好后运行 juesuan-pdf validate {output} 检查；也可用 juesuan-pdf import-tables 导入公开表的数字。")
    return EXIT_OK


def run_schema(output: str | None) -> int:
    """`schema`: the JSON Schema of the data file."""
    from juesuan_pdf.api import write_atomically
    from juesuan_pdf.template.schema import schema_text

    text = schema_text()
    if output is None:
        print(text, end="")
    else:
        write_atomically(output, text.encode("utf-8"), parents=True)
        print(f"已生成 {output}")
    return EXIT_OK
