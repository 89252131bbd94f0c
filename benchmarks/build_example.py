#!/usr/bin/env python3
"""Time cold builds of the bundled example: whole process, several runs, median, CPU time, peak memory, pages/s.

Usage: .venv/bin/python benchmarks/build_example.py [--runs 5] [--out OUT.pdf] [DATA.toml]

Each run is a fresh `python -m juesuan_pdf build … --force` process, so imports and font loading count,
as they do for a user. Wall time is what a user waits; CPU time (user + system of the child) is reported
too because it barely moves when another process shares the machine. Speed goals live here, never in
the test suite.

Python may write bytecode caches for the runs (PYTHONDONTWRITEBYTECODE is dropped from their environment)
and one untimed run goes first: an installed package has its caches, as `pip install` compiles them, and
a build timed with every module compiled from source would mostly time the compiler.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "zhaohua-renshe-2023" / "report.toml"
GOAL_SECONDS = 1.0


def one_run(data: Path, out: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak resident memory (KiB) of one cold build."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "juesuan_pdf", "build", str(data), "--force", "-o", str(out)],
                   check=True, capture_output=True, env={**env, "SOURCE_DATE_EPOCH": "1700000000"})
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, max(before.ru_maxrss, after.ru_maxrss)


def pages_of(pdf: Path) -> int:
    """Page count read from the PDF's page tree."""
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", default=str(EXAMPLE))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", help="keep the last run's PDF here")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.pdf"
        one_run(Path(args.data), out)  # untimed: writes the bytecode caches
        results = [one_run(Path(args.data), out) for _ in range(args.runs)]
        pages = pages_of(out)
        size = out.stat().st_size
        if args.out:
            shutil.copyfile(out, args.out)
    times = [t for t, _, _ in results]
    cpus = [c for _, c, _ in results]
    median = statistics.median(times)
    peak_mib = max(m for _, _, m in results) / 1024
    print(f"runs {args.runs}: median {median:.2f} s wall (min {min(times):.2f}, max {max(times):.2f}), "
          f"median {statistics.median(cpus):.2f} s CPU, {pages} pages, {pages / median:.1f} pages/s, "
          f"peak RSS {peak_mib:.0f} MiB, {size / 1024:.0f} KiB")
    print(f"goal: < {GOAL_SECONDS:.1f} s per cold build — {'met' if median < GOAL_SECONDS else 'not met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
