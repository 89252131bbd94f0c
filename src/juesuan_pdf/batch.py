"""Many data files in one run: each file's job in a worker process, progress, a summary table, a report.

A job never raises: whatever goes wrong with one data file (its data, its fonts, a bug, even a worker
process that dies) becomes that file's outcome, and the other files go on. Workers live for the whole
run, so the typesetter's imports and the parsed fonts are paid for once per process, not per document.
"""

from __future__ import annotations

import io
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from juesuan_pdf.errors import ERROR, NOTICE, Finding, IncompleteError, JuesuanError, LoadError
from juesuan_pdf.outputs import names_of, stale_name

if TYPE_CHECKING:
    from concurrent.futures import Future

    from rich.console import Console

# A one-file `validate` imports neither the process pool (concurrent.futures, multiprocessing) nor rich nor
# the build API: each is imported where a run first needs it (workers, a progress bar or summary, a build).

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2

REPORT_SUFFIXES = (".csv", ".json")


@attrs.frozen
class Task:
    """One data file to validate (`target` None) or build into `target`."""

    source: str
    target: str | None = None
    force: bool = False
    fonts: dict[str, str] = attrs.field(factory=dict)
    problem: str = ""  # known before running (a pattern that matched nothing, an output refused)
    profile: str = ""  # the document profile chosen on the command line (else the data file's)
    formats: tuple[str, ...] = ("pdf",)  # written beside `target`, each with its own suffix


@attrs.frozen
class Outcome:
    """What one job gave: the department, pages, counts, exit code and result word, the messages to show."""

    source: str
    target: str | None
    department: str
    pages: int | None
    errors: int
    notices: int
    code: int
    result: str
    seconds: float
    lines: tuple[str, ...] = ()
    note: str = ""
    reason: str = ""  # why it failed, in one line (the first problem)
    written: tuple[str, ...] = ()  # the files this run wrote (one per format); none when it failed


def finding_lines(findings: Sequence[Finding]) -> list[str]:
    """Findings, errors first, with a count line."""
    lines = [f.render() for f in sorted(findings, key=lambda f: f.level != ERROR)]
    errors, notices = _counts(findings)
    accepted = sum(1 for f in findings if f.level == ERROR and f.accepted)
    also = f"，{accepted} 处已确认照此公开的错误" if accepted else ""
    lines.append(f"共 {errors} 处错误{also}，{notices} 处提示。" if findings else "未发现问题。")
    return lines


def _counts(findings: Sequence[Finding]) -> tuple[int, int]:
    return sum(1 for f in findings if f.blocks_build), sum(1 for f in findings if f.level == NOTICE)


