"""Layout tests: positions read off frames, no PDF (a package, so file names may repeat those of tests/typeset)."""
