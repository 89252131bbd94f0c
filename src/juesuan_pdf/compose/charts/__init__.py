"""compose/charts."""