def run_one(task: Task) -> Outcome:
    """Validate or build one data file; every failure becomes the outcome, never an exception."""
    start = time.perf_counter()
    # The department's name comes from the loaded report; only a file that does not load is named by
    # `label`, which reads the file a second time.
    department: str | None = None
    lines: list[str] = []
    pages: int | None = None
    errors = notices = 0

    written: list[str] = []

    def done(code: int, result: str, reason: str = "") -> Outcome:
        named = department or label(Path(task.source))
        return Outcome(task.source, task.target, named, pages, errors, notices, code, result,
                       round(time.perf_counter() - start, 2), tuple(lines), reason=reason,
                       written=tuple(written) if code == EXIT_OK else ())

    def first(findings: Sequence[Finding]) -> str:
        """The first problem, naming how many more there are."""
        blocking = [f for f in findings if f.blocks_build] or list(findings)
        more = f"（另有 {len(blocking) - 1} 处）" if len(blocking) > 1 else ""
        return _first_line(blocking[0].render()) + more if blocking else ""

    if task.problem:
        lines.append(task.problem)
        return done(EXIT_UNREADABLE, "未处理")
    from juesuan_pdf.load import load_with_text

    try:
        report, text = load_with_text(task.source)
        department = report.department.short_name or report.department.name or None
        if task.target is None:
            from juesuan_pdf.check import check
            from juesuan_pdf.compose.profiles import for_report

            for_report(report)  # the data file's profile and templates: refused here as build refuses them
            findings = check(report, text)
            lines += finding_lines(findings)
            errors, notices = _counts(findings)
            return done(EXIT_FINDINGS, "有错误", first(findings)) if errors else done(EXIT_OK, "通过")
        from juesuan_pdf.api import BuildOptions, RefusedError, output_paths, render_pdf, write_atomically

        options = BuildOptions(force=task.force, fonts=task.fonts, profile=task.profile, formats=task.formats)
        try:
            built = render_pdf(report, options, text, base=Path(task.source).parent)
        except RefusedError as exc:  # only the build refuses; a validate never imports the build API
            lines += finding_lines(exc.findings)
            lines.append(str(exc))
            errors, notices = _counts(exc.findings)
            return done(EXIT_FINDINGS, "有错误，未生成", first(exc.findings))
        Path(task.target).parent.mkdir(parents=True, exist_ok=True)
        pages = built.pages or None
        errors, notices = _counts(built.findings)
        if built.findings:
            lines += finding_lines(built.findings)
        for name, path in output_paths(task.target, list(built.outputs())).items():
            write_atomically(path, built.outputs()[name])
            written.append(str(path))
            lines.append(f"已生成 {path}（共 {pages} 页）" if name == "pdf" else f"已生成 {path}")
        return done(EXIT_OK, "已生成")
    except IncompleteError as exc:
        from juesuan_pdf.load.toml import UNFILLED_RULE

        lines += [f.render() for f in exc.findings]
        todo = sum(1 for f in exc.findings if f.rule == UNFILLED_RULE)
        errors = len(exc.findings)
        then = "检查" if task.target is None else "生成"
        lines.append(f"数据文件还有 {todo} 项待填写（共 {errors} 处问题），填好后再{then}。")
        return done(EXIT_FINDINGS, "待填写", f"还有 {todo} 项待填写（第一项：{first(exc.findings)}）")
    except LoadError as exc:
        lines += [f.render() for f in exc.findings]
        errors = len(exc.findings)
        lines.append(f"数据文件有 {errors} 处问题，请改正后重试。")
        return done(EXIT_UNREADABLE, "无法读取", first(exc.findings))
    except JuesuanError as exc:
        lines.append(f"无法完成：{exc}")
        return done(EXIT_UNREADABLE, "无法生成")
    except OSError as exc:
        lines.append(f"无法读写文件：{exc.filename or task.target or task.source}：{exc.strerror}")
        return done(EXIT_UNREADABLE, "无法读写")
    except Exception as exc:  # a bug must not stop the other departments; it is reported, not hidden
        lines.append(f"内部错误（{type(exc).__name__}）：{exc}；请把数据文件和这条信息报告给维护者。")
        return done(EXIT_UNREADABLE, "内部错误")


def label(source: Path) -> str:
    """How the summary names a department before (or without) loading it: its short name or name read from
    the file, else its folder (every department's file may be called report.toml), a year folder with its parent."""
    values = names_of(source)
    if values["short_name"] or values["name"]:
        return values["short_name"] or values["name"]
    folder = source.resolve().parent
    if folder.name.isdigit() and folder.parent.name:  # 各部门/某局/2024/report.toml: 某局/2024
        return f"{folder.parent.name}/{folder.name}"
    return folder.name or str(source)


def _first_line(text: str) -> str:
    """A message's first line: the summary keeps one row per file (an excerpt under a syntax error stays out)."""
    return text.strip().splitlines()[0] if text.strip() else ""


def crashed(task: Task) -> Outcome:
    """The outcome of a job whose worker process died (killed, out of memory, a crash in a library)."""
    return Outcome(task.source, task.target, label(Path(task.source)), None, 0, 0, EXIT_UNREADABLE, "进程崩溃", 0.0,
                   ("处理此文件的进程意外退出（内存不足、被终止或程序库崩溃），未生成 PDF。",))


def settle(outcome: Outcome, formats: Sequence[str] = ("pdf",)) -> Outcome:
    """A failed build leaves no earlier output at its place that could pass for this run's: it is renamed."""
    if outcome.code == EXIT_OK or outcome.target is None:
        return outcome
    notes = []
    for name in formats:
        target = Path(outcome.target).with_suffix(f".{name}")
        kind = name.upper()
        try:
            if not target.is_file():
                continue
            old = stale_name(target)
            os.replace(target, old)
        except OSError as exc:
            notes.append(f"旧 {kind} {target} 无法改名（{exc.strerror}），它不是本次生成的")
        else:
            notes.append(f"旧 {kind} 已改名为 {old.name}")
    if not notes:
        return outcome
    note = "；".join(notes)
    return attrs.evolve(outcome, lines=(*outcome.lines, note + "。"), note=note)


