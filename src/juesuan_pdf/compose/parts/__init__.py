"""compose/parts."""
