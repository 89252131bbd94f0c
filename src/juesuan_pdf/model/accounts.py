"""The classification code table: functional 类/款/项 and economic 类/款 codes with their names.

The table is versioned data (`juesuan_pdf/data/classification/<year>.toml`), loaded once per year by
`load_code_table`. A year without its own file uses the nearest year's table. Names in the
tables, the sentences of 第二部分 and the glossary all come from here; the checker validates codes
against it.

Functional codes (支出功能分类): 类 3 digits (208), 款 5 (20801), 项 7 (2080101).
Economic codes (部门预算支出经济分类): 类 3 digits (301), 款 5 (30101).

>>> table = load_code_table(2023)
>>> table.full_name("2080101")
'社会保障和就业支出（类）人力资源和社会保障管理事务（款）行政运行（项）'
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from enum import IntEnum
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from juesuan_pdf.errors import JuesuanError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

_DATA_PACKAGE = "juesuan_pdf"
_DATA_DIR = ("data", "classification")
_CODE_RE = re.compile(r"[0-9]{3}(?:[0-9]{2}(?:[0-9]{2})?)?")
_FUNCTIONAL_LENGTHS = {3: 1, 5: 2, 7: 3}
_ECONOMIC_LENGTHS = {3: 1, 5: 2}


class Level(IntEnum):
    """The level of a classification code: 类 (1), 款 (2), 项 (3). Usable as an indent depth."""

    LEI = 1
    KUAN = 2
    XIANG = 3

    @property
    def label(self) -> str:
        """The Chinese level word: 类, 款 or 项."""
        return "类款项"[self.value - 1]


class UnknownCodeError(JuesuanError, LookupError):
    """A code the year's code table does not list."""


class UnknownYearError(JuesuanError, LookupError):
    """No code table is shipped at all (the package data is missing)."""


UNNAMED = "（科目表无此科目）"
"""The visible name of a code neither the table nor the data file names (only a forced build prints it)."""


def is_functional(code: str) -> bool:
    """Whether `code` is a 支出功能分类 code (they begin with 2; 部门预算支出经济分类 codes begin with 3)."""
    return code.startswith("2")


def is_well_formed(code: str) -> bool:
    """Whether `code` is 3, 5 or 7 ASCII digits (the shape of any classification code)."""
    return _CODE_RE.fullmatch(code) is not None


def level(code: str) -> Level:
    """The level of a functional or economic code from its length (3 → 类, 5 → 款, 7 → 项)."""
    if not is_well_formed(code):
        raise ValueError(f"科目代码格式不正确：{code!r}（应为3、5或7位数字）")
    return Level(_FUNCTIONAL_LENGTHS[len(code)])


def parent(code: str) -> str | None:
    """The code one level up (2080101 → 20801 → 208 → None)."""
    lv = level(code)
    return None if lv is Level.LEI else code[: 3 + 2 * (lv - 2)]


@functools.lru_cache(maxsize=8192)  # pure, and asked for each line's code by every table and sentence
def ancestors(code: str) -> tuple[str, ...]:
    """The codes from the 类 down to `code` itself (2080101 → 208, 20801, 2080101)."""
    chain = [code]
    up = parent(code)
    while up is not None:
        chain.append(up)
        up = parent(up)
    return tuple(reversed(chain))


def _frozen_map(raw: Mapping[str, Any]) -> Mapping[str, str]:
    return MappingProxyType({str(k): str(v) for k, v in raw.items()})


@attrs.frozen
class ThreePublicCodes:
    """The economic codes of the 三公 components (因公出国（境）费, 公务用车运行维护/购置费, 公务接待费)."""

    outbound: str
    vehicle_running: str
    vehicle_purchase: str
    reception: str


