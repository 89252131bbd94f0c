"""`python -m juesuan_pdf` runs the command line."""

import sys

from juesuan_pdf.cli import main

sys.exit(main())
