#!/usr/bin/env python3
"""Per-document time of a warm worker: many departments typeset one after another in one process.

Usage: .venv/bin/python benchmarks/warm_batch.py [--departments 60] [DATA.toml ...]

A batch worker imports the package and parses the fonts once, then builds document after document (the
batch runner gives each core such a worker). This measures that: the given data files (default: both
bundled examples) are each turned into distinct departments by renaming them (the name runs through
every part, so their texts differ), and all of them are rendered in turn in this one process. It prints
the import time, the first document's time, and the median and total CPU time per document after it,
with the peak memory of the process. Speed goals live here, never in the test suite.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*/report.toml"))
GOAL = 0.3


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="*", default=[str(p) for p in EXAMPLES])
    ap.add_argument("--departments", type=int, default=60)
    args = ap.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")

    start = time.perf_counter()
    import attrs

    from juesuan_pdf.api import BuildOptions, render_pdf
    from juesuan_pdf.load import load

    imported = time.perf_counter() - start
    reports = [load(path) for path in args.data]
    cpu: list[float] = []
    wall: list[float] = []
    pages = 0
    for k in range(args.departments):
        base = reports[k % len(reports)]
        name = f"示例市第{k + 1}区{base.department.name}"
        report = attrs.evolve(base, department=attrs.evolve(base.department, name=name))
        c0, w0 = time.process_time(), time.perf_counter()
        pages += render_pdf(report, BuildOptions(force=True)).pages
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    warm = cpu[1:] or cpu
    print(f"import {imported:.2f} s; first document {cpu[0]:.2f} s CPU ({wall[0]:.2f} s wall)")
    print(f"{args.departments} documents, {pages} pages: median {statistics.median(warm):.3f} s CPU per document "
          f"after the first (wall {statistics.median(wall[1:] or wall):.3f} s), total {sum(cpu):.1f} s CPU, "
          f"peak RSS {peak:.0f} MiB")
    met = statistics.median(warm) <= GOAL
    print(f"goal: ≤ {GOAL} s per document per core with a warm worker — {'met' if met else 'not met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