@attrs.frozen
class CodeTable:
    """One year's 政府收支分类 code table (functional and economic), with lookups and validation."""

    year: int
    source: str
    functional: Mapping[str, str]
    economic: Mapping[str, str]
    statement_classes: tuple[str, ...]
    personnel_classes: tuple[str, ...]
    public_classes: tuple[str, ...]
    three_public: ThreePublicCodes
    uncertain_functional: frozenset[str] = frozenset()
    uncertain_economic: frozenset[str] = frozenset()
    former_names: Mapping[str, tuple[str, ...]] = attrs.field(factory=lambda: MappingProxyType({}))

    # ---------------------------------------------------------------- names
    def functional_name(self, code: str) -> str:
        """The name of a functional 类/款/项 (2080101 → 行政运行)."""
        try:
            return self.functional[code]
        except KeyError:
            raise UnknownCodeError(f"{self.year}年科目表中没有功能分类科目 {code}") from None

    def economic_name(self, code: str) -> str:
        """The name of an economic 类/款 (30101 → 基本工资)."""
        try:
            return self.economic[code]
        except KeyError:
            raise UnknownCodeError(f"{self.year}年科目表中没有经济分类科目 {code}") from None

    def full_name(self, code: str) -> str:
        """The account as the document writes it: `{类}（类）{款}（款）{项}（项）` (down to `code`'s level)."""
        return "".join(f"{self.functional_name(c)}（{level(c).label}）" for c in ancestors(code))

    def with_names(self, functional: Mapping[str, str], economic: Mapping[str, str]) -> CodeTable:
        """This table plus names for the codes it lacks (a data file's own names); the table's names win."""
        if not functional and not economic:
            return self
        return attrs.evolve(
            self,
            functional=MappingProxyType({**functional, **self.functional}),
            economic=MappingProxyType({**economic, **self.economic}),
        )

    def nearest(self, code: str, functional: bool, count: int = 5) -> tuple[str, ...]:
        """Listed codes close to an unlisted `code`: its siblings under the same parent, else the numerically
        closest codes of its level; each as `code name`, in code order."""
        names = self.functional if functional else self.economic
        up = parent(code) if is_well_formed(code) else None
        pool = [c for c in names if len(c) == len(code) and c != code]
        siblings = [c for c in pool if up is not None and c.startswith(up)]
        chosen = siblings or pool
        if not code.isdigit():
            return ()
        ranked = sorted(chosen, key=lambda c: (abs(int(c) - int(code)), c))[:count]
        return tuple(f"{c} {names[c]}" for c in sorted(ranked))

    def same_name(self, code: str, name: str, functional: bool) -> tuple[str, ...]:
        """Listed codes of `code`'s level and 类 that carry `name` (a code typed wrong but named right)."""
        names = self.functional if functional else self.economic
        return tuple(sorted(c for c, n in names.items() if n == name and len(c) == len(code) and c[:3] == code[:3]))

    # ---------------------------------------------------------------- tree
    def level(self, code: str) -> Level:
        """The level of `code` (类, 款 or 项)."""
        return level(code)

    def parent(self, code: str) -> str | None:
        """The code one level up, or None for a 类."""
        return parent(code)

    def functional_children(self, code: str) -> tuple[str, ...]:
        """The listed functional codes one level below `code`, in code order."""
        return _children(self.functional, code, max_len=7)

    def economic_children(self, code: str) -> tuple[str, ...]:
        """The listed economic 款 under an economic 类, in code order."""
        return _children(self.economic, code, max_len=5)

    def economic_classes(self) -> tuple[str, ...]:
        """All economic 类 codes, in code order."""
        return tuple(sorted(c for c in self.economic if len(c) == 3))

    def functional_classes(self) -> tuple[str, ...]:
        """All functional 类 codes, in code order."""
        return tuple(sorted(c for c in self.functional if len(c) == 3))

    # ---------------------------------------------------------------- validation
    def functional_problems(self, code: str) -> tuple[str, ...]:
        """Why `code` is not a valid functional code of the year (empty when valid), in Chinese."""
        if not is_well_formed(code):
            return (f"功能分类科目代码格式不正确：{code!r}（应为3、5或7位数字）",)
        missing = [c for c in ancestors(code) if c not in self.functional]
        return tuple(f"{self.year}年科目表中没有功能分类{level(c).label} {c}" for c in missing)

    def is_valid_functional(self, code: str) -> bool:
        """Whether `code` is a well-formed functional code listed with every level above it."""
        return not self.functional_problems(code)

    def economic_problems(self, code: str) -> tuple[str, ...]:
        """Why `code` is not a valid economic code of the year (empty when valid), in Chinese."""
        if not is_well_formed(code) or len(code) not in _ECONOMIC_LENGTHS:
            return (f"经济分类科目代码格式不正确：{code!r}（应为3或5位数字）",)
        missing = [c for c in ancestors(code) if c not in self.economic]
        return tuple(f"{self.year}年科目表中没有经济分类科目 {c}" for c in missing)

    def is_valid_economic(self, code: str) -> bool:
        """Whether `code` is a listed economic 类 or a listed 款 under a listed 类."""
        return not self.economic_problems(code)

    def is_uncertain(self, code: str) -> bool:
        """Whether the table marks this code or its name as not verified against the official list."""
        return code in self.uncertain_functional or code in self.uncertain_economic

    def name_matches(self, code: str, name: str) -> bool:
        """Whether `name` is the functional name of `code` (this year's name or a former one)."""
        return self.functional.get(code) == name or name in self.former_names.get(code, ())

    # ---------------------------------------------------------------- economic groups
    def is_personnel(self, economic_code: str) -> bool:
        """Whether an economic code belongs to 人员经费 (301, 303 by default)."""
        return economic_code[:3] in self.personnel_classes

    def is_public(self, economic_code: str) -> bool:
        """Whether an economic code belongs to 公用经费 (302, 307, 309, 310, 399 by default)."""
        return economic_code[:3] in self.public_classes


