"""Fast loading of a TrueType face's character metrics for reportlab (internal, may change).

reportlab's `TTFontFile.extractInfo` reads the cmap, hmtx and loca tables one short integer at a time:
about 0.13 s for each 10–15 MB CJK font (30 000 glyphs), which for the five bundled faces was the
largest single cost of a build. `FastFace` reads the same tables with one `struct.unpack` per table and
builds the very same attributes (`charToGlyph`, `glyphToChar`, `charWidths`, `hmetrics`, `glyphPos`,
`defaultWidth`), so everything reportlab does later (widths, subsetting, embedding) is unchanged; a
test compares both readers on every bundled font. Cmap formats other than 4 and 12 (rare in CJK fonts)
are left to reportlab's own reader.
"""

from __future__ import annotations

import bisect
import mmap
import os
import stat
import struct
from collections.abc import Iterator, MutableMapping, Sequence
from typing import Any, TypeVar, overload

from reportlab.pdfbase.ttfonts import TTFError, TTFontFace

from juesuan_pdf.errors import BuildError

_GlyphChars = tuple[Sequence[int], Sequence[int]]
"""A cmap as two parallel lists: characters and their glyph indices, in table order."""


class FastFace(TTFontFace):  # type: ignore[misc]
    """reportlab's TTFontFace with the character tables read in bulk (same attributes, same values)."""

    _cmap_table: _GlyphChars | None = None
    data: Any = b""
    """The font file's bytes (mapped), as this class reads them; reportlab's reader is handed the same."""

    def __init__(self, filename: str, validate: int = 0, subfontIndex: int = 0) -> None:
        # Map the file instead of reading all of it (10–15 MB for a CJK font): only the tables read here
        # and the glyphs a subset takes are ever touched. reportlab keeps data it finds already loaded in
        # its reader's `_ttf_data`, so the mapping is given to it there (and read back only as `data`).
        try:
            with open(filename, "rb") as f:
                self.data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
            self._ttf_data = self.data
            self.filename = filename
        except (OSError, ValueError):
            pass  # an empty or unreadable file: reportlab's reader gives the error
        super().__init__(filename, validate=validate, subfontIndex=subfontIndex)

    @property
    def glyphToChar(self) -> dict[int, list[int]]:
        """Glyph index → the characters mapped to it (built on first use: only shaping needs it)."""
        # 30 000 one-element lists cost time and, worse, keep the garbage collector busy for the rest of
        # the run; reportlab reads this only when it shapes text with HarfBuzz, which we never ask it to.
        built: dict[int, list[int]] | None = self.__dict__.get("_glyph_to_char")
        if built is None:
            built = {}
            chars, glyphs = self._pairs()
            for char, glyph in zip(chars, glyphs, strict=True):
                built.setdefault(glyph, []).append(char)
            self.__dict__["_glyph_to_char"] = built
        return built

    @glyphToChar.setter
    def glyphToChar(self, value: dict[int, list[int]]) -> None:
        self.__dict__["_glyph_to_char"] = value

    def _pairs(self) -> _GlyphChars:
        """The cmap as (characters, glyphs) in table order (expanded from its groups when it was kept as those)."""
        if self._cmap_table is not None:
            return self._cmap_table
        cmap = self.__dict__.get("charToGlyph")
        return cmap.pairs() if isinstance(cmap, GroupCmap) else ([], [])

    def get_table(self, tag: str) -> Any:
        """A table's bytes; the glyph table as a view that copies only the glyphs sliced from it.

        reportlab's subsetter takes the whole glyf table (10–15 MB) for every 256-glyph subset it
        writes, only to slice the glyphs of the subset out of it.
        """
        if tag == "glyf":
            offset, length = self.get_table_pos(tag)
            return _TableView(self.data, offset, length)
        return super().get_table(tag)

    def extractInfo(self, charInfo: int = 1) -> None:
        """Names and metrics as reportlab reads them; the per-character tables in bulk when possible."""
        # The header tables (name, head, OS/2, post, hhea, maxp) are small: reportlab's reader is kept for
        # them, with all its checks and error messages.
        super().extractInfo(charInfo=0)
        if not charInfo:
            return
        try:
            chars = _read_cmap(self)
            if chars is not None:
                self.charToGlyph, self._cmap_table = chars
                self._read_metrics(self.charToGlyph)
                return
        except (struct.error, KeyError, IndexError, ValueError):
            pass  # a table this reader cannot make sense of: reportlab's reader says what is wrong
        # A cmap format this reader does not handle, or a damaged table: reportlab reads everything.
        super().extractInfo(charInfo)

    def _read_metrics(self, char_to_glyph: MutableMapping[int, int]) -> None:
        """hmtx → hmetrics, charWidths, defaultWidth; loca → glyphPos; the space/no-break-space pair."""
        head = self.get_table("head")
        index_to_loc, glyph_data_format = struct.unpack(">hh", head[50:54])
        if glyph_data_format != 0:
            raise TTFError(f"Unknown glyph data format ({glyph_data_format})")
        n_metrics = struct.unpack(">H", self.get_table("hhea")[34:36])[0]
        if n_metrics == 0:
            raise TTFError("Number of horizontal metrics is 0")
        n_glyphs: int = self.numGlyphs
        if n_glyphs < n_metrics:
            raise ValueError("more metrics than glyphs")
        hmtx = self.get_table("hmtx")
        pairs = struct.unpack(f">{2 * n_metrics}H", hmtx[: 4 * n_metrics])
        # reportlab reads the left side bearings as unsigned shorts too; keep its values exactly.
        tail = struct.unpack(f">{n_glyphs - n_metrics}H", hmtx[4 * n_metrics : 2 * n_metrics + 2 * n_glyphs])
        scaled = self._scaled(pairs[0::2])
        # reportlab gives the glyphs after the last full metric the last advance already scaled to 1/1000 em
        # (in hmetrics too); the same values are kept so the embedded subsets do not change.
        rest = [scaled[-1]] * (n_glyphs - n_metrics)
        self.hmetrics = HMetrics([*pairs[0::2], *rest], [*pairs[1::2], *tail])
        self.defaultWidth = scaled[0]
        if isinstance(char_to_glyph, GroupCmap):
            self.charWidths: MutableMapping[int, float] = GroupWidths(char_to_glyph, scaled + rest)
        else:
            self.charWidths = self._char_widths(char_to_glyph, scaled + rest)
        # A tuple (reportlab only indexes it), which the garbage collector stops walking (see `_read_cmap`).
        self.glyphPos = tuple(_read_loca(self.get_table("loca"), index_to_loc, n_glyphs))
        if 0x20 in char_to_glyph:
            char_to_glyph[0xA0] = char_to_glyph[0x20]
            self.charWidths[0xA0] = self.charWidths[0x20]
        elif 0xA0 in char_to_glyph:
            char_to_glyph[0x20] = char_to_glyph[0xA0]
            self.charWidths[0x20] = self.charWidths[0xA0]

    def _scaled(self, advances: Sequence[int]) -> list[float]:
        """Advances in 1/1000 em, computed as reportlab's `_pdfScale` does (ints kept for 1000 units/em)."""
        if self.unitsPerEm == 1000:
            return list(advances)
        mult = 1000 / self.unitsPerEm
        return [a * mult for a in advances]

    def _char_widths(self, char_to_glyph: MutableMapping[int, int], widths: list[float]) -> dict[int, float]:
        """Character → advance (1/1000 em) of its glyph, for characters whose glyph exists."""
        chars, glyphs = self._cmap_table or ([], [])
        if len(char_to_glyph) != len(chars):
            # A character listed twice: reportlab's rule (the later glyph index wins), literally.
            out: dict[int, float] = {}
            for glyph in sorted(self.glyphToChar):
                if glyph < len(widths):
                    out.update(dict.fromkeys(self.glyphToChar[glyph], widths[glyph]))
            return out
        if max(glyphs, default=0) < len(widths):
            return dict(zip(chars, map(widths.__getitem__, glyphs), strict=True))
        return {c: widths[g] for c, g in char_to_glyph.items() if g < len(widths)}


