"""Performance evaluation (第四部分 附件): reports and self-evaluation tables.

Placeholder root so the report model is importable; the annex engineer replaces it with the full model.
"""

from __future__ import annotations

import attrs


@attrs.frozen
class Performance:
    """The annex data: evaluation reports and self-evaluation tables."""
