#!/usr/bin/env python3
"""Time cold builds of the bundled example: whole process, several runs, median, peak memory, pages/s.

Usage: .venv/bin/python benchmarks/build_example.py [--runs 5] [DATA.toml]

Each run is a fresh `python -m juesuan_pdf build … --force` process, so font parsing and imports count,
as they do for a user. Speed goals live here, never in the test suite.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "zhaohua-renshe-2023" / "report.toml"
GOAL_SECONDS = 1.0


def one_run(data: Path, out: Path) -> tuple[float, int]:
    """Seconds of wall time and peak resident memory (KiB) of one cold build."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "juesuan_pdf", "build", str(data), "--force", "-o", str(out)],
                   check=True, capture_output=True, env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})
    seconds = time.perf_counter() - start
    return seconds, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def pages_of(pdf: Path) -> int:
    """Page count read from the PDF's page tree."""
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", default=str(EXAMPLE))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.pdf"
        results = [one_run(Path(args.data), out) for _ in range(args.runs)]
        pages = pages_of(out)
    times = [t for t, _ in results]
    median = statistics.median(times)
    peak_mib = max(m for _, m in results) / 1024
    print(f"runs {args.runs}: median {median:.2f} s (min {min(times):.2f}, max {max(times):.2f}), "
          f"{pages} pages, {pages / median:.1f} pages/s, peak RSS {peak_mib:.0f} MiB")
    print(f"goal: < {GOAL_SECONDS:.1f} s per cold build — {'met' if median < GOAL_SECONDS else 'not met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
