"""The 13 公开表 of 第五部分 附表, one module each, in document order.

Each module has `NUMBER` and `build(report, profile) -> doc.Table`; `TABLES` lists them in order. Titles and
notes are the profile's (`Profile.table_titles`, its `tNN.note` sentences); the column words are the forms'.
"""

from __future__ import annotations

from types import ModuleType

from juesuan_pdf.compose.tables import (
    t01_income_expenditure,
    t02_income,
    t03_expenditure,
    t04_fiscal_totals,
    t05_fiscal_detail,
    t06_general_budget,
    t07_general_budget_detail,
    t08_basic,
    t09_project,
    t10_gov_fund,
    t11_state_capital_flow,
    t12_state_capital,
    t13_sangong,
)

TABLES: tuple[ModuleType, ...] = (
    t01_income_expenditure,
    t02_income,
    t03_expenditure,
    t04_fiscal_totals,
    t05_fiscal_detail,
    t06_general_budget,
    t07_general_budget_detail,
    t08_basic,
    t09_project,
    t10_gov_fund,
    t11_state_capital_flow,
    t12_state_capital,
    t13_sangong,
)
