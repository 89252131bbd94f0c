"""What a data file may hold at most: limits far above any real 决算, checked before anything is built.

A real department's data file is about 100 KB; its longest text is a paragraph of a few hundred
characters, its largest amount a few hundred thousand 万元. Input far beyond that is a mistake (a pasted
document, a number typed in 元 with extra zeros) or an attack; either way it gets a message naming the key
and its line instead of a build that runs for minutes, runs out of memory or fails deep in the layout.
Every limit here is documented in the README (数据文件的上限).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from juesuan_pdf.errors import ERROR, Finding, printable
from juesuan_pdf.load.paths import Path, line_of, render

RULE = "数据文件"

MAX_FILE_BYTES = 16 * 1024 * 1024
"""A data file larger than this is not read (the bundled example is 0.1 MB)."""

MAX_AMOUNT = Decimal("1e12")
"""The largest amount, in 万元, either sign: 1 万亿万元 is far above any department's budget."""

MAX_COUNT = 10**9
"""The largest whole number (persons, vehicles, batches, scores…); counts are never negative."""

MAX_DEPTH = 16
"""Tables and lists nested deeper than this are refused (the model nests at most 5 levels)."""

MAX_ITEMS = 5000
"""Entries in one list ([[accounts]], indicators, paragraphs…)."""

SHORT_KEYS = frozenset({
    "name", "short_name", "title", "heading", "subject", "budget_level", "level1", "level2", "kind", "fund",
    "code", "rule", "path", "competent_department", "implementing_unit", "central_department",
    "local_department", "user_unit",
})
"""Names, titles and headings: one line of a heading or a table cell."""

CELL_KEYS = frozenset({"target", "actual", "note", "budget_note", "evaluation", "pre_assessed"})
"""Texts set in a cell of a table (indicator targets and results, notes)."""

MAX_SHORT = 200
MAX_CELL = 1000
MAX_TEXT = 20000
"""Characters in a name or title, a table-cell text, and any other text (one paragraph)."""

MAX_TOTAL_TEXT = 200_000
"""Characters of all texts together: ten times the 90-page reference document (21 000)."""

MAX_PATH = 4096
"""Characters in a file path (font files)."""


def text_limit(path: Path) -> tuple[int, str]:
    """The most characters the text at `path` may have, and what kind of text it is."""
    key = next((p for p in reversed(path) if isinstance(p, str)), "")
    if len(path) >= 2 and path[:2] == ("publication", "fonts"):
        return MAX_PATH, "字体文件路径"
    if key in SHORT_KEYS:
        return MAX_SHORT, "名称或标题"
    if key in CELL_KEYS:
        return MAX_CELL, "表格中的文字"
    return MAX_TEXT, "文字"


def size_finding(size: int, source: str) -> Finding | None:
    """A finding when a data file of `size` bytes is too large to read."""
    if size <= MAX_FILE_BYTES:
        return None
    return Finding(ERROR, RULE, f"数据文件过大（{size / 2**20:.1f} MB），最大 {MAX_FILE_BYTES // 2**20} MB；"
                   "请检查是否误粘贴了整篇文档或其他文件", (source,) if source else ())


def depth_line(text: str) -> int | None:
    """The line where brackets or braces first nest deeper than MAX_DEPTH (strings and comments skipped)."""
    depth = 0
    for m in _DEPTH_TOKENS.finditer(text):  # a string or comment is one token: only brackets count
        token = m.group()
        if token == "[" or token == "{":
            depth += 1
            if depth > MAX_DEPTH:
                return text.count("\n", 0, m.start()) + 1
        elif token == "]" or token == "}":
            depth = max(depth - 1, 0)
    return None


