"""Which files a command reads and where it writes: inputs from files, folders and glob patterns; output
names from a pattern; the rules that keep an output from clobbering an input, a device or a folder.

Everything here runs before anything is written, so a refused output costs nothing and leaves no trace.
"""

from __future__ import annotations

import glob
import os
import re
import stat
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from juesuan_pdf.errors import JuesuanError

DATA_SUFFIXES: tuple[str, ...] = (".toml",)
"""Data files a folder given as input is searched for (up to FOLDER_DEPTH levels down; folders whose name
starts with "." or "__" are skipped)."""

OUTPUT_SUFFIXES: tuple[str, ...] = (".pdf", ".html")
"""Suffixes `build -o` may write (the output formats; the other formats go beside it with their own suffix)."""

DEFAULT_PATTERN = "{year}-{short_name}.pdf"
"""How a PDF written into an output folder is named."""

PATTERN_FIELDS = ("year", "short_name", "name", "stem", "folder")

_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')


class OutputError(JuesuanError):
    """An output path that would overwrite something it must not, or cannot be a file."""


@attrs.frozen
class Input:
    """One data file to work on, or an argument that named none (`problem` says why)."""

    path: Path
    problem: str = ""


def _is_pattern(text: str) -> bool:
    return any(ch in text for ch in "*?[")


FOLDER_DEPTH = 3
"""How deep below a folder given as input data files are looked for (各部门/单位/2024/report.toml)."""

FOLDER_MAX_FILES = 1000
"""More data files than this under one folder means the wrong folder was named (a district has ~100)."""


class TooMany(Exception):
    """A folder given as input holds more data files than any district publishes."""


def _data_files(folder: Path) -> list[Path]:
    found: list[Path] = []
    top = len(folder.parts)
    for root, dirs, files in os.walk(folder):
        depth = len(Path(root).parts) - top
        dirs[:] = [] if depth >= FOLDER_DEPTH else sorted(d for d in dirs if not d.startswith((".", "__")))
        found += [Path(root) / f for f in sorted(files) if Path(f).suffix.lower() in DATA_SUFFIXES]
        if len(found) > FOLDER_MAX_FILES:
            raise TooMany
    return sorted(found)


