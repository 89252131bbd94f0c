"""`python -m juesuan_pdf` runs the command line."""

from juesuan_pdf._entry import script

script()