class _TableView:
    """Slices of one table of a font file, copied only when taken (`view[a:b]` is bytes, as for a table)."""

    def __init__(self, data: Any, offset: int, length: int) -> None:
        self.data, self.offset, self.length = data, offset, length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, index: slice) -> bytes:
        start, stop, step = index.indices(self.length)
        if step != 1:
            raise ValueError("only contiguous slices of a font table are taken")
        return bytes(self.data[self.offset + start : self.offset + max(start, stop)])


class HMetrics(Sequence[tuple[float, int]]):
    """reportlab's `hmetrics` list of (advance, left side bearing) pairs, kept as two lists.

    reportlab only indexes it when it makes a subset; 30 000 pairs made up front would be 30 000 objects
    for the garbage collector to walk for the rest of the run.
    """

    def __init__(self, advances: Sequence[float], bearings: Sequence[int]) -> None:
        # Tuples, which the garbage collector stops walking (see `_read_cmap`).
        self.advances = tuple(advances)
        self.bearings = tuple(bearings)

    def __len__(self) -> int:
        return len(self.advances)

    @overload
    def __getitem__(self, index: int) -> tuple[float, int]: ...

    @overload
    def __getitem__(self, index: slice) -> list[tuple[float, int]]: ...

    def __getitem__(self, index: int | slice) -> tuple[float, int] | list[tuple[float, int]]:
        if isinstance(index, slice):
            return list(zip(self.advances[index], self.bearings[index], strict=True))
        return self.advances[index], self.bearings[index]


