#!/usr/bin/env python3
"""Where a cold build's time goes: CPU seconds per phase of one build, in one fresh process.

Usage: .venv/bin/python benchmarks/phases.py [--runs 5] [DATA.toml]

Each run is a fresh interpreter that imports the pipeline, loads, checks and composes the data, lays the
document out as frames (`typeset.lay_out`: no PDF) and writes the PDF (`typeset.writer`), then lays out
and writes the same document a second time (a warm worker's cost). It prints the median CPU time of each
phase over the runs; CPU time moves less than wall time when other processes share the machine. Speed
goals live here, never in the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "zhaohua-renshe-2023" / "report.toml"

CHILD = r"""
import json, sys, time
clock = time.process_time
t = [clock()]
from juesuan_pdf.check import check
from juesuan_pdf.compose import compose
from juesuan_pdf.load import load
t.append(clock())
from juesuan_pdf.typeset import TypesetOptions, _font_set, geometry, lay_out, writer
from juesuan_pdf.typeset.layout import charts, document, tables
t.append(clock())
report = load(sys.argv[1]); t.append(clock())
check(report); t.append(clock())
doc = compose(report); t.append(clock())
options = TypesetOptions()
def write(pages):
    fonts = _font_set(options)
    return writer.write(pages, doc.metadata, initial_font=fonts.font_name("body"),
                        initial_size=geometry(options.geometry).body_size)
try:
    from juesuan_pdf.collector import paused as _no_cycle_collection  # as typeset() does
except ImportError:  # an older version, whose typeset() let the collector run
    from contextlib import nullcontext as _no_cycle_collection
with _no_cycle_collection():
    pages = lay_out(doc, options); t.append(clock())
    write(pages); t.append(clock())
with _no_cycle_collection():
    pages = lay_out(doc, options); t.append(clock())
    write(pages); t.append(clock())
names = ["imports", "typeset imports", "load", "check", "compose", "layout", "write", "layout (warm)", "write (warm)"]
print(json.dumps({"startup": t[0], "pages": len(pages), **{n: b - a for n, a, b in zip(names, t, t[1:])}}))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", default=str(EXAMPLE))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    # An installed package has its bytecode caches: the children may write them (this machine's shells set
    # PYTHONDONTWRITEBYTECODE, which would make every run compile the changed modules again), and one
    # untimed run writes them first.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    runs = []
    for k in range(args.runs + 1):
        out = subprocess.run([sys.executable, "-c", CHILD, args.data], check=True, capture_output=True, text=True,
                             env=env)
        if k:
            runs.append(json.loads(out.stdout))
    pages = runs[0].pop("pages")
    keys = [k for k in runs[0] if k != "pages"]
    medians = {k: statistics.median(r[k] for r in runs) for k in keys}
    for k in keys:
        print(f"{k:>16}: {medians[k]:.3f} s CPU")
    cold = sum(v for k, v in medians.items() if "warm" not in k)
    warm = medians["layout (warm)"] + medians["write (warm)"]
    print(f"{'cold build':>16}: {cold:.3f} s CPU ({pages} pages; goal 1.0 s)")
    print(f"{'warm document':>16}: {warm:.3f} s CPU ({warm / pages * 1000:.1f} ms/page)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