_DEPTH_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|""".*'  # a multi-line basic string (\ escapes honoured); unclosed: the rest
    r"|'''.*?'''|'''.*"  # a multi-line literal string
    r'|"(?:[^"\\\n]|\\.)*"|".*'  # a basic string: one line, apart from escaped line breaks
    r"|'[^']*'|'.*"  # a literal string
    r"|#[^\n]*"  # a comment
    r"|[\[{\]}]",
    re.DOTALL,
)
"""What `depth_line` scans: strings and comments, each skipped whole, and brackets."""


def depth_finding(line: int | None, source: str) -> Finding:
    """The finding for tables or lists nested too deeply."""
    return Finding(ERROR, RULE, f"表或列表嵌套过深（超过 {MAX_DEPTH} 层），数据文件不会有这样的结构；"
                   "请检查是否多写了 [ 或 {", (source,) if source else (), (), line)


def digits_finding(text: str, source: str) -> Finding:
    """The finding for a number with more digits than any amount or count (thousands of them)."""
    long = re.search(r"[0-9_]{1000,}", text)
    line = text.count("\n", 0, long.start()) + 1 if long else None
    message = "数字的位数过多（上千位），不是金额或个数；请检查是否误粘贴"
    return Finding(ERROR, RULE, message, (source,) if source else (), (), line)


def data_findings(data: dict[str, object], index: dict[Path, int]) -> list[Finding]:
    """Problems of the parsed data as a whole: nesting, list lengths, text lengths (walked without recursion)."""
    findings: list[Finding] = []
    texts: list[tuple[int, Path]] = []
    for path, value in _walk(data):
        if len(path) > MAX_DEPTH:
            findings.append(_finding(path, index, f"嵌套过深（超过 {MAX_DEPTH} 层）", ""))
            break
        if isinstance(value, list) and len(value) > MAX_ITEMS:
            findings.append(_finding(path, index, f"列表有 {len(value)} 项，最多 {MAX_ITEMS} 项", ""))
        elif isinstance(value, str):
            texts.append((len(value), path))
            limit, kind = text_limit(path)
            if len(value) > limit:
                message = f"{kind}过长（{len(value)} 个字符），最多 {limit} 个字符；请精简，或检查是否误粘贴了整篇文档"
                findings.append(_finding(path, index, message, f"{value[:20]}…"))
            elif path[:2] == ("publication", "fonts") and "\x00" in value:
                findings.append(_finding(path, index, "字体文件路径中有空字符（\\u0000）", value))
            elif control := _CONTROL.search(value):
                shown = printable(control.group())
                message = f"文字中有控制字符 {shown}（不可见、不能印刷），请删去；换行写作 \\n"
                findings.append(_finding(path, index, message, value))
    total = sum(n for n, _ in texts)
    if total > MAX_TOTAL_TEXT and not findings:
        longest = sorted(texts, key=lambda t: -t[0])[:3]
        named = "、".join(f"{render(p)}（第{line_of(index, p)}行，{n} 字）" for n, p in longest)
        message = f"文字共 {total} 字，超过一份决算公开文档的上限 {MAX_TOTAL_TEXT} 字；最长的几项：{named}"
        findings.append(Finding(ERROR, RULE, message, (), (), line_of(index, longest[0][1])))
    return findings


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters: never part of a printed text (a tab and a line break are)."""


def _walk(data: object) -> Iterator[tuple[Path, object]]:
    """Every (path, value) of nested tables and lists, depth first, with an explicit stack (no recursion)."""
    stack: list[tuple[Path, object]] = [((), data)]
    while stack:
        path, value = stack.pop()
        yield path, value
        if len(path) > MAX_DEPTH:
            continue
        if isinstance(value, dict):
            stack.extend(((*path, k), v) for k, v in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend(((*path, i), v) for i, v in reversed(list(enumerate(value))))


def _finding(path: Path, index: dict[Path, int], message: str, value: str) -> Finding:
    values = (printable(value),) if value else ()
    # A path cut at MAX_DEPTH is no key of the index: take the first line written under it.
    lines = [at for written, at in index.items() if written[: len(path)] == path] if path not in index else []
    line = min(lines) if lines else line_of(index, path)
    return Finding(ERROR, RULE, message, (render(path[: MAX_DEPTH + 1]),), values, line)
