"""compose/sections."""
