"""The console entry point (internal, may change): Ctrl-C is answered in Chinese even during the imports.

`cli` imports attrs, cattrs and the model before `cli.main` can catch anything; a Ctrl-C in those first
tenths of a second would otherwise print Python's KeyboardInterrupt traceback.
"""

from __future__ import annotations

import gc
import sys

EXIT_INTERRUPTED = 130
INTERRUPTED = "\n已中断（Ctrl-C）：没有写出任何文件。\n"


def run() -> int:
    """Import the command line and run it; 130 when interrupted before it could start."""
    try:
        from juesuan_pdf.cli import main
    except KeyboardInterrupt:
        sys.stdout.write(INTERRUPTED)
        return EXIT_INTERRUPTED
    return main()


def script() -> None:
    """`juesuan-pdf`: exit with the command's code.

    For one document the command's own process does the work and then ends, and Python's cycle collector
    is off in it: its passes would walk every object the pipeline keeps (classes, parsed fonts, measurement
    caches) and free next to nothing, and its last pass at shut-down would free memory the operating system
    takes back anyway (callgrind: a cold build of the example 4459 → 4363 million instructions; peak memory
    101 → 104 MiB). For several documents `cli.run_files` turns it back on, as batch workers do (`batch._warm`).
    """
    gc.disable()
    sys.exit(run())
