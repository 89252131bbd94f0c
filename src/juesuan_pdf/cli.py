"""The `juesuan-pdf` command: Chinese messages and exit codes around the public API; no logic of its own.

One function adds each sub-command's arguments and one runs it (`COMMANDS`); the work is done in
`batch` (many files), `outputs` (where files go) and `load.rollover` (next-year). Every message goes to
stdout, in the order a user reads it.

Exit codes: 0 success (validate: no 错误); 1 错误 found in the data (build refused); 2 the file cannot be
read, parsed or typeset, or the command line is wrong; 130 interrupted (Ctrl-C). With several files: the
worst of them. Never a traceback: an unexpected exception is reported as an internal error
(JUESUAN_DEBUG=1 shows the traceback).
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from juesuan_pdf import __version__, cli_tables
from juesuan_pdf.errors import Finding, JuesuanError, os_message

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE, EXIT_INTERRUPTED = 0, 1, 2, 130


class ChineseHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter with Chinese section words."""

    def add_usage(self, usage: str | None, actions: object, groups: object, prefix: str | None = None) -> None:
        # argparse passes prefix="" when it builds a sub-command's prog: keep that empty.
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)  # type: ignore[arg-type]

    def start_section(self, heading: str | None) -> None:
        words = {"positional arguments": "参数", "options": "选项", "commands": "命令"}
        super().start_section(words.get(heading or "", heading))

    def _format_action(self, action: argparse.Action) -> str:
        # The commands section lists the commands only: argparse would first print the group's own
        # metavar ("命令") as an entry under the "命令:" heading.
        if isinstance(action, argparse._SubParsersAction):
            return "".join(self._format_action(command) for command in action._get_subactions())
        return super()._format_action(action)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that reports command-line mistakes in Chinese and exits with code 2."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stdout)
        print(f"{self.prog}：命令行有误：{_translate(message)}", flush=True)
        self.exit(EXIT_UNREADABLE)


_ARGPARSE_CHINESE: tuple[tuple[str, str], ...] = (
    # argparse's messages (Python 3.11–3.13), most specific first; what is not matched stays as it is.
    (r"^argument ([^:]+): ", r"参数 \1："),
    (r"invalid choice: (.+?) \(choose from (.+)\)$", r"无效的选择 \1（可选：\2）"),
    (r"invalid int value: (.+)$", r"应为整数，实际为 \1"),
    (r"invalid float value: (.+)$", r"应为数字，实际为 \1"),
    (r"invalid (\S+) value: (.+)$", r"值 \2 无效"),
    (r"ambiguous option: (\S+) could match (.+)$", r"选项 \1 不明确，可能是 \2"),
    (r"the following arguments are required: (.+)$", r"缺少必需的参数：\1"),
    (r"one of the arguments (.+) is required$", r"参数 \1 须给出其中之一"),
    (r"unrecognized arguments: (.+)$", r"无法识别的参数：\1"),
    (r"not allowed with argument (.+)$", r"不能与参数 \1 同时使用"),
    (r"ignored explicit argument (.+)$", r"此选项不带值，多余的值 \1"),
    (r"expected one argument$", "需要一个参数值"),
    (r"expected at most one argument$", "最多一个参数值"),
    (r"expected at least one argument$", "至少需要一个参数值"),
    (r"expected (\d+) arguments?$", r"需要 \1 个参数值"),
)


def _translate(message: str) -> str:
    """argparse's messages in Chinese (the argument's name and the value given are kept)."""
    for english, chinese in _ARGPARSE_CHINESE:
        message = re.sub(english, chinese, message)
    return message


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1 (a process count)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为正整数，实际为“{text}”") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"应为至少 1 的整数，实际为 {value}")
    return value


def make_parser() -> Parser:
    """The command-line parser with its sub-commands."""
    parser = Parser(prog="juesuan-pdf", description="从一份数据文件（TOML）生成部门决算公开 PDF，并检查勾稽关系。")
    parser.add_argument("--version", action="version", version=f"juesuan-pdf {__version__}", help="显示版本号并退出")
    commands = parser.add_subparsers(dest="command", title="命令", metavar="命令", parser_class=Parser)
    add_validate(commands)
    add_build(commands)
    add_next_year(commands)
    add_rules(commands)
    cli_tables.register(commands)
    return parser


FILES_HELP = ("数据文件、文件夹（其中所有 .toml，含三层以内的子文件夹）"
              "或通配符（如 \"各部门/*/report.toml\"，由本工具展开）")