def _warm() -> None:
    """Worker initializer: import the whole pipeline once; fonts are then parsed once per worker.

    Ctrl-C is left to the main process, which lets the documents in progress finish (no half-written
    temporary files) and starts no more.
    """
    import gc
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A worker builds document after document: cycles (a PDF canvas and its document) are collected
    # between them. The command's process, which the worker was forked from, runs without the collector.
    gc.enable()
    import juesuan_pdf.api
    import juesuan_pdf.check
    import juesuan_pdf.compose
    import juesuan_pdf.load
    import juesuan_pdf.typeset  # noqa: F401


def run_tasks(tasks: Sequence[Task], jobs: int, on_done: Callable[[int, Outcome], None],
              job: Callable[[Task], Outcome] = run_one) -> None:
    """Run `job` on every task; `on_done(index, outcome)` as each finishes. `jobs` 0 runs them in this process.

    At most `jobs` tasks are in flight, so when a worker dies the tasks that may have killed it are known:
    each is run again alone, and only one that dies alone is reported as crashed.
    """
    if jobs <= 0:
        for n, task in enumerate(tasks):
            on_done(n, settle(job(task), task.formats))
        return
    from collections import deque
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    queue = deque(enumerate(tasks))
    pool = ProcessPoolExecutor(jobs, initializer=_warm)
    flight: dict[Future[Outcome], tuple[int, Task]] = {}
    try:
        while queue or flight:
            while queue and len(flight) < jobs:
                n, task = queue.popleft()
                flight[pool.submit(job, task)] = (n, task)
            finished, _ = wait(flight, return_when=FIRST_COMPLETED)
            suspects: list[tuple[int, Task]] = []
            for future in finished:
                n, task = flight.pop(future)
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    suspects.append((n, task))
                    continue
                on_done(n, settle(outcome, task.formats))
            if suspects:
                suspects += flight.values()
                flight.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                for n, task in suspects:
                    on_done(n, settle(_run_alone(task, job), task.formats))
                pool = ProcessPoolExecutor(jobs, initializer=_warm)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _run_alone(task: Task, job: Callable[[Task], Outcome]) -> Outcome:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(1, initializer=_warm) as alone:
        try:
            return alone.submit(job, task).result()
        except BrokenProcessPool:
            return crashed(task)


def default_jobs() -> int:
    """Worker processes by default: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# ---------------------------------------------------------------------------------------------------------
# Showing and reporting.

COLUMNS = ("部门", "数据文件", "页数", "错误", "提示", "结果", "秒", "说明")


def rows(outcomes: Sequence[Outcome]) -> list[dict[str, object]]:
    """One record per data file, as written to the report; 输出 lists the files written (none when it failed)."""
    return [
        {"部门": o.department, "数据文件": o.source, "输出": list(o.written), "页数": o.pages, "错误": o.errors,
         "提示": o.notices, "结果": o.result, "退出码": o.code, "秒": o.seconds, "说明": _explain(o)}
        for o in outcomes
    ]


def _explain(outcome: Outcome) -> str:
    """The summary's 说明: why it failed, and what became of an earlier PDF."""
    return "；".join(_first_line(part) for part in (_reason(outcome), outcome.note) if part)


def _reason(outcome: Outcome) -> str:
    """The line that says why a file failed (its first problem, else its last message), empty for a success."""
    if outcome.code == EXIT_OK:
        return ""
    return _first_line(outcome.reason or (outcome.lines[-1] if outcome.lines else ""))


def report_bytes(path: Path, outcomes: Sequence[Outcome]) -> bytes:
    """The run's report as CSV (UTF-8 with BOM, so Excel reads the Chinese) or JSON, chosen by suffix."""
    import csv
    import json

    records = rows(outcomes)
    if path.suffix.lower() == ".json":
        return (json.dumps(records, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(records[0]) if records else ["部门"], lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: _csv_cell(v) for k, v in r.items()} for r in records)
    return buffer.getvalue().encode("utf-8-sig")