def _read_loca(loca: bytes, index_to_loc: int, n_glyphs: int) -> list[int]:
    """Glyph offsets into glyf (n_glyphs + 1 of them)."""
    if index_to_loc == 0:
        return [2 * v for v in struct.unpack(f">{n_glyphs + 1}H", loca[: 2 * (n_glyphs + 1)])]
    if index_to_loc == 1:
        return list(struct.unpack(f">{n_glyphs + 1}L", loca[: 4 * (n_glyphs + 1)]))
    raise TTFError(f"Unknown location table format ({index_to_loc})")


def _cmap_offset(face: Any) -> int | None:
    """Offset in the file of the cmap subtable reportlab picks (the same choice, record by record)."""
    cmap_offset = face.table["cmap"]["offset"]
    data = face.data
    version, count = struct.unpack(">HH", data[cmap_offset : cmap_offset + 4])
    if count == 0 and version != 0:
        count = version
    chosen, enc = None, 0
    for n in range(count):
        platform, encoding, offset = struct.unpack(">HHL", data[cmap_offset + 4 + 8 * n : cmap_offset + 12 + 8 * n])
        if platform == 3 or (platform == 1 and encoding == 1) or (platform == 0 and encoding != 5):
            chosen, enc = offset, 1
        elif platform == 1 and encoding == 0 and enc != 1:
            chosen, enc = offset, 2
    return None if chosen is None else cmap_offset + chosen


def _read_cmap(face: Any) -> tuple[MutableMapping[int, int], _GlyphChars | None] | None:
    """charToGlyph and the (character, glyph) table it came from (None when it is kept as groups, which
    give the same pairs on demand); None for other formats (or no cmap)."""
    offset = _cmap_offset(face)
    if offset is None:
        return None
    data = face.data
    fmt = struct.unpack(">H", data[offset : offset + 2])[0]
    if fmt == 12:
        groups = GroupCmap(*_groups_at(data, offset))
        if groups.is_ordered():
            return groups, None
        chars, glyphs = groups.pairs()
    elif fmt == 4:
        chars, glyphs = _format4(data, offset)
    else:
        return None
    # Kept as tuples: a tuple of ints drops out of the garbage collector's sight after its first pass,
    # while every full pass walks a list's 30 000 items again (some 40 ms for the five faces' tables).
    return dict(zip(chars, glyphs, strict=True)), (tuple(chars), tuple(glyphs))


