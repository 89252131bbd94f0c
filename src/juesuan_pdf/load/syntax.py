"""TOML syntax errors in Chinese: what is wrong, the line as written with a caret under the place, and a hint.

tomllib words its errors in English and sometimes points past the real mistake (a missing comma in an
array is reported at the next value, as "Unclosed array"). This module turns its message and position into
a finding a clerk can act on; no English parser text reaches the user. The common causes get a hint of
their own: quotes typed with a Chinese input method, a thousands separator, a unit after a number, an
unquoted text, a key written twice, a missing comma.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata

from juesuan_pdf.errors import ERROR, Finding, printable

RULE = "数据文件"

_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$|\s*\(at end of document\)$")

# tomllib's messages (Python 3.11–3.13), as regular expressions, with their Chinese wording.
_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"Invalid value", "这里应为一个值（文字加英文双引号，数字、日期不加引号，列表用 [ ]）"),
    (r"Invalid statement", "这一行既不是“键 = 值”，也不是 [表名]"),
    (r"Expected newline or end of document after a statement", "一个值之后应换行，这里却还有别的字符"),
    (r"Expected '=' after a key in a key/value pair", "键名之后应为等号 ="),
    (r"Expected ']' at the end of a table declaration", "表名应以 ] 结束"),
    (r"Expected ']]' at the end of an array declaration", "表数组名应以 ]] 结束"),
    (r"Unclosed array", "列表没有正确结束：两个值之间应有英文逗号，列表最后应为 ]"),
    (r"Unclosed inline table", "内联表 { } 没有正确结束：键值之间应有英文逗号，最后应为 }"),
    (r"Unterminated string", "文字没有结束引号"),
    (r"Illegal character '\\n'",
     "文字没有在本行结束：缺少结束的英文双引号（文字中的换行写作 \\n，或用三个引号 \"\"\" 括起多行文字）"),
    (r"Illegal character .*", "文字中有不允许的控制字符（如制表符以外的不可见字符），请删去"),
    (r"Unescaped '\\' in a string", "文字中的反斜杠 \\ 应写成 \\\\（或改用单引号 ' ' 括起来）"),
    (r"Invalid hex value|Escaped character is not a Unicode scalar value", "文字中的 \\u 转义写法有误"),
    (r"Invalid date or datetime", "日期无效（应写成 2024-09-20 这样的有效日期）"),
    (r"Invalid initial character for a key part", "键名只能由英文字母、数字、下划线和短横线组成"),
    (r"Cannot declare .* twice|Cannot overwrite a value|Duplicate inline table key .*",
     "同一个键或表写了两次"),
    (r"Cannot mutate immutable namespace .*|Cannot redefine namespace .*|Cannot overwrite .*",
     "与前面已写过的表或键冲突（同一个名字不能既是值又是表，也不能写两次）"),
    (r"An object other than list found behind this key|There is no nest behind this key",
     "[[表数组]] 与前面同名的键或表冲突"),
    (r"Expected .*|Found invalid character .*", "这里的写法不符合 TOML 格式"),
)

_FULL_WIDTH_QUOTES = "“”＂‘’＇「」"
_DIGITS = "0-9０-９"


def syntax_finding(text: str, exc: tomllib.TOMLDecodeError, source: str = "") -> Finding:
    """The finding for a TOML syntax error in `text`: Chinese message, the line shown, a hint."""
    message = str(exc)
    match = _POSITION.search(message)
    lines = text.split("\n")
    if match and match.group(1):
        line, column = int(match.group(1)), int(match.group(2))
    else:  # at the end of the document: the last line that holds something
        line = max((i for i, t in enumerate(lines, 1) if t.strip()), default=1)
        column = len(lines[line - 1]) + 1
    english = message[: match.start()] if match else message
    what = _chinese(english)
    hint = ""
    if english == "Unclosed array":
        line, column, hint = _missing_comma(text, line, column)
    hint = _hint(english, lines, line) or hint
    if english.startswith(("Cannot declare", "Cannot overwrite a value")):
        line, column = line, _first_non_space(lines, line)
        earlier = _earlier_definition(lines, line)
        if earlier:
            hint = f"第{earlier}行已经写过它；删去其中一处（若是列表的多个条目，表名应写成 [[…]]）"
    shown = _show(lines, line, column)
    body = f"TOML 格式错误（第{line}行第{column}列）：{what}。\n{shown}"
    if hint:
        body += f"\n  提示：{hint}"
    where = (source,) if source else ()
    return Finding(ERROR, RULE, body, where, (), line)


def _chinese(english: str) -> str:
    for pattern, chinese in _MESSAGES:
        if re.fullmatch(pattern, english, flags=re.DOTALL):
            return chinese
    return "这里的写法不符合 TOML 格式"


def _hint(english: str, lines: list[str], line: int) -> str:
    """A hint for the common causes, read from the line itself."""
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    value = current.split("=", 1)[1] if "=" in current else current
    if any(q in current for q in _FULL_WIDTH_QUOTES):
        return "引号是中文输入法的全角引号（“ ” ＂ ‘ ’）；请切换到英文输入法，改用英文双引号 \" \""
    if re.search(rf"[{_DIGITS}][,，][{_DIGITS}]{{3}}", value) and not value.strip().startswith(("[", '"', "'")):
        return "数字不要用千位分隔符：12,000 应写成 12000（金额以万元为单位，如 4454.96）"
    if re.match(rf"\s*[{_DIGITS}]{{4}}-[{_DIGITS}]{{1,2}}-[{_DIGITS}]{{1,2}}", value):
        return "日期应写成 2024-09-20 这样的有效日期（月、日各两位），不带引号"
    unit = re.search(rf"[{_DIGITS}.]\s*([^\s{_DIGITS}.,#\]}}]+)", value)
    if english.startswith("Expected newline") and unit and not value.strip().startswith(('"', "'")):
        shown = printable(unit.group(1)[:8])
        return f"数字后面不要带单位或文字（“{shown}”）：2024年 应写成 2024，金额只写数字（单位为万元）"
    if re.match(r"\s*[－＋]?[０-９]", value):
        return "数字是全角的（如 １２３）：请切换到英文输入法，输入半角数字 123"
    if english == "Invalid value" and value.strip() and value.strip()[0] not in "\"'[{-+0123456789tfin":
        return "文字要用英文双引号括起来，如 name = \"某某局\""
    if english == "Invalid statement" and re.match(r"\s*[^\sA-Za-z0-9_\-\"'\[#]", current):
        return "键名只能用英文（见 README 的键名对照表），如 name = \"某某局\""
    if english == "Invalid statement" and current.lstrip().startswith("\ufeff"):
        return "文件中间有一个不可见的 BOM 字符（U+FEFF），请删去"
    return ""


def _missing_comma(text: str, line: int, column: int) -> tuple[int, int, str]:
    """Where a comma is missing: tomllib stops at the next value; the mistake is after the value before it."""
    lines = text.split("\n")
    if not 0 < line <= len(lines):
        return line, column, ""
    found = lines[line - 1][column - 1 : column]
    if found in ("", "]"):
        return line, column, ""
    for number in range(line if column > 1 else line - 1, 0, -1):
        before = lines[number - 1] if number != line else lines[number - 1][: column - 1]
        code = _strip_comment(before).rstrip()
        if code and not code.endswith(("[", ",")):
            return number, len(code) + 1, f"第{number}行的值之后缺少英文逗号 ,（列表中的值之间要用逗号隔开）"
        if code:
            break
    return line, column, ""


def _strip_comment(line: str) -> str:
    """The line without a trailing # comment (a # inside quotes is kept)."""
    quote = ""
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            return line[:i]
    return line


