"""Fonts: the bundled CJK fonts, roles → faces, user and system fonts, registration and glyph coverage.

This module owns which font file sets which kind of text. A `FontSet` maps each role (title, heading0…4,
body, table, caption, page_number) to a `Family` (a regular and an optional bold `Face`). Faces are
registered with reportlab lazily — only when text is actually set in them — and once per process (a cache
keyed by file path and subfont index), under namespaced names (`juesuan.<stem>`), so two documents or two
FontSets never fight over a name.

Coverage (TYPESETTING.md §2: reportlab prints a box for a missing glyph and says nothing): every character is
looked up in its face's cmap (read once per face); a character the face lacks falls back
through the other faces of the set; a character no face has raises `BuildError` naming it and where it occurs.

Only TrueType-outline (glyf) fonts load in reportlab; CFF-based OTF files are refused with a clear message.
"""

from __future__ import annotations

import fnmatch
import functools
import hashlib
import os
import re
import struct
import threading
import weakref
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import attrs
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTEncoding, TTFError, TTFont

from juesuan_pdf.errors import BuildError, MissingGlyphError
from juesuan_pdf.typeset.fontload import FastFace, FontFileError, Sfnt, check_font_file, format12_groups
from juesuan_pdf.typeset.pdfops import pdf_numbers

ROLES: tuple[str, ...] = (
    "title",
    "heading0",
    "heading1",
    "heading2",
    "heading3",
    "heading4",
    "body",
    "table",
    "caption",
    "page_number",
)
"""The kinds of text a document sets, each with its own font."""

NAMESPACE = "juesuan."
"""Prefix of every font name this module registers with reportlab."""


