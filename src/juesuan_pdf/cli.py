"""The `juesuan-pdf` command: Chinese messages and exit codes around the public API; no logic of its own.

Exit codes: 0 success (validate: no 错误); 1 错误 found in the data (build refused); 2 the file cannot be
read, parsed or typeset, or the command line is wrong.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from juesuan_pdf import __version__, cli_tables
from juesuan_pdf.errors import ERROR, NOTICE, Finding, IncompleteError, JuesuanError, LoadError
from juesuan_pdf.load.toml import UNFILLED_RULE

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


class ChineseHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter with Chinese section words."""

    def add_usage(self, usage: str | None, actions: object, groups: object, prefix: str | None = None) -> None:
        # argparse passes prefix="" when it builds a sub-command's prog: keep that empty.
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)  # type: ignore[arg-type]

    def start_section(self, heading: str | None) -> None:
        words = {"positional arguments": "参数", "options": "选项", "commands": "命令"}
        super().start_section(words.get(heading or "", heading))


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that reports command-line mistakes in Chinese and exits with code 2."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_UNREADABLE, f"{self.prog}：命令行有误：{_translate(message)}\n")


def _translate(message: str) -> str:
    """argparse's most common messages in Chinese."""
    for english, chinese in (
        ("the following arguments are required", "缺少必需的参数"),
        ("unrecognized arguments", "无法识别的参数"),
        ("invalid choice", "无效的选择"),
        ("expected one argument", "需要一个参数值"),
        ("argument", "参数"),
    ):
        message = message.replace(english, chinese)
    return message


def make_parser() -> Parser:
    """The command-line parser with its sub-commands."""
    parser = Parser(prog="juesuan-pdf", description="从一份数据文件（TOML）生成部门决算公开 PDF，并检查勾稽关系。")
    parser.add_argument("--version", action="version", version=f"juesuan-pdf {__version__}", help="显示版本号并退出")
    commands = parser.add_subparsers(
        dest="command", title="命令", parser_class=Parser,
        metavar="{validate,build,next-year,rules,import-tables,export-tables,init,schema}",
    )
    validate = commands.add_parser(
        "validate", help="检查数据文件的格式和勾稽关系", description="检查数据文件的格式和勾稽关系。"
    )
    validate.add_argument("files", nargs="+", metavar="数据文件", help="一个或多个数据文件（如各部门的 report.toml）")
    build = commands.add_parser(
        "build", help="生成 PDF（有错误时拒绝生成）", description="检查数据后生成部门决算公开 PDF。"
    )
    build.add_argument("files", nargs="+", metavar="数据文件", help="一个或多个数据文件")
    build.add_argument("-o", "--output", metavar="输出",
                       help="输出的 PDF 文件；多个数据文件时为输出文件夹（默认：与数据文件同名的 .pdf）")
    build.add_argument("--force", action="store_true", help="即使数据有错误也生成 PDF")
    build.add_argument("--format", default="pdf", metavar="格式",
                       help="输出格式：pdf、html（可发布的网页）或 pdf,html（默认 pdf）；网页与 PDF 同名，后缀 .html")
    build.add_argument("--font", action="append", default=[], metavar="角色=字体文件",
                       help="为某一角色指定字体文件，如 body=/path/仿宋_GB2312.ttf（可重复）")
    build.add_argument("--profile", metavar="样式", default="",
                       help="文档样式（profile）名称，优先于数据文件 [publication] profile（默认：四川2023）")
    nxt = commands.add_parser(
        "next-year",
        help="由本年数据文件生成下一年度的数据文件",
        description="把本年数字转为上年数，生成下一年度的数据文件。",
    )
    nxt.add_argument("file", metavar="数据文件", help="本年度的数据文件")
    nxt.add_argument("-o", "--output", metavar="新数据文件", required=True, help="下一年度数据文件的保存位置")
    commands.add_parser("rules", help="列出全部勾稽关系检查规则", description="列出全部勾稽关系检查规则。")
    cli_tables.register(commands)
    return parser


def run_next_year(file: str, output: str) -> int:
    """`next-year`: write next year's data file with this year's figures as prior-year figures."""
    from juesuan_pdf.api import write_atomically
    from juesuan_pdf.load import load
    from juesuan_pdf.load.rollover import roll_over

    report = load(file)
    text = roll_over(Path(file).read_text(encoding="utf-8"), report)
    write_atomically(output, text.encode("utf-8"))
    print(f"已生成 {output}：{report.year + 1}年度数据文件，上年数已填入，变动原因待填写。")
    return EXIT_OK


def print_findings(findings: Sequence[Finding]) -> None:
    """Findings to stdout, errors first, with a summary line."""
    for finding in sorted(findings, key=lambda f: f.level != ERROR):
        print(finding.render())
    errors = sum(1 for f in findings if f.blocks_build)
    accepted = sum(1 for f in findings if f.level == ERROR and f.accepted)
    notices = sum(1 for f in findings if f.level == NOTICE)
    also = f"，{accepted} 处已确认照此公开的错误" if accepted else ""
    print(f"共 {errors} 处错误{also}，{notices} 处提示。" if findings else "未发现问题。")


