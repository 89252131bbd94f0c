#!/usr/bin/env python3
"""Time `validate` and batch `build` as the 财政局 runs them: cold processes, a folder of departments.

Usage: .venv/bin/python benchmarks/batch.py [--copies 20] [--runs 3] [--jobs 1 2]

The departments are copies of the bundled examples (alternating), each with its own short name, in one
folder. Reported: a cold `validate` of one file (median over runs; it never loads the typesetter), a cold
`validate` of the whole folder per document, and `build FOLDER -j N -o NEW/` wall time and seconds per
document for each N. Speed goals live here, never in the test suite.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(ROOT.glob("examples/*/report.toml"))


def departments(folder: Path, copies: int) -> list[Path]:
    """`copies` data files in `folder`/dNN/report.toml, alternating the examples, short names 部门01…."""
    files = []
    for n in range(1, copies + 1):
        source = EXAMPLES[(n - 1) % len(EXAMPLES)]
        lines = source.read_text(encoding="utf-8").splitlines()
        i = next(i for i, line in enumerate(lines) if line.startswith("short_name ="))
        lines[i] = f'short_name = "部门{n:02d}"'
        target = folder / f"d{n:02d}" / "report.toml"
        target.parent.mkdir(parents=True)
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(target)
    return files


def timed(*args: str) -> float:
    """Wall seconds of one `juesuan-pdf` process (any exit code: the figures are what is timed)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "juesuan_pdf", *args], capture_output=True, env=env, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "各部门"
        files = departments(folder, args.copies)
        timed("validate", str(files[0]))  # untimed: bytecode caches, as an installed package has them
        one = statistics.median(timed("validate", "--quiet", str(files[0])) for _ in range(args.runs))
        print(f"validate, one file (cold process, median of {args.runs}): {one:.2f} s")
        every = timed("validate", "--quiet", str(folder))
        print(f"validate, folder of {len(files)}: {every:.2f} s, {every / len(files):.3f} s per document")
        for jobs in args.jobs:
            out = Path(tmp) / f"out-j{jobs}"
            wall = timed("build", str(folder), "-j", str(jobs), "-o", f"{out}/", "--quiet")
            made = len(list(out.glob("*.pdf")))
            print(f"build -j {jobs}, folder of {len(files)}: {wall:.1f} s, {wall / len(files):.2f} s per document "
                  f"({made} PDFs)")


if __name__ == "__main__":
    main()
