"""Text blocks as HTML: cover, contents, headings, paragraphs, breaks and spacers.

Headings map by level: the cover's title is the page's one `h1`, a part (level 0) is `h2`, 一、 is `h3`,
（一） is `h4`, 1. is `h5` and （1） below is `h6`.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from juesuan_pdf import doc
from juesuan_pdf.web.anchors import Slot
from juesuan_pdf.web.dispatch import attr, text, to_html


def heading_tag(level: int) -> str:
    """The HTML element of a heading level: part → h2 … deeper than （1） → h6."""
    return f"h{min(max(level, 0) + 2, 6)}"


@to_html.register
def _heading(block: doc.Heading, slot: Slot) -> str:
    tag = heading_tag(block.level)
    classes = " ".join(c for c in ("centered" if block.centered else "",
                                   "break-before" if block.page_break_before else "") if c)
    return f"<{tag}{attr('id', slot.anchor)}{attr('class', classes)}>{text(block.text)}</{tag}>"


def runs_html(runs: Sequence[doc.Run]) -> str:
    """A paragraph's runs: bold as `strong`, a font role as a class."""
    out = []
    for run in runs:
        piece = text(run.text)
        if run.bold:
            piece = f"<strong>{piece}</strong>"
        if run.role:
            piece = f'<span class="role-{text(run.role)}">{piece}</span>'
        out.append(piece)
    return "".join(out)


@to_html.register
def _para(block: doc.Para, slot: Slot) -> str:
    return f'<p class="{block.style}">{runs_html(block.runs)}</p>'


@to_html.register
def _page_break(block: doc.PageBreak, slot: Slot) -> str:
    return '<div class="page-break" aria-hidden="true"></div>'


@to_html.register
def _spacer(block: doc.Spacer, slot: Slot) -> str:
    return f'<div class="spacer" aria-hidden="true" style="height:{block.lines * 1.8:.2f}em"></div>'


@to_html.register
def _cover(block: doc.Cover, slot: Slot) -> str:
    title = "<br>".join(text(line) for line in block.title_lines)
    lower = "".join(f"<p>{text(line)}</p>" for line in block.lower_lines)
    return f'<header class="cover"><h1>{title}</h1>{lower}</header>'


@attrs.frozen
class Entry:
    """One contents entry: level, label and the anchor it links to."""

    level: int
    text: str
    anchor: str


def contents_entries(all_slots: Sequence[Slot], levels: int) -> list[Entry]:
    """The contents as the PDF lists them: headings marked for it, and tables with a bookmark of their
    own one level below the heading before them, down to `levels`."""
    out: list[Entry] = []
    level = 0
    for slot in all_slots:
        level, entry = doc.contents_entry(slot.block, level, levels)
        if entry is not None:
            out.append(Entry(*entry, slot.anchor))
    return out


def contents_list(entries: Sequence[Entry]) -> str:
    """Nested lists of links, one list level per heading level."""
    out: list[str] = []
    depth = -1
    for entry in entries:
        level = max(entry.level, 0)
        if level > depth:
            out += ["<ul><li>"] * (level - depth) if depth >= 0 else ["<ul><li>"] + ["<ul><li>"] * level
        else:
            out += ["</li></ul>"] * (depth - level) + ["</li><li>"]
        depth = level
        out.append(f'<a href="#{text(entry.anchor)}">{text(entry.text)}</a>')
    out += ["</li></ul>"] * (depth + 1)
    return "".join(out)


def contents_html(block: doc.TableOfContents, all_slots: Sequence[Slot]) -> str:
    """The contents as a `nav` of links to every listed heading and table."""
    entries = contents_entries(all_slots, block.levels)
    return (f'<nav class="contents" aria-labelledby="contents-title">'
            f'<h2 id="contents-title">{text(block.title)}</h2>{contents_list(entries)}</nav>')