def run_validate(file: str) -> int:
    """`validate` of one file: load and check, print the findings; 1 when there are 错误."""
    from juesuan_pdf.check import check
    from juesuan_pdf.compose.profiles import for_report
    from juesuan_pdf.load import load

    report = load(file)
    for_report(report)  # the data file's profile and templates: refused here as build refuses them
    findings = check(report, Path(file).read_text(encoding="utf-8"))
    print_findings(findings)
    return EXIT_FINDINGS if any(f.blocks_build for f in findings) else EXIT_OK


def _font_options(specs: Sequence[str]) -> dict[str, str]:
    fonts: dict[str, str] = {}
    for spec in specs:
        role, sep, path = spec.partition("=")
        if not sep or not role or not path:
            raise JuesuanError(f"--font 应写成 角色=字体文件，实际为“{spec}”")
        fonts[role.strip()] = path.strip()
    return fonts


def output_for(file: str, output: str | None, files: Sequence[str]) -> Path:
    """Where one data file's PDF goes: `output` itself, or beside the data file, or in folder `output`
    (several data files, or `output` an existing folder) named after the data file — after its folder
    too when several data files share a name (every department's `report.toml`)."""
    if output is None:
        return Path(file).with_suffix(".pdf")
    if len(files) == 1 and not Path(output).is_dir():
        return Path(output)
    stems = [Path(f).stem for f in files]
    name = Path(file).stem
    if stems.count(name) > 1:
        name = f"{Path(file).resolve().parent.name}-{name}"
    return Path(output) / f"{name}.pdf"


def run_build(file: str, target: Path, force: bool, fonts: Sequence[str], profile: str = "",
              formats: str = "pdf") -> int:
    """`build` of one file: check, refuse on 错误 unless forced, typeset and write atomically."""
    from juesuan_pdf.api import BuildOptions, RefusedError, build, output_paths

    try:
        options = BuildOptions(force=force, fonts=_font_options(fonts), profile=profile, formats=formats)
        result = build(file, target, options)
    except RefusedError as exc:
        print_findings(exc.findings)
        print(f"{exc}", file=sys.stderr)
        return EXIT_FINDINGS
    if result.findings:
        print_findings(result.findings)
    for name, path in output_paths(target, options.formats).items():
        print(f"已生成 {path}（共 {result.pages} 页）" if name == "pdf" else f"已生成 {path}")
    return EXIT_OK


def guarded(run: Callable[[], int]) -> int:
    """Run one command on one file, turning the library's errors into Chinese messages and exit codes."""
    try:
        return run()
    except IncompleteError as exc:
        for finding in exc.findings:
            print(finding.render(), file=sys.stderr)
        todo = sum(1 for f in exc.findings if f.rule == UNFILLED_RULE)
        print(f"数据文件还有 {todo} 项待填写（共 {len(exc.findings)} 处问题），填好后再生成。", file=sys.stderr)
        return EXIT_FINDINGS
    except LoadError as exc:
        for finding in exc.findings:
            print(finding.render(), file=sys.stderr)
        print(f"数据文件有 {len(exc.findings)} 处问题，请改正后重试。", file=sys.stderr)
    except JuesuanError as exc:
        print(f"无法完成：{exc}", file=sys.stderr)
    except OSError as exc:
        print(f"无法读写文件：{exc.filename or ''}：{exc.strerror}", file=sys.stderr)
    return EXIT_UNREADABLE


def for_each(files: Sequence[str], run: Callable[[str], int]) -> int:
    """Run a command on every file (headed by its name when there are several); the worst exit code."""
    codes = []
    for file in files:
        if len(files) > 1:
            print(f"== {file} ==")
        codes.append(guarded(lambda file=file: run(file)))  # type: ignore[misc]
    return max(codes)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `juesuan-pdf` command."""
    parser = make_parser()
    args = parser.parse_args(argv)
    if args.command == "validate":
        return for_each(args.files, run_validate)
    if args.command == "build":
        many = len(args.files) > 1
        if many and args.output and not Path(args.output).is_dir():
            parser.error(f"多个数据文件时 -o 应为已存在的文件夹，实际为“{args.output}”")
        return for_each(
            args.files,
            lambda f: run_build(f, output_for(f, args.output, args.files), args.force, args.font, args.profile,
                                args.format),
        )
    if args.command == "next-year":
        return guarded(lambda: run_next_year(args.file, args.output))
    if args.command == "rules":
        from juesuan_pdf.check.registry import rules_table

        print(rules_table())
        return EXIT_OK
    if args.command in cli_tables.COMMANDS:
        return guarded(lambda: cli_tables.run(args))
    parser.print_help()
    return EXIT_UNREADABLE