def _add_batch_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("files", nargs="+", metavar="数据文件", help=FILES_HELP)
    command.add_argument("--quiet", "-q", action="store_true", help="只显示失败的文件和汇总表")
    command.add_argument("--report", metavar="报告.csv|报告.json", help="把汇总写入 CSV 或 JSON 文件")


def add_validate(commands: Any) -> None:
    validate = commands.add_parser(
        "validate", help="检查数据文件的格式和勾稽关系", description="检查数据文件的格式和勾稽关系。"
    )
    _add_batch_options(validate)


def add_build(commands: Any) -> None:
    from juesuan_pdf.outputs import DEFAULT_PATTERN

    build = commands.add_parser(
        "build", help="生成 PDF（有错误时拒绝生成）", description="检查数据后生成部门决算公开 PDF。"
    )
    _add_batch_options(build)
    build.add_argument("-o", "--output", metavar="输出",
                       help="输出的 PDF 文件；多个数据文件、已有文件夹或以 / 结尾时为输出文件夹（自动创建）"
                            "（默认：数据文件旁，与数据文件同名的 .pdf）")
    build.add_argument("--name", metavar="格式",
                       help=f"输出文件夹中 PDF 的命名格式（默认 {DEFAULT_PATTERN}；"
                            "可用 {year} {short_name} {name} {stem} {folder}）")
    build.add_argument("-j", "--jobs", type=positive_int, metavar="N", help="同时生成的进程数（默认：CPU 核数）")
    build.add_argument("--force", action="store_true", help="即使数据有错误也生成 PDF")
    build.add_argument("--font", action="append", default=[], metavar="角色=字体",
                       help="为某一角色指定字体文件或已安装字体的名称，如 body=/path/仿宋_GB2312.ttf 或 "
                            "body=仿宋_GB2312（可重复；角色见 README“字体”）")
    build.add_argument("--format", default="pdf", metavar="格式",
                       help="输出格式：pdf（默认）、html（网页）或 pdf,html（两者，网页与 PDF 同名、扩展名 .html）")
    build.add_argument("--profile", metavar="样式", default="",
                       help="文档样式（profile）名称，优先于数据文件 [publication] profile（默认：四川2023）")


def add_next_year(commands: Any) -> None:
    nxt = commands.add_parser(
        "next-year",
        help="由本年数据文件生成下一年度的数据文件（待填清单）",
        description="把本年数字转为上年数，本年数字和与年度有关的文字标为“待填”，生成下一年度的数据文件。",
    )
    nxt.add_argument("file", metavar="数据文件", help="本年度的数据文件")
    nxt.add_argument("-o", "--output", metavar="新数据文件", required=True, help="下一年度数据文件的保存位置")


def add_rules(commands: Any) -> None:
    commands.add_parser("rules", help="列出全部勾稽关系检查规则", description="列出全部勾稽关系检查规则。")


def run_rules(args: argparse.Namespace) -> int:
    """`rules`: the checker's rules, one a line (number, level, family, description)."""
    from juesuan_pdf.check.registry import rules_table

    print(rules_table())
    return EXIT_OK


def run_next_year(args: argparse.Namespace) -> int:
    """`next-year`: write next year's data file, with this year's figures as prior-year figures."""
    from juesuan_pdf.api import write_atomically
    from juesuan_pdf.load.rollover import next_year
    from juesuan_pdf.outputs import check_output

    source, output = Path(args.file), Path(args.output)
    if args.output.endswith(("/", os.sep)) or output.is_dir():
        output = output / f"{source.stem}-下一年度.toml"
    check_output(output, [source], suffixes=(".toml",))
    rolled = next_year(source)
    write_atomically(output, rolled.text.encode("utf-8"), parents=True)
    for line in rolled.notes:
        print(line)
    print(f"已生成 {output}：{rolled.year}年度数据文件，{rolled.todo} 项标为“待填”。"
          f"用 juesuan-pdf validate {output} 查看待填清单，逐项填好后再生成。")
    return EXIT_OK


def print_findings(findings: Sequence[Finding]) -> None:
    """Findings, errors first, with a count line (for commands that report findings of their own)."""
    from juesuan_pdf.batch import finding_lines

    for line in finding_lines(findings):
        print(line)


def _font_options(specs: Sequence[str]) -> dict[str, str]:
    from juesuan_pdf.fontnames import resolve_font_option

    fonts: dict[str, str] = {}
    for spec in specs:
        role, sep, value = spec.partition("=")
        if not sep or not role.strip() or not value.strip():
            raise JuesuanError(f"--font 应写成 角色=字体文件或字体名称，实际为“{spec}”")
        fonts[role.strip()] = resolve_font_option(role.strip(), value.strip())
    return fonts


