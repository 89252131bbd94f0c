"""Problems found in a report, as values: shared by the loader, the checker and the CLI."""

from __future__ import annotations

import errno
import re
from decimal import Decimal
from typing import Literal

import attrs

Level = Literal["错误", "提示"]
ERROR: Level = "错误"
NOTICE: Level = "提示"


_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")
"""Characters a terminal acts on or that reorder or break lines: never printed raw from a data file."""


def printable(text: str, keep_newlines: bool = False) -> str:
    """`text` safe to print: control, line- and direction-changing characters shown escaped, as in `\\x1b`."""
    escaped = _UNSAFE.sub(lambda m: _escape(m.group()), text)
    return escaped if keep_newlines else escaped.replace("\n", "\\n")


def _escape(ch: str) -> str:
    code = ord(ch)
    return {"\t": "\\t", "\r": "\\r"}.get(ch) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


@attrs.frozen
class Finding:
    """One problem: its level, the rule it breaks, the data-file paths involved and a Chinese message.

    `values` holds the figures compared (for tests and machine-readable output); `line` is the line in
    the data file where the first path is written, when known. `accepted` is the reason the publisher
    gave for publishing the figure as it stands (`[[publication.accepted]]`), empty when not accepted.
    """

    level: Level
    rule: str
    message: str
    paths: tuple[str, ...] = ()
    values: tuple[Decimal | int | str, ...] = ()
    line: int | None = None
    accepted: str = ""
    where: tuple[tuple[str | int, ...], ...] = attrs.field(default=(), eq=False)
    """The paths as keys and 0-based list indexes (`("accounts", 2, "basic")`), when the checker gave them."""
    lines: tuple[int | None, ...] = attrs.field(default=(), eq=False)
    """The line of each path (None for one not written on a line of its own), when the checker gave them;
    then the rendered text shows each path's line and `line` is the line of the figure named first."""

    @property
    def blocks_build(self) -> bool:
        """An 错误 nobody has accepted: the build refuses while one remains."""
        return self.level == ERROR and not self.accepted

    def _paths_with_lines(self) -> list[str]:
        """Each path, followed by its own line when the checker gave the lines."""
        if not self.lines:
            return list(self.paths)
        return [p + (f"（第{n}行）" if n else "") for p, n in zip(self.paths, self.lines, strict=True)]

    def render(self) -> str:
        """The finding as one line of text for the terminal."""
        where = "、".join(self._paths_with_lines())
        at = f"（第{self.line}行）" if self.line and not any(self.lines) else ""
        prefix = f"[{self.level}·已确认] {self.rule}" if self.accepted else f"[{self.level}] {self.rule}"
        text = f"{prefix} {where}{at}：{self.message}" if where else f"{prefix}{at}：{self.message}"
        text = f"{text}（确认理由：{self.accepted}）" if self.accepted else text
        return printable(text, keep_newlines=True)


class JuesuanError(Exception):
    """Base of the library's own errors; its message is Chinese and meant for the user (printed safely)."""

    def __str__(self) -> str:
        return printable(super().__str__(), keep_newlines=True)


class LoadError(JuesuanError):
    """The data file cannot be read or does not match the model; carries every problem found."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        super().__init__("\n".join(f.render() for f in findings))


class IncompleteError(LoadError):
    """The data file still holds values marked `待填` (from `init` or `next-year`): a to-do list, not a typo."""


class BuildError(JuesuanError):
    """The document cannot be typeset (a character no font has, a font file that cannot be read, …)."""


class MissingGlyphError(BuildError):
    """Characters no font has; `chars` lists them so a caller holding the data file can name their keys."""

    def __init__(self, message: str, chars: tuple[str, ...]) -> None:
        super().__init__(message)
        self.chars = chars


_OS_REASONS = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "超出磁盘配额",
    errno.EACCES: "没有权限",
    errno.EPERM: "不允许此操作",
    errno.EROFS: "所在位置只读",
    errno.ENOENT: "文件或文件夹不存在",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EMFILE: "打开的文件过多",
    errno.EIO: "读写设备出错",
    errno.EEXIST: "已存在",
    errno.ELOOP: "符号链接循环",
    errno.EFBIG: "文件过大",
    errno.ENXIO: "设备不存在",
}


def os_message(exc: OSError, path: object = None) -> str:
    """A Chinese sentence for an operating-system error, always naming the file it concerns."""
    name = exc.filename if exc.filename not in (None, "") else path
    reason = _OS_REASONS.get(exc.errno or 0) or exc.strerror or type(exc).__name__
    where = f"“{printable(str(name))}”" if name not in (None, "") else "（未知文件）"
    return f"无法读写文件 {where}：{reason}"
