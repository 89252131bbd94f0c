"""The keys of the data file, read from the model's attrs classes: name, kind, whether required, default
and Chinese description. `init`, `schema` and the README's key reference all walk this one tree, so a key
added to the model appears in all three."""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from decimal import Decimal
from typing import Any, Literal

import attrs

from juesuan_pdf.load.toml import LOADER_FIELDS
from juesuan_pdf.model.report import Report
from juesuan_pdf.template.descriptions import DESCRIPTIONS

Kind = Literal["money", "int", "text", "bool", "date", "choice", "texts", "table", "tables", "map"]


@attrs.frozen
class Key:
    """One key of the data file.

    `path` is dotted with `[]` for arrays of tables (`accounts[].code`); `owner` is the model class that
    has the field (`AccountLine`); `children` are the keys of a table or of each entry of an array of
    tables; `value_kind` is the kind of a map's values; `default` the model's default (attrs.NOTHING:
    required).
    """

    path: str
    name: str
    owner: str
    kind: Kind
    required: bool
    optional: bool
    default: Any
    description: str
    choices: tuple[Any, ...] = ()
    children: tuple[Key, ...] = ()
    value_kind: Kind | None = None
    model: type | None = None

    @property
    def ref(self) -> str:
        """`Class.field`: the key of its description."""
        return f"{self.owner}.{self.name}"

    def walk(self) -> typing.Iterator[Key]:
        """This key and every key below it, in model order."""
        yield self
        for child in self.children:
            yield from child.walk()


class UndescribedError(LookupError):
    """A model field without a Chinese description (add it to `descriptions.py`)."""


def description(cls: type, field: attrs.Attribute[Any]) -> str:
    """The field's Chinese description: its own metadata, else the descriptions table ('' when missing)."""
    own = field.metadata.get("description") if field.metadata else None
    return str(own) if own else DESCRIPTIONS.get(f"{cls.__name__}.{field.name}", "")


@functools.cache
def keys(root: type = Report) -> tuple[Key, ...]:
    """The keys of a data file: the fields of `root`, recursively."""
    return _fields(root, "")


def all_keys(root: type = Report) -> list[Key]:
    """Every key, depth first."""
    return [k for top in keys(root) for k in top.walk()]


def _fields(cls: type, prefix: str) -> tuple[Key, ...]:
    hints = typing.get_type_hints(cls)
    own = LOADER_FIELDS if cls is Report else ()  # filled by the loader, never written in a data file
    return tuple(_key(cls, f, hints[f.name], prefix) for f in attrs.fields(cls) if f.name not in own)


def _key(cls: type, field: attrs.Attribute[Any], hint: Any, prefix: str) -> Key:
    path = f"{prefix}{field.name}"
    optional = _is_optional(hint)
    inner = _without_none(hint)
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        default = default.factory()
    common: dict[str, Any] = {
        "path": path, "name": field.name, "owner": cls.__name__, "required": field.default is attrs.NOTHING,
        "optional": optional, "default": default, "description": description(cls, field),
    }
    origin = typing.get_origin(inner)
    args = typing.get_args(inner)
    if attrs.has(inner):
        return Key(kind="table", children=_fields(inner, f"{path}."), model=inner, **common)
    if origin is tuple and attrs.has(args[0]):
        return Key(kind="tables", children=_fields(args[0], f"{path}[]."), model=args[0], **common)
    if origin is tuple:
        return Key(kind="texts", **common)
    if origin is dict:
        return Key(kind="map", value_kind=_scalar_kind(args[1]), **common)
    if origin is Literal:
        return Key(kind="choice", choices=args, **common)
    return Key(kind=_scalar_kind(inner), **common)


def _scalar_kind(hint: Any) -> Kind:
    kinds: dict[Any, Kind] = {Decimal: "money", int: "int", str: "text", bool: "bool", dt.date: "date"}
    if hint not in kinds:
        raise TypeError(f"no data-file kind for {hint!r}")
    return kinds[hint]


def _is_optional(hint: Any) -> bool:
    return typing.get_origin(hint) in (types.UnionType, typing.Union) and type(None) in typing.get_args(hint)


def _without_none(hint: Any) -> Any:
    if _is_optional(hint):
        rest = [a for a in typing.get_args(hint) if a is not type(None)]
        return rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]  # noqa: UP007
    return hint


def undescribed(root: type = Report) -> list[str]:
    """`Class.field` of every model field without a description."""
    return sorted({k.ref for k in all_keys(root) if not k.description})