def run_files(args: argparse.Namespace, build: bool) -> int:
    """`validate` / `build` of files, folders and patterns: each file's result, a summary, the worst code."""
    from juesuan_pdf import batch
    from juesuan_pdf.outputs import check_output, expand_inputs, plan_outputs

    inputs = expand_inputs(args.files)
    if build:
        from juesuan_pdf.api import parse_formats
        from juesuan_pdf.compose.profiles import named

        if args.profile:  # a mistyped option is refused before any file is touched (no old PDF renamed)
            named(args.profile)
        fonts = _font_options(args.font)
        formats = parse_formats(args.format)
        planned = plan_outputs(inputs, args.output, args.name, formats)
        tasks = [batch.Task(str(p.source.path), None if p.target is None else str(p.target), args.force, fonts,
                            p.problem, args.profile, formats) for p in planned]
    else:
        tasks = [batch.Task(str(i.path), None, problem=i.problem) for i in inputs]
    report = Path(args.report) if args.report else None
    if report is not None:
        check_output(report, [i.path for i in inputs], suffixes=batch.REPORT_SUFFIXES)
    many = len(tasks) > 1
    if many:  # several documents (validated here, or built by forked workers): cycles collected between them
        gc.enable()
    jobs = 0
    if build and many:
        jobs = args.jobs if args.jobs is not None else batch.default_jobs()
        jobs = max(1, min(jobs, len(tasks)))
    outcomes: list[batch.Outcome | None] = [None] * len(tasks)
    start = time.perf_counter()
    with batch.Screen(len(tasks), args.quiet, "生成" if build else "检查") as screen:

        def done(n: int, outcome: batch.Outcome) -> None:
            outcomes[n] = outcome
            screen.done(outcome)

        interrupted = False
        try:
            batch.run_tasks(tasks, jobs, done)
        except KeyboardInterrupt:  # the documents in progress were finished; the rest were not started
            interrupted = True
        finished = [o for o in outcomes if o is not None]
        screen.close(finished, time.perf_counter() - start, max(jobs, 1))
    if interrupted:
        print(f"已中断：{len(finished)} 份已处理，{len(tasks) - len(finished)} 份未处理。")
    if report is not None:
        from juesuan_pdf.api import write_atomically

        write_atomically(report, batch.report_bytes(report, finished), parents=True)
        print(f"汇总已写入 {report}")
    if interrupted:
        return EXIT_INTERRUPTED
    return max((o.code for o in finished), default=EXIT_OK)


def run_validate(args: argparse.Namespace) -> int:
    return run_files(args, build=False)


def run_build(args: argparse.Namespace) -> int:
    return run_files(args, build=True)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "validate": run_validate,
    "build": run_build,
    "next-year": run_next_year,
    "rules": run_rules,
}
"""Each sub-command's runner; a new sub-command adds its parser in `make_parser` and its runner here."""


def guarded(run: Callable[[], int]) -> int:
    """Run a command, turning the library's errors into Chinese messages and exit codes."""
    from juesuan_pdf.errors import IncompleteError, LoadError

    try:
        return run()
    except IncompleteError as exc:
        for finding in exc.findings:
            print(finding.render())
        print(f"数据文件还有待填写的项（共 {len(exc.findings)} 处问题），填好后再继续。")
        return EXIT_FINDINGS
    except LoadError as exc:
        for finding in exc.findings:
            print(finding.render())
        print(f"数据文件有 {len(exc.findings)} 处问题，请改正后重试。")
    except JuesuanError as exc:
        print(f"无法完成：{exc}")
    except OSError as exc:
        print(os_message(exc))
    except Exception as exc:  # a defect of ours: one file fails with a message, the others still run
        if os.environ.get("JUESUAN_DEBUG"):
            raise
        print(f"内部错误（{type(exc).__name__}）：这是本工具的缺陷，不是数据的问题；请把数据文件和这条信息交给维护者。")
    return EXIT_UNREADABLE


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `juesuan-pdf` command: 130 on Ctrl-C, never a traceback."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("\n已中断（Ctrl-C）：正在写的文件没有写出，已写好的文件保持不变。")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader of our output went away (`| head`): say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_UNREADABLE


def _main(argv: Sequence[str] | None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if args.command in cli_tables.COMMANDS:
        return guarded(lambda: cli_tables.run(args))
    run = COMMANDS.get(args.command or "")
    if run is None:
        parser.print_help()
        return EXIT_UNREADABLE
    try:
        return guarded(lambda: run(args))
    finally:
        sys.stdout.flush()
