"""Profiles name their builders by module (`Later`): each name resolves, and a composed document is built by them."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from juesuan_pdf.compose.profile import Later
from juesuan_pdf.compose.profiles import PROFILES

EXAMPLE = Path(__file__).parents[2] / "examples" / "zhaohua-renshe-2023" / "report.toml"


def _builders() -> list[tuple[str, object]]:
    return [(f"{name}:{spec.key}", spec.build) for name, profile in PROFILES.items()
            for spec in (*profile.parts, *profile.sections)]


@pytest.mark.parametrize(("key", "build"), _builders())
def test_every_named_builder_is_a_function_of_its_module(key: str, build: object) -> None:
    assert isinstance(build, Later), key
    assert callable(getattr(importlib.import_module(build.module), build.name)), key


def test_a_later_builder_gives_what_its_function_gives() -> None:
    from juesuan_pdf.compose.profiles import for_report
    from juesuan_pdf.compose.sections import s02_income
    from juesuan_pdf.load import load

    report = load(EXAMPLE)
    profile = for_report(report)
    blocks = Later("juesuan_pdf.compose.sections.s02_income")(report, profile)
    assert blocks and blocks == s02_income.build(report, profile)