def _groups_at(data: bytes, offset: int) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """Start codes, end codes and first glyphs of the groups of the format-12 subtable at `offset`."""
    n = struct.unpack(">L", data[offset + 12 : offset + 16])[0]
    flat = struct.unpack(f">{3 * n}L", data[offset + 16 : offset + 16 + 12 * n])
    return flat[0::3], flat[1::3], flat[2::3]


_V = TypeVar("_V")


class _CharTable(MutableMapping[int, _V]):
    """A character → value table read from the font on demand, with what is assigned or deleted since
    kept beside it, as reportlab's dicts would hold it (the no-break space is paired with the space)."""

    def __init__(self) -> None:
        self._extra: dict[int, _V] = {}
        self._removed: set[int] = set()

    def _from_table(self, char: int) -> _V | None:
        """The table's own value for `char`, or None."""
        raise NotImplementedError

    def _table_chars(self) -> Iterator[int]:
        """The characters the table itself holds, in table order."""
        raise NotImplementedError

    def _held(self, char: int) -> _V | None:
        return None if char in self._removed else self._from_table(char)

    def __getitem__(self, char: int) -> _V:
        if char in self._extra:
            return self._extra[char]
        value = self._held(char)
        if value is None:
            raise KeyError(char)
        return value

    def __contains__(self, char: object) -> bool:
        return isinstance(char, int) and (char in self._extra or self._held(char) is not None)

    def __setitem__(self, char: int, value: _V) -> None:
        self._extra[char] = value

    def __delitem__(self, char: int) -> None:
        if char not in self:
            raise KeyError(char)
        self._extra.pop(char, None)
        if self._held(char) is not None:
            self._removed.add(char)

    def __iter__(self) -> Iterator[int]:
        # The order of reportlab's dict: table order, then characters assigned that the table does not hold.
        yield from (c for c in self._table_chars() if c not in self._removed)
        yield from (c for c in self._extra if self._held(c) is None)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class GroupCmap(_CharTable[int]):
    """reportlab's `charToGlyph` (character → glyph index) for a format-12 cmap, looked up in its groups.

    A CJK face maps ~30 000 characters in 1 000–3 500 groups of consecutive characters. Expanding them
    into a dict, and a width dict beside it, cost a cold build ~50 ms for the five faces, while a document
    asks about a couple of thousand characters. A lookup is a bisection in the group starts. Only a table
    whose groups are ordered and do not overlap is kept this way, so each character has one glyph, as in
    the dict reportlab builds (otherwise the pairs are expanded and reportlab's later-wins rule applies).
    """

    def __init__(self, starts: Sequence[int], ends: Sequence[int], firsts: Sequence[int]) -> None:
        super().__init__()
        self.starts, self.ends, self.firsts = tuple(starts), tuple(ends), tuple(firsts)

    def is_ordered(self) -> bool:
        """Whether the groups are in increasing order without overlaps (and each ends after it starts)."""
        starts, ends = self.starts, self.ends
        return all(s <= e for s, e in zip(starts, ends, strict=True)) and all(
            e < s for e, s in zip(ends, starts[1:], strict=False)
        )

    def pairs(self) -> _GlyphChars:
        """Every (character, glyph) of the groups in table order, as two tuples."""
        chars: list[int] = []
        glyphs: list[int] = []
        for start, end, first in zip(self.starts, self.ends, self.firsts, strict=True):
            chars.extend(range(start, end + 1))
            glyphs.extend(range(first, first + end - start + 1))
        return tuple(chars), tuple(glyphs)

    def _from_table(self, char: int) -> int | None:
        k = bisect.bisect_right(self.starts, char) - 1
        if k >= 0 and char <= self.ends[k]:
            return self.firsts[k] + char - self.starts[k]
        return None

    def _table_chars(self) -> Iterator[int]:
        for start, end in zip(self.starts, self.ends, strict=True):
            yield from range(start, end + 1)