def _first_non_space(lines: list[str], line: int) -> int:
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    return len(current) - len(current.lstrip()) + 1


def _earlier_definition(lines: list[str], line: int) -> int | None:
    """The earlier line that wrote the same key in the same table, or the same [table] header."""
    current = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    header = re.match(r"\[\s*([^\[\]]+?)\s*\]", current)
    key = re.match(r"([A-Za-z0-9_\-\"'. ]+?)\s*=", current)
    for number in range(line - 1, 0, -1):
        other = lines[number - 1].strip()
        if header and re.fullmatch(rf"\[\s*{re.escape(header.group(1))}\s*\]\s*(#.*)?", other):
            return number
        if not header and other.startswith("["):
            return None  # the key's table begins here: no earlier line of it wrote the key
        if key and re.match(rf"{re.escape(key.group(1))}\s*=", other):
            return number
    return None


def _show(lines: list[str], line: int, column: int) -> str:
    """The line as written (control characters escaped) with a caret under `column`."""
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    number = f"{line:>5} | "
    shown = printable(current)
    caret = " " * _width(printable(current[: max(column - 1, 0)]))
    return f"{number}{shown}\n{' ' * (len(number) - 2)}| {caret}^"


def _width(text: str) -> int:
    """Columns `text` takes in a terminal (wide CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
