"""A stress document for the Chinese text core: every line-breaking rule at a line boundary.

In the GB/T 9704 grid a "plain" (unindented) line holds exactly 28 full-width characters, so 28 filler
characters followed by a mark put that mark where a naive breaker would start (or end) a line with it.
The document has one paragraph per mark and per unbreakable unit, bold and role-font runs, a character
only the fallback font has (𠮷: LXGW WenKai has it, Noto Serif SC does not), literal markup, every
paragraph style, every heading level and a paragraph long enough to cross a page.

`stress_document()` builds it; `paragraph_texts(document)` lists the source text of every paragraph.
"""

from __future__ import annotations

import datetime as dt
import itertools

from juesuan_pdf import doc
from juesuan_pdf.typeset.linebreak import NO_END, NO_START

FILLER = "中文排版需要处理标点符号的位置关系以及数字和外文单词的完整性还要让每一行两端对齐"
LINE = 28
"""Full-width characters on an unindented GB/T 9704 line."""

NO_FONT_CHAR = "😀"
"""A character none of the bundled fonts has (U+1F600)."""

FALLBACK_CHAR = "𠮷"
"""A character only the fallback font (LXGW WenKai) has (U+20BB7)."""

UNITS = ("4454.96", "5.3%", "≥98%", "1-12月", "12,345.67", "ReportLab", "PDF/A-1b", "——", "……")
"""Numbers, Latin words and doubled marks that must never be split."""


def filler(n: int, shift: int = 0) -> str:
    """`n` Han filler characters, starting `shift` characters into the filler text."""
    return "".join(itertools.islice(itertools.cycle(FILLER), shift, shift + n))


def _plain(text: str, style: doc.blocks.ParaStyle = "plain") -> doc.Para:
    return doc.Para((doc.Run(text),), style)


def start_mark_paras() -> list[doc.Para]:
    """One paragraph per mark that must not start a line, placed right after a full line."""
    marks = sorted(NO_START)
    return [_plain(filler(LINE, i) + m + filler(9, i + 3) + "。") for i, m in enumerate(marks)]


def end_mark_paras() -> list[doc.Para]:
    """One paragraph per mark that must not end a line, placed as the last character of a full line."""
    closing = {"（": "）", "《": "》", "「": "」", "『": "』", "【": "】", "〔": "〕", "〈": "〉", "“": "”", "‘": "’"}
    out = []
    for i, m in enumerate(sorted(NO_END)):
        close = closing.get(m, {"(": ")", "[": "]", "{": "}"}.get(m, "）"))
        out.append(_plain(filler(LINE - 1, i) + m + filler(4, i + 5) + close + filler(6, i) + "。"))
    return out


def unit_paras() -> list[doc.Para]:
    """Numbers, Latin words, —— and …… straddling a line end, at a few offsets each."""
    out = []
    for i, unit in enumerate(UNITS):
        for back in (1, 2):
            out.append(_plain(filler(LINE - back, i) + unit + filler(10, i + 2) + "。"))
    return out


def compression_paras() -> list[doc.Para]:
    """Adjacent full-width marks (。” ）。 》、 ，“) inside lines and at line ends."""
    pairs = ("。”", "）。", "》、", "！”", "，“", "”。", "（《")
    out = []
    for i, pair in enumerate(pairs):
        tail = "汉字》" if pair == "（《" else ""
        text = filler(10, i) + pair + tail + filler(LINE - 12, i) + pair + tail + filler(LINE - 2, i + 1) + "。"
        out.append(_plain(text, "body"))
    return out


def mixed_runs_para() -> doc.Para:
    """Bold runs across a line break, a role-font run, the fallback-only character and literal markup."""
    return doc.Para(
        (
            doc.Run(filler(20)),
            doc.Run("加粗的文字跨过行尾" + filler(12, 3), bold=True),
            doc.Run("，楷体角色的一段文字", role="heading2"),
            doc.Run("，楷体没有粗体就描边加粗", role="heading2", bold=True),
            doc.Run(f"，只有后备字体才有的字：{FALLBACK_CHAR}，"),
            doc.Run("标记原样印出：<b>粗</b> &amp; <font name='x'>，"),
            doc.Run(filler(40, 7) + "。"),
        ),
        "body",
    )


def long_para() -> doc.Para:
    """A body paragraph of about 40 lines, so it must split across pages."""
    sentences = [
        f"第{n}句说明{filler(20, n)}，数字{n * 37 % 1000}.{n % 100:02d}万元，增长{n % 9}.{n % 7}%。" for n in range(60)
    ]
    return _plain("".join(sentences), "body")


def grid_para() -> doc.Para:
    """Pure Han text: every full line holds exactly 28 characters (GB/T 9704 grid)."""
    return _plain(filler(LINE * 4), "plain")


def style_paras() -> list[doc.Block]:
    """Every paragraph style and heading level once."""
    return [
        _plain("文本排版压力测试", "title"),
        _plain("（标点、数字、外文与字体回退）", "subtitle"),
        doc.Heading(0, "第一部分　分段标题", key="part-1"),
        doc.Heading(1, "一、一级标题用黑体", key="h1"),
        doc.Heading(2, "（一）二级标题用楷体", key="h2"),
        doc.Heading(3, "1.三级标题", key="h3"),
        doc.Heading(4, "（1）四级标题", key="h4"),
        _plain("居中的一行", "center"),
        _plain("靠右的一行", "right"),
        _plain("图1　标题说明", "caption"),
        _plain("注：" + filler(60) + "。", "note"),
    ]


def stress_document() -> doc.Document:
    """The whole stress document."""
    blocks: list[doc.Block] = [*style_paras(), grid_para(), mixed_runs_para()]
    sections = (
        ("二、行首禁则", start_mark_paras()),
        ("三、行尾禁则", end_mark_paras()),
        ("四、不可拆分的单元", unit_paras()),
        ("五、标点挤压", compression_paras()),
        ("六、跨页段落", [long_para()]),
    )
    for n, (title, paras) in enumerate(sections):
        blocks.append(doc.Heading(1, title, key=f"s{n}"))
        blocks.extend(paras)
    meta = doc.Metadata(title="文本排版压力测试", author="juesuan-pdf", created=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    return doc.Document(meta, tuple(blocks))


def paragraph_texts(document: doc.Document) -> list[str]:
    """Source text of every paragraph and heading, in order."""
    return [b.text for b in document.blocks if isinstance(b, doc.Para | doc.Heading)]