def expand_inputs(arguments: Sequence[str]) -> list[Input]:
    """The data files named by `arguments`, in the order given, each once.

    A file is taken as it is (even if missing: it then fails with its own message); a folder stands for
    every data file inside it, recursively; a glob pattern (`*`, `?`, `[…]`, `**` for any depth) is expanded
    here, because Windows shells pass it on unexpanded. A folder or pattern that names no data file is an
    input with a problem, so the other inputs still run.
    """
    out: list[Input] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = Path(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            out.append(Input(path))

    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            try:
                files = _data_files(path)
            except TooMany:
                out.append(Input(path, f"文件夹 {path} 中的数据文件超过 {FOLDER_MAX_FILES} 个："
                                       "请给出各部门数据所在的文件夹"))
                continue
            if not files:
                out.append(Input(path, f"文件夹中没有数据文件（{'、'.join('*' + s for s in DATA_SUFFIXES)}）：{path}"))
            for file in files:
                add(file)
        elif _is_pattern(argument) and not path.exists():
            matches = sorted(Path(m) for m in glob.glob(argument, recursive=True))
            files = [m for m in matches if m.is_file()]
            for folder in (m for m in matches if m.is_dir()):
                try:
                    files += _data_files(folder)
                except TooMany:
                    out.append(Input(folder, f"文件夹 {folder} 中的数据文件超过 {FOLDER_MAX_FILES} 个"))
            if not files:
                out.append(Input(path, f"没有与“{argument}”匹配的数据文件"))
            for file in files:
                add(file)
        elif path.exists() and not path.is_file():
            from juesuan_pdf.load.toml import _file_kind

            out.append(Input(path, f"{path} 是{_file_kind(path.stat().st_mode)}，不是普通文件，不读取"))
        else:
            add(path)
    return out


NAMES_READ_LIMIT = 50_000_000
"""Bytes: a larger file is not read just for its names (the loader reports it with its own limits)."""


def names_of(data_file: Path) -> dict[str, str]:
    """The values an output pattern may use, read from the data file without loading the whole report.

    A file too broken for the TOML reader still gets its year and short name by a line match, so a failed
    department's earlier PDF is found under the name it was given.
    """
    values = {"stem": data_file.stem, "folder": data_file.resolve().parent.name, "year": "", "short_name": "",
              "name": ""}
    try:
        # Only a regular file of a data file's size is read: a FIFO or device would block or never end.
        if not data_file.is_file() or data_file.stat().st_size > NAMES_READ_LIMIT:
            return values
        text = data_file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return values
    try:
        data = tomllib.loads(text)
        department = data.get("department", {})
        found = {"year": data.get("year"), "short_name": department.get("short_name"), "name": department.get("name")}
    except Exception:  # anything tomllib cannot read (even 500 nested arrays): fall back to line matching
        found = {}
        for key, regex in (("year", r"(?m)^\s*year\s*=\s*(\d{4})"),
                           ("short_name", r'(?m)^\s*short_name\s*=\s*"([^"\n]*)"'),
                           ("name", r'(?m)^\s*name\s*=\s*"([^"\n]*)"')):
            match = re.search(regex, text)
            found[key] = match.group(1) if match else None
    for key, value in found.items():
        if isinstance(value, int | str) and not isinstance(value, bool) and str(value) not in ("", "待填"):
            values[key] = str(value)
    return values


def file_name(pattern: str, values: dict[str, str]) -> str:
    """An output file name from `pattern`; a value missing from the data falls back to the data file's stem."""
    filled = {k: _UNSAFE.sub("_", v or values["stem"]).strip(" .") or "_" for k, v in values.items()}
    try:
        name = pattern.format(**filled)
    except (KeyError, IndexError, ValueError) as exc:
        raise OutputError(
            f"--name 的格式“{pattern}”有误（{exc}）；可用：" + "、".join("{" + f + "}" for f in PATTERN_FIELDS)
        ) from None
    return name


def is_folder_argument(output: str) -> bool:
    """`-o out/` (trailing separator) or an existing folder: files go inside it."""
    return output.endswith(("/", os.sep)) or Path(output).is_dir()


def check_output(target: Path, inputs: Iterable[Path], suffixes: Sequence[str] = OUTPUT_SUFFIXES) -> None:
    """Refuse an output that is an input, a folder, a device or FIFO, or has a suffix this command does not write."""
    if target.suffix.lower() not in suffixes:
        raise OutputError(f"输出文件 {target} 的扩展名应为 {' 或 '.join(suffixes)}（本命令不生成 "
                          f"“{target.suffix or '无扩展名'}”文件）")
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    except NotADirectoryError:
        raise OutputError(f"输出位置 {target} 的上级路径中有文件不是文件夹") from None
    except PermissionError:
        raise OutputError(f"没有权限访问输出位置 {target}") from None
    except OSError as exc:
        raise OutputError(f"无法使用输出位置 {target}：{exc.strerror}") from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise OutputError(f"输出位置 {target} 是一个文件夹，不能写成文件")
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(f"输出位置 {target} 不是普通文件（设备或管道），拒绝写入")
        for source in inputs:
            try:
                if source.exists() and os.path.samefile(source, target):
                    raise OutputError(f"输出位置 {target} 就是输入文件 {source}，拒绝覆盖")
            except OSError:
                continue
    parent = target.parent
    if parent.exists() and not parent.is_dir():
        raise OutputError(f"输出位置 {target} 的上级 {parent} 不是文件夹")


@attrs.frozen
class Planned:
    """Where one input's output goes, or why it gets none (`problem`; `target` then set only when an earlier
    file there is to be renamed, as for outputs that clash)."""

    source: Input
    target: Path | None
    problem: str = ""


def plan_outputs(inputs: Sequence[Input], output: str | None, pattern: str | None,
                 formats: Sequence[str] = ("pdf",)) -> list[Planned]:
    """Each input's output path, checked against every input and against the other outputs.

    - no `-o`: beside its data file, named after the data file (`report.pdf`), or by `--name` if given;
    - one input and `-o` a file name: that file;
    - `-o` an existing folder, a path ending in `/`, or several inputs: inside that folder, named by
      `--name` (default `{year}-{short_name}.pdf`).
    Each format is written beside the target with its own suffix (`report.pdf`, `report.html`), and each of
    those paths is checked. Two inputs that would write the same file both get a problem instead (nothing
    is disambiguated silently: two departments with one short name is a data mistake to fix).
    """
    sources = [i.path for i in inputs]
    into_folder = output is not None and (len(inputs) > 1 or is_folder_argument(output))
    if output is not None and into_folder and Path(output).suffix.lower() in OUTPUT_SUFFIXES \
            and not Path(output).is_dir():
        raise OutputError(f"多个数据文件时 -o 应为文件夹，实际为文件名“{output}”")
    planned: list[Planned] = []
    for item in inputs:
        if item.problem:
            planned.append(Planned(item, None, item.problem))
            continue
        if output is None:
            name = item.path.with_suffix(".pdf").name if pattern is None else file_name(pattern, names_of(item.path))
            target = item.path.parent / name
        elif into_folder:
            target = Path(output) / file_name(pattern or DEFAULT_PATTERN, names_of(item.path))
        else:
            target = Path(output)
        try:
            check_output(target, sources)  # the name given: a .docx is refused, not quietly turned into a .pdf
            for suffix in (f".{name}" for name in formats):
                check_output(target.with_suffix(suffix), sources)
        except OutputError as exc:
            planned.append(Planned(item, None, str(exc)))
            continue
        planned.append(Planned(item, target))
    by_target: dict[Path, list[int]] = {}
    for n, plan in enumerate(planned):
        if plan.target is not None:
            by_target.setdefault(Path(os.path.abspath(plan.target)), []).append(n)
    for target, clashing in by_target.items():
        if len(clashing) > 1:
            names = "、".join(str(planned[n].source.path) for n in clashing)
            # The target stays: nothing is written there, but an earlier file under that name is renamed
            # like any failed department's, so it cannot pass for this run's.
            for n in clashing:
                planned[n] = Planned(planned[n].source, planned[n].target,
                                     f"与其他数据文件的输出同名（{target.name}：{names}）；请改正简称或用 --name 区分")
    return planned


def stale_name(target: Path) -> Path:
    """Where an earlier output is moved when this run's build of it failed."""
    return target.with_name(target.name + ".旧版")
