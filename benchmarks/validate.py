#!/usr/bin/env python3
"""Time cold `juesuan-pdf validate` of one data file: fresh processes, median wall and CPU time.

Usage:
    .venv/bin/python benchmarks/validate.py [--runs 9] [DATA.toml]
    .venv/bin/python benchmarks/validate.py --version before=/other/checkout/src --version after=src

Each run is a fresh `python -m juesuan_pdf validate --quiet DATA` process, so Python's start-up and every
import count, as they do for a clerk. With several `--version LABEL=SRC`, each run sets PYTHONPATH=SRC and
the versions take turns (before, after, before, after, …), so a load change on the shared machine hits
both alike. CPU time (user + system of the child) barely moves with the machine's load; wall time does.

`--startup` times instead what a cold `build` of DATA pays before typesetting: the process runs the
command `build DATA --force -o OUT.pdf` and ends where it would call the typesetter, so the imports, the
loading, checking and composing count, the typesetting and writing not (`juesuan_pdf.typeset` itself is
imported first; until the first document it loads no reportlab).

Bytecode caches may be written (one untimed run of each version goes first), as an installed package has
them. Speed goals live here, never in the test suite.
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
GOAL_SECONDS = 0.25

STARTUP = """
import importlib, os, sys
typeset = importlib.import_module("juesuan_pdf.typeset")
typeset.typeset = lambda *args, **kwargs: os._exit(0)  # the typesetter is reached: stop the clock
from juesuan_pdf.cli import main
main(["build", sys.argv[1], "--force", "-o", sys.argv[2]])
sys.exit(3)
"""
"""A cold one-file `build` up to the moment it calls the typesetter (imports, load, check, compose)."""


def one_run(command: list[str], src: str | None) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh process."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
    if src:
        env["PYTHONPATH"] = str(Path(src).resolve())
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=env, check=False)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # (a startup run that never reached the typesetter exits 3)
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout.decode()}{done.stderr.decode()}")
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", default=str(EXAMPLE))
    ap.add_argument("--runs", type=int, default=9, help="timed runs of each version")
    ap.add_argument("--version", action="append", default=[], metavar="LABEL=SRC",
                    help="a checkout's src folder to run (repeat to alternate versions); default: the installed one")
    ap.add_argument("--startup", action="store_true", help="time the imports a build makes before typesetting")
    args = ap.parse_args()
    versions = [tuple(v.split("=", 1)) for v in args.version] or [("installed", "")]
    if args.startup:
        command = [sys.executable, "-c", STARTUP, args.data, os.path.join(tempfile.gettempdir(), "startup.pdf")]
    else:
        command = [sys.executable, "-m", "juesuan_pdf", "validate", "--quiet", args.data]
    for _, src in versions:
        one_run(command, src)  # untimed: bytecode caches
    results: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in versions}
    for _ in range(args.runs):
        for label, src in versions:
            results[label].append(one_run(command, src))
    what = "build start-up" if args.startup else "validate"
    for label, runs in results.items():
        walls = [w for w, _ in runs]
        cpus = [c for _, c in runs]
        print(f"{label}: {what}, {args.runs} runs: median {statistics.median(walls):.3f} s wall "
              f"(min {min(walls):.3f}, max {max(walls):.3f}), median {statistics.median(cpus):.3f} s CPU "
              f"(min {min(cpus):.3f}, max {max(cpus):.3f})")
    if not args.startup:
        print(f"goal: validate ≤ {GOAL_SECONDS:.2f} s")
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
