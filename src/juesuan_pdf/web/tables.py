"""doc.Table as a real HTML table: caption, `thead` of `th scope`, spans as rowspan/colspan, notes below.

The table sits in a wrapper that scrolls sideways when the table is wider than the screen (a focusable,
named region, so a keyboard user can scroll it too); its text never shrinks to fit. Figures are
right-aligned in tabular figures. Body cells of kind `label` are header cells (the forms of the annexes
carry their labels in the body); the first cell of a body row, when it is text, heads its row.
"""

from __future__ import annotations

from collections.abc import Sequence

from juesuan_pdf import doc
from juesuan_pdf.web.anchors import Slot
from juesuan_pdf.web.dispatch import attr, text, to_html


def grid_columns(rows: Sequence[doc.Row]) -> list[list[int]]:
    """The grid column each cell starts in, placing cells the HTML way (skipping places taken by rowspans)."""
    taken: dict[int, set[int]] = {}
    out: list[list[int]] = []
    for r, row in enumerate(rows):
        col, starts = 0, []
        for cell in row:
            while col in taken.get(r, set()):
                col += 1
            starts.append(col)
            for dr in range(cell.rowspan):
                taken.setdefault(r + dr, set()).update(range(col, col + cell.colspan))
            col += cell.colspan
        out.append(starts)
    return out


def _cell_classes(cell: doc.Cell) -> str:
    classes = ["num" if cell.kind == "money" else "", "b" if cell.bold else ""]
    if cell.resolved_align != ("right" if cell.kind == "money" else "left"):
        classes.append(cell.resolved_align)
    if cell.kind == "label":
        classes.append("label")
    return " ".join(c for c in classes if c)


def text_em(value: str) -> float:
    """The width of `value` on one line in em, roughly: CJK characters 1 em, others half."""
    return sum(1.0 if ord(ch) > 0x2E7F else 0.5 for ch in value)


def min_width(cell: doc.Cell) -> float:
    """A floor for a cell's width in em, so that a narrow screen scrolls the table rather than stacking
    names a character per line: short texts whole, long ones (prose, long names) at a readable measure."""
    if cell.kind == "money" or not cell.text:
        return 0.0
    cap = 4.0 if cell.kind == "label" else 9.0 if text_em(cell.text) < 40 else 14.0
    return min(text_em(cell.text) / max(cell.colspan, 1), cap) + cell.indent


def _cell(cell: doc.Cell, tag: str, scope: str = "", ident: str = "") -> str:
    rules = [f"padding-left:{0.4 + cell.indent:.2f}em" if cell.indent else ""]
    floor = min_width(cell)
    rules.append(f"--w:{floor:.1f}em" if floor > 3 else "")
    style = ";".join(r for r in rules if r)
    return (f"<{tag}{attr('id', ident)}{attr('scope', scope)}{attr('colspan', cell.colspan)}"
            f"{attr('rowspan', cell.rowspan)}{attr('class', _cell_classes(cell))}{attr('style', style)}>"
            f"{text(cell.text)}</{tag}>")


def header_row(row: doc.Row, ids: Sequence[str] = ()) -> str:
    """A header row: every cell a column (or column group) header, but an empty one; `ids` name its first cells."""
    cells = "".join(_cell(c, "th", "colgroup" if c.colspan > 1 else "col", _nth(ids, i)) if c.text
                    else _cell(c, "td", ident=_nth(ids, i)) for i, c in enumerate(row))
    return f"<tr>{cells}</tr>"


def body_row(row: doc.Row, starts: Sequence[int], ids: Sequence[str] = ()) -> str:
    """A body row: labels as header cells, a text cell in the first column as the row's header; `ids`
    name its first cells. An empty label is a plain cell (a header cell must say something)."""
    out = []
    for i, (cell, col) in enumerate(zip(row, starts, strict=True)):
        if cell.kind == "label" and cell.text:
            out.append(_cell(cell, "th", ident=_nth(ids, i)))
        elif col == 0 and cell.kind == "text" and cell.text:
            out.append(_cell(cell, "th", "row", _nth(ids, i)))
        else:
            out.append(_cell(cell, "td", ident=_nth(ids, i)))
    return f"<tr>{''.join(out)}</tr>"


def _nth(ids: Sequence[str], i: int) -> str:
    return ids[i] if i < len(ids) else ""


def _spans(*parts: tuple[str, str]) -> str:
    return "".join(f'<span class="{cls}">{text(value)}</span>' for cls, value in parts if value)


def caption(table: doc.Table, anchor: str) -> str:
    """The table's caption as the PDF sets it: title with the form number at its right, then 部门 | 金额单位."""
    title = _spans(("table-title", table.title), ("form-no", table.form_no))
    meta = _spans(("caption-left", table.caption_left), ("caption-right", table.caption_right))
    if not title and not meta:
        return ""
    lines = "".join(f'<span class="{cls}">{spans}</span>' for cls, spans in (("title-line", title),
                                                                            ("table-meta", meta)) if spans)
    return f'<caption id="{anchor}-caption"><span class="caption-inner">{lines}</span></caption>'


def first_cell_ids(table: doc.Table, anchor: str) -> list[str]:
    """Ids for the first two cells of an untitled table: with the heading before it they name its region
    (two untitled tables under one heading still get different names)."""
    rows = table.header_rows + table.body_rows
    return [f"{anchor}-c{i}" for i in range(min(2, len(rows[0])))] if rows else []


@to_html.register
def _table(table: doc.Table, slot: Slot) -> str:
    cap = caption(table, slot.anchor)
    ids = [] if cap else first_cell_ids(table, slot.anchor)
    head = "".join(header_row(r, ids if i == 0 else ()) for i, r in enumerate(table.header_rows))
    starts = grid_columns(table.header_rows + table.body_rows)[len(table.header_rows):]
    body_ids = ids if not table.header_rows else []
    body = "".join(body_row(r, s, body_ids if i == 0 else ())
                   for i, (r, s) in enumerate(zip(table.body_rows, starts, strict=True)))
    named_by = f"{slot.anchor}-caption" if cap else " ".join(i for i in (slot.label, *ids) if i)
    valign = "valign-middle" if table.valign == "middle" else "valign-top"
    wrap = "table-wrap landscape" if table.landscape else "table-wrap"
    notes = "".join(f'<p class="note">{text(n)}</p>' for n in table.notes)
    return (f'<div class="{wrap}" role="region" tabindex="0"{attr("aria-labelledby", named_by)}>'
            f'<table id="{slot.anchor}" class="{valign}">{cap}'
            f'{f"<thead>{head}</thead>" if head else ""}<tbody>{body}</tbody></table></div>'
            f'{f"<div class=table-notes>{notes}</div>" if notes else ""}')