class GroupWidths(_CharTable[float]):
    """reportlab's `charWidths` (character → advance in 1/1000 em) over a `GroupCmap` and the glyph widths.

    A character has a width when its glyph is within the width table, as in reportlab's dict. Widths
    come from the cmap's table, as reportlab's are: later changes to charToGlyph do not move a width.
    """

    def __init__(self, cmap: GroupCmap, widths: Sequence[float]) -> None:
        super().__init__()
        self.cmap, self.widths = cmap, widths

    def _from_table(self, char: int) -> float | None:
        glyph = self.cmap._from_table(char)
        return self.widths[glyph] if glyph is not None and glyph < len(self.widths) else None

    def _table_chars(self) -> Iterator[int]:
        n = len(self.widths)
        for start, end, first in zip(self.cmap.starts, self.cmap.ends, self.cmap.firsts, strict=True):
            yield from range(start, min(end, start + n - 1 - first) + 1)


def _format4(data: bytes, offset: int) -> _GlyphChars:
    """Characters and their glyphs of a format-4 subtable, in table order, as reportlab computes them."""
    length = struct.unpack(">H", data[offset + 2 : offset + 4])[0]
    limit = offset + length
    seg_count = struct.unpack(">H", data[offset + 6 : offset + 8])[0] // 2
    base = offset + 14
    ends = struct.unpack(f">{seg_count}H", data[base : base + 2 * seg_count])
    starts = struct.unpack(f">{seg_count}H", data[base + 2 * seg_count + 2 : base + 4 * seg_count + 2])
    deltas = struct.unpack(f">{seg_count}h", data[base + 4 * seg_count + 2 : base + 6 * seg_count + 2])
    range_start = base + 6 * seg_count + 2
    ranges = struct.unpack(f">{seg_count}H", data[range_start : range_start + 2 * seg_count])
    chars: list[int] = []
    glyphs: list[int] = []
    for n in range(seg_count):
        start, end, delta, rng = starts[n], ends[n], deltas[n], ranges[n]
        chars.extend(range(start, end + 1))
        if rng == 0:
            glyphs.extend((c + delta) & 0xFFFF for c in range(start, end + 1))
            continue
        for c in range(start, end + 1):
            at = range_start + 2 * n + (c - start) * 2 + rng
            if at >= limit:  # reportlab's workaround for broken fonts
                glyph = 0
            else:
                glyph = struct.unpack(">H", data[at : at + 2])[0]
                if glyph != 0:
                    glyph = (glyph + delta) & 0xFFFF
            glyphs.append(glyph)
    return chars, glyphs


class Sfnt:
    """The tables of one font in a TrueType/OpenType file or collection, mapped, not read (raw bytes).

    Glyph coverage and the ink of a few marks need one or two tables of a 15 MB file; opening it with
    fontTools costs more than reading them (and importing fontTools more still).
    """

    def __init__(self, path: str, index: int = 0) -> None:
        with open(path, "rb") as f:
            self.data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        start = 0
        if self.data[:4] == b"ttcf":
            count = struct.unpack(">L", self.data[8:12])[0]
            if not 0 <= index < count:
                raise ValueError(f"subfont {index} not in a collection of {count}")
            start = struct.unpack(">L", self.data[12 + 4 * index : 16 + 4 * index])[0]
        n = struct.unpack(">H", self.data[start + 4 : start + 6])[0]
        self.directory: dict[str, tuple[int, int]] = {}
        for k in range(n):
            record = self.data[start + 12 + 16 * k : start + 28 + 16 * k]
            tag, _checksum, offset, length = struct.unpack(">4sLLL", record)
            self.directory[tag.decode("latin-1")] = (offset, length)

    def __contains__(self, tag: str) -> bool:
        return tag in self.directory

    def table(self, tag: str) -> bytes:
        """The raw bytes of table `tag` (KeyError if the font has none)."""
        offset, length = self.directory[tag]
        return self.data[offset : offset + length]


