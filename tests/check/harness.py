"""benchmarks/mutations.py loaded as a module, for the tests that use the mutation harness as a guard."""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).parents[2]


@functools.cache
def harness() -> ModuleType:
    """The mutation harness (it lives with the benchmarks, not in the package), loaded once."""
    spec = importlib.util.spec_from_file_location("mutations", ROOT / "benchmarks" / "mutations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
