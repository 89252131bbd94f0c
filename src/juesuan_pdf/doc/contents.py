"""The contents rule, shared by the PDF's contents page and the web page's contents list."""

from juesuan_pdf.doc.blocks import Block, Heading
from juesuan_pdf.doc.table import Table


def entry_label(text: str) -> str:
    """A heading as its contents and outline entry: a label, not a sentence, so no closing full stop."""
    return text.rstrip("。")


def contents_entry(block: Block, level: int, levels: int) -> tuple[int, tuple[int, str] | None]:
    """One step of reading the contents off the blocks in order.

    `level` is the level of the last heading in the outline before `block`; returns that level after
    `block`, and `block`'s contents entry (level, label) if it has one: a heading marked for the contents,
    or a table with a bookmark of its own (one level below the heading before it), of level ≤ `levels`.
    """
    if isinstance(block, Heading):
        level = block.level if block.outline else level
        if block.toc and block.level <= levels:
            return level, (block.level, entry_label(block.text))
    elif isinstance(block, Table) and block.outline_text and level + 1 <= levels:
        return level, (level + 1, block.outline_text)
    return level, None
