"""The smallest data file the loader accepts, and the messages a broken copy of it gets (shared by the load tests)."""

from __future__ import annotations

import pytest

from juesuan_pdf.errors import LoadError
from juesuan_pdf.load import loads

MINIMAL = """\
year = 2023
[department]
name = "某某局"
short_name = "某局"
[income]
general_budget = 100.5
[[accounts]]
code = "2080101"
basic = 100.5
"""


def problems(text: str) -> list[str]:
    """The rendered findings of loading `text`, which must fail."""
    with pytest.raises(LoadError) as info:
        loads(text)
    return [f.render() for f in info.value.findings]
