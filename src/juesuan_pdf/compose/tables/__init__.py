"""compose/tables."""
