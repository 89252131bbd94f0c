"""The JSON Schema of the data file, generated from the model and its Chinese descriptions.

Editors with TOML schema support (Taplo / Even Better TOML in VS Code) read it through the `#:schema`
line `init` writes, to complete keys, show each key's description and flag unknown keys. Every value
may also be the marker `待填` (still to fill), as `load` accepts it and lists it, and every section the
word `无` (the department has none of it).
"""

from __future__ import annotations

import json
from typing import Any

from juesuan_pdf.load.given import NONE_WORD
from juesuan_pdf.load.toml import UNFILLED
from juesuan_pdf.template.fields import Key, Kind, keys

SCHEMA_ID = "https://juesuan-pdf.invalid/report.schema.json"
_SCALARS: dict[Kind, dict[str, Any]] = {
    "money": {"type": "number"},
    "int": {"type": "integer"},
    "text": {"type": "string"},
    "bool": {"type": "boolean"},
    "date": {"type": "string", "format": "date"},
}
_TODO = {"const": UNFILLED, "description": "尚未填写"}
_NONE = {"const": NONE_WORD, "description": "没有此项（整段写作“无”）"}


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a data file."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "juesuan-pdf 部门决算公开数据文件",
        "description": "一个部门（单位）一个年度的决算公开数据；金额以万元为单位。",
        **_object(keys()),
    }


def schema_text() -> str:
    """The schema as indented JSON text, keys in model order (same text every run)."""
    return json.dumps(schema(), ensure_ascii=False, indent=2) + "\n"


def _object(children: tuple[Key, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {k.name: _property(k) for k in children},
        "required": [k.name for k in children if k.required],
        "additionalProperties": False,
    }


def _property(key: Key) -> dict[str, Any]:
    value = _value(key)
    if key.kind in ("table", "tables", "map"):  # a section may be declared empty: `sangong = "无"`
        value = {"anyOf": [value, _NONE]}
    return {"description": key.description, **value}


def _value(key: Key) -> dict[str, Any]:
    if key.kind == "table":
        return _object(key.children)
    if key.kind == "tables":
        return {"type": "array", "items": _object(key.children)}
    if key.kind == "texts":
        return {"type": "array", "items": {"type": "string"}}
    if key.kind == "map":
        assert key.value_kind is not None
        return {"type": "object", "additionalProperties": _or_todo(_SCALARS[key.value_kind])}
    if key.kind == "choice":
        return _or_todo({"enum": list(key.choices)})
    return _or_todo(_SCALARS[key.kind])


def _or_todo(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, _TODO]}
