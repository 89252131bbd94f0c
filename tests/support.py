"""Where the tests find the reference document and the team's proof-reading tools.

The shared copies beside the project (`../shared`) win when present, so the tests follow their updates;
otherwise the copies vendored under `tests/` are used, so a fresh clone alone runs every test.
"""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent
SHARED = TESTS.parents[1] / "shared"


def _pick(shared: Path, vendored: Path) -> Path:
    return shared if shared.exists() else vendored


REFERENCE = _pick(SHARED / "reference" / "000_51d5fedaae8918af.txt", TESTS / "data" / "000_51d5fedaae8918af.txt")
FIDELITY = _pick(SHARED / "tools" / "fidelity.py", TESTS / "tools" / "fidelity.py")
TYPO_AUDIT = _pick(SHARED / "tools" / "typo_audit.py", TESTS / "tools" / "typo_audit.py")