@functools.cache
def bundled_dir() -> Path:
    """The folder holding the bundled fonts: `juesuan_pdf/fonts` in a wheel, `fonts/` in a source checkout."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "fonts", here.parent.parent / "fonts"):
        if (candidate / "NotoSerifSC-Regular.ttf").is_file():
            return candidate
    return here / "fonts"


@functools.lru_cache(maxsize=256)
def _resolved(path: Path) -> str:
    """The absolute, symlink-free form of a path (cached: resolving costs system calls per component)."""
    return str(path.resolve())


@attrs.frozen
class Face:
    """One font: a TrueType file and, for a collection (.ttc), the subfont index. `fake_bold` strokes the glyphs."""

    path: Path = attrs.field(converter=Path)
    index: int = 0
    fake_bold: bool = False

    @property
    def key(self) -> tuple[str, int]:
        """Cache key: the absolute path and subfont index."""
        return (_resolved(self.path), self.index)


@attrs.frozen
class Family:
    """A regular face and a bold one; without a bold face, bold text is the regular face stroked (fake bold)."""

    regular: Face
    bold: Face | None = None

    def face(self, bold: bool) -> Face:
        """The face for regular or bold text."""
        if not bold:
            return self.regular
        return self.bold if self.bold is not None else attrs.evolve(self.regular, fake_bold=True)


def _bundled(name: str) -> Face:
    return Face(bundled_dir() / name)


def default_families() -> dict[str, Family]:
    """The bundled role → family map (SPEC §8): serif for text, sans for 黑体 headings, WenKai for 楷体."""
    serif = Family(_bundled("NotoSerifSC-Regular.ttf"), _bundled("NotoSerifSC-Bold.ttf"))
    sans = Family(_bundled("NotoSansSC-Regular.ttf"), _bundled("NotoSansSC-Bold.ttf"))
    sans_bold = Family(_bundled("NotoSansSC-Bold.ttf"), _bundled("NotoSansSC-Bold.ttf"))
    kai = Family(_bundled("LXGWWenKai-Regular.ttf"))
    # 小标宋 (the heavy Song of 公文 titles) is closest to the serif's bold weight.
    title = Family(_bundled("NotoSerifSC-Bold.ttf"), _bundled("NotoSerifSC-Bold.ttf"))
    families = {role: serif for role in ROLES}
    families.update(title=title, heading0=sans_bold, heading1=sans, heading2=kai)
    return families


# ---------------------------------------------------------------------------------------------------------
# Process-wide caches: a font file is parsed by reportlab, and its cmap read for coverage, at most once per process.

_LOCK = threading.Lock()
_REGISTERED: dict[tuple[str, int], str] = {}


def _font_name(face: Face) -> str:
    """The namespaced reportlab name of a face: the file stem, plus a path hash for non-bundled files."""
    stem = face.path.stem
    suffix = f"-{face.index}" if face.index else ""
    if Path(face.key[0]).parent == Path(_resolved(bundled_dir())):
        return f"{NAMESPACE}{stem}{suffix}"
    digest = hashlib.sha1(face.key[0].encode("utf-8")).hexdigest()[:8]
    return f"{NAMESPACE}{stem}{suffix}.{digest}"


def register(face: Face) -> str:
    """Register `face` with reportlab (once per process) and return its font name."""
    with _LOCK:
        name = _REGISTERED.get(face.key)
        if name is not None:
            return name
        name = _font_name(face)
        pdfmetrics.registerFont(_load_ttf(name, face))
        _REGISTERED[face.key] = name
        return name


class _TTFont(TTFont):  # type: ignore[misc]
    """reportlab's TTFont, with a ToUnicode map that also spells characters beyond U+FFFF.

    reportlab 5.1 writes `<%04X>` for every code point, so 𠮷 (U+20BB7) extracts as ₻ (U+20BB);
    PDF wants the UTF-16BE form, a surrogate pair (ISO 32000-1 §9.10.3). The face is read by
    `fontload.FastFace` (the same metrics as reportlab's reader, several times faster).
    """

    def __init__(self, name: str, filename: str, subfontIndex: int = 0) -> None:
        # TTFont.__init__ of reportlab 5.1, with the bulk reader in place of TTFontFace (a test checks that
        # both give the same attributes).
        self.fontName = name
        self.face = FastFace(filename, validate=0, subfontIndex=subfontIndex)
        self.encoding = TTEncoding()
        self.state: weakref.WeakKeyDictionary[object, TTFont.State] = weakref.WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch.fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)

    def addObjects(self, doc: object) -> None:
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        # Each subset's font object, named by reportlab (its state is dropped once the objects are made).
        names = [self.getSubsetInternalName(n, doc)[1:] for n in range(len(subsets))]
        super().addObjects(doc)
        for name in names:
            # reportlab formats each of a subset's 256 widths afresh when it writes the font; given as
            # the same bytes, remembered, they are copied (see `pdfops.pdf_numbers`).
            widths = doc.idToObject[name].Widths  # type: ignore[attr-defined]
            widths.sequence = pdf_numbers(widths.sequence)
        for n, subset in enumerate(subsets):
            if max(subset, default=0) > 0xFFFF:
                base = b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX)).decode("pdfdoc")
                doc.idToObject["toUnicodeCMap:" + base].content = to_unicode_cmap(base, subset)  # type: ignore[attr-defined]


def to_unicode_cmap(name: str, subset: Sequence[int]) -> str:
    """A ToUnicode CMap for a one-byte subset, with UTF-16BE values (surrogate pairs beyond the BMP)."""
    head = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        f"/CIDSystemInfo\n<< /Registry ({name})\n/Ordering ({name})\n/Supplement 0\n>> def",
        f"/CMapName /{name} def",
        "/CMapType 2 def",
        f"1 begincodespacerange\n<00> <{len(subset) - 1:02X}>\nendcodespacerange",
        f"{len(subset)} beginbfchar",
    ]
    chars = [f"<{i:02X}> <{chr(cp).encode('utf-16-be', 'surrogatepass').hex().upper()}>" for i, cp in enumerate(subset)]
    tail = ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(head + chars + tail)


def _load_ttf(name: str, face: Face) -> TTFont:
    """reportlab's TTFont for `face`, with a Chinese BuildError when the file cannot be used."""
    _checked(face.key)
    try:
        return _TTFont(name, str(face.path), subfontIndex=face.index)
    except TTFError as exc:
        raise BuildError(
            f"无法使用字体文件 {face.path}（子字体 {face.index}）：{exc}。"
            "只支持 TrueType 轮廓（glyf）字体；CFF/OpenType（.otf）字体请换用 TrueType 版本。"
        ) from exc


@functools.cache
def _sfnt(key: tuple[str, int]) -> Sfnt:
    """The tables of a face's font (mapped once per process), after checking the file is a sound font."""
    _checked(key)
    return Sfnt(*key)


@functools.cache
def _checked(key: tuple[str, int]) -> None:
    """Check a font file once per process (its tables are mapped once per process too)."""
    check_font_file(*key)


_CODE_POINTS = 0x110000


@functools.cache
def _cmap(key: tuple[str, int]) -> bytearray:
    """Which code points a font file maps to glyphs, as one byte per code point (1: mapped), read once per
    face and only for faces actually consulted.

    Read straight from the format-12 groups: fontTools' full decompile builds a 30 000-entry glyph-name
    dict (about 1 s per CJK font); coverage only needs the code points. Fonts without a format-12 subtable
    (BMP-only fonts) are read with fontTools. A byte map, not a set or dict: each group is one slice
    assignment, a lookup (`map(cmap.__getitem__, …)`) runs at C speed, and the garbage collector never
    walks it.
    """
    path, index = key
    mapped = bytearray(_CODE_POINTS)
    try:
        groups = format12_groups(_sfnt(key).table("cmap"))
        if groups is None:
            from fontTools.ttLib import TTFont as FTFont

            points = FTFont(path, fontNumber=index, lazy=True).getBestCmap() or {}
            groups = [(cp, cp, 0) for cp in points]
    except BuildError:
        raise
    except Exception as exc:  # a broken file fails in many ways
        raise BuildError(f"无法读取字体文件 {path} 的字符表：{exc}") from exc
    for start, end, _ in groups:
        end = min(end, _CODE_POINTS - 1)  # a group past the last code point maps nothing there
        if start <= end:
            mapped[start : end + 1] = b"\x01" * (end + 1 - start)
    return mapped


def covers(face: Face, char: str) -> bool:
    """Whether `face` has a glyph for `char`."""
    return bool(_cmap(face.key)[ord(char)])


@functools.lru_cache(maxsize=256)
def ink_extent(face: Face, char: str) -> tuple[float, float, float] | None:
    """(ink left, ink right, advance) of `char`'s glyph in em, or None when the font does not say.

    Read straight from the cmap, head, hhea, hmtx, loca and glyf tables for one glyph: the paragraph
    needs it only for the few marks whose glyphs must join (the two halves of a 破折号 ——).
    """
    font = _sfnt(face.key)
    gid = _glyph_id(face.key, ord(char))
    if gid is None or "glyf" not in font:
        return None
    head, hhea, hmtx = font.table("head"), font.table("hhea"), font.table("hmtx")
    upem, loc_format = struct.unpack(">H", head[18:20])[0], struct.unpack(">h", head[50:52])[0]
    n_metrics = struct.unpack(">H", hhea[34:36])[0]
    advance = struct.unpack(">H", hmtx[4 * min(gid, n_metrics - 1) : 4 * min(gid, n_metrics - 1) + 2])[0]
    loca = font.table("loca")
    size, scale, fmt = (4, 1, ">I") if loc_format else (2, 2, ">H")
    start, end = (struct.unpack(fmt, loca[size * k : size * k + size])[0] * scale for k in (gid, gid + 1))
    if end - start < 10:
        return None  # an empty glyph (a space) has no ink
    header = font.table("glyf")[start : start + 10]
    _contours, x_min, _y_min, x_max, _y_max = struct.unpack(">hhhhh", header)
    return x_min / upem, x_max / upem, advance / upem


def _glyph_id(key: tuple[str, int], codepoint: int) -> int | None:
    """The glyph index of `codepoint` from the format-12 cmap groups (fontTools' full cmap otherwise)."""
    groups = format12_groups(_sfnt(key).table("cmap"))
    if groups is not None:
        for start, end, glyph in groups:
            if start <= codepoint <= end:
                return glyph + codepoint - start
        return None
    from fontTools.ttLib import TTFont as FTFont

    font = FTFont(key[0], fontNumber=key[1], lazy=True)
    name = (font.getBestCmap() or {}).get(codepoint)
    return None if name is None else int(font.getGlyphID(name))


@functools.lru_cache(maxsize=65536)
def _advance_1000(name: str, char: str) -> float:
    """A character's advance in 1/1000 em in the registered font `name`.

    For a TrueType font it is read from the face's width table as reportlab's `stringWidth` reads it
    (for one character at 1000: 0.001 × 1000 = 1.0 times the width, to the bit), without the dispatch
    `stringWidth` costs: the first use of every character in a process asks for it.
    """
    font = pdfmetrics.getFont(name)
    if isinstance(font, TTFont) and len(char) == 1:
        return float(font.face.charWidths.get(ord(char), font.face.defaultWidth))
    return float(pdfmetrics.stringWidth(char, name, 1000.0))


def advance(name: str, char: str, size: float) -> float:
    """A character's advance in pt at `size` in the registered font `name`."""
    return _advance_1000(name, char) * size / 1000.0


# ---------------------------------------------------------------------------------------------------------
# System fonts by name.


def system_font_dirs() -> list[Path]:
    """Font folders of Windows, macOS and Linux (those that exist on this machine)."""
    home = Path.home()
    dirs = [
        Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts",
        Path(os.environ.get("LOCALAPPDATA", str(home))) / "Microsoft" / "Windows" / "Fonts",
        Path("/System/Library/Fonts"),
        Path("/System/Library/Fonts/Supplemental"),
        Path("/Library/Fonts"),
        home / "Library" / "Fonts",
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local" / "share" / "fonts",
        home / ".fonts",
    ]
    return [d for d in dirs if d.is_dir()]


ALIASES: Mapping[str, tuple[str, ...]] = {
    "仿宋": ("simfang", "FangSong_GB2312", "STFangsong", "Fangsong"),
    "仿宋_gb2312": ("FangSong_GB2312", "simfang", "仿宋_GB2312"),
    "宋体": ("simsun", "Songti", "STSong"),
    "黑体": ("simhei", "STHeiti Medium", "STHeiti"),
    "楷体": ("simkai", "KaiTi_GB2312", "STKaiti", "Kaiti"),
    "楷体_gb2312": ("KaiTi_GB2312", "simkai", "楷体_GB2312"),
    "方正小标宋": ("FZXBSJW", "方正小标宋简体", "FZXiaoBiaoSong-B05S"),
    "方正小标宋简体": ("FZXBSJW", "方正小标宋简体", "FZXiaoBiaoSong-B05S"),
}
"""Common Chinese font names → file stems or family names they are installed under."""

FONT_SUFFIXES = (".ttf", ".ttc", ".otf")


def _font_files(dirs: Sequence[Path]) -> Iterator[Path]:
    for d in dirs:
        for path in sorted(d.rglob("*")):
            if path.suffix.lower() in FONT_SUFFIXES and path.is_file():
                yield path


@functools.lru_cache(maxsize=4096)
def _names(path: Path) -> tuple[tuple[int, frozenset[str], frozenset[str], bool], ...]:
    """Per font in a file: (subfont index, full/PostScript names, family names, is-regular), lower-cased."""
    from fontTools.ttLib import TTCollection
    from fontTools.ttLib import TTFont as FTFont

    count = 1
    if path.suffix.lower() == ".ttc":
        count = len(TTCollection(str(path), lazy=True).fonts)
    out = []
    for index in range(count):
        records = FTFont(str(path), fontNumber=index, lazy=True)["name"].names
        by_id: dict[int, set[str]] = {}
        for rec in records:
            by_id.setdefault(rec.nameID, set()).add(rec.toUnicode().lower())
        full = frozenset(by_id.get(4, set()) | by_id.get(6, set()))
        family = frozenset(by_id.get(1, set()) | by_id.get(16, set()))
        regular = bool(by_id.get(2, set()) & {"regular", "book", "normal", "roman", "常规"})
        out.append((index, full, family, regular))
    return tuple(out)


def _match_score(path: Path, wanted: set[str]) -> tuple[int, int]:
    """(score, subfont index): 3 full or PostScript name, 2 family name of the regular face, 1 other face."""
    best = (0, 0)
    for index, full, family, regular in _names(path):
        score = 3 if full & wanted else (2 if regular else 1) if family & wanted else 0
        best = max(best, (score, -index))
    return best[0], -best[1]


def find_system_font(name: str, dirs: Sequence[Path] | None = None) -> Face | None:
    """The installed font called `name`: file stem, full/PostScript/family name, or a common Chinese name."""
    folders = system_font_dirs() if dirs is None else list(dirs)
    wanted = {name.lower(), *(a.lower() for a in ALIASES.get(name.lower(), ()))}
    files = list(_font_files(folders))
    for path in files:
        if path.stem.lower() in wanted:
            return Face(path)
    best: tuple[int, Face | None] = (0, None)
    for path in files:
        try:
            score, index = _match_score(path, wanted)
        except Exception:  # an unreadable file in a system folder is not our problem; skip it
            continue
        if score > best[0]:
            best = (score, Face(path, index))
    return best[1]


# ---------------------------------------------------------------------------------------------------------
# The font set.

FontSpec = Face | Family | str | os.PathLike[str] | tuple[str | os.PathLike[str], int]
"""What a user may give for a role: a Face/Family, a path, (path, subfont index), or an installed font's name."""


def to_face(spec: str | os.PathLike[str] | tuple[str | os.PathLike[str], int] | Face) -> Face:
    """A Face from a path, "path.ttc#1" (subfont 1 of a collection), (path, index), Face, or a system font name."""
    if isinstance(spec, Face):
        return spec
    if isinstance(spec, tuple):
        return Face(Path(spec[0]), spec[1])
    indexed = re.fullmatch(r"(.+\.tt[cf])#(\d+)", str(spec), flags=re.IGNORECASE)
    if indexed:  # a data file can only hold strings, so a collection's subfont rides on the path
        return Face(Path(indexed.group(1)), int(indexed.group(2)))
    path = Path(spec)
    if path.suffix.lower() in FONT_SUFFIXES or path.exists():
        return Face(path)
    found = find_system_font(str(spec))
    if found is None:
        raise BuildError(f"找不到字体“{spec}”：请给出字体文件路径，或安装该字体。")
    return found


def to_family(spec: FontSpec) -> Family:
    """A Family from any FontSpec (a single face gets fake bold)."""
    return spec if isinstance(spec, Family) else Family(to_face(spec))


@attrs.frozen
class Segment:
    """A stretch of text set in one face."""

    text: str
    face: Face


class FontSet:
    """Role → font family map with fallback: `FontSet({"body": "/path/仿宋_GB2312.ttf"})`.

    Keys of `overrides` are roles; `"<role>.bold"` sets only the bold face of a role. Faces not listed
    fall back in this order: the role's own family, then the other families of the set (bundled serif,
    sans, WenKai and the user's), bold faces first for bold text.
    """

    def __init__(self, overrides: Mapping[str, FontSpec] | None = None) -> None:
        families = default_families()
        for key, spec in (overrides or {}).items():
            role, _, variant = key.partition(".")
            if role not in ROLES or variant not in ("", "bold"):
                raise BuildError(f"未知的字体角色“{key}”；可用：{'、'.join(ROLES)}（加 .bold 指定粗体）")
            if variant == "bold":
                families[role] = attrs.evolve(families[role], bold=to_face(spec))  # type: ignore[arg-type]
            else:
                families[role] = to_family(spec)
            # A damaged or wrong file fails here, naming its role, not after the whole layout.
            family = families[role]
            for face in (family.regular, family.bold) if family.bold else (family.regular,):
                try:
                    check_font_file(face.path, face.index)
                except FontFileError as exc:
                    raise FontFileError(exc.path, exc.reason, key) from None
        self.families: Mapping[str, Family] = families
        # Shaping asks for the same texts and characters over and over (table labels, figures).
        self._orders: dict[tuple[str, bool], _Fallbacks] = {}
        self._segments: dict[tuple[str, str, bool], tuple[Segment, ...]] = {}

    def face(self, role: str, bold: bool = False) -> Face:
        """The face that sets `role` text (regular or bold)."""
        family = self.families.get(role)
        if family is None:
            raise BuildError(f"未知的字体角色“{role}”；可用：{'、'.join(ROLES)}")
        return family.face(bold)

    def font_name(self, role: str, bold: bool = False) -> str:
        """The registered reportlab font name for `role` (registers the face on first use)."""
        return register(self.face(role, bold))

    def fallbacks(self, role: str, bold: bool) -> list[Face]:
        """Faces tried for a character, in order: the role's, then every other face of the set."""
        own = self.face(role, bold)
        order = [own]
        for weight in (bold, not bold):
            for family in self.families.values():
                face = family.face(weight)
                if face not in order and face.key != own.key:
                    order.append(face)
        return order

    def segments(self, text: str, role: str, bold: bool = False) -> list[Segment]:
        """`text` cut into runs of one face each; raises BuildError for characters no face has."""
        key = (text, role, bold)
        known = self._segments.get(key)
        if known is None:
            known = self._segments[key] = tuple(self._cut(text, role, bold))
        return list(known)

    def _cut(self, text: str, role: str, bold: bool) -> list[Segment]:
        """The segments of `text` (uncached)."""
        order = self._order(role, bold)
        first = order.faces[0]
        if all(map(_cmap(first.key).__getitem__, map(ord, text.replace("\n", "")))):
            return [Segment(text, first)] if text else []  # the common case, checked at C speed
        picks = [order.pick(ch) for ch in text]
        missing = [ch for ch, i in zip(text, picks, strict=True) if i is None]
        if missing:
            raise MissingGlyphError(missing_message([(text, missing)]), tuple(dict.fromkeys(missing)))
        found = [i for i in picks if i is not None]
        out: list[Segment] = []
        start = 0
        for i in range(1, len(found) + 1):
            if i == len(found) or found[i] != found[start]:
                out.append(Segment(text[start:i], order.faces[found[start]]))
                start = i
        return out

    def _order(self, role: str, bold: bool) -> _Fallbacks:
        """The fallback faces of a role, with what each character picked (made once per role and weight)."""
        order = self._orders.get((role, bold))
        if order is None:
            order = self._orders[(role, bold)] = _Fallbacks(self.fallbacks(role, bold))
        return order

    def glyph_font(self, face: Face) -> str:
        """The registered font name glyphs of `face` carry (layout's `Fonts` protocol)."""
        return register(face)

    @staticmethod
    def advance(font: str, char: str, size: float) -> float:
        """A character's advance in pt at `size` in the registered font `font`."""
        return _advance_1000(font, char) * size / 1000.0

    @staticmethod
    def join_gap(face: Face, char: str) -> float:
        """The blank between two copies of `char` set side by side (right plus left side bearing), in em.

        CJK fonts draw U+2014 proportionally (Noto: ink 0.04–0.85 of a 0.89 em advance), so —— would show
        a break in the middle; pulling the second half back by the side bearings joins them.
        """
        extent = ink_extent(face, char)
        if extent is None:
            return 0.0
        left, right, adv = extent
        return max(0.0, (adv - right) + left)

    def check(self, texts: Iterable[tuple[str, str, bool]]) -> None:
        """Check (text, role, bold) triples before layout; one BuildError lists every uncovered character."""
        problems: list[tuple[str, list[str]]] = []
        for text, role, bold in texts:
            order = self._order(role, bold)
            missing = [ch for ch in text if order.pick(ch) is None]
            if missing:
                problems.append((text, missing))
        if problems:
            chars = tuple(dict.fromkeys(ch for _, missing in problems for ch in missing))
            raise MissingGlyphError(missing_message(problems), chars)


    def covering_face(self, text: str, role: str, bold: bool = False) -> Face | None:
        """The first face of `role`'s fallback order that has every character of `text` (None if none has)."""
        needed = set(text)
        return next((face for face in self.fallbacks(role, bold) if all(covers(face, ch) for ch in needed)), None)


class _Fallbacks:
    """Faces tried in order for one role and weight, and the index each character picked (remembered)."""

    def __init__(self, faces: Sequence[Face]) -> None:
        self.faces = list(faces)
        self._picks: dict[str, int | None] = {}

    def pick(self, ch: str) -> int | None:
        """Index in `faces` of the first face with a glyph for `ch` (a newline takes the first face)."""
        try:
            return self._picks[ch]
        except KeyError:
            face = _first_covering(self.faces, ch)
            pick = self._picks[ch] = None if face is None else self.faces.index(face)
            return pick


def _first_covering(order: Sequence[Face], ch: str) -> Face | None:
    """The first face in `order` with a glyph for `ch`; a newline needs none (it is never drawn)."""
    if ch == "\n":
        return order[0]
    return next((face for face in order if covers(face, ch)), None)


def _describe(ch: str) -> str:
    return f"“{ch}”(U+{ord(ch):04X})"


def _excerpt(text: str, ch: str, radius: int = 12) -> str:
    i = text.find(ch)
    start, end = max(0, i - radius), min(len(text), i + len(ch) + radius)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def missing_message(problems: Sequence[tuple[str, Sequence[str]]]) -> str:
    """Chinese message listing characters no font has and an excerpt of the text around each."""
    chars = list(dict.fromkeys(ch for _, missing in problems for ch in missing))
    lines = [f"以下字符在所有可用字体中都没有字形，无法排版：{'、'.join(_describe(c) for c in chars)}"]
    for text, missing in problems:
        for ch in dict.fromkeys(missing):
            lines.append(f"  {_describe(ch)} 出现在：{_excerpt(text, ch)}")
    lines.append("请改用常见字符，或为相应角色指定包含这些字符的字体文件。")
    return "\n".join(lines)