def _children(names: Mapping[str, str], code: str, max_len: int) -> tuple[str, ...]:
    width = len(code) + 2
    if width > max_len:
        return ()
    return tuple(sorted(c for c in names if len(c) == width and c.startswith(code)))


# -------------------------------------------------------------------- loading
def available_years() -> tuple[int, ...]:
    """The years that have a code table of their own, ascending."""
    years = [int(p.name[:-5]) for p in _tables().iterdir() if re.fullmatch(r"\d{4}\.toml", p.name)]
    return tuple(sorted(years))


def table_year_for(year: int) -> int:
    """The year whose table serves `year`: `year` itself, else the nearest year that has one (the earlier on a tie)."""
    years = available_years()
    if not years:
        raise UnknownYearError("没有随程序提供的政府收支分类科目表（安装不完整）")
    return min(years, key=lambda y: (abs(y - year), y))


@functools.lru_cache(maxsize=64)
def named_table(
    year: int, functional: tuple[tuple[str, str], ...], economic: tuple[tuple[str, str], ...], used: tuple[str, ...]
) -> CodeTable:
    """The year's table with a data file's names for the codes it lacks, and `UNNAMED` for any `used` code
    that neither names (so composing never fails; the checker refuses such codes unless the build is forced)."""
    table = load_code_table(year)
    own_functional, own_economic = dict(functional), dict(economic)
    for code in used:
        names, own = (table.functional, own_functional) if is_functional(code) else (table.economic, own_economic)
        if code not in names:
            own.setdefault(code, UNNAMED)
    return table.with_names(own_functional, own_economic)


@functools.cache
def load_code_table(year: int) -> CodeTable:
    """The code table for `year` (falling back to the nearest year that has one), loaded once."""
    data_year = table_year_for(year)
    resource = _tables().joinpath(f"{data_year}.toml")
    return code_table_from_dict(parse_table_text(resource.read_bytes().decode()))


@functools.cache
def _tables() -> Traversable:
    """The folder of the code tables: on the file system beside this module when it is there (as installed;
    importlib.resources' readers cost a cold `validate` 4 ms of imports), else the package's resources."""
    here = Path(__file__).parent.parent.joinpath(*_DATA_DIR)
    if here.is_dir():
        return here
    import importlib.resources  # (a package run from a zip file)

    return importlib.resources.files(_DATA_PACKAGE).joinpath(*_DATA_DIR)


