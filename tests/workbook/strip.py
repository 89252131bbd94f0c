"""A data file with every figure the 13 公开表 state removed (for round-trip tests).

Account lines and economic items keep their entries' other keys (codes, explanations, budgets,
carry-overs the tables do not show); the figures the tables show go.
"""

from __future__ import annotations

import tomlkit

TABLE_SECTIONS = ("income", "expenditure", "balances", "project_expenditure")
LINE_FIELDS = ("basic", "project", "remit_upper", "operating", "subsidy_affiliated", "income", "name")
FLOW_FUNDS = ("政府性基金", "国有资本经营")


def strip_table_figures(text: str) -> str:
    """`text` without the figures of the 13 公开表."""
    doc = tomlkit.parse(text)
    for key in TABLE_SECTIONS:
        doc.pop(key, None)
    fiscal = doc.get("fiscal")
    if isinstance(fiscal, dict):
        fiscal.pop("carry_in", None)
        fiscal.pop("carry_out", None)
    general = doc.get("general_budget")
    if isinstance(general, dict):
        general.pop("total", None)
        general.pop("class_totals", None)
    doc.pop("basic_expenditure", None)
    sangong = doc.get("sangong")
    if isinstance(sangong, dict):
        sangong.pop("budget", None)
        sangong.pop("actual", None)
    for line in doc.get("accounts", []) if isinstance(doc.get("accounts"), list) else []:
        for field in LINE_FIELDS:
            line.pop(field, None)
        if line.get("fund") in FLOW_FUNDS:
            line.pop("carry_in", None)
            line.pop("carry_out", None)
    return tomlkit.dumps(doc)
