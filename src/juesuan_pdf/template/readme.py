"""The README's key reference, generated from the model's keys and their descriptions.

`python -m juesuan_pdf.template.readme` rewrites the part of README.md between the markers; a test fails
when the README and the model disagree, so the reference can never omit a key.
"""

from __future__ import annotations

import sys
from pathlib import Path

from juesuan_pdf.template.fields import Key, all_keys, keys

START = "<!-- 键参考：由 python -m juesuan_pdf.template.readme 生成，请勿手改 -->"
END = "<!-- 键参考结束 -->"
KIND_WORDS = {
    "money": "金额（万元）", "int": "整数", "text": "文字", "bool": "true/false", "date": "日期",
    "choice": "选项", "texts": "文字列表", "table": "表 [ ]", "tables": "数组 [[ ]]", "map": "键 = 值",
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _row(key: Key) -> str:
    kind = KIND_WORDS[key.kind]
    if key.kind == "choice":
        kind += "：" + " / ".join(str(c) for c in key.choices)
    must = "必填" if key.required else ""
    return f"| `{key.path}` | {kind} | {must} | {_cell(key.description)} |"


def reference() -> str:
    """The generated Markdown: an overview of the sections, then every key."""
    lines = [START, "", "| 键 | 含义 |", "|---|---|"]
    lines += [f"| `{k.path}` | {_cell(k.description)} |" for k in keys()]
    lines += [
        "",
        "<details><summary>全部键（每个键的类型和说明）</summary>",
        "",
        "`[]` 表示数组中的每一项（如 `accounts[].code` 是每个 `[[accounts]]` 段的 `code`）。",
        "",
        "| 键 | 类型 | 必填 | 说明 |",
        "|---|---|---|---|",
        *(_row(k) for k in all_keys()),
        "",
        "</details>",
        "",
        END,
    ]
    return "\n".join(lines)


def updated(readme: str) -> str:
    """`readme` with the text between the markers replaced by the generated reference."""
    head, start, rest = readme.partition(START)
    _, end, tail = rest.partition(END)
    if not start or not end:
        raise ValueError("README.md has no key-reference markers")
    return head + reference() + tail


def main(argv: list[str] | None = None) -> int:
    """Rewrite README.md (path as the first argument, default ./README.md)."""
    path = Path((argv or sys.argv[1:] or ["README.md"])[0])
    path.write_text(updated(path.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
