"""Problems found in a report, as values: shared by the loader, the checker and the CLI."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

import attrs

Level = Literal["错误", "提示"]
ERROR: Level = "错误"
NOTICE: Level = "提示"


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
        text = f"{prefix} {where}{at}：{self.message}" if where else f"{prefix}：{self.message}"
        return f"{text}（确认理由：{self.accepted}）" if self.accepted else text


class JuesuanError(Exception):
    """Base of the library's own errors; its message is Chinese and meant for the user."""


class LoadError(JuesuanError):
    """The data file cannot be read or does not match the model; carries every problem found."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        super().__init__("\n".join(f.render() for f in findings))


class IncompleteError(LoadError):
    """The data file still holds values marked `待填` (from `init` or `next-year`): a to-do list, not a typo."""


class BuildError(JuesuanError):
    """The document cannot be typeset (a character no font has, a font file that cannot be read, …)."""
