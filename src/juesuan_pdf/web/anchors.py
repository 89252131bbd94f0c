"""Reading order and anchors: the document's blocks flattened, each with the id it is linked by (internal)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator

import attrs

from juesuan_pdf import doc

_SAFE = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


@attrs.frozen
class Slot:
    """One block in reading order: its own id ('' when nothing links to it) and the id of the heading before it."""

    block: doc.Block
    anchor: str = ""
    label: str = ""


def flatten(blocks: Iterable[doc.Block]) -> Iterator[doc.Block]:
    """The blocks in reading order, KeepTogether groups opened (a web page has no pages to keep them on)."""
    for block in blocks:
        if isinstance(block, doc.KeepTogether):
            yield from flatten(block.blocks)
        else:
            yield block


def safe_id(key: str) -> str:
    """`key` as an HTML id usable in a URL fragment: itself when plain ASCII, else a short hash of it."""
    if _SAFE.fullmatch(key):
        return key
    return "k" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _own_key(block: doc.Block, index: int) -> str:
    if isinstance(block, doc.Heading):
        return block.key or f"heading-{index}"
    if isinstance(block, doc.Table):
        return block.key or f"table-{index}"
    if isinstance(block, doc.BarChart | doc.PieChart):
        return block.key or f"figure-{index}"
    return ""


def slots(blocks: Iterable[doc.Block]) -> list[Slot]:
    """Every block in reading order with a unique anchor (headings, tables, charts) and its heading's anchor."""
    used: set[str] = set()
    out: list[Slot] = []
    label = ""
    for index, block in enumerate(flatten(blocks)):
        key = _own_key(block, index)
        anchor = _unique(safe_id(key), used) if key else ""
        out.append(Slot(block, anchor, label))
        if isinstance(block, doc.Heading):
            label = anchor
    return out


def _unique(anchor: str, used: set[str]) -> str:
    candidate, n = anchor, 1
    while candidate in used:
        n += 1
        candidate = f"{anchor}-{n}"
    used.add(candidate)
    return candidate
