"""typeset."""