def _csv_cell(value: object) -> object:
    """A report value as one CSV cell: nothing for None, several output files joined by “；”."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "；".join(map(str, value))
    return value


_RICH_CHANGES = re.compile(r"[\t\x07\x08\x0b\x0c\r]")
"""What rich's console changes in a plain line: tabs are expanded, these control characters removed."""


class Screen:
    """All output of a run, on one stream (stdout) in reading order: each file's messages as it finishes,
    a progress bar on a terminal (a plain line per file otherwise), the summary table at the end."""

    def __init__(self, total: int, quiet: bool, verb: str) -> None:
        self.total, self.quiet, self.verb, self.count = total, quiet, verb, 0
        self.progress = None
        # One file needs no progress bar and no summary table: rich is loaded only for a line it would change.
        self._console = self._make_console() if total > 1 else None
        if total > 1 and not quiet and self.console.is_terminal:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.progress = Progress(TextColumn(verb), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                     console=self.console, transient=True)
            self.task = self.progress.add_task(verb, total=total)
            self.progress.start()

    @staticmethod
    def _make_console() -> Console:
        from rich.console import Console

        return Console(file=sys.stdout, highlight=False, soft_wrap=True)

    @property
    def console(self) -> Console:
        """The rich console all output goes through (made on first use)."""
        if self._console is None:
            self._console = self._make_console()
        return self._console

    def say(self, line: str) -> None:
        if self._console is None and not _RICH_CHANGES.search(line):
            # What rich prints for such a line without markup, emoji, highlighting or wrapping: the line itself.
            sys.stdout.write(line + "\n")
            sys.stdout.flush()
            return
        self.console.print(line, markup=False, emoji=False)

    def done(self, outcome: Outcome) -> None:
        self.count += 1
        if self.total == 1:
            if not self.quiet or outcome.code != EXIT_OK:
                for line in outcome.lines:
                    self.say(line)
            return
        if not self.quiet:
            self.say(f"== [{self.count}/{self.total}] {outcome.source}（{outcome.department}）：{outcome.result} ==")
            for line in outcome.lines:
                self.say("  " + line)
        elif outcome.code != EXIT_OK:
            self.say(f"{outcome.source}（{outcome.department}）：{outcome.result}：{_reason(outcome)}")
        if self.progress is not None:
            self.progress.advance(self.task)

    def close(self, outcomes: Sequence[Outcome], wall: float, jobs: int) -> None:
        if self.progress is not None:
            self.progress.stop()
        if self.total > 1:
            self.say(summary_table(outcomes, wall, jobs, self.console))

    def __enter__(self) -> Screen:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()


def summary_table(outcomes: Sequence[Outcome], wall: float, jobs: int, console: object) -> str:
    """The summary: one row per data file, then a totals line (rendered as text for the run's console)."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, title="汇总", title_justify="left")
    for column in COLUMNS:
        table.add_column(column, justify="right" if column in ("页数", "错误", "提示", "秒") else "left",
                         overflow="fold")
    cells = [[o.department, o.source, "" if o.pages is None else str(o.pages), str(o.errors), str(o.notices),
              o.result, f"{o.seconds:.1f}", _explain(o)] for o in outcomes]
    for row in cells:
        table.add_row(*row)
    assert isinstance(console, Console)
    if not console.is_terminal:  # a log file gets each row on one line, however long the paths
        from rich.cells import cell_len

        width = sum(max(cell_len(c) for c in [name, *(r[i] for r in cells)]) + 3 for i, name in enumerate(COLUMNS))
        console = Console(width=width + 4, highlight=False, file=io.StringIO())
    with console.capture() as captured:
        console.print(table)
    ok = sum(1 for o in outcomes if o.code == EXIT_OK)
    cpu = sum(o.seconds for o in outcomes)
    per = f"，平均每份 {wall / len(outcomes):.2f} 秒（{jobs} 个进程）" if outcomes else ""
    return captured.get().rstrip() + f"\n共 {len(outcomes)} 份：{ok} 份成功，{len(outcomes) - ok} 份失败；" \
        f"用时 {wall:.1f} 秒{per}，各份合计 {cpu:.1f} 秒。"
