"""Finding a table's columns by the words of their headers (internal, may change)."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from juesuan_pdf.workbook.locate import Located
from juesuan_pdf.workbook.read import WorkbookError


@attrs.frozen
class Spec:
    """A column wanted: its field name, words its header path must contain, words it must not contain.

    `last` words must be the header's lowest cell exactly (小计 is in many paths; 基本支出 is not 基本支出合计).
    """

    field: str
    words: tuple[str, ...] = ()
    last: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    required: bool = True

    def matches(self, path: tuple[str, ...]) -> bool:
        """Whether a column's header path is this column."""
        if not path:
            return False
        joined = "".join(path)
        return (
            all(w in joined for w in self.words)
            and (not self.last or path[-1] in self.last)
            and not any(w in joined for w in self.avoid)
        )


def find_columns(table: Located, specs: Sequence[Spec], among: Sequence[int] | None = None) -> dict[str, int]:
    """Field → column for each spec (the leftmost matching column not taken yet); a missing required
    column is an error naming the table and the words looked for."""
    columns = among if among is not None else range(len(table.paths))
    found: dict[str, int] = {}
    for spec in specs:
        if spec.field in found:
            continue
        col = next((c for c in columns if c not in found.values() and spec.matches(table.paths[c])), None)
        if col is not None:
            found[spec.field] = col
        elif spec.required:
            words = "·".join(spec.words + spec.last)
            first = table.header.start + 1
            raise WorkbookError(f"{table.label}：表头（第{first}行起）中找不到“{words}”列")
    return found


def columns_with(table: Located, last: Sequence[str]) -> list[int]:
    """The columns whose lowest header cell is one of `last`, left to right."""
    return [c for c, path in enumerate(table.paths) if path and path[-1] in last]