def format12_groups(cmap: bytes) -> list[tuple[int, int, int]] | None:
    """(start code, end code, start glyph) groups of the Unicode format-12 cmap subtable, if there is one."""
    count = struct.unpack(">H", cmap[2:4])[0]
    for i in range(count):
        platform, encoding, offset = struct.unpack(">HHL", cmap[4 + 8 * i : 12 + 8 * i])
        if (platform, encoding) in ((3, 10), (0, 4), (0, 6)) and cmap[offset : offset + 2] == b"\x00\x0c":
            return list(zip(*_groups_at(cmap, offset), strict=True))
    return None


MAX_FONT_BYTES = 256 * 1024 * 1024
"""A font file larger than this is refused (CJK collections are 20–60 MB)."""

MAX_CODE_POINTS = 0x110000
"""What one cmap subtable may claim at most: every Unicode code point once."""

REQUIRED_TABLES = ("cmap", "head", "hhea", "hmtx", "maxp", "loca", "glyf", "name")
"""Tables reportlab reads from every TrueType face."""


class FontFileError(BuildError):
    """A font file that cannot be used; the message says why without quoting the file's contents."""

    def __init__(self, path: str, reason: str, role: str = "") -> None:
        self.path = path
        self.reason = reason
        self.role = role
        whose = f"字体角色 {role} 的" if role else ""
        super().__init__(f"{whose}字体文件“{path}”不能使用：{reason}")


class _Bad(Exception):
    """What is wrong with a font file (its path is added by check_font_file)."""


