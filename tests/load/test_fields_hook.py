"""The loader structures tables with one loop (`toml._fields_hook`), not cattrs' compiled function per class:
the reports and the errors (their kinds, notes and the findings made from them) must be cattrs' own."""

from __future__ import annotations

import copy
import datetime as dt
import random
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from cattrs.gen import make_dict_structure_fn

from juesuan_pdf.load import toml
from juesuan_pdf.load.given import declared_none
from juesuan_pdf.load.paths import line_index

EXAMPLES = sorted((Path(__file__).parents[2] / "examples").glob("*/report.toml"))
ODD_VALUES: list[Any] = ["x", 1, -5, True, Decimal("1.234"), Decimal("1e20"), [], {}, [1, "a"], {"zz": 1},
                        dt.date(2024, 1, 1), 10**40]


def _cattrs_converter() -> Any:
    """The loader's converter with cattrs' generated structure functions (the loader before its own loop)."""

    def class_hook(conv: Any, cls: Any) -> Any:
        inner = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True)

        def hook(value: object, _: Any) -> Any:
            if not isinstance(value, dict):
                raise toml.BadValue("表（用 [名称] 或 {{ }} 写的一组键值）", value)
            return inner(value, cls)

        return hook

    conv = toml.make_converter()
    conv.register_structure_hook_factory(toml.attrs.has, lambda t: class_hook(conv, t))
    return conv


def _paths(data: object, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        yield from _paths(value, (*path, key))


def _mutated(data: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """`data` with one to four keys dropped, unknown keys added or values of the wrong kind."""
    data = copy.deepcopy(data)
    paths = [p for p in _paths(data) if p]
    for _ in range(rng.randint(1, 4)):
        path = rng.choice(paths)
        parent: Any = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            roll = rng.random()
            if roll < 0.3 and isinstance(parent, dict):
                parent.pop(path[-1], None)
            elif roll < 0.45 and isinstance(parent, dict):
                parent[f"{path[-1]}_"] = rng.choice(ODD_VALUES)
            else:
                parent[path[-1]] = copy.deepcopy(rng.choice(ODD_VALUES))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed or replaced this path's parent
    return data


def _outcome(conv: Any, data: dict[str, Any], index: dict[Any, int]) -> tuple[Any, ...]:
    try:
        return ("report", conv.structure(copy.deepcopy(data), toml.Report))
    except Exception as exc:
        leaves = [(path, type(leaf).__name__, str(leaf), [repr(n) for n in getattr(leaf, "__notes__", [])])
                  for path, leaf in toml.flatten(exc)]
        return ("error", type(exc).__name__, str(exc), leaves, [f.render() for f in toml.to_findings(exc, index)])


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_reports_and_errors_are_those_of_cattrs_generated_functions(example: Path) -> None:
    text = toml.read_text(example)
    data, _ = declared_none(toml.parse(text), toml.Report)
    index = line_index(text)
    cattrs_own = _cattrs_converter()
    rng = random.Random(example.parent.name)
    cases = [data] + [_mutated(data, rng) for _ in range(40)]
    outcomes = [(_outcome(toml.CONVERTER, case, index), _outcome(cattrs_own, case, index)) for case in cases]
    assert sum(ours[0] == "error" for ours, _ in outcomes) > 20  # most changes break the data
    for ours, theirs in outcomes:
        assert ours == theirs
