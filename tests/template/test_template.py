"""init, schema and the README key reference: all three from the model, so none omits a key."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import tomlkit

from juesuan_pdf.cli import main
from juesuan_pdf.errors import IncompleteError
from juesuan_pdf.load import load
from juesuan_pdf.load.toml import UNFILLED
from juesuan_pdf.template.fields import Key, all_keys, undescribed
from juesuan_pdf.template.init import COMMENTED_OUT, OPTIONAL_KEYS, SCHEMA_FILE, template
from juesuan_pdf.template.readme import updated
from juesuan_pdf.template.schema import schema

ROOT = Path(__file__).parents[2]
EXAMPLES = sorted(ROOT.glob("examples/*/report.toml"))
KEYS = {k.path: k for k in all_keys()}


def test_every_model_field_is_described() -> None:
    assert undescribed() == [], "add these to template/descriptions.py (what goes there, where it appears)"


def test_readme_key_reference_is_generated_from_the_model() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert updated(readme) == readme, "run: python -m juesuan_pdf.template.readme README.md"
    for path in KEYS:
        assert f"`{path}`" in readme


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_examples_satisfy_the_schema(example: Path) -> None:
    data = _plain(tomllib.loads(example.read_text(encoding="utf-8")))
    jsonschema.Draft202012Validator(schema()).validate(data)


def test_schema_rejects_an_unknown_key_and_describes_every_key() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())
    data = _plain(tomllib.loads(EXAMPLES[0].read_text(encoding="utf-8")))
    data["department"]["short_nmae"] = "x"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema()).validate(data)
    text = json.dumps(schema(), ensure_ascii=False)
    for key in KEYS.values():
        assert json.dumps(key.description, ensure_ascii=False) in text


def _paths(data: Any, prefix: str = "") -> set[str]:
    found: set[str] = set()
    if isinstance(data, dict):
        for name, value in data.items():
            path = f"{prefix}{name}"
            found.add(path)
            if isinstance(value, list) and value and isinstance(value[0], dict):
                found |= _paths(value[0], f"{path}[].")
            elif isinstance(value, dict) and KEYS.get(path) and KEYS[path].kind == "table":
                found |= _paths(value, f"{path}.")
    return found


def test_init_writes_every_key_with_its_description() -> None:
    text = template(2024, "单位")
    assert text.startswith(f"#:schema ./{SCHEMA_FILE}\n")
    data = tomllib.loads(text)
    assert data["year"] == 2024 and data["department"]["subject"] == "单位"
    commented = {p for p, k in KEYS.items() if k.ref in COMMENTED_OUT}
    hidden = {p for p in KEYS if any(p == c or p.startswith(c + "[]") for c in commented)}
    settings = {p for p, k in KEYS.items() if (k.owner == "Publication" and k.default is None
                and k.kind not in ("table", "tables", "map")) or k.ref in OPTIONAL_KEYS}
    assert _paths(data) == set(KEYS) - hidden - settings
    for path in hidden | settings:
        assert f"# {KEYS[path].name} = " in text or f"# [[{path}]]" in text
    for key in KEYS.values():
        assert key.description in text


def test_init_then_validate_lists_every_unfilled_value_by_line(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.toml"
    assert main(["init", "-o", str(target), "--year", "2024"]) == 0
    assert (tmp_path / SCHEMA_FILE).exists()
    capsys.readouterr()
    text = target.read_text(encoding="utf-8")
    todo_lines = [n for n, line in enumerate(text.splitlines(), 1)
                  if f'"{UNFILLED}"' in line and not line.lstrip().startswith("#")]
    assert main(["validate", str(target)]) == 1
    err = capsys.readouterr().out  # all messages on one stream
    reported = [line for line in err.splitlines() if line.startswith("[错误] 待填写")]
    assert [int(line.split("（第")[1].split("行")[0]) for line in reported] == todo_lines
    assert main(["build", str(target), "-o", str(tmp_path / "x.pdf")]) == 1
    assert not (tmp_path / "x.pdf").exists()
    assert main(["init", "-o", str(target)]) == 2  # never clobbers a file without --force


def _filler(key: Key) -> Any:
    if key.kind == "money":
        return 0
    if key.kind == "int":
        return 1
    if key.kind == "date":
        return dt.date(2025, 9, 1)
    if key.kind == "choice":
        return key.choices[0]
    if key.kind == "bool":
        return True
    if key.name == "code":
        return "2080101" if key.owner == "AccountLine" else "30101"
    return "示例文字"


def _fill(node: Any, path: list[str | int]) -> None:
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for name, value in list(items):
        here = [*path, name]
        if isinstance(value, str) and value == UNFILLED:
            node[name] = _filler(_lookup(here))
        elif isinstance(value, dict | list):
            _fill(value, here)


def _lookup(path: list[str | int]) -> Key:
    parts: list[str] = []
    for part in path:
        if isinstance(part, int):
            if parts and parts[-1] not in ("paragraphs", "pre_assessed") and not parts[-1].endswith("[]"):
                parts[-1] += "[]"
        else:
            parts.append(part)
    return KEYS[".".join(parts)]


def test_init_filled_in_loads(tmp_path: Path) -> None:
    doc = tomlkit.parse(template(2024))
    _fill(doc, [])
    target = tmp_path / "report.toml"
    target.write_text(tomlkit.dumps(doc), encoding="utf-8")
    report = load(target)  # no IncompleteError, no LoadError
    assert report.year == 2024 and report.department.name == "示例文字"


def test_template_refused_by_load(tmp_path: Path) -> None:
    target = tmp_path / "report.toml"
    target.write_text(template(2024), encoding="utf-8")
    with pytest.raises(IncompleteError):
        load(target)


def test_init_and_schema_create_the_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "a" / "report.toml"
    assert main(["init", "-o", str(target), "--year", "2024"]) == 0
    assert "year = 2024" in target.read_text(encoding="utf-8")
    assert (target.parent / SCHEMA_FILE).is_file()
    schema_file = tmp_path / "nodir" / "s.json"
    assert main(["schema", "-o", str(schema_file)]) == 0
    assert json.loads(schema_file.read_text(encoding="utf-8"))["properties"]["year"]
    assert ".tmp" not in capsys.readouterr().out


@pytest.mark.parametrize("year", ["1800", "1999", "2101", "20244"])
def test_init_refuses_a_year_out_of_range(year: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.toml"
    assert main(["init", "-o", str(target), "--year", year]) == 2
    assert f"--year {year}：决算年度应在 2000–2100 之间" in capsys.readouterr().out
    assert not target.exists() and not (tmp_path / SCHEMA_FILE).exists()


def test_init_marks_only_what_the_clerk_must_write() -> None:
    data = tomllib.loads(template(2024))
    for table in (data["totals"], data["fiscal"]["comparison"]):
        assert table["prior"] == UNFILLED and table["reason"] == UNFILLED
        assert not {"prior_income", "prior_expenditure", "income_rate", "expenditure_rate"} & set(table)
    text = template(2024)
    for name in ("prior_income", "prior_expenditure", "income_rate", "expenditure_rate"):
        assert text.count(f"# {name} = ") == 2  # ready to uncomment, under [totals] and [fiscal.comparison]