def check_font_file(path: str | os.PathLike[str], index: int = 0) -> None:
    """Raise FontFileError unless `path` is a complete TrueType (glyf) font whose tables stay in the file.

    Run before layout, so a damaged or wrong file fails at once with a reason, not deep in reportlab
    (struct.error, TTFError after the whole layout) and not by a cmap claiming 2^31 characters.
    """
    name = str(path)
    if "\x00" in name:
        raise FontFileError(name.replace("\x00", "\\x00"), "路径中有空字符（\\u0000）")
    try:
        info = os.stat(name)
        if not stat.S_ISREG(info.st_mode):
            raise FontFileError(name, "不是普通文件（文件夹、设备或管道）")
        if info.st_size > MAX_FONT_BYTES:
            raise FontFileError(name, f"文件过大（超过 {MAX_FONT_BYTES // 2**20} MB），不像字体文件")
        if info.st_size < 12:
            raise FontFileError(name, "文件过短或为空，不是字体文件")
        with open(name, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
            _check_sfnt(data, index)
    except FileNotFoundError:
        raise FontFileError(name, "找不到字体文件") from None
    except OSError as exc:
        raise FontFileError(name, f"无法读取（{exc.strerror or type(exc).__name__}）") from None
    except _Bad as bad:
        raise FontFileError(name, str(bad)) from None
    except (struct.error, ValueError):
        raise FontFileError(name, "文件不完整或已损坏") from None


def _check_sfnt(data: Any, index: int) -> None:
    """The checks of check_font_file on the mapped bytes (struct.error for anything cut short)."""
    size = len(data)
    start = 0
    tag = bytes(data[:4])
    if tag == b"ttcf":
        count = struct.unpack(">L", data[8:12])[0]
        if not 0 <= index < count:
            raise _Bad(f"字体集合中没有第 {index} 个字体（共 {count} 个）")
        start = struct.unpack(">L", data[12 + 4 * index : 16 + 4 * index])[0]
        tag = bytes(data[start : start + 4])
    if tag == b"OTTO":
        raise _Bad("这是 CFF 轮廓的 OpenType（.otf）字体，只支持 TrueType 轮廓（glyf）字体；请换用 TrueType 版本")
    if tag not in (b"\x00\x01\x00\x00", b"true"):
        raise _Bad("不是 TrueType 字体文件（文件开头不是字体的标记）")
    n = struct.unpack(">H", data[start + 4 : start + 6])[0]
    if start + 12 + 16 * n > size:
        raise _Bad("文件不完整（表目录超出文件末尾）")
    tables: dict[str, tuple[int, int]] = {}
    for k in range(n):
        raw_tag, _checksum, offset, length = struct.unpack(">4sLLL", data[start + 12 + 16 * k : start + 28 + 16 * k])
        tables[raw_tag.decode("latin-1")] = (offset, length)
        if offset + length > size:
            raise _Bad(f"文件不完整（第 {k + 1} 个表超出文件末尾；文件可能被截断）")
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if missing:
        raise _Bad(f"缺少字体必需的表：{'、'.join(missing)}")
    _check_metrics(data, tables)
    _check_cmap(data, *tables["cmap"])


def _check_metrics(data: Any, tables: dict[str, tuple[int, int]]) -> None:
    """maxp, hhea, hmtx and loca agree with each other in size (what FastFace and reportlab index)."""
    def table(tag: str) -> bytes:
        offset, length = tables[tag]
        return bytes(data[offset : offset + min(length, 64)])

    n_glyphs = struct.unpack(">H", table("maxp")[4:6])[0]
    n_metrics = struct.unpack(">H", table("hhea")[34:36])[0]
    index_to_loc = struct.unpack(">h", table("head")[50:52])[0]
    if n_metrics == 0 or n_metrics > n_glyphs:
        raise _Bad("水平度量表（hhea）与字形数不符")
    if tables["hmtx"][1] < 4 * n_metrics + 2 * (n_glyphs - n_metrics):
        raise _Bad("水平度量表（hmtx）不完整")
    if index_to_loc not in (0, 1) or tables["loca"][1] < (n_glyphs + 1) * (2 + 2 * index_to_loc):
        raise _Bad("字形位置表（loca）不完整")


def _check_cmap(data: Any, offset: int, length: int) -> None:
    """Every subtable lies inside the cmap table and claims at most MAX_CODE_POINTS characters."""
    end = offset + length
    count = struct.unpack(">H", data[offset + 2 : offset + 4])[0]
    if offset + 4 + 8 * count > end:
        raise _Bad("字符表（cmap）不完整")
    for k in range(count):
        sub = offset + struct.unpack(">L", data[offset + 8 + 8 * k : offset + 12 + 8 * k])[0]
        if sub + 4 > end:
            raise _Bad("字符表（cmap）的子表超出表末尾")
        fmt = struct.unpack(">H", data[sub : sub + 2])[0]
        claimed = 0
        if fmt == 12:
            n = struct.unpack(">L", data[sub + 12 : sub + 16])[0]
            if sub + 16 + 12 * n > end:
                raise _Bad("字符表（cmap）的第 12 格式子表超出表末尾")
            flat = struct.unpack(f">{3 * n}L", data[sub + 16 : sub + 16 + 12 * n])
            claimed = sum(max(flat[i + 1] - flat[i] + 1, 0) for i in range(0, 3 * n, 3))
        elif fmt == 4:
            seg_count = struct.unpack(">H", data[sub + 6 : sub + 8])[0] // 2
            if sub + 16 + 8 * seg_count > end:
                raise _Bad("字符表（cmap）的第 4 格式子表超出表末尾")
            # Overlapping segments could claim 32767 × 65536 characters (the reader expands every one).
            ends = struct.unpack(f">{seg_count}H", data[sub + 14 : sub + 14 + 2 * seg_count])
            starts = struct.unpack(f">{seg_count}H", data[sub + 16 + 2 * seg_count : sub + 16 + 4 * seg_count])
            claimed = sum(max(e - s + 1, 0) for s, e in zip(starts, ends, strict=True))
        if claimed > MAX_CODE_POINTS:
            raise _Bad(f"字符表（cmap）声称有 {claimed} 个字符，超过 Unicode 的全部字符数，文件已损坏")