_SECTION = re.compile(r"\[(functional|economic)\][ \t]*\r?")
_PAIR = re.compile(r'"([0-9]{3,7})" = "([^"\\\x00-\x1f\x7f]*)"[ \t]*\r?')
"""A line of a code table as `make_tables.py` writes it: `"2080101" = "行政运行"` (no escapes, no comment)."""


def parse_table_text(text: str) -> dict[str, Any]:
    """`tomllib.loads(text)` of a classification file, in a third of the time.

    The ~1250 lines of [functional] and [economic] all have one plain shape, read here directly; tomllib
    reads the rest (the headers, comments and short tables). Anything else in those two tables (another
    shape, a repeated code, a multi-line string anywhere) is left to tomllib on the whole text, so the
    result, and any error, is tomllib's.
    """
    pairs: dict[str, dict[str, str]] = {"functional": {}, "economic": {}}
    rest: list[str] = []
    section: str | None = None
    if '"""' in text or "'''" in text or text.endswith("\r"):
        return tomllib.loads(text)
    for line in text.split("\n"):
        if line.startswith("["):
            header = _SECTION.fullmatch(line)
            section = header.group(1) if header else None
        elif section is not None:
            pair = _PAIR.fullmatch(line)
            if pair is not None:
                if pair.group(1) in pairs[section]:
                    return tomllib.loads(text)
                pairs[section][pair.group(1)] = pair.group(2)
                continue
            if line.strip(" \t\r") and not line.lstrip(" \t").startswith("#"):
                return tomllib.loads(text)
        rest.append(line)
    try:
        raw = tomllib.loads("\n".join(rest))
    except tomllib.TOMLDecodeError:
        return tomllib.loads(text)
    if any(raw.get(name) != {} for name in pairs):
        return tomllib.loads(text)
    raw.update(pairs)
    return raw


def code_table_from_dict(raw: Mapping[str, Any]) -> CodeTable:
    """A code table from the parsed TOML of a classification file; raises ValueError on bad shapes."""
    functional = _frozen_map(raw["functional"])
    economic = _frozen_map(raw["economic"])
    _check_codes(functional, _FUNCTIONAL_LENGTHS, "functional")
    _check_codes(economic, _ECONOMIC_LENGTHS, "economic")
    basic = raw.get("basic_expenditure", {})
    uncertain = raw.get("uncertain", {})
    former = {str(k): tuple(v) for k, v in raw.get("former_names", {}).items()}
    table = CodeTable(
        year=int(raw["year"]),
        source=str(raw.get("source", "")),
        functional=functional,
        economic=economic,
        statement_classes=tuple(raw["statement"]["classes"]),
        personnel_classes=tuple(basic.get("personnel", ("301", "303"))),
        public_classes=tuple(basic.get("public", ("302", "307", "309", "310", "399"))),
        three_public=ThreePublicCodes(**raw["three_public"]),
        uncertain_functional=frozenset(uncertain.get("functional", ())),
        uncertain_economic=frozenset(uncertain.get("economic", ())),
        former_names=MappingProxyType(former),
    )
    _check_references(table)
    return table


def _check_codes(names: Mapping[str, str], lengths: Mapping[int, int], what: str) -> None:
    bad = [c for c in names if not is_well_formed(c) or len(c) not in lengths or not names[c]]
    orphans = [c for c in names if len(c) > 3 and c[: len(c) - 2] not in names]
    if bad or orphans:
        raise ValueError(f"classification table [{what}]: malformed {bad}, without parent {orphans}")


def _check_references(table: CodeTable) -> None:
    tp = table.three_public
    unknown = [c for c in table.statement_classes if c not in table.functional]
    unknown += [
        c for c in (tp.outbound, tp.vehicle_running, tp.vehicle_purchase, tp.reception) if c not in table.economic
    ]
    if unknown:
        raise ValueError(f"classification table {table.year}: codes referenced but not listed: {unknown}")
